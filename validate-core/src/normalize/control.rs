use std::borrow::Cow;

use crate::rules::no_control;

/// Removes every character the `no_control` rule rejects: controls other than tab and newline,
/// format characters (bidi controls, zero-width characters, the BOM, tags, …), line and paragraph
/// separators and the Hangul fillers.
///
/// ```
/// assert_eq!(validate_core::normalize::strip_control("a\u{202e}b\u{200b}c\0"), "abc");
/// ```
pub fn strip_control(s: &str) -> Cow<'_, str> {
    if no_control::check(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .filter(|&c| !no_control::is_forbidden(c))
                .collect(),
        )
    }
}
