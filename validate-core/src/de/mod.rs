//! Deserialize, normalize and validate in one step, with one error format for both kinds of
//! failure.
//!
//! A request can be wrong in two ways: its *shape* (a missing field, a string where a number
//! belongs, an unknown enum variant) or its *values* (a rule fails). Serde reports the first kind
//! as an opaque message that may quote the rejected value (`invalid type: string "hunter2",
//! expected u8`); this module turns it into a [`Report`] with one [`FieldError`](crate::FieldError)
//! at the wire-name path where it happened, so clients handle both kinds alike:
//!
//! | serde failure | code | message |
//! | --- | --- | --- |
//! | missing field | `missing_field` (at the missing field's path) | `is required` |
//! | wrong type | `invalid_type` | `expected u8` |
//! | unknown enum variant | `unknown_variant` | ``expected one of `a`, `b` `` |
//! | wrong number of elements | `invalid_length` | `expected an array of length 2` |
//! | unknown field (`deny_unknown_fields`) | `unknown_field` (at the unknown field's path) | ``unknown field, expected `a` `` |
//! | field given twice | `duplicate_field` (at the field's path) | `is given more than once` |
//! | anything else (custom errors) | `invalid_value` | `is not a valid value` |
//!
//! Messages are built from the *expected* part of serde's message only (the type or the list of
//! variants, which come from the schema), never from the part that describes the input; a
//! message that does not have serde's standard form gets the fixed message of its code. The
//! rejected value never reaches the report.
//!
//! A [`Valid<T>`](crate::Valid) *field* inside the deserialized type fails inside serde, with a
//! message this module does not copy: it becomes one `invalid_value` at that field. Declare the
//! field as a plain `T` with `#[validate(nested)]` instead, and every nested error is reported
//! at its path.
//!
//! `from_json` (feature `json`), `from_query` and `from_form` (feature `urlencoded`) do the whole
//! step. Valid input goes through plain serde at full speed; only on failure is the input
//! deserialized a second time with [`serde_path_to_error`] to find the path.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use validate_core::{Validate, de};
//!
//! #[derive(Debug, serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Signup {
//!     #[normalize(trim)]
//!     #[validate(length(min = 3))]
//!     user_name: String,
//!     age: u8,
//! }
//!
//! let signup = de::from_json::<Signup>(br#"{"userName":" ada ","age":36}"#).unwrap();
//! assert_eq!(signup.user_name, "ada");
//!
//! let failure = de::from_json::<Signup>(br#"{"userName":"ada","age":"hunter2"}"#).unwrap_err();
//! let report = failure.report().unwrap();
//! assert_eq!(report.errors()[0].path().to_string(), "age");
//! assert_eq!(report.errors()[0].code(), "invalid_type");
//! assert_eq!(report.errors()[0].message(), "expected u8");
//! assert!(!serde_json::to_string(report).unwrap().contains("hunter2"));
//! # }
//! ```

mod classify;
#[cfg(feature = "urlencoded")]
mod form;

use std::borrow::Cow;
use std::fmt;

/// The version of `serde_path_to_error` that [`report_from_path_error`] takes errors of.
#[doc(no_inline)]
pub use serde_path_to_error;

#[cfg(feature = "json")]
use crate::{Error, Path};
use crate::{Report, Validate};
#[cfg(any(feature = "json", feature = "urlencoded"))]
use crate::{Valid, ValidateWith};
pub(crate) use classify::conceal;
#[cfg(feature = "json")]
use classify::{INVALID_VALUE, strip_position};
use classify::{Trace, push_classified, segments};

