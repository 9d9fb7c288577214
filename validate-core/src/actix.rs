//! actix-web extractors that deserialize, normalize and validate: [`ValidJson`], [`ValidQuery`],
//! [`ValidForm`] (feature `actix-web`).
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
//! | the body is larger than the limit (actix-web's defaults: 2 MB for JSON, 16 kB for forms; see [`BodyLimits`]) | 413 |
//!
//! The body is byte-for-byte the one [`axum`](crate::axum) sends for the same request. To answer
//! differently, take `Result<ValidJson<T>, Rejection>` in the handler, or wrap the extractor in
//! your own (see [`Rejection`]).
//!
//! ```
//! use actix_web::{App, test, web};
//! use validate_core::Validate;
//! use validate_core::actix::ValidJson;
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
//! # actix_web::rt::System::new().block_on(async {
//! let app = test::init_service(App::new().route("/signup", web::post().to(signup))).await;
//! let request = test::TestRequest::post()
//!     .uri("/signup")
//!     .insert_header(("content-type", "application/json"))
//!     .set_payload(r#"{"userName":"ab"}"#)
//!     .to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status(), 422);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
//! assert_eq!(
//!     test::read_body(response).await,
//!     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"userName","pointer":"/userName","code":"length","message":"must be between 3 and 32 characters","params":{"min":3,"max":32}}]}"#
//! );
//! # });
//! ```

use std::fmt;
use std::future::{Future, Ready, ready};
use std::ops::Deref;
use std::pin::Pin;

use ::actix_web::body::{BodyStream, to_bytes_limited};
use ::actix_web::dev::Payload;
use ::actix_web::error::PayloadError;
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{self, HeaderMap};
use ::actix_web::web::{Bytes, Data};
use ::actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};
use serde::de::DeserializeOwned;

use crate::de::{self, Failure, Malformed};
use crate::problem::{self, Problem};
use crate::{Report, Validate};

/// Extracts a `T` from a JSON body (`Content-Type: application/json` or `application/*+json`),
/// then normalizes and validates it.
///
/// ```
/// use actix_web::{App, web};
/// use validate_core::Validate;
/// use validate_core::actix::ValidJson;
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
/// let app = App::new().route("/comments", web::post().to(comment));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidJson<T>(pub T);

/// Extracts a `T` from the query string (everything after `?`), then normalizes and validates it.
///
/// ```
/// use actix_web::{App, web};
/// use validate_core::Validate;
/// use validate_core::actix::ValidQuery;
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
/// let app = App::new().route("/items", web::get().to(list));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidQuery<T>(pub T);

/// Extracts a `T` from an `application/x-www-form-urlencoded` body, then normalizes and
/// validates it.
///
/// ```
/// use actix_web::{App, web};
/// use validate_core::Validate;
/// use validate_core::actix::ValidForm;
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
/// let app = App::new().route("/login", web::post().to(login));
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

/// The largest bodies [`ValidJson`] and [`ValidForm`] read; larger ones are refused with 413.
///
/// The defaults are those of actix-web's own `Json` (2 MB) and `Form` (16 kB) extractors. Change
/// them with app data (a `BodyLimits` or a `web::Data<BodyLimits>`), for the whole app or for one
/// scope or resource:
///
/// ```
/// use actix_web::{App, web};
/// use validate_core::actix::BodyLimits;
///
/// let app = App::new().app_data(BodyLimits::new().json(64 * 1024).form(4 * 1024));
/// assert_eq!(BodyLimits::default().json_limit(), 2 * 1024 * 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimits {
    json: usize,
    form: usize,
}

impl BodyLimits {
    /// actix-web's defaults: 2 MB for JSON, 16 kB for forms.
    pub const fn new() -> Self {
        BodyLimits {
            json: 2_097_152,
            form: 16_384,
        }
    }

    /// Sets the limit of [`ValidJson`] bodies, in bytes.
    #[must_use]
    pub const fn json(mut self, bytes: usize) -> Self {
        self.json = bytes;
        self
    }

    /// Sets the limit of [`ValidForm`] bodies, in bytes.
    #[must_use]
    pub const fn form(mut self, bytes: usize) -> Self {
        self.form = bytes;
        self
    }

    /// The limit of [`ValidJson`] bodies, in bytes.
    pub const fn json_limit(&self) -> usize {
        self.json
    }

    /// The limit of [`ValidForm`] bodies, in bytes.
    pub const fn form_limit(&self) -> usize {
        self.form
    }

    fn of(req: &HttpRequest) -> BodyLimits {
        req.app_data::<BodyLimits>()
            .or_else(|| req.app_data::<Data<BodyLimits>>().map(|data| data.as_ref()))
            .copied()
            .unwrap_or_default()
    }
}

impl Default for BodyLimits {
    fn default() -> Self {
        BodyLimits::new()
    }
}

type Extraction<T> = Pin<Box<dyn Future<Output = Result<T, Rejection>>>>;

impl<T> FromRequest for ValidJson<T>
where
    T: DeserializeOwned + Validate + 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(
            req,
            payload,
            de::is_json_content_type,
            de::JSON,
            BodyLimits::of(req).json,
        );
        Box::pin(async move {
            let bytes = body?.await?;
            Ok(ValidJson(de::from_json::<T>(&bytes)?.into_inner()))
        })
    }
}

impl<T> FromRequest for ValidQuery<T>
where
    T: DeserializeOwned + Validate,
{
    type Error = Rejection;
    type Future = Ready<Result<Self, Rejection>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            de::from_query::<T>(req.query_string())
                .map(|valid| ValidQuery(valid.into_inner()))
                .map_err(Rejection::Invalid),
        )
    }
}

