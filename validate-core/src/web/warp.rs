//! warp filters that deserialize, normalize and validate: [`json`], [`query`] and [`form`]
//! (feature `warp`, warp 0.4), and [`recover`] to answer their rejections.
//!
//! Each filter extracts a `T` that passed every rule. A refused request is rejected with a
//! custom rejection, [`Refusal`]; [`recover`], given to `.recover(..)` after the routes,
//! answers it with the RFC 9457 problem body that [`web`](mod@crate::web) describes, the same
//! bytes as from every other framework, and passes every other rejection on. The filters read
//! at most [`BODY_LIMIT`] bytes (2 MB, as axum by default) and refuse a larger announced
//! `Content-Length` before reading; [`Filters`] sets other limits, and gives the filters the
//! context of a type that declares one, a clone of which each request gets, as warp's own
//! `with_db` filters do. With feature `tracing`, [`recover`] logs each refusal it answers (see
//! [`web`](mod@crate::web#logged-rejections-feature-tracing)): a filter's rejection only lets
//! warp try the next route, which may serve the request.
//!
//! ```
//! use warp::Filter;
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Signup {
//!     #[normalize(trim, lowercase)]
//!     #[validate(length(min = 3, max = 32))]
//!     user_name: String,
//! }
//!
//! let signup = warp::post()
//!     .and(warp::path("signup"))
//!     .and(validate_core::warp::json::<Signup>())
//!     .map(|signup: Signup| format!("welcome, {}", signup.user_name));
//! let routes = signup.recover(validate_core::warp::recover);
//! # let _ = routes;
//! ```

use std::borrow::Borrow;
use std::sync::Arc;

use ::warp::filters::path::FullPath;
use ::warp::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use ::warp::reply::{Reply as _, Response};
use ::warp::{Buf, Filter, Stream};
use serde::de::DeserializeOwned;

use crate::web::BodyError;
use crate::web::request::{self, to_status};
use crate::{ValidateWith, de, problem, web};

/// The largest body [`json`] and [`form`] read by default, in bytes (axum's default).
pub const BODY_LIMIT: u64 = 2 * 1024 * 1024;

/// Why [`json`], [`query`] or [`form`] refused a request, in the [`Refusal`] they reject with.
///
/// ```
/// use validate_core::Report;
/// use validate_core::warp::Rejection;
///
/// assert_eq!(Rejection::Invalid(Report::new()).status(), warp::http::StatusCode::UNPROCESSABLE_ENTITY);
/// assert_eq!(Rejection::TooLarge { limit: 64 }.problem().status(), 413);
/// ```
pub type Rejection = web::Rejection<::warp::Error>;

/// The custom warp rejection of [`json`], [`query`] and [`form`]: the [`Rejection`], and the
/// request's method and path for the `tracing` event that [`recover`] emits when it answers it
/// (a filter that rejects may be followed by a route that serves the request).
///
/// ```
/// use warp::Filter;
/// use validate_core::warp::Refusal;
///
/// /// A recover of the application's own: a 400 with the paths of the errors.
/// async fn recover(rejection: warp::Rejection) -> Result<impl warp::Reply, warp::Rejection> {
///     let Some(report) = rejection.find::<Refusal>().and_then(|r| r.rejection().report()) else {
///         return Err(rejection);
///     };
///     let fields: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
///     Ok(warp::reply::with_status(fields.join(", "), warp::http::StatusCode::BAD_REQUEST))
/// }
///
/// #[derive(serde::Deserialize, validate_core::Validate)]
/// struct Ping {
///     #[validate(range(max = 10))]
///     n: u32,
/// }
///
/// let routes = validate_core::warp::json::<Ping>().map(|p: Ping| p.n.to_string()).recover(recover);
/// # let _ = routes;
/// ```
#[derive(Debug)]
pub struct Refusal {
    rejection: Rejection,
    method: Method,
    path: String,
}

impl Refusal {
    /// Why the request was refused.
    pub fn rejection(&self) -> &Rejection {
        &self.rejection
    }
}

impl ::warp::reject::Reject for Refusal {}

/// warp reports a body it could not read as its `Error`: 400.
impl BodyError for ::warp::Error {
    type Status = StatusCode;

    fn code(&self) -> u16 {
        400
    }

    to_status!(StatusCode);
}

/// The answer to a rejection of [`json`], [`query`] or [`form`]: the problem body with its
/// status; any other rejection is passed on, for the next `recover` or warp's default answer.
///
/// ```
/// use warp::Filter;
///
/// let routes = warp::path("ping").map(|| "pong").recover(validate_core::warp::recover);
/// # let _ = routes;
/// ```
pub async fn recover(rejection: ::warp::Rejection) -> Result<Response, ::warp::Rejection> {
    let Some(Refusal {
        rejection: refused,
        method,
        path,
    }) = rejection.find::<Refusal>()
    else {
        return Err(rejection);
    };
    #[cfg(feature = "tracing")]
    refused.log(method.as_str(), path);
    #[cfg(not(feature = "tracing"))]
    let _ = (method, path);
    let mut response = refused.problem().to_json().into_response();
    *response.status_mut() = refused.status();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(problem::CONTENT_TYPE),
    );
    if let Some(language) = refused
        .language()
        .and_then(|l| HeaderValue::from_str(l).ok())
    {
        response
            .headers_mut()
            .insert(header::CONTENT_LANGUAGE, language);
    }
    Ok(response)
}

