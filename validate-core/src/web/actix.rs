//! actix-web extractors that deserialize, normalize and validate: [`ValidJson`], [`ValidQuery`],
//! [`ValidForm`] (feature `actix-web`).
//!
//! Each hands the handler a `T` that passed every rule, in `.0`. When extraction fails, the
//! handler does not run, and the client gets the RFC 9457 problem body and status that
//! [`web`](mod@crate::web) describes, the same bytes as from every other framework. Body limits are
//! actix-web's defaults, 2 MB for JSON and 16 kB for forms, changed with [`BodyLimits`]. To
//! answer differently, take `Result<ValidJson<T>, Rejection>` in the handler, or wrap the
//! extractor in your own (see [`Rejection`]). With feature `tracing`, every refusal is also a
//! `WARN` event on target `validate_core::rejection`, one line each (see
//! [`web`](mod@crate::web#logged-rejections-feature-tracing)).
//!
//! ```
//! use actix_web::{App, test, web};
//! use validate_core::Validate;
//! use validate_core::actix::ValidJson;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Contact {
//!     #[normalize(trim, lowercase)]
//!     #[validate(email)]
//!     email: String,
//! }
//!
//! async fn contact(ValidJson(contact): ValidJson<Contact>) -> String {
//!     format!("we will write to {}", contact.email)
//! }
//!
//! # actix_web::rt::System::new().block_on(async {
//! let app = test::init_service(App::new().route("/contact", web::post().to(contact))).await;
//! let request = test::TestRequest::post()
//!     .uri("/contact")
//!     .insert_header(("content-type", "application/json"))
//!     .set_payload(r#"{"email":"ada@"}"#)
//!     .to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status(), 422);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
//! assert_eq!(
//!     test::read_body(response).await,
//!     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"email","pointer":"/email","code":"email","message":"must be a valid email address","params":{}}]}"#
//! );
//! # });
//! ```

use std::future::Future;
use std::pin::Pin;

use ::actix_web::body::{BodyStream, to_bytes_limited};
use ::actix_web::dev::Payload;
use ::actix_web::error::PayloadError;
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{self, HeaderValue};
use ::actix_web::web::{Bytes, Data};
use ::actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};
use serde::de::DeserializeOwned;

use crate::context::{Given, Lookup, NoContext};
use crate::web::BodyError;
use crate::web::request::{self, extractors, to_status};
use crate::{ValidateWith, de, problem, web};

extractors! {
    /// ```
    /// use actix_web::{App, web};
    /// use validate_core::Validate;
    /// use validate_core::actix::ValidJson;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct NewTicket {
    ///     #[normalize(trim, collapse_whitespace)]
    ///     #[validate(length(min = 5, max = 120), no_control)]
    ///     title: String,
    ///     #[validate(one_of("low", "normal", "high"))]
    ///     priority: String,
    /// }
    ///
    /// async fn open(ValidJson(ticket): ValidJson<NewTicket>) -> String {
    ///     format!("{} ({})", ticket.title, ticket.priority)
    /// }
    ///
    /// let app = App::new().route("/tickets", web::post().to(open));
    /// ```
    ValidJson;
    /// ```
    /// use actix_web::{App, web};
    /// use validate_core::Validate;
    /// use validate_core::actix::ValidQuery;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Search {
    ///     #[normalize(trim)]
    ///     #[validate(length(min = 1, max = 100))]
    ///     q: String,
    ///     #[validate(range(max = 50))]
    ///     limit: Option<u32>,
    /// }
    ///
    /// async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
    ///     format!("{} (up to {})", search.q, search.limit.unwrap_or(10))
    /// }
    ///
    /// let app = App::new().route("/search", web::get().to(search));
    /// ```
    ValidQuery;
    /// ```
    /// use actix_web::{App, web};
    /// use validate_core::Validate;
    /// use validate_core::actix::ValidForm;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Subscribe {
    ///     #[normalize(trim, lowercase)]
    ///     #[validate(email)]
    ///     email: String,
    ///     #[validate(one_of("daily", "weekly"))]
    ///     frequency: String,
    /// }
    ///
    /// async fn subscribe(ValidForm(form): ValidForm<Subscribe>) -> String {
    ///     format!("{} gets the {} letter", form.email, form.frequency)
    /// }
    ///
    /// let app = App::new().route("/subscribe", web::post().to(subscribe));
    /// ```
    ValidForm;
}

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

/// How an extractor finds a type's context: none, or the app's `web::Data<C>` (not a public
/// API).
#[doc(hidden)]
pub trait FromApp: Lookup {
    /// The context as the app holds it.
    type Owned: 'static;
    /// Takes the context from the app data of `req`; a missing one is the server's mistake.
    fn owned(req: &HttpRequest) -> Result<Self::Owned, Rejection>;
    /// The context the rules read.
    fn get(owned: &Self::Owned) -> &Self::Context;
}

