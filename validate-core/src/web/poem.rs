//! poem extractors that deserialize, normalize and validate: [`ValidJson`], [`ValidQuery`],
//! [`ValidForm`], [`ValidPath`] (feature `poem`, poem 3).
//!
//! Each implements poem's [`FromRequest`](::poem::FromRequest); a refused request fails with a
//! [`Rejection`], a poem [`ResponseError`] whose response is the RFC 9457 problem body that
//! [`web`](mod@crate::web) describes, the same bytes as from every other framework. poem sets no
//! body limit of its own; these extractors read at most [`BODY_LIMIT`] bytes, as axum's do by
//! default, and refuse a larger announced `Content-Length` before reading. A type with a context
//! takes it from poem's request data (`.data(accounts)` on the endpoint), and a missing one is a
//! 500 that says what to register. With feature `tracing`, every refusal is also logged (see
//! [`web`](mod@crate::web#logged-rejections-feature-tracing)).
//!
//! ```
//! use poem::{Route, handler, post};
//! use validate_core::Validate;
//! use validate_core::poem::ValidJson;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Contact {
//!     #[normalize(trim, lowercase)]
//!     #[validate(email)]
//!     email: String,
//! }
//!
//! #[handler]
//! fn contact(ValidJson(contact): ValidJson<Contact>) -> String {
//!     contact.email
//! }
//!
//! let app = Route::new().at("/contact", post(contact));
//! ```

use ::poem::error::{ReadBodyError, ResponseError};
use ::poem::http::{Method, StatusCode, header};
use ::poem::{FromRequest, Request, RequestBody, Response};
use serde::de::DeserializeOwned;

use crate::context::{Given, Lookup, NoContext};
use crate::web::BodyError;
use crate::web::request::{self, extractors, to_status};
use crate::{ValidateWith, de, problem, web};

/// The largest body [`ValidJson`] and [`ValidForm`] read, in bytes (axum's default).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

extractors! {
    /// ```
    /// use poem::{Route, handler, post};
    /// use validate_core::Validate;
    /// use validate_core::poem::ValidJson;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Comment {
    ///     #[normalize(trim)]
    ///     #[validate(length(min = 1, max = 500), no_control)]
    ///     text: String,
    /// }
    ///
    /// #[handler]
    /// fn comment(ValidJson(comment): ValidJson<Comment>) -> String {
    ///     comment.text
    /// }
    ///
    /// let app = Route::new().at("/comments", post(comment));
    /// ```
    ValidJson;
    /// A request without a query string deserializes from an empty one.
    ///
    /// ```
    /// use poem::{Route, get, handler};
    /// use validate_core::Validate;
    /// use validate_core::poem::ValidQuery;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Page {
    ///     #[validate(range(min = 1, max = 100))]
    ///     per_page: u32,
    /// }
    ///
    /// #[handler]
    /// fn list(ValidQuery(page): ValidQuery<Page>) -> String {
    ///     page.per_page.to_string()
    /// }
    ///
    /// let app = Route::new().at("/items", get(list));
    /// ```
    ValidQuery;
    /// For `GET` and `HEAD` it reads the query string instead of the body.
    ///
    /// ```
    /// use poem::{Route, handler, post};
    /// use validate_core::Validate;
    /// use validate_core::poem::ValidForm;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Login {
    ///     #[validate(email)]
    ///     email: String,
    /// }
    ///
    /// #[handler]
    /// fn login(ValidForm(login): ValidForm<Login>) -> String {
    ///     login.email
    /// }
    ///
    /// let app = Route::new().at("/login", post(login));
    /// ```
    ValidForm;
}

