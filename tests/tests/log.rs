//! `validate_core::log`: `preview` escapes and bounds untrusted strings for one log line,
//! `escape` escapes without bounding, `truncate` cuts to a byte budget on a char boundary.

use proptest::prelude::*;
use validate_core::log::{escape, preview, truncate};

/// Reverses the escaping of `preview`/`escape`, so a test can prove that nothing was lost or
/// altered; panics on an escape the spec does not define.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "bad escape in {s:?}");
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex code point");
                out.push(char::from_u32(code).expect("scalar value"));
            }
            other => panic!("unknown escape \\{other:?} in {s:?}"),
        }
    }
    out
}

/// What `preview(s, n)` must write: the escaped first `n` chars, then the suffix when cut.
fn expected_preview(s: &str, n: usize) -> String {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let mut out = escape(&s[..end]).to_string();
    if end < s.len() {
        out.push_str(&format!("…(+{} bytes)", s.len() - end));
    }
    out
}

/// Characters that end or break a log line, or reorder or hide text when displayed.
const DANGEROUS: &str = concat!(
    "\0\u{7}\u{8}\u{b}\u{c}\r\u{1b}\u{1f}\u{7f}\u{80}\u{85}\u{9b}\u{9f}\u{200b}",
    "\u{200c}\u{200d}\u{200e}\u{200f}\u{2028}\u{2029}\u{202a}\u{202b}\u{202c}\u{202d}",
    "\u{202e}\u{2060}\u{2066}\u{2067}\u{2068}\u{2069}\u{61c}\u{feff}",
);

