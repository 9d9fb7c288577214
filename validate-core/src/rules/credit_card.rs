//! `credit_card`: the value is a valid credit card number; see [`crate::formats::is_credit_card`].

use crate::Error;

/// Whether `s` is a valid credit card number.
#[inline]
pub fn check(s: &str) -> bool {
    crate::formats::is_credit_card(s)
}

/// The `credit_card` error.
#[cold]
pub fn error() -> Error {
    Error::new("credit_card").with_message("must be a valid credit card number")
}
