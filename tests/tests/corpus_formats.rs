//! Conformance of the `formats` predicates for hosts, addresses, UUIDs and URLs with public test
//! corpora (copies in `tests/data/`, each with its SOURCE.txt and licence).
//!
//! Every case decided differently from a corpus on purpose is listed below by its exact input, the
//! predicate it is checked with and the corpus's verdict, with the reason; any other disagreement
//! fails, and so does a listed case that no longer disagrees. Each corpus yields an exact number of
//! checks, so a reader that finds more or fewer cases fails too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;
use validate_core::formats::{
    UrlOptions, is_hostname, is_ip, is_ipv4, is_ipv6, is_url, is_url_with, is_uuid,
};

fn data(path: &str) -> String {
    let full: PathBuf = [env!("CARGO_MANIFEST_DIR"), "data", path].iter().collect();
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

/// A deliberate disagreement: the input, the predicate it is checked with, the corpus's verdict,
/// and why ours decides otherwise.
type Excuse = (&'static str, &'static str, bool, &'static str);

/// Compares outcomes with a corpus and keeps count.
struct Tally {
    corpus: &'static str,
    excuses: BTreeMap<(&'static str, &'static str, bool), &'static str>,
    seen: BTreeSet<(&'static str, &'static str, bool)>,
    checked: usize,
    unexpected: Vec<String>,
}

impl Tally {
    fn new(corpus: &'static str, excuses: &[Excuse]) -> Self {
        let map: BTreeMap<_, _> = excuses
            .iter()
            .map(|&(input, predicate, expected, reason)| ((input, predicate, expected), reason))
            .collect();
        assert_eq!(map.len(), excuses.len(), "{corpus}: duplicate excuse");
        Tally {
            corpus,
            excuses: map,
            seen: BTreeSet::new(),
            checked: 0,
            unexpected: Vec::new(),
        }
    }

    fn expect(&mut self, input: &str, predicate: &str, got: bool, expected: bool, case: &str) {
        self.checked += 1;
        if got == expected {
            return;
        }
        let listed = self
            .excuses
            .keys()
            .find(|&&(i, p, e)| i == input && p == predicate && e == expected)
            .copied();
        match listed {
            Some(listed) => {
                self.seen.insert(listed);
            }
            None => self.unexpected.push(format!(
                "({input:?}, {predicate:?}, {expected}, ..): got {got} ({case})"
            )),
        }
    }

    /// Fails on an unexpected outcome, on an excuse whose case now agrees, and unless exactly
    /// `checks` cases were checked.
    fn finish(self, checks: usize) {
        let stale: Vec<_> = self
            .excuses
            .keys()
            .filter(|key| !self.seen.contains(*key))
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

/// Runs one JSON-Schema-Test-Suite format file: strings must be judged as `valid` says, non-string
/// data (always valid there) is counted and ignored.
fn json_schema(
    file: &'static str,
    (name, predicate): (&str, fn(&str) -> bool),
    excuses: &[Excuse],
    checks: usize,
) {
    let mut tally = Tally::new(file, excuses);
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
            tally.expect(input, name, predicate(input), expected, description);
        }
    }
    assert_eq!(non_strings, 6, "{file}: non-string data");
    tally.finish(checks);
}

#[test]
fn json_schema_ipv4() {
    json_schema("ipv4.json", ("is_ipv4", is_ipv4), &[], 35);
}

#[test]
fn json_schema_ipv6() {
    json_schema("ipv6.json", ("is_ipv6", is_ipv6), &[], 36);
}

#[test]
fn json_schema_uuid() {
    json_schema("uuid.json", ("is_uuid", is_uuid), &[], 22);
}

#[test]
fn json_schema_hostname() {
    json_schema("hostname.json", ("is_hostname", is_hostname), &[], 58);
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
        tally.expect(input, function, got, expected, function);
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
    assert_eq!(cases.len(), 891, "cases");

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
        public: false,
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
    assert_eq!(accepted_default, 61, "accepted with the default options");
    assert_eq!(accepted_permissive, 144, "accepted with every scheme");
}
