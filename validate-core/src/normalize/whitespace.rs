use std::borrow::Cow;

/// Replaces every run of Unicode whitespace with one ASCII space (it does not trim).
///
/// ```
/// assert_eq!(validate_core::normalize::collapse_whitespace("a \t\n b\u{3000}c"), "a b c");
/// ```
pub fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    let mut previous_space = false;
    let already = s.chars().all(|c| {
        let ok = if c.is_whitespace() {
            c == ' ' && !previous_space
        } else {
            true
        };
        previous_space = c.is_whitespace();
        ok
    });
    if already {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut in_run = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_run {
                out.push(' ');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    Cow::Owned(out)
}
