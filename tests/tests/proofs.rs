//! `Valid::new` normalizes and checks each field in turn, in one pass that reaches into nested
//! values; it checks first the fields whose whitelist admits only normal text, and skips
//! normalizing and re-checking those that pass. These tests hold it to the plain definition,
//! `normalize()` then `validate()`: the same value and the same report, for every input.

use std::rc::Rc;

use proptest::prelude::*;
use validate_core::{Error, Report, Valid, Validate};

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

/// [`plain`] and [`fused`] for any type, each on its own value from `make` (a clone would share
/// the `Rc`s, which are normalized only when not shared).
fn both<T: Validate>(make: impl Fn() -> T) -> [(T, Result<(), Report>); 2] {
    let mut plain = make();
    plain.normalize();
    let plain_result = plain.validate();
    let mut fused = make();
    let fused_result = fused.__normalize_validate();
    [(plain, plain_result), (fused, fused_result)]
}

/// A list item: its `sku` is proven by the pattern, in each item's own pass.
#[derive(Debug, Clone, PartialEq, Validate)]
struct Item {
    #[normalize(trim, uppercase)]
    #[validate(pattern = "[A-Z]{2}-[0-9]")]
    sku: String,
    #[normalize(trim)]
    #[validate(length(max = 3))]
    note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Validate)]
enum Choice {
    Code(
        #[normalize(trim, lowercase)]
        #[validate(chars(ascii_lowercase, ascii_digit), length(max = 4))]
        String,
    ),
    Named {
        #[normalize(trim)]
        #[validate(length(min = 1, max = 3))]
        name: String,
        #[validate(nested)]
        item: Item,
    },
}

#[derive(Debug, Clone, PartialEq, Validate)]
#[validate(custom(items_look_normalized))]
struct Order {
    /// Compared with `email`, which is declared after it and so normalized before the pass.
    #[normalize(trim, lowercase)]
    #[validate(must_match(email))]
    confirm: String,
    #[normalize(trim, lowercase)]
    #[validate(length(min = 2))]
    email: String,
    /// One pass per item; a failed `length` skips the items' rules, not their normalization
    /// (which `items_look_normalized` sees).
    #[validate(length(max = 2), nested)]
    items: Vec<Item>,
    /// Not in one pass: `custom` reads the items, so they are normalized first.
    #[validate(custom(first_sku_is_upper), nested)]
    more: Vec<Item>,
    #[validate(nested)]
    shared: Option<Rc<Item>>,
    #[validate(nested)]
    choice: Choice,
}

fn is_upper(sku: &str) -> bool {
    !sku.bytes().any(|b| b.is_ascii_lowercase())
}

fn items_look_normalized(order: &Order) -> Result<(), Error> {
    if order.items.iter().all(|item| is_upper(&item.sku)) {
        Ok(())
    } else {
        Err(Error::new("not_normalized"))
    }
}

fn first_sku_is_upper(items: &[Item]) -> Result<(), Error> {
    if items.first().is_none_or(|item| is_upper(&item.sku)) {
        Ok(())
    } else {
        Err(Error::new("not_upper"))
    }
}

fn item(sku: &str, note: Option<&str>) -> Item {
    Item {
        sku: sku.into(),
        note: note.map(Into::into),
    }
}

