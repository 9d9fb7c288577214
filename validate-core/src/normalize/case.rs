use std::borrow::Cow;

/// Lowercases with Unicode's full case mapping (`str::to_lowercase`).
///
/// ```
/// assert_eq!(validate_core::normalize::lowercase("ÀDA"), "àda");
/// ```
pub fn lowercase(s: &str) -> Cow<'_, str> {
    match ascii_scan(s, b'A') {
        AsciiScan::Unchanged => Cow::Borrowed(s),
        AsciiScan::Changes => Cow::Owned(s.to_ascii_lowercase()),
        AsciiScan::NotAscii => {
            // Checking char by char first keeps text that is already lowercase free of allocation;
            // any string `to_lowercase` changes has a char whose own mapping differs.
            if s.chars().all(|c| unchanged(c.to_lowercase(), c)) {
                Cow::Borrowed(s)
            } else {
                Cow::Owned(s.to_lowercase())
            }
        }
    }
}

/// Uppercases with Unicode's full case mapping (`str::to_uppercase`).
///
/// ```
/// assert_eq!(validate_core::normalize::uppercase("straße"), "STRASSE");
/// ```
pub fn uppercase(s: &str) -> Cow<'_, str> {
    match ascii_scan(s, b'a') {
        AsciiScan::Unchanged => Cow::Borrowed(s),
        AsciiScan::Changes => Cow::Owned(s.to_ascii_uppercase()),
        AsciiScan::NotAscii => {
            // Checking char by char first keeps text that is already uppercase free of allocation;
            // any string `to_uppercase` changes has a char whose own mapping differs.
            if s.chars().all(|c| unchanged(c.to_uppercase(), c)) {
                Cow::Borrowed(s)
            } else {
                Cow::Owned(s.to_uppercase())
            }
        }
    }
}

fn unchanged(mut mapped: impl ExactSizeIterator<Item = char>, c: char) -> bool {
    mapped.len() == 1 && mapped.next() == Some(c)
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
