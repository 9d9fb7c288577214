//! `not_contains = ".."`: the value must not contain the given text.

use crate::Error;

/// Whether `s` does not contain `needle`.
#[inline]
pub fn check(s: &str, needle: &str) -> bool {
    !s.contains(needle)
}

/// The `not_contains` error.
#[cold]
pub fn error(needle: &'static str) -> Error {
    Error::new("not_contains")
        .with_message(format!("must not contain \"{needle}\""))
        .with_param("not_contains", needle)
}
