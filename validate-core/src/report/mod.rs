//! The structured result of a failed validation: [`Report`], [`FieldError`], [`Path`], and the
//! [`Error`] that custom rules return.

mod error;
mod path;

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::text::Text;

pub(crate) use error::Parts;
pub use error::{Error, FieldError, Param};
pub use path::{KEY_CHARS, KeyName, Path, PathNode, Seg, Segment};

/// How many characters of a rejected value the log line of a [`Report`] shows.
pub const PREVIEW_CHARS: usize = 26;

/// Every failure of one validation, in declaration order (nested errors in place).
///
/// `Display` writes one line per error for logs, with an escaped preview of the value (never for
/// `sensitive` fields); `Serialize` writes `{"errors":[…]}` for clients and never includes a value.
///
/// A report is bounded: it keeps the first [`Report::MAX_ERRORS`] errors. When more failed,
/// [`Report::truncated`] is true, the serialized report has `"truncated": true` (the member is
/// absent otherwise), `Display` ends with a line that says so, and derived code stops checking
/// the elements of collections, so a request with thousands of failing entries costs about as
/// much as one with a hundred.
///
/// ```
/// use validate_core::Validate;
///
/// #[derive(Validate)]
/// struct Zip {
///     #[validate(pattern = "[0-9]{5}")]
///     zip: String,
/// }
///
/// let report = Zip { zip: "1234x".into() }.validate().unwrap_err();
/// assert_eq!(report.len(), 1);
/// assert_eq!(report.errors()[0].code(), "pattern");
/// assert_eq!(report.at("zip").count(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    errors: Vec<FieldError>,
    /// Failures found once the report was full.
    omitted: usize,
    /// Whether a check could not run, kept or left out.
    unavailable: bool,
    /// The locale of its messages once localized: an index into `LOCALES`, plus one (0: none).
    /// A `u16` beside `unavailable` keeps the report's size, which the valid path moves.
    language: u16,
}

/// The locales reports were localized in, each once.
static LOCALES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());

impl Report {
    /// How many errors a report keeps.
    pub const MAX_ERRORS: usize = 100;

    /// The locale of the catalogue its messages were rendered in
    /// ([`Report::localized`](crate::Report::localized), feature `i18n`); `None` for the
    /// built-in English. The web extractors send it as `Content-Language`.
    pub fn language(&self) -> Option<&str> {
        let index = usize::from(self.language).checked_sub(1)?;
        let locales = LOCALES
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        locales.get(index).copied()
    }

    #[cfg(feature = "i18n")]
    pub(crate) fn set_language(&mut self, locale: &str) {
        let mut locales = LOCALES
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let index = match locales.iter().position(|l| *l == locale) {
            Some(index) => index,
            None if locales.len() < usize::from(u16::MAX) => {
                // Each distinct locale is kept once, for the program's life.
                locales.push(Box::leak(locale.into()));
                locales.len() - 1
            }
            None => return,
        };
        self.language = u16::try_from(index + 1).unwrap_or(0);
    }

    #[cfg(feature = "i18n")]
    pub(crate) fn errors_mut(&mut self) -> &mut [FieldError] {
        &mut self.errors
    }

    /// An empty report.
    pub const fn new() -> Self {
        Report {
            errors: Vec::new(),
            omitted: 0,
            unavailable: false,
            language: 0,
        }
    }

    /// Whether a check could not run ([`Error::unavailable`]): the request could not be judged,
    /// and no other error in the report is what to answer. An unavailable error recorded once the
    /// report is full is counted, not kept, and still marks it (the derived code runs no more
    /// checks once the report is full, so a lookup after the hundredth error does not run).
    pub fn is_unavailable(&self) -> bool {
        self.unavailable
    }

    /// Whether more errors were found than the report keeps.
    ///
    /// ```
    /// use validate_core::{Error, Path, Report};
    ///
    /// let mut report = Report::new();
    /// for _ in 0..150 {
    ///     report.push(Path::root(), Error::new("closed"), None);
    /// }
    /// assert_eq!(report.len(), Report::MAX_ERRORS);
    /// assert!(report.truncated());
    /// assert_eq!(report.omitted(), 50);
    /// assert!(serde_json::to_string(&report).unwrap().ends_with(r#""truncated":true}"#));
    /// assert!(report.to_string().ends_with("(at least 50 more errors left out: a report keeps the first 100)"));
    /// ```
    pub fn truncated(&self) -> bool {
        self.omitted > 0
    }

    /// How many failures were found and left out once the report was full. Derived code stops
    /// checking the elements of a collection at the first one, so more may have failed.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Whether the report holds [`Report::MAX_ERRORS`] errors: another failure is only counted.
    #[inline]
    pub fn is_full(&self) -> bool {
        self.errors.len() >= Self::MAX_ERRORS
    }

