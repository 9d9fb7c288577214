//! `suffix = ".."`: the value must end with the given text.

use crate::Error;

/// Whether `s` must end with `needle`.
#[inline]
pub fn check(s: &str, needle: &str) -> bool {
    s.ends_with(needle)
}

/// The `suffix` error.
#[cold]
pub fn error(needle: &'static str) -> Error {
    Error::new("suffix")
        .with_message(format!("must end with \"{needle}\""))
        .with_param("suffix", needle)
}
