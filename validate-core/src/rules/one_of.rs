//! `one_of(..)`: the value is one of the listed literals.

use crate::rules::range::Number;
use crate::{Error, Param};

/// The `one_of` error listing the allowed values.
#[cold]
pub fn error(values: Vec<Param>) -> Error {
    let values = Param::List(values);
    Error::new("one_of")
        .with_message(format!("must be one of: {values}"))
        .with_param("values", values)
}

/// Whether `s` is one of `values`.
///
/// ```
/// use validate_core::rules::one_of::check;
/// assert!(check("red", &["red", "green"]));
/// assert!(!check("blue", &["red", "green"]));
/// ```
#[inline]
pub fn check(s: &str, values: &[&str]) -> bool {
    values.contains(&s)
}

/// Whether `n` equals one of `values`, compared as `range` compares numbers.
///
/// ```
/// use validate_core::rules::one_of::check_number;
/// use validate_core::rules::range::Number;
/// assert!(check_number(Number::Int(2), &[Number::Int(1), Number::Float(2.0)]));
/// assert!(!check_number(Number::Float(f64::NAN), &[Number::Float(f64::NAN)]));
/// ```
#[inline]
pub fn check_number(n: Number, values: &[Number]) -> bool {
    values
        .iter()
        .any(|v| n.compare(*v) == Some(std::cmp::Ordering::Equal))
}
