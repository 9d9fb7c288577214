//! Every format predicate and the scanning rules are linear in their input: the time per byte
//! stays flat from 1 KiB to 1 MiB, on input that is valid as far as it goes (the worst case for a
//! scanner: it reads to the end). Criterion reports throughput per size; a super-linear rule
//! shows as throughput falling with size.
//!
//! `cargo bench -p validate-tests --bench linear`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use validate_core::{formats, log, normalize, pattern, rules};

const SIZES: [usize; 3] = [1 << 10, 1 << 15, 1 << 20];

fn inputs(size: usize) -> Vec<(&'static str, String)> {
    vec![
        ("letters", "a".repeat(size)),
        (
            "email_local",
            format!("{}@example.com", "a.".repeat(size / 2)),
        ),
        ("email_domain", format!("a@{}com", "b.".repeat(size / 2))),
        (
            "url_path",
            format!("https://example.com/{}", "a/".repeat(size / 2)),
        ),
        ("hostname", "a.".repeat(size / 2) + "com"),
        ("digits", "1234 ".repeat(size / 5)),
        ("colons", ":".repeat(size)),
        ("unicode", "é日本".repeat(size / 8)),
    ]
}

type Check = (&'static str, fn(&str) -> bool);

fn predicates(c: &mut Criterion) {
    let checks: [Check; 8] = [
        ("is_email", formats::is_email),
        ("is_url", formats::is_url),
        ("is_hostname", formats::is_hostname),
        ("is_ip", formats::is_ip),
        ("is_ipv6", formats::is_ipv6),
        ("is_uuid", formats::is_uuid),
        ("is_credit_card", formats::is_credit_card),
        ("no_control", rules::no_control::check),
    ];
    let re = pattern::compile("[a-z]+").expect("a valid pattern");
    for (name, check) in checks {
        let mut group = c.benchmark_group(format!("linear/{name}"));
        for size in SIZES {
            group.throughput(Throughput::Bytes(size as u64));
            for (kind, input) in inputs(size) {
                group.bench_with_input(BenchmarkId::new(kind, size), &input, |b, s| {
                    b.iter(|| check(black_box(s)));
                });
            }
        }
        group.finish();
    }
    let mut group = c.benchmark_group("linear/others");
    for size in SIZES {
        group.throughput(Throughput::Bytes(size as u64));
        let input = "a".repeat(size);
        group.bench_with_input(BenchmarkId::new("pattern", size), &input, |b, s| {
            b.iter(|| pattern::fullmatch(&re, black_box(s)));
        });
        group.bench_with_input(BenchmarkId::new("nfkc", size), &input, |b, s| {
            b.iter(|| normalize::nfkc(black_box(s)).len());
        });
        group.bench_with_input(BenchmarkId::new("preview", size), &input, |b, s| {
            b.iter(|| log::preview(black_box(s), 32).to_string());
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = predicates
}
criterion_main!(benches);