/// Why input could not become a valid value: it is malformed (not JSON at all), or it is
/// well-formed but has the wrong shape or breaks the rules.
///
/// ```
/// # #[cfg(feature = "json")] {
/// use validate_core::{Validate, de};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Ping {
///     #[validate(range(max = 10))]
///     n: u32,
/// }
///
/// assert!(matches!(de::from_json::<Ping>(b"{\"n\":"), Err(de::Failure::Malformed(_))));
/// assert!(matches!(de::from_json::<Ping>(b"{\"n\":11}"), Err(de::Failure::Invalid(_))));
/// assert!(matches!(de::from_json::<Ping>(b"{}"), Err(de::Failure::Invalid(_))));
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The input is not well-formed (a JSON syntax error); HTTP answers 400.
    Malformed(Malformed),
    /// The input is well-formed, but a field is missing or has the wrong type, or a rule failed;
    /// HTTP answers 422.
    Invalid(Report),
}

impl Failure {
    /// The report of an [`Invalid`](Failure::Invalid) failure.
    ///
    /// ```
    /// # #[cfg(feature = "json")] {
    /// # use validate_core::{Validate, de};
    /// # #[derive(Debug, serde::Deserialize, Validate)]
    /// # struct Ping { n: u32 }
    /// let failure = de::from_json::<Ping>(b"{}").unwrap_err();
    /// assert_eq!(failure.report().unwrap().errors()[0].code(), "missing_field");
    /// # }
    /// ```
    pub fn report(&self) -> Option<&Report> {
        match self {
            Failure::Invalid(report) => Some(report),
            Failure::Malformed(_) => None,
        }
    }
}

impl From<Report> for Failure {
    fn from(report: Report) -> Self {
        Failure::Invalid(report)
    }
}

impl From<Malformed> for Failure {
    fn from(malformed: Malformed) -> Self {
        Failure::Malformed(malformed)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Malformed(malformed) => malformed.fmt(f),
            Failure::Invalid(report) => report.fmt(f),
        }
    }
}

impl std::error::Error for Failure {}

/// A syntax error: the input is not well-formed JSON.
///
/// Its message comes from the parser's fixed list (`EOF while parsing an object`, ``expected `,`
/// or `}` ``, …) and never quotes the input.
///
/// ```
/// # #[cfg(feature = "json")] {
/// # use validate_core::{Validate, de};
/// # #[derive(Debug, serde::Deserialize, Validate)]
/// # struct Ping { n: u32 }
/// let Err(de::Failure::Malformed(malformed)) = de::from_json::<Ping>(b"{\"n\" 1}") else {
///     unreachable!()
/// };
/// assert_eq!(malformed.message(), "expected `:`");
/// assert_eq!((malformed.line(), malformed.column()), (1, 6));
/// assert_eq!(malformed.to_string(), "expected `:` at line 1 column 6");
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    message: Cow<'static, str>,
    line: usize,
    column: usize,
}

impl Malformed {
    /// A syntax error with the given message, at the given 1-based line and column (0 when
    /// unknown).
    ///
    /// ```
    /// let malformed = validate_core::de::Malformed::new("unexpected end of input", 0, 0);
    /// assert_eq!(malformed.to_string(), "unexpected end of input");
    /// ```
    pub fn new(message: impl Into<Cow<'static, str>>, line: usize, column: usize) -> Self {
        Malformed {
            message: message.into(),
            line,
            column,
        }
    }

