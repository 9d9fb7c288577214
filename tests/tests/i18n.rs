//! Messages in the client's language: the shipped catalogues cover every built-in error, the
//! English one renders exactly the built-in messages, translations are plural-correct, and
//! custom messages keep their text (with their params filled in) unless they have an id.

use serde::Deserialize;
use validate_core::i18n::{Catalog, CatalogError};
use validate_core::{Error, FieldError, Report, Valid, Validate};

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Everything {
    #[validate(length(min = 2, max = 3))]
    between: String,
    #[validate(length(min = 1))]
    at_least_one: String,
    #[validate(length(max = 1))]
    at_most_one: String,
    #[validate(length(equal = 1))]
    exactly_one: String,
    #[validate(length(bytes, min = 3))]
    bytes: String,
    #[validate(length(min = 2))]
    items: Vec<u8>,
    #[validate(length(max = 1))]
    one_item: Vec<u8>,
    #[validate(range(min = 1, max = 9))]
    range: i32,
    #[validate(range(min = 1.5))]
    range_min: f64,
    #[validate(range(max = 2, exclusive_min = 0))]
    range_mixed: i32,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
    range_exclusive: f64,
    #[validate(pattern = "[a-z]+")]
    pattern: String,
    #[validate(email)]
    email: String,
    #[validate(url)]
    url: String,
    #[validate(url(public))]
    public_url: String,
    #[validate(hostname)]
    hostname: String,
    #[validate(ip)]
    ip: String,
    #[validate(ipv4)]
    ipv4: String,
    #[validate(ipv6)]
    ipv6: String,
    #[validate(uuid)]
    uuid: String,
    #[validate(credit_card)]
    card: String,
    #[validate(chars(ascii_lowercase, ascii_digit))]
    classes: String,
    #[validate(chars(ascii_lowercase, "-_"))]
    classes_and_chars: String,
    #[validate(chars("xyz"))]
    only_chars: String,
    #[validate(ascii)]
    ascii: String,
    #[validate(alphanumeric)]
    alphanumeric: String,
    #[validate(no_control)]
    no_control: String,
    #[validate(one_of("a", "b"))]
    one_of: String,
    #[validate(none_of(1, 2))]
    none_of: i32,
    #[validate(contains = "@")]
    contains: String,
    #[validate(not_contains = "@")]
    not_contains: String,
    #[validate(prefix = "p")]
    prefix: String,
    #[validate(suffix = "s")]
    suffix: String,
    #[validate(required)]
    required: Option<String>,
    #[validate(must_match(between))]
    must_match: String,
    #[validate(password)]
    password: String,
}

fn everything() -> Everything {
    Everything {
        between: "a".into(),
        at_least_one: String::new(),
        at_most_one: "ab".into(),
        exactly_one: "ab".into(),
        bytes: "é".into(),
        items: vec![1],
        one_item: vec![1, 2],
        range: 10,
        range_min: 1.0,
        range_mixed: 3,
        range_exclusive: 1.0,
        pattern: "A".into(),
        email: "x".into(),
        url: "x".into(),
        public_url: "http://127.0.0.1/".into(),
        hostname: "-".into(),
        ip: "x".into(),
        ipv4: "x".into(),
        ipv6: "x".into(),
        uuid: "x".into(),
        card: "1".into(),
        classes: "A".into(),
        classes_and_chars: "A".into(),
        only_chars: "a".into(),
        ascii: "é".into(),
        alphanumeric: "-".into(),
        no_control: "\u{202e}".into(),
        one_of: "c".into(),
        none_of: 1,
        contains: "x".into(),
        not_contains: "a@b".into(),
        prefix: "x".into(),
        suffix: "x".into(),
        required: None,
        must_match: "other".into(),
        password: "password".into(),
    }
}