impl FromApp for NoContext {
    type Owned = ();
    fn owned(_: &HttpRequest) -> Result<(), Rejection> {
        Ok(())
    }
    fn get(owned: &()) -> &() {
        owned
    }
}

impl<C: Send + Sync + 'static> FromApp for Given<C> {
    type Owned = Data<C>;
    fn owned(req: &HttpRequest) -> Result<Data<C>, Rejection> {
        req.app_data::<Data<C>>()
            .cloned()
            .ok_or(Rejection::MissingContext {
                context: std::any::type_name::<C>(),
            })
    }
    fn get(owned: &Data<C>) -> &C {
        owned
    }
}

/// What the extractors extract: a `T` that deserializes and whose context, if any, the app
/// data holds (not a public API).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be extracted by these extractors",
    note = "it derives `Deserialize` and `Validate`, and a context it declares is registered as `web::Data<C>`"
)]
pub trait Extract: DeserializeOwned + ValidateWith + Send + Sync + 'static {
    /// The context as the app holds it.
    type Owned: 'static;
    /// Takes the context from the app data of `req`.
    fn owned(req: &HttpRequest) -> Result<Self::Owned, Rejection>;
    /// Normalizes the value and checks every rule with the context `owned`.
    fn finish(self, owned: Self::Owned) -> impl Future<Output = Result<Self, Rejection>>;
}

impl<T> Extract for T
where
    T: DeserializeOwned + ValidateWith + Send + Sync + 'static,
    T::__Lookup: FromApp,
{
    type Owned = <T::__Lookup as FromApp>::Owned;

    fn owned(req: &HttpRequest) -> Result<Self::Owned, Rejection> {
        <T::__Lookup as FromApp>::owned(req)
    }

    async fn finish(mut self, owned: Self::Owned) -> Result<Self, Rejection> {
        self.__finish(<T::__Lookup as FromApp>::get(&owned))
            .await
            .map_err(Rejection::Invalid)?;
        Ok(self)
    }
}

/// `FromRequest` for the extractor of a body of one kind: the body read within its limit,
/// then deserialized, normalized and validated by `$parse`.
macro_rules! body_extractor {
    ($extractor:ident, $kind:expr, $parse:ident) => {
        impl<T: Extract> FromRequest for $extractor<T> {
            type Error = Rejection;
            type Future = Extraction<Self>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let body = read_body(req, payload, &$kind);
                let owned = T::owned(req);
                #[cfg(any(feature = "tracing", feature = "i18n"))]
                let req = req.clone();
                Box::pin(async move {
                    let extracted: Result<Self, Rejection> = async {
                        let owned = owned?;
                        let bytes = body?.await?;
                        let value = de::$parse::<T>(&bytes)?;
                        Ok($extractor(value.finish(owned).await?))
                    }
                    .await;
                    #[cfg(any(feature = "tracing", feature = "i18n"))]
                    let extracted = settle(&req, extracted);
                    extracted
                })
            }
        }
    };
}
body_extractor!(ValidJson, JSON_BODY, json_value);
body_extractor!(ValidForm, FORM_BODY, form_value);

impl<T: Extract> FromRequest for ValidQuery<T> {
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let value = de::form_value::<T>(req.query_string().as_bytes()).map_err(Rejection::Invalid);
        let owned = T::owned(req);
        #[cfg(any(feature = "tracing", feature = "i18n"))]
        let req = req.clone();
        Box::pin(async move {
            let extracted = match (value, owned) {
                (Ok(value), Ok(owned)) => value.finish(owned).await.map(ValidQuery),
                (_, Err(rejection)) | (Err(rejection), _) => Err(rejection),
            };
            #[cfg(any(feature = "tracing", feature = "i18n"))]
            let extracted = settle(&req, extracted);
            extracted
        })
    }
}

crate::web::request::extractor! {
    /// Extracts a `T` from the route's path parameters (`req.match_info()`), then normalizes
    /// and validates it. A struct reads the parameters by name, a tuple in order, any other type
    /// the one parameter of the route; each value is read as a query value is. A shape error
    /// (`/tickets/abc` for a `u64`) or a rule failure answers 422 at the parameter's name,
    /// never showing the value; a route without parameters is a 500.
    ///
    /// ```
    /// use actix_web::{App, web};
    /// use validate_core::Validate;
    /// use validate_core::actix::ValidPath;
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
    /// let app = App::new().route("/tickets/{id}", web::get().to(ticket));
    /// ```
    ValidPath
}

