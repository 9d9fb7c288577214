//! Every rule through the derive: accepted and rejected tables, the error's code, path, message
//! and parameters, and the `message = ` / `code = ` overrides.

use std::collections::{BTreeMap, HashMap, VecDeque};

use validate_core::{Param, Validate};

/// One struct per rule with a single field `v`; every accepted value validates, every rejected
/// one gives exactly one error, at `v`, with the rule's code.
macro_rules! table {
    ($name:ident: $ty:ty, [$($rule:tt)*], accept [$($ok:expr),* $(,)?], reject [$($bad:expr),* $(,)?], $code:literal) => {
        #[test]
        fn $name() {
            #[derive(Validate)]
            struct T {
                #[validate($($rule)*)]
                v: $ty,
            }
            for ok in [$($ok),*] {
                let shown = format!("{:?}", ok);
                let value: $ty = ok.into();
                if let Err(report) = (T { v: value }).validate() {
                    panic!("{shown} should pass, got {report}");
                }
            }
            for bad in [$($bad),*] {
                let shown = format!("{:?}", bad);
                let value: $ty = bad.into();
                let report = (T { v: value }).validate().expect_err(&format!("{shown} should fail"));
                assert_eq!(report.len(), 1, "{shown}: {report}");
                let error = &report.errors()[0];
                assert_eq!(error.code(), $code, "{shown}");
                assert_eq!(error.path().to_string(), "v");
                assert!(!error.message().is_empty());
            }
        }
    };
}

table!(length_chars: String, [length(min = 2, max = 4)],
    accept ["ab", "abcd", "éé", "日本語"],
    reject ["a", "", "abcde", "ééééé"], "length");
table!(length_equal: String, [length(equal = 3)],
    accept ["abc", "été"], reject ["ab", "abcd"], "length");
table!(length_bytes: String, [length(bytes, max = 4)],
    accept ["abcd", "éé"], reject ["abcde", "ééé"], "length");
table!(length_items: Vec<u8>, [length(min = 1, max = 2)],
    accept [vec![1], vec![1, 2]], reject [vec![], vec![1, 2, 3]], "length");
table!(length_option: Option<String>, [length(min = 2)],
    accept [None, Some("ab".to_owned())], reject [Some("a".to_owned())], "length");
table!(range_int: i32, [range(min = -5, max = 10)],
    accept [-5, 0, 10], reject [-6, 11, i32::MIN, i32::MAX], "range");
table!(range_exclusive: f64, [range(exclusive_min = 0, exclusive_max = 1.5)],
    accept [0.001, 1.0, 1.499], reject [0.0, 1.5, -1.0, f64::NAN, f64::INFINITY], "range");
table!(range_nan_fails: f32, [range(min = 0.0)],
    accept [0.0f32, 3.5], reject [f32::NAN, -0.5], "range");
table!(range_u64_extremes: u64, [range(min = 1, max = 18446744073709551615)],
    accept [1u64, u64::MAX], reject [0u64], "range");
table!(pattern_full_match: String, [pattern = "[a-z]+"],
    accept ["abc", "z"], reject ["abc1", "1abc", "\nabc", "abc\n", "", "ABC"], "pattern");
table!(pattern_alternation: String, [pattern = "a|ab"],
    accept ["a", "ab"], reject ["abc", "b", "aab"], "pattern");
table!(email: String, [email],
    accept ["ada@example.com", "a.b+c@sub.example.org"],
    reject ["ada", "ada@", "@example.com", "ada@localhost", "a b@example.com", "ada@example..com"], "email");
table!(email_single_label: String, [email(allow_single_label)],
    accept ["ada@localhost", "ada@example.com"], reject ["ada@"], "email");
table!(url: String, [url],
    accept ["https://example.com", "http://example.com/a?b=c#d"],
    reject ["javascript:alert(1)", "ftp://example.com", "example.com", "https://", "data:text/html,x", "file:///etc/passwd"], "url");
table!(url_schemes: String, [url(schemes("https"))],
    accept ["https://example.com"], reject ["http://example.com"], "url");
table!(hostname: String, [hostname],
    accept ["example.com", "localhost", "a-b.c"],
    reject ["-a.com", "a..b", "example.com.", "ex ample.com", ""], "hostname");
