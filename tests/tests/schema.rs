//! The rules in the published contract: the schemas schemars and utoipa derive, with
//! `validate_core::schemars::constraints` and `validate_core::utoipa::constraints`, checked by the
//! `jsonschema` crate against what the server accepts.
//!
//! For every rule, a table of values: the request schema (the deserialize contract) accepts
//! every instance the server accepts; for fields without normalizers or formats the two verdicts
//! agree both ways. The serialize contract (with `Normalized`) states every rule and accepts every
//! normalized value the server produces.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use validate_core::{Valid, Validate};

#[derive(Debug, Deserialize, Serialize, JsonSchema, Validate)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schemars::constraints::<Request>)]
struct Request {
    #[validate(length(min = 3, max = 8))]
    user_name: String,
    #[validate(length(equal = 2))]
    code: String,
    #[serde(rename = "n")]
    #[validate(range(min = 1, max = 10))]
    count: i32,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
    ratio: f64,
    #[validate(pattern = "[a-z]+[0-9]?")]
    slug: String,
    #[validate(pattern = "a|ab")]
    alternation: String,
    #[validate(chars(ascii_lowercase, ascii_digit, "-_"))]
    handle: String,
    #[validate(ascii)]
    plain: String,
    #[validate(alphanumeric)]
    alnum: String,
    #[validate(no_control)]
    text: String,
    #[validate(one_of("red", "green"))]
    color: Option<String>,
    #[validate(none_of("admin", "root"))]
    role: String,
    #[validate(none_of(0))]
    divisor: i64,
    #[validate(contains(pattern = "@"), prefix = "<", suffix = ">")]
    bracketed: String,
    #[validate(contains(pattern = "a.b"))]
    dotted: String,
    #[validate(not_contains = "..", none_of("."))]
    folder: String,
    #[validate(not_contains("a.b"))]
    motto: Option<String>,
    #[validate(required)]
    nickname: Option<String>,
    #[validate(length(max = 3), each(length(min = 1, max = 4)))]
    tags: Vec<String>,
    #[validate(length(min = 1), keys(length(max = 3)), each(range(max = 5)))]
    scores: BTreeMap<String, u8>,
    #[validate(email)]
    email: String,
    #[validate(url(schemes("https")))]
    site: String,
    #[validate(hostname)]
    host: String,
    #[validate(ip)]
    addr: String,
    #[validate(ipv4)]
    addr4: String,
    #[validate(ipv6)]
    addr6: String,
    #[validate(uuid)]
    id: String,
    #[normalize(trim, lowercase)]
    #[validate(length(min = 2, max = 5), pattern = "[a-z]+")]
    normalized: String,
    #[normalize(each(trim))]
    #[validate(each(length(max = 3)))]
    trimmed: Vec<String>,
    #[validate(length(bytes, min = 2, max = 4))]
    bytes: String,
    #[serde(flatten)]
    #[validate(nested)]
    extra: Extra,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schemars::constraints::<Extra>)]
struct Extra {
    #[serde(rename = "extra_level")]
    #[validate(range(min = 0, max = 3))]
    level: u8,
}

fn base() -> Value {
    json!({
        "userName": "ada", "code": "ab", "n": 5, "ratio": 0.5, "slug": "abc1",
        "alternation": "ab", "handle": "a-1_", "plain": "x", "alnum": "A1", "text": "hi\n",
        "color": "red", "role": "user", "divisor": 2, "bracketed": "<a@b>", "dotted": "xa.by",
        "folder": "docs", "motto": "hi",
        "nickname": "Ada", "tags": ["a"], "scores": {"x": 1}, "email": "ada@example.com",
        "site": "https://example.com/", "host": "example.com", "addr": "192.0.2.1",
        "addr4": "192.0.2.1", "addr6": "2001:db8::1", "id": "67e55044-10b1-426f-9247-bb680e5fe0c8",
        "normalized": "abc", "trimmed": ["abc"], "bytes": "abc", "extra_level": 1
    })
}

