//! [`AsciiSet`]: a set of ASCII bytes, the one representation of character classes, pattern
//! runs, proof whitelists and the bytes a normalizer changes.

use std::ops::RangeInclusive;

/// A set of ASCII bytes: bit `b` is set when byte `b` is in the set.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct AsciiSet(u128);

impl AsciiSet {
    pub const EMPTY: AsciiSet = AsciiSet(0);

    /// The bytes `lo` to `hi`, both ASCII.
    pub fn range(lo: u8, hi: u8) -> Self {
        Self::matching(|b| (lo..=hi).contains(&b))
    }

    /// One ASCII byte.
    pub fn byte(b: u8) -> Self {
        Self::range(b, b)
    }

    /// The ASCII bytes for which `f` holds.
    pub fn matching(f: impl Fn(u8) -> bool) -> Self {
        AsciiSet(
            (0..128u8)
                .filter(|&b| f(b))
                .fold(0, |bits, b| bits | 1 << b),
        )
    }

    /// The set of the code points in `range`, or `None` when one of them is not ASCII.
    pub fn of_range(range: RangeInclusive<u32>) -> Option<Self> {
        let (lo, hi) = (*range.start(), *range.end());
        (hi < 128).then(|| Self::range(lo as u8, hi as u8))
    }

    /// The set with byte `b` added, or `None` when `b` is not ASCII.
    pub fn with(self, b: u8) -> Option<Self> {
        (b < 128).then(|| AsciiSet(self.0 | 1 << b))
    }

    pub fn union(self, other: AsciiSet) -> Self {
        AsciiSet(self.0 | other.0)
    }

    pub fn intersects(self, other: AsciiSet) -> bool {
        self.0 & other.0 != 0
    }

    pub fn contains(self, b: u8) -> bool {
        b < 128 && self.0 >> b & 1 == 1
    }

    /// The 256-entry lookup table of the set: entry `b` is 1 when byte `b` is in it.
    pub fn table(self) -> Vec<u8> {
        (0..=255u8).map(|b| u8::from(self.contains(b))).collect()
    }
}
