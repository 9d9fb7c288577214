use std::borrow::Cow;

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
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    // Bit Twiddling Hacks' "has a byte between m and n" (exclusive), exact for bytes below 128;
    // a string with a byte above that takes the Unicode path whatever this says.
    let (m, n) = (u64::from(first - 1), u64::from(first + 26));
    let scan = |x: u64| {
        let low = x & (ONES * 0x7f);
        (
            x & HIGH,
            (ONES * (127 + n) - low) & !x & (low + ONES * (127 - m)) & HIGH,
        )
    };
    let (mut high, mut cased) = (0, 0);
    let mut chunks = s.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let (h, c) = scan(u64::from_le_bytes(word));
        high |= h;
        cased |= c;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        for (slot, &b) in word.iter_mut().zip(rest) {
            *slot = b;
        }
        let (h, c) = scan(u64::from_le_bytes(word));
        high |= h;
        cased |= c;
    }
    if high != 0 {
        AsciiScan::NotAscii
    } else if cased != 0 {
        AsciiScan::Changes
    } else {
        AsciiScan::Unchanged
    }
}
