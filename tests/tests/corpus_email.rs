//! Conformance of `formats::is_email_with` with public email test corpora (copies in `tests/data/`,
//! each with its SOURCE.txt and licence), read under our profile (`validate_core::formats::is_email_with`).
//!
//! Every case the profile decides differently from a corpus on purpose is listed below by its exact
//! input, the options it is checked with and the corpus's verdict, with the reason; any other
//! disagreement fails, and so does a listed case that no longer disagrees. Each corpus yields an
//! exact number of checks, so a reader that finds more or fewer cases fails too.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use validate_core::formats::{EmailOptions, is_email, is_email_with};

const DEFAULT: EmailOptions = EmailOptions {
    allow_single_label: false,
    international: false,
};
const SINGLE_LABEL: EmailOptions = EmailOptions {
    allow_single_label: true,
    international: false,
};
const INTERNATIONAL: EmailOptions = EmailOptions {
    allow_single_label: false,
    international: true,
};
const PERMISSIVE: EmailOptions = EmailOptions {
    allow_single_label: true,
    international: true,
};

const QUOTED: &str =
    "quoted-string local parts are outside the profile (the profile: no quoted strings)";
const LITERAL: &str = "IP address literals are outside the profile (the profile: no IP literals)";
const DISPLAY_NAME: &str = "a display name with an address is a header value, not an address";
const SPECIAL_USE: &str = "special-use / reserved domain names (RFC 6761) are syntax-valid; the profile checks syntax only";
const NOT_NFC: &str = "an international local part must be in NFC (RFC 6532 section 3.1), so one \
                       mailbox cannot pass under two spellings; normalize with nfc first";
const NOT_AN_A_LABEL: &str = "an `xn--` label must be an A-label; `xn--example` decodes to \
                              a word that starts with a capital omega, which no U-label holds \
                              (isemail checks RFC 5321 syntax, not IDNA)";

const TLD_NOT_A_LETTER: &str = "the profile rejects only an all-digit last label; \
                                python-email-validator also wants the address to end in a letter";
const BARE_IP: &str =
    "a bare IP address as domain: its last label is all digits, which the profile rejects";
const CONTROL: &str =
    "control characters (C0 and C1) are never accepted in an international local part";
const DOMAIN_NOT_NFC: &str = "an international domain must already be in the form IDNA maps it to \
                              (NFC here), so one domain cannot pass under two spellings; \
                              normalize with nfc first";

/// python-email-validator (expectations of its default options unless its label says otherwise).
const PYTHON_DISAGREEMENTS: &[Excuse] = &[
    ("My Name <me@example.org>", "default", true, DISPLAY_NAME),
    (
        "My Name <me@example.org>",
        "international",
        true,
        DISPLAY_NAME,
    ),
    ("MyName <me@example.org>", "default", true, DISPLAY_NAME),
    (
        "MyName <me@example.org>",
        "international",
        true,
        DISPLAY_NAME,
    ),
    (
        "\"My.\\\"Na\\\\me\\\".Is\" <\"me \\\" \\\\ me\"@example.org>",
        "default",
        true,
        DISPLAY_NAME,
    ),
    (
        "\"My.\\\"Na\\\\me\\\".Is\" <\"me \\\" \\\\ me\"@example.org>",
        "international",
        true,
        DISPLAY_NAME,
    ),
    (
        "\"de-quoted.local.part\"@example.org",
        "default",
        true,
        QUOTED,
    ),
    (
        "\"de-quoted.local.part\"@example.org",
        "international",
        true,
        QUOTED,
    ),
    (
        "\"escaped.quote.\\\".local.part\"@example.org",
        "default",
        true,
        QUOTED,
    ),
    (
        "\"escaped.quote.\\\".local.part\"@example.org",
        "international",
        true,
        QUOTED,
    ),
    ("\"quoted local part\"@example.org", "default", true, QUOTED),
    (
        "\"quoted local part\"@example.org",
        "international",
        true,
        QUOTED,
    ),
    (
        "\"s\u{323}\u{307}\" <s\u{323}\u{307}@nfc.tld>",
        "international",
        true,
        DISPLAY_NAME,
    ),
    (
        "\"unnecessary.escaped.\\x.local.part\"@example.org",
        "default",
        true,
        QUOTED,
    ),
    (
        "\"unnecessary.escaped.\\x.local.part\"@example.org",
        "international",
        true,
        QUOTED,
    ),
    ("anything@mycompany.test", "default", false, SPECIAL_USE),
    (
        "anything@mycompany.test",
        "international",
        false,
        SPECIAL_USE,
    ),
    (
        "jeff\u{f96e}@\u{81fa}\u{7db2}\u{4e2d}\u{5fc3}.tw",
        "international",
        true,
        NOT_NFC,
    ),
    ("me@anything.arpa", "default", false, SPECIAL_USE),
    ("me@anything.arpa", "international", false, SPECIAL_USE),
    ("me@bad.tld-2", "default", false, TLD_NOT_A_LETTER),
    ("me@bad.tld-2", "international", false, TLD_NOT_A_LETTER),
    ("me@host.localhost", "default", false, SPECIAL_USE),
    ("me@host.localhost", "international", false, SPECIAL_USE),
    ("me@link.local", "default", false, SPECIAL_USE),
    ("me@link.local", "international", false, SPECIAL_USE),
    ("me@onion.onion.onion", "default", false, SPECIAL_USE),
    ("me@onion.onion.onion", "international", false, SPECIAL_USE),
    ("me@test.test.test", "default", false, SPECIAL_USE),
    ("me@test.test.test", "international", false, SPECIAL_USE),
    ("me@valid.invalid", "default", false, SPECIAL_USE),
    ("me@valid.invalid", "international", false, SPECIAL_USE),
    (
        "\u{f96e}\u{58eb}\u{8c6a}@\u{81fa}\u{7db2}\u{4e2d}\u{5fc3}.tw",
        "international",
        true,
        NOT_NFC,
    ),
    (
        "\u{f96e}\u{58eb}\u{8c6a}@\u{81fa}\u{7db2}\u{4e2d}\u{5fc3}.\u{53f0}\u{7063}",
        "international",
        true,
        NOT_NFC,
    ),
];