fn order(items: Vec<Item>, choice: Choice) -> Order {
    Order {
        confirm: " ADA@X ".into(),
        email: " Ada@X ".into(),
        items,
        more: vec![item("ab-1", None)],
        shared: None,
        choice,
    }
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

#[test]
fn nested_values_get_their_own_pass() {
    let input = || Order {
        shared: Some(Rc::new(item(" cd-2 ", Some(" n ")))),
        ..order(
            vec![item(" ab-1 ", Some(" x ")), item("CD-2", None)],
            Choice::Named {
                name: " n ".into(),
                item: item("ef-3", None),
            },
        )
    };
    let [plain, fused] = both(input);
    assert_eq!(fused, plain);
    let valid = Valid::new(input()).expect("valid once normalized");
    assert_eq!(valid.items[0], item("AB-1", Some("x")));
    assert_eq!(valid.shared.as_deref(), Some(&item("CD-2", Some("n"))));
}

#[test]
fn a_failed_length_still_normalizes_the_items() {
    let input = || {
        order(
            vec![item("ab-1", None), item("cd-2", None), item("ef-3", None)],
            Choice::Code(" AB1 ".into()),
        )
    };
    let [plain, fused] = both(input);
    assert_eq!(fused, plain);
    let report = fused.1.expect_err("three items");
    assert_eq!(
        paths(&report),
        [("items".to_string(), "length".to_string())]
    );
    assert!(fused.0.items.iter().all(|item| is_upper(&item.sku)));
}

#[test]
fn a_shared_nested_value_is_validated_but_not_normalized() {
    let shared = Rc::new(item(" ab-1 ", None));
    let input = || Order {
        shared: Some(Rc::clone(&shared)),
        ..order(vec![], Choice::Code("ab".into()))
    };
    let [plain, fused] = both(input);
    assert_eq!(fused, plain);
    assert_eq!(fused.0.shared.as_deref(), Some(&item(" ab-1 ", None)));
    let report = fused.1.expect_err("not normalized");
    assert_eq!(
        paths(&report),
        [("shared.sku".to_string(), "pattern".to_string())]
    );
}

/// `email` fields under normalizers the address proof allows (`trim, lowercase`, NFKC, control
/// stripping) and one it does not (`uppercase`, which changes every letter it admits).
#[derive(Debug, Clone, PartialEq, Validate)]
struct Emails {
    #[normalize(trim, lowercase)]
    #[validate(email)]
    lower: String,
    #[normalize(nfkc, collapse_whitespace, strip_control)]
    #[validate(email(allow_single_label), length(max = 30))]
    unicode: Option<String>,
    #[normalize(each(trim, lowercase))]
    #[validate(each(email(international)))]
    list: Vec<String>,
    #[normalize(uppercase)]
    #[validate(email)]
    upper: String,
}

fn emails(address: &str) -> Emails {
    Emails {
        lower: address.to_string(),
        unicode: Some(address.to_string()),
        list: vec![address.to_string(), "ok@example.com".to_string()],
        upper: address.to_string(),
    }
}

/// Every byte, and a few characters beyond ASCII, at each place of an address: the one pass
/// gives what normalizing then validating gives, so the proof admits no byte a normalizer would
/// change (the derive writes that set down apart from the automaton that admits it).
#[test]
fn the_email_proof_admits_only_bytes_its_normalizers_keep() {
    let others = ['\u{a0}', 'é', 'Ａ', 'ﬁ', 'İ', '\u{200b}'];
    let chars = (0..128u8).map(char::from).chain(others);
    for c in chars {
        for address in [
            format!("{c}ada@example.com"),
            format!("a{c}da@example.com"),
            format!("ada{c}@example.com"),
            format!("ada@{c}example.com"),
            format!("ada@exa{c}mple.com"),
            format!("ada@example.co{c}"),
            format!("ada@example.com{c}"),
        ] {
            let [plain, fused] = both(|| emails(&address));
            assert_eq!(fused, plain, "{address:?}");
        }
    }
    // Proven: the address is kept, and nothing is reported.
    let valid = Valid::new(emails("ada@example.com")).expect("valid");
    assert_eq!(valid.lower, "ada@example.com");
    assert_eq!(valid.upper, "ADA@EXAMPLE.COM");
    // Not proven, then normalized and valid.
    let valid = Valid::new(emails("Ada@Example.COM")).expect("valid after normalizing");
    assert_eq!(valid.lower, "ada@example.com");
    assert_eq!(valid.list[0], "ada@example.com");
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

    #[test]
    fn one_pass_is_normalize_then_validate_through_nested_values(
        confirm in text(),
        email in text(),
        items in proptest::collection::vec((text(), proptest::option::of(text())), 0..4),
        more in proptest::collection::vec((text(), proptest::option::of(text())), 0..2),
        shared in proptest::option::of((text(), proptest::option::of(text()))),
        code in proptest::option::of(text()),
        name in text(),
        inner in (text(), proptest::option::of(text())),
    ) {
        let to_item = |(sku, note): &(String, Option<String>)| Item { sku: sku.clone(), note: note.clone() };
        let input = || Order {
            confirm: confirm.clone(),
            email: email.clone(),
            items: items.iter().map(to_item).collect(),
            more: more.iter().map(to_item).collect(),
            shared: shared.as_ref().map(|s| Rc::new(to_item(s))),
            choice: match &code {
                Some(code) => Choice::Code(code.clone()),
                None => Choice::Named { name: name.clone(), item: to_item(&inner) },
            },
        };
        let [plain, fused] = both(input);
        prop_assert_eq!(fused, plain);
    }

    #[test]
    fn the_email_proof_is_normalize_then_validate(
        local in "[ a-zA-Z0-9.+_@-]{0,6}",
        domain in "[ a-zA-Z0-9.@-]{0,8}",
        tail in "(|\\.(com|Co|c0|1|-a))[ ]?",
    ) {
        let address = format!("{local}@{domain}{tail}");
        let [plain, fused] = both(|| emails(&address));
        prop_assert_eq!(fused, plain);
    }
}
