//! `validate_core::normalize`: every normalizer on accepted (already normal) and changed inputs,
//! `Cow::Borrowed` for already-normal input, idempotence, and `strip_control` removing exactly
//! what `no_control` rejects.

use std::borrow::Cow;

use proptest::prelude::*;
use validate_core::normalize::{
    collapse_whitespace, lowercase, nfc, nfd, nfkc, nfkd, strip_control, trim, trim_end,
    trim_start, uppercase,
};
use validate_core::rules::no_control;

type Normalizer = fn(&str) -> Cow<'_, str>;

const ALL: &[(&str, Normalizer)] = &[
    ("trim", trim),
    ("trim_start", trim_start),
    ("trim_end", trim_end),
    ("lowercase", lowercase),
    ("uppercase", uppercase),
    ("nfc", nfc),
    ("nfd", nfd),
    ("nfkc", nfkc),
    ("nfkd", nfkd),
    ("collapse_whitespace", collapse_whitespace),
    ("strip_control", strip_control),
];

/// Characters that make normalizers work: padding, full-width forms, combining marks, Hangul
/// jamo, case-mapping special cases, ligatures, controls and invisible characters.
const TRICKY: &str = concat!(
    "aZ0 \t\n\r\0\u{7f}\u{85}\u{a0}\u{3000}\u{2003}\u{2028}\u{2029}\u{202e}\u{2066}",
    "\u{200b}\u{200d}\u{2060}\u{feff}\u{61c}Ａｚ１＠ｱﬁﬃ²①eé\u{301}\u{302}\u{323}\u{308}",
    "\u{345}Å\u{212b}\u{2126}İıiIßẞΣσςΐŉǅ\u{1100}\u{1161}\u{11a8}가각ﷺ㎒\u{fb2c}\u{0f73}",
    "\u{1d160}\u{2f800}",
);

fn tricky_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(TRICKY.chars().collect::<Vec<_>>()),
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Asserts each `(input, expected)` row, and that the result is `Cow::Borrowed` exactly when the
/// input was already normal.
fn check_table(name: &str, f: Normalizer, table: &[(&str, &str)]) {
    for &(input, expected) in table {
        let out = f(input);
        assert_eq!(out, expected, "{name}({input:?})");
        if input == expected {
            assert!(
                matches!(out, Cow::Borrowed(b) if b.as_ptr() == input.as_ptr()),
                "{name}({input:?}) is already normal and must be borrowed"
            );
        }
        assert_eq!(f(&out), out, "{name} is not idempotent on {input:?}");
    }
}

/// Every run of whitespace replaced by one space, written the plain way.
fn collapse_reference(s: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !in_run {
            out.push(' ');
        }
        in_run = c.is_whitespace();
    }
    out
}

#[test]
fn trim_tables() {
    check_table(
        "trim",
        trim,
        &[
            ("", ""),
            ("abc", "abc"),
            ("a b", "a b"),
            ("  abc  ", "abc"),
            ("\t\r\n abc \r\n", "abc"),
            ("\u{3000}ＡＢＣ\u{3000}", "ＡＢＣ"),
            ("\u{a0}abc\u{a0}", "abc"),
            ("\u{2003}\u{2028}a b\u{2029}\u{85}", "a b"),
            ("   ", ""),
            // Not whitespace: zero-width space and the BOM stay (strip_control removes them).
            ("\u{200b}a\u{feff}", "\u{200b}a\u{feff}"),
        ],
    );
    check_table(
        "trim_start",
        trim_start,
        &[
            ("", ""),
            ("abc ", "abc "),
            ("  abc  ", "abc  "),
            ("\u{3000}\u{a0}abc\u{3000}", "abc\u{3000}"),
            ("\n\t", ""),
        ],
    );
    check_table(
        "trim_end",
        trim_end,
        &[
            ("", ""),
            (" abc", " abc"),
            ("  abc  ", "  abc"),
            ("\u{3000}abc\u{3000}\u{a0}", "\u{3000}abc"),
            ("\n\t", ""),
        ],
    );
}

#[test]
fn lowercase_table() {
    check_table(
        "lowercase",
        lowercase,
        &[
            ("", ""),
            ("abc", "abc"),
            ("ada_1@example.com", "ada_1@example.com"),
            ("àda", "àda"),
            ("ß", "ß"),
            ("ABC", "abc"),
            ("ÀDA", "àda"),
            ("ＡＢＣ１２３＠", "ａｂｃ１２３＠"),
            // Unicode mapping, not Turkish: I is i, and İ keeps its dot as a combining mark.
            ("I", "i"),
            ("İstanbul", "i\u{307}stanbul"),
            ("ı", "ı"),
            ("ẞ", "ß"),
            // Final sigma at the end of a word, medial sigma elsewhere.
            ("ΟΔΟΣ", "οδος"),
            ("ΣΑ", "σα"),
            ("Σ", "σ"),
            ("ǅ", "ǆ"),
        ],
    );
}

