//! The fast paths of `is_email`, `is_hostname` and `is_url` are automata that stand in for the
//! exact scans on the usual input; an automaton that wrongly accepts would only be caught by an
//! input a table happens to hold. These properties hold each fast path to its scan on near-valid
//! input (valid addresses, hosts and URLs with bytes inserted, deleted, swapped and re-cased,
//! dots, hyphens and digits at label edges): whatever a fast path accepts, the scan accepts.

use proptest::prelude::*;
use validate_core::formats::fast_paths::{
    is_email_exact, is_email_fast, is_hostname_exact, is_hostname_fast, is_plain_lowercase_email,
    is_plain_web_url, is_url_exact,
};
use validate_core::formats::{EmailOptions, UrlOptions};

const EMAILS: &[&str] = &[
    "ada@example.com",
    "a.b-c+d@sub.example.co",
    "user_1@a.bc",
    "x@y.zz",
    "first.last@x-y.example",
    "o'neil@example.com",
    "a!#$%&'*+-/=?^_`{|}~@example.org",
    "Ada.Lovelace@Example.COM",
    "1@2.c3",
];

const HOSTS: &[&str] = &[
    "example.com",
    "a.b.c",
    "xn--bcher-kva.de",
    "a-b.c-d",
    "localhost",
    "1a.2b",
    "sub.domain-name.example",
    "a123456789012345678901234567890123456789012345678901234567890bc",
];

const URLS: &[&str] = &[
    "https://example.com/",
    "http://a.b/c?d=e#f",
    "https://x.y:8080/p",
    "http://example.com",
    "https://ex-ample.org/a/b/c",
    "http://1.2.3.4/",
    "https://[::1]/",
    "HTTPS://Example.COM/a%20b#frag",
    "https://user@example.com/",
];

/// The bytes a mutation inserts: the characters of the grammars, their neighbours, and a few
/// that no grammar allows.
const BYTES: &[u8] = b".-@_+:/?#[]%!*~ aAzZ09\t\x00\x7f\xc3";

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, u8),
    Delete(usize),
    Swap(usize),
    FlipCase(usize),
    /// A dot, hyphen or digit next to the start or end of a label.
    Edge(usize, u8, bool),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), proptest::sample::select(BYTES)).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Swap),
        any::<usize>().prop_map(Mutation::FlipCase),
        (
            any::<usize>(),
            proptest::sample::select(&b".-0"[..]),
            any::<bool>()
        )
            .prop_map(|(i, b, after)| Mutation::Edge(i, b, after)),
    ]
}

/// `seed` with `mutations` applied, as a string when the bytes still are UTF-8.
fn mutate(seed: &str, mutations: &[Mutation]) -> Option<String> {
    let mut bytes = seed.as_bytes().to_vec();
    for mutation in mutations {
        let n = bytes.len();
        match *mutation {
            Mutation::Insert(i, b) => bytes.insert(i % (n + 1), b),
            Mutation::Delete(i) if n > 0 => {
                bytes.remove(i % n);
            }
            Mutation::Swap(i) if n > 1 => bytes.swap(i % (n - 1), i % (n - 1) + 1),
            Mutation::FlipCase(i) if n > 0 => {
                let b = &mut bytes[i % n];
                *b = if b.is_ascii_lowercase() {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                };
            }
            Mutation::Edge(i, b, after) => {
                let edges: Vec<usize> = (0..=n)
                    .filter(|&j| {
                        j == 0 || j == n || matches!(bytes[j - 1], b'.' | b'@') || bytes[j] == b'.'
                    })
                    .collect();
                let at = edges[i % edges.len()];
                let at = if after {
                    at
                } else {
                    at.saturating_sub(1).min(n)
                };
                bytes.insert(at, b);
            }
            _ => {}
        }
    }
    String::from_utf8(bytes).ok()
}

fn near(seeds: &'static [&'static str]) -> impl Strategy<Value = String> {
    let mutated = (
        proptest::sample::select(seeds),
        proptest::collection::vec(mutation(), 0..4),
    )
        .prop_filter_map("not UTF-8", |(seed, mutations)| mutate(seed, &mutations));
    prop_oneof![8 => mutated, 1 => ".{0,70}", 1 => "[a-z0-9.@:/-]{0,40}"]
}

const EMAIL_OPTIONS: [EmailOptions; 4] = [
    EmailOptions {
        allow_single_label: false,
        international: false,
    },
    EmailOptions {
        allow_single_label: true,
        international: false,
    },
    EmailOptions {
        allow_single_label: false,
        international: true,
    },
    EmailOptions {
        allow_single_label: true,
        international: true,
    },
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn what_the_email_automata_accept_the_scan_accepts(s in near(EMAILS)) {
        if is_email_fast(&s) {
            for options in EMAIL_OPTIONS {
                prop_assert!(is_email_exact(&s, options), "fast path accepts {s:?}, scan rejects with {options:?}");
            }
        }
        if is_plain_lowercase_email(&s) {
            prop_assert!(!s.bytes().any(|b| b.is_ascii_uppercase()), "{s:?} has upper case");
            for options in EMAIL_OPTIONS {
                prop_assert!(is_email_exact(&s, options), "proof accepts {s:?}, scan rejects with {options:?}");
            }
        }
    }

    #[test]
    fn what_the_host_automaton_accepts_the_scan_accepts(s in near(HOSTS)) {
        if is_hostname_fast(s.as_bytes()) {
            prop_assert!(is_hostname_exact(s.as_bytes()), "fast path accepts {s:?}, scan rejects");
        }
    }

    #[test]
    fn what_the_url_fast_path_accepts_the_scan_accepts(s in near(URLS)) {
        let schemes: [&[&str]; 3] = [&["http", "https"], &["https"], &["http", "https", "ftp"]];
        for schemes in schemes {
            let options = UrlOptions { schemes, ..UrlOptions::DEFAULT };
            if s.len() <= options.max_length && is_plain_web_url(s.as_bytes(), schemes) {
                prop_assert!(
                    is_url_exact(s.as_bytes(), &options),
                    "fast path accepts {s:?} with {schemes:?}, scan rejects"
                );
            }
        }
    }
}

/// The generators reach both verdicts of every fast path, so the properties above are not
/// vacuous.
#[test]
fn the_generators_reach_both_verdicts() {
    let mutated = |seed: &str, mutations: &[Mutation]| mutate(seed, mutations).unwrap();
    assert!(is_email_fast(EMAILS[0]));
    assert!(!is_email_fast(&mutated(
        EMAILS[0],
        &[Mutation::Insert(3, b'.'), Mutation::Insert(3, b'.')]
    )));
    assert!(is_hostname_fast(HOSTS[0].as_bytes()));
    assert!(!is_hostname_fast(
        mutated(HOSTS[0], &[Mutation::Edge(0, b'-', true)]).as_bytes()
    ));
    assert!(is_plain_web_url(URLS[0].as_bytes(), &["http", "https"]));
    assert!(!is_plain_web_url(
        mutated(URLS[0], &[Mutation::Insert(9, b' ')]).as_bytes(),
        &["http", "https"]
    ));
}
