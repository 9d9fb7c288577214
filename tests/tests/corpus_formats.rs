//! Conformance of the `formats` predicates for hosts, addresses, UUIDs and URLs with public test
//! corpora (copies in `tests/data/`, each with its SOURCE.txt and licence).
//!
//! Every case decided differently from a corpus on purpose is listed below by its exact input, with
//! the reason; any other disagreement fails, and so does a listed input that no longer disagrees.
//! Each corpus must yield a minimum number of checked cases, so a reader that silently finds
//! nothing fails too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;
use validate_core::formats::{
    UrlOptions, is_hostname, is_ip, is_ipv4, is_ipv6, is_url, is_url_with, is_uuid,
};

const CONTEXTO: &str = "the IDNA2008 contextual rules (CONTEXTO) and exceptions of RFC 5892 are \
                        not part of UTS #46, with which the idna crate checks A-labels";

/// JSON-Schema-Test-Suite `hostname.json`: A-labels the suite rejects by IDNA2008 rules that UTS #46
/// does not have. Everything else in it agrees, including Punycode errors, leading combining
/// marks, ZERO WIDTH JOINER without virama, and `--` in the 3rd and 4th position of a U-label.
const HOSTNAME_DISAGREEMENTS: &[(&str, &str)] = &[
    ("xn--07jt112bpxg.xn--9t4b11yi5a", CONTEXTO), // U+302E HANGUL SINGLE DOT TONE MARK
    ("xn--chb89f", CONTEXTO),                     // DISALLOWED exception, right-to-left
    ("xn--07jceefgh4c", CONTEXTO),                // DISALLOWED exception, left-to-right
    ("xn--al-0ea", CONTEXTO),                     // MIDDLE DOT without a preceding `l`
    ("xn--l-fda", CONTEXTO),                      // MIDDLE DOT with nothing before
    ("xn--la-0ea", CONTEXTO),                     // MIDDLE DOT without a following `l`
    ("xn--l-gda", CONTEXTO),                      // MIDDLE DOT with nothing after
    ("xn--S-jib3p", CONTEXTO),                    // Greek KERAIA not followed by Greek
    ("xn--wva3j", CONTEXTO),                      // Greek KERAIA followed by nothing
    ("xn--5db1e", CONTEXTO),                      // Hebrew GERESH with nothing before
    ("xn--5db3e", CONTEXTO),                      // Hebrew GERSHAYIM with nothing before
    ("xn--defabc-k64e", CONTEXTO),                // KATAKANA MIDDLE DOT without kana or Han
    ("xn--vek", CONTEXTO),                        // KATAKANA MIDDLE DOT alone
];

