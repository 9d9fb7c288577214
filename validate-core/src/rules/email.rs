//! `email`: the value is a valid email address; see [`crate::formats::is_email`].

use crate::Error;

/// The `email` error.
#[cold]
pub fn error() -> Error {
    Error::new("email").with_message("must be a valid email address")
}

/// The `email(..)` rule's check with its options.
#[inline]
pub fn check(s: &str, options: crate::formats::EmailOptions) -> bool {
    crate::formats::is_email_with(s, options)
}
