//! Reliability contract: no normalizer, preview, escape, truncate, full match or string rule
//! panics on any input, huge inputs included, and each still gives the answer its definition
//! requires.

use std::borrow::Cow;

use proptest::prelude::*;
use regex::Regex;
use validate_core::log::{escape, preview, truncate};
use validate_core::normalize::{
    collapse_whitespace, lowercase, nfc, nfd, nfkc, nfkd, strip_control, trim, trim_end,
    trim_start, uppercase,
};
use validate_core::pattern::{compile, fullmatch};
use validate_core::rules::chars::{self, AsciiSet};
use validate_core::rules::length::{self, Bounds, Measure};
use validate_core::rules::no_control;

type Normalizer = fn(&str) -> Cow<'_, str>;

const NORMALIZERS: &[(&str, Normalizer)] = &[
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

/// Characters at the edges of UTF-8 lengths, near the lead bytes `no_control` scans for, with
/// special case mappings or decompositions, and everything a log line must not contain raw.
const TRICKY: &str = concat!(
    "\0\t\n\r\u{b}\u{1b}\u{7f}\u{80}\u{85}\u{9f}\u{a0}\u{bf}\u{c0}\u{7ff}\u{800}",
    "\u{61c}\u{600}\u{6ff}\u{200b}\u{200d}\u{200e}\u{200f}\u{2010}\u{2027}\u{2028}",
    "\u{2029}\u{202e}\u{202f}\u{2060}\u{2066}\u{2069}\u{20ac}\u{3000}\u{d7ff}\u{e000}",
    "\u{feff}\u{fffd}\u{ffff}\u{10000}\u{10ffff}\u{301}\u{345}\u{1100}\u{1161}",
    "\u{11a8}가ΐŉİßΣﬁﷺＡ…\"\\{}()|*abZ0 ",
);

fn tricky_char() -> impl Strategy<Value = char> {
    proptest::sample::select(TRICKY.chars().collect::<Vec<_>>())
}

fn tricky_string(max_len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![3 => tricky_char(), 1 => any::<char>()],
        0..max_len,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn input() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), tricky_string(48)]
}

/// What `preview(s, n)` must write: exactly the escape of the first `n` chars, then the suffix
/// naming the bytes left out.
fn expected_preview(s: &str, n: usize) -> String {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let mut out = escape(&s[..end]).to_string();
    if end < s.len() {
        out.push_str(&format!("…(+{} bytes)", s.len() - end));
    }
    out
}

