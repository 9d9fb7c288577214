//! axum extractors that deserialize, normalize and validate: [`ValidJson`], [`ValidQuery`],
//! [`ValidForm`] (feature `axum`).
//!
//! Each hands the handler a `T` that passed every rule, in `.0`. When extraction fails, the
//! handler does not run, and the client gets the RFC 9457 problem body and status that
//! [`web`](mod@crate::web) describes, the same bytes as from every other framework. The body limit
//! is axum's [`DefaultBodyLimit`](::axum::extract::DefaultBodyLimit) (2 MB unless changed). To
//! answer differently, take `Result<ValidJson<T>, Rejection>` in the handler, or wrap the
//! extractor in your own (see [`Rejection`]). With feature `tracing`, every refusal is also a
//! `WARN` event on target `validate_core::rejection`, one line each (see
//! [`web`](mod@crate::web#logged-rejections-feature-tracing)).
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

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use ::axum::RequestExt as _;
use ::axum::body::{Body, Bytes, HttpBody};
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::rejection::RawPathParamsRejection;
use ::axum::extract::{FromRef, FromRequest, FromRequestParts, RawPathParams, Request};
#[cfg(feature = "tracing")]
use ::axum::http::Uri;
use ::axum::http::request::Parts;
use ::axum::http::{HeaderValue, Method, StatusCode, header};
use ::axum::response::{IntoResponse, Response};
use http_body::Frame;
use serde::de::DeserializeOwned;

use crate::context::{Given, Lookup, NoContext};
use crate::problem::{self, Problem};
use crate::web::BodyError;
use crate::web::request::{self, extractors, to_status};
use crate::{ValidateWith, de, web};

extractors! {
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
    ValidJson;
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
    ValidQuery;
    /// Like axum's `Form`, it reads the query string instead for `GET` and `HEAD`.
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
    ValidForm;
}

/// How an extractor finds a type's context in the router state: none, or `C` through
/// [`FromRef`] (not a public API).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "the router state does not give the context this type is validated with",
    note = "implement `axum::extract::FromRef<YourState>` for the context type, or make it the router's state"
)]
pub trait FromState<S>: Lookup {
    /// The context as the state gives it.
    type Owned: Send + Sync;
    /// Takes the context out of `state`.
    fn owned(state: &S) -> Self::Owned;
    /// The context the rules read.
    fn get(owned: &Self::Owned) -> &Self::Context;
}

impl<S> FromState<S> for NoContext {
    type Owned = ();
    fn owned(_: &S) {}
    fn get(owned: &()) -> &() {
        owned
    }
}

impl<S, C: FromRef<S> + Send + Sync> FromState<S> for Given<C> {
    type Owned = C;
    fn owned(state: &S) -> C {
        C::from_ref(state)
    }
    fn get(owned: &C) -> &C {
        owned
    }
}

/// What the extractors extract with router state `S`: a `T` that deserializes and whose
/// context, if any, the state gives (not a public API).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be extracted with this router state",
    note = "it derives `Deserialize` and `Validate`, and a context it declares comes from the state through `FromRef`"
)]
pub trait Extract<S>: DeserializeOwned + ValidateWith + Send + Sync {
    /// Normalizes the value and checks every rule with the context `state` gives; a type
    /// without a context does it in one pass, before any await.
    fn finish(self, state: &S) -> impl Future<Output = Result<Self, Rejection>> + Send;
}

impl<T, S> Extract<S> for T
where
    T: DeserializeOwned + ValidateWith + Send + Sync,
    T::__Lookup: FromState<S>,
    S: Sync,
{
    async fn finish(mut self, state: &S) -> Result<Self, Rejection> {
        let owned = <T::__Lookup as FromState<S>>::owned(state);
        self.__finish(<T::__Lookup as FromState<S>>::get(&owned))
            .await
            .map_err(Rejection::Invalid)?;
        Ok(self)
    }
}

impl<T: Extract<S>, S: Send + Sync> FromRequest<S> for ValidJson<T> {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        logged(req, |req| async move {
            if !has_content_type(&req, request::is_json_content_type) {
                return Err(Rejection::UnsupportedMediaType {
                    expected: request::JSON,
                });
            }
            let bytes = read_body(req, state).await?;
            let value = de::json_value::<T>(&bytes)?;
            Ok(ValidJson(value.finish(state).await?))
        })
        .await
    }
}

