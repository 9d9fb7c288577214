//! The rules in the JSON Schema that schemars derives (feature `schemars`, schemars 1.x).
//!
//! [`constraints::<T>`](constraints) is a schemars transform: put it on every type that derives
//! both `JsonSchema` and `Validate`, and its schema states the type's rules at the names the
//! client sends (serde's `rename`, `rename_all`, `flatten` and enum representations included).
//! A nested type states its own rules through its own transform, wherever its schema is used.
//!
//! ```
//! use schemars::JsonSchema;
//! use serde::Deserialize;
//! use validate_core::Validate;
//!
//! #[derive(Deserialize, JsonSchema, Validate)]
//! #[serde(rename_all = "camelCase")]
//! #[schemars(transform = validate_core::schemars::constraints::<Signup>)]
//! struct Signup {
//!     #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
//!     user_name: String,
//!     #[normalize(trim, lowercase)]
//!     #[validate(email)]
//!     email: String,
//!     #[validate(range(min = 13))]
//!     age: Option<u8>,
//! }
//!
//! let schema = schemars::schema_for!(Signup);
//! let user_name = &schema.as_value()["properties"]["userName"];
//! assert_eq!(user_name["minLength"], 3);
//! assert_eq!(user_name["pattern"], "^(?:[0-9_a-z]+)$");
//! // `email` is checked after `trim` and `lowercase`: the schema says so and claims no format
//! // a client's value must have before them.
//! let email = &schema.as_value()["properties"]["email"];
//! assert_eq!(email["x-normalize"], serde_json::json!(["trim", "lowercase"]));
//! assert_eq!(email["x-after-normalize"]["format"], "email");
//! assert!(email.get("format").is_none());
//! ```
//!
//! # What the schema says
//!
//! | rule | keywords |
//! | --- | --- |
//! | `length` | `minLength`/`maxLength` (code points, as the rule counts), `minItems`/`maxItems`, `minProperties`/`maxProperties`; `length(bytes, ..)` cannot be said and is left out |
//! | `range` | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` |
//! | `pattern`, `chars`, `ascii`, `alphanumeric`, `no_control` | `pattern`, anchored (`^(?:..)$`, since JSON Schema searches) |
//! | `contains`, `prefix`, `suffix` | `pattern` |
//! | `email`, `email(international)` | `format`: `email`, `idn-email` |
//! | `url` | `format: uri` and the scheme whitelist as a `pattern` |
//! | `hostname`, `ipv4`, `ipv6`, `uuid`; `ip` | `format`; `anyOf` the two address formats |
//! | `one_of`, `none_of` | `enum`, `not: {enum}` |
//! | `not_contains` | `not: {pattern}` (with `type: string` on an `Option`, so that `null` passes) |
//! | `required` | the name in the container's `required`, `null` refused |
//! | `each(..)`, `keys(..)` | the rules on `items` (and `prefixItems`) or `additionalProperties`, on `propertyNames` |
//!
//! Two rules that would take the same keyword (a `pattern` and a `prefix`) meet in `allOf`.
//! Patterns are translated from Rust's syntax to ECMA-262's, with the `u` flag that JSON Schema
//! 2020-12 asks for; a pattern that ECMA-262 cannot say with the same meaning (a Unicode `\b`,
//! multi-line anchors) is left out, never stated as something else. The email profile is stated
//! as a `format` only: its check of `xn--` labels (IDNA) has no exact regular expression, and a
//! looser pattern would state another rule. `must_match`, `custom`,
//! `async_custom`, `password` and `credit_card` (Luhn) have no keyword and are left out.
//!
//! # Never stricter than the server
//!
//! Rules run after normalization: `length(max = 20)` after `trim` accepts a padded value that
//! `maxLength: 20` would refuse. So a value with normalizers states no rule that normalizing
//! could change: `x-normalize` lists its normalizers, in order, and `x-after-normalize` holds
//! its rules, as an annotation that validators do not assert. (`required` is kept: normalizers
//! never make an absent value present.) This is the deserialize contract, what a client may
//! send, and schemars's default. For the serialize contract, which describes normalized
//! values (a response that returns them), add [`Normalized`] to the generator: it states the
//! rules of `x-after-normalize` in the schema itself.
//!
//! ```
//! # use schemars::JsonSchema;
//! # use serde::{Deserialize, Serialize};
//! # use validate_core::Validate;
//! #[derive(Deserialize, Serialize, JsonSchema, Validate)]
//! #[schemars(transform = validate_core::schemars::constraints::<Tag>)]
//! struct Tag {
//!     #[normalize(trim)]
//!     #[validate(length(min = 1, max = 20))]
//!     name: String,
//! }
//!
//! let settings = schemars::generate::SchemaSettings::default()
//!     .for_serialize()
//!     .with_transform(validate_core::schemars::Normalized);
//! let schema = settings.into_generator().into_root_schema_for::<Tag>();
//! assert_eq!(schema.as_value()["properties"]["name"]["maxLength"], 20);
//! ```
//!
//! # Beside schemars's derive
//!
//! schemars reads `#[validate(..)]` attributes itself (validator's spelling) before this
//! transform replaces what it guessed. Every rule spelling of this crate compiles beside
//! `#[derive(JsonSchema)]` except two that schemars's derive refuses: write `contains = ".."`
//! as `contains(pattern = "..")` (validator's spelling, the same rule here: a literal substring,
//! not a regex), and `required` takes no `message` or `code` beside schemars (schemars accepts
//! only the bare word; a custom `required` message needs a type without `JsonSchema`).

use schemars::Schema;
use schemars::transform::Transform;

pub use crate::__private::spec::Described;

/// Writes the rules of `T` into `schema`, the schema schemars derived for `T`:
/// `#[schemars(transform = validate_core::schemars::constraints::<T>)]`.
pub fn constraints<T: Described + ?Sized>(schema: &mut Schema) {
    if let Some(object) = schema.as_object_mut() {
        crate::schema::apply(&T::SPEC, object);
    }
}

/// A generator transform for the serialize contract: every schema states the rules its
/// normalized values meet (the `x-after-normalize` rules), and no `x-normalize`.
///
/// ```
/// let settings = schemars::generate::SchemaSettings::draft2020_12()
///     .for_serialize()
///     .with_transform(validate_core::schemars::Normalized);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Normalized;

impl Transform for Normalized {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(object) = schema.as_object_mut() {
            crate::schema::lift(object);
        }
    }
}
