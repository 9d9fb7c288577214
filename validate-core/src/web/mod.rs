//! What the web integrations share: the [`Rejection`] every extractor fails with, and the checks
//! and answers that do not depend on the framework. Each framework's module
//! (`validate_core::axum`, `validate_core::actix`) holds only what differs: its extractors, its
//! body error and how it turns a rejection into a response.
//!
//! An extractor hands the handler a `T` that passed every rule. When extraction fails, the
//! handler does not run and the client gets an RFC 9457 [`Problem`] body with
//! `Content-Type: application/problem+json`, byte for byte the same from every framework:
//!
//! | what went wrong | status |
//! | --- | --- |
//! | a rule failed, or the shape is wrong (missing field, wrong type, unknown variant) | 422, one error per failure at its wire-name path |
//! | the body is not valid JSON | 400 |
//! | the `Content-Type` is missing or wrong | 415 |
//! | the body is larger than the framework's limit | 413 |
//! | a check could not run ([`Error::unavailable`](crate::Error::unavailable)), whatever else failed | 503, no errors |
//! | the application registered no context for a type that needs one (actix-web, poem, rocket) | 500 |
//! | `ValidPath` on a route without path parameters | 500 |
//!
//! # Logged rejections (feature `tracing`)
//!
//! With feature `tracing`, every extractor that refuses a request emits one
//! [`tracing`](https://docs.rs/tracing) event, also when the handler takes the `Result` and
//! answers on its own:
//!
//! - level `WARN` (`ERROR` for a 503: a check that could not run is the service's fault), target
//!   `validate_core::rejection`;
//! - fields `status` (the HTTP status, a number), `method`, `path` (the URI path as it arrived,
//!   still percent-encoded, at most 512 bytes of it; never the query string) and `errors` (the
//!   number of errors in the report, 0 when there is none);
//! - as message, for a 422 or 503 the report's `Display` with its lines joined by `; ` (escaped,
//!   truncated previews of the values, nothing of a `sensitive` field), otherwise the problem's
//!   `detail`, which holds nothing the client sent.
//!
//! Whatever the request, the event renders as one line: bytes of the method and path other than
//! visible ASCII are percent-encoded, and the message has no line break, no U+2028 or U+2029 and
//! no bidi control. With `tracing-subscriber`'s `fmt` layer it reads, after the timestamp,
//!
//! ```text
//! WARN validate_core::rejection: userName: length: must be between 3 and 32 characters (got "ab") status=422 method=POST path=/signup errors=1
//! ```
//!
//! Route the events by their target: the `EnvFilter` directive `validate_core::rejection=warn`
//! (`RUST_LOG=info,validate_core::rejection=warn`), or a `Targets` filter:
//!
//! ```
//! use tracing_subscriber::filter::{LevelFilter, Targets};
//! use tracing_subscriber::prelude::*;
//!
//! // Refusals into their own layer, at `WARN`; nothing else of this crate.
//! let rejections = Targets::new().with_target("validate_core::rejection", LevelFilter::WARN);
//! let subscriber = tracing_subscriber::registry()
//!     .with(tracing_subscriber::fmt::layer().with_filter(rejections));
//! let _guard = subscriber.set_default();
//! ```

use std::convert::Infallible;
use std::fmt;

#[cfg(all(
    feature = "tracing",
    any(
        feature = "axum",
        feature = "actix-web",
        feature = "poem",
        feature = "rocket",
        feature = "warp"
    )
))]
mod log;
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket",
    feature = "warp"
))]
pub(crate) mod request;

use crate::Report;
use crate::de::{Failure, Malformed};
use crate::problem::Problem;

