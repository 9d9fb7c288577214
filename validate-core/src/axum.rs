//! axum extractors that deserialize, normalize and validate: [`ValidJson`], [`ValidQuery`],
//! [`ValidForm`] (feature `axum`).
//!
//! Each hands the handler a `T` that passed every rule, in `.0`. When extraction fails, the
//! handler does not run and the client gets an RFC 9457 [`Problem`] body with
//! `Content-Type: application/problem+json`:
//!
//! | what went wrong | status |
//! | --- | --- |
//! | a rule failed, or the shape is wrong (missing field, wrong type, unknown variant) | 422, one error per failure at its wire-name path |
//! | the body is not valid JSON | 400 |
//! | the `Content-Type` is missing or wrong | 415 |
//! | the body is larger than axum's [`DefaultBodyLimit`](::axum::extract::DefaultBodyLimit) (2 MB unless changed) | 413 |
//!
//! The body is byte-for-byte the one [`actix`](crate::actix) sends for the same request. To
//! answer differently, take `Result<ValidJson<T>, Rejection>` in the handler, or wrap the
//! extractor in your own (see [`Rejection`]).
//!
//! ```
//! use axum::{Router, body::Body, http::Request, routing::post};
//! use tower::ServiceExt as _;
//! use validate_core::Validate;
//! use validate_core::axum::ValidJson;
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Signup {
//!     #[normalize(trim, lowercase)]
//!     #[validate(length(min = 3, max = 32))]
//!     user_name: String,
//! }
//!
//! async fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
//!     format!("welcome, {}", signup.user_name)
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let app = Router::new().route("/signup", post(signup));
//! let request = Request::post("/signup")
//!     .header("content-type", "application/json")
//!     .body(Body::from(r#"{"userName":"ab"}"#))
//!     .unwrap();
//! let response = app.oneshot(request).await.unwrap();
//! assert_eq!(response.status(), 422);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
//! assert_eq!(
//!     body,
//!     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"userName","pointer":"/userName","code":"length","message":"must be between 3 and 32 characters","params":{"min":3,"max":32}}]}"#
//! );
//! # });
//! ```

use std::fmt;
use std::ops::Deref;

use ::axum::body::Bytes;
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::http::request::Parts;
use ::axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use ::axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::de::{self, Failure, Malformed};
use crate::problem::{self, Problem};
use crate::{Report, Validate};

/// Extracts a `T` from a JSON body (`Content-Type: application/json` or `application/*+json`),
/// then normalizes and validates it.
///
/// ```
/// use axum::{Router, routing::post};
/// use validate_core::Validate;
/// use validate_core::axum::ValidJson;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Comment {
///     #[normalize(trim)]
///     #[validate(length(min = 1, max = 500), no_control)]
///     text: String,
/// }
///
/// async fn comment(ValidJson(comment): ValidJson<Comment>) -> String {
///     comment.text
/// }
///
/// let app: Router = Router::new().route("/comments", post(comment));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidJson<T>(pub T);

/// Extracts a `T` from the query string (everything after `?`), then normalizes and validates it.
///
/// A request without a query string deserializes from an empty one.
///
/// ```
/// use axum::{Router, routing::get};
/// use validate_core::Validate;
/// use validate_core::axum::ValidQuery;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Page {
///     #[validate(range(min = 1, max = 100))]
///     per_page: u32,
/// }
///
/// async fn list(ValidQuery(page): ValidQuery<Page>) -> String {
///     page.per_page.to_string()
/// }
///
/// let app: Router = Router::new().route("/items", get(list));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidQuery<T>(pub T);

/// Extracts a `T` from an `application/x-www-form-urlencoded` body, then normalizes and
/// validates it. Like axum's `Form`, it reads the query string instead for `GET` and `HEAD`.
///
/// ```
/// use axum::{Router, routing::post};
/// use validate_core::Validate;
/// use validate_core::axum::ValidForm;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Login {
///     #[normalize(trim, lowercase)]
///     #[validate(email)]
///     email: String,
///     #[validate(length(min = 12), sensitive)]
///     password: String,
/// }
///
/// async fn login(ValidForm(login): ValidForm<Login>) -> String {
///     login.email
/// }
///
/// let app: Router = Router::new().route("/login", post(login));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidForm<T>(pub T);

macro_rules! deref {
    ($($extractor:ident),*) => {$(
        impl<T> Deref for $extractor<T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.0
            }
        }
    )*};
}
deref!(ValidJson, ValidQuery, ValidForm);

impl<T, S> FromRequest<S> for ValidJson<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        if !content_type_is(req.headers(), de::is_json_content_type) {
            return Err(Rejection::UnsupportedMediaType { expected: de::JSON });
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(Rejection::Body)?;
        Ok(ValidJson(de::from_json::<T>(&bytes)?.into_inner()))
    }
}

impl<T, S> FromRequestParts<S> for ValidQuery<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        Ok(ValidQuery(de::from_query::<T>(query)?.into_inner()))
    }
}

