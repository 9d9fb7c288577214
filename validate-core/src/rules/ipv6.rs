//! `ipv6`: the value is a valid IPv6 address; see [`crate::formats::is_ipv6`].

use crate::Error;

/// Whether `s` is a valid IPv6 address.
#[inline]
pub fn check(s: &str) -> bool {
    crate::formats::is_ipv6(s)
}

/// The `ipv6` error.
#[cold]
pub fn error() -> Error {
    Error::new("ipv6").with_message("must be a valid IPv6 address")
}