#[test]
fn uppercase_table() {
    check_table(
        "uppercase",
        uppercase,
        &[
            ("", ""),
            ("ABC", "ABC"),
            ("ÀDA", "ÀDA"),
            ("ADA_1@EXAMPLE.COM", "ADA_1@EXAMPLE.COM"),
            ("abc", "ABC"),
            ("straße", "STRASSE"),
            ("ı", "I"),
            ("i", "I"),
            ("οδος", "ΟΔΟΣ"),
            ("ﬁ", "FI"),
            ("ŉ", "ʼN"),
            ("ａｂｃ", "ＡＢＣ"),
            ("ǅ", "Ǆ"),
        ],
    );
}

#[test]
fn nfc_table() {
    check_table(
        "nfc",
        nfc,
        &[
            ("", ""),
            ("abc", "abc"),
            ("é", "é"),
            ("日本語", "日本語"),
            // NFC keeps compatibility characters.
            ("ＡＢＣ１２３＠", "ＡＢＣ１２３＠"),
            ("ﬁ", "ﬁ"),
            ("e\u{301}", "é"),
            ("cafe\u{301}", "café"),
            ("\u{212b}", "\u{c5}"),
            ("\u{2126}", "\u{3a9}"),
            ("\u{1100}\u{1161}", "가"),
            // Combining marks are reordered canonically before composing.
            ("e\u{323}\u{302}", "\u{1ec7}"),
            ("e\u{302}\u{323}", "\u{1ec7}"),
        ],
    );
}

#[test]
fn nfd_table() {
    check_table(
        "nfd",
        nfd,
        &[
            ("", ""),
            ("abc", "abc"),
            ("e\u{301}", "e\u{301}"),
            ("ＡＢＣ", "ＡＢＣ"),
            ("é", "e\u{301}"),
            ("café", "cafe\u{301}"),
            ("가", "\u{1100}\u{1161}"),
            ("\u{1ec7}", "e\u{323}\u{302}"),
            ("e\u{302}\u{323}", "e\u{323}\u{302}"),
        ],
    );
}

#[test]
fn nfkc_table() {
    check_table(
        "nfkc",
        nfkc,
        &[
            ("", ""),
            ("abc", "abc"),
            ("é", "é"),
            ("日本語", "日本語"),
            ("ＡＢＣ１２３＠", "ABC123@"),
            ("ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ", "user@example.com"),
            ("ﬁle", "file"),
            ("e\u{301}", "é"),
            ("①", "1"),
            ("x²", "x2"),
            ("ｱ", "ア"),
            ("\u{a0}", " "),
            ("\u{3000}", " "),
            ("\u{2126}", "\u{3a9}"),
            ("㎒", "MHz"),
        ],
    );
}

#[test]
fn nfkd_table() {
    check_table(
        "nfkd",
        nfkd,
        &[
            ("", ""),
            ("abc", "abc"),
            ("e\u{301}", "e\u{301}"),
            ("ﬁ\u{e9}", "fie\u{301}"),
            ("ＡＢＣ１２３＠", "ABC123@"),
            ("é", "e\u{301}"),
            ("가", "\u{1100}\u{1161}"),
        ],
    );
}

#[test]
fn collapse_whitespace_table() {
    check_table(
        "collapse_whitespace",
        collapse_whitespace,
        &[
            ("", ""),
            ("abc", "abc"),
            ("a b c", "a b c"),
            (" a ", " a "),
            ("a  b", "a b"),
            ("a \t\n b", "a b"),
            ("a\tb", "a b"),
            ("a\u{3000}b", "a b"),
            ("a\u{a0}\u{2003}b", "a b"),
            ("a\u{2028}\u{2029}b", "a b"),
            // It does not trim: leading and trailing runs become one space.
            ("  a  ", " a "),
            ("\n\n", " "),
            // Zero-width space is not whitespace.
            ("a\u{200b}b", "a\u{200b}b"),
        ],
    );
}

#[test]
fn strip_control_table() {
    check_table(
        "strip_control",
        strip_control,
        &[
            ("", ""),
            ("abc", "abc"),
            ("a\tb\nc", "a\tb\nc"),
            ("héllo wörld", "héllo wörld"),
            ("a\u{202e}b\u{200b}c\0", "abc"),
            ("a\r\nb", "a\nb"),
            ("\u{feff}start", "start"),
            ("\u{1b}[31mred\u{1b}[0m", "[31mred[0m"),
            ("\u{80}\u{85}\u{9f}x", "x"),
            ("\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}x", "x"),
            ("\u{2066}\u{2067}\u{2068}\u{2069}x", "x"),
            ("\u{200b}\u{200c}\u{200d}\u{2060}x", "x"),
            ("line\u{2028}para\u{2029}", "linepara"),
            ("\u{7f}", ""),
        ],
    );
}