table!(ipv4: String, [ipv4],
    accept ["127.0.0.1", "255.255.255.255"], reject ["01.2.3.4", "256.1.1.1", "1.2.3", "::1"], "ipv4");
table!(ipv6: String, [ipv6],
    accept ["::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1"], reject ["1.2.3.4", "fe80::1%eth0", ":::"], "ipv6");
table!(ip: String, [ip],
    accept ["10.0.0.1", "::1"], reject ["010.0.0.1", "host"], "ip");
table!(uuid: String, [uuid],
    accept ["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000"],
    reject ["123e4567e89b12d3a456426614174000", "{123e4567-e89b-12d3-a456-426614174000}", "123e4567-e89b-12d3-a456-42661417400g"], "uuid");
table!(credit_card: String, [credit_card],
    accept ["4539 1488 0343 6467", "4539-1488-0343-6467", "4539148803436467"],
    reject ["4539 1488 0343 6468", "1234", "4539  1488 0343 6467", " 4539148803436467", "abcd"], "credit_card");
table!(chars: String, [chars(ascii_lowercase, ascii_digit, "-")],
    accept ["a-1", "", "abc"], reject ["A", "a_b", "a b", "é"], "chars");
table!(chars_non_ascii: String, [chars(ascii_lowercase, "éü ")],
    accept ["é ü", "abc"], reject ["è", "A"], "chars");
table!(ascii: String, [ascii],
    accept ["abc!~", ""], reject ["é", "日本"], "ascii");
table!(alphanumeric: String, [alphanumeric],
    accept ["abc123", "ABC"], reject ["a b", "é", "a-b"], "alphanumeric");
table!(no_control: String, [no_control],
    accept ["a\tb\nc", "é日本"],
    reject ["a\0b", "a\rb", "a\u{202e}b", "a\u{200b}b", "\u{feff}a", "a\u{2028}b", "a\u{85}b", "\u{1b}[31m"], "no_control");
table!(one_of_str: String, [one_of("red", "green")],
    accept ["red", "green"], reject ["blue", "Red", "red "], "one_of");
table!(one_of_num: u8, [one_of(1, 2, 3)],
    accept [1u8, 3], reject [0u8, 4], "one_of");
table!(none_of_str: String, [none_of("admin", "root")],
    accept ["ada"], reject ["admin", "root"], "none_of");
table!(none_of_float: f64, [none_of(0.5, 1)],
    accept [0.25], reject [0.5, 1.0], "none_of");
table!(contains: String, [contains = "@"],
    accept ["a@b"], reject ["ab"], "contains");
table!(not_contains: String, [not_contains = ".."],
    accept ["a.b", "", "."], reject ["..", "a..b", "a..."], "not_contains");
table!(not_contains_call: Option<String>, [not_contains("<script", message = "no scripts")],
    accept [None::<String>, Some("<scrip".to_owned())], reject [Some("a<script>".to_owned())], "not_contains");
table!(prefix: String, [prefix = "sk_"],
    accept ["sk_1"], reject ["pk_1", "xsk_"], "prefix");
table!(suffix: String, [suffix(".png")],
    accept ["a.png"], reject ["a.png.exe"], "suffix");
table!(required: Option<String>, [required],
    accept [Some("x".to_owned())], reject [None::<String>], "required");

#[test]
fn rules_skip_none() {
    #[derive(Validate)]
    struct T {
        #[validate(email, length(min = 5), pattern = "x+", url, uuid, one_of("a"))]
        v: Option<String>,
    }
    assert!(T { v: None }.validate().is_ok());
}

#[test]
fn each_and_keys_paths() {
    #[derive(Validate)]
    struct T {
        #[validate(each(length(max = 3)))]
        list: VecDeque<String>,
        #[validate(keys(pattern = "[a-z]{2}"), each(length(min = 1)))]
        labels: BTreeMap<String, String>,
        #[validate(each(each(range(max = 9))))]
        grid: Vec<[u8; 2]>,
        #[validate(each(required))]
        maybe: Vec<Option<u8>>,
    }
    let t = T {
        list: VecDeque::from(["abc".to_owned(), "abcd".to_owned()]),
        labels: BTreeMap::from([
            ("en".to_owned(), String::new()),
            ("EN".to_owned(), "x".to_owned()),
        ]),
        grid: vec![[1, 2], [3, 10]],
        maybe: vec![Some(1), None],
    };
    let report = t.validate().unwrap_err();
    let got: Vec<(String, String, &str)> = report
        .iter()
        .map(|e| (e.path().to_string(), e.path().to_pointer(), e.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("list[1]".to_owned(), "/list/1".to_owned(), "length"),
            (
                "labels[\"EN\"][key]".to_owned(),
                "/labels/EN".to_owned(),
                "pattern"
            ),
            (
                "labels[\"en\"]".to_owned(),
                "/labels/en".to_owned(),
                "length"
            ),
            ("grid[1][1]".to_owned(), "/grid/1/1".to_owned(), "range"),
            ("maybe[1]".to_owned(), "/maybe/1".to_owned(), "required"),
        ]
    );
}