/// Every built-in error: every rule failing, every shape error, `unavailable`.
fn all_errors() -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = everything().validate().unwrap_err().into_iter().collect();

    #[derive(Debug, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shapes {
        n: u8,
        pair: (u8, u8),
        kind: Kind,
    }
    #[derive(Debug, Deserialize)]
    enum Kind {
        A,
    }
    for body in [
        r#"{"pair": [1, 2], "kind": "A"}"#,
        r#"{"n": "x", "pair": [1, 2], "kind": "A"}"#,
        r#"{"n": 300, "pair": [1, 2], "kind": "A"}"#,
        r#"{"n": 1, "pair": [1], "kind": "A"}"#,
        r#"{"n": 1, "pair": [1, 2], "kind": "B"}"#,
        r#"{"n": 1, "pair": [1, 2], "kind": "A", "extra": 1}"#,
        r#"{"n": 1, "n": 2, "pair": [1, 2], "kind": "A"}"#,
    ] {
        match validate_core::de::from_json::<Shapes>(body.as_bytes()) {
            Err(validate_core::de::Failure::Invalid(report)) => errors.extend(report),
            other => panic!("{body}: {other:?}"),
        }
    }
    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Query {
        n: u8,
        on: bool,
        x: f64,
    }
    for query in [
        "n=x&on=true&x=1",
        "n=1&on=maybe&x=1",
        "n=1&on=true&x=y",
        "n=999&on=true&x=1",
    ] {
        errors.extend(validate_core::de::from_query::<Query>(query).unwrap_err());
    }
    let mut report = Report::new();
    report.push(validate_core::Path::root(), Error::unavailable(), None);
    errors.extend(report);
    errors
}

fn catalogs() -> Vec<Catalog> {
    Catalog::builtin_locales()
        .map(|locale| Catalog::builtin(locale).unwrap())
        .collect()
}

#[test]
fn every_shipped_catalogue_has_every_built_in_error() {
    let errors = all_errors();
    let codes: std::collections::BTreeSet<&str> = errors.iter().map(FieldError::code).collect();
    // Every rule's code and every shape error's.
    for code in [
        "length",
        "range",
        "pattern",
        "email",
        "url",
        "hostname",
        "ip",
        "ipv4",
        "ipv6",
        "uuid",
        "credit_card",
        "chars",
        "ascii",
        "alphanumeric",
        "no_control",
        "one_of",
        "none_of",
        "contains",
        "prefix",
        "suffix",
        "required",
        "must_match",
        "password",
        "unavailable",
        "missing_field",
        "invalid_type",
        "invalid_value",
        "invalid_length",
        "unknown_variant",
        "unknown_field",
        "duplicate_field",
    ] {
        assert!(codes.contains(code), "the table lacks a `{code}` error");
    }
    for catalog in catalogs() {
        for error in &errors {
            let rendered = catalog.render(error);
            assert!(
                rendered.is_some(),
                "{}: no message for {error:?}",
                catalog.locale()
            );
            let rendered = rendered.unwrap();
            assert!(
                !rendered.contains(['{', '}']),
                "{}: {rendered}",
                catalog.locale()
            );
            assert!(
                !rendered.contains(['\u{2068}', '\u{2069}']),
                "{}: isolation marks in {rendered:?}",
                catalog.locale()
            );
        }
    }
}

#[test]
fn english_renders_exactly_the_built_in_messages() {
    let english = Catalog::builtin("en").unwrap();
    for error in all_errors() {
        assert_eq!(
            english.render(&error).as_deref(),
            Some(error.message()),
            "{} at {}",
            error.code(),
            error.path()
        );
    }
}

#[test]
fn translations_are_plural_correct() {
    let report = everything().validate().unwrap_err();
    let message = |locale: &str, path: &str| {
        let localized = report.localized(&Catalog::builtin(locale).unwrap());
        localized.at(path).next().unwrap().message().to_owned()
    };
    assert_eq!(
        message("en", "at_least_one"),
        "must be at least 1 character"
    );
    assert_eq!(message("en", "items"), "must be at least 2 items");
    assert_eq!(message("en", "one_item"), "must be at most 1 item");
    assert_eq!(
        message("de", "items"),
        "muss mindestens 2 Elemente enthalten"
    );
    assert_eq!(
        message("de", "one_item"),
        "darf höchstens 1 Element enthalten"
    );
    assert_eq!(
        message("fr", "at_least_one"),
        "doit contenir au moins 1 caractère"
    );
    assert_eq!(
        message("fr", "between"),
        "doit contenir entre 2 et 3 caractères"
    );
    assert_eq!(
        message("es", "at_least_one"),
        "debe tener al menos 1 carácter"
    );
    assert_eq!(
        message("es", "between"),
        "debe tener entre 2 y 3 caracteres"
    );
}

