//! Rules are linear in their input, and the length-bounded formats are constant beyond their
//! bound. Throughput per size, from 1 KiB to 1 MiB: a flat line is linear; a super-linear scan
//! shows as throughput falling with size. Inputs are valid as far as they go, the worst case for
//! a scanner: it reads to the end.
//!
//! `cargo bench -p validate-tests --bench linear`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use validate_core::formats::{self, UrlOptions};
use validate_core::rules::chars::AsciiSet;
use validate_core::rules::length::{Bounds, Measure};
use validate_core::{log, normalize, pattern, rules};

const SIZES: [usize; 3] = [1 << 10, 1 << 15, 1 << 20];

type Scan = (&'static str, fn(&str) -> bool);

fn unbounded(s: &str) -> bool {
    let options = UrlOptions {
        max_length: usize::MAX,
        ..UrlOptions::DEFAULT
    };
    formats::is_url_with(s, &options)
}

fn scanners(c: &mut Criterion) {
    let re = pattern::compile("[a-z]+").expect("a valid pattern");
    let lower = AsciiSet {
        low: 0,
        high: ((1u64 << 26) - 1) << 33,
    };
    let long = Bounds {
        min: Some(1),
        max: None,
        equal: None,
    };
    let mut group = c.benchmark_group("linear");
    for size in SIZES {
        group.throughput(Throughput::Bytes(size as u64));
        let letters = "a".repeat(size);
        let unicode = "é日本".repeat(size / 8);
        let url = format!("https://example.com/{}", "a/".repeat(size / 2));
        let host = format!("https://{}com/", "a.".repeat(size / 2));
        let scans: [(&str, &str, Scan); 6] = [
            ("url_path", &url, ("is_url", unbounded)),
            ("url_host", &host, ("is_url", unbounded)),
            (
                "letters",
                &letters,
                ("no_control", rules::no_control::check),
            ),
            (
                "unicode",
                &unicode,
                ("no_control", rules::no_control::check),
            ),
            (
                "letters",
                &letters,
                ("alphanumeric", rules::alphanumeric::check),
            ),
            ("unicode", &unicode, ("ascii", rules::ascii::check)),
        ];
        for (kind, input, (name, check)) in scans {
            group.bench_with_input(
                BenchmarkId::new(format!("{name}/{kind}"), size),
                input,
                |b, s| {
                    b.iter(|| check(black_box(s)));
                },
            );
        }
        group.bench_with_input(BenchmarkId::new("pattern", size), &letters, |b, s| {
            b.iter(|| pattern::fullmatch(&re, black_box(s)));
        });
        group.bench_with_input(BenchmarkId::new("chars", size), &letters, |b, s| {
            b.iter(|| rules::chars::check(black_box(s), lower, &['é']));
        });
        group.bench_with_input(
            BenchmarkId::new("length/unicode", size),
            &unicode,
            |b, s| {
                b.iter(|| rules::length::check(Measure::Chars(black_box(s)), long));
            },
        );
        group.bench_with_input(BenchmarkId::new("nfkc/unicode", size), &unicode, |b, s| {
            b.iter(|| normalize::nfkc(black_box(s)).len());
        });
        group.bench_with_input(
            BenchmarkId::new("strip_control/unicode", size),
            &unicode,
            |b, s| {
                b.iter(|| normalize::strip_control(black_box(s)).len());
            },
        );
        group.bench_with_input(BenchmarkId::new("preview", size), &unicode, |b, s| {
            b.iter(|| log::preview(black_box(s), 32).to_string());
        });
    }
    group.finish();
}

/// The formats with a length limit check it first: 1 MiB costs what 1 KiB costs.
fn bounded(c: &mut Criterion) {
    let checks: [Scan; 7] = [
        ("is_email", formats::is_email),
        ("is_url", formats::is_url),
        ("is_hostname", formats::is_hostname),
        ("is_ip", formats::is_ip),
        ("is_ipv6", formats::is_ipv6),
        ("is_uuid", formats::is_uuid),
        ("is_credit_card", formats::is_credit_card),
    ];
    let mut group = c.benchmark_group("bounded");
    for size in [1 << 10, 1 << 20] {
        let input = "a".repeat(size);
        for (name, check) in checks {
            group.bench_with_input(BenchmarkId::new(name, size), &input, |b, s| {
                b.iter(|| check(black_box(s)));
            });
        }
    }
    group.finish();
}

/// A rejection by `pattern(path = ..)`: an unanchored regex needs the anchored copy that
/// `fullmatch` builds once, then costs what an anchored one does.
fn rejections(c: &mut Criterion) {
    let unanchored = regex::Regex::new(r"\w+").expect("a regex");
    let anchored = regex::Regex::new(r"^\w+$").expect("a regex");
    let mut group = c.benchmark_group("rejections");
    group.bench_function("pattern_path/unanchored", |b| {
        b.iter(|| pattern::fullmatch(&unanchored, black_box("abc!")));
    });
    group.bench_function("pattern_path/anchored", |b| {
        b.iter(|| pattern::fullmatch(&anchored, black_box("abc!")));
    });
    group.finish();
}

/// A field under `trim, nfkc, lowercase` and `length(max = 32)`, given input that NFKC expands
/// 18-fold (U+FDFA) or plain ASCII: normalizing stops where no value that short can come out, so
/// both cost what reading a few hundred bytes does, whatever the size. `hostile_body` is the
/// same through `de::from_json`, what the extractors run, on a 2 MB body.
fn expanding(c: &mut Criterion) {
    #[derive(serde::Deserialize, validate_core::Validate)]
    struct Account {
        #[normalize(trim, nfkc, lowercase)]
        #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
        user_name: String,
    }
    let mut group = c.benchmark_group("expanding");
    for size in SIZES {
        let inputs = [
            ("fdfa", "\u{fdfa}".repeat(size / 3)),
            ("ascii", "a".repeat(size)),
        ];
        for (kind, input) in inputs {
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(kind, size), &input, |b, s| {
                b.iter_batched(
                    || Account {
                        user_name: s.clone(),
                    },
                    |account| validate_core::Valid::new(black_box(account)).is_ok(),
                    criterion::BatchSize::LargeInput,
                );
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("hostile_body");
    for (kind, value) in [
        ("fdfa", "\u{fdfa}".repeat(663_000)),
        ("ascii", "a".repeat(1_990_000)),
    ] {
        let body = format!(r#"{{"user_name":"{value}"}}"#);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new(kind, "2MB"), &body, |b, body| {
            b.iter(|| validate_core::de::from_json::<Account>(black_box(body.as_bytes())).is_ok());
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = scanners, bounded, rejections, expanding
}
criterion_main!(benches);
