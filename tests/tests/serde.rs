//! `Valid<T>` as a serde type (serde_json, serde_urlencoded, as a field), and
//! `validate_core::de`: deserialization failures become a `Report` at the wire-name path, with
//! serde's codes and messages that never carry the rejected value.
#![allow(
    dead_code,
    reason = "the request types exist to be deserialized; each test reads only some fields"
)]

use std::collections::BTreeMap;

use serde::Deserialize;
use validate_core::de::{self, Failure};
use validate_core::{Report, Valid, Validate};

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Address {
    #[normalize(trim)]
    #[validate(length(min = 1, max = 100))]
    street_name: String,
    #[validate(pattern = "[0-9]{5}")]
    zip_code: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user_name: String,
    #[validate(length(min = 12, max = 128), sensitive)]
    password: String,
    #[validate(range(min = 13, max = 130))]
    age: Option<u8>,
    #[normalize(each(trim, lowercase))]
    #[validate(each(length(min = 1, max = 20)))]
    tags: Vec<String>,
    plan: Option<Plan>,
    #[validate(nested)]
    address: Address,
}

const GOOD: &str = r#"{"userName":" Ａｄａ_1 ","password":"correct horse battery","age":36,"tags":[" Math "],"plan":"pro","address":{"streetName":" 1 Main St ","zipCode":"12345"}}"#;

/// `(path, code, message)` of every error.
fn summary(report: &Report) -> Vec<(String, String, String)> {
    report
        .iter()
        .map(|e| {
            (
                e.path().to_string(),
                e.code().to_owned(),
                e.message().to_owned(),
            )
        })
        .collect()
}

fn one(path: &str, code: &str, message: &str) -> Vec<(String, String, String)> {
    vec![(path.to_owned(), code.to_owned(), message.to_owned())]
}

fn json_report(json: &str) -> Report {
    match de::from_json::<Signup>(json.as_bytes()) {
        Err(Failure::Invalid(report)) => report,
        other => panic!("expected an invalid failure for {json}, got {other:?}"),
    }
}

/// `GOOD` with the value at `pointer` replaced by `value` (raw JSON), or removed when `None`.
fn good_with(pointer: &str, value: Option<&str>) -> String {
    let mut json: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = json.pointer_mut(parent).unwrap();
    match value {
        Some(value) => match parent {
            serde_json::Value::Array(items) => {
                items[key.parse::<usize>().unwrap()] = serde_json::from_str(value).unwrap();
            }
            other => {
                other[key] = serde_json::from_str(value).unwrap();
            }
        },
        None => {
            parent.as_object_mut().unwrap().remove(key);
        }
    }
    json.to_string()
}

// --- Valid<T> as a serde type -------------------------------------------------------------------

#[test]
fn valid_from_serde_json_normalizes_and_validates() {
    let signup: Valid<Signup> = serde_json::from_str(GOOD).unwrap();
    assert_eq!(signup.user_name, "ada_1");
    assert_eq!(signup.tags, ["math"]);
    assert_eq!(signup.address.street_name, "1 Main St");
}

