//! rocket guards that deserialize, normalize and validate: the data guards [`ValidJson`] and
//! [`ValidForm`], and the request guard [`ValidQuery`] (feature `rocket`, rocket 0.5).
//!
//! A rocket guard cannot write a response body: it fails with a status, and rocket answers with
//! the catcher of that status. So a refusing guard keeps its answer in the request-local cache,
//! and the catchers of [`catchers()`] write it: register them (`.register("/", catchers())`) and
//! a refused request gets the RFC 9457 problem body that [`web`](mod@crate::web) describes, the
//! same bytes as from every other framework. A request those guards did not refuse gets rocket's
//! own default answer from them.
//!
//! Body limits are rocket's `limits` configuration: `json` for [`ValidJson`] (rocket's default
//! 1 MiB, [`Limits::JSON`]) and `form` for [`ValidForm`] (32 KiB, [`Limits::FORM`]); an announced
//! `Content-Length` over the limit is refused before reading. A type with a context takes it from
//! rocket's managed state (`.manage(accounts)`, what `&State<Accounts>` reads), and a missing one
//! is a 500. With feature `tracing`, every refusal is also logged (see
//! [`web`](mod@crate::web#logged-rejections-feature-tracing)).
//!
//! ```
//! use rocket::local::blocking::Client;
//! use rocket::http::ContentType;
//! use rocket::{post, routes};
//! use validate_core::Validate;
//! use validate_core::rocket::{ValidJson, catchers};
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Signup {
//!     #[normalize(trim, lowercase)]
//!     #[validate(length(min = 3, max = 32))]
//!     user_name: String,
//! }
//!
//! #[post("/signup", data = "<signup>")]
//! fn signup(signup: ValidJson<Signup>) -> String {
//!     format!("welcome, {}", signup.0.user_name)
//! }
//!
//! let rocket = rocket::build().mount("/", routes![signup]).register("/", catchers());
//! let client = Client::tracked(rocket).unwrap();
//! let response = client.post("/signup").header(ContentType::JSON).body(r#"{"userName":"ab"}"#).dispatch();
//! assert_eq!(response.status().code, 422);
//! assert_eq!(response.headers().get_one("content-type"), Some("application/problem+json"));
//! assert_eq!(
//!     response.into_string().unwrap(),
//!     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"userName","pointer":"/userName","code":"length","message":"must be between 3 and 32 characters","params":{"min":3,"max":32}}]}"#
//! );
//! ```

use std::io::Cursor;
use std::sync::{Mutex, PoisonError};

use ::rocket::catcher::{BoxFuture, Catcher};
use ::rocket::data::{Data, FromData, Limits, Outcome, ToByteUnit as _};
use ::rocket::http::{Header, Status};
use ::rocket::request::{self as guard, FromRequest, Request};
use ::rocket::{Response, async_trait};
use serde::de::DeserializeOwned;

use crate::context::{Given, Lookup, NoContext};
use crate::problem::{self, Problem};
use crate::web::BodyError;
use crate::web::request::{self, extractors};
use crate::{ValidateWith, de, web};

extractors! {
    /// A data guard; the body limit is rocket's `json` limit.
    ///
    /// ```
    /// use rocket::{post, routes};
    /// use validate_core::Validate;
    /// use validate_core::rocket::{ValidJson, catchers};
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Comment {
    ///     #[normalize(trim)]
    ///     #[validate(length(min = 1, max = 500), no_control)]
    ///     text: String,
    /// }
    ///
    /// #[post("/comments", data = "<comment>")]
    /// fn comment(comment: ValidJson<Comment>) -> String {
    ///     comment.0.text
    /// }
    ///
    /// let rocket = rocket::build().mount("/", routes![comment]).register("/", catchers());
    /// ```
    ValidJson;
    /// A request guard. A request without a query string deserializes from an empty one.
    ///
    /// ```
    /// use rocket::{get, routes};
    /// use validate_core::Validate;
    /// use validate_core::rocket::{ValidQuery, catchers};
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Page {
    ///     #[validate(range(min = 1, max = 100))]
    ///     per_page: u32,
    /// }
    ///
    /// #[get("/items")]
    /// fn list(page: ValidQuery<Page>) -> String {
    ///     page.per_page.to_string()
    /// }
    ///
    /// let rocket = rocket::build().mount("/", routes![list]).register("/", catchers());
    /// ```
    ValidQuery;
    /// A data guard, like rocket's `Form` for a body; the body limit is rocket's `form` limit.
    ///
    /// ```
    /// use rocket::{post, routes};
    /// use validate_core::Validate;
    /// use validate_core::rocket::{ValidForm, catchers};
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Login {
    ///     #[normalize(trim, lowercase)]
    ///     #[validate(email)]
    ///     email: String,
    /// }
    ///
    /// #[post("/login", data = "<login>")]
    /// fn login(login: ValidForm<Login>) -> String {
    ///     login.0.email
    /// }
    ///
    /// let rocket = rocket::build().mount("/", routes![login]).register("/", catchers());
    /// ```
    ValidForm;
}

/// Why [`ValidJson`], [`ValidQuery`] or [`ValidForm`] refused a request: the guard's error, whose
/// answer the [`catchers()`] write. To answer in your own format, take
/// `Result<ValidJson<T>, Rejection>` in the handler and match on it.
///
/// ```
/// use validate_core::Report;
/// use validate_core::rocket::Rejection;
///
/// assert_eq!(Rejection::Invalid(Report::new()).status(), rocket::http::Status::UnprocessableEntity);
/// assert_eq!(Rejection::TooLarge { limit: 64 }.problem().status(), 413);
/// ```
pub type Rejection = web::Rejection<std::io::Error>;

/// rocket reports a body it could not read as an I/O error: 400.
impl BodyError for std::io::Error {
    type Status = Status;

    fn code(&self) -> u16 {
        400
    }

    fn to_status(code: u16) -> Status {
        Status::from_code(code).unwrap_or(Status::InternalServerError)
    }
}

/// The catchers that write the answer of a request these guards refused: for 400, 413, 415,
/// 422, 500 and 503, the statuses a refusal has. Any other request that fails with one of them
/// gets rocket's default answer.
///
/// ```
/// let rocket = rocket::build().register("/", validate_core::rocket::catchers());
/// ```
pub fn catchers() -> Vec<Catcher> {
    [400, 413, 415, 422, 500, 503]
        .into_iter()
        .map(|code| Catcher::new(code, catch))
        .collect()
}

/// The problem of the request's refusal, in the request-local cache for the catchers.
struct Refused(Mutex<Option<Problem>>);

fn catch<'r>(status: Status, req: &'r Request<'_>) -> BoxFuture<'r> {
    let refused = req.local_cache(|| Refused(Mutex::new(None)));
    let problem = refused
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take_if(|problem| problem.status() == status.code);
    Box::pin(async move {
        match problem {
            Some(problem) => {
                let mut response = Response::build();
                response
                    .status(status)
                    .header(Header::new("Content-Type", problem::CONTENT_TYPE));
                if let Some(language) = problem.language() {
                    response.header(Header::new("Content-Language", language.to_owned()));
                }
                let body = problem.to_json();
                Ok(response
                    .sized_body(body.len(), Cursor::new(body))
                    .finalize())
            }
            None => Catcher::default().handler.handle(status, req).await,
        }
    })
}

/// The guard's error for `rejection`: logged, and its problem kept for the catchers.
fn refuse(req: &Request<'_>, rejection: Rejection) -> (Status, Rejection) {
    #[cfg(feature = "tracing")]
    rejection.log(req.method().as_str(), req.uri().path().as_str());
    // In the client's language when rocket manages `Catalogs` (`.manage(catalogs)`).
    #[cfg(feature = "i18n")]
    let rejection = rejection.localized(
        req.rocket().state::<crate::i18n::Catalogs>(),
        req.headers().get_one("Accept-Language").map(str::as_bytes),
    );
    let refused = req.local_cache(|| Refused(Mutex::new(None)));
    *refused.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(rejection.problem());
    (rejection.status(), rejection)
}

/// How a guard finds a type's context: none, or `C` in rocket's managed state (not a public
/// API).
#[doc(hidden)]
pub trait FromState: Lookup {
    /// The context that `req`'s rocket manages; a missing one is the server's mistake.
    fn get<'r>(req: &'r Request<'_>) -> Result<&'r Self::Context, Rejection>;
}

impl FromState for NoContext {
    fn get<'r>(_: &'r Request<'_>) -> Result<&'r (), Rejection> {
        Ok(&())
    }
}

impl<C: Send + Sync + 'static> FromState for Given<C> {
    fn get<'r>(req: &'r Request<'_>) -> Result<&'r C, Rejection> {
        req.rocket()
            .state::<C>()
            .ok_or(web::Rejection::MissingContext {
                context: std::any::type_name::<C>(),
            })
    }
}

/// What the guards extract: a `T` that deserializes and whose context, if any, rocket manages
/// (not a public API).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be extracted by these guards",
    note = "it derives `Deserialize` and `Validate`, and a context it declares is managed with `.manage(..)`"
)]
pub trait Extract: DeserializeOwned + ValidateWith + Send + Sync + 'static {
    /// Normalizes the value and checks every rule with the context of `req`.
    fn finish(self, req: &Request<'_>) -> impl Future<Output = Result<Self, Rejection>> + Send;
}

impl<T> Extract for T
where
    T: DeserializeOwned + ValidateWith + Send + Sync + 'static,
    T::__Lookup: FromState,
{
    async fn finish(mut self, req: &Request<'_>) -> Result<Self, Rejection> {
        let ctx = <T::__Lookup as FromState>::get(req)?;
        self.__finish(ctx).await.map_err(Rejection::Invalid)?;
        Ok(self)
    }
}

/// The `T` of a body of kind `body`, read within rocket's limit `name` (`default` unless
/// configured).
async fn read<T: Extract>(
    req: &Request<'_>,
    data: Data<'_>,
    body: request::Body,
    name: &str,
    default: ::rocket::data::ByteUnit,
) -> Result<T, Rejection> {
    let limit = req.limits().get(name).unwrap_or(default).as_u64();
    let headers = req.headers();
    body.admit(
        headers.get_one("Content-Type").map(str::as_bytes),
        headers.get_one("Content-Length").map(str::as_bytes),
        limit,
    )?;
    let bytes = data
        .open(limit.bytes())
        .into_bytes()
        .await
        .map_err(web::Rejection::Body)?;
    if !bytes.is_complete() {
        return Err(web::Rejection::TooLarge { limit });
    }
    body.value::<T>(&bytes)?.finish(req).await
}

/// `FromData` for the guard of a body of kind `$body`, read within rocket's limit `$limit`
/// (`Limits::$default` unless configured).
macro_rules! data_guard {
    ($guard:ident, $body:ident, $limit:literal, $default:ident) => {
        #[async_trait]
        impl<'r, T: Extract> FromData<'r> for $guard<T> {
            type Error = Rejection;

            async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> Outcome<'r, Self> {
                match read(req, data, request::Body::$body, $limit, Limits::$default).await {
                    Ok(value) => Outcome::Success($guard(value)),
                    Err(rejection) => Outcome::Error(refuse(req, rejection)),
                }
            }
        }
    };
}
data_guard!(ValidJson, Json, "json", JSON);
data_guard!(ValidForm, Form, "form", FORM);

#[async_trait]
impl<'r, T: Extract> FromRequest<'r> for ValidQuery<T> {
    type Error = Rejection;

    async fn from_request(req: &'r Request<'_>) -> guard::Outcome<Self, Rejection> {
        let query = req.uri().query().map_or("", |query| query.as_str());
        let extracted = match de::form_value::<T>(query.as_bytes()) {
            Ok(value) => value.finish(req).await,
            Err(report) => Err(web::Rejection::Invalid(report)),
        };
        match extracted {
            Ok(value) => guard::Outcome::Success(ValidQuery(value)),
            Err(rejection) => guard::Outcome::Error(refuse(req, rejection)),
        }
    }
}