/// A filter that extracts a `T` from a JSON body (`Content-Type: application/json` or
/// `application/*+json`) of at most [`BODY_LIMIT`] bytes, then normalizes and validates it; for
/// a type without a context ([`Filters`] gives one).
///
/// ```
/// use warp::Filter;
/// use validate_core::Validate;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Comment {
///     #[normalize(trim)]
///     #[validate(length(min = 1, max = 500), no_control)]
///     text: String,
/// }
///
/// let comments = warp::post()
///     .and(warp::path("comments"))
///     .and(validate_core::warp::json::<Comment>())
///     .map(|comment: Comment| comment.text)
///     .recover(validate_core::warp::recover);
/// # let _ = comments;
/// ```
pub fn json<T>() -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Clone
where
    T: Extract + ValidateWith<Context = ()>,
{
    Filters::new().json::<T>()
}

/// A filter that extracts a `T` from the query string (everything after `?`; none reads as
/// empty), then normalizes and validates it; for a type without a context ([`Filters`] gives
/// one).
///
/// ```
/// use warp::Filter;
/// use validate_core::Validate;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Page {
///     #[validate(range(min = 1, max = 100))]
///     per_page: u32,
/// }
///
/// let items = warp::get()
///     .and(warp::path("items"))
///     .and(validate_core::warp::query::<Page>())
///     .map(|page: Page| page.per_page.to_string())
///     .recover(validate_core::warp::recover);
/// # let _ = items;
/// ```
pub fn query<T>() -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Clone
where
    T: Extract + ValidateWith<Context = ()>,
{
    Filters::new().query::<T>()
}

/// A filter that extracts a `T` from an `application/x-www-form-urlencoded` body of at most
/// [`BODY_LIMIT`] bytes, then normalizes and validates it; for a type without a context
/// ([`Filters`] gives one).
///
/// ```
/// use warp::Filter;
/// use validate_core::Validate;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Login {
///     #[normalize(trim, lowercase)]
///     #[validate(email)]
///     email: String,
/// }
///
/// let login = warp::post()
///     .and(warp::path("login"))
///     .and(validate_core::warp::form::<Login>())
///     .map(|login: Login| login.email)
///     .recover(validate_core::warp::recover);
/// # let _ = login;
/// ```
pub fn form<T>() -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Clone
where
    T: Extract + ValidateWith<Context = ()>,
{
    Filters::new().form::<T>()
}

/// The filters with a context and body limits of the application's: `with_context(ctx)` gives
/// the rules of a type that declares `#[validate(context = C)]` the `C` (or an `Arc<C>`), which
/// every request borrows; `json_limit` and `form_limit` replace [`BODY_LIMIT`].
///
/// ```
/// use std::sync::Arc;
/// use warp::Filter;
/// use validate_core::{Error, Validate};
/// use validate_core::warp::Filters;
///
/// struct Accounts {
///     taken: Vec<String>,
/// }
///
/// async fn name_is_free(name: &String, accounts: &Accounts) -> Result<(), Error> {
///     if accounts.taken.iter().any(|taken| taken == name) {
///         Err(Error::new("taken").with_message("is taken"))
///     } else {
///         Ok(())
///     }
/// }
///
/// #[derive(serde::Deserialize, Validate)]
/// #[validate(context = Accounts)]
/// struct Signup {
///     #[validate(length(min = 3, max = 32), async_custom(name_is_free))]
///     name: String,
/// }
///
/// let accounts = Arc::new(Accounts { taken: vec!["grace".into()] });
/// let valid = Filters::new().with_context(accounts).json_limit(64 * 1024);
/// let signup = warp::post()
///     .and(warp::path("signup"))
///     .and(valid.json::<Signup>())
///     .map(|signup: Signup| signup.name)
///     .recover(validate_core::warp::recover);
/// # let _ = signup;
/// ```
#[derive(Debug)]
pub struct Filters<C = ()> {
    context: Arc<C>,
    json_limit: u64,
    form_limit: u64,
    catalogs: Catalogs,
}

