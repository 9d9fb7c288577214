//! [`Problem`]: the RFC 9457 `application/problem+json` body that the web extractors answer with.
//!
//! Both frameworks build their responses from this one type and serialize it the same way, so
//! the same bad request gets byte-identical bodies from axum and actix-web:
//!
//! ```json
//! {"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"address.zip","pointer":"/address/zip","code":"pattern","message":"must match the pattern [0-9]{5}","params":{"pattern":"[0-9]{5}"}}]}
//! ```
//!
//! `errors` is the serialized [`Report`] (empty for answers other than 422); no field ever holds
//! a rejected value.

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::de::{Failure, Malformed};
use crate::{FieldError, Report};

/// The media type of a [`Problem`] body.
pub const CONTENT_TYPE: &str = "application/problem+json";

/// An RFC 9457 problem details body: `type`, `title`, `status`, `detail`, and the `errors` of a
/// [`Report`] as an extension member.
///
/// ```
/// use validate_core::Validate;
/// use validate_core::problem::Problem;
///
/// #[derive(Validate)]
/// struct Zip {
///     #[validate(pattern = "[0-9]{5}")]
///     zip: String,
/// }
///
/// let report = Zip { zip: "1234x".into() }.validate().unwrap_err();
/// let problem = Problem::from(report);
/// assert_eq!(problem.status(), 422);
/// assert_eq!(problem.title(), "Unprocessable Content");
/// assert_eq!(problem.detail(), "the request has 1 error");
/// assert_eq!(
///     serde_json::to_string(&problem).unwrap(),
///     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"zip","pointer":"/zip","code":"pattern","message":"must match the pattern [0-9]{5}","params":{"pattern":"[0-9]{5}"}}]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    type_uri: Cow<'static, str>,
    title: Cow<'static, str>,
    status: u16,
    detail: Cow<'static, str>,
    errors: Report,
}

impl Problem {
    /// A problem with the given HTTP status and detail, type `about:blank`, the status's reason
    /// phrase as title, and no errors.
    ///
    /// ```
    /// use validate_core::problem::Problem;
    ///
    /// let problem = Problem::new(413, "the request body is too large");
    /// assert_eq!(problem.title(), "Content Too Large");
    /// assert!(problem.errors().is_empty());
    /// ```
    pub fn new(status: u16, detail: impl Into<Cow<'static, str>>) -> Self {
        Problem {
            type_uri: Cow::Borrowed("about:blank"),
            title: Cow::Borrowed(reason_phrase(status)),
            status,
            detail: detail.into(),
            errors: Report::new(),
        }
    }

    /// The language of the errors' messages (`Content-Language`): the report's, once it was
    /// localized (feature `i18n`); `title` and `detail` stay HTTP's English.
    pub fn language(&self) -> Option<&str> {
        self.errors.language()
    }

    /// The 422 answer to a request whose shape or values are wrong, listing every error of
    /// `report`. Same as `Problem::from(report)`.
    ///
    /// ```
    /// use validate_core::{Error, Path, Report};
    /// use validate_core::problem::Problem;
    ///
    /// let mut report = Report::new();
    /// report.push(Path::root(), Error::new("closed").with_message("sign-up is closed"), None);
    /// assert_eq!(Problem::invalid(report).status(), 422);
    /// ```
    pub fn invalid(report: Report) -> Self {
        if report.is_unavailable() {
            return Problem::unavailable();
        }
        let detail = match report.len() {
            _ if report.truncated() => Cow::Owned(format!(
                "the request has more than {} errors",
                Report::MAX_ERRORS
            )),
            1 => Cow::Borrowed("the request has 1 error"),
            n => Cow::Owned(format!("the request has {n} errors")),
        };
        Problem::new(422, detail).with_errors(report)
    }

    /// The 503 answer to a request whose report [`is_unavailable`](Report::is_unavailable): a
    /// check could not run, so the request was not judged, and no error is the client's to fix.
    /// [`Problem::invalid`] gives it for such a report, whatever else failed.
    ///
    /// ```
    /// use validate_core::{Error, Path, Report};
    /// use validate_core::problem::Problem;
    ///
    /// let mut report = Report::new();
    /// report.push(Path::root(), Error::new("pattern"), None);
    /// report.push(Path::root(), Error::unavailable(), None);
    /// let problem = Problem::invalid(report);
    /// assert_eq!((problem.status(), problem.title()), (503, "Service Unavailable"));
    /// assert!(problem.errors().is_empty());
    /// ```
    pub fn unavailable() -> Self {
        Problem::new(503, "the request could not be checked now; try again later")
    }