/// isemail (both of its files): RFC 5321 syntax.
const ISEMAIL_DISAGREEMENTS: &[Excuse] = &[
    ("test@xn--example.com", "default", true, NOT_AN_A_LABEL),
    (
        "test@xn--example.com",
        "international",
        true,
        NOT_AN_A_LABEL,
    ),
];

/// Lines of the python-email-validator corpus that hold a lone UTF-16 surrogate (`\ud800`), which a
/// Rust `&str` cannot represent: no such input can reach the predicate.
const PYTHON_UNREPRESENTABLE: &[&str] = &[r#""\ud800@test""#, r#""test@\ud800""#];

/// The validator crate implements the HTML5 grammar: single-label domains and IP literals pass.
/// Its cases are checked with single labels and international addresses allowed.
const VALIDATOR_CRATE_DISAGREEMENTS: &[Excuse] = &[
    ("email@127.0.0.1", "permissive", true, BARE_IP),
    ("email@[127.0.0.1]", "permissive", true, LITERAL),
    ("email@[2001:dB8:0:0:0:0:0:1]", "permissive", true, LITERAL),
    ("email@[2001:dB8::1]", "permissive", true, LITERAL),
    ("email@[::fffF:127.0.0.1]", "permissive", true, LITERAL),
];

/// JSON-Schema-Test-Suite `email.json` follows RFC 5321: these cases are RFC 5321 quoted strings and
/// address literals, which the profile rejects on purpose; they are skipped by description.
const JSON_SCHEMA_SKIPPED: &[(&str, &str)] = &[
    (
        "a quoted string with a space in the local part is valid",
        QUOTED,
    ),
    (
        "a quoted string with a double dot in the local part is valid",
        QUOTED,
    ),
    (
        "a quoted string with a @ in the local part is valid",
        QUOTED,
    ),
    ("an IPv4-address-literal after the @ is valid", LITERAL),
    ("an IPv6-address-literal after the @ is valid", LITERAL),
];

/// JSON-Schema-Test-Suite `idn-email.json`, checked with `international`.
const JSON_SCHEMA_IDN_DISAGREEMENTS: &[Excuse] = &[
    (
        "\"\u{3b4}\u{3bf}\u{3ba}\u{3b9}\u{3bc}\u{3ae}\"@example.com",
        "international",
        true,
        QUOTED,
    ),
    ("\u{85}@example.com", "international", true, CONTROL),
    ("cafe\u{301}@example.com", "international", true, NOT_NFC),
    (
        "user@cafe\u{301}.com",
        "international",
        true,
        DOMAIN_NOT_NFC,
    ),
];

fn data(path: &str) -> String {
    let full: PathBuf = [env!("CARGO_MANIFEST_DIR"), "data", path].iter().collect();
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

/// The name of one of the option sets above.
fn label(options: EmailOptions) -> &'static str {
    match (options.allow_single_label, options.international) {
        (false, false) => "default",
        (true, false) => "single_label",
        (false, true) => "international",
        (true, true) => "permissive",
    }
}

/// A deliberate disagreement: the input, the options it is checked with, the corpus's verdict,
/// and why the profile decides otherwise.
type Excuse = (&'static str, &'static str, bool, &'static str);

/// Compares outcomes with a corpus and keeps count.
struct Tally {
    corpus: &'static str,
    excuses: BTreeMap<(&'static str, &'static str, bool), &'static str>,
    seen: BTreeMap<(&'static str, &'static str, bool), usize>,
    checked: usize,
    unexpected: Vec<String>,
}

impl Tally {
    fn new(corpus: &'static str, excuses: &[Excuse]) -> Self {
        let map: BTreeMap<_, _> = excuses
            .iter()
            .map(|&(input, options, expected, reason)| ((input, options, expected), reason))
            .collect();
        assert_eq!(map.len(), excuses.len(), "{corpus}: duplicate excuse");
        Tally {
            corpus,
            excuses: map,
            seen: BTreeMap::new(),
            checked: 0,
            unexpected: Vec::new(),
        }
    }

    fn expect(&mut self, input: &str, options: EmailOptions, expected: bool, case: &str) {
        self.checked += 1;
        let got = is_email_with(input, options);
        if options == DEFAULT {
            assert_eq!(
                got,
                is_email(input),
                "is_email and is_email_with(default) differ"
            );
        }
        if got == expected {
            return;
        }
        let options = label(options);
        let listed = self
            .excuses
            .keys()
            .find(|&&(i, o, e)| i == input && o == options && e == expected)
            .copied();
        match listed {
            Some(listed) => *self.seen.entry(listed).or_default() += 1,
            None => self.unexpected.push(format!(
                "({input:?}, {options:?}, {expected}, ..): got {got} ({case})"
            )),
        }
    }

    /// Fails on an unexpected outcome, on an excuse whose case now agrees, and unless exactly
    /// `checks` cases were checked.
    fn finish(self, checks: usize) {
        let stale: Vec<_> = self
            .excuses
            .keys()
            .filter(|key| !self.seen.contains_key(*key))
            .collect();
        println!(
            "{}: {} checks, {} deliberate disagreements",
            self.corpus,
            self.checked,
            self.seen.len()
        );
        assert!(
            self.unexpected.is_empty(),
            "{}: {} unexpected outcomes:\n{}",
            self.corpus,
            self.unexpected.len(),
            self.unexpected.join("\n")
        );
        assert!(
            stale.is_empty(),
            "{}: excused but agreeing: {stale:?}",
            self.corpus
        );
        assert_eq!(self.checked, checks, "{}: number of checks", self.corpus);
    }
}

/// isemail writes control characters as "control pictures" (U+2400 + code), since XML 1.0 cannot
/// hold most of them.
fn decode_control_pictures(s: &str) -> String {
    s.chars()
        .map(|c| match u32::from(c) {
            code @ 0x2400..=0x241F => char::from_u32(code - 0x2400).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn check_isemail(file: &'static str, expected_tests: usize, tally: &mut Tally) {
    let xml = data(&format!("isemail/{file}"));
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut tests = 0;
    for test in doc.descendants().filter(|n| n.has_tag_name("test")) {
        tests += 1;
        let field = |name: &str| {
            test.children()
                .find(|n| n.has_tag_name(name))
                .map(|n| n.text().unwrap_or(""))
                .unwrap_or_else(|| panic!("{file}: a test without <{name}>"))
        };
        let address = decode_control_pictures(field("address"));
        let (category, diagnosis) = (field("category"), field("diagnosis"));
        let id = test.attribute("id").unwrap_or("?");
        let case = format!("{file} #{id} {diagnosis}");
        let single_label = address
            .rsplit_once('@')
            .is_some_and(|(_, domain)| !domain.contains('.'));
        match (category, diagnosis) {
            ("ISEMAIL_VALID_CATEGORY" | "ISEMAIL_DNSWARN", _) if single_label => {
                tally.expect(&address, DEFAULT, false, &case);
                tally.expect(&address, SINGLE_LABEL, true, &case);
                tally.expect(&address, PERMISSIVE, true, &case);
            }
            ("ISEMAIL_VALID_CATEGORY" | "ISEMAIL_DNSWARN", _) => {
                tally.expect(&address, DEFAULT, true, &case);
                tally.expect(&address, INTERNATIONAL, true, &case);
            }
            (_, "ISEMAIL_RFC5321_TLD") => {
                tally.expect(&address, DEFAULT, false, &case);
                tally.expect(&address, SINGLE_LABEL, true, &case);
            }
            _ => {
                assert!(
                    matches!(
                        category,
                        "ISEMAIL_ERR"
                            | "ISEMAIL_CFWS"
                            | "ISEMAIL_DEPREC"
                            | "ISEMAIL_RFC5322"
                            | "ISEMAIL_RFC5321"
                    ),
                    "{case}: unknown category {category}"
                );
                tally.expect(&address, DEFAULT, false, &case);
                tally.expect(&address, PERMISSIVE, false, &case);
            }
        }
    }
    assert_eq!(tests, expected_tests, "{file}: number of <test> elements");
}

#[test]
fn isemail() {
    // The profile is built on these categories (corpora/README.md): no case disagrees.
    let mut tally = Tally::new("isemail", ISEMAIL_DISAGREEMENTS);
    check_isemail("tests.xml", 164, &mut tally);
    check_isemail("tests-original.xml", 279, &mut tally);
    tally.finish(887);
}

#[test]
fn python_email_validator() {
    let mut tally = Tally::new("python-email-validator", PYTHON_DISAGREEMENTS);
    let mut unrepresentable = Vec::new();
    for line in data("python-email-validator/email_validator_cases.jsonl").lines() {
        let case: Value = match serde_json::from_str(line) {
            Ok(case) => case,
            Err(_) => {
                let listed = PYTHON_UNREPRESENTABLE
                    .iter()
                    .find(|input| line.contains(&format!("\"input\": {input}")));
                unrepresentable.push(*listed.unwrap_or_else(|| panic!("unreadable line {line}")));
                continue;
            }
        };
        let input = case["input"].as_str().expect("input");
        let expected = case["expected"].as_str().expect("expected");
        let label = format!("{} / {expected}", case["test"].as_str().expect("test"));
        match expected {
            "accept" => {
                tally.expect(input, INTERNATIONAL, true, &label);
                tally.expect(input, DEFAULT, input.is_ascii(), &label);
            }
            // What the library does with its default options: these need an option to pass.
            "reject"
            | "reject_if_strict"
            | "accept_if_quoted_local_allowed"
            | "accept_if_domain_literal_allowed"
            | "accept_if_empty_local_allowed"
            | "accept_in_test_environment" => {
                tally.expect(input, DEFAULT, false, &label);
                tally.expect(input, INTERNATIONAL, false, &label);
            }
            "reject_if_smtputf8_off" => tally.expect(input, DEFAULT, false, &label),
            other => panic!("unknown expectation {other}"),
        }
    }
    unrepresentable.sort_unstable();
    let mut listed = PYTHON_UNREPRESENTABLE.to_vec();
    listed.sort_unstable();
    assert_eq!(unrepresentable, listed, "unrepresentable lines");
    tally.finish(600);
}

#[test]
fn validator_crate() {
    let mut tally = Tally::new("validator crate (email)", VALIDATOR_CRATE_DISAGREEMENTS);
    for line in data("rust-validator-crate/validator_cases.jsonl").lines() {
        let case: Value = serde_json::from_str(line).expect("json line");
        if case["kind"] != "email" {
            continue;
        }
        let input = case["input"].as_str().expect("input");
        let expected = case["expected"].as_bool().expect("expected");
        let label = case["test"].as_str().expect("test");
        tally.expect(input, PERMISSIVE, expected, label);
        if !expected {
            tally.expect(input, DEFAULT, false, label);
        }
    }
    tally.finish(71);
}

/// Runs one JSON-Schema-Test-Suite format file; returns how many non-string cases were ignored.
fn check_json_schema(
    file: &str,
    options: EmailOptions,
    skipped: &[(&str, &str)],
    tally: &mut Tally,
) -> usize {
    let groups: Value = serde_json::from_str(&data(file)).expect("json");
    let mut non_strings = 0;
    let mut skipped_seen = 0;
    for group in groups.as_array().expect("groups") {
        for test in group["tests"].as_array().expect("tests") {
            let description = test["description"].as_str().expect("description");
            let Some(input) = test["data"].as_str() else {
                non_strings += 1;
                continue;
            };
            if skipped.iter().any(|(skip, _)| *skip == description) {
                skipped_seen += 1;
                continue;
            }
            let expected = test["valid"].as_bool().expect("valid");
            tally.expect(input, options, expected, description);
        }
    }
    assert_eq!(
        skipped_seen,
        skipped.len(),
        "{file}: skipped descriptions found"
    );
    non_strings
}

#[test]
fn json_schema_email() {
    let mut tally = Tally::new("JSON-Schema-Test-Suite email", &[]);
    let ignored = check_json_schema(
        "json-schema-test-suite-format/email.json",
        DEFAULT,
        JSON_SCHEMA_SKIPPED,
        &mut tally,
    );
    assert_eq!(ignored, 6, "non-string data");
    tally.finish(16);
}

#[test]
fn json_schema_idn_email() {
    let mut tally = Tally::new(
        "JSON-Schema-Test-Suite idn-email",
        JSON_SCHEMA_IDN_DISAGREEMENTS,
    );
    let ignored = check_json_schema(
        "json-schema-test-suite-format/idn-email.json",
        INTERNATIONAL,
        &[],
        &mut tally,
    );
    assert_eq!(ignored, 6, "non-string data");
    tally.finish(12);
}