/// The catalogues of [`Filters::with_catalogs`] (feature `i18n`).
#[cfg(feature = "i18n")]
type Catalogs = Option<Arc<crate::i18n::Catalogs>>;
#[cfg(not(feature = "i18n"))]
type Catalogs = ();

impl<C> Clone for Filters<C> {
    fn clone(&self) -> Self {
        Filters {
            context: Arc::clone(&self.context),
            json_limit: self.json_limit,
            form_limit: self.form_limit,
            catalogs: self.catalogs.clone(),
        }
    }
}

impl Filters {
    /// No context, and [`BODY_LIMIT`] for both kinds of body.
    pub fn new() -> Self {
        Filters {
            context: Arc::new(()),
            json_limit: BODY_LIMIT,
            form_limit: BODY_LIMIT,
            catalogs: Catalogs::default(),
        }
    }
}

impl Default for Filters {
    fn default() -> Self {
        Filters::new()
    }
}

impl<C: Send + Sync + 'static> Filters<C> {
    /// The filters with `context` for the rules: a `C`, or anything that borrows as one.
    pub fn with_context<D: Send + Sync + 'static>(self, context: D) -> Filters<D> {
        Filters {
            context: Arc::new(context),
            json_limit: self.json_limit,
            form_limit: self.form_limit,
            catalogs: self.catalogs,
        }
    }

    /// The filters answering in the client's language (feature `i18n`): a refusal's messages
    /// are rendered in the catalogue `catalogs` choose for its `Accept-Language`.
    #[cfg(feature = "i18n")]
    #[must_use]
    pub fn with_catalogs(mut self, catalogs: crate::i18n::Catalogs) -> Self {
        self.catalogs = Some(Arc::new(catalogs));
        self
    }

    /// Sets the limit of JSON bodies, in bytes.
    #[must_use]
    pub fn json_limit(mut self, bytes: u64) -> Self {
        self.json_limit = bytes;
        self
    }

    /// Sets the limit of form bodies, in bytes.
    #[must_use]
    pub fn form_limit(mut self, bytes: u64) -> Self {
        self.form_limit = bytes;
        self
    }

    /// [`json`] with this context and limit.
    pub fn json<T>(
        &self,
    ) -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Clone + use<T, C>
    where
        T: Extract,
        C: Borrow<T::Context>,
    {
        body_filter::<T, C>(
            Arc::clone(&self.context),
            request::Body::Json,
            self.json_limit,
            self.catalogs.clone(),
        )
    }

    /// [`form`] with this context and limit.
    pub fn form<T>(
        &self,
    ) -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Clone + use<T, C>
    where
        T: Extract,
        C: Borrow<T::Context>,
    {
        body_filter::<T, C>(
            Arc::clone(&self.context),
            request::Body::Form,
            self.form_limit,
            self.catalogs.clone(),
        )
    }

    /// [`query`] with this context.
    pub fn query<T>(
        &self,
    ) -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Clone + use<T, C>
    where
        T: Extract,
        C: Borrow<T::Context>,
    {
        let context = Arc::clone(&self.context);
        let catalogs = self.catalogs.clone();
        ::warp::method()
            .and(::warp::path::full())
            .and(accept_language())
            .and(
                ::warp::query::raw()
                    .or(::warp::any().map(String::new))
                    .unify(),
            )
            .and_then(move |method, path, accept, query| {
                let language = Language::new(catalogs.clone(), accept);
                query_value::<T, C>(Arc::clone(&context), (method, path, language), query)
            })
    }
}

/// What the filters extract: a `T` that deserializes and is validated with a context that
/// [`Filters`] can give (not a public API).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be extracted by these filters",
    note = "it derives `Deserialize` and `Validate`, and a context it declares is given with `Filters::new().with_context(..)`"
)]
pub trait Extract: DeserializeOwned + ValidateWith + Send + Sync + 'static {}

impl<T: DeserializeOwned + ValidateWith + Send + Sync + 'static> Extract for T {}

fn body_filter<T, C>(
    context: Arc<C>,
    body: request::Body,
    limit: u64,
    catalogs: Catalogs,
) -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Clone
where
    T: Extract,
    C: Borrow<T::Context> + Send + Sync + 'static,
{
    // Checked before the body is taken, so that a later route can still read it.
    let admitted = move |method: Method, path: FullPath, headers: HeaderMap| {
        let language = Language::new(
            catalogs.clone(),
            headers.get(header::ACCEPT_LANGUAGE).cloned(),
        );
        async move {
            let admitted = body.admit(
                headers.get(header::CONTENT_TYPE).map(HeaderValue::as_bytes),
                headers
                    .get(header::CONTENT_LENGTH)
                    .map(HeaderValue::as_bytes),
                limit,
            );
            let request = (method, path, language);
            answer(&request, admitted).map(|()| (request,))
        }
    };
    ::warp::method()
        .and(::warp::path::full())
        .and(::warp::header::headers_cloned())
        .and_then(admitted)
        .untuple_one()
        .and(::warp::body::stream())
        .and_then(move |request, stream| {
            body_value::<T, C, _, _>(Arc::clone(&context), (body, limit), request, stream)
        })
}

