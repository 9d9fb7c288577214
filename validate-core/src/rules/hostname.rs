//! `hostname`: the value is a valid hostname; see [`crate::formats::is_hostname`].

use crate::Error;

/// Whether `s` is a valid hostname.
#[inline]
pub fn check(s: &str) -> bool {
    crate::formats::is_hostname(s)
}

/// The `hostname` error.
#[cold]
pub fn error() -> Error {
    Error::new("hostname").with_message("must be a valid hostname")
}
