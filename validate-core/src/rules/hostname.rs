//! `hostname`: the value is a valid hostname; see [`crate::formats::is_hostname`].

use crate::Error;

/// The `hostname` error.
#[cold]
pub fn error() -> Error {
    Error::new("hostname").with_message("must be a valid hostname")
}
