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
pub use path::{KeyName, Path, PathNode, Seg, Segment};

/// How many characters of a rejected value the log line of a [`Report`] shows.
pub const PREVIEW_CHARS: usize = 26;

/// Every failure of one validation, in declaration order (nested errors in place).
///
/// `Display` writes one line per error for logs, with an escaped preview of the value (never for
/// `sensitive` fields); `Serialize` writes `{"errors":[…]}` for clients and never includes a value.
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
}

impl Report {
    /// An empty report.
    pub const fn new() -> Self {
        Report { errors: Vec::new() }
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

    /// Adds an error at `path`; `preview` is the value's log preview, if it may be shown.
    pub fn push(&mut self, path: Path, error: Error, preview: Option<String>) {
        self.errors.push(FieldError::new(
            path,
            error.into_parts(),
            preview.map(Text::from),
        ));
    }

    pub(crate) fn push_field_error(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// Moves the errors of `other` to the end of this report, their paths prefixed with `prefix`.
    pub fn append(&mut self, prefix: &Path, other: Report) {
        self.errors.extend(other.errors.into_iter().map(|mut e| {
            e.path_mut().prepend(prefix.segments());
            e
        }));
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
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Report", 1)?;
        s.serialize_field("errors", &self.errors)?;
        s.end()
    }
}
