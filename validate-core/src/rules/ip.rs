//! `ip`: the value is a valid IP address; see [`crate::formats::is_ip`].

use crate::Error;

/// The `ip` error.
#[cold]
pub fn error() -> Error {
    Error::new("ip").with_message("must be a valid IP address")
}
