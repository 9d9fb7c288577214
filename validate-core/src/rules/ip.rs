//! `ip`: the value is a valid IP address; see [`crate::formats::is_ip`].

use crate::Error;

/// Whether `s` is a valid IP address.
#[inline]
pub fn check(s: &str) -> bool {
    crate::formats::is_ip(s)
}

/// The `ip` error.
#[cold]
pub fn error() -> Error {
    Error::new("ip").with_message("must be a valid IP address")
}
