//! `length(min = , max = , equal = )`: chars of a string, bytes with `length(bytes, ..)`, items
//! of a collection.

use crate::Error;

/// What `length` measures.
#[derive(Debug, Clone, Copy)]
pub enum Measure<'a> {
    /// A string, counted in chars.
    Chars(&'a str),
    /// A collection with this many items.
    Items(usize),
}

/// The unit a length is counted in, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values of a string.
    Chars,
    /// UTF-8 bytes of a string.
    Bytes,
    /// Items of a collection.
    Items,
}

/// The bounds of a `length` rule.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bounds {
    /// The least length allowed.
    pub min: Option<usize>,
    /// The greatest length allowed.
    pub max: Option<usize>,
    /// The only length allowed.
    pub equal: Option<usize>,
}

impl Bounds {
    #[inline]
    fn contains(&self, n: usize) -> bool {
        self.min.is_none_or(|min| n >= min)
            && self.max.is_none_or(|max| n <= max)
            && self.equal.is_none_or(|equal| n == equal)
    }
}

/// Whether the measured length is within `bounds`.
///
/// A string is first judged by its byte length, which bounds its char count from both sides
/// (1 to 4 bytes a char), so a 10 MB string against `max = 32` fails without being scanned.
///
/// ```
/// use validate_core::rules::length::{check, Bounds, Measure};
/// let b = Bounds { min: Some(2), max: Some(3), equal: None };
/// assert!(check(Measure::Chars("héé"), b));
/// assert!(!check(Measure::Chars("h"), b));
/// assert!(check(Measure::Items(2), b));
/// ```
#[inline]
pub fn check(measure: Measure<'_>, bounds: Bounds) -> bool {
    let (lower, upper) = bounds.limits();
    within(measure, lower, upper)
}

impl Bounds {
    /// The least and greatest length allowed, `min` and `max` narrowed by `equal`.
    ///
    /// ```
    /// use validate_core::rules::length::Bounds;
    /// assert_eq!(Bounds { min: Some(2), max: None, equal: None }.limits(), (2, usize::MAX));
    /// assert_eq!(Bounds { min: None, max: Some(9), equal: Some(4) }.limits(), (4, 4));
    /// ```
    pub const fn limits(&self) -> (usize, usize) {
        let (mut lower, mut upper) = (0, usize::MAX);
        if let Some(min) = self.min {
            lower = min;
        }
        if let Some(max) = self.max {
            upper = max;
        }
        if let Some(equal) = self.equal {
            if equal > lower {
                lower = equal;
            }
            if equal < upper {
                upper = equal;
            }
        }
        (lower, upper)
    }
}

/// Whether the measured length is between `lower` and `upper` (inclusive): [`check`] with the
/// [`Bounds::limits`] the derive computes at compile time, so each rule costs two compares
/// unless a string's byte length leaves its char count in doubt.
///
/// ```
/// use validate_core::rules::length::{within, Measure};
/// assert!(within(Measure::Chars("héé"), 2, 3));
/// assert!(!within(Measure::Items(4), 2, 3));
/// ```
#[inline]
pub fn within(measure: Measure<'_>, lower: usize, upper: usize) -> bool {
    match measure {
        Measure::Items(n) => lower <= n && n <= upper,
        Measure::Chars(s) => {
            // A string has between `bytes / 4` and `bytes` chars: a byte length outside the
            // bounds decides without counting, and so does one whose every possible char
            // count is inside them.
            let bytes = s.len();
            if bytes < lower || bytes / 4 > upper {
                return false;
            }
            if bytes <= upper && bytes.div_ceil(4) >= lower {
                return true;
            }
            count_within(s, lower, upper)
        }
    }
}

#[inline]
fn count_within(s: &str, lower: usize, upper: usize) -> bool {
    let chars = if crate::normalize::quick::is_ascii(s.as_bytes()) {
        s.len()
    } else {
        count_chars(s)
    };
    lower <= chars && chars <= upper
}

/// Out of line: `within` is inlined into derived code, where the count of text beyond ASCII
/// would only add cold lines to the usual path.
#[inline(never)]
fn count_chars(s: &str) -> usize {
    s.chars().count()
}

/// Whether the measured length is over `upper`: a value too long, whose other rules are not
/// checked (a value too short is checked under all of them). Called after [`within`] failed.
///
/// ```
/// use validate_core::rules::length::{over, Measure};
/// assert!(over(Measure::Chars("abcd"), 3));
/// assert!(!over(Measure::Chars("a"), 3));
/// assert!(over(Measure::Items(4), 3));
/// ```
#[cold]
pub fn over(measure: Measure<'_>, upper: usize) -> bool {
    match measure {
        Measure::Items(n) => n > upper,
        // More bytes than four a char means more chars than `upper`; no more bytes than
        // `upper` means no more chars.
        Measure::Chars(s) => s.len() / 4 > upper || s.len() > upper && count_chars(s) > upper,
    }
}

/// Whether a string's byte length is within `bounds`.
#[inline]
pub fn check_bytes(s: &str, bounds: Bounds) -> bool {
    bounds.contains(s.len())
}

/// The unit of a measure.
pub fn unit(measure: Measure<'_>) -> Unit {
    match measure {
        Measure::Chars(_) => Unit::Chars,
        Measure::Items(_) => Unit::Items,
    }
}

/// The `length` error for `bounds`, counted in `unit`.
#[cold]
pub fn error(bounds: Bounds, unit: Unit) -> Error {
    // One count takes the singular ("at least 1 character"); a range, the plural.
    let noun = |count: usize| match (unit, count == 1) {
        (Unit::Chars, true) => "character",
        (Unit::Chars, false) => "characters",
        (Unit::Bytes, true) => "byte",
        (Unit::Bytes, false) => "bytes",
        (Unit::Items, true) => "item",
        (Unit::Items, false) => "items",
    };
    let message = match (bounds.equal, bounds.min, bounds.max) {
        (Some(n), _, _) => format!("must be exactly {n} {}", noun(n)),
        (None, Some(min), Some(max)) => format!("must be between {min} and {max} {}", noun(2)),
        (None, Some(min), None) => format!("must be at least {min} {}", noun(min)),
        (None, None, Some(max)) => format!("must be at most {max} {}", noun(max)),
        (None, None, None) => format!("has an invalid number of {}", noun(2)),
    };
    let mut error = Error::new("length").with_message(message);
    if let Some(min) = bounds.min {
        error = error.with_param("min", min);
    }
    if let Some(max) = bounds.max {
        error = error.with_param("max", max);
    }
    if let Some(equal) = bounds.equal {
        error = error.with_param("equal", equal);
    }
    error
}
