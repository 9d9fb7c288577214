//! The rules of a derived type written into the JSON Schema a generator made for it: what
//! [`schemars`](crate::schemars) and [`utoipa`](crate::utoipa) share. The schema is JSON
//! (`serde_json`), whichever crate made it.
//!
//! The schema never claims more than the server checks. A value with normalizers keeps only the
//! rules they cannot change (`required`), lists the normalizers in `x-normalize`, and states
//! its other rules in `x-after-normalize`, an annotation a validator does not assert: they hold
//! for the normalized value, which the serialize contract describes (`lift`).

mod ecma;

use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use crate::__private::spec::{Field, Key, Literal, Number, Repr, Rule, Spec, Value, Variant};

/// The keyword that lists a value's normalizers, in order.
pub const NORMALIZE: &str = "x-normalize";
/// The keyword that holds the rules of a value with normalizers: they hold after normalizing.
pub const AFTER_NORMALIZE: &str = "x-after-normalize";

/// Writes the rules of `spec` into `schema`, the schema of the type `spec` describes.
pub fn apply(spec: &Spec, root: &mut Map<String, Json>) {
    match spec {
        Spec::Fields(fields) => fields_in(root, fields),
        Spec::Variants(repr, variants) => {
            for variant in variants.iter() {
                if let Some(content) = variant_content(root, repr, variant) {
                    fields_in(content, variant.fields);
                }
            }
        }
    }
}

/// The schema of a variant's content in the enum's schema.
fn variant_content<'s>(
    root: &'s mut Map<String, Json>,
    repr: &Repr,
    variant: &Variant,
) -> Option<&'s mut Map<String, Json>> {
    let alternatives = ["oneOf", "anyOf"]
        .into_iter()
        .find(|k| root.get(*k).is_some_and(Json::is_array))?;
    let entries = root.get_mut(alternatives)?.as_array_mut()?;
    let tagged = |entry: &Json, tag: &str| {
        let tag = &entry["properties"][tag];
        tag["const"] == variant.name || tag["enum"] == Json::from(vec![variant.name])
    };
    let entry = match repr {
        _ if variant.untagged && !matches!(repr, Repr::Untagged) => return None,
        Repr::External => entries.iter_mut().find(|entry| {
            entry["required"] == Json::from(vec![variant.name])
                && entry["properties"].get(variant.name).is_some()
        })?,
        Repr::Internal(tag) | Repr::Adjacent(tag, _) => {
            entries.iter_mut().find(|entry| tagged(entry, tag))?
        }
        Repr::Untagged => entries.get_mut(variant.index)?,
    };
    let content = match repr {
        Repr::External => entry.get_mut("properties")?.get_mut(variant.name)?,
        Repr::Adjacent(_, content) => entry.get_mut("properties")?.get_mut(*content)?,
        Repr::Internal(_) | Repr::Untagged => entry,
    };
    content.as_object_mut()
}

fn fields_in(container: &mut Map<String, Json>, fields: &[Field]) {
    for field in fields {
        let schema = match &field.key {
            Key::Whole => Some(&mut *container),
            Key::Name(de, ser) => {
                let has = |name: &str| {
                    container
                        .get("properties")
                        .is_some_and(|p| p.get(name).is_some())
                };
                let Some(name) = [*de, *ser].into_iter().find(|name| has(name)) else {
                    continue;
                };
                if field
                    .value
                    .rules
                    .iter()
                    .any(|r| matches!(r, Rule::Required))
                {
                    require(container, name);
                }
                container
                    .get_mut("properties")
                    .and_then(|p| p.get_mut(name))
                    .and_then(object)
            }
            Key::Index(i) => {
                let items = if container.contains_key("prefixItems") {
                    "prefixItems"
                } else {
                    "items"
                };
                container
                    .get_mut(items)
                    .and_then(|items| items.get_mut(*i))
                    .and_then(object)
            }
        };
        if let Some(schema) = schema {
            apply_value(schema, &field.value, field.optional, false);
        }
    }
}

/// `schema` as an object, a `true` schema made `{}` first.
fn object(schema: &mut Json) -> Option<&mut Map<String, Json>> {
    if *schema == Json::Bool(true) {
        *schema = Json::Object(Map::new());
    }
    schema.as_object_mut()
}

fn require(container: &mut Map<String, Json>, name: &str) {
    let required = container
        .entry("required")
        .or_insert_with(|| Json::Array(Vec::new()));
    if let Some(list) = required.as_array_mut()
        && !list.iter().any(|n| n == name)
    {
        list.push(name.into());
    }
}

