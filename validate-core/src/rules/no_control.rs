//! `no_control`: no character that can forge a log line, hide text or reorder it.
//!
//! Rejected: the C0 and C1 control characters except tab and newline; every format character
//! (Unicode general category Cf: the bidi controls and marks, zero-width characters, the BOM,
//! the soft hyphen, invisible operators, interlinear annotation marks, …); the line and
//! paragraph separators U+2028 and U+2029; the tag characters U+E0000 to U+E007F, assigned or
//! not; and the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, letters that render as
//! nothing. `#[normalize(strip_control)]` removes exactly these characters, and log previews
//! escape them.
//!
//! The categories come from ICU4X's Unicode data (`icu_properties`), which `idna` already builds.

use icu_properties::CodePointMapData;
use icu_properties::props::GeneralCategory;

use crate::Error;

/// Whether `c` is a character `no_control` rejects.
///
/// ```
/// use validate_core::rules::no_control::is_forbidden;
/// assert!(is_forbidden('\u{202e}') && is_forbidden('\0') && is_forbidden('\u{200b}'));
/// assert!(is_forbidden('\u{ad}') && is_forbidden('\u{e0041}') && is_forbidden('\u{3164}'));
/// assert!(!is_forbidden('\n') && !is_forbidden('\t') && !is_forbidden('é'));
/// ```
#[inline]
pub fn is_forbidden(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        ' '..='\u{7e}' => false,
        '\u{2028}' | '\u{2029}' | '\u{e0000}'..='\u{e007f}' => true,
        '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' => true,
        _ => is_format(c),
    }
}

/// Whether `c` is in general category Cf. Out of line: the usual text is ASCII.
#[inline(never)]
fn is_format(c: char) -> bool {
    CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format
}

/// Whether `s` has no forbidden character.
#[inline]
pub fn check(s: &str) -> bool {
    // ASCII decides a byte at a time, without decoding; the rest goes char by char.
    let bytes = s.as_bytes();
    let ascii = bytes.iter().position(|&b| b >= 0x80).unwrap_or(bytes.len());
    let plain = |&b: &u8| b >= 0x20 && b != 0x7f || b == b'\t' || b == b'\n';
    bytes[..ascii].iter().all(plain) && !s[ascii..].chars().any(is_forbidden)
}

/// The `no_control` error.
#[cold]
pub fn error() -> Error {
    Error::new("no_control").with_message("must not contain control, bidi or zero-width characters")
}