#[test]
fn localized_keeps_codes_params_and_paths() {
    let report = everything().validate().unwrap_err();
    for catalog in catalogs() {
        let localized = report.localized(&catalog);
        assert_eq!(localized.language(), Some(catalog.locale()));
        assert_eq!(localized.len(), report.len());
        for (a, b) in report.iter().zip(localized.iter()) {
            assert_eq!(
                (a.path(), a.code(), a.params()),
                (b.path(), b.code(), b.params())
            );
        }
    }
    let german = report.localized(&Catalog::builtin("de").unwrap());
    assert_ne!(german.errors()[0].message(), report.errors()[0].message());
    assert_eq!(report.language(), None);
}

#[derive(Debug, Deserialize, Validate)]
struct Custom {
    #[validate(length(
        min = 3,
        max = 20,
        message = "entre {min} et {max} caractères, {{pas}} {unknown}"
    ))]
    name: String,
    #[validate(length(min = 1, message = "at least {min} tag", message_id = "tags-empty"))]
    tags: Vec<String>,
}

#[test]
fn custom_messages_fill_in_their_params_and_keep_their_text() {
    let report = Custom {
        name: "ab".into(),
        tags: vec![],
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        report.errors()[0].message(),
        "entre 3 et 20 caractères, {pas} {unknown}"
    );
    assert_eq!(report.errors()[1].message(), "at least 1 tag");
    assert_eq!(report.errors()[1].message_id(), Some("tags-empty"));
    let german = report.localized(&Catalog::builtin("de").unwrap());
    assert_eq!(german.errors()[0].message(), report.errors()[0].message());
    assert_eq!(german.errors()[1].message(), "at least 1 tag");

    let own = Catalog::from_ftl(
        "de",
        "tags-empty = { $min ->\n    [one] mindestens ein Schlagwort\n   *[other] mindestens { $min } Schlagwörter\n}\n",
    )
    .unwrap();
    let localized = report.localized(&own);
    assert_eq!(localized.errors()[1].message(), "mindestens ein Schlagwort");
    // A code the catalogue lacks keeps its English message.
    assert_eq!(
        localized.errors()[0].message(),
        report.errors()[0].message()
    );
}

#[test]
fn a_broken_catalogue_names_its_line() {
    let source = "required = ist erforderlich\n\nlength = { $min ->\n  [one] x\n}\n";
    match Catalog::from_ftl("de", source) {
        // Where the parser finds the select expression ends without a default variant.
        Err(CatalogError::Syntax { line, reason }) => assert_eq!(line, 5, "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Catalog::from_ftl("not a locale!", "a = b"),
        Err(CatalogError::Locale(_))
    ));
    assert!(matches!(
        Catalog::from_ftl("de", "a = b\na = c\n"),
        Err(CatalogError::Duplicate(id)) if id == "a"
    ));
    // Garbage never panics.
    for source in [
        "{",
        "= =",
        "a = {",
        "a = { $",
        "\u{0}",
        "-a = b\nc = { -a(",
        "a = { 1 -> *[x] y",
    ] {
        let _ = Catalog::from_ftl("de", source);
    }
}

#[test]
fn huge_bounds_render_without_panicking() {
    #[derive(Validate)]
    struct Huge {
        #[validate(length(min = 18446744073709551615))]
        s: String,
        #[validate(range(min = 170141183460469231731687303715884105727))]
        n: i128,
    }
    let report = Huge {
        s: String::new(),
        n: 0,
    }
    .validate()
    .unwrap_err();
    for catalog in catalogs() {
        let localized = report.localized(&catalog);
        assert_eq!(localized.len(), 2);
    }
}

#[test]
fn valid_values_deserialize_as_before() {
    // The feature changes no verdict: only messages.
    let valid: Valid<Custom> = serde_json::from_str(r#"{"name": "abc", "tags": ["x"]}"#).unwrap();
    assert_eq!(valid.name, "abc");
}