/// Why an extractor refused a request. `B` is the framework's error for a body it could not
/// read; `validate_core::axum::Rejection` and `validate_core::actix::Rejection` name this type
/// with theirs.
///
/// As a response it is the [`Problem`] body of [`Rejection::problem`] with the status of the
/// framework's `Rejection::status`. To answer in your own format, take
/// `Result<ValidJson<T>, Rejection>` in the handler and match on it.
///
/// ```
/// use validate_core::Report;
/// use std::convert::Infallible;
/// use validate_core::web::Rejection;
///
/// let rejection: Rejection<Infallible> = Rejection::Invalid(Report::new());
/// assert_eq!(rejection.problem().status(), 422);
/// assert!(rejection.report().is_some());
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection<B> {
    /// The `Content-Type` is missing or is not the `expected` one: 415.
    UnsupportedMediaType {
        /// The media type the extractor reads.
        expected: &'static str,
    },
    /// The body could not be read: 413 when it exceeds the body limit, the framework's status
    /// otherwise.
    Body(B),
    /// The announced `Content-Length` is over the body limit of `limit` bytes: 413, before any of
    /// the body is read.
    TooLarge {
        /// The body limit, in bytes.
        limit: u64,
    },
    /// The body is not well-formed JSON: 400.
    Malformed(Malformed),
    /// The shape is wrong or a rule failed: 422, with every error (503 when a check could not
    /// run).
    Invalid(Report),
    /// `ValidPath` on a route without path parameters: 500, a routing mistake.
    MissingPathParameters,
    /// The application registered no context of the type `context` that the value's rules
    /// read (actix-web: a missing `web::Data<C>`): 500, the server's mistake.
    MissingContext {
        /// The context's type name.
        context: &'static str,
    },
}

/// A framework's error for a body it could not read, and the framework's type of HTTP status.
pub trait BodyError: std::error::Error + 'static {
    /// The framework's HTTP status type.
    type Status;

    /// The status of the answer to this error: 413 for a body over the limit.
    fn code(&self) -> u16;

    /// The status `code` in the framework's type.
    fn to_status(code: u16) -> Self::Status;
}

/// For a body that cannot fail to be read; statuses are numbers.
impl BodyError for Infallible {
    type Status = u16;

    fn code(&self) -> u16 {
        match *self {}
    }

    fn to_status(code: u16) -> u16 {
        code
    }
}

impl<B: BodyError> Rejection<B> {
    /// The HTTP status of the response, in the framework's type.
    ///
    /// ```
    /// use std::convert::Infallible;
    /// use validate_core::Report;
    /// use validate_core::web::Rejection;
    ///
    /// assert_eq!(Rejection::<Infallible>::Invalid(Report::new()).status(), 422);
    /// let rejection = Rejection::<Infallible>::UnsupportedMediaType { expected: "application/json" };
    /// assert_eq!(rejection.status(), 415);
    /// ```
    pub fn status(&self) -> B::Status {
        B::to_status(self.code())
    }

    /// The HTTP status of the response, as a number.
    fn code(&self) -> u16 {
        match self {
            Rejection::UnsupportedMediaType { .. } => 415,
            Rejection::Body(error) => error.code(),
            Rejection::TooLarge { .. } => 413,
            Rejection::Malformed(_) => 400,
            Rejection::Invalid(report) if report.is_unavailable() => 503,
            Rejection::Invalid(_) => 422,
            Rejection::MissingContext { .. } | Rejection::MissingPathParameters => 500,
        }
    }

    /// The response body.
    ///
    /// ```
    /// use std::convert::Infallible;
    /// use validate_core::web::Rejection;
    ///
    /// let rejection = Rejection::<Infallible>::UnsupportedMediaType { expected: "application/json" };
    /// assert_eq!(rejection.problem().status(), 415);
    /// ```
    pub fn problem(&self) -> Problem {
        match self {
            Rejection::UnsupportedMediaType { expected } => {
                Problem::unsupported_media_type(expected)
            }
            Rejection::Body(error) => body_problem(error.code()),
            Rejection::TooLarge { .. } => body_problem(413),
            Rejection::Malformed(malformed) => Problem::malformed(malformed),
            Rejection::Invalid(report) => Problem::invalid(report.clone()),
            Rejection::MissingPathParameters => Problem::new(
                500,
                "the route has no path parameters for this request: a routing mistake",
            ),
            Rejection::MissingContext { context } => Problem::new(
                500,
                format!(
                    "the server has no `{context}` to check this request with: register it with \
                     `App::app_data(web::Data::new(..))`"
                ),
            ),
        }
    }
}

