//! `Valid::new` checks first the fields whose whitelist admits only normal text, and skips
//! normalizing and re-checking those that pass. These tests hold it to the plain definition,
//! `normalize()` then `validate()`: the same value and the same report, for every input.

use proptest::prelude::*;
use validate_core::{Report, Valid, Validate};

#[derive(Debug, Clone, PartialEq, Validate)]
struct Form {
    /// Proven by the pattern: no byte of `[a-z0-9_]` is touched by `trim`, NFKC or `lowercase`.
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 12), pattern = "[a-z0-9_]+")]
    user: String,
    /// Proven item by item; the list's own length is still checked.
    #[normalize(each(trim, lowercase))]
    #[validate(
        length(max = 3),
        each(length(min = 1, max = 6), chars(ascii_lowercase, ascii_digit, "-"))
    )]
    tags: Vec<String>,
    /// Proven by `chars`; `prefix` is not provable and runs every time.
    #[normalize(trim, uppercase)]
    #[validate(
        chars(ascii_uppercase, ascii_digit),
        prefix = "A",
        length(bytes, max = 5)
    )]
    code: Option<String>,
    /// Not proven: `[a-zA-Z]` admits upper case, which `lowercase` changes.
    #[normalize(trim, lowercase)]
    #[validate(pattern = "[a-zA-Z]+")]
    word: String,
    /// Not proven: `space` is in the set and `trim` removes it.
    #[normalize(trim)]
    #[validate(chars(ascii_lowercase, space))]
    phrase: String,
}

fn plain(mut form: Form) -> (Form, Result<(), Report>) {
    form.normalize();
    let result = form.validate();
    (form, result)
}

fn fused(form: Form) -> (Form, Result<(), Report>) {
    let mut form = form;
    let result = form.__normalize_validate();
    (form, result)
}

fn form(user: &str, tags: &[&str], code: Option<&str>, word: &str, phrase: &str) -> Form {
    Form {
        user: user.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        code: code.map(Into::into),
        word: word.into(),
        phrase: phrase.into(),
    }
}

fn paths(report: &Report) -> Vec<(String, String)> {
    report
        .iter()
        .map(|e| (e.path().to_string(), e.code().to_string()))
        .collect()
}

#[test]
fn normal_valid_input_is_kept_as_is() {
    let input = form("ada_l", &["math", "x-1"], Some("A12"), "word", "a phrase");
    let valid = Valid::new(input.clone()).expect("valid");
    assert_eq!(valid.into_inner(), input);
}

#[test]
fn input_that_fails_a_proof_is_normalized_then_validated() {
    let input = form(
        "  ＡＤＡ_L ",
        &[" Math ", "x-1"],
        Some(" a12 "),
        " Word ",
        " a phrase ",
    );
    let valid = Valid::new(input).expect("valid once normalized");
    assert_eq!(
        valid.into_inner(),
        form("ada_l", &["math", "x-1"], Some("A12"), "word", "a phrase")
    );
}

#[test]
fn a_passing_proof_does_not_hide_the_other_rules_of_the_field() {
    // `code` passes `chars` and `length` (its proof) but not `prefix`.
    let input = form("ada", &[], Some("B12"), "w", "p");
    let report = Valid::new(input.clone()).expect_err("prefix fails");
    assert_eq!(paths(&report), [("code".to_string(), "prefix".to_string())]);
    assert_eq!(fused(input.clone()), plain(input));
}

#[test]
fn a_proven_list_still_checks_its_own_length() {
    let input = form("ada", &["a", "b", "c", "d"], None, "w", "p");
    let report = Valid::new(input).expect_err("four tags");
    assert_eq!(paths(&report), [("tags".to_string(), "length".to_string())]);
}

#[test]
fn errors_after_normalization_are_the_plain_ones() {
    let input = form(" A!!", &["ok", " BAD T "], Some("A"), "w0rd", "x");
    let (value, result) = fused(input.clone());
    let report = result.expect_err("invalid");
    assert_eq!(
        paths(&report),
        [
            ("user".to_string(), "pattern".to_string()),
            ("tags[1]".to_string(), "chars".to_string()),
            ("word".to_string(), "pattern".to_string()),
        ]
    );
    assert_eq!((value, Err(report)), plain(input));
}

#[test]
fn normalize_and_validate_alone_prove_nothing() {
    let mut input = form(" ADA ", &[" X "], Some(" a1 "), "W", " p ");
    input.normalize();
    assert_eq!(input, form("ada", &["x"], Some("A1"), "w", "p"));
    assert!(input.validate().is_ok());
    let bad = form("ADA", &["X"], Some("a1"), "w", "p");
    let report = bad.validate().expect_err("not normalized");
    assert_eq!(
        paths(&report),
        [
            ("user".to_string(), "pattern".to_string()),
            ("tags[0]".to_string(), "chars".to_string()),
            ("code".to_string(), "chars".to_string()),
            ("code".to_string(), "prefix".to_string()),
        ]
    );
}

fn text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = "abzAZ09_- \t\u{a0}\u{3000}Ａｚ１ﬁİß!é".chars().collect();
    proptest::collection::vec(proptest::sample::select(chars), 0..9)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn fused_is_normalize_then_validate(
        user in text(),
        tags in proptest::collection::vec(text(), 0..5),
        code in proptest::option::of(text()),
        word in text(),
        phrase in text(),
    ) {
        let input = Form { user, tags, code, word, phrase };
        prop_assert_eq!(fused(input.clone()), plain(input));
    }
}