fn dangerous_char() -> impl Strategy<Value = char> {
    proptest::sample::select(DANGEROUS.chars().collect::<Vec<_>>())
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[test]
fn preview_escapes_each_special_character() {
    let table = [
        ("\n", "\\n"),
        ("\r", "\\r"),
        ("\t", "\\t"),
        ("\"", "\\\""),
        ("\\", "\\\\"),
        ("\0", "\\u{0}"),
        ("\u{1b}", "\\u{1b}"),
        ("\u{7f}", "\\u{7f}"),
        ("\u{85}", "\\u{85}"),
        ("\u{9f}", "\\u{9f}"),
        ("\u{202a}", "\\u{202a}"),
        ("\u{202e}", "\\u{202e}"),
        ("\u{2066}", "\\u{2066}"),
        ("\u{2069}", "\\u{2069}"),
        ("\u{200b}", "\\u{200b}"),
        ("\u{200c}", "\\u{200c}"),
        ("\u{200d}", "\\u{200d}"),
        ("\u{2060}", "\\u{2060}"),
        ("\u{feff}", "\\u{feff}"),
        ("\u{2028}", "\\u{2028}"),
        ("\u{2029}", "\\u{2029}"),
    ];
    for (input, escaped) in table {
        assert_eq!(
            preview(input, 10).to_string(),
            escaped,
            "preview of {input:?}"
        );
        assert_eq!(escape(input).to_string(), escaped, "escape of {input:?}");
    }
}

#[test]
fn preview_leaves_ordinary_text_alone() {
    for input in [
        "hello",
        "héllo wörld",
        "日本語",
        "ＡＢＣ１２３＠",
        "🦀 crab",
        "a'b",
        "e\u{301}",
    ] {
        assert_eq!(preview(input, 100).to_string(), input);
        assert_eq!(escape(input).to_string(), input);
    }
}

#[test]
fn preview_escapes_inside_text() {
    assert_eq!(
        preview("user\n2024-01-01 INFO admin logged in", 100).to_string(),
        "user\\n2024-01-01 INFO admin logged in"
    );
    assert_eq!(
        preview("abc\u{202e}fed", 100).to_string(),
        "abc\\u{202e}fed"
    );
    assert_eq!(preview("say \"hi\"", 100).to_string(), "say \\\"hi\\\"");
    assert_eq!(preview(r"C:\dir", 100).to_string(), r"C:\\dir");
}

#[test]
fn preview_cuts_with_exact_byte_count() {
    assert_eq!(preview("abcdef", 3).to_string(), "abc…(+3 bytes)");
    assert_eq!(preview("abcdef", 5).to_string(), "abcde…(+1 bytes)");
    assert_eq!(preview("abcdef", 6).to_string(), "abcdef");
    assert_eq!(preview("abcdef", 7).to_string(), "abcdef");
    assert_eq!(preview("abc", 0).to_string(), "…(+3 bytes)");
    assert_eq!(preview("", 0).to_string(), "");
    assert_eq!(preview("", 5).to_string(), "");
}

#[test]
fn preview_cuts_multibyte_input_on_char_boundaries() {
    // é is 2 bytes, 日 3 bytes, 🦀 4 bytes.
    assert_eq!(preview("éééé", 2).to_string(), "éé…(+4 bytes)");
    assert_eq!(preview("日本語です", 3).to_string(), "日本語…(+6 bytes)");
    assert_eq!(preview("🦀🦀🦀", 1).to_string(), "🦀…(+8 bytes)");
    assert_eq!(preview("a🦀b", 2).to_string(), "a🦀…(+1 bytes)");
    // A combining mark counts as a char of its own.
    assert_eq!(preview("e\u{301}x", 1).to_string(), "e…(+3 bytes)");
}

#[test]
fn preview_counts_escaped_characters_as_one_input_char() {
    assert_eq!(preview("\n\n\n\n", 2).to_string(), "\\n\\n…(+2 bytes)");
    assert_eq!(
        preview("\u{202e}\u{202e}", 1).to_string(),
        "\\u{202e}…(+3 bytes)"
    );
    assert_eq!(preview("\"\\x", 2).to_string(), "\\\"\\\\…(+1 bytes)");
}

#[test]
fn preview_output_is_one_line_without_invisible_characters() {
    let input: String = DANGEROUS.chars().flat_map(|c| [c, 'x']).collect();
    let out = preview(&input, usize::MAX).to_string();
    assert!(!out.chars().any(|c| DANGEROUS.contains(c)), "{out:?}");
    assert!(!out.contains('\n') && !out.contains('\t'), "{out:?}");
    assert_eq!(unescape(&out), input);
}

#[test]
fn preview_of_a_huge_value_is_short() {
    let ascii = "a".repeat(10 * 1024 * 1024);
    let out = preview(&ascii, 32).to_string();
    assert_eq!(
        out,
        format!("{}…(+{} bytes)", "a".repeat(32), ascii.len() - 32)
    );

    let crabs = "🦀".repeat(3 * 1024 * 1024);
    let out = preview(&crabs, 32).to_string();
    assert_eq!(
        out,
        format!("{}…(+{} bytes)", "🦀".repeat(32), crabs.len() - 32 * 4)
    );

    let controls = "\u{202e}".repeat(4 * 1024 * 1024);
    let out = preview(&controls, 32).to_string();
    assert!(out.len() < 32 * 8 + 30, "{} bytes", out.len());
    assert!(out.starts_with(&"\\u{202e}".repeat(32)));
}

#[test]
fn preview_with_huge_max_writes_everything() {
    assert_eq!(preview("a\nb", usize::MAX).to_string(), "a\\nb");
}

#[test]
fn preview_works_inside_format_args() {
    let mut out = String::new();
    std::fmt::Write::write_fmt(&mut out, format_args!("[{}]", preview("x\ny", 1))).unwrap();
    assert_eq!(out, "[x…(+2 bytes)]");
}

#[test]
fn escape_never_truncates() {
    let long = "ab\n".repeat(10_000);
    let out = escape(&long).to_string();
    assert_eq!(out, "ab\\n".repeat(10_000));
    assert_eq!(escape("").to_string(), "");
    assert_eq!(escape("say \"hi\"\r\n").to_string(), "say \\\"hi\\\"\\r\\n");
    assert_eq!(escape("\u{feff}start").to_string(), "\\u{feff}start");
    assert_eq!(escape("end\u{2029}").to_string(), "end\\u{2029}");
}

#[test]
fn truncate_keeps_the_longest_prefix_within_the_budget() {
    let table: &[(&str, usize, &str)] = &[
        ("", 0, ""),
        ("", 5, ""),
        ("hello", 0, ""),
        ("hello", 3, "hel"),
        ("hello", 5, "hello"),
        ("hello", 100, "hello"),
        // 2-byte é
        ("héllo", 1, "h"),
        ("héllo", 2, "h"),
        ("héllo", 3, "hé"),
        // 3-byte 日
        ("日本", 1, ""),
        ("日本", 2, ""),
        ("日本", 3, "日"),
        ("日本", 5, "日"),
        ("日本", 6, "日本"),
        // 4-byte 🦀
        ("🦀x", 3, ""),
        ("🦀x", 4, "🦀"),
        ("x🦀", 4, "x"),
        ("x🦀", 5, "x🦀"),
        ("a\u{80}", 2, "a"),
    ];
    for &(input, max, expected) in table {
        assert_eq!(truncate(input, max), expected, "truncate({input:?}, {max})");
    }
}

#[test]
fn truncate_borrows_from_its_input() {
    let s = String::from("héllo");
    let cut = truncate(&s, 3);
    assert_eq!(cut.as_ptr(), s.as_ptr());
    assert_eq!(truncate(&s, usize::MAX).len(), s.len());
}

proptest! {
    #[test]
    fn preview_writes_the_first_n_chars_escaped(s in any::<String>(), n in 0usize..40) {
        prop_assert_eq!(preview(&s, n).to_string(), expected_preview(&s, n));
    }

    #[test]
    fn preview_of_dangerous_text_is_one_clean_line(
        s in proptest::collection::vec(prop_oneof![dangerous_char(), any::<char>()], 0..60)
            .prop_map(|v| v.into_iter().collect::<String>()),
        n in 0usize..80,
    ) {
        let out = preview(&s, n).to_string();
        prop_assert!(!out.chars().any(|c| DANGEROUS.contains(c) || is_line_break(c)), "{:?}", out);
        prop_assert!(!out.chars().any(|c| c.is_control()), "{:?}", out);
        let kept: String = s.chars().take(n).collect();
        let body = out.strip_suffix(&format!("…(+{} bytes)", s.len() - kept.len()))
            .filter(|_| kept.len() < s.len())
            .unwrap_or(&out);
        prop_assert_eq!(unescape(body), kept);
    }

    #[test]
    fn escape_round_trips(s in any::<String>()) {
        let out = escape(&s).to_string();
        prop_assert!(!out.chars().any(|c| c.is_control() || is_line_break(c)), "{:?}", out);
        prop_assert_eq!(unescape(&out), s);
    }

    #[test]
    fn truncate_is_the_longest_char_boundary_prefix(s in any::<String>(), max in 0usize..64) {
        let cut = truncate(&s, max);
        prop_assert!(s.starts_with(cut));
        prop_assert!(cut.len() <= max);
        if cut.len() < s.len() {
            let next = s[cut.len()..].chars().next().unwrap();
            prop_assert!(cut.len() + next.len_utf8() > max);
        }
    }
}
