//! Order within a field: `length` runs first; only a value over its `max` (a collection over its
//! item `max`) skips the field's other rules, so an oversized value is never scanned; a value
//! too short is reported beside every other failure of the field.

use validate_core::Validate;

#[derive(Validate)]
struct Handle {
    #[validate(length(min = 3), pattern = "[a-z]+")]
    name: String,
    #[validate(length(min = 2, max = 4), chars(ascii_digit))]
    code: String,
    #[validate(length(bytes, max = 4), ascii)]
    short: String,
    #[validate(length(max = 2), each(length(min = 2)))]
    tags: Vec<String>,
}

/// The (path, code) of every error of `handle`.
fn codes(handle: &Handle) -> Vec<(String, String)> {
    let report = handle.validate().unwrap_err();
    report
        .iter()
        .map(|e| (e.path().to_string(), e.code().to_owned()))
        .collect()
}

fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(path, code)| ((*path).to_owned(), (*code).to_owned()))
        .collect()
}

#[test]
fn a_short_value_gets_every_error() {
    let handle = Handle {
        name: "x!".into(),
        code: "a".into(),
        short: "é".into(),
        tags: vec!["a".into()],
    };
    assert_eq!(
        codes(&handle),
        pairs(&[
            ("name", "length"),
            ("name", "pattern"),
            ("code", "length"),
            ("code", "chars"),
            ("short", "ascii"),
            ("tags[0]", "length"),
        ])
    );
}

#[test]
fn a_long_value_gets_its_length_error_only() {
    let handle = Handle {
        name: "abc".into(),
        code: "abcde".into(),
        short: "ééé".into(),
        tags: vec!["a".into(), "b".into(), "c".into()],
    };
    assert_eq!(
        codes(&handle),
        pairs(&[("code", "length"), ("short", "length"), ("tags", "length"),])
    );
}
