//! The rules in the OpenAPI document that utoipa derives (feature `utoipa`, utoipa 6).
//!
//! utoipa does not read `#[validate(..)]`, and its typed schema model has no place for some of
//! the keywords the rules need (`not`, a `pattern` beside an `allOf`), so a `utoipa::Modify`
//! could not state them all. [`constraints::<T>`](constraints) works on the document as JSON
//! instead, after utoipa has built it: it writes the rules of `T` into
//! `components.schemas[T::name()]`, exactly as [`schemars`](crate::schemars) documents them
//! (OpenAPI 3.1 schemas are JSON Schema 2020-12), including `x-normalize` and
//! `x-after-normalize` for values with normalizers. Call it once for every type of the document
//! that derives `Validate`; a nested type's schema is a component of its own.
//!
//! ```
//! use serde::Deserialize;
//! use utoipa::{OpenApi, ToSchema};
//! use validate_core::Validate;
//!
//! #[derive(Deserialize, ToSchema, Validate)]
//! struct Comment {
//!     #[normalize(trim)]
//!     #[validate(length(min = 1, max = 500), no_control)]
//!     text: String,
//!     #[validate(range(min = 1, max = 5))]
//!     stars: u8,
//! }
//!
//! #[derive(OpenApi)]
//! #[openapi(components(schemas(Comment)))]
//! struct Api;
//!
//! let mut document = serde_json::to_value(Api::openapi()).unwrap();
//! validate_core::utoipa::constraints::<Comment>(&mut document);
//! let comment = &document["components"]["schemas"]["Comment"];
//! assert_eq!(comment["properties"]["stars"]["maximum"], 5);
//! assert_eq!(comment["properties"]["text"]["x-normalize"], serde_json::json!(["trim"]));
//! ```
//!
//! Serve the result (`axum::Json(document)`) at `/openapi.json`; the example
//! `examples/openapi.rs` does, for a whole service.

use serde_json::Value;
use utoipa::ToSchema;

pub use crate::__private::spec::Described;

/// Writes the rules of `T` into its schema in `document`, an OpenAPI document as JSON; a
/// document without that component is left as it is.
pub fn constraints<T: ToSchema + Described>(document: &mut Value) {
    let schema = document
        .get_mut("components")
        .and_then(|c| c.get_mut("schemas"))
        .and_then(|s| s.get_mut(T::name().as_ref()))
        .and_then(Value::as_object_mut);
    if let Some(schema) = schema {
        crate::schema::apply(&T::SPEC, schema);
    }
}