/// Writes `value`'s rules into `schema`; `withheld`: an enclosing value has normalizers.
fn apply_value(schema: &mut Map<String, Json>, value: &Value, optional: bool, withheld: bool) {
    let withheld = withheld || !value.normalizers.is_empty();
    if !value.normalizers.is_empty() {
        schema.insert(NORMALIZE.into(), Json::from(value.normalizers.to_vec()));
    }
    let types = Types::of(schema);
    let mut after = Map::new();
    for rule in value.rules {
        match rule {
            Rule::Each(inner) => {
                for element in elements(schema) {
                    apply_value(element, inner, false, withheld);
                }
            }
            Rule::Keys(inner) => {
                let names = schema
                    .entry("propertyNames")
                    .or_insert_with(|| serde_json::json!({ "type": "string" }));
                if let Some(names) = object(names) {
                    apply_value(names, inner, false, withheld);
                }
            }
            Rule::Required => not_null(schema),
            rule => {
                unsay(schema, rule);
                state(
                    if withheld { &mut after } else { schema },
                    rule,
                    types,
                    optional,
                );
            }
        }
    }
    if !after.is_empty() {
        schema.insert(AFTER_NORMALIZE.into(), Json::Object(after));
    }
}

/// The element schemas of an array (`items`, `prefixItems`) or a map (`additionalProperties`).
fn elements(schema: &mut Map<String, Json>) -> Vec<&mut Map<String, Json>> {
    let mut out = Vec::new();
    for (key, sub) in schema.iter_mut() {
        match (key.as_str(), sub) {
            ("items" | "additionalProperties", sub @ Json::Object(_)) => {
                out.extend(sub.as_object_mut());
            }
            ("prefixItems" | "items", Json::Array(subs)) => {
                out.extend(subs.iter_mut().filter_map(Json::as_object_mut));
            }
            _ => {}
        }
    }
    out
}

/// The JSON types a schema admits, where it says (`None`: any, e.g. a `$ref`).
#[derive(Clone, Copy)]
struct Types {
    string: bool,
    array: bool,
    object: bool,
}

impl Types {
    fn of(schema: &Map<String, Json>) -> Self {
        let has = |t: &str| match schema.get("type") {
            None => true,
            Some(Json::String(s)) => s == t,
            Some(Json::Array(list)) => list.iter().any(|s| s == t),
            Some(_) => true,
        };
        Types {
            string: has("string"),
            array: has("array"),
            object: has("object"),
        }
    }
}

/// Removes what a generator guessed from the rule's attribute, which it read without knowing
/// the normalizers (schemars reads `#[validate(length, range, email, url, ip, ..)]`).
fn unsay(schema: &mut Map<String, Json>, rule: &Rule) {
    let keys: &[&str] = match rule {
        Rule::Length { min, max, .. } => match (min.is_some(), max.is_some()) {
            (true, true) => &["minLength", "minItems", "maxLength", "maxItems"],
            (true, false) => &["minLength", "minItems"],
            (false, _) => &["maxLength", "maxItems"],
        },
        Rule::Range { min, max, .. } => match (min.is_some(), max.is_some()) {
            (true, true) => &["minimum", "maximum"],
            (true, false) => &["minimum"],
            (false, true) => &["maximum"],
            (false, false) => &[],
        },
        Rule::Contains(_) => &["pattern"],
        Rule::Email { .. } | Rule::Url(_) | Rule::Ip | Rule::Ipv4 | Rule::Ipv6 => &["format"],
        _ => &[],
    };
    for key in keys {
        schema.remove(*key);
    }
}

