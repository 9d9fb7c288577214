//! `uuid`: the value is a valid UUID; see [`crate::formats::is_uuid`].

use crate::Error;

/// Whether `s` is a valid UUID.
#[inline]
pub fn check(s: &str) -> bool {
    crate::formats::is_uuid(s)
}

/// The `uuid` error.
#[cold]
pub fn error() -> Error {
    Error::new("uuid").with_message("must be a valid UUID")
}