#[test]
fn hashmap_values() {
    #[derive(Validate)]
    struct T {
        #[validate(each(email))]
        emails: HashMap<String, String>,
    }
    let t = T {
        emails: HashMap::from([("work".to_owned(), "nope".to_owned())]),
    };
    let report = t.validate().unwrap_err();
    assert_eq!(report.errors()[0].path().to_string(), "emails[\"work\"]");
}

#[test]
fn overrides_and_params() {
    #[derive(Validate)]
    struct T {
        #[validate(length(min = 3, max = 5, message = "pick 3 to 5 letters", code = "name_size"))]
        name: String,
        #[validate(range(min = 1.5, exclusive_max = 10))]
        score: f32,
        #[validate(one_of("a", "b"))]
        grade: String,
        #[validate(pattern(path = ZIP), url(schemes("https", "wss"), message = "bad url"))]
        zip: String,
        #[validate(chars(ascii_digit, "-"))]
        phone: String,
    }
    static ZIP: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| validate_core::pattern::compile("[0-9]{5}").unwrap());
    let report = T {
        name: "ab".into(),
        score: 10.0,
        grade: "c".into(),
        zip: "1234".into(),
        phone: "12a".into(),
    }
    .validate()
    .unwrap_err();
    let e = report.errors();
    assert_eq!(e.len(), 6, "{report}");
    assert_eq!(
        (e[0].code(), e[0].message()),
        ("name_size", "pick 3 to 5 letters")
    );
    assert_eq!(e[0].param("min"), Some(&Param::Int(3)));
    assert_eq!(e[0].param("max"), Some(&Param::Int(5)));
    assert_eq!(e[1].code(), "range");
    assert_eq!(e[1].message(), "must be at least 1.5 and less than 10");
    assert_eq!(e[1].param("min"), Some(&Param::Float(1.5)));
    assert_eq!(e[1].param("exclusive_max"), Some(&Param::Int(10)));
    assert_eq!(e[2].message(), "must be one of: a, b");
    assert_eq!(
        e[2].param("values"),
        Some(&Param::List(vec!["a".into(), "b".into()]))
    );
    assert_eq!(e[3].code(), "pattern");
    assert_eq!(e[3].param("pattern"), Some(&Param::Str("[0-9]{5}".into())));
    assert_eq!((e[4].code(), e[4].message()), ("url", "bad url"));
    assert_eq!(
        e[4].param("schemes"),
        Some(&Param::List(vec!["https".into(), "wss".into()]))
    );
    assert_eq!(e[5].code(), "chars");
    assert_eq!(e[5].param("chars"), Some(&Param::Str("-".into())));
}

#[test]
fn must_match_and_custom() {
    fn even(n: &u32) -> Result<(), validate_core::Error> {
        if n.is_multiple_of(2) {
            Ok(())
        } else {
            Err(validate_core::Error::new("even")
                .with_message("must be even")
                .with_param("n", *n))
        }
    }
    fn starts_upper(s: &str) -> Result<(), validate_core::Error> {
        if s.starts_with(char::is_uppercase) {
            Ok(())
        } else {
            Err(validate_core::Error::new("upper"))
        }
    }
    fn dates(t: &T) -> Result<(), validate_core::Error> {
        if t.start <= t.end {
            Ok(())
        } else {
            Err(validate_core::Error::new("order")
                .with_message("end before start")
                .at("end"))
        }
    }
    #[derive(serde::Deserialize, Validate)]
    #[validate(custom(dates))]
    #[serde(rename_all = "camelCase")]
    struct T {
        #[validate(custom(even))]
        count: u32,
        #[validate(custom(starts_upper, code = "capital"))]
        name: Option<String>,
        pin: String,
        #[validate(must_match(pin))]
        pin_again: String,
        start: u32,
        end: u32,
    }
    let report = T {
        count: 3,
        name: Some("ada".into()),
        pin: "1234".into(),
        pin_again: "1243".into(),
        start: 5,
        end: 1,
    }
    .validate()
    .unwrap_err();
    let got: Vec<(String, &str)> = report
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("count".to_owned(), "even"),
            ("name".to_owned(), "capital"),
            ("pinAgain".to_owned(), "must_match"),
            ("end".to_owned(), "order"),
        ]
    );
    assert_eq!(report.errors()[0].param("n"), Some(&Param::Int(3)));
    assert_eq!(
        report.errors()[2].param("other"),
        Some(&Param::Str("pin".into()))
    );
    let ok = T {
        count: 2,
        name: None,
        pin: "1".into(),
        pin_again: "1".into(),
        start: 1,
        end: 1,
    };
    assert!(ok.validate().is_ok());
}

