//! `contains = ".."`: the value must contain the given text.

use crate::Error;

/// Whether `s` must contain `needle`.
#[inline]
pub fn check(s: &str, needle: &str) -> bool {
    s.contains(needle)
}

/// The `contains` error.
#[cold]
pub fn error(needle: &'static str) -> Error {
    Error::new("contains")
        .with_message(format!("must contain \"{needle}\""))
        .with_param("contains", needle)
}
