//! Full-match regular expressions: a pattern describes the whole value, never a part of it.
//!
//! `regex::Regex::is_match` answers whether the pattern occurs *somewhere* in the input, so
//! `[a-z]+` accepts `"abc1"`. Every rule here anchors the pattern instead.

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
/// A leftmost-first search is not enough (`a|ab` finds `a` in `"ab"`), so for an unanchored regex
/// this asks for an anchored match ending exactly at the end of `s`.
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
    anchor(re.as_str()).is_ok_and(|anchored| anchored.is_match(s))
}
