use std::borrow::Cow;

/// Lowercases with Unicode's full case mapping (`str::to_lowercase`).
///
/// ```
/// assert_eq!(validate_core::normalize::lowercase("ÀDA"), "àda");
/// ```
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        // Checking char by char first keeps text that is already lowercase free of allocation;
        // any string `to_lowercase` changes has a char whose own mapping differs.
        if s.chars().all(|c| unchanged(c.to_lowercase(), c)) {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(s.to_lowercase())
        }
    }
}

/// Uppercases with Unicode's full case mapping (`str::to_uppercase`).
///
/// ```
/// assert_eq!(validate_core::normalize::uppercase("straße"), "STRASSE");
/// ```
pub fn uppercase(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_lowercase()) {
            Cow::Owned(s.to_ascii_uppercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        // Checking char by char first keeps text that is already uppercase free of allocation;
        // any string `to_uppercase` changes has a char whose own mapping differs.
        if s.chars().all(|c| unchanged(c.to_uppercase(), c)) {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(s.to_uppercase())
        }
    }
}

fn unchanged(mut mapped: impl ExactSizeIterator<Item = char>, c: char) -> bool {
    mapped.len() == 1 && mapped.next() == Some(c)
}