/// Writes `rule` into `target`, a schema of `types`.
fn state(target: &mut Map<String, Json>, rule: &Rule, types: Types, optional: bool) {
    match rule {
        Rule::Length { bytes: true, .. } => {}
        Rule::Length { min, max, .. } => {
            let kinds = [
                (types.string, "Length"),
                (types.array, "Items"),
                (types.object, "Properties"),
            ];
            for (_, suffix) in kinds.into_iter().filter(|(applies, _)| *applies) {
                if let Some(min) = min {
                    target.insert(format!("min{suffix}"), (*min).into());
                }
                if let Some(max) = max {
                    target.insert(format!("max{suffix}"), (*max).into());
                }
            }
        }
        Rule::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => {
            let bounds = [
                ("minimum", min),
                ("maximum", max),
                ("exclusiveMinimum", exclusive_min),
                ("exclusiveMaximum", exclusive_max),
            ];
            for (key, bound) in bounds {
                if let Some(number) = bound.and_then(number) {
                    target.insert(key.into(), number);
                }
            }
        }
        Rule::Matches(pattern) => full_match(target, pattern),
        Rule::MatchesOf(regex) => full_match(target, regex().as_str()),
        Rule::Contains(s) => add(target, "pattern", ecma::literal(s).into()),
        Rule::NotContains(s) => {
            let mut refused = serde_json::json!({ "pattern": ecma::literal(s) });
            // `pattern` holds for `null`, and so `not` would refuse the `None` the rule skips.
            if optional {
                refused["type"] = "string".into();
            }
            add(target, "not", refused);
        }
        Rule::Prefix(s) => add(target, "pattern", format!("^{}", ecma::literal(s)).into()),
        Rule::Suffix(s) => add(target, "pattern", format!("{}$", ecma::literal(s)).into()),
        Rule::NoControl => add(target, "pattern", no_control().into()),
        Rule::Email { international } => {
            let format = if *international { "idn-email" } else { "email" };
            target.insert("format".into(), format.into());
        }
        Rule::Url(schemes) => {
            target.insert("format".into(), "uri".into());
            // Schemes compare ASCII-case-insensitively (`(?i)` would also admit `ſ` for `s`).
            let alternatives: Vec<String> = schemes
                .iter()
                .map(|scheme| {
                    let mut out = String::new();
                    for c in scheme.chars() {
                        if c.is_ascii_alphabetic() {
                            out.extend(['[', c.to_ascii_uppercase(), c.to_ascii_lowercase(), ']']);
                        } else {
                            out.push_str(&ecma::literal(&c.to_string()));
                        }
                    }
                    out
                })
                .collect();
            add(
                target,
                "pattern",
                format!("^(?:{}):", alternatives.join("|")).into(),
            );
        }
        Rule::Hostname => add(target, "format", "hostname".into()),
        Rule::Ipv4 => add(target, "format", "ipv4".into()),
        Rule::Ipv6 => add(target, "format", "ipv6".into()),
        Rule::Uuid => add(target, "format", "uuid".into()),
        Rule::Ip => {
            let either = ["ipv4", "ipv6"].map(|f| serde_json::json!({ "format": f }));
            add(target, "anyOf", Json::from(either.to_vec()));
        }
        Rule::OneOf(values) => {
            let mut values: Vec<Json> = values.iter().filter_map(literal).collect();
            if optional {
                values.push(Json::Null);
            }
            add(target, "enum", values.into());
        }
        Rule::NoneOf(values) => {
            let values: Vec<Json> = values.iter().filter_map(literal).collect();
            add(target, "not", serde_json::json!({ "enum": values }));
        }
        Rule::Required | Rule::Each(_) | Rule::Keys(_) => {}
    }
}

fn full_match(target: &mut Map<String, Json>, pattern: &str) {
    if let Some(pattern) = ecma::full_match(pattern) {
        add(target, "pattern", pattern.into());
    }
}

/// Sets `key`, or, when the schema has one already, adds `{key: value}` to its `allOf`.
fn add(target: &mut Map<String, Json>, key: &str, value: Json) {
    match target.get(key) {
        None => {
            target.insert(key.into(), value);
        }
        Some(existing) if *existing == value => {}
        Some(_) => {
            let all = target
                .entry("allOf")
                .or_insert_with(|| Json::Array(Vec::new()));
            if let Some(all) = all.as_array_mut() {
                let mut one = Map::new();
                one.insert(key.into(), value);
                all.push(Json::Object(one));
            }
        }
    }
}

/// Makes `schema` refuse `null`: `required` on an `Option`.
fn not_null(schema: &mut Map<String, Json>) {
    if let Some(Json::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            schema.insert("type".into(), only);
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Json::Array(alternatives)) = schema.get_mut(key) {
            alternatives.retain(|a| a["type"] != "null");
        }
    }
}

fn number(n: Number) -> Option<Json> {
    match n {
        Number::Int(i) => Some(i.into()),
        Number::Uint(u) => Some(u.into()),
        Number::Float(f) => serde_json::Number::from_f64(f).map(Json::Number),
    }
}

