//! `ipv4`: the value is a valid IPv4 address; see [`crate::formats::is_ipv4`].

use crate::Error;

/// Whether `s` is a valid IPv4 address.
#[inline]
pub fn check(s: &str) -> bool {
    crate::formats::is_ipv4(s)
}

/// The `ipv4` error.
#[cold]
pub fn error() -> Error {
    Error::new("ipv4").with_message("must be a valid IPv4 address")
}
