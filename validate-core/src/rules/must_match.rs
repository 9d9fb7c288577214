//! `must_match(other)`: the field equals another field of the same struct.

use crate::Error;

/// The `must_match` error; `other` is the other field's wire name.
#[cold]
pub fn error(other: &'static str) -> Error {
    Error::new("must_match")
        .with_message(format!("must match {other}"))
        .with_param("other", other)
}