    /// The 400 answer to a body that is not well-formed JSON.
    ///
    /// ```
    /// use validate_core::de::Malformed;
    /// use validate_core::problem::Problem;
    ///
    /// let problem = Problem::malformed(&Malformed::new("expected `:`", 1, 6));
    /// assert_eq!(problem.status(), 400);
    /// assert_eq!(problem.detail(), "the request body is not valid JSON: expected `:` at line 1 column 6");
    /// ```
    pub fn malformed(malformed: &Malformed) -> Self {
        Problem::new(
            400,
            format!("the request body is not valid JSON: {malformed}"),
        )
    }

    /// The 415 answer to a request whose `Content-Type` is not `expected`.
    ///
    /// ```
    /// use validate_core::problem::Problem;
    ///
    /// let problem = Problem::unsupported_media_type("application/json");
    /// assert_eq!(problem.status(), 415);
    /// assert_eq!(problem.detail(), "expected a request body with Content-Type: application/json");
    /// ```
    pub fn unsupported_media_type(expected: &str) -> Self {
        Problem::new(
            415,
            format!("expected a request body with Content-Type: {expected}"),
        )
    }

    /// Replaces the `type` URI (`about:blank` by default) that identifies the kind of problem.
    ///
    /// ```
    /// use validate_core::problem::Problem;
    ///
    /// let problem = Problem::new(422, "bad").with_type("https://example.com/problems/invalid");
    /// assert_eq!(problem.type_uri(), "https://example.com/problems/invalid");
    /// ```
    #[must_use]
    pub fn with_type(mut self, type_uri: impl Into<Cow<'static, str>>) -> Self {
        self.type_uri = type_uri.into();
        self
    }

    /// Replaces the title (by default the status's reason phrase).
    ///
    /// ```
    /// use validate_core::problem::Problem;
    ///
    /// assert_eq!(Problem::new(422, "").with_title("Invalid sign-up").title(), "Invalid sign-up");
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<Cow<'static, str>>) -> Self {
        self.title = title.into();
        self
    }

    /// Replaces the detail.
    ///
    /// ```
    /// use validate_core::problem::Problem;
    ///
    /// assert_eq!(Problem::new(400, "").with_detail("try again").detail(), "try again");
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = detail.into();
        self
    }

    /// Replaces the errors.
    ///
    /// ```
    /// use validate_core::{Error, Path, Report, Segment};
    /// use validate_core::problem::Problem;
    ///
    /// let mut report = Report::new();
    /// let path = Path::from_segments(vec![Segment::Field("email".into())]);
    /// report.push(path, Error::new("taken").with_message("is already registered"), None);
    /// let problem = Problem::new(409, "the email is taken").with_errors(report);
    /// assert_eq!(problem.errors()[0].code(), "taken");
    /// ```
    #[must_use]
    pub fn with_errors(mut self, errors: Report) -> Self {
        self.errors = errors;
        self
    }

    /// The `type` URI.
    pub fn type_uri(&self) -> &str {
        &self.type_uri
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The detail.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The errors, as in the [`Report`] they came from.
    pub fn errors(&self) -> &[FieldError] {
        self.errors.errors()
    }

    /// The body as JSON bytes: the exact bytes both web integrations send.
    ///
    /// ```
    /// use validate_core::problem::Problem;
    ///
    /// assert_eq!(
    ///     Problem::new(400, "bad").to_json(),
    ///     br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad","errors":[]}"#
    /// );
    /// ```
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> Vec<u8> {
        // Every field serializes to a JSON string, number or list of them: this cannot fail.
        serde_json::to_vec(self).expect("a problem always serializes to JSON")
    }
}

impl From<Report> for Problem {
    fn from(report: Report) -> Self {
        Problem::invalid(report)
    }
}

impl From<Failure> for Problem {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Malformed(malformed) => Problem::malformed(&malformed),
            Failure::Invalid(report) => Problem::invalid(report),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status, self.title, self.detail)
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Problem", 5)?;
        s.serialize_field("type", &self.type_uri)?;
        s.serialize_field("title", &self.title)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("detail", &self.detail)?;
        s.serialize_field("errors", self.errors.errors())?;
        if self.errors.truncated() {
            s.serialize_field("truncated", &true)?;
        } else {
            s.skip_field("truncated")?;
        }
        s.end()
    }
}

/// The reason phrase of an HTTP status (RFC 9110), for the default title.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => match status / 100 {
            4 => "Client Error",
            5 => "Server Error",
            _ => "Error",
        },
    }
}
