//! `prefix = ".."`: the value must start with the given text.

use crate::Error;

/// Whether `s` must start with `needle`.
#[inline]
pub fn check(s: &str, needle: &str) -> bool {
    s.starts_with(needle)
}

/// The `prefix` error.
#[cold]
pub fn error(needle: &'static str) -> Error {
    Error::new("prefix")
        .with_message(format!("must start with \"{needle}\""))
        .with_param("prefix", needle)
}
