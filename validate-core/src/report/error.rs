//! What a rule reports: the [`Error`] a rule returns, its [`Param`]s, and the [`FieldError`] a
//! report records of it at a path.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::Path;
use crate::log;
use crate::text::Text;

/// A rule parameter as reported to the client: a number, a string or a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    /// An integer parameter, such as a length or an integer bound.
    Int(i128),
    /// A floating-point parameter, such as a float bound.
    Float(f64),
    /// A string parameter, such as a pattern.
    Str(Cow<'static, str>),
    /// A list parameter, such as the allowed values of `one_of`.
    List(Vec<Param>),
}

macro_rules! param_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Param {
            fn from(value: $t) -> Self {
                Param::Int(value as i128)
            }
        }
    )*};
}
param_from_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, usize);

impl From<u128> for Param {
    fn from(value: u128) -> Self {
        i128::try_from(value).map_or(Param::Float(value as f64), Param::Int)
    }
}

impl From<f32> for Param {
    fn from(value: f32) -> Self {
        Param::Float(f64::from(value))
    }
}

impl From<f64> for Param {
    fn from(value: f64) -> Self {
        Param::Float(value)
    }
}

impl From<&'static str> for Param {
    fn from(value: &'static str) -> Self {
        Param::Str(Cow::Borrowed(value))
    }
}

impl From<String> for Param {
    fn from(value: String) -> Self {
        Param::Str(Cow::Owned(value))
    }
}

impl From<Cow<'static, str>> for Param {
    fn from(value: Cow<'static, str>) -> Self {
        Param::Str(value)
    }
}

impl<T: Into<Param>> From<Vec<T>> for Param {
    fn from(value: Vec<T>) -> Self {
        Param::List(value.into_iter().map(Into::into).collect())
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Int(i) => write!(f, "{i}"),
            Param::Float(x) => write!(f, "{x}"),
            Param::Str(s) => f.write_str(s),
            Param::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                Ok(())
            }
        }
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Int(i) => {
                if let Ok(i) = i64::try_from(*i) {
                    serializer.serialize_i64(i)
                } else if let Ok(u) = u64::try_from(*i) {
                    serializer.serialize_u64(u)
                } else {
                    serializer.serialize_f64(*i as f64)
                }
            }
            Param::Float(x) => serializer.serialize_f64(*x),
            Param::Str(s) => serializer.serialize_str(s),
            Param::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

/// An error returned by a rule: a code, a message and parameters, and for struct-level rules the
/// field it belongs to.
///
/// Custom rules return it:
/// ```
/// use validate_core::Error;
/// fn even(n: &u32) -> Result<(), Error> {
///     if n % 2 == 0 {
///         Ok(())
///     } else {
///         Err(Error::new("even").with_message("must be even").with_param("got_odd", true as u8))
///     }
/// }
/// assert_eq!(even(&3).unwrap_err().code(), "even");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    code: Cow<'static, str>,
    message: Option<Cow<'static, str>>,
    message_id: Option<&'static str>,
    params: Vec<(Cow<'static, str>, Param)>,
    field: Option<Cow<'static, str>>,
    unavailable: bool,
}

impl Error {
    /// An error with the given code; its message defaults to the code until one is set.
    pub fn new(code: impl Into<Cow<'static, str>>) -> Self {
        Error {
            code: code.into(),
            message: None,
            message_id: None,
            params: Vec::new(),
            field: None,
            unavailable: false,
        }
    }

    /// The error of a check that could not run (its database is down, its lookup timed out):
    /// not the client's fault. A report that holds one [`is_unavailable`](crate::Report::is_unavailable),
    /// whatever else failed, and every extractor answers `503 Service Unavailable` for it, not
    /// 422. Code `unavailable`, message "could not be checked; try again later".
    ///
    /// ```
    /// use validate_core::{Error, Validate};
    ///
    /// fn name_is_free(_name: &String) -> Result<(), Error> {
    ///     // The lookup failed: the client cannot fix that.
    ///     Err(Error::unavailable())
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Signup {
    ///     #[validate(length(min = 3), custom(name_is_free))]
    ///     user_name: String,
    /// }
    ///
    /// let report = Signup { user_name: "ada".into() }.validate().unwrap_err();
    /// assert!(report.is_unavailable());
    /// ```
    pub fn unavailable() -> Self {
        Error {
            unavailable: true,
            ..Error::new("unavailable").with_message("could not be checked; try again later")
        }
    }

    /// Whether this is [`Error::unavailable`].
    pub fn is_unavailable(&self) -> bool {
        self.unavailable
    }

    /// Sets the human-readable message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Gives the message an id of its own in message catalogues (feature `i18n`): a catalogue
    /// with that id renders it, with the params as variables; one without it keeps the message.
    /// The derive's `message_id = ".."` sets it.
    #[must_use]
    pub fn with_message_id(mut self, id: &'static str) -> Self {
        self.message_id = Some(id);
        self
    }

    /// Replaces the code.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = code.into();
        self
    }