#[test]
fn oversized_value_is_not_scanned_further() {
    #[derive(Validate)]
    struct T {
        #[validate(length(max = 32), pattern = "[a-z]+", email)]
        v: String,
    }
    let huge = "A".repeat(10 * 1024 * 1024);
    let report = T { v: huge }.validate().unwrap_err();
    assert_eq!(report.len(), 1);
    assert_eq!(report.errors()[0].code(), "length");
    assert!(report.to_string().len() < 200, "the log line stays short");
}

mod planned_patterns {
    //! The derive compiles patterns made of disjoint ASCII class runs into byte-set checks; they
    //! must accept exactly what the full-match regex accepts.
    use proptest::prelude::*;
    use validate_core::Validate;

    macro_rules! same_as_regex {
        ($($name:ident: $pattern:literal),* $(,)?) => {$(
            proptest! {
                #[test]
                fn $name(s in "[abcxyzAB019_ é\\-]{0,12}") {
                    #[derive(Validate)]
                    struct T {
                        #[validate(pattern = $pattern)]
                        v: String,
                    }
                    let re = validate_core::pattern::compile($pattern).unwrap();
                    let derived = (T { v: s.clone() }).validate().is_ok();
                    prop_assert_eq!(derived, re.is_match(&s), "pattern {} on {:?}", $pattern, s);
                }
            }
        )*};
    }

    same_as_regex!(
        word: "[a-z0-9_]+",
        five_digits: "[0-9]{5}",
        code: "[A-Z]{2}-[0-9]{1,4}",
        case_insensitive: "(?i)ab[0-9]*",
        optional_middle: "[a-c]*x?[0-9]{1,3}",
        overlapping_runs: "[a-c]+[b-z]+",
        alternation: "ab|a|x[0-9]",
        unicode_class: "\\w+",
        empty: "",
        any: ".{2,3}",
        fixed_runs: "[A-B]{2}-[0-9]{3}",
    );

    proptest! {
        /// Runs of fixed length are checked slice by slice: near misses of every kind.
        #[test]
        fn fixed_runs_on_near_misses(s in "[ABa]{1,3}[-_]{0,2}[019x]{2,4}") {
            #[derive(Validate)]
            struct Sku {
                #[validate(pattern = "[A-Z]{2}-[0-9]{3}")]
                v: String,
            }
            let re = validate_core::pattern::compile("[A-Z]{2}-[0-9]{3}").unwrap();
            prop_assert_eq!((Sku { v: s.clone() }).validate().is_ok(), re.is_match(&s), "{:?}", s);
        }
    }
}