fn literal(l: &Literal) -> Option<Json> {
    match l {
        Literal::Str(s) => Some((*s).into()),
        Literal::Number(n) => number(*n),
    }
}

/// The pattern of `no_control`: no character `rules::no_control::is_forbidden` refuses, from
/// the same Unicode data.
fn no_control() -> &'static str {
    static PATTERN: OnceLock<String> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let mut ranges: Vec<(char, char)> = Vec::new();
        for c in ('\0'..=char::MAX).filter(|&c| crate::rules::no_control::is_forbidden(c)) {
            match ranges.last_mut() {
                Some((_, end)) if *end as u32 + 1 == c as u32 => *end = c,
                _ => ranges.push((c, c)),
            }
        }
        format!("^{}*$", ecma::class_without(&ranges))
    })
}

/// Writes each `x-after-normalize` of `schema` and its subschemas into the schema itself and
/// drops the `x-normalize` beside it: the schema of the normalized value (schemars's
/// serialize contract, a response).
#[cfg(feature = "schemars")]
pub fn lift(object: &mut Map<String, Json>) {
    object.remove(NORMALIZE);
    if let Some(Json::Object(after)) = object.remove(AFTER_NORMALIZE) {
        for (key, value) in after {
            add(object, &key, value);
        }
    }
    for (key, sub) in object.iter_mut() {
        match key.as_str() {
            "properties" | "patternProperties" | "$defs" | "definitions" => {
                if let Json::Object(map) = sub {
                    map.values_mut().for_each(lift_json);
                }
            }
            "items"
            | "additionalProperties"
            | "propertyNames"
            | "not"
            | "contains"
            | "if"
            | "then"
            | "else"
            | "unevaluatedItems"
            | "unevaluatedProperties" => lift_json(sub),
            "allOf" | "anyOf" | "oneOf" | "prefixItems" => {
                if let Json::Array(list) = sub {
                    list.iter_mut().for_each(lift_json);
                }
            }
            _ => {}
        }
    }
}

#[cfg(feature = "schemars")]
fn lift_json(schema: &mut Json) {
    if let Some(object) = schema.as_object_mut() {
        lift(object);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::__private::spec::{Field, Key, Repr, Rule, Spec, Value, Variant};

    const RULES: &[Rule] = &[
        Rule::Required,
        Rule::Length {
            min: Some(1),
            max: None,
            bytes: false,
        },
    ];
    const FIELDS: &[Field] = &[
        Field {
            key: Key::Name("a", "a"),
            optional: true,
            value: Value {
                normalizers: &[],
                rules: RULES,
            },
        },
        Field {
            key: Key::Index(3),
            optional: false,
            value: Value {
                normalizers: &["trim"],
                rules: RULES,
            },
        },
    ];
    const VARIANTS: &[Variant] = &[Variant {
        name: "V",
        index: 5,
        untagged: false,
        fields: FIELDS,
    }];

    /// A schema of another shape than the derive's (a generator's own, a hand-written one) is
    /// left as it is where the fields are not found, and never makes the transform panic.
    #[test]
    fn schemas_of_any_shape_are_safe() {
        let shapes = [
            json!({}),
            json!({"properties": true}),
            json!({"properties": {"a": true}, "required": "a"}),
            json!({"properties": {"a": 1}}),
            json!({"prefixItems": [true]}),
            json!({"items": {"type": "string"}}),
            json!({"oneOf": [true, {"properties": {"V": 1}, "required": ["V"]}]}),
            json!({"anyOf": [{"properties": {"t": {"const": "V"}, "c": null}}]}),
        ];
        let specs = [
            Spec::Fields(FIELDS),
            Spec::Variants(Repr::External, VARIANTS),
            Spec::Variants(Repr::Internal("t"), VARIANTS),
            Spec::Variants(Repr::Adjacent("t", "c"), VARIANTS),
            Spec::Variants(Repr::Untagged, VARIANTS),
        ];
        for shape in &shapes {
            for spec in &specs {
                let mut schema = shape.clone();
                if let Some(object) = schema.as_object_mut() {
                    apply(spec, object);
                }
            }
        }
        let mut found = json!({"properties": {"a": true}});
        apply(&specs[0], found.as_object_mut().unwrap());
        // Without a `type`, a length is stated for each kind of value it can count.
        let a = json!({"minLength": 1, "minItems": 1, "minProperties": 1});
        assert_eq!(found, json!({"properties": {"a": a}, "required": ["a"]}));
    }
}