    /// Adds a parameter reported to the client beside the code.
    #[must_use]
    pub fn with_param(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Param>,
    ) -> Self {
        self.params.push((name.into(), value.into()));
        self
    }

    /// For struct-level rules: the field (Rust name or wire name) the error belongs to.
    #[must_use]
    pub fn at(mut self, field: impl Into<Cow<'static, str>>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The error code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message, or the code when none was set.
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or(&self.code)
    }

    /// The parameters, in the order they were added.
    pub fn params(&self) -> &[(Cow<'static, str>, Param)] {
        &self.params
    }

    /// The message's own id in message catalogues ([`Error::with_message_id`]).
    pub fn message_id(&self) -> Option<&'static str> {
        self.message_id
    }

    /// The field set with [`Error::at`], if any.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    pub(crate) fn into_parts(self) -> Parts {
        let message = match self.message {
            Some(message) => message,
            None => self.code.clone(),
        };
        Parts {
            code: self.code,
            message,
            message_id: self.message_id,
            params: Cow::Owned(self.params),
            unavailable: self.unavailable,
        }
    }

    /// The parts of an error that lives as long as the program (a rule site's error, built once
    /// on its first failure): a report borrows them instead of copying them.
    pub(crate) fn borrowed_parts(&'static self) -> Parts {
        Parts {
            code: Cow::Borrowed(&self.code),
            message: Cow::Borrowed(self.message()),
            message_id: self.message_id,
            params: Cow::Borrowed(&self.params),
            unavailable: self.unavailable,
        }
    }
}

/// What a [`FieldError`] records of an [`Error`].
pub struct Parts {
    code: Cow<'static, str>,
    message: Cow<'static, str>,
    message_id: Option<&'static str>,
    params: Cow<'static, [(Cow<'static, str>, Param)]>,
    unavailable: bool,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message())
    }
}

impl std::error::Error for Error {}

/// One failed rule: where, which rule (code), a message, and the rule's parameters.
///
/// It never holds the rejected value; only the [`Display`](fmt::Display) of a [`Report`](crate::Report) shows a
/// truncated, escaped preview of it, for logs, and never for `sensitive` fields.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    path: Path,
    code: Cow<'static, str>,
    message: Cow<'static, str>,
    message_id: Option<&'static str>,
    params: Cow<'static, [(Cow<'static, str>, Param)]>,
    preview: Option<Text>,
    unavailable: bool,
}

impl FieldError {
    pub(crate) fn new(path: Path, parts: Parts, preview: Option<Text>) -> Self {
        FieldError {
            path,
            code: parts.code,
            message: parts.message,
            message_id: parts.message_id,
            params: parts.params,
            preview,
            unavailable: parts.unavailable,
        }
    }

    /// Whether the check behind this error could not run ([`Error::unavailable`]).
    pub fn is_unavailable(&self) -> bool {
        self.unavailable
    }

    /// Where the error happened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The rule's code (`length`, `pattern`, …) or the override given with `code = ".."`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message (English by default, or the override given with `message = ".."`).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message's own id in message catalogues, given with `message_id = ".."` or
    /// [`Error::with_message_id`].
    pub fn message_id(&self) -> Option<&'static str> {
        self.message_id
    }

    /// Replaces the message (a translation).
    #[cfg(feature = "i18n")]
    pub(crate) fn set_message(&mut self, message: String) {
        self.message = Cow::Owned(message);
    }

    /// The rule's parameters, in a fixed order per rule.
    pub fn params(&self) -> &[(Cow<'static, str>, Param)] {
        &self.params
    }

    /// The parameter with the given name.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, p)| p)
    }

    /// The escaped, truncated preview of the rejected value shown in logs; `None` for sensitive
    /// fields and values that have no text form.
    pub fn preview(&self) -> Option<&str> {
        self.preview.as_ref().map(Text::as_str)
    }

    pub(crate) fn path_mut(&mut self) -> &mut Path {
        &mut self.path
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.path.in_log(),
            log::escape(&self.code),
            log::escape(&self.message)
        )?;
        if let Some(preview) = self.preview() {
            write!(f, " (got \"{preview}\")")?;
        }
        Ok(())
    }
}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Params<'a>(&'a [(Cow<'static, str>, Param)]);
        impl Serialize for Params<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (name, value) in self.0 {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
        let mut s = serializer.serialize_struct("FieldError", 5)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("pointer", &self.path.to_pointer())?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("params", &Params(&self.params))?;
        s.end()
    }
}
