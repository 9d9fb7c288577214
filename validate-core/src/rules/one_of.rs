//! `one_of(..)`: the value is one of the listed literals. The derive turns a string list into a
//! `match` on the value, and a number list into comparisons.

use crate::{Error, Param};

/// The `one_of` error listing the allowed values.
#[cold]
pub fn error(values: Vec<Param>) -> Error {
    let list = values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Error::new("one_of")
        .with_message(format!("must be one of: {list}"))
        .with_param("values", Param::List(values))
}

/// Whether `n` equals one of `values`.
#[inline]
pub fn contains_number(
    n: crate::rules::range::Number,
    values: &[crate::rules::range::Number],
) -> bool {
    values
        .iter()
        .any(|v| n.compare(*v) == Some(std::cmp::Ordering::Equal))
}
