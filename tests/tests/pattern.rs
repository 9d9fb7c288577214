//! `validate_core::pattern`: `compile` builds full-match regexes, `fullmatch` asks whether a
//! regex matches all of a string, also for regexes not built by `compile`.

use proptest::prelude::*;
use regex::Regex;
use validate_core::pattern::{compile, fullmatch};

/// Whether `pattern` matches all of `s`, asked of an explicitly anchored regex (the patterns given
/// here use no `x` flag, so the plain wrapping is exact).
fn oracle(pattern: &str, s: &str) -> bool {
    Regex::new(&format!(r"\A(?:{pattern})\z"))
        .unwrap()
        .is_match(s)
}

#[test]
fn compiled_pattern_accepts_whole_values_only() {
    let re = compile("[a-z]+").unwrap();
    for accepted in ["abc", "a", "zzzz"] {
        assert!(fullmatch(&re, accepted), "{accepted:?}");
        assert!(re.is_match(accepted), "{accepted:?}");
    }
    for rejected in [
        "abc1", "1abc", "\nabc", "abc\n", "abc\r\n", "ab c", "", "ABC", " abc",
    ] {
        assert!(!fullmatch(&re, rejected), "{rejected:?}");
        assert!(
            !re.is_match(rejected),
            "compiled regex alone must reject {rejected:?}"
        );
    }
}

#[test]
fn compiled_alternation_spans_the_whole_value() {
    let re = compile("a|ab").unwrap();
    assert!(re.is_match("a"));
    assert!(re.is_match("ab"));
    assert!(!re.is_match("abc"));
    assert!(!re.is_match("b"));
    assert!(fullmatch(&re, "ab"));

    // Without the group around the pattern, `\Aa|ab\z` would accept "ax" and "xab".
    let re = compile("a|ab").unwrap();
    assert!(!re.is_match("ax"));
    assert!(!re.is_match("xab"));
}

#[test]
fn compiled_pattern_keeps_its_own_anchors_and_flags() {
    let re = compile("^[0-9]{5}$").unwrap();
    assert!(re.is_match("12345"));
    assert!(!re.is_match("12345\n"));
    assert!(!re.is_match("123456"));

    // Multi-line `$` matches before a newline, but the value must still end there.
    let re = compile("(?m)^abc$").unwrap();
    assert!(re.is_match("abc"));
    assert!(!re.is_match("abc\n"));
    assert!(!re.is_match("abc\nabc"));
    assert!(!re.is_match("x\nabc"));

    let re = compile("(?i)[a-z]+").unwrap();
    assert!(re.is_match("AbC"));
    assert!(!re.is_match("AbC1"));

    // `.` does not match `\n` unless `s` is set, so a newline cannot hide in `.*`.
    let re = compile("a.*z").unwrap();
    assert!(re.is_match("a-z"));
    assert!(!re.is_match("a\nz"));
}

#[test]
fn compiled_pattern_is_unicode_aware() {
    let re = compile(r"\w+").unwrap();
    assert!(re.is_match("héllo"));
    assert!(!re.is_match("héllo!"));
    let re = compile("[a-z]{3}").unwrap();
    assert!(!re.is_match("abé"));
}

#[test]
fn compiled_empty_pattern_accepts_only_the_empty_string() {
    let re = compile("").unwrap();
    assert!(re.is_match(""));
    assert!(fullmatch(&re, ""));
    assert!(!re.is_match("a"));
    assert!(!fullmatch(&re, "a"));
}

#[test]
fn invalid_pattern_is_an_error() {
    for bad in [
        "[a-z",
        "(abc",
        "abc)",
        "a{2,1}",
        "*a",
        r"\",
        r"\p{NotAClass}",
        "(?<name",
        "a)|(b",
    ] {
        assert!(compile(bad).is_err(), "{bad:?} should not compile");
    }
}

#[test]
fn pattern_cannot_escape_its_group() {
    // A pattern that closes the group itself must be rejected, not change the anchoring.
    assert!(compile(r"a)|(b").is_err());
    assert!(compile(r"a)\z|\A(b").is_err());
}

#[test]
fn verbose_pattern_with_trailing_comment_compiles() {
    // In `(?x)` mode `#` starts a comment that runs to the end of the line; it must not swallow
    // the closing anchor.
    let re = compile("(?x) [a-z]+ # lowercase letters").unwrap();
    assert!(re.is_match("abc"));
    assert!(!re.is_match("abc1"));
    assert!(!re.is_match("abc\n"));
    assert!(fullmatch(
        &Regex::new("(?x) a | ab # a or ab").unwrap(),
        "ab"
    ));
    // Without `x`, a trailing `#` is a literal.
    let re = compile("a#").unwrap();
    assert!(re.is_match("a#"));
    assert!(!re.is_match("a"));
}

#[test]
fn fullmatch_on_unanchored_regex() {
    let re = Regex::new("[a-z]+").unwrap();
    assert!(re.is_match("abc1"), "precondition: is_match searches");
    assert!(fullmatch(&re, "abc"));
    for rejected in ["abc1", "1abc", "\nabc", "abc\n", "", "a b"] {
        assert!(!fullmatch(&re, rejected), "{rejected:?}");
    }
}

