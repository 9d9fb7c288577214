//! `must_match(other)`: the field equals another field of the same struct.

use crate::Error;

/// Whether the two fields are equal. The derive compares them with `==` itself, so that a type
/// without `PartialEq` is reported at the rule.
#[inline]
pub fn check<T: PartialEq<U> + ?Sized, U: ?Sized>(value: &T, other: &U) -> bool {
    value == other
}

/// The `must_match` error; `other` is the other field's wire name.
#[cold]
pub fn error(other: &'static str) -> Error {
    Error::new("must_match")
        .with_message(format!("must match {other}"))
        .with_param("other", other)
}