    /// The errors, in declaration order.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The number of errors.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether there are no errors.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in declaration order.
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.errors.iter()
    }

    /// The errors whose path displays as `path` (`"address.zip"`, `"tags[1]"`, `""` for the root).
    pub fn at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors
            .iter()
            .filter(move |e| e.path().to_string() == path)
    }

    /// The errors grouped by path: each path once, in the order it first appears, with its
    /// errors in report order (validator's `field_errors()`, in order).
    ///
    /// It borrows the report and allocates nothing; paths compare by their segments. Collect it
    /// for a lookup by path (`BTreeMap<String, Vec<&str>>` of the messages, say), or use
    /// [`Report::at`] for one path.
    ///
    /// ```
    /// use validate_core::Validate;
    ///
    /// #[derive(Validate)]
    /// struct Signup {
    ///     #[validate(length(min = 3), chars(ascii_lowercase))]
    ///     user_name: String,
    ///     #[validate(email)]
    ///     email: String,
    /// }
    ///
    /// let report = Signup { user_name: "A".into(), email: "no".into() }.validate().unwrap_err();
    /// let grouped: Vec<(String, Vec<&str>)> = report
    ///     .by_path()
    ///     .map(|(path, errors)| (path.to_string(), errors.map(|e| e.code()).collect()))
    ///     .collect();
    /// assert_eq!(
    ///     grouped,
    ///     [("user_name".into(), vec!["length", "chars"]), ("email".into(), vec!["email"])]
    /// );
    /// ```
    pub fn by_path(
        &self,
    ) -> impl Iterator<Item = (&Path, impl Iterator<Item = &FieldError> + Clone)> + Clone {
        // A report holds at most `MAX_ERRORS`: looking back for a path costs less than a map.
        self.errors
            .iter()
            .enumerate()
            .filter(|(i, error)| {
                !self.errors[..*i]
                    .iter()
                    .any(|earlier| earlier.path() == error.path())
            })
            .map(|(i, first)| {
                let path = first.path();
                let errors = self.errors[i..].iter().filter(move |e| e.path() == path);
                (path, errors)
            })
    }

    /// Adds an error at `path`, or below it at the field named with [`Error::at`];
    /// `preview` is the value's log preview, if it may be shown. A full report only counts it.
    ///
    /// ```
    /// use validate_core::{Error, Path, Report};
    ///
    /// let mut report = Report::new();
    /// report.push(Path::root(), Error::new("closed"), None);
    /// report.push(Path::root(), Error::new("before_start").at("end"), None);
    /// assert_eq!(report.errors()[0].path().to_string(), "");
    /// assert_eq!(report.errors()[1].path().to_string(), "end");
    /// ```
    pub fn push(&mut self, path: Path, error: Error, preview: Option<String>) {
        self.unavailable |= error.is_unavailable();
        if self.is_full() {
            self.omit();
            return;
        }
        let path = crate::__private::struct_error_path(path, &error, &[]);
        self.errors.push(FieldError::new(
            path,
            error.into_parts(),
            preview.map(Text::from),
        ));
    }

    /// Adds `error` unless the report is full.
    pub(crate) fn push_field_error(&mut self, error: FieldError) {
        self.unavailable |= error.is_unavailable();
        if self.is_full() {
            self.omit();
        } else {
            self.errors.push(error);
        }
    }

    /// Counts a failure left out of a full report.
    #[cold]
    pub(crate) fn omit(&mut self) {
        self.omitted += 1;
    }

    /// Inserts `error` at position `at` (an async rule's, where its field's errors end), keeping
    /// at most [`MAX_ERRORS`](Self::MAX_ERRORS): what falls past it is counted.
    pub(crate) fn insert_field_error(&mut self, at: usize, error: FieldError) {
        self.unavailable |= error.is_unavailable();
        if at >= Self::MAX_ERRORS {
            self.omit();
            return;
        }
        self.errors.insert(at.min(self.errors.len()), error);
        if self.errors.len() > Self::MAX_ERRORS {
            self.errors.pop();
            self.omit();
        }
    }

    /// Moves the errors at the root to `segment` (a path parameter's name, for a value that is
    /// that one parameter).
    #[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
    pub(crate) fn move_root_to(&mut self, segment: &Segment) {
        for error in &mut self.errors {
            if error.path().is_root() {
                error.path_mut().prepend(std::slice::from_ref(segment));
            }
        }
    }

    /// Counts an error left out of a full report, which may be [`Error::unavailable`].
    #[cold]
    pub(crate) fn omit_error(&mut self, unavailable: bool) {
        self.omitted += 1;
        self.unavailable |= unavailable;
    }

    /// Moves the errors of `other` to the end of this report, their paths prefixed with `prefix`,
    /// as many as it still keeps; the rest, and those `other` left out, are counted.
    pub fn append(&mut self, prefix: &Path, other: Report) {
        self.append_with(other, |mut error| {
            error.path_mut().prepend(prefix.segments());
            error
        });
    }

    /// Moves the errors of `other`, each rewritten by `place`, to the end of this report, as
    /// [`append`](Self::append) does.
    pub(crate) fn append_with(
        &mut self,
        other: Report,
        mut place: impl FnMut(FieldError) -> FieldError,
    ) {
        self.omitted += other.omitted;
        self.unavailable |= other.unavailable;
        for error in other.errors {
            self.push_field_error(place(error));
        }
    }

    /// `Ok(())` when empty, the report otherwise.
    #[inline]
    pub fn into_result(self) -> Result<(), Report> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl IntoIterator for Report {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        if self.truncated() {
            write!(
                f,
                "\n(at least {} more errors left out: a report keeps the first {})",
                self.omitted,
                Self::MAX_ERRORS
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Report", 2)?;
        s.serialize_field("errors", &self.errors)?;
        if self.truncated() {
            s.serialize_field("truncated", &true)?;
        } else {
            s.skip_field("truncated")?;
        }
        s.end()
    }
}