/// A request as the refusal needs it: method, path and the language to answer in.
type RequestOf = (Method, FullPath, Language);

/// What a refusal's messages are rendered in: [`Filters::with_catalogs`] and the request's
/// `Accept-Language` (feature `i18n`); nothing without the feature.
#[derive(Clone)]
struct Language {
    #[cfg(feature = "i18n")]
    catalogs: Catalogs,
    #[cfg(feature = "i18n")]
    accept: Option<HeaderValue>,
}

impl Language {
    #[cfg_attr(not(feature = "i18n"), allow(unused_variables))]
    fn new(catalogs: Catalogs, accept: Option<HeaderValue>) -> Self {
        Language {
            #[cfg(feature = "i18n")]
            catalogs,
            #[cfg(feature = "i18n")]
            accept,
        }
    }

    fn apply(&self, rejection: Rejection) -> Rejection {
        #[cfg(feature = "i18n")]
        let rejection = rejection.localized(
            self.catalogs.as_deref(),
            self.accept.as_ref().map(HeaderValue::as_bytes),
        );
        rejection
    }
}

/// The request's `Accept-Language`, read only with feature `i18n`.
fn accept_language()
-> impl Filter<Extract = (Option<HeaderValue>,), Error = std::convert::Infallible> + Clone {
    #[cfg(feature = "i18n")]
    let filter = ::warp::header::headers_cloned()
        .map(|headers: HeaderMap| headers.get(header::ACCEPT_LANGUAGE).cloned());
    #[cfg(not(feature = "i18n"))]
    let filter = ::warp::any().map(|| None);
    filter
}

/// The `T` of a body of kind `body`, of at most `limit` bytes.
async fn body_value<T, C, S, B>(
    context: Arc<C>,
    (body, limit): (request::Body, u64),
    request: RequestOf,
    stream: S,
) -> Result<T, ::warp::Rejection>
where
    T: Extract,
    C: Borrow<T::Context>,
    S: Stream<Item = Result<B, ::warp::Error>>,
    B: Buf,
{
    let extracted = async {
        let bytes = read(stream, limit).await?;
        finish(body.value::<T>(&bytes)?, &context).await
    }
    .await;
    answer(&request, extracted)
}

async fn query_value<T, C>(
    context: Arc<C>,
    request: RequestOf,
    query: String,
) -> Result<T, ::warp::Rejection>
where
    T: Extract,
    C: Borrow<T::Context>,
{
    let extracted = match de::form_value::<T>(query.as_bytes()) {
        Ok(value) => finish(value, &context).await,
        Err(report) => Err(web::Rejection::Invalid(report)),
    };
    answer(&request, extracted)
}

/// Normalizes `value` and checks every rule with `context`.
async fn finish<T, C>(mut value: T, context: &Arc<C>) -> Result<T, Rejection>
where
    T: Extract,
    C: Borrow<T::Context>,
{
    let context: &C = context;
    value
        .__finish(context.borrow())
        .await
        .map_err(web::Rejection::Invalid)?;
    Ok(value)
}

/// The body, at most `limit` bytes of it.
async fn read<S, B>(stream: S, limit: u64) -> Result<Vec<u8>, Rejection>
where
    S: Stream<Item = Result<B, ::warp::Error>>,
    B: Buf,
{
    let mut stream = std::pin::pin!(stream);
    let mut bytes = Vec::new();
    while let Some(chunk) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        let mut chunk = chunk.map_err(web::Rejection::Body)?;
        if (bytes.len() + chunk.remaining()) as u64 > limit {
            return Err(web::Rejection::TooLarge { limit });
        }
        while chunk.has_remaining() {
            let part = chunk.chunk();
            bytes.extend_from_slice(part);
            let read = part.len();
            chunk.advance(read);
        }
    }
    Ok(bytes)
}

/// `extracted` as warp's result: a refusal is the custom [`Refusal`].
fn answer<T>(
    (method, path, language): &RequestOf,
    extracted: Result<T, Rejection>,
) -> Result<T, ::warp::Rejection> {
    extracted.map_err(|rejection| {
        ::warp::reject::custom(Refusal {
            rejection: language.apply(rejection),
            method: method.clone(),
            path: path.as_str().to_owned(),
        })
    })
}
