//! `chars(class.., "literal chars")`: a whitelist of characters.
//!
//! The derive turns the ASCII classes and literal characters into a 128-bit set it computes at
//! compile time; characters outside ASCII that the user lists are checked one by one.

use crate::Error;

/// The ASCII part of a character whitelist: bit `b` of the 128 bits is set when byte `b` is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsciiSet {
    /// Bits for bytes 0 to 63.
    pub low: u64,
    /// Bits for bytes 64 to 127.
    pub high: u64,
}

impl AsciiSet {
    /// Whether ASCII byte `b` is in the set (false for any byte above 127).
    #[inline]
    pub const fn contains(self, b: u8) -> bool {
        if b < 64 {
            self.low >> b & 1 == 1
        } else if b < 128 {
            self.high >> (b - 64) & 1 == 1
        } else {
            false
        }
    }
}

impl AsciiSet {
    /// The set as a lookup table: entry `b` is 1 when byte `b` is in the set, 0 otherwise. The
    /// derive writes these tables as byte-string literals: one load a byte is the cheapest test
    /// there is, and a literal costs the compiler nothing to evaluate.
    pub const fn table(self) -> [u8; 256] {
        let mut table = [0; 256];
        let mut b = 0;
        while b < 128 {
            table[b] = self.contains(b as u8) as u8;
            b += 1;
        }
        table
    }
}

/// [`check`] with the ASCII part as a table (entry `b` non-zero when byte `b` is allowed, as
/// [`AsciiSet::table`] builds it).
///
/// ```
/// use validate_core::rules::chars::{check_table, AsciiSet};
/// static LOWER: [u8; 256] = AsciiSet { low: 0, high: ((1u64 << 26) - 1) << 33 }.table();
/// assert!(check_table("abc", &LOWER, &[]));
/// assert!(!check_table("abC", &LOWER, &[]));
/// assert!(check_table("abé", &LOWER, &['é']));
/// ```
// Always inlined, with the scan for characters beyond ASCII out of line: right after a serde
// parse, the usual path of `Valid<T>` should be one short run of lines.
#[inline(always)]
pub fn check_table(s: &str, ascii: &[u8; 256], other: &[char]) -> bool {
    if other.is_empty() {
        all_in(s.as_bytes(), ascii)
    } else {
        check_table_with_others(s, ascii, other)
    }
}

#[inline(never)]
fn check_table_with_others(s: &str, ascii: &[u8; 256], other: &[char]) -> bool {
    s.chars().all(|c| {
        if c.is_ascii() {
            ascii[c as usize] != 0
        } else {
            other.contains(&c)
        }
    })
}

/// Whether every byte of `bytes` is in `table`: eight lookups joined without a branch between
/// them, then one test, rather than a branch at every byte. The bytes past the last full eight
/// are looked up again with the eight before them, and short input in two windows that
/// overlap, so that no loop branches on the length.
#[inline(always)]
pub(crate) fn all_in(bytes: &[u8], table: &[u8; 256]) -> bool {
    let in_table = |chunk: &[u8]| chunk.iter().fold(1, |ok, &b| ok & table[usize::from(b)]) != 0;
    let n = bytes.len();
    if n >= 8 {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            if !in_table(chunk) {
                return false;
            }
        }
        chunks.remainder().is_empty() || in_table(&bytes[n - 8..])
    } else if n >= 4 {
        in_table(&bytes[..4]) & in_table(&bytes[n - 4..])
    } else {
        // One to three bytes (the first, the middle and the last cover them), or none.
        n == 0 || in_table(&[bytes[0], bytes[n / 2], bytes[n - 1]])
    }
}

/// Whether every character of `s` is in `ascii` or in `other`.
///
/// ```
/// use validate_core::rules::chars::{check, AsciiSet};
/// let lower = AsciiSet { low: 0, high: ((1u64 << 26) - 1) << 33 };
/// assert!(check("abc", lower, &[]));
/// assert!(!check("abC", lower, &[]));
/// assert!(check("abé", lower, &['é']));
/// ```
#[inline]
pub fn check(s: &str, ascii: AsciiSet, other: &[char]) -> bool {
    if other.is_empty() {
        return s.bytes().all(|b| ascii.contains(b));
    }
    s.chars().all(|c| {
        if c.is_ascii() {
            ascii.contains(c as u8)
        } else {
            other.contains(&c)
        }
    })
}

/// The `chars` error: `classes` are the class names, `literal` the extra characters as written.
#[cold]
pub fn error(classes: &'static [&'static str], literal: &'static str) -> Error {
    let mut message = String::with_capacity(64);
    message.push_str("must contain only ");
    for (i, class) in classes.iter().enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        for part in class.split('_') {
            if !message.ends_with(' ') {
                message.push(' ');
            }
            message.push_str(part);
        }
    }
    if !literal.is_empty() {
        if !classes.is_empty() {
            message.push_str(", ");
        }
        message.push('"');
        message.push_str(literal);
        message.push('"');
    }
    let names = classes
        .iter()
        .map(|c| crate::Param::from(*c))
        .collect::<Vec<_>>();
    let mut error = Error::new("chars")
        .with_message(message)
        .with_param("classes", crate::Param::List(names));
    if !literal.is_empty() {
        error = error.with_param("chars", literal);
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The windows of `all_in` cover every byte: at every length up to 24, a stranger at any
    /// position is found, and only then.
    #[test]
    fn all_in_sees_every_byte() {
        static LOWER: [u8; 256] = AsciiSet {
            low: 0,
            high: 0x07ff_fffe << 32,
        }
        .table();
        for len in 0..=24 {
            let good = vec![b'q'; len];
            assert!(all_in(&good, &LOWER), "length {len}");
            for at in 0..len {
                let mut bad = good.clone();
                bad[at] = b'Q';
                assert!(!all_in(&bad, &LOWER), "length {len}, stranger at {at}");
            }
        }
    }
}