    /// What is wrong, without the position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line of the error, or 0 when unknown.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column of the error, or 0 when unknown.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if self.line > 0 {
            write!(f, " at line {} column {}", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for Malformed {}

/// Deserializes JSON into a `T`, normalizes and validates it.
///
/// A syntax error (including trailing characters) is [`Failure::Malformed`]; a shape error
/// (missing field, wrong type, …) or a failed rule is [`Failure::Invalid`], whose report has the
/// shape error at its path, or every failed rule.
///
/// ```
/// use validate_core::{Validate, de};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Address {
///     #[validate(pattern = "[0-9]{5}")]
///     zip: String,
/// }
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Order {
///     #[validate(nested)]
///     address: Address,
///     items: Vec<u32>,
/// }
///
/// let failure = de::from_json::<Order>(br#"{"address":{},"items":[]}"#).unwrap_err();
/// let error = &failure.report().unwrap().errors()[0];
/// assert_eq!((error.path().to_string(), error.code()), ("address.zip".into(), "missing_field"));
///
/// let failure = de::from_json::<Order>(br#"{"address":{"zip":"1"},"items":[1,"x"]}"#).unwrap_err();
/// let error = &failure.report().unwrap().errors()[0];
/// assert_eq!(error.path().to_pointer(), "/items/1");
/// assert_eq!(error.message(), "expected u32");
///
/// let failure = de::from_json::<Order>(br#"{"address":{"zip":"1"},"items":[]}"#).unwrap_err();
/// assert_eq!(failure.report().unwrap().errors()[0].code(), "pattern");
/// ```
#[cfg(feature = "json")]
pub fn from_json<'de, T>(bytes: &'de [u8]) -> Result<Valid<T>, Failure>
where
    T: serde::Deserialize<'de> + Validate,
{
    Ok(Valid::new(json_value::<T>(bytes)?)?)
}

/// [`from_json`] without the rules: the `T`, or the failure of its syntax or shape.
#[cfg(feature = "json")]
#[inline]
pub(crate) fn json_value<'de, T>(bytes: &'de [u8]) -> Result<T, Failure>
where
    T: serde::Deserialize<'de> + ValidateWith,
{
    // JSON is UTF-8 (RFC 8259): text that is not is malformed, wherever it is, also inside a
    // value serde would skip. Checked once up front, the parse then reads `&str`.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return Err(Failure::Malformed(malformed_utf8(bytes, &error))),
    };
    match serde_json::from_str::<T>(text) {
        Ok(value) => Ok(value),
        Err(error) => Err(json_failure::<T>(bytes, error)),
    }
}

/// The syntax error of a body that is not UTF-8, at the line and column of its first bad byte.
#[cfg(feature = "json")]
#[cold]
fn malformed_utf8(bytes: &[u8], error: &std::str::Utf8Error) -> Malformed {
    let before = &bytes[..error.valid_up_to()];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    Malformed::new("invalid UTF-8", line, column)
}

#[cfg(feature = "json")]
#[cold]
#[inline(never)]
fn json_failure<'de, T: serde::Deserialize<'de> + ValidateWith>(
    bytes: &'de [u8],
    error: serde_json::Error,
) -> Failure {
    use serde_json::error::Category;

    let is_syntax =
        |error: &serde_json::Error| matches!(error.classify(), Category::Syntax | Category::Eof);
    // Input that is not JSON is malformed even where serde stopped at a shape error before
    // reaching the syntax error. And serde_json reports an array longer than its tuple or array
    // type as "trailing characters", a syntax error, though the input is well-formed.
    if let Err(syntax) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        return Failure::Malformed(malformed_json(&syntax));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let mut report = Report::new();
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(traced) if is_syntax(traced.inner()) => {
            let error = if strip_position(&traced.inner().to_string()) == "trailing characters" {
                Error::new("invalid_length").with_message("has too many elements")
            } else {
                Error::new("invalid_value").with_message(INVALID_VALUE)
            };
            let path = segments(traced.path(), <T as ValidateWith>::__trace);
            report.push(Path::from_segments(path), error, None);
        }
        Err(traced) => report = report_from_traced(&traced, <T as ValidateWith>::__trace),
        // Deserialization is deterministic, so the second pass fails too; should it not, the
        // first error is still reported, at the root.
        Ok(_) => push_classified(&mut report, Vec::new(), &error.to_string()),
    }
    Failure::Invalid(report)
}

#[cfg(feature = "json")]
fn malformed_json(error: &serde_json::Error) -> Malformed {
    // Syntax and EOF errors come from serde_json's fixed list of messages, none of which quotes
    // the input; only the position suffix is taken off.
    let text = error.to_string();
    let message = strip_position(&text);
    Malformed::new(message.to_owned(), error.line(), error.column())
}