#[test]
fn normalizers_never_allocate_for_normal_input() {
    let normal: &[(&str, &[&str])] = &[
        ("trim", &["", "a", "a b", "日本", "\u{200b}"]),
        ("trim_start", &["", "a ", "日本\u{3000}"]),
        ("trim_end", &["", " a", "\u{3000}日本"]),
        (
            "lowercase",
            &["", "abc 123", "àéîõü", "straße", "οδος", "i\u{307}"],
        ),
        ("uppercase", &["", "ABC 123", "ÀÉÎÕÜ", "ΟΔΟΣ", "日本"]),
        ("nfc", &["", "abc", "café", "가", "ＡＢＣ", "ﬁ"]),
        (
            "nfd",
            &["", "abc", "cafe\u{301}", "\u{1100}\u{1161}", "ＡＢＣ"],
        ),
        ("nfkc", &["", "abc", "café", "가", "日本語"]),
        ("nfkd", &["", "abc", "cafe\u{301}", "\u{1100}\u{1161}"]),
        ("collapse_whitespace", &["", "a b c", " a ", "日本 語"]),
        ("strip_control", &["", "a\tb\nc", "日本", "\u{3000}"]),
    ];
    for &(name, inputs) in normal {
        let f = ALL.iter().find(|(n, _)| *n == name).unwrap().1;
        for &input in inputs {
            assert!(
                matches!(f(input), Cow::Borrowed(b) if b == input),
                "{name}({input:?}) must return the input borrowed"
            );
        }
    }
}

#[test]
fn every_normalizer_is_idempotent_on_tricky_input() {
    let inputs = [
        "  ＡＢＣ１２３＠  ",
        "\u{3000}İstanbul ΟΔΟΣ straße\u{a0}",
        "e\u{301}\u{323} ﬁ ① ｱ ㎒",
        "a\u{202e}b\u{200b}\r\n\tc\0\u{feff}",
        "ΣΑΣ ΑΣ. Σ",
        "ΐ ŉ ǅ \u{345}",
        "\u{1100}\u{1161}\u{11a8} 각",
        "\u{fb2c}\u{0f73}\u{1d160}\u{2f800}",
    ];
    for &(name, f) in ALL {
        for input in inputs {
            let once = f(input).into_owned();
            let twice = f(&once);
            assert_eq!(twice, once, "{name} is not idempotent on {input:?}");
            assert!(
                matches!(twice, Cow::Borrowed(_)),
                "{name}: second pass must borrow"
            );
        }
    }
}

#[test]
fn look_alikes_normalize_to_the_same_value() {
    // The point of normalizing first: a rule then sees one canonical form.
    let canonical = |s: &str| lowercase(&nfkc(trim(s).as_ref())).into_owned();
    assert_eq!(canonical("  ＡＤＡ  "), "ada");
    assert_eq!(canonical("\u{3000}Ada\u{a0}"), "ada");
    assert_eq!(canonical("ﬁle"), canonical("file"));
    assert_eq!(canonical("cafe\u{301}"), canonical("café"));
}

#[test]
fn no_control_flags_the_documented_characters() {
    let forbidden = [
        '\0', '\u{1}', '\u{8}', '\u{b}', '\u{c}', '\r', '\u{1b}', '\u{1f}', '\u{7f}', '\u{80}',
        '\u{85}', '\u{9f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}',
        '\u{2067}', '\u{2068}', '\u{2069}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}',
        '\u{feff}', '\u{2028}', '\u{2029}',
    ];
    for c in forbidden {
        assert!(no_control::is_forbidden(c), "{c:?} must be forbidden");
        assert!(
            !no_control::check(&format!("ok{c}ok")),
            "check must reject {c:?}"
        );
        assert_eq!(
            strip_control(&format!("a{c}b")),
            "ab",
            "strip_control must remove {c:?}"
        );
    }
    let allowed = [
        '\t', '\n', ' ', 'a', '~', '\u{a0}', 'é', '\u{2000}', '\u{2027}', '\u{202f}',
    ];
    for c in allowed {
        assert!(!no_control::is_forbidden(c), "{c:?} must be allowed");
        assert!(
            no_control::check(&format!("ok{c}ok")),
            "check must accept {c:?}"
        );
    }
}

