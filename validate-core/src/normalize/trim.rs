use std::borrow::Cow;

/// Removes leading and trailing Unicode whitespace.
///
/// ```
/// assert_eq!(validate_core::normalize::trim("\u{3000} a b \n"), "a b");
/// ```
#[inline]
pub fn trim(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s.trim())
}

/// Removes leading Unicode whitespace.
///
/// ```
/// assert_eq!(validate_core::normalize::trim_start("  a "), "a ");
/// ```
#[inline]
pub fn trim_start(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s.trim_start())
}

/// Removes trailing Unicode whitespace.
///
/// ```
/// assert_eq!(validate_core::normalize::trim_end("  a "), "  a");
/// ```
#[inline]
pub fn trim_end(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s.trim_end())
}