#[test]
fn valid_serde_message_lists_paths_and_messages_but_no_value() {
    let json = good_with("/password", Some(r#""hunter2""#));
    let json = json.replace("12345", "1234x");
    let error = serde_json::from_str::<Valid<Signup>>(&json).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("password: must be between 12 and 128 characters"),
        "{message}"
    );
    assert!(
        message.contains("address.zipCode: must match the pattern [0-9]{5}"),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "{message}");
    assert!(!message.contains("1234x"), "{message}");
}

#[test]
fn valid_from_serde_urlencoded() {
    #[derive(Debug, Deserialize, Validate)]
    struct Search {
        #[normalize(trim, lowercase)]
        #[validate(length(min = 2), chars(ascii_lowercase, space))]
        q: String,
        #[validate(range(min = 1, max = 100))]
        limit: u32,
    }

    let search: Valid<Search> = serde_urlencoded::from_str("q=+Rust+Lang+&limit=10").unwrap();
    assert_eq!((search.q.as_str(), search.limit), ("rust lang", 10));

    let error = serde_urlencoded::from_str::<Valid<Search>>("q=x7secret&limit=0").unwrap_err();
    let message = error.to_string();
    assert!(message.contains("q: must contain only"), "{message}");
    assert!(message.contains("limit: must be"), "{message}");
    assert!(!message.contains("x7secret"), "{message}");
}

#[test]
fn valid_as_a_field_type() {
    #[derive(Debug, Deserialize)]
    struct Outer {
        id: u32,
        inner: Valid<Address>,
    }

    let outer: Outer =
        serde_json::from_str(r#"{"id":1,"inner":{"streetName":" Elm ","zipCode":"12345"}}"#)
            .unwrap();
    assert_eq!((outer.id, outer.inner.street_name.as_str()), (1, "Elm"));

    let error = serde_json::from_str::<Outer>(
        r#"{"id":1,"inner":{"streetName":"Elm","zipCode":"9secret9"}}"#,
    )
    .unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("zipCode: must match the pattern"),
        "{message}"
    );
    assert!(!message.contains("9secret9"), "{message}");

    // Through serde_path_to_error the failure is placed at the field, and its message is not
    // copied: it is not one of serde's standard forms.
    let failure =
        de::from_json::<Wrapper>(br#"{"inner":{"streetName":"Elm","zipCode":"9secret9"}}"#)
            .unwrap_err();
    assert_eq!(
        summary(failure.report().unwrap()),
        one("inner", "invalid_value", "is not a valid value")
    );
}

#[derive(Debug, Deserialize, Validate)]
struct Wrapper {
    inner: Valid<Address>,
}

// --- de::from_json ------------------------------------------------------------------------------

#[test]
fn from_json_normalizes_and_validates() {
    let signup = de::from_json::<Signup>(GOOD.as_bytes()).unwrap();
    assert_eq!(signup.user_name, "ada_1");
    assert_eq!(signup.plan, Some(Plan::Pro));

    let json = good_with("/userName", Some(r#""ada!""#));
    let json = json.replace("correct horse battery", "short");
    let report = json_report(&json);
    let codes: Vec<_> = report
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    assert_eq!(
        codes,
        [
            ("userName".to_owned(), "pattern"),
            ("password".to_owned(), "length")
        ]
    );
}

#[test]
fn missing_field_is_at_the_missing_fields_wire_path() {
    let report = json_report(&good_with("/userName", None));
    assert_eq!(
        summary(&report),
        one("userName", "missing_field", "is required")
    );
    assert_eq!(report.errors()[0].path().to_pointer(), "/userName");

    let report = json_report(&good_with("/address/zipCode", None));
    assert_eq!(
        summary(&report),
        one("address.zipCode", "missing_field", "is required")
    );
}

#[test]
fn wrong_type_names_the_expected_type_and_not_the_value() {
    let report = json_report(&good_with("/age", Some(r#""hunter2""#)));
    assert_eq!(summary(&report), one("age", "invalid_type", "expected u8"));
    let body = serde_json::to_string(&report).unwrap();
    assert_eq!(
        body,
        r#"{"errors":[{"path":"age","pointer":"/age","code":"invalid_type","message":"expected u8","params":{"expected":"u8"}}]}"#
    );

    let report = json_report(&good_with("/tags/0", Some("12")));
    assert_eq!(
        summary(&report),
        one("tags[0]", "invalid_type", "expected a string")
    );

    let report = json_report(&good_with("/address", Some(r#""secret street""#)));
    assert_eq!(
        summary(&report),
        one("address", "invalid_type", "expected struct Address")
    );
    assert!(!serde_json::to_string(&report).unwrap().contains("secret"));
}

#[test]
fn out_of_range_number_is_invalid_value() {
    let report = json_report(&good_with("/age", Some("300")));
    assert_eq!(summary(&report), one("age", "invalid_value", "expected u8"));
    assert!(!serde_json::to_string(&report).unwrap().contains("300"));
}

#[test]
fn unknown_variant_lists_the_variants_and_not_the_value() {
    let report = json_report(&good_with("/plan", Some(r#""enterprise-secret""#)));
    assert_eq!(
        summary(&report),
        one("plan", "unknown_variant", "expected `free` or `pro`")
    );
    assert!(
        !serde_json::to_string(&report)
            .unwrap()
            .contains("enterprise")
    );
}

#[test]
fn malformed_json_is_not_a_report() {
    let trailing = format!("{GOOD} trailing");
    for (json, message) in [
        (r#"{"userName":"ada","#, "EOF while parsing an object"),
        (r#"{"userName" "ada"}"#, "expected `:`"),
        (trailing.as_str(), "trailing characters"),
        ("", "EOF while parsing a value"),
        ("[[[[", "EOF while parsing a list"),
    ] {
        match de::from_json::<Signup>(json.as_bytes()) {
            Err(Failure::Malformed(malformed)) => {
                assert_eq!(malformed.message(), message, "{json}");
                assert!(malformed.line() >= 1, "{json}");
            }
            other => panic!("{json}: {other:?}"),
        }
    }
    // Not JSON, even though serde would stop at a shape error before the syntax error.
    assert!(matches!(
        de::from_json::<Signup>(br#"{"userName":1} x"#),
        Err(Failure::Malformed(_))
    ));
}

#[test]
fn structural_errors_have_codes_of_their_own() {
    #[derive(Debug, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Strict {
        point: (i32, i32),
        #[serde(default)]
        labels: BTreeMap<String, u8>,
    }

    let failure = de::from_json::<Strict>(br#"{"point":[1,2,3]}"#).unwrap_err();
    assert_eq!(
        summary(failure.report().unwrap()),
        one("point", "invalid_length", "has too many elements")
    );
    let failure = de::from_json::<Strict>(br#"{"point":[1]}"#).unwrap_err();
    assert_eq!(
        summary(failure.report().unwrap()),
        one("point", "invalid_length", "expected a tuple of size 2")
    );

    let failure = de::from_json::<Strict>(br#"{"point":[1,2],"secretKey":1}"#).unwrap_err();
    assert_eq!(
        summary(failure.report().unwrap()),
        one(
            "secretKey",
            "unknown_field",
            "unknown field, expected `point` or `labels`"
        )
    );

    let failure = de::from_json::<Strict>(br#"{"point":[1,2],"point":[1,2]}"#).unwrap_err();
    assert_eq!(
        summary(failure.report().unwrap()),
        one("point", "duplicate_field", "is given more than once")
    );

    let failure =
        de::from_json::<Strict>(br#"{"point":[1,2],"labels":{"en":1,"de":"x"}}"#).unwrap_err();
    let error = &failure.report().unwrap().errors()[0];
    assert_eq!(error.path().to_pointer(), "/labels/de");
    assert_eq!(error.code(), "invalid_type");
}

#[test]
fn custom_errors_are_never_copied() {
    /// Fails with a message that quotes the input, like many hand-written impls do.
    #[derive(Debug)]
    struct Token;
    impl<'de> Deserialize<'de> for Token {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let text = String::deserialize(d)?;
            Err(serde::de::Error::custom(format!("bad token {text}")))
        }
    }
    #[derive(Debug, Deserialize, Validate)]
    struct Auth {
        token: Token,
    }

    let failure = de::from_json::<Auth>(br#"{"token":"tok-secret"}"#).unwrap_err();
    let report = failure.report().unwrap();
    assert_eq!(
        summary(report),
        one("token", "invalid_value", "is not a valid value")
    );
    assert!(!serde_json::to_string(report).unwrap().contains("secret"));
}

#[test]
fn enums_and_options_keep_the_wire_path() {
    #[derive(Debug, Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    struct Order {
        delivery: Option<Delivery>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum Delivery {
        Pickup { store_id: u32 },
    }

    let failure =
        de::from_json::<Order>(br#"{"delivery":{"pickup":{"store_id":"x"}}}"#).unwrap_err();
    assert_eq!(
        summary(failure.report().unwrap()),
        one("delivery.pickup.store_id", "invalid_type", "expected u32")
    );
}

// --- de::from_query and de::from_form -----------------------------------------------------------

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Search {
    #[normalize(trim)]
    #[validate(length(min = 1))]
    query_text: String,
    #[validate(range(min = 1, max = 100))]
    per_page: Option<u32>,
    exact: Option<bool>,
}

#[test]
fn from_query_reports_shape_and_rule_errors() {
    let search = de::from_query::<Search>("queryText=+rust+&perPage=20&exact=true").unwrap();
    assert_eq!(search.query_text, "rust");
    assert_eq!(search.per_page, Some(20));

    let report = de::from_query::<Search>("perPage=20").unwrap_err();
    assert_eq!(
        summary(&report),
        one("queryText", "missing_field", "is required")
    );

    let report = de::from_query::<Search>("queryText=x&perPage=secret").unwrap_err();
    assert_eq!(
        summary(&report),
        one("perPage", "invalid_type", "expected u32")
    );
    assert_eq!(
        report.errors()[0].param("expected"),
        Some(&validate_core::Param::Str("u32".into()))
    );

    let report = de::from_query::<Search>("queryText=+&perPage=0").unwrap_err();
    let paths: Vec<_> = report.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["queryText", "perPage"]);
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Listing {
    page: u8,
    #[serde(default)]
    ratio: f32,
    #[serde(default)]
    big: i128,
    #[serde(default)]
    exact: bool,
    #[serde(default)]
    sort: Option<Sort>,
    #[serde(default)]
    tag: Option<char>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Sort {
    Newest,
}

#[test]
fn query_and_json_report_each_mistake_alike() {
    // (query, the JSON of the same request)
    for (query, json) in [
        ("page=abc", r#"{"page":"abc"}"#),
        ("page=", r#"{"page":""}"#),
        ("page=300", r#"{"page":300}"#),
        ("page=-1", r#"{"page":-1}"#),
        ("page=1.5", r#"{"page":1.5}"#),
        (
            "page=99999999999999999999",
            r#"{"page":99999999999999999999}"#,
        ),
        ("page=1&ratio=fast", r#"{"page":1,"ratio":"fast"}"#),
        ("page=1&exact=maybe", r#"{"page":1,"exact":"maybe"}"#),
        ("page=1&sort=oldest", r#"{"page":1,"sort":"oldest"}"#),
        ("page=1&tag=ab", r#"{"page":1,"tag":"ab"}"#),
        ("page=1&page=2", r#"{"page":1,"page":2}"#),
        ("ratio=1", r#"{"ratio":1}"#),
    ] {
        let from_query = de::from_query::<Listing>(query).unwrap_err();
        let from_json = de::from_json::<Listing>(json.as_bytes()).unwrap_err();
        assert_eq!(
            serde_json::to_value(&from_query).unwrap(),
            serde_json::to_value(from_json.report().unwrap()).unwrap(),
            "{query}"
        );
    }
    // What each format gives for the same text.
    let listing = de::from_query::<Listing>("page=7&ratio=0.5&big=-170141183460469231731687303715884105728&exact=true&sort=newest&tag=%C3%A9")
        .unwrap();
    assert_eq!(
        (
            listing.page,
            listing.ratio,
            listing.big,
            listing.exact,
            listing.tag
        ),
        (7, 0.5, i128::MIN, true, Some('é'))
    );
    assert!(matches!(listing.sort, Some(Sort::Newest)));
    // Text that only spells a float outside JSON's grammar is not one.
    for text in ["inf", "NaN", "1e999"] {
        let report = de::from_query::<Listing>(&format!("page=1&ratio={text}")).unwrap_err();
        assert_eq!(
            summary(&report),
            one("ratio", "invalid_type", "expected f32")
        );
    }
}

#[test]
fn from_form_decodes_the_body() {
    #[derive(Debug, Deserialize, Validate)]
    struct Login {
        #[normalize(trim, lowercase)]
        #[validate(email)]
        email: String,
        #[validate(length(min = 12), sensitive)]
        password: String,
    }

    let login =
        de::from_form::<Login>(b"email=+Ada%40Example.com&password=correct+horse+battery").unwrap();
    assert_eq!(login.email, "ada@example.com");

    let report = de::from_form::<Login>(b"email=ada%40example.com&password=hunter2").unwrap_err();
    assert_eq!(report.errors()[0].path().to_string(), "password");
    assert_eq!(report.errors()[0].preview(), None);
    assert!(!serde_json::to_string(&report).unwrap().contains("hunter2"));

    let report = de::from_form::<Login>(b"email=ada%40example.com").unwrap_err();
    assert_eq!(
        summary(&report),
        one("password", "missing_field", "is required")
    );
}

// --- de::report_from_path_error with any format -------------------------------------------------

#[test]
fn report_from_any_traced_error() {
    #[derive(Debug, Deserialize)]
    struct Config {
        servers: Vec<Server>,
    }
    #[derive(Debug, Deserialize)]
    struct Server {
        port: u16,
    }

    let mut json =
        serde_json::Deserializer::from_str(r#"{"servers":[{"port":80},{"port":"http"}]}"#);
    let error = de::serde_path_to_error::deserialize::<_, Config>(&mut json).unwrap_err();
    let report = de::report_from_path_error(&error);
    assert_eq!(
        summary(&report),
        one("servers[1].port", "invalid_type", "expected u16")
    );
    assert_eq!(report.errors()[0].path().to_pointer(), "/servers/1/port");
}

// --- no input is echoed, and no input panics ----------------------------------------------------

mod properties {
    use proptest::prelude::*;
    use validate_core::de;
    use validate_core::problem::Problem;

    use super::{GOOD, Signup};

    proptest! {
        /// Whatever string lands where it does not belong, the answer never quotes it. The
        /// marker `zq` appears in no field name, type or message.
        #[test]
        fn rejected_values_are_never_echoed(
            secret in "\\PC{0,40}",
            pointer in prop::sample::select(vec![
                "/age", "/plan", "/address", "/tags/0", "/userName", "/password", "/address/zipCode",
            ]),
            as_key in any::<bool>(),
        ) {
            let secret = format!("zq{secret}");
            let mut json: serde_json::Value = serde_json::from_str(GOOD).unwrap();
            let value = if as_key {
                serde_json::json!({ secret.clone(): 1 })
            } else {
                serde_json::Value::String(secret.clone())
            };
            *json.pointer_mut(pointer).unwrap() = value;
            let body = json.to_string();
            if let Err(failure) = de::from_json::<Signup>(body.as_bytes()) {
                let answer = String::from_utf8(Problem::from(failure).to_json()).unwrap();
                prop_assert!(!answer.contains("zq"), "{body} -> {answer}");
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            let _ = de::from_json::<Signup>(&bytes);
            let _ = de::from_form::<Signup>(&bytes);
        }

        #[test]
        fn arbitrary_query_strings_never_panic(query in "[a-zA-Z%=&+\\[\\].0-9]{0,80}") {
            let _ = de::from_query::<Signup>(&query);
        }
    }
}