impl<T: Extract> FromRequest for ValidPath<T> {
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let params: Vec<(&str, &str)> = req.match_info().iter().collect();
        let single = de::only_parameter(&params).map(str::to_owned);
        let value = if params.is_empty() {
            Err(Rejection::MissingPathParameters)
        } else {
            de::path_value::<T>(&params).map_err(Rejection::Invalid)
        };
        let owned = T::owned(req);
        #[cfg(any(feature = "tracing", feature = "i18n"))]
        let req = req.clone();
        Box::pin(async move {
            let extracted = match (value, owned) {
                (Ok(value), Ok(owned)) => match value.finish(owned).await {
                    Err(web::Rejection::Invalid(report)) => Err(Rejection::Invalid(
                        de::at_parameter(report, single.as_deref()),
                    )),
                    other => other.map(ValidPath),
                },
                (_, Err(rejection)) | (Err(rejection), _) => Err(rejection),
            };
            #[cfg(any(feature = "tracing", feature = "i18n"))]
            let extracted = settle(&req, extracted);
            extracted
        })
    }
}

/// The extraction as answered: logged (feature `tracing`), and in the client's language when
/// the application registered `web::Data<Catalogs>` (feature `i18n`).
#[cfg(any(feature = "tracing", feature = "i18n"))]
fn settle<T>(req: &HttpRequest, extracted: Result<T, Rejection>) -> Result<T, Rejection> {
    #[cfg(feature = "tracing")]
    log(req, &extracted);
    #[cfg(feature = "i18n")]
    let extracted = extracted.map_err(|rejection| {
        let catalogs = req.app_data::<::actix_web::web::Data<crate::i18n::Catalogs>>();
        let accept = req.headers().get(header::ACCEPT_LANGUAGE);
        rejection.localized(catalogs.map(|d| d.get_ref()), accept.map(|v| v.as_bytes()))
    });
    extracted
}

/// The event of a refusal of `req` (see [`web`](mod@crate::web)).
#[cfg(feature = "tracing")]
fn log<T>(req: &HttpRequest, extracted: &Result<T, Rejection>) {
    if let Err(rejection) = extracted {
        rejection.log(req.method().as_str(), req.uri().path());
    }
}

/// A kind of body: the media types it is read from, and its limit in [`BodyLimits`].
struct BodyKind {
    accepts: fn(&str) -> bool,
    expected: &'static str,
    limit: fn(&BodyLimits) -> usize,
}

const JSON_BODY: BodyKind = BodyKind {
    accepts: request::is_json_content_type,
    expected: request::JSON,
    limit: BodyLimits::json_limit,
};

const FORM_BODY: BodyKind = BodyKind {
    accepts: request::is_form_content_type,
    expected: request::FORM,
    limit: BodyLimits::form_limit,
};

/// Checks the content type and the announced length at once, then returns the future that
/// reads at most the limit of a body of `kind`.
fn read_body(
    req: &HttpRequest,
    payload: &mut Payload,
    kind: &BodyKind,
) -> Result<impl Future<Output = Result<Bytes, Rejection>> + use<>, Rejection> {
    let content_type = req.headers().get(header::CONTENT_TYPE);
    if !request::content_type_is(content_type.map(HeaderValue::as_bytes), kind.accepts) {
        return Err(Rejection::UnsupportedMediaType {
            expected: kind.expected,
        });
    }
    let limit = (kind.limit)(&BodyLimits::of(req));
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

/// Why [`ValidJson`], [`ValidQuery`] or [`ValidForm`] refused a request.
///
/// As an actix-web error ([`ResponseError`]) it answers with the [`Problem`](crate::problem::Problem) body of
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
///
/// Its status, body and report:
///
/// ```
/// use actix_web::error::PayloadError;
/// use validate_core::Report;
/// use validate_core::actix::Rejection;
///
/// assert_eq!(Rejection::Invalid(Report::new()).status(), 422);
/// assert!(Rejection::Invalid(Report::new()).report().is_some());
/// let too_large = Rejection::Body(PayloadError::Overflow);
/// assert_eq!(too_large.status(), actix_web::http::StatusCode::PAYLOAD_TOO_LARGE);
/// assert_eq!(too_large.problem().detail(), "the request body is too large");
/// let rejection = Rejection::UnsupportedMediaType { expected: "application/json" };
/// assert_eq!(rejection.problem().status(), 415);
/// ```
pub type Rejection = web::Rejection<PayloadError>;

impl BodyError for PayloadError {
    type Status = StatusCode;

    /// 413 for a body over the [`BodyLimits`], 400 for any other failure to read it.
    fn code(&self) -> u16 {
        match self {
            PayloadError::Overflow => 413,
            _ => 400,
        }
    }

    to_status!(StatusCode);
}

impl ResponseError for web::Rejection<PayloadError> {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status());
        response.insert_header((header::CONTENT_TYPE, problem::CONTENT_TYPE));
        if let Some(language) = self.language() {
            response.insert_header((header::CONTENT_LANGUAGE, language));
        }
        response.body(self.problem().to_json())
    }
}
