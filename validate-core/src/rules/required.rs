//! `required`: an `Option` field must be `Some`.

use crate::Error;

/// Whether the value is present.
#[inline]
pub fn check<T>(value: Option<&T>) -> bool {
    value.is_some()
}

/// The `required` error.
#[cold]
pub fn error() -> Error {
    Error::new("required").with_message("is required")
}
