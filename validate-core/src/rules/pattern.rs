//! `pattern = "re"` and `pattern(path = STATIC)`: the whole value matches a regular expression.

use regex::Regex;

use crate::Error;

/// Whether `re`, built by [`crate::pattern::compile`] (anchored at both ends), matches `s`.
#[inline]
pub fn check_anchored(re: &Regex, s: &str) -> bool {
    re.is_match(s)
}

/// Whether any `re` matches all of `s`; see [`crate::pattern::fullmatch`].
#[inline]
pub fn check(re: &Regex, s: &str) -> bool {
    crate::pattern::fullmatch(re, s)
}

/// The `pattern` error; `pattern` is the expression as the user wrote it.
#[cold]
pub fn error(pattern: &str) -> Error {
    let pattern = pattern
        .strip_prefix(r"\A(?:")
        .and_then(|p| p.strip_suffix(r")\z"))
        .unwrap_or(pattern)
        .to_owned();
    Error::new("pattern")
        .with_message(format!("must match the pattern {pattern}"))
        .with_param("pattern", pattern)
}

/// One run of a pattern the derive compiled to byte sets: a byte of `set`, `min` to `max` times.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// The bytes allowed in the run.
    pub set: crate::rules::chars::AsciiSet,
    /// The least number of bytes.
    pub min: u32,
    /// The greatest number of bytes (`u32::MAX` for no limit).
    pub max: u32,
}

/// Whether `s` is the runs in order. The derive only emits this for patterns whose run sets are
/// pairwise disjoint, where the greedy split it takes is the only one possible.
///
/// ```
/// use validate_core::rules::chars::AsciiSet;
/// use validate_core::rules::pattern::{check_runs, Run};
/// let digits = AsciiSet { low: 0x03ff << 48, high: 0 };
/// let five_digits = [Run { set: digits, min: 5, max: 5 }];
/// assert!(check_runs("12345", &five_digits));
/// assert!(!check_runs("1234", &five_digits));
/// assert!(!check_runs("123456", &five_digits));
/// ```
#[inline]
pub fn check_runs(s: &str, runs: &[Run]) -> bool {
    let bytes = s.as_bytes();
    let mut at: usize = 0;
    for run in runs {
        let start = at;
        let limit = bytes.len().min(start.saturating_add(run.max as usize));
        while at < limit && run.set.contains(bytes[at]) {
            at += 1;
        }
        if at - start < run.min as usize {
            return false;
        }
    }
    at == bytes.len()
}
