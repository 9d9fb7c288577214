use std::borrow::Cow;

use super::quick;

/// Lowercases with Unicode's full case mapping (`str::to_lowercase`).
///
/// ```
/// assert_eq!(validate_core::normalize::lowercase("ÀDA"), "àda");
/// ```
pub fn lowercase(s: &str) -> Cow<'_, str> {
    map_case(
        s,
        b'A',
        str::to_ascii_lowercase,
        char::to_lowercase,
        str::to_lowercase,
    )
}

/// Uppercases with Unicode's full case mapping (`str::to_uppercase`).
///
/// ```
/// assert_eq!(validate_core::normalize::uppercase("straße"), "STRASSE");
/// ```
pub fn uppercase(s: &str) -> Cow<'_, str> {
    map_case(
        s,
        b'a',
        str::to_ascii_uppercase,
        char::to_uppercase,
        str::to_uppercase,
    )
}

/// One case mapping: `first` is the first ASCII letter it changes, then the mapping of ASCII
/// text, of one char and of any text.
fn map_case<I: ExactSizeIterator<Item = char>>(
    s: &str,
    first: u8,
    ascii: fn(&str) -> String,
    char_map: fn(char) -> I,
    text: fn(&str) -> String,
) -> Cow<'_, str> {
    match ascii_scan(s, first) {
        AsciiScan::Unchanged => Cow::Borrowed(s),
        AsciiScan::Changes => Cow::Owned(ascii(s)),
        // Checking char by char first keeps text already in the case free of allocation: any
        // string the full mapping changes has a char whose own mapping differs (final sigma
        // included: `Σ` is not lowercase).
        AsciiScan::NotAscii => {
            let unchanged = |c: char| {
                let mut mapped = char_map(c);
                mapped.len() == 1 && mapped.next() == Some(c)
            };
            if s.chars().all(unchanged) {
                Cow::Borrowed(s)
            } else {
                Cow::Owned(text(s))
            }
        }
    }
}

enum AsciiScan {
    Unchanged,
    Changes,
    NotAscii,
}

/// Whether `s` is ASCII and whether it has a letter of the case that starts at `first`
/// (`b'A'` or `b'a'`), eight bytes at a time: most request strings are short ASCII that is
/// already in the wanted case, and this answers for them without decoding a char.
fn ascii_scan(s: &str, first: u8) -> AsciiScan {
    let found = quick::scan(s.as_bytes());
    let cased = if first == b'A' {
        quick::UPPER
    } else {
        quick::LOWER
    };
    if found & quick::NON_ASCII != 0 {
        AsciiScan::NotAscii
    } else if found & cased != 0 {
        AsciiScan::Changes
    } else {
        AsciiScan::Unchanged
    }
}