/// Fields whose schema states their rules exactly: the verdicts agree both ways.
fn exact() -> Vec<(&'static str, Vec<Value>)> {
    vec![
        (
            "userName",
            vec![
                json!("ab"),
                json!("abc"),
                json!("abcdefgh"),
                json!("abcdefghi"),
                json!("ééé"),
                json!("👍👍"),
            ],
        ),
        (
            "code",
            vec![json!("a"), json!("ab"), json!("abc"), json!("é😀")],
        ),
        (
            "n",
            vec![json!(0), json!(1), json!(10), json!(11), json!(-3)],
        ),
        (
            "ratio",
            vec![
                json!(0.0),
                json!(0.001),
                json!(0.999),
                json!(1.0),
                json!(-1),
            ],
        ),
        (
            "slug",
            vec![
                json!("abc"),
                json!("abc1"),
                json!("abc12"),
                json!("1abc"),
                json!(""),
                json!("ab\n"),
                json!("ABC"),
            ],
        ),
        (
            "alternation",
            vec![
                json!("a"),
                json!("ab"),
                json!("abb"),
                json!("b"),
                json!("xab"),
            ],
        ),
        (
            "handle",
            vec![
                json!(""),
                json!("a-b_9"),
                json!("A"),
                json!("a b"),
                json!("a.b"),
                json!("é"),
            ],
        ),
        (
            "plain",
            vec![json!(""), json!("~\u{7f}"), json!("é"), json!("\u{80}")],
        ),
        (
            "alnum",
            vec![json!("aZ9"), json!("a-b"), json!("é"), json!("٣")],
        ),
        (
            "text",
            vec![
                json!("tab\tnewline\n"),
                json!("\u{202e}evil"),
                json!("zero\u{200b}width"),
                json!("\u{1}"),
                json!("\u{85}"),
                json!("plain é 😀"),
                json!("\u{e0041}"),
                json!("\u{3164}"),
            ],
        ),
        (
            "color",
            vec![
                json!("red"),
                json!("green"),
                json!("blue"),
                json!(null),
                json!("Red"),
            ],
        ),
        (
            "role",
            vec![json!("admin"), json!("root"), json!("user"), json!("Admin")],
        ),
        ("divisor", vec![json!(0), json!(1), json!(-1)]),
        (
            "bracketed",
            vec![
                json!("<@>"),
                json!("<a>"),
                json!("a@b>"),
                json!("<a@b"),
                json!("<<@>>"),
            ],
        ),
        ("dotted", vec![json!("a.b"), json!("axb"), json!("za.bz")]),
        (
            "folder",
            vec![
                json!("a.b"),
                json!(".."),
                json!("a/../b"),
                json!("."),
                json!("a..."),
            ],
        ),
        (
            "motto",
            vec![json!("a.b"), json!("axb"), json!("za.bz"), json!(null)],
        ),
        ("nickname", vec![json!("x"), json!(null)]),
        (
            "tags",
            vec![
                json!([]),
                json!(["a", "abcd"]),
                json!(["a", "b", "c", "d"]),
                json!([""]),
                json!(["abcde"]),
            ],
        ),
        (
            "scores",
            vec![
                json!({}),
                json!({"abc": 5}),
                json!({"abcd": 1}),
                json!({"a": 6}),
            ],
        ),
        ("extra_level", vec![json!(0), json!(3), json!(4)]),
    ]
}

/// Fields with formats or normalizers, or rules a schema cannot state: the schema accepts all
/// the server accepts, and may accept more.
fn one_way() -> Vec<(&'static str, Vec<Value>)> {
    vec![
        (
            "email",
            vec![
                json!("ada@example.com"),
                json!("a.b+c@sub.example.org"),
                json!("not-an-email"),
                json!("ada@localhost"),
                json!("\"q\"@example.com"),
            ],
        ),
        (
            "site",
            vec![
                json!("https://example.com/a?b#c"),
                json!("HTTPS://EXAMPLE.COM/"),
                json!("http://example.com/"),
                json!("javascript:alert(1)"),
                json!("https://[2001:db8::1]:8443/"),
            ],
        ),
        (
            "host",
            vec![
                json!("example.com"),
                json!("a-b.example"),
                json!("xn--bcher-kva.example"),
                json!("-bad.example"),
                json!("a..b"),
            ],
        ),
        (
            "addr",
            vec![
                json!("192.0.2.1"),
                json!("2001:db8::1"),
                json!("192.0.2.01"),
                json!("::ffff:192.0.2.1"),
                json!("x"),
            ],
        ),
        (
            "addr4",
            vec![json!("192.0.2.1"), json!("256.0.0.1"), json!("01.2.3.4")],
        ),
        (
            "addr6",
            vec![
                json!("::1"),
                json!("2001:db8::1"),
                json!("1::2::3"),
                json!("192.0.2.1"),
            ],
        ),
        (
            "id",
            vec![
                json!("67e55044-10b1-426f-9247-bb680e5fe0c8"),
                json!("67E55044-10B1-426F-9247-BB680E5FE0C8"),
                json!("67e55044"),
                json!("{67e55044-10b1-426f-9247-bb680e5fe0c8}"),
            ],
        ),
        (
            "normalized",
            vec![
                json!("  ABC  "),
                json!("abcdef"),
                json!("  abcde "),
                json!("a"),
                json!(" a1 "),
            ],
        ),
        (
            "trimmed",
            vec![json!(["  abc  "]), json!(["abcd"]), json!([" ab "])],
        ),
        (
            "bytes",
            vec![
                json!("ab"),
                json!("é"),
                json!("éé"),
                json!("ééé"),
                json!("a"),
            ],
        ),
    ]
}

