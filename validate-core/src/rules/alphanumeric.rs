//! `alphanumeric`: every character is an ASCII letter or digit.

use crate::Error;

/// Whether `s` is all ASCII letters and digits (the empty string is).
#[inline]
pub fn check(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The `alphanumeric` error.
#[cold]
pub fn error() -> Error {
    Error::new("alphanumeric").with_message("must contain only ASCII letters and digits")
}
