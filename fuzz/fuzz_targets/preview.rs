//! `log::preview`, `escape` and `truncate` on arbitrary UTF-8, the first byte giving the length.

#![no_main]

use libfuzzer_sys::fuzz_target;
use validate_core::log::{escape, preview, truncate};
use validate_core::rules::no_control;

fn is_hazard(c: char) -> bool {
    c.is_control() || no_control::is_forbidden(c) || matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(s) = std::str::from_utf8(rest) else {
        return;
    };
    let n = usize::from(first);

    let out = preview(s, n).to_string();
    assert!(!out.chars().any(is_hazard), "raw hazard in {out:?}");
    assert!(out.len() <= n * 10 + 30, "{} bytes for n = {n}", out.len());
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let mut expected = escape(&s[..end]).to_string();
    if end < s.len() {
        expected.push_str(&format!("…(+{} bytes)", s.len() - end));
    }
    assert_eq!(out, expected);

    let escaped = escape(s).to_string();
    assert!(!escaped.chars().any(is_hazard), "raw hazard in {escaped:?}");

    let cut = truncate(s, n);
    assert!(cut.len() <= n && s.starts_with(cut));
    let next = s[cut.len()..].chars().next();
    assert!(
        next.is_none_or(|c| cut.len() + c.len_utf8() > n),
        "cut shorter than needed"
    );
});
