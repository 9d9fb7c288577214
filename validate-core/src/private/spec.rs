//! The rules of a derived type as data, for the schema integrations (`validate_core::schemars`,
//! `validate_core::utoipa`): where each field is on the wire, its normalizers, and the rules a
//! JSON Schema can state. The derive emits one `Described::SPEC` constant per type; a constant is
//! evaluated only where a schema is built, so a build without the integrations pays for type
//! checking only.

use crate::__private::Regex;

/// The rules of `Self` as data. Implemented by `#[derive(Validate)]`.
pub trait Described {
    /// The type's fields and their rules.
    const SPEC: Spec;
}

/// A derived type: its fields, or its variants under serde's enum representation.
pub enum Spec {
    /// A struct: named fields in `properties`, tuple fields in `prefixItems`, a newtype's field
    /// as the schema itself.
    Fields(&'static [Field]),
    /// An enum.
    Variants(Repr, &'static [Variant]),
}

/// serde's enum representations.
pub enum Repr {
    /// `{"Variant": content}`.
    External,
    /// `{"tag": "Variant", ..fields}`.
    Internal(&'static str),
    /// `{"tag": "Variant", "content": content}`.
    Adjacent(&'static str, &'static str),
    /// The content alone; the variant is the schema's `anyOf` entry of its index.
    Untagged,
}

/// One variant: its wire name and its fields, relative to its content.
pub struct Variant {
    /// The wire name.
    pub name: &'static str,
    /// Its index among the variants serde deserializes (for untagged enums).
    pub index: usize,
    /// `#[serde(untagged)]` on the variant itself.
    pub untagged: bool,
    /// The fields.
    pub fields: &'static [Field],
}

/// One field with rules or normalizers.
pub struct Field {
    /// Where it is in its container's schema.
    pub key: Key,
    /// `Option<T>`: `None` passes every rule but `required`.
    pub optional: bool,
    /// Its normalizers and rules.
    pub value: Value,
}

/// Where a field is in its container's schema.
pub enum Key {
    /// `properties[name]`: the deserialize name, then the serialize name.
    Name(&'static str, &'static str),
    /// `prefixItems[i]` of a tuple struct or variant.
    Index(usize),
    /// The schema itself: a newtype's field.
    Whole,
}

/// A value's normalizers (their names, in order) and rules.
pub struct Value {
    /// The normalizers that run on the value itself, in order.
    pub normalizers: &'static [&'static str],
    /// The rules.
    pub rules: &'static [Rule],
}

/// A rule a JSON Schema can state, in whole or as an annotation.
pub enum Rule {
    /// `length`: code points, items or entries; `bytes` lengths cannot be stated.
    Length {
        /// The minimum.
        min: Option<u64>,
        /// The maximum.
        max: Option<u64>,
        /// `length(bytes, ..)`.
        bytes: bool,
    },
    /// `range`.
    Range {
        /// `min`.
        min: Option<Number>,
        /// `max`.
        max: Option<Number>,
        /// `exclusive_min`.
        exclusive_min: Option<Number>,
        /// `exclusive_max`.
        exclusive_max: Option<Number>,
    },
    /// A full-match pattern in Rust regex syntax: `pattern = ".."`, `chars(..)`, `ascii`,
    /// `alphanumeric`.
    Matches(&'static str),
    /// `pattern(path = STATIC)`.
    MatchesOf(fn() -> &'static Regex),
    /// `contains = ".."`.
    Contains(&'static str),
    /// `not_contains = ".."`.
    NotContains(&'static str),
    /// `prefix = ".."`.
    Prefix(&'static str),
    /// `suffix = ".."`.
    Suffix(&'static str),
    /// `no_control`.
    NoControl,
    /// `email`.
    Email {
        /// `email(international)`.
        international: bool,
    },
    /// `url`: the schemes it accepts, lowercase.
    Url(&'static [&'static str]),
    /// `hostname`.
    Hostname,
    /// `ip`.
    Ip,
    /// `ipv4`.
    Ipv4,
    /// `ipv6`.
    Ipv6,
    /// `uuid`.
    Uuid,
    /// `one_of(..)`.
    OneOf(&'static [Literal]),
    /// `none_of(..)`.
    NoneOf(&'static [Literal]),
    /// `required`.
    Required,
    /// `each(..)`, with the `each(..)` normalizers.
    Each(Value),
    /// `keys(..)`.
    Keys(Value),
}

/// A number in a rule.
#[derive(Clone, Copy)]
pub enum Number {
    /// An integer that fits `i64`.
    Int(i64),
    /// An integer above `i64::MAX`.
    Uint(u64),
    /// Any other number.
    Float(f64),
}

/// A literal of `one_of(..)` or `none_of(..)`.
pub enum Literal {
    /// A string.
    Str(&'static str),
    /// A number.
    Number(Number),
}
