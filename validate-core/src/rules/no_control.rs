//! `no_control`: no character that can forge a log line, hide text or reorder it.
//!
//! Rejected: C0 and C1 control characters except tab and newline, the bidi controls U+202A to
//! U+202E and U+2066 to U+2069 (and the marks U+200E, U+200F, U+061C), zero-width characters
//! (U+200B to U+200D, U+2060) and the BOM U+FEFF, and the line and paragraph separators
//! U+2028 and U+2029. `#[normalize(strip_control)]` removes exactly these characters.

use crate::Error;

/// Whether `c` is a character `no_control` rejects.
///
/// ```
/// use validate_core::rules::no_control::is_forbidden;
/// assert!(is_forbidden('\u{202e}') && is_forbidden('\0') && is_forbidden('\u{200b}'));
/// assert!(!is_forbidden('\n') && !is_forbidden('\t') && !is_forbidden('é'));
/// ```
#[inline]
pub fn is_forbidden(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061c}'
        | '\u{feff}' => true,
        _ => false,
    }
}

/// Whether `s` has no forbidden character.
#[inline]
pub fn check(s: &str) -> bool {
    // Every forbidden character is below U+0080 or starts with one of the lead bytes C2, D8, E2,
    // EF; a byte scan skips the rest of the text without decoding it.
    let plain = |b: u8| {
        (b >= 0x20 && b != 0x7f && !matches!(b, 0xc2 | 0xd8 | 0xe2 | 0xef))
            || b == b'\t'
            || b == b'\n'
    };
    if s.bytes().all(plain) {
        return true;
    }
    !s.chars().any(is_forbidden)
}

/// The `no_control` error.
#[cold]
pub fn error() -> Error {
    Error::new("no_control").with_message("must not contain control, bidi or zero-width characters")
}
