//! `none_of(..)`: the value is none of the listed literals.

use crate::rules::{one_of, range::Number};
use crate::{Error, Param};

/// Whether `s` is none of `values`.
#[inline]
pub fn check(s: &str, values: &[&str]) -> bool {
    !one_of::check(s, values)
}

/// Whether `n` equals none of `values`.
#[inline]
pub fn check_number(n: Number, values: &[Number]) -> bool {
    !one_of::check_number(n, values)
}

/// The `none_of` error listing the forbidden values.
#[cold]
pub fn error(values: Vec<Param>) -> Error {
    let values = Param::List(values);
    Error::new("none_of")
        .with_message(format!("must not be one of: {values}"))
        .with_param("values", values)
}