fn instance(field: &str, value: &Value) -> Value {
    let mut instance = base();
    instance[field] = value.clone();
    instance
}

fn accepted(instance: &Value) -> bool {
    serde_json::from_value::<Valid<Request>>(instance.clone()).is_ok()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

fn request_schema() -> Value {
    schemars::schema_for!(Request).to_value()
}

fn response_schema() -> Value {
    let settings = schemars::generate::SchemaSettings::default()
        .for_serialize()
        .with_transform(validate_core::schemars::Normalized);
    settings
        .into_generator()
        .into_root_schema_for::<Request>()
        .to_value()
}

#[test]
fn the_base_instance_is_accepted_by_server_and_schemas() {
    assert!(accepted(&base()));
    assert!(validator(&request_schema()).is_valid(&base()));
}

#[test]
fn exact_rules_agree_both_ways() {
    let schema = validator(&request_schema());
    let mut rejected = 0;
    for (field, values) in exact() {
        for value in &values {
            let instance = instance(field, value);
            let server = accepted(&instance);
            assert_eq!(
                schema.is_valid(&instance),
                server,
                "{field} = {value}: server {}",
                if server { "accepts" } else { "refuses" }
            );
            rejected += usize::from(!server);
        }
    }
    assert!(
        rejected >= 30,
        "the tables must hold values both ways ({rejected} refused)"
    );
}

#[test]
fn the_request_schema_accepts_everything_the_server_accepts() {
    let schema = validator(&request_schema());
    let mut accepted_count = 0;
    for (field, values) in exact().into_iter().chain(one_way()) {
        for value in &values {
            let instance = instance(field, value);
            if accepted(&instance) {
                accepted_count += 1;
                assert!(
                    schema.is_valid(&instance),
                    "{field} = {value}: server accepts, schema refuses"
                );
            }
        }
    }
    assert!(accepted_count >= 40);
}

#[test]
fn a_missing_required_field_is_refused_by_both() {
    let mut instance = base();
    instance.as_object_mut().unwrap().remove("nickname");
    assert!(!accepted(&instance));
    assert!(!validator(&request_schema()).is_valid(&instance));
    // `color` (an `Option` with a rule, not `required`) may be left out.
    let mut instance = base();
    instance.as_object_mut().unwrap().remove("color");
    assert!(accepted(&instance));
    assert!(validator(&request_schema()).is_valid(&instance));
}

#[test]
fn normalized_values_state_their_rules_as_annotations_only() {
    let schema = request_schema();
    let normalized = &schema["properties"]["normalized"];
    assert_eq!(normalized["x-normalize"], json!(["trim", "lowercase"]));
    assert_eq!(normalized["x-after-normalize"]["maxLength"], 5);
    assert_eq!(normalized["x-after-normalize"]["pattern"], "^(?:[a-z]+)$");
    for keyword in ["maxLength", "minLength", "pattern"] {
        assert!(
            normalized.get(keyword).is_none(),
            "{keyword} would refuse padded input"
        );
    }
    let element = &schema["properties"]["trimmed"]["items"];
    assert_eq!(element["x-normalize"], json!(["trim"]));
    assert!(element.get("maxLength").is_none());
    // A byte length cannot be said in code points: schemars's guess is taken back.
    let bytes = &schema["properties"]["bytes"];
    assert!(bytes.get("minLength").is_none() && bytes.get("maxLength").is_none());
}

#[test]
fn the_serialize_contract_states_every_rule_and_accepts_normalized_values() {
    let schema = response_schema();
    let normalized = &schema["properties"]["normalized"];
    assert_eq!(normalized["maxLength"], 5);
    assert_eq!(normalized["pattern"], "^(?:[a-z]+)$");
    assert!(
        normalized.get("x-normalize").is_none() && normalized.get("x-after-normalize").is_none()
    );
    assert_eq!(schema["properties"]["trimmed"]["items"]["maxLength"], 3);

    let response = validator(&schema);
    let mut checked = 0;
    for (field, values) in exact().into_iter().chain(one_way()) {
        for value in &values {
            if let Ok(valid) = serde_json::from_value::<Valid<Request>>(instance(field, value)) {
                let output = serde_json::to_value(&*valid).unwrap();
                assert!(
                    response.is_valid(&output),
                    "{field} = {value}: normalized output refused"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 40);
    // A value the server would normalize first is not a normalized value.
    assert!(!response.is_valid(&instance("normalized", &json!("  ABC  "))));
}

#[test]
fn rules_sit_at_the_wire_names() {
    let schema = request_schema();
    assert_eq!(schema["properties"]["userName"]["maxLength"], 8);
    assert_eq!(schema["properties"]["n"]["maximum"], 10);
    // Flattened: the field's own type states it, under its own rename.
    assert_eq!(schema["properties"]["extra_level"]["maximum"], 3);
    assert_eq!(
        schema["properties"]["scores"]["propertyNames"]["maxLength"],
        3
    );
    assert_eq!(
        schema["properties"]["scores"]["additionalProperties"]["maximum"],
        5
    );
    assert_eq!(schema["properties"]["scores"]["minProperties"], 1);
    assert_eq!(schema["properties"]["site"]["format"], "uri");
    assert_eq!(
        schema["properties"]["site"]["pattern"],
        "^(?:[Hh][Tt][Tt][Pp][Ss]):"
    );
}

// Enums under serde's four representations, and a struct with both names.

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(rename_all = "snake_case")]
#[schemars(transform = validate_core::schemars::constraints::<External>)]
enum External {
    Unit,
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
    Code(#[validate(pattern = "[0-9]{2}")] String),
    Pair(
        #[validate(range(max = 9))] u8,
        #[validate(length(min = 1))] String,
    ),
}

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(tag = "kind")]
#[schemars(transform = validate_core::schemars::constraints::<Internal>)]
enum Internal {
    Unit,
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
}

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(tag = "t", content = "c")]
#[schemars(transform = validate_core::schemars::constraints::<Adjacent>)]
enum Adjacent {
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
    Code(#[validate(pattern = "[0-9]{2}")] String),
}

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(untagged)]
#[schemars(transform = validate_core::schemars::constraints::<Untagged>)]
enum Untagged {
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
    Code(#[validate(range(min = 10, max = 99))] u32),
}

#[derive(Deserialize, Serialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schemars::constraints::<Renamed>)]
struct Renamed {
    #[serde(rename(deserialize = "inName", serialize = "outName"))]
    #[validate(length(max = 3))]
    name: String,
}

fn agree<T: for<'de> Deserialize<'de> + Validate>(schema: &Value, cases: &[Value]) -> usize {
    let schema = validator(schema);
    let mut refused = 0;
    for case in cases {
        let server = serde_json::from_value::<Valid<T>>(case.clone()).is_ok();
        assert_eq!(schema.is_valid(case), server, "{case}");
        refused += usize::from(!server);
    }
    refused
}

#[test]
fn enum_representations_carry_their_variants_rules() {
    let external = schemars::schema_for!(External).to_value();
    let refused = agree::<External>(
        &external,
        &[
            json!("unit"),
            json!({"named": {"name": "abc"}}),
            json!({"named": {"name": "abcd"}}),
            json!({"code": "12"}),
            json!({"code": "123"}),
            json!({"pair": [9, "x"]}),
            json!({"pair": [10, "x"]}),
            json!({"pair": [1, ""]}),
        ],
    );
    assert_eq!(refused, 4);
    let internal = schemars::schema_for!(Internal).to_value();
    let refused = agree::<Internal>(
        &internal,
        &[
            json!({"kind": "Unit"}),
            json!({"kind": "Named", "name": "abc"}),
            json!({"kind": "Named", "name": "abcd"}),
        ],
    );
    assert_eq!(refused, 1);
    let adjacent = schemars::schema_for!(Adjacent).to_value();
    let refused = agree::<Adjacent>(
        &adjacent,
        &[
            json!({"t": "Named", "c": {"name": "abc"}}),
            json!({"t": "Named", "c": {"name": "abcd"}}),
            json!({"t": "Code", "c": "12"}),
            json!({"t": "Code", "c": "1"}),
        ],
    );
    assert_eq!(refused, 2);
    let untagged = schemars::schema_for!(Untagged).to_value();
    let refused = agree::<Untagged>(
        &untagged,
        &[
            json!({"name": "abc"}),
            json!({"name": "abcd"}),
            json!(10),
            json!(100),
        ],
    );
    assert_eq!(refused, 2);
}

#[test]
fn both_names_of_a_renamed_field_are_found() {
    let request = schemars::schema_for!(Renamed).to_value();
    assert_eq!(request["properties"]["inName"]["maxLength"], 3);
    let response = schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Renamed>()
        .to_value();
    assert_eq!(response["properties"]["outName"]["maxLength"], 3);
}

// utoipa: the same rules in the OpenAPI document.

#[derive(Deserialize, utoipa::ToSchema, Validate)]
#[serde(rename_all = "camelCase")]
struct Comment {
    #[normalize(trim)]
    #[validate(length(min = 1, max = 20))]
    body: String,
    #[validate(range(min = 1, max = 5))]
    star_count: u8,
    #[validate(none_of("spam"), pattern = "[a-z]+")]
    topic: String,
    #[validate(nested)]
    author: Author,
}

#[derive(Deserialize, utoipa::ToSchema, Validate)]
struct Author {
    #[validate(email)]
    email: String,
}

#[derive(utoipa::OpenApi)]
#[openapi(components(schemas(Comment, Author)))]
struct Api;

#[test]
fn utoipa_documents_carry_the_rules() {
    use utoipa::OpenApi;
    let mut document = serde_json::to_value(Api::openapi()).unwrap();
    validate_core::utoipa::constraints::<Comment>(&mut document);
    validate_core::utoipa::constraints::<Author>(&mut document);
    let comment = &document["components"]["schemas"]["Comment"];
    assert_eq!(comment["properties"]["starCount"]["maximum"], 5);
    assert_eq!(
        comment["properties"]["body"]["x-normalize"],
        json!(["trim"])
    );
    assert_eq!(
        document["components"]["schemas"]["Author"]["properties"]["email"]["format"],
        "email"
    );

    // The component, with the document's other components for its `$ref`s, as a JSON Schema.
    let schema = json!({
        "$ref": "#/components/schemas/Comment",
        "components": document["components"].clone(),
    });
    let good = json!({"body": " fine ", "starCount": 3, "topic": "rust", "author": {"email": "a@example.com"}});
    let cases = [
        (good.clone(), true),
        (
            json!({"body": "x", "starCount": 6, "topic": "rust", "author": {"email": "a@example.com"}}),
            false,
        ),
        (
            json!({"body": "x", "starCount": 1, "topic": "spam", "author": {"email": "a@example.com"}}),
            false,
        ),
        (
            json!({"body": "x", "starCount": 1, "topic": "Rust", "author": {"email": "a@example.com"}}),
            false,
        ),
        (
            json!({"body": "x", "starCount": 1, "topic": "rust", "author": {"email": "nope"}}),
            false,
        ),
    ];
    let schema = validator(&schema);
    for (case, server) in cases {
        assert_eq!(
            serde_json::from_value::<Valid<Comment>>(case.clone()).is_ok(),
            server,
            "{case}"
        );
        assert_eq!(schema.is_valid(&case), server, "{case}");
    }
}

#[test]
fn not_contains_is_stated_as_a_refused_pattern() {
    let schema = request_schema();
    let folder = &schema["properties"]["folder"];
    assert_eq!(folder["not"], json!({ "pattern": "\\.\\." }));
    assert_eq!(folder["allOf"], json!([{ "not": { "enum": ["."] } }]));
    // `None` skips the rule: the refused pattern is about strings only, so `null` passes.
    let motto = &schema["properties"]["motto"];
    assert_eq!(
        motto["not"],
        json!({ "pattern": "a\\.b", "type": "string" })
    );
}