fn data(path: &str) -> String {
    let full: PathBuf = [env!("CARGO_MANIFEST_DIR"), "data", path].iter().collect();
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

/// Compares outcomes with a corpus and keeps count.
struct Tally {
    corpus: &'static str,
    disagreements: BTreeMap<&'static str, &'static str>,
    seen_disagreeing: BTreeSet<&'static str>,
    checked: usize,
    unexpected: Vec<String>,
}

impl Tally {
    fn new(corpus: &'static str, disagreements: &[(&'static str, &'static str)]) -> Self {
        let map: BTreeMap<_, _> = disagreements.iter().copied().collect();
        assert_eq!(
            map.len(),
            disagreements.len(),
            "{corpus}: duplicate disagreement"
        );
        Tally {
            corpus,
            disagreements: map,
            seen_disagreeing: BTreeSet::new(),
            checked: 0,
            unexpected: Vec::new(),
        }
    }

    fn expect(&mut self, input: &str, got: bool, expected: bool, case: &str) {
        self.checked += 1;
        if got == expected {
            return;
        }
        match self.disagreements.get_key_value(input) {
            Some((&listed, _)) => {
                self.seen_disagreeing.insert(listed);
            }
            None => self.unexpected.push(format!(
                "{input:?}: expected {expected}, got {got} ({case})"
            )),
        }
    }

    fn finish(self, min_checked: usize) {
        let stale: Vec<_> = self
            .disagreements
            .keys()
            .filter(|input| !self.seen_disagreeing.contains(*input))
            .collect();
        println!(
            "{}: {} checks, {} deliberate disagreements",
            self.corpus,
            self.checked,
            self.seen_disagreeing.len()
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
            "{}: listed but agreeing: {stale:?}",
            self.corpus
        );
        assert!(
            self.checked >= min_checked,
            "{}: only {} checks, expected at least {min_checked}",
            self.corpus,
            self.checked
        );
    }
}

/// Runs one JSON-Schema-Test-Suite format file: strings must be judged as `valid` says, non-string
/// data (always valid there) is counted and ignored.
fn json_schema(
    file: &'static str,
    predicate: fn(&str) -> bool,
    disagreements: &[(&'static str, &'static str)],
    min_checked: usize,
) {
    let mut tally = Tally::new(file, disagreements);
    let groups: Value =
        serde_json::from_str(&data(&format!("json-schema-test-suite-format/{file}")))
            .expect("json");
    let mut non_strings = 0;
    for group in groups.as_array().expect("groups") {
        for test in group["tests"].as_array().expect("tests") {
            let description = test["description"].as_str().expect("description");
            let Some(input) = test["data"].as_str() else {
                non_strings += 1;
                continue;
            };
            let expected = test["valid"].as_bool().expect("valid");
            tally.expect(input, predicate(input), expected, description);
        }
    }
    assert_eq!(non_strings, 6, "{file}: non-string data");
    tally.finish(min_checked);
}

#[test]
fn json_schema_ipv4() {
    json_schema("ipv4.json", is_ipv4, &[], 35);
}

#[test]
fn json_schema_ipv6() {
    json_schema("ipv6.json", is_ipv6, &[], 35);
}

#[test]
fn json_schema_uuid() {
    json_schema("uuid.json", is_uuid, &[], 22);
}

#[test]
fn json_schema_hostname() {
    json_schema("hostname.json", is_hostname, HOSTNAME_DISAGREEMENTS, 58);
}

#[test]
fn validator_crate_ip_and_url() {
    let mut tally = Tally::new("validator crate (ip, url)", &[]);
    // Its URL cases include `ftp`; the default list (http, https) is checked in `formats.rs`.
    let url_options = UrlOptions {
        schemes: &["http", "https", "ftp"],
        ..UrlOptions::DEFAULT
    };
    for line in data("rust-validator-crate/validator_cases.jsonl").lines() {
        let case: Value = serde_json::from_str(line).expect("json line");
        let input = case["input"].as_str().expect("input");
        let expected = case["expected"].as_bool().expect("expected");
        let function = case["function"].as_str().expect("function");
        let got = match function {
            "validate_ip (v4 or v6)" => is_ip(input),
            "validate_ipv4" => is_ipv4(input),
            "validate_ipv6" => is_ipv6(input),
            "validate_url" => is_url_with(input, &url_options),
            "validate_email" => continue,
            other => panic!("unknown function {other}"),
        };
        tally.expect(input, got, expected, function);
    }
    tally.finish(42);
}

/// The host as written in an absolute URL that `is_url_with` accepted.
fn written_host(url: &str) -> &str {
    let after_scheme = &url[url.find("://").expect("accepted URLs have //") + 3..];
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match host_port.strip_prefix('[') {
        Some(v6) => &host_port[..v6.find(']').expect("closing bracket") + 2],
        None => host_port.split(':').next().unwrap_or_default(),
    }
}

/// Every URL the validator accepts must parse under the WHATWG URL Standard (what browsers and
/// most URL libraries do), to the same scheme and, for names and IPv4 addresses, the same host:
/// checked with the default options and with every scheme of the corpus allowed, credentials too.
#[test]
fn whatwg_urltestdata() {
    let corpus: Value = serde_json::from_str(&data("whatwg-url/urltestdata.json")).expect("json");
    let cases: Vec<&Value> = corpus
        .as_array()
        .expect("array")
        .iter()
        .filter(|case| case.is_object())
        .collect();
    assert!(cases.len() > 800, "only {} cases", cases.len());

    let schemes: BTreeSet<String> = cases
        .iter()
        .filter_map(|case| {
            let input = case["input"].as_str()?;
            let (scheme, _) = input.split_once(':')?;
            Some(scheme.to_ascii_lowercase())
        })
        .filter(|scheme| !scheme.is_empty())
        .collect();
    let schemes: Vec<&str> = schemes.iter().map(String::as_str).collect();
    let permissive = UrlOptions {
        schemes: &schemes,
        max_length: usize::MAX,
        allow_credentials: true,
    };

    let (mut accepted_default, mut accepted_permissive) = (0, 0);
    let mut wrong = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().expect("input");
        let default = is_url(input);
        let permissive = is_url_with(input, &permissive);
        assert!(
            !default || permissive,
            "{input:?}: default accepts, permissive does not"
        );
        accepted_default += usize::from(default);
        accepted_permissive += usize::from(permissive);
        if !permissive {
            continue;
        }
        if case["failure"] == true {
            wrong.push(format!("{input:?}: accepted, but a WHATWG parse fails"));
            continue;
        }
        let scheme = &input[..input.find(':').expect("scheme")];
        if case["protocol"].as_str() != Some(&format!("{}:", scheme.to_ascii_lowercase())) {
            wrong.push(format!("{input:?}: WHATWG scheme is {}", case["protocol"]));
        }
        let mut host = written_host(input).to_ascii_lowercase();
        if scheme.eq_ignore_ascii_case("file") && host == "localhost" {
            // WHATWG writes `file://localhost/` as `file:///`: the same local file.
            host.clear();
        }
        if !host.starts_with('[') && case["hostname"].as_str() != Some(&host) {
            wrong.push(format!("{input:?}: WHATWG host is {}", case["hostname"]));
        }
    }
    println!(
        "WHATWG urltestdata: {} cases ({} failures), accepted {accepted_default} with the default \
         options, {accepted_permissive} with all {} schemes",
        cases.len(),
        cases.iter().filter(|case| case["failure"] == true).count(),
        schemes.len()
    );
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(accepted_default >= 55, "accepted only {accepted_default}");
    assert!(
        accepted_permissive >= 130,
        "accepted only {accepted_permissive}"
    );
}