fn is_raw_line_hazard(c: char) -> bool {
    c.is_control() || no_control::is_forbidden(c) || matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

fn ascii_set_reference(set: AsciiSet, b: u8) -> bool {
    if b < 64 {
        set.low & (1 << b) != 0
    } else if b < 128 {
        set.high & (1 << (b - 64)) != 0
    } else {
        false
    }
}

fn check_preview(s: &str, n: usize) {
    let out = preview(s, n).to_string();
    assert_eq!(out, expected_preview(s, n), "preview({s:?}, {n})");
    assert!(
        out.len() <= n.saturating_mul(10).saturating_add(30),
        "{} bytes for n = {n}",
        out.len()
    );
    assert!(
        !out.chars().any(is_raw_line_hazard),
        "raw hazard in {out:?}"
    );
}

proptest! {
    #[test]
    fn normalizers_never_panic_and_stay_idempotent(s in input()) {
        for &(name, f) in NORMALIZERS {
            let once = f(&s);
            prop_assert_eq!(f(&once), once.as_ref(), "{} on {:?}", name, s);
        }
    }

    #[test]
    fn preview_never_writes_more_than_n_input_chars(s in input(), n in 0usize..64) {
        check_preview(&s, n);
    }

    #[test]
    fn preview_with_huge_max_is_the_escape(s in input()) {
        prop_assert_eq!(preview(&s, usize::MAX).to_string(), escape(&s).to_string());
    }

    #[test]
    fn escape_leaves_no_raw_hazard(s in input()) {
        let out = escape(&s).to_string();
        prop_assert!(!out.chars().any(is_raw_line_hazard), "{:?}", out);
        prop_assert!(out.len() >= s.len());
    }

    #[test]
    fn truncate_cuts_on_a_char_boundary(s in input(), max in 0usize..200) {
        let cut = truncate(&s, max);
        prop_assert!(s.starts_with(cut));
        prop_assert!(cut.len() <= max);
        let next = s[cut.len()..].chars().next();
        prop_assert!(next.is_none_or(|c| cut.len() + c.len_utf8() > max), "cut too short");
    }

    #[test]
    fn fullmatch_agrees_with_an_anchored_copy(s in input(), which in 0usize..6) {
        let patterns = ["a|ab", "[a-z]+", r"(?m)^\w*$", ".*", r"(?s).*", r"\p{Greek}+|Σ"];
        let pattern = patterns[which];
        let anchored = Regex::new(&format!(r"\A(?:{pattern})\z")).unwrap();
        let expected = anchored.is_match(&s);
        prop_assert_eq!(fullmatch(&Regex::new(pattern).unwrap(), &s), expected);
        prop_assert_eq!(fullmatch(&compile(pattern).unwrap(), &s), expected);
    }

    #[test]
    fn compile_never_panics_on_arbitrary_patterns(pattern in input(), s in input()) {
        if let Ok(re) = compile(&pattern) {
            // Whatever compiles must still be anchored: a match is always the whole value.
            if let Some(m) = re.find(&s) {
                prop_assert_eq!((m.start(), m.end()), (0, s.len()));
            }
            prop_assert!(Regex::new(&pattern).is_ok(), "{:?} compiled only once wrapped", pattern);
        }
    }

    #[test]
    fn length_check_counts_chars(
        s in input(),
        min in proptest::option::of(0usize..40),
        max in proptest::option::of(0usize..40),
        equal in proptest::option::of(0usize..40),
    ) {
        let n = s.chars().count();
        let expected = min.is_none_or(|m| n >= m)
            && max.is_none_or(|m| n <= m)
            && equal.is_none_or(|e| n == e);
        prop_assert_eq!(length::check(Measure::Chars(&s), Bounds { min, max, equal }), expected);
    }

    #[test]
    fn chars_check_is_a_whitelist(
        s in input(),
        low in any::<u64>(),
        high in any::<u64>(),
        other in proptest::collection::vec(tricky_char(), 0..4),
    ) {
        let set = AsciiSet { low, high };
        let expected = s.chars().all(|c| {
            if c.is_ascii() { ascii_set_reference(set, c as u8) } else { other.contains(&c) }
        });
        prop_assert_eq!(chars::check(&s, set, &other), expected);
    }

    #[test]
    fn no_control_check_agrees_with_is_forbidden(s in input()) {
        prop_assert_eq!(no_control::check(&s), !s.chars().any(no_control::is_forbidden));
    }
}

/// `unit` repeated to just over 1 MB.
fn fill(unit: &str) -> String {
    unit.repeat((1 << 20) / unit.len() + 1)
}

/// Inputs of 1 MB and more, each built to stress one kind of work.
fn huge_inputs() -> Vec<(&'static str, String)> {
    vec![
        ("ascii", fill("a")),
        ("crabs", fill("🦀")),
        (
            "one base, then only combining marks",
            format!("e{}", fill("\u{301}")),
        ),
        (
            "mixed combining classes",
            fill("e\u{323}\u{302}\u{301}\u{316}"),
        ),
        ("hangul jamo", fill("\u{1100}\u{1161}\u{11a8}")),
        ("bidi overrides", fill("\u{202e}")),
        ("whitespace", fill(" \t\u{3000}\u{a0}\n")),
        ("sigmas", fill("ΑΣ Σ")),
        ("ligatures", fill("ﬃ")),
        ("tricky mix", fill(TRICKY)),
    ]
}

#[test]
fn huge_inputs_through_every_normalizer() {
    for (label, s) in huge_inputs() {
        assert!(s.len() > 1 << 20, "{label} is too small");
        for &(name, f) in NORMALIZERS {
            let once = f(&s);
            assert_eq!(f(&once), once, "{name} is not idempotent on {label}");
        }
    }
}

#[test]
fn huge_inputs_through_preview_escape_and_truncate() {
    for (label, s) in huge_inputs() {
        for n in [0, 1, 32, 1000] {
            let out = preview(&s, n).to_string();
            assert!(
                out.len() <= n * 10 + 30,
                "{label}: {} bytes for n = {n}",
                out.len()
            );
            assert!(!out.chars().any(is_raw_line_hazard), "{label}: raw hazard");
            assert!(out.ends_with(" bytes)"), "{label}: a cut preview says so");
        }
        check_preview(&s, 40);
        let escaped = escape(&s).to_string();
        assert!(escaped.len() >= s.len(), "{label}");
        assert!(!escaped.chars().any(is_raw_line_hazard), "{label}");
        for max in [0, 1, 2, 3, 5, 1 << 19, s.len() - 1, s.len(), usize::MAX] {
            let cut = truncate(&s, max);
            assert!(
                cut.len() <= max && s.starts_with(cut),
                "{label}: truncate to {max}"
            );
            let next = s[cut.len()..].chars().next();
            assert!(
                next.is_none_or(|c| cut.len() + c.len_utf8() > max),
                "{label}: cut too short"
            );
        }
    }
}

#[test]
fn huge_inputs_through_rules() {
    let lower = AsciiSet {
        low: 0,
        high: ((1u64 << 26) - 1) << 33,
    };
    for (label, s) in huge_inputs() {
        let n = s.chars().count();
        let short = Bounds {
            min: Some(1),
            max: Some(32),
            equal: None,
        };
        assert!(!length::check(Measure::Chars(&s), short), "{label}");
        let exact = Bounds {
            min: None,
            max: None,
            equal: Some(n),
        };
        assert!(length::check(Measure::Chars(&s), exact), "{label}");
        assert_eq!(
            chars::check(&s, lower, &[]),
            s.bytes().all(|b| b.is_ascii_lowercase()),
            "{label}"
        );
        assert_eq!(
            no_control::check(&s),
            !s.chars().any(no_control::is_forbidden),
            "{label}"
        );
        for pattern in ["a|ab", "[a-z]+", ".*", r"(?s).*"] {
            let anchored = Regex::new(&format!(r"\A(?:{pattern})\z")).unwrap();
            let expected = anchored.is_match(&s);
            assert_eq!(
                fullmatch(&Regex::new(pattern).unwrap(), &s),
                expected,
                "{label} {pattern}"
            );
            assert_eq!(
                fullmatch(&compile(pattern).unwrap(), &s),
                expected,
                "{label} {pattern}"
            );
        }
    }
}

#[test]
fn ten_megabytes_fail_a_length_limit() {
    let s = "x".repeat(10 << 20);
    let bounds = Bounds {
        min: None,
        max: Some(32),
        equal: None,
    };
    assert!(!length::check(Measure::Chars(&s), bounds));
    let out = preview(&s, 32).to_string();
    assert_eq!(out, format!("{}…(+{} bytes)", "x".repeat(32), s.len() - 32));
    assert!(fullmatch(&Regex::new("x|xx").unwrap(), &s[..2]));
    assert!(!fullmatch(&Regex::new("x|xx").unwrap(), &s));
}