#[test]
fn rules_apply_through_pointers_and_borrows() {
    use std::borrow::Cow;
    use std::collections::{BTreeSet, HashSet};
    use std::rc::Rc;
    use std::sync::Arc;

    #[derive(Validate)]
    struct T<'a> {
        #[validate(email)]
        borrowed: &'a str,
        #[validate(length(max = 3))]
        cow: Cow<'a, str>,
        #[validate(range(max = 5))]
        boxed: Box<u8>,
        #[validate(pattern = "[a-z]+")]
        shared: Arc<str>,
        #[validate(prefix = "x")]
        rc: Rc<String>,
        #[validate(each(length(min = 2)))]
        slice: &'a [String],
        #[validate(each(one_of("a", "b")))]
        set: BTreeSet<String>,
        #[validate(length(max = 1))]
        hash_set: HashSet<u8>,
        #[validate(each(uuid))]
        nested_option: Option<Vec<Option<String>>>,
    }
    let strings = vec!["ab".to_owned(), "c".to_owned()];
    let t = T {
        borrowed: "nope",
        cow: Cow::Borrowed("long"),
        boxed: Box::new(6),
        shared: Arc::from("ABC"),
        rc: Rc::new("y".to_owned()),
        slice: &strings,
        set: BTreeSet::from(["a".to_owned(), "c".to_owned()]),
        hash_set: HashSet::from([1, 2]),
        nested_option: Some(vec![None, Some("not-a-uuid".to_owned())]),
    };
    let report = t.validate().unwrap_err();
    let got: Vec<(String, &str)> = report
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("borrowed".to_owned(), "email"),
            ("cow".to_owned(), "length"),
            ("boxed".to_owned(), "range"),
            ("shared".to_owned(), "pattern"),
            ("rc".to_owned(), "prefix"),
            ("slice[1]".to_owned(), "length"),
            ("set[1]".to_owned(), "one_of"),
            ("hash_set".to_owned(), "length"),
            ("nested_option[1]".to_owned(), "uuid"),
        ]
    );
}

mod no_panics {
    //! Every rule, through the derive, on arbitrary strings: a result, never a panic.
    use proptest::prelude::*;
    use validate_core::Validate;

    #[derive(Validate)]
    struct Everything {
        #[normalize(trim, nfkc, lowercase, collapse_whitespace, strip_control)]
        #[validate(
            length(min = 1, max = 64),
            pattern = "[a-z0-9_]+",
            email,
            url,
            hostname,
            ip,
            uuid
        )]
        a: String,
        #[normalize(nfd, uppercase, trim_end)]
        #[validate(
            chars(ascii_alpha, "é-"),
            ascii,
            alphanumeric,
            no_control,
            one_of("x"),
            none_of("y")
        )]
        b: String,
        #[validate(
            contains = "@",
            prefix = "a",
            suffix = "z",
            credit_card,
            ipv4,
            ipv6,
            length(bytes, max = 40)
        )]
        c: String,
        #[validate(
            email(international, allow_single_label),
            url(schemes("ftp"), allow_credentials, max_length = 30)
        )]
        d: String,
    }

    proptest! {
        #[test]
        fn arbitrary_strings(s in any::<String>()) {
            let mut value = Everything { a: s.clone(), b: s.clone(), c: s.clone(), d: s.clone() };
            value.normalize();
            let once = (value.a.clone(), value.b.clone());
            value.normalize();
            prop_assert_eq!(once, (value.a.clone(), value.b.clone()), "normalization is idempotent");
            if let Err(report) = value.validate() {
                prop_assert!(!report.is_empty());
                for line in report.to_string().lines() {
                    prop_assert!(line.len() < 400, "log lines stay bounded: {}", line);
                }
                let json = serde_json::to_string(&report).unwrap();
                prop_assert!(s.len() < 12 || !json.contains(&s), "the value is not echoed");
            }
        }
    }
}

#[test]
fn a_normalizer_chain_reaches_a_fixed_point() {
    // NFKC turns U+00AF MACRON into a space and a combining macron: the `trim` before it has to
    // run again, or a second `normalize()` would change a normalized value.
    #[derive(Validate)]
    struct T {
        #[normalize(trim, nfkc, lowercase)]
        v: String,
    }
    let mut t = T {
        v: "\u{af}Ada".into(),
    };
    t.normalize();
    assert_eq!(t.v, "\u{304}ada");
    t.normalize();
    assert_eq!(t.v, "\u{304}ada");
}

proptest::proptest! {
    /// The preview a report keeps for a rejected value is exactly `log::preview` of it.
    #[test]
    fn stored_preview_is_log_preview(s in "\\PC{1,40}|[a-z\"\\\\\n\u{202e}]{1,40}") {
        #[derive(Validate)]
        struct T {
            #[validate(length(max = 0))]
            v: String,
        }
        let report = (T { v: s.clone() }).validate().unwrap_err();
        let expected = validate_core::log::preview(&s, validate_core::PREVIEW_CHARS).to_string();
        proptest::prop_assert_eq!(report.errors()[0].preview(), Some(expected.as_str()));
    }
}