#[test]
fn fullmatch_finds_a_longer_alternative_than_leftmost_first() {
    let re = Regex::new("a|ab").unwrap();
    assert_eq!(
        re.find("ab").unwrap().as_str(),
        "a",
        "precondition: leftmost-first is shorter"
    );
    assert!(fullmatch(&re, "ab"));
    assert!(fullmatch(&re, "a"));
    assert!(!fullmatch(&re, "abc"));
    assert!(!fullmatch(&re, "b"));
    assert!(!fullmatch(&re, "aab"));

    let re = Regex::new("[0-9]+|[0-9]+px").unwrap();
    assert!(fullmatch(&re, "12px"));
    assert!(!fullmatch(&re, "12pt"));

    let re = Regex::new("foo|foobar|foob").unwrap();
    assert!(fullmatch(&re, "foobar"));
    assert!(fullmatch(&re, "foob"));
    assert!(!fullmatch(&re, "fooba"));

    // Lazy repetition stops early; the whole value may still match.
    let re = Regex::new("a+?").unwrap();
    assert!(fullmatch(&re, "aaa"));
    assert!(!fullmatch(&re, "aab"));
}

#[test]
fn fullmatch_when_the_only_full_match_is_not_leftmost() {
    // The first match is in the middle, yet only a match from offset 0 counts.
    let re = Regex::new("b|ab").unwrap();
    assert!(fullmatch(&re, "ab"));
    let re = Regex::new("b").unwrap();
    assert!(!fullmatch(&re, "ab"));
}

#[test]
fn fullmatch_with_explicit_anchors() {
    let re = Regex::new("^abc$").unwrap();
    assert!(fullmatch(&re, "abc"));
    assert!(!fullmatch(&re, "abc\n"));
    assert!(!fullmatch(&re, "xabc"));

    let re = Regex::new("^a|ab$").unwrap();
    assert!(fullmatch(&re, "ab"));
    assert!(!fullmatch(&re, "xab"));

    let re = Regex::new(r"\Aab|a\z").unwrap();
    assert!(fullmatch(&re, "ab"));
    assert!(fullmatch(&re, "a"));
}

#[test]
fn fullmatch_with_multi_line_mode() {
    let re = Regex::new("(?m)^abc$").unwrap();
    assert!(re.is_match("x\nabc\ny"), "precondition: matches one line");
    assert!(fullmatch(&re, "abc"));
    assert!(!fullmatch(&re, "abc\n"));
    assert!(!fullmatch(&re, "\nabc"));
    assert!(!fullmatch(&re, "abc\nabc"));
    assert!(!fullmatch(&re, "x\nabc\ny"));

    let re = Regex::new("(?m)^[a-z]+$").unwrap();
    assert!(!fullmatch(&re, "abc\ndef"));
    let re = Regex::new("(?ms)^.+$").unwrap();
    assert!(fullmatch(&re, "abc\ndef"));
}

#[test]
fn fullmatch_with_empty_matches() {
    let re = Regex::new("a*").unwrap();
    assert!(fullmatch(&re, ""));
    assert!(fullmatch(&re, "aaa"));
    assert!(!fullmatch(&re, "b"));
    assert!(!fullmatch(&re, "ba"));
    assert!(!fullmatch(&re, "aab"));
}

#[test]
fn fullmatch_with_flags_in_the_pattern() {
    let re = Regex::new("(?i)a|ab").unwrap();
    assert!(fullmatch(&re, "AB"));
    assert!(!fullmatch(&re, "ABC"));
}

fn small_pattern() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("a".to_owned()),
        Just("b".to_owned()),
        Just("ab".to_owned()),
        Just("[ab]".to_owned()),
        Just(".".to_owned()),
        Just("".to_owned()),
    ];
    atom.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(x, y)| format!("{x}|{y}")),
            (inner.clone(), inner.clone()).prop_map(|(x, y)| format!("(?:{x})(?:{y})")),
            inner.clone().prop_map(|x| format!("(?:{x})*")),
            inner.clone().prop_map(|x| format!("(?:{x})+?")),
            inner.prop_map(|x| format!("(?:{x})?")),
        ]
    })
}

proptest! {
    #[test]
    fn fullmatch_agrees_with_an_anchored_regex(pattern in small_pattern(), s in "[abc\n]{0,6}") {
        let expected = oracle(&pattern, &s);
        let plain = Regex::new(&pattern).unwrap();
        prop_assert_eq!(fullmatch(&plain, &s), expected, "plain {:?} on {:?}", pattern, s);
        let compiled = compile(&pattern).unwrap();
        prop_assert_eq!(fullmatch(&compiled, &s), expected, "compiled {:?} on {:?}", pattern, s);
        prop_assert_eq!(compiled.is_match(&s), expected, "is_match {:?} on {:?}", pattern, s);
    }

    #[test]
    fn compiled_pattern_never_matches_a_padded_value(s in "[a-z]{1,8}", pad in "[ \n\t0-9]{1,3}") {
        let re = compile("[a-z]+").unwrap();
        prop_assert!(fullmatch(&re, &s));
        let before = format!("{pad}{s}");
        let after = format!("{s}{pad}");
        prop_assert!(!fullmatch(&re, &before));
        prop_assert!(!fullmatch(&re, &after));
    }
}

/// The literals `tests/ui/rules/pattern_too_big.rs` shows the derive refusing are those the
/// runtime cannot compile, and the one it accepts compiles: the derive checks with the runtime's
/// `regex` and limits.
#[test]
fn the_patterns_the_derive_refuses_as_too_big_do_not_compile_at_run_time() {
    for pattern in [r"\w{1,300}", "a{1000}{1000}", r"(?:\w{100}){100}"] {
        assert!(
            matches!(
                validate_core::pattern::compile(pattern),
                Err(regex::Error::CompiledTooBig(_))
            ),
            "{pattern}"
        );
    }
    assert!(validate_core::pattern::compile(r"\w{1,100}").is_ok());
}
