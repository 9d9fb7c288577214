//! `ascii`: every character is ASCII.

use crate::Error;

/// Whether `s` is all ASCII.
#[inline]
pub fn check(s: &str) -> bool {
    s.is_ascii()
}

/// The `ascii` error.
#[cold]
pub fn error() -> Error {
    Error::new("ascii").with_message("must contain only ASCII characters")
}
