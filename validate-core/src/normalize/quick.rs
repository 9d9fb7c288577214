//! A quick check that a string is already normal under a chain of normalizers, so the common
//! case (short ASCII text already in canonical form) costs one scan of eight bytes at a time
//! instead of a pass per normalizer.
//!
//! It answers `true` only when every normalizer of the chain would return the string unchanged:
//! the Unicode normalization forms leave ASCII as it is, the case mappings need no letter of the
//! other case, the trims need no whitespace at the ends, and so on. Anything it is unsure of
//! (non-ASCII text, a control byte, a double space) is left to the normalizers themselves.

use super::Normalizer;

/// `trim` and `trim_start`.
pub const TRIM_START: u32 = 1;
/// `trim` and `trim_end`.
pub const TRIM_END: u32 = 1 << 1;
/// `lowercase`.
pub const LOWERCASE: u32 = 1 << 2;
/// `uppercase`.
pub const UPPERCASE: u32 = 1 << 3;
/// `nfc`, `nfd`, `nfkc`, `nfkd`: nothing to check on ASCII.
pub const UNICODE: u32 = 1 << 4;
/// `collapse_whitespace`.
pub const COLLAPSE_WHITESPACE: u32 = 1 << 5;
/// `strip_control`.
pub const STRIP_CONTROL: u32 = 1 << 6;

/// The flags of a chain of string normalizers given by name (all bits for a name it does not
/// know).
pub const fn flags(names: &[&str]) -> u32 {
    let mut flags = 0;
    let mut i = 0;
    while i < names.len() {
        flags |= match Normalizer::from_name(names[i]) {
            Some(normalizer) => normalizer.flag(),
            None => u32::MAX,
        };
        i += 1;
    }
    flags
}

/// Whether `s` is surely left unchanged by every normalizer in `chain` (a union of the flags
/// above); `false` means "run them", not "it changes".
#[inline(always)]
pub fn is_normal(s: &str, chain: u32) -> bool {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    if chain & TRIM_START != 0 && !is_plain(first) || chain & TRIM_END != 0 && !is_plain(last) {
        return false;
    }
    // Trimming looks at the ends only: a string that starts and ends with a printable ASCII
    // character has no whitespace to lose.
    if chain & !(TRIM_START | TRIM_END) == 0 {
        return true;
    }
    // One pass that keeps, for each word, the high bit of every byte some normalizer of the
    // chain would change (or that needs a closer look); with `chain` a constant where this is
    // inlined, only the tests the chain needs remain.
    let mut bad = 0;
    for_words(bytes, |x| {
        let low = x & LOW7;
        bad |= x;
        if chain & LOWERCASE != 0 {
            bad |= between(low, b'A' - 1, b'Z' + 1);
        }
        if chain & UPPERCASE != 0 {
            bad |= between(low, b'a' - 1, b'z' + 1);
        }
        if chain & (COLLAPSE_WHITESPACE | STRIP_CONTROL) != 0 {
            // Tab to carriage return are whitespace; every byte below 0x20 and DEL are controls.
            bad |= control(low);
        }
    });
    bad & HIGH == 0
        && (chain & COLLAPSE_WHITESPACE == 0 || !bytes.windows(2).any(|pair| pair == b"  "))
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7f;

/// The high bit of each byte of `low` (all below 0x80) strictly between `m` and `n` (Bit
/// Twiddling Hacks' "has a byte between m and n"; other bits are noise).
#[inline(always)]
fn between(low: u64, m: u8, n: u8) -> u64 {
    let (m, n) = (u64::from(m), u64::from(n));
    (ONES * (127 + n) - low) & !low & (low + ONES * (127 - m)) & HIGH
}

/// High bits for the bytes of `low` below 0x20 ("has a byte less than n"), or equal to 0x7f
/// (adding one carries into the high bit only there).
#[inline(always)]
fn control(low: u64) -> u64 {
    (low.wrapping_sub(ONES * 0x20) | (low + ONES)) & !low & HIGH
}

/// A byte that is neither whitespace nor part of a non-ASCII character.
#[inline]
fn is_plain(b: u8) -> bool {
    b > b' ' && b < 0x7f
}

/// A byte at or above 0x80.
pub(crate) const NON_ASCII: u8 = 1;
/// An ASCII uppercase letter.
pub(crate) const UPPER: u8 = 1 << 1;
/// An ASCII lowercase letter.
pub(crate) const LOWER: u8 = 1 << 2;
/// A byte below 0x20, or DEL.
pub(crate) const CONTROL: u8 = 1 << 3;

/// Which kinds of bytes `bytes` has, eight at a time (Bit Twiddling Hacks' "has a byte less
/// than n" and "between m and n"; exact for ASCII bytes, and non-ASCII input is flagged anyway).
#[inline]
pub(crate) fn scan(bytes: &[u8]) -> u8 {
    let (mut high, mut upper, mut lower, mut control_bits) = (0, 0, 0, 0);
    for_words(bytes, |x| {
        let low = x & LOW7;
        high |= x & HIGH;
        upper |= between(low, b'A' - 1, b'Z' + 1);
        lower |= between(low, b'a' - 1, b'z' + 1);
        control_bits |= control(low);
    });
    let flag = |bits: u64, flag: u8| if bits == 0 { 0 } else { flag };
    flag(high, NON_ASCII) | flag(upper, UPPER) | flag(lower, LOWER) | flag(control_bits, CONTROL)
}

/// Whether every byte of `bytes` is ASCII: the words OR-ed together and one test at the end,
/// where `str::is_ascii` branches on each word and on each of the last seven bytes.
#[inline]
pub(crate) fn is_ascii(bytes: &[u8]) -> bool {
    let mut any = 0;
    for_words(bytes, |x| any |= x);
    any & HIGH == 0
}

/// Calls `f` with words that together hold every byte of `bytes` (some bytes twice, and short
/// input padded with `'0'`, which has no flag): enough for "is there a byte such that".
/// Overlapping loads instead of a padded copy keep short strings free of a `memcpy` call.
#[inline(always)]
fn for_words(bytes: &[u8], mut f: impl FnMut(u64)) {
    let n = bytes.len();
    if n >= 8 {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            f(word(chunk));
        }
        if !chunks.remainder().is_empty() {
            f(word(&bytes[n - 8..]));
        }
    } else if n >= 4 {
        let (head, tail) = (half(&bytes[..4]), half(&bytes[n - 4..]));
        f(u64::from(head) | u64::from(tail) << 32);
    } else if n > 0 {
        let (a, b, c) = (bytes[0], bytes[n / 2], bytes[n - 1]);
        f(u64::from_le_bytes([a, b, c, b'0', b'0', b'0', b'0', b'0']));
    }
}

#[inline]
fn word(chunk: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

#[inline]
fn half(chunk: &[u8]) -> u32 {
    let mut half = [0; 4];
    half.copy_from_slice(chunk);
    u32::from_le_bytes(half)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length up to 40, with one byte above 127 at each position, and with none.
    #[test]
    fn is_ascii_sees_every_byte() {
        for n in 0..=40 {
            let ascii = vec![b'a'; n];
            assert!(is_ascii(&ascii), "{n}");
            for at in 0..n {
                for high in [0x80, 0xc3, 0xff] {
                    let mut bytes = ascii.clone();
                    bytes[at] = high;
                    assert!(!is_ascii(&bytes), "{n} {at} {high:#x}");
                }
            }
        }
    }
}