proptest! {
    #[test]
    fn normalizers_are_idempotent_on_arbitrary_strings(s in any::<String>()) {
        for &(name, f) in ALL {
            let once = f(&s).into_owned();
            prop_assert_eq!(f(&once), once.as_str(), "{} on {:?}", name, s);
        }
    }

    #[test]
    fn normalizers_are_idempotent_on_tricky_strings(s in tricky_string()) {
        for &(name, f) in ALL {
            let once = f(&s).into_owned();
            prop_assert_eq!(f(&once), once.as_str(), "{} on {:?}", name, s);
        }
    }

    #[test]
    fn unchanged_output_is_borrowed(s in prop_oneof![any::<String>(), tricky_string()]) {
        for &(name, f) in ALL {
            let out = f(&s);
            if out == s.as_str() {
                prop_assert!(matches!(out, Cow::Borrowed(_)), "{} allocated for {:?}", name, s);
            }
        }
    }

    #[test]
    fn normalizers_agree_with_std_and_unicode_definitions(s in tricky_string()) {
        prop_assert_eq!(trim(&s), s.trim());
        prop_assert_eq!(lowercase(&s), s.to_lowercase());
        prop_assert_eq!(uppercase(&s), s.to_uppercase());
        prop_assert_eq!(collapse_whitespace(&s), collapse_reference(&s));
    }

    #[test]
    fn strip_control_removes_exactly_the_forbidden_characters(
        s in prop_oneof![any::<String>(), tricky_string()]
    ) {
        let stripped = strip_control(&s);
        prop_assert!(no_control::check(&stripped), "{:?} -> {:?}", s, stripped);
        let kept: String = s.chars().filter(|&c| !no_control::is_forbidden(c)).collect();
        prop_assert_eq!(stripped.as_ref(), kept.as_str());
        prop_assert_eq!(matches!(stripped, Cow::Borrowed(_)), kept == s);
    }

    #[test]
    fn no_control_check_agrees_with_is_forbidden(
        s in prop_oneof![any::<String>(), tricky_string()]
    ) {
        prop_assert_eq!(no_control::check(&s), !s.chars().any(no_control::is_forbidden));
    }
}

proptest::proptest! {
    /// The eight-bytes-at-a-time ASCII path agrees with the standard library's case mapping.
    #[test]
    fn case_mapping_matches_std(s in "[ -~]{0,40}|[a-zA-Z@\\[`{é]{0,20}") {
        proptest::prop_assert_eq!(validate_core::normalize::lowercase(&s), s.to_lowercase());
        proptest::prop_assert_eq!(validate_core::normalize::uppercase(&s), s.to_uppercase());
    }
}

/// Mostly ASCII, with the bytes the quick check must not miss: both cases, spaces, tab, newline,
/// other controls, DEL, and a few non-ASCII characters.
fn mostly_ascii() -> impl Strategy<Value = String> {
    "[ -~]{0,20}|[ aA\t\n\r\x00\x0b\x7f\u{a0}\u{3000}é]{0,12}|[ -~]{0,9}[\x00-\x1f\x7f][ -~]{0,9}"
}

proptest::proptest! {
    /// The derive skips a chain of normalizers when `StrMut::is_normal` says the value is
    /// normal under all of it: that answer must never be wrong.
    #[test]
    fn quick_normal_check_never_skips_a_change(
        s in prop_oneof![mostly_ascii(), tricky_string(), any::<String>()],
        chain in proptest::collection::vec(0..ALL.len(), 1..5),
    ) {
        use validate_core::__private::{StrMut, normal_flags};
        let names: Vec<&str> = chain.iter().map(|&i| ALL[i].0).collect();
        let flags = normal_flags(&names);
        if StrMut::is_normal(&s, flags) {
            for &i in &chain {
                let (name, f) = ALL[i];
                prop_assert!(
                    matches!(f(&s), Cow::Borrowed(b) if b == s),
                    "is_normal said {s:?} is normal under {name}, which changes it"
                );
            }
        }
    }
}

#[test]
fn quick_normal_check_accepts_common_normal_text() {
    use validate_core::__private::{StrMut, normal_flags as chain};
    let trim_nfkc_lower = chain(&["trim", "nfkc", "lowercase"]);
    for s in ["ada_lovelace", "ada@example.com", "a b-c.d/e:f?g#h", ""] {
        assert!(String::from(s).is_normal(trim_nfkc_lower), "{s:?}");
    }
    for s in ["Ada", " ada", "ada\t", "adé", "ad\u{7f}"] {
        assert!(!String::from(s).is_normal(trim_nfkc_lower), "{s:?}");
    }
    let collapse = chain(&["collapse_whitespace", "strip_control"]);
    assert!(String::from("a b c").is_normal(collapse));
    for s in ["a  b", "a\tb", "a\nb", "a\u{0}b"] {
        assert!(!String::from(s).is_normal(collapse), "{s:?}");
    }
    assert!(Some(String::from("ABC")).is_normal(chain(&["trim", "uppercase"])));
    assert!(None::<String>.is_normal(chain(&["trim", "uppercase"])));
}