crate::web::request::extractor! {
    /// Extracts a `T` from the route's path parameters, through poem's own matching, then
    /// normalizes and validates it. A struct reads the parameters by name, a tuple in order, any
    /// other type the one parameter of the route; each value is read as a query value is. A
    /// shape error (`/tickets/abc` for a `u64`) or a rule failure answers 422 at the
    /// parameter's name, never showing the value; a route without parameters is a 500.
    ///
    /// ```
    /// use poem::{Route, get, handler};
    /// use validate_core::Validate;
    /// use validate_core::poem::ValidPath;
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Ticket {
    ///     #[validate(range(min = 1))]
    ///     id: u64,
    /// }
    ///
    /// #[handler]
    /// fn ticket(ValidPath(ticket): ValidPath<Ticket>) -> String {
    ///     ticket.id.to_string()
    /// }
    ///
    /// let app = Route::new().at("/tickets/:id", get(ticket));
    /// ```
    ValidPath
}

/// Why [`ValidJson`], [`ValidQuery`], [`ValidForm`] or [`ValidPath`] refused a request: a poem
/// [`ResponseError`] answering the [`Problem`](crate::problem::Problem) of
/// [`Rejection::problem`](web::Rejection::problem).
pub type Rejection = web::Rejection<ReadBodyError>;

impl BodyError for ReadBodyError {
    type Status = StatusCode;

    fn code(&self) -> u16 {
        match self {
            ReadBodyError::PayloadTooLarge => 413,
            _ => 400,
        }
    }

    to_status!(StatusCode);
}

impl ResponseError for web::Rejection<ReadBodyError> {
    fn status(&self) -> StatusCode {
        web::Rejection::status(self)
    }

    fn as_response(&self) -> Response {
        let mut response = Response::builder()
            .status(web::Rejection::status(self))
            .content_type(problem::CONTENT_TYPE);
        if let Some(language) = self.language() {
            response = response.header(header::CONTENT_LANGUAGE, language);
        }
        response.body(self.problem().to_json())
    }
}

/// How an extractor finds a type's context: none, or `C` in poem's request data (not a public
/// API).
#[doc(hidden)]
pub trait FromData: Lookup {
    /// The context in the data of `req`; a missing one is the server's mistake.
    fn get(req: &Request) -> Result<&Self::Context, Rejection>;
}

impl FromData for NoContext {
    fn get(_: &Request) -> Result<&(), Rejection> {
        Ok(&())
    }
}

impl<C: Send + Sync + 'static> FromData for Given<C> {
    fn get(req: &Request) -> Result<&C, Rejection> {
        req.data::<C>().ok_or(web::Rejection::MissingContext {
            context: std::any::type_name::<C>(),
        })
    }
}

/// What the extractors extract: a `T` that deserializes and whose context, if any, poem's
/// request data holds (not a public API).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be extracted by these extractors",
    note = "it derives `Deserialize` and `Validate`, and a context it declares is added with `.data(..)`"
)]
pub trait Extract: DeserializeOwned + ValidateWith + Send + Sync {
    /// Normalizes the value and checks every rule with the context of `req`.
    fn finish(self, req: &Request) -> impl Future<Output = Result<Self, Rejection>> + Send;
}

impl<T> Extract for T
where
    T: DeserializeOwned + ValidateWith + Send + Sync,
    T::__Lookup: FromData,
{
    async fn finish(mut self, req: &Request) -> Result<Self, Rejection> {
        let ctx = <T::__Lookup as FromData>::get(req)?;
        self.__finish(ctx).await.map_err(Rejection::Invalid)?;
        Ok(self)
    }
}

/// The body, at most [`BODY_LIMIT`] bytes; a larger announced length is refused unread.
async fn read_body(req: &Request, body: &mut RequestBody) -> Result<Vec<u8>, Rejection> {
    let announced = req
        .header(header::CONTENT_LENGTH)
        .and_then(|value| value.parse::<u64>().ok());
    if announced.is_some_and(|length| length > BODY_LIMIT as u64) {
        return Err(web::Rejection::TooLarge {
            limit: BODY_LIMIT as u64,
        });
    }
    let body = body.take().map_err(web::Rejection::Body)?;
    let bytes = body
        .into_bytes_limit(BODY_LIMIT)
        .await
        .map_err(web::Rejection::Body)?;
    Ok(bytes.to_vec())
}

fn has_content_type(req: &Request, accepts: fn(&str) -> bool) -> bool {
    let content_type = req.headers().get(header::CONTENT_TYPE);
    request::content_type_is(content_type.map(|value| value.as_bytes()), accepts)
}

