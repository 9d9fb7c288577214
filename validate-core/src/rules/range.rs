//! `range(min = , max = , exclusive_min = , exclusive_max = )` on numbers; NaN always fails.

use std::cmp::Ordering;

use crate::{Error, Param};

/// A number as `range` compares it: integers exactly, floats as `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Any integer type (a `u128` above `i128::MAX` is compared as a float).
    Int(i128),
    /// `f32` or `f64`.
    Float(f64),
}

impl Number {
    /// Compares two numbers; `None` when either is NaN.
    ///
    /// ```
    /// use validate_core::rules::range::Number;
    /// use std::cmp::Ordering;
    /// assert_eq!(Number::Int(3).compare(Number::Float(2.5)), Some(Ordering::Greater));
    /// assert_eq!(Number::Float(f64::NAN).compare(Number::Int(0)), None);
    /// ```
    #[inline(always)]
    pub fn compare(self, other: Number) -> Option<Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (Number::Int(a), Number::Float(b)) => (a as f64).partial_cmp(&b),
            (Number::Float(a), Number::Int(b)) => a.partial_cmp(&(b as f64)),
            (Number::Float(a), Number::Float(b)) => a.partial_cmp(&b),
        }
    }

    fn param(self) -> Param {
        match self {
            Number::Int(i) => Param::Int(i),
            Number::Float(x) => Param::Float(x),
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

/// The bounds of a `range` rule.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bounds {
    /// Least value allowed.
    pub min: Option<Number>,
    /// Greatest value allowed.
    pub max: Option<Number>,
    /// The value must be greater than this.
    pub exclusive_min: Option<Number>,
    /// The value must be less than this.
    pub exclusive_max: Option<Number>,
}

/// Whether `n` is within `bounds`; NaN never is.
///
/// ```
/// use validate_core::rules::range::{check, Bounds, Number};
/// let b = Bounds { min: Some(Number::Int(13)), max: Some(Number::Int(130)), ..Bounds::default() };
/// assert!(check(Number::Int(13), b));
/// assert!(!check(Number::Int(12), b));
/// assert!(!check(Number::Float(f64::NAN), Bounds::default()));
/// ```
#[inline(always)] // the bounds are constants in derived code: inlined, the tests fold to compares
pub fn check(n: Number, bounds: Bounds) -> bool {
    if let Number::Float(x) = n
        && x.is_nan()
    {
        return false;
    }
    let ok = |bound: Option<Number>, allowed: fn(Ordering) -> bool| {
        bound.is_none_or(|b| n.compare(b).is_some_and(allowed))
    };
    ok(bounds.min, Ordering::is_ge)
        && ok(bounds.max, Ordering::is_le)
        && ok(bounds.exclusive_min, Ordering::is_gt)
        && ok(bounds.exclusive_max, Ordering::is_lt)
}

/// The `range` error for `bounds`.
#[cold]
pub fn error(bounds: Bounds) -> Error {
    let mut parts = Vec::new();
    match (bounds.min, bounds.max) {
        (Some(min), Some(max)) => parts.push(format!("between {min} and {max}")),
        (Some(min), None) => parts.push(format!("at least {min}")),
        (None, Some(max)) => parts.push(format!("at most {max}")),
        (None, None) => {}
    }
    if let Some(b) = bounds.exclusive_min {
        parts.push(format!("greater than {b}"));
    }
    if let Some(b) = bounds.exclusive_max {
        parts.push(format!("less than {b}"));
    }
    let message = if parts.is_empty() {
        "must be a number".to_owned()
    } else {
        format!("must be {}", parts.join(" and "))
    };
    let mut error = Error::new("range").with_message(message);
    for (name, bound) in [
        ("min", bounds.min),
        ("max", bounds.max),
        ("exclusive_min", bounds.exclusive_min),
        ("exclusive_max", bounds.exclusive_max),
    ] {
        if let Some(b) = bound {
            error = error.with_param(name, b.param());
        }
    }
    error
}
