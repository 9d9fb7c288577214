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
    /// The bytes allowed in the run, as a table (see [`AsciiSet::table`]).
    ///
    /// [`AsciiSet::table`]: crate::rules::chars::AsciiSet::table
    set: &'static [u8; 256],
    /// The least number of bytes.
    min: u32,
    /// The greatest number of bytes (`u32::MAX` for no limit).
    max: u32,
}

impl Run {
    /// A run of `min` to `max` bytes of `set` (`u32::MAX` for no upper limit).
    pub const fn new(set: &'static [u8; 256], min: u32, max: u32) -> Self {
        Run { set, min, max }
    }
}

/// [`check_runs`] for runs that each have a fixed length (`[A-Z]{3}-[0-9]{4}`): the value has
/// their total length, and each slice of it is in its run's set.
///
/// ```
/// use validate_core::rules::chars::AsciiSet;
/// use validate_core::rules::pattern::{check_fixed_runs, Run};
/// static UPPER: [u8; 256] = AsciiSet { low: 0, high: 0x07ff_fffe }.table();
/// static DASH: [u8; 256] = AsciiSet { low: 1 << b'-', high: 0 }.table();
/// static DIGIT: [u8; 256] = AsciiSet { low: 0x03ff << 48, high: 0 }.table();
/// static SKU: [Run; 3] = [Run::new(&UPPER, 3, 3), Run::new(&DASH, 1, 1), Run::new(&DIGIT, 4, 4)];
/// assert!(check_fixed_runs("ABC-1234", &SKU));
/// assert!(!check_fixed_runs("ABC-123", &SKU));
/// assert!(!check_fixed_runs("AB1-1234", &SKU));
/// ```
// Always inlined: with `runs` a static at the call site, the loop over the runs unrolls into a
// length test and one table scan per run.
#[inline(always)]
pub fn check_fixed_runs(s: &str, runs: &[Run]) -> bool {
    let total: usize = runs.iter().map(|run| run.min as usize).sum();
    if s.len() != total {
        return false;
    }
    // Each byte looked up and the results joined without a branch: with the runs' lengths
    // known, the loops unroll into one lookup a byte and a single test (`all_in`, written for any
    // length, is too big to unroll).
    let mut rest = s.as_bytes();
    let mut all = 1;
    for run in runs {
        let (part, tail) = rest.split_at(run.min as usize);
        all = part
            .iter()
            .fold(all, |all, &b| all & run.set[usize::from(b)]);
        rest = tail;
    }
    all != 0
}

/// Whether `s` is the runs in order. The derive only emits this for patterns whose run sets are
/// pairwise disjoint, where the greedy split it takes is the only one possible.
///
/// ```
/// use validate_core::rules::chars::AsciiSet;
/// use validate_core::rules::pattern::{check_runs, Run};
/// static DIGIT: [u8; 256] = AsciiSet { low: 0x03ff << 48, high: 0 }.table();
/// static FIVE_DIGITS: [Run; 1] = [Run::new(&DIGIT, 5, 5)];
/// assert!(check_runs("12345", &FIVE_DIGITS));
/// assert!(!check_runs("1234", &FIVE_DIGITS));
/// assert!(!check_runs("123456", &FIVE_DIGITS));
/// ```
#[inline(always)]
pub fn check_runs(s: &str, runs: &[Run]) -> bool {
    let bytes = s.as_bytes();
    // One run (`[a-z0-9_]+`, `[0-9]{5}`): a length test and a table scan.
    if let [run] = runs {
        return (run.min as usize..=run.max as usize).contains(&bytes.len())
            && crate::rules::chars::all_in(bytes, run.set);
    }
    let mut at: usize = 0;
    for run in runs {
        let start = at;
        let limit = bytes.len().min(start.saturating_add(run.max as usize));
        while let Some(&b) = bytes.get(at)
            && at < limit
            && run.set[usize::from(b)] != 0
        {
            at += 1;
        }
        if at - start < run.min as usize {
            return false;
        }
    }
    at == bytes.len()
}
