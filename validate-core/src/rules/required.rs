//! `required`: an `Option` field must be `Some`.

use crate::Error;

/// The `required` error.
#[cold]
pub fn error() -> Error {
    Error::new("required").with_message("is required")
}