/// Deserializes a URL query string (`a=1&b=x`, without the `?`) into a `T`, normalizes and
/// validates it.
///
/// Query strings cannot be malformed (every byte string decodes), so every failure is a
/// [`Report`]. Each value is text, read as the type its field asks for, and a mistake is
/// reported as the same mistake in JSON is: text that is no number for a `u32` is
/// `invalid_type` `expected u32`, a number out of its range (`300` for a `u8`) is
/// `invalid_value` `expected u8`. Numbers are integers or finite decimals (`inf`, `NaN` are
/// not); booleans are `true` and `false`; a name given without a value is an empty string.
///
/// ```
/// use validate_core::{Validate, de};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Search {
///     #[normalize(trim)]
///     #[validate(length(min = 1))]
///     q: String,
///     #[validate(range(max = 100))]
///     limit: Option<u32>,
/// }
///
/// let search = de::from_query::<Search>("q=+rust+&limit=10").unwrap();
/// assert_eq!((search.q.as_str(), search.limit), ("rust", Some(10)));
///
/// let report = de::from_query::<Search>("limit=10").unwrap_err();
/// let codes: Vec<_> = report.iter().map(|e| (e.path().to_string(), e.code())).collect();
/// assert_eq!(codes, [("q".to_owned(), "missing_field")]);
///
/// let report = de::from_query::<Search>("q=x&limit=ten").unwrap_err();
/// assert_eq!(report.errors()[0].code(), "invalid_type");
/// assert_eq!(report.errors()[0].message(), "expected u32");
/// ```
#[cfg(feature = "urlencoded")]
pub fn from_query<'de, T>(query: &'de str) -> Result<Valid<T>, Report>
where
    T: serde::Deserialize<'de> + Validate,
{
    from_form::<T>(query.as_bytes())
}

/// Deserializes an `application/x-www-form-urlencoded` body into a `T`, normalizes and
/// validates it; like [`from_query`], every failure is a [`Report`].
///
/// ```
/// use validate_core::{Validate, de};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Login {
///     #[validate(email)]
///     email: String,
///     #[validate(length(min = 8), sensitive)]
///     password: String,
/// }
///
/// let report = de::from_form::<Login>(b"email=ada%40example.com&password=short").unwrap_err();
/// assert_eq!(report.errors()[0].path().to_string(), "password");
/// assert_eq!(report.errors()[0].code(), "length");
/// ```
#[cfg(feature = "urlencoded")]
pub fn from_form<'de, T>(bytes: &'de [u8]) -> Result<Valid<T>, Report>
where
    T: serde::Deserialize<'de> + Validate,
{
    Valid::new(form_value::<T>(bytes)?)
}

/// [`from_form`] without the rules: the `T`, or the report of its shape error.
#[cfg(feature = "urlencoded")]
#[inline]
pub(crate) fn form_value<'de, T>(bytes: &'de [u8]) -> Result<T, Report>
where
    T: serde::Deserialize<'de> + ValidateWith,
{
    T::deserialize(form::deserializer(bytes)).map_err(|error| form_failure::<T>(bytes, &error))
}

/// The path parameters `params` (name and percent-decoded value, in the route's order) as a
/// `T`, without the rules; a shape error is at the parameter's name, even for a `T` that is the
/// one parameter (`/tickets/{id}` into a `u64`), and never shows the value.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(crate) fn path_value<'de, T>(params: &'de [(&'de str, &'de str)]) -> Result<T, Report>
where
    T: serde::Deserialize<'de> + ValidateWith,
{
    T::deserialize(form::Params(params)).map_err(|error| {
        let mut report = Report::new();
        match serde_path_to_error::deserialize::<_, T>(form::Params(params)) {
            Err(traced) => {
                let path = segments(traced.path(), <T as ValidateWith>::__trace);
                push_classified(&mut report, path, &traced.inner().to_string());
            }
            Ok(_) => push_classified(&mut report, Vec::new(), &error.to_string()),
        }
        at_parameter(report, only_parameter(params))
    })
}

