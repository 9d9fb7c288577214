//! Invisible characters: every format character (Unicode category Cf), the tag characters
//! U+E0000–U+E007F and the Hangul fillers are rejected by `no_control`, removed by
//! `strip_control` and escaped in log previews, like the controls and bidi characters before them.

use regex::Regex;
use validate_core::Validate;
use validate_core::log::preview;
use validate_core::normalize::strip_control;
use validate_core::rules::no_control;

/// The characters the security review found accepted and logged raw.
const REPORTED: &[char] = &[
    '\u{ad}',
    '\u{180e}',
    '\u{2061}',
    '\u{2062}',
    '\u{2063}',
    '\u{2064}',
    '\u{fff9}',
    '\u{fffa}',
    '\u{fffb}',
    '\u{115f}',
    '\u{1160}',
    '\u{3164}',
    '\u{ffa0}',
    '\u{e0000}',
    '\u{e0001}',
    '\u{e0041}',
    '\u{e007f}',
];

#[test]
fn every_reported_character_is_rejected_removed_and_escaped() {
    for &c in REPORTED {
        let s = format!("a{c}b");
        assert!(!no_control::check(&s), "{:04x} accepted", c as u32);
        assert_eq!(strip_control(&s), "ab", "{:04x} kept", c as u32);
        let shown = preview(&s, 26).to_string();
        assert_eq!(shown, format!("a\\u{{{:x}}}b", c as u32));
    }
}

/// The regex crate's Unicode tables are a second source for category Cf: every character they
/// put there is forbidden.
#[test]
fn every_format_character_is_forbidden() {
    let cf = Regex::new(r"\A\p{Cf}\z").unwrap();
    let mut checked = 0;
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let mut buf = [0; 4];
        if cf.is_match(c.encode_utf8(&mut buf)) {
            checked += 1;
            assert!(
                no_control::is_forbidden(c),
                "U+{:04X} is Cf but allowed",
                c as u32
            );
        }
    }
    assert!(checked > 150, "only {checked} Cf characters");
}

#[test]
fn tags_and_fillers_are_rejected_through_the_derive() {
    #[derive(Validate)]
    struct Address {
        #[validate(no_control)]
        street: String,
        #[normalize(strip_control)]
        #[validate(length(min = 1))]
        city: String,
    }

    // "Main" followed by tag characters spelling ADMIN, which render as nothing.
    let tagged: String = "Main St"
        .chars()
        .chain(
            "ADMIN"
                .chars()
                .map(|c| char::from_u32(0xe0000 + c as u32).unwrap()),
        )
        .collect();
    let mut address = Address {
        street: tagged.clone(),
        city: "\u{3164}\u{ad}".into(),
    };
    address.normalize();
    assert_eq!(address.city, "");
    let report = address.validate().unwrap_err();
    let codes: Vec<_> = report
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    assert_eq!(
        codes,
        [
            ("street".to_owned(), "no_control"),
            ("city".to_owned(), "length")
        ]
    );
    let line = report.to_string();
    assert!(
        line.contains(r#"(got "Main St\u{e0041}\u{e0044}"#),
        "{line}"
    );
    assert!(!line.contains('\u{e0041}'), "{line}");
}

#[test]
fn letters_marks_and_emoji_stay_allowed() {
    for s in [
        "é",
        "e\u{301}",
        "日本語",
        "Ünïcödé",
        "❤",
        "👍🏽",
        "\u{fe0f}",
        "a\tb\nc",
    ] {
        assert!(no_control::check(s), "{s:?} rejected");
        assert_eq!(strip_control(s), s);
    }
}
