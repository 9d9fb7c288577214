use std::borrow::Cow;

/// Removes leading and trailing Unicode whitespace.
///
/// ```
/// assert_eq!(validate_core::normalize::trim("\u{3000} a b \n"), "a b");
/// ```
#[inline]
pub fn trim(s: &str) -> Cow<'_, str> {
    if s.is_empty() || is_plain(s.as_bytes()[0]) && is_plain(s.as_bytes()[s.len() - 1]) {
        return Cow::Borrowed(s);
    }
    Cow::Borrowed(s.trim())
}

/// Removes leading Unicode whitespace.
///
/// ```
/// assert_eq!(validate_core::normalize::trim_start("  a "), "a ");
/// ```
#[inline]
pub fn trim_start(s: &str) -> Cow<'_, str> {
    if s.is_empty() || is_plain(s.as_bytes()[0]) {
        return Cow::Borrowed(s);
    }
    Cow::Borrowed(s.trim_start())
}

/// Removes trailing Unicode whitespace.
///
/// ```
/// assert_eq!(validate_core::normalize::trim_end("  a "), "  a");
/// ```
#[inline]
pub fn trim_end(s: &str) -> Cow<'_, str> {
    if s.is_empty() || is_plain(s.as_bytes()[s.len() - 1]) {
        return Cow::Borrowed(s);
    }
    Cow::Borrowed(s.trim_end())
}

/// A byte that is neither whitespace nor part of a non-ASCII character (which may be Unicode
/// whitespace): a string that starts and ends with one needs no trimming.
#[inline]
fn is_plain(b: u8) -> bool {
    b > b' ' && b < 0x7f
}