impl<T: Extract<S>, S: Send + Sync> FromRequestParts<S> for ValidQuery<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let extracted = match de::form_value::<T>(query.as_bytes()) {
            Ok(value) => value.finish(state).await.map(ValidQuery),
            Err(report) => Err(Rejection::Invalid(report)),
        };
        #[cfg(feature = "tracing")]
        log(&extracted, &parts.method, &parts.uri);
        #[cfg(feature = "i18n")]
        let extracted = Language::of(&parts.headers, &parts.extensions).apply(extracted);
        extracted
    }
}

crate::web::request::extractor! {
    /// Extracts a `T` from the route's path parameters, through axum's own matching, then
    /// normalizes and validates it. A struct reads the parameters by name, a tuple in order, any
    /// other type the one parameter of the route; each value is read as a query value is. A
    /// shape error (`/tickets/abc` for a `u64`) or a rule failure answers 422 at the
    /// parameter's name, never showing the value; a route without parameters is a 500.
    ///
    /// ```
    /// use axum::{Router, routing::get};
    /// use validate_core::Validate;
    /// use validate_core::axum::ValidPath;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Ticket {
    ///     #[validate(range(min = 1))]
    ///     id: u64,
    /// }
    ///
    /// async fn ticket(ValidPath(ticket): ValidPath<Ticket>) -> String {
    ///     ticket.id.to_string()
    /// }
    ///
    /// let app: Router = Router::new().route("/tickets/{id}", get(ticket));
    /// ```
    ValidPath
}

impl<T: Extract<S>, S: Send + Sync> FromRequestParts<S> for ValidPath<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        let extracted = match RawPathParams::from_request_parts(parts, state).await {
            Ok(raw) if raw.iter().next().is_none() => Err(web::Rejection::MissingPathParameters),
            Ok(raw) => {
                let params: Vec<(&str, &str)> = raw.iter().collect();
                match de::path_value::<T>(&params) {
                    Ok(value) => match value.finish(state).await {
                        Err(web::Rejection::Invalid(report)) => Err(Rejection::Invalid(
                            de::at_parameter(report, de::only_parameter(&params)),
                        )),
                        other => other.map(ValidPath),
                    },
                    Err(report) => Err(Rejection::Invalid(report)),
                }
            }
            Err(RawPathParamsRejection::MissingPathParams(_)) => {
                Err(web::Rejection::MissingPathParameters)
            }
            // A parameter that is not UTF-8 once percent-decoded: the client's, and not shown.
            Err(_) => {
                let mut report = crate::Report::new();
                report.push(
                    crate::Path::root(),
                    crate::Error::new("invalid_value").with_message("must be UTF-8 text"),
                    None,
                );
                Err(Rejection::Invalid(report))
            }
        };
        #[cfg(feature = "tracing")]
        log(&extracted, &parts.method, &parts.uri);
        #[cfg(feature = "i18n")]
        let extracted = Language::of(&parts.headers, &parts.extensions).apply(extracted);
        extracted
    }
}

impl<T: Extract<S>, S: Send + Sync> FromRequest<S> for ValidForm<T> {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        logged(req, |req| async move {
            let value = if req.method() == Method::GET || req.method() == Method::HEAD {
                let query = req.uri().query().unwrap_or_default();
                de::form_value::<T>(query.as_bytes())?
            } else {
                if !has_content_type(&req, request::is_form_content_type) {
                    return Err(Rejection::UnsupportedMediaType {
                        expected: request::FORM,
                    });
                }
                let bytes = read_body(req, state).await?;
                de::form_value::<T>(&bytes)?
            };
            Ok(ValidForm(value.finish(state).await?))
        })
        .await
    }
}

/// What `extract` makes of `req`; with feature `tracing`, a refusal is logged (see
/// [`web`](mod@crate::web)).
async fn logged<T, F>(req: Request, extract: impl FnOnce(Request) -> F) -> Result<T, Rejection>
where
    F: Future<Output = Result<T, Rejection>>,
{
    #[cfg(feature = "tracing")]
    let (method, uri) = (req.method().clone(), req.uri().clone());
    #[cfg(feature = "i18n")]
    let language = Language::of(req.headers(), req.extensions());
    let extracted = extract(req).await;
    #[cfg(feature = "tracing")]
    log(&extracted, &method, &uri);
    #[cfg(feature = "i18n")]
    let extracted = language.apply(extracted);
    extracted
}