impl<B> Rejection<B> {
    /// The report of an [`Invalid`](Rejection::Invalid) rejection.
    ///
    /// ```
    /// use validate_core::Report;
    /// use std::convert::Infallible;
    /// use validate_core::web::Rejection;
    ///
    /// assert!(Rejection::<Infallible>::Invalid(Report::new()).report().is_some());
    /// ```
    pub fn report(&self) -> Option<&Report> {
        match self {
            Rejection::Invalid(report) => Some(report),
            _ => None,
        }
    }

    /// The language of the problem's messages, sent as `Content-Language`: the locale of the
    /// catalogue the report was localized with (feature `i18n`), `None` for English.
    pub fn language(&self) -> Option<&str> {
        self.report().and_then(Report::language)
    }

    /// The rejection with its report in the language `catalogs` choose for the request's
    /// `Accept-Language` value; as it is without catalogues, without a language they speak, or
    /// for a rejection without errors.
    #[cfg(all(
        feature = "i18n",
        any(
            feature = "axum",
            feature = "actix-web",
            feature = "poem",
            feature = "rocket",
            feature = "warp"
        )
    ))]
    pub(crate) fn localized(
        self,
        catalogs: Option<&crate::i18n::Catalogs>,
        accept_language: Option<&[u8]>,
    ) -> Self {
        let header = accept_language.and_then(|value| std::str::from_utf8(value).ok());
        match (self, catalogs.zip(header)) {
            (Rejection::Invalid(report), Some((catalogs, header))) => {
                match catalogs.negotiate(header) {
                    Some(catalog) => Rejection::Invalid(report.localized(catalog)),
                    None => Rejection::Invalid(report),
                }
            }
            (other, _) => other,
        }
    }
}

/// The answer to a body that could not be read.
fn body_problem(status: u16) -> Problem {
    if status == 413 {
        Problem::new(status, "the request body is too large")
    } else {
        Problem::new(status, "the request body could not be read")
    }
}

impl<B> From<Failure> for Rejection<B> {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Malformed(malformed) => Rejection::Malformed(malformed),
            Failure::Invalid(report) => Rejection::Invalid(report),
        }
    }
}

impl<B> From<Report> for Rejection<B> {
    fn from(report: Report) -> Self {
        Rejection::Invalid(report)
    }
}

impl<B: fmt::Display> fmt::Display for Rejection<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::UnsupportedMediaType { expected } => {
                write!(f, "expected Content-Type: {expected}")
            }
            Rejection::Body(error) => error.fmt(f),
            Rejection::TooLarge { limit } => {
                write!(
                    f,
                    "the announced body is larger than the limit of {limit} bytes"
                )
            }
            Rejection::Malformed(malformed) => malformed.fmt(f),
            Rejection::Invalid(report) => report.fmt(f),
            Rejection::MissingContext { context } => {
                write!(f, "no `{context}` registered to validate with")
            }
            Rejection::MissingPathParameters => f.write_str("the route has no path parameters"),
        }
    }
}

impl<B: std::error::Error + 'static> std::error::Error for Rejection<B> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Rejection::Body(error) => Some(error),
            Rejection::Malformed(malformed) => Some(malformed),
            Rejection::Invalid(report) => Some(report),
            Rejection::UnsupportedMediaType { .. }
            | Rejection::TooLarge { .. }
            | Rejection::MissingContext { .. }
            | Rejection::MissingPathParameters => None,
        }
    }
}