/// The name of the route's parameter, when it has exactly one.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(crate) fn only_parameter<'p>(params: &[(&'p str, &str)]) -> Option<&'p str> {
    match params {
        [(name, _)] => Some(name),
        _ => None,
    }
}

/// `report` with its errors at the root moved to `parameter`, the route's one parameter, if it
/// has one: for a value that is that parameter, its name is where its errors are.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(crate) fn at_parameter(mut report: Report, parameter: Option<&str>) -> Report {
    if let Some(name) = parameter {
        report.move_root_to(&crate::Segment::Field(std::borrow::Cow::Owned(
            name.to_owned(),
        )));
    }
    report
}

#[cfg(feature = "urlencoded")]
#[cold]
#[inline(never)]
fn form_failure<'de, T: serde::Deserialize<'de> + ValidateWith>(
    bytes: &'de [u8],
    error: &serde::de::value::Error,
) -> Report {
    match serde_path_to_error::deserialize::<_, T>(form::deserializer(bytes)) {
        Err(traced) => report_from_traced(&traced, <T as ValidateWith>::__trace),
        Ok(_) => {
            let mut report = Report::new();
            push_classified(&mut report, Vec::new(), &error.to_string());
            report
        }
    }
}

/// Turns a deserialization error traced by [`serde_path_to_error`] into a [`Report`] with one
/// error at the wire-name path where deserialization failed (see the [module](self) docs for
/// the codes and messages).
///
/// Use it with formats this module has no function for; it expects the error to come from the
/// data, not from the syntax. Struct fields and map keys both become
/// [`Segment::Field`](crate::Segment::Field)s, since serde does not tell them apart; for a
/// [`Validate`] type, [`report_from_path_error_for`] knows which are keys.
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Config {
///     retries: u8,
/// }
///
/// let mut json = serde_json::Deserializer::from_str(r#"{"retries":"hunter2"}"#);
/// let error = serde_path_to_error::deserialize::<_, Config>(&mut json).unwrap_err();
/// let report = validate_core::de::report_from_path_error(&error);
/// assert_eq!(
///     serde_json::to_string(&report).unwrap(),
///     r#"{"errors":[{"path":"retries","pointer":"/retries","code":"invalid_type","message":"expected u8","params":{"expected":"u8"}}]}"#
/// );
/// ```
pub fn report_from_path_error<E: fmt::Display>(error: &serde_path_to_error::Error<E>) -> Report {
    report_from_traced(error, |_| {})
}

/// [`report_from_path_error`] for an error deserializing a `T`: the path in the syntax of the
/// rules' paths, the entries of `T`'s maps at keys and the names and keys below its `sensitive`
/// fields hidden, as the functions of this module report it.
///
/// ```
/// use std::collections::HashMap;
///
/// #[derive(Debug, serde::Deserialize, validate_core::Validate)]
/// struct Limits {
///     per_route: HashMap<String, u32>,
/// }
///
/// let mut json = serde_json::Deserializer::from_str(r#"{"per_route":{"a.b":"many"}}"#);
/// let error = serde_path_to_error::deserialize::<_, Limits>(&mut json).unwrap_err();
/// let report = validate_core::de::report_from_path_error_for::<Limits, _>(&error);
/// assert_eq!(report.errors()[0].path().to_string(), r#"per_route["a.b"]"#);
/// ```
pub fn report_from_path_error_for<T: Validate, E: fmt::Display>(
    error: &serde_path_to_error::Error<E>,
) -> Report {
    report_from_traced(error, T::__trace)
}

/// The report of a traced error, its path rewritten by `trace`.
fn report_from_traced<E: fmt::Display>(
    error: &serde_path_to_error::Error<E>,
    trace: Trace,
) -> Report {
    let mut report = Report::new();
    push_classified(
        &mut report,
        segments(error.path(), trace),
        &error.inner().to_string(),
    );
    report
}