impl<T, S> FromRequest<S> for ValidForm<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        if req.method() == Method::GET || req.method() == Method::HEAD {
            let query = req.uri().query().unwrap_or_default();
            return Ok(ValidForm(de::from_query::<T>(query)?.into_inner()));
        }
        if !content_type_is(req.headers(), de::is_form_content_type) {
            return Err(Rejection::UnsupportedMediaType { expected: de::FORM });
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(Rejection::Body)?;
        Ok(ValidForm(de::from_form::<T>(&bytes)?.into_inner()))
    }
}

fn content_type_is(headers: &HeaderMap, accepts: fn(&str) -> bool) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(accepts)
}

/// Why [`ValidJson`], [`ValidQuery`] or [`ValidForm`] refused a request.
///
/// As a response it is the [`Problem`] body of [`Rejection::problem`] with status
/// [`Rejection::status`]. To answer in your own format, match on it, for example in an
/// extractor of your own that wraps [`ValidJson`]:
///
/// ```
/// use axum::extract::{FromRequest, Request};
/// use axum::http::StatusCode;
/// use axum::response::{IntoResponse, Response};
/// use validate_core::axum::{Rejection, ValidJson};
///
/// /// `ValidJson` with this application's error body.
/// struct Json<T>(T);
///
/// impl<T, S> FromRequest<S> for Json<T>
/// where
///     ValidJson<T>: FromRequest<S, Rejection = Rejection>,
///     S: Send + Sync,
/// {
///     type Rejection = Response;
///
///     async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
///         match ValidJson::<T>::from_request(req, state).await {
///             Ok(ValidJson(value)) => Ok(Json(value)),
///             Err(Rejection::Invalid(report)) => {
///                 let fields: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
///                 Err((StatusCode::BAD_REQUEST, format!("check: {}", fields.join(", "))).into_response())
///             }
///             Err(other) => Err(other.into_response()),
///         }
///     }
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// The `Content-Type` is missing or is not the `expected` one: 415.
    UnsupportedMediaType {
        /// The media type the extractor reads.
        expected: &'static str,
    },
    /// The body could not be read: 413 when it exceeds the body limit, axum's status otherwise.
    Body(BytesRejection),
    /// The body is not well-formed JSON: 400.
    Malformed(Malformed),
    /// The shape is wrong or a rule failed: 422, with every error.
    Invalid(Report),
}

impl Rejection {
    /// The HTTP status of the response.
    ///
    /// ```
    /// use validate_core::Report;
    /// use validate_core::axum::Rejection;
    ///
    /// assert_eq!(Rejection::Invalid(Report::new()).status(), 422);
    /// ```
    pub fn status(&self) -> StatusCode {
        match self {
            Rejection::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Rejection::Body(rejection) => rejection.status(),
            Rejection::Malformed(_) => StatusCode::BAD_REQUEST,
            Rejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The response body.
    ///
    /// ```
    /// use validate_core::axum::Rejection;
    ///
    /// let rejection = Rejection::UnsupportedMediaType { expected: "application/json" };
    /// assert_eq!(rejection.problem().status(), 415);
    /// ```
    pub fn problem(&self) -> Problem {
        match self {
            Rejection::UnsupportedMediaType { expected } => {
                Problem::unsupported_media_type(expected)
            }
            Rejection::Body(rejection) => body_problem(rejection.status()),
            Rejection::Malformed(malformed) => Problem::malformed(malformed),
            Rejection::Invalid(report) => Problem::invalid(report.clone()),
        }
    }

    /// The report of an [`Invalid`](Rejection::Invalid) rejection.
    ///
    /// ```
    /// use validate_core::Report;
    /// use validate_core::axum::Rejection;
    ///
    /// assert!(Rejection::Invalid(Report::new()).report().is_some());
    /// ```
    pub fn report(&self) -> Option<&Report> {
        match self {
            Rejection::Invalid(report) => Some(report),
            _ => None,
        }
    }
}

fn body_problem(status: StatusCode) -> Problem {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        Problem::new(status.as_u16(), "the request body is too large")
    } else {
        Problem::new(status.as_u16(), "the request body could not be read")
    }
}

impl From<Failure> for Rejection {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Malformed(malformed) => Rejection::Malformed(malformed),
            Failure::Invalid(report) => Rejection::Invalid(report),
        }
    }
}

impl From<Report> for Rejection {
    fn from(report: Report) -> Self {
        Rejection::Invalid(report)
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let status = self.status();
        let problem = match self {
            Rejection::Invalid(report) => Problem::invalid(report),
            other => other.problem(),
        };
        (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static(problem::CONTENT_TYPE),
            )],
            problem.to_json(),
        )
            .into_response()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::UnsupportedMediaType { expected } => {
                write!(f, "expected Content-Type: {expected}")
            }
            Rejection::Body(rejection) => rejection.fmt(f),
            Rejection::Malformed(malformed) => malformed.fmt(f),
            Rejection::Invalid(report) => report.fmt(f),
        }
    }
}

impl std::error::Error for Rejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Rejection::Body(rejection) => Some(rejection),
            Rejection::Malformed(malformed) => Some(malformed),
            Rejection::Invalid(report) => Some(report),
            Rejection::UnsupportedMediaType { .. } => None,
        }
    }
}