/// What a refusal's messages are rendered in: the `Catalogs` the application put in the request
/// extensions (`.layer(Extension(Arc::new(catalogs)))`) and the client's `Accept-Language`.
#[cfg(feature = "i18n")]
struct Language {
    catalogs: Option<std::sync::Arc<crate::i18n::Catalogs>>,
    accept: Option<HeaderValue>,
}

#[cfg(feature = "i18n")]
impl Language {
    fn of(headers: &axum::http::HeaderMap, extensions: &axum::http::Extensions) -> Self {
        Language {
            catalogs: extensions
                .get::<std::sync::Arc<crate::i18n::Catalogs>>()
                .cloned(),
            accept: headers.get(header::ACCEPT_LANGUAGE).cloned(),
        }
    }

    fn apply<T>(self, extracted: Result<T, Rejection>) -> Result<T, Rejection> {
        extracted.map_err(|rejection| {
            rejection.localized(
                self.catalogs.as_deref(),
                self.accept.as_ref().map(HeaderValue::as_bytes),
            )
        })
    }
}

/// The event of a refusal of a `method` request for `uri`.
#[cfg(feature = "tracing")]
fn log<T>(extracted: &Result<T, Rejection>, method: &Method, uri: &Uri) {
    if let Err(rejection) = extracted {
        rejection.log(method.as_str(), uri.path());
    }
}

/// The body, within axum's body limit; a `Content-Length` over the limit is refused before any
/// of the body is read.
async fn read_body<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, Rejection> {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if let Some(announced) = announced
        && let Some(limit) = body_limit(&req)
        && announced > limit
    {
        return Err(Rejection::TooLarge { limit });
    }
    Bytes::from_request(req, state)
        .await
        .map_err(Rejection::Body)
}

/// The body limit that `DefaultBodyLimit` sets for `req` (2 MB unless changed), `None` when it is
/// disabled. axum keeps the setting private, but applies it by wrapping the body in
/// `http_body_util::Limited`, whose size hint then has the limit as its upper bound: a probe
/// body of unknown size, with the request's extensions, reads it off.
fn body_limit(req: &Request) -> Option<u64> {
    let mut probe = Request::new(Body::new(UnknownSize));
    *probe.extensions_mut() = req.extensions().clone();
    probe.with_limited_body().body().size_hint().upper()
}

/// An empty body that does not say so: its size hint has no upper bound.
struct UnknownSize;

impl HttpBody for UnknownSize {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(None)
    }
}

/// Whether the request's `Content-Type` is one `accepts` takes.
fn has_content_type(req: &Request, accepts: fn(&str) -> bool) -> bool {
    let content_type = req.headers().get(header::CONTENT_TYPE);
    request::content_type_is(content_type.map(HeaderValue::as_bytes), accepts)
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
///
/// Its status, body and report:
///
/// ```
/// use validate_core::Report;
/// use validate_core::axum::Rejection;
///
/// assert_eq!(Rejection::Invalid(Report::new()).status(), 422);
/// assert!(Rejection::Invalid(Report::new()).report().is_some());
/// let rejection = Rejection::UnsupportedMediaType { expected: "application/json" };
/// assert_eq!(rejection.status(), axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE);
/// assert_eq!(rejection.problem().status(), 415);
/// assert!(rejection.report().is_none());
/// ```
pub type Rejection = web::Rejection<BytesRejection>;

impl BodyError for BytesRejection {
    type Status = StatusCode;

    fn code(&self) -> u16 {
        BytesRejection::status(self).as_u16()
    }

    to_status!(StatusCode);
}

impl IntoResponse for web::Rejection<BytesRejection> {
    fn into_response(self) -> Response {
        let status = self.status();
        let content_type = HeaderValue::from_static(problem::CONTENT_TYPE);
        // Taking the report rather than copying it.
        let problem = match self {
            web::Rejection::Invalid(report) => Problem::invalid(report),
            other => other.problem(),
        };
        let language = problem
            .language()
            .and_then(|l| HeaderValue::from_str(l).ok());
        let body = problem.to_json();
        let mut response = (status, [(header::CONTENT_TYPE, content_type)], body).into_response();
        if let Some(language) = language {
            response
                .headers_mut()
                .insert(header::CONTENT_LANGUAGE, language);
        }
        response
    }
}
