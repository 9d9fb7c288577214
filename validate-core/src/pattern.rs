//! Full-match regular expressions: a pattern describes the whole value, never a part of it.
//!
//! `regex::Regex::is_match` answers whether the pattern occurs *somewhere* in the input, so
//! `[a-z]+` accepts `"abc1"`. Every rule here anchors the pattern instead.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use regex::Regex;

/// Compiles `pattern` so that it only matches whole strings: `\A(?:pattern)\z`.
///
/// ```
/// use validate_core::pattern::{compile, fullmatch};
/// let re = compile("[a-z]+").unwrap();
/// assert!(fullmatch(&re, "abc"));
/// assert!(!fullmatch(&re, "abc1"));
/// assert!(!fullmatch(&re, "\nabc"));
/// ```
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    // A pattern that is not valid on its own could close the group and escape the anchors:
    // `a)|(b` would become `\A(?:a)|(b)\z`, which accepts any value starting with `a`.
    Regex::new(pattern)?;
    anchor(pattern)
}

/// `\A(?:pattern)\z` for a pattern that is valid on its own.
fn anchor(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&format!(r"\A(?:{pattern})\z")).or_else(|error| {
        // A valid pattern fails to anchor when it ends in a `(?x)` comment, which swallows the
        // `)\z`. A newline ends the comment; the `(?x)` before it makes that newline insignificant
        // in any mode, and flags set inside the group end with it.
        Regex::new(&format!("\\A(?:{pattern}(?x)\n)\\z")).map_err(|_| error)
    })
}

/// Whether `re` matches all of `s`, for any `Regex`, including one not built by [`compile`].
///
/// A leftmost-first search is not enough (`a|ab` finds `a` in `"ab"`), so when `re`'s first match
/// is not the whole of `s`, this asks an anchored copy of the pattern, `\A(?:pattern)\z`, built
/// once per pattern and kept. The copy is built from [`Regex::as_str`], which does not show the
/// options of a `RegexBuilder` (`case_insensitive`, …): write them into the pattern instead
/// (`(?i)abc`), or anchor it yourself (`^(?:abc|abcd)$`), and the copy is never needed.
///
/// ```
/// use regex::Regex;
/// use validate_core::pattern::fullmatch;
/// let re = Regex::new("a|ab").unwrap();
/// assert!(fullmatch(&re, "ab"));
/// assert!(!fullmatch(&re, "abc"));
/// ```
pub fn fullmatch(re: &Regex, s: &str) -> bool {
    let Some(first) = re.find(s) else {
        return false;
    };
    if first.start() == 0 && first.end() == s.len() {
        return true;
    }
    // The leftmost-first match is shorter than the string, but a longer alternative may still
    // span all of it (`a|ab` on "ab"); only an anchored copy of the pattern can tell. A regex from
    // `compile` never gets here: its only possible match is the whole string.
    anchored(re.as_str()).is_some_and(|anchored| anchored.is_match(s))
}

/// The anchored copy of `pattern`, built on its first use and kept: building one costs a
/// thousand times a match. At most [`ANCHORED_KEPT`] are kept; past that the cache starts over.
fn anchored(pattern: &str) -> Option<Arc<Regex>> {
    // An `Arc` rather than a clone of the `Regex`: a clone starts a pool of search caches of its
    // own, whose first search allocates one.
    static CACHE: LazyLock<Mutex<Anchored>> = LazyLock::new(Default::default);
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(anchored) = cache.get(pattern) {
        return anchored.clone();
    }
    if cache.len() >= ANCHORED_KEPT {
        cache.clear();
    }
    let anchored = anchor(pattern).ok().map(Arc::new);
    cache.insert(pattern.into(), anchored.clone());
    anchored
}

/// The anchored copies, by pattern (`None` for a pattern that does not anchor).
type Anchored = HashMap<Box<str>, Option<Arc<Regex>>>;

/// How many anchored copies of unanchored patterns [`fullmatch`] keeps.
const ANCHORED_KEPT: usize = 256;