/// `extracted`, logged if refused, in the client's language when the endpoint has
/// `Catalogs` in its data (`.data(catalogs)`), as poem's result.
fn answer<T>(req: &Request, extracted: Result<T, Rejection>) -> ::poem::Result<T> {
    #[cfg(feature = "tracing")]
    if let Err(rejection) = &extracted {
        rejection.log(req.method().as_str(), req.uri().path());
    }
    #[cfg(feature = "i18n")]
    let extracted = extracted.map_err(|rejection| {
        let accept = req.headers().get(header::ACCEPT_LANGUAGE);
        rejection.localized(
            req.data::<crate::i18n::Catalogs>(),
            accept.map(|value| value.as_bytes()),
        )
    });
    #[cfg(not(any(feature = "tracing", feature = "i18n")))]
    let _ = req;
    extracted.map_err(::poem::Error::from)
}

impl<'a, T: Extract> FromRequest<'a> for ValidJson<T> {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> ::poem::Result<Self> {
        let extracted = async {
            if !has_content_type(req, request::is_json_content_type) {
                return Err(web::Rejection::UnsupportedMediaType {
                    expected: request::JSON,
                });
            }
            let bytes = read_body(req, body).await?;
            let value = de::json_value::<T>(&bytes)?;
            value.finish(req).await.map(ValidJson)
        }
        .await;
        answer(req, extracted)
    }
}

impl<'a, T: Extract> FromRequest<'a> for ValidQuery<T> {
    async fn from_request(req: &'a Request, _: &mut RequestBody) -> ::poem::Result<Self> {
        let query = req.uri().query().unwrap_or_default();
        let extracted = match de::form_value::<T>(query.as_bytes()) {
            Ok(value) => value.finish(req).await.map(ValidQuery),
            Err(report) => Err(web::Rejection::Invalid(report)),
        };
        answer(req, extracted)
    }
}

/// The route's parameters in order, as poem's path deserializer gives them as a map.
struct Params(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Params {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> serde::de::Visitor<'de> for InOrder {
            type Value = Params;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("path parameters")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Params, M::Error> {
                let mut params = Vec::new();
                while let Some(pair) = map.next_entry::<String, String>()? {
                    params.push(pair);
                }
                Ok(Params(params))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

impl<'a, T: Extract> FromRequest<'a> for ValidPath<T> {
    async fn from_request(req: &'a Request, _: &mut RequestBody) -> ::poem::Result<Self> {
        let Ok(Params(params)) = req.path_params::<Params>() else {
            // A parameter that is not UTF-8 once percent-decoded: the client's, and not shown.
            let mut report = crate::Report::new();
            report.push(
                crate::Path::root(),
                crate::Error::new("invalid_value").with_message("must be UTF-8 text"),
                None,
            );
            return answer(req, Err(web::Rejection::Invalid(report)));
        };
        let params: Vec<(&str, &str)> = params
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let extracted = if params.is_empty() {
            Err(web::Rejection::MissingPathParameters)
        } else {
            match de::path_value::<T>(&params) {
                Ok(value) => match value.finish(req).await {
                    Err(web::Rejection::Invalid(report)) => Err(web::Rejection::Invalid(
                        de::at_parameter(report, de::only_parameter(&params)),
                    )),
                    other => other.map(ValidPath),
                },
                Err(report) => Err(web::Rejection::Invalid(report)),
            }
        };
        answer(req, extracted)
    }
}

impl<'a, T: Extract> FromRequest<'a> for ValidForm<T> {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> ::poem::Result<Self> {
        let extracted = async {
            let value = if req.method() == Method::GET || req.method() == Method::HEAD {
                let query = req.uri().query().unwrap_or_default();
                de::form_value::<T>(query.as_bytes())?
            } else {
                if !has_content_type(req, request::is_form_content_type) {
                    return Err(web::Rejection::UnsupportedMediaType {
                        expected: request::FORM,
                    });
                }
                let bytes = read_body(req, body).await?;
                de::form_value::<T>(&bytes)?
            };
            value.finish(req).await.map(ValidForm)
        }
        .await;
        answer(req, extracted)
    }
}