impl<T> FromRequest for ValidForm<T>
where
    T: DeserializeOwned + Validate + 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(
            req,
            payload,
            de::is_form_content_type,
            de::FORM,
            BodyLimits::of(req).form,
        );
        Box::pin(async move {
            let bytes = body?.await?;
            Ok(ValidForm(de::from_form::<T>(&bytes)?.into_inner()))
        })
    }
}

/// Checks the content type and the announced length at once, then returns the future that
/// reads at most `limit` bytes of the body.
fn read_body(
    req: &HttpRequest,
    payload: &mut Payload,
    accepts: fn(&str) -> bool,
    expected: &'static str,
    limit: usize,
) -> Result<impl Future<Output = Result<Bytes, Rejection>> + use<>, Rejection> {
    if !content_type_is(req.headers(), accepts) {
        return Err(Rejection::UnsupportedMediaType { expected });
    }
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limit as u64) {
        return Err(Rejection::Body(PayloadError::Overflow));
    }
    let payload = payload.take();
    Ok(async move {
        match to_bytes_limited(BodyStream::new(payload), limit).await {
            Ok(Ok(bytes)) => Ok(bytes),
            Ok(Err(error)) => Err(Rejection::Body(error)),
            Err(_) => Err(Rejection::Body(PayloadError::Overflow)),
        }
    })
}

fn content_type_is(headers: &HeaderMap, accepts: fn(&str) -> bool) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(accepts)
}

/// Why [`ValidJson`], [`ValidQuery`] or [`ValidForm`] refused a request.
///
/// As an actix-web error ([`ResponseError`]) it answers with the [`Problem`] body of
/// [`Rejection::problem`] and status [`Rejection::status`]. To answer in your own format, take
/// `Result<ValidJson<T>, Rejection>` in the handler, or wrap [`ValidJson`] in an extractor of
/// your own:
///
/// ```
/// use std::future::Future;
/// use std::pin::Pin;
///
/// use actix_web::dev::Payload;
/// use actix_web::{FromRequest, HttpRequest, HttpResponse, error};
/// use validate_core::actix::{Rejection, ValidJson};
///
/// /// `ValidJson` with this application's error body.
/// struct Json<T>(T);
///
/// impl<T> FromRequest for Json<T>
/// where
///     ValidJson<T>: FromRequest<Error = Rejection> + 'static,
/// {
///     type Error = actix_web::Error;
///     type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;
///
///     fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
///         let extraction = ValidJson::<T>::from_request(req, payload);
///         Box::pin(async move {
///             match extraction.await {
///                 Ok(ValidJson(value)) => Ok(Json(value)),
///                 Err(Rejection::Invalid(report)) => {
///                     let fields: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
///                     let response = HttpResponse::BadRequest().body(format!("check: {}", fields.join(", ")));
///                     Err(error::InternalError::from_response("invalid request", response).into())
///                 }
///                 Err(other) => Err(other.into()),
///             }
///         })
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
    /// The body could not be read: 413 when it exceeds the [`BodyLimits`]
    /// ([`PayloadError::Overflow`]), 400 otherwise.
    Body(PayloadError),
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
    /// use validate_core::actix::Rejection;
    ///
    /// assert_eq!(Rejection::Invalid(Report::new()).status(), 422);
    /// ```
    pub fn status(&self) -> StatusCode {
        match self {
            Rejection::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Rejection::Body(PayloadError::Overflow) => StatusCode::PAYLOAD_TOO_LARGE,
            Rejection::Body(_) | Rejection::Malformed(_) => StatusCode::BAD_REQUEST,
            Rejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The response body.
    ///
    /// ```
    /// use validate_core::actix::Rejection;
    ///
    /// let rejection = Rejection::UnsupportedMediaType { expected: "application/json" };
    /// assert_eq!(rejection.problem().status(), 415);
    /// ```
    pub fn problem(&self) -> Problem {
        match self {
            Rejection::UnsupportedMediaType { expected } => {
                Problem::unsupported_media_type(expected)
            }
            Rejection::Body(PayloadError::Overflow) => Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE.as_u16(),
                "the request body is too large",
            ),
            Rejection::Body(_) => Problem::new(
                StatusCode::BAD_REQUEST.as_u16(),
                "the request body could not be read",
            ),
            Rejection::Malformed(malformed) => Problem::malformed(malformed),
            Rejection::Invalid(report) => Problem::invalid(report.clone()),
        }
    }

    /// The report of an [`Invalid`](Rejection::Invalid) rejection.
    ///
    /// ```
    /// use validate_core::Report;
    /// use validate_core::actix::Rejection;
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

impl ResponseError for Rejection {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status())
            .insert_header((header::CONTENT_TYPE, problem::CONTENT_TYPE))
            .body(self.problem().to_json())
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::UnsupportedMediaType { expected } => {
                write!(f, "expected Content-Type: {expected}")
            }
            Rejection::Body(error) => error.fmt(f),
            Rejection::Malformed(malformed) => malformed.fmt(f),
            Rejection::Invalid(report) => report.fmt(f),
        }
    }
}

impl std::error::Error for Rejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Rejection::Body(error) => Some(error),
            Rejection::Malformed(malformed) => Some(malformed),
            Rejection::Invalid(report) => Some(report),
            Rejection::UnsupportedMediaType { .. } => None,
        }
    }
}
