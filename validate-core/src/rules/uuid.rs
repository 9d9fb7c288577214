//! `uuid`: the value is a valid UUID; see [`crate::formats::is_uuid`].

use crate::Error;

/// The `uuid` error.
#[cold]
pub fn error() -> Error {
    Error::new("uuid").with_message("must be a valid UUID")
}
