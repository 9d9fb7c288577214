//! The cost of the `password` rule: one zxcvbn scoring of a 12-, 64- and 128-character password
//! (zxcvbn reads the first 100 characters, so 128 costs what 100 does), and a 1 MiB value under
//! `length(max = 128), password`, which `length` refuses without scoring, beside the same value
//! under `length(max = 128)` alone.
//!
//! `cargo bench -p validate-tests --bench password`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use validate_core::Validate;
use validate_core::rules::password;

#[derive(Validate)]
struct Scored {
    #[validate(length(min = 12, max = 128), password)]
    password: String,
}

#[derive(Validate)]
struct LengthOnly {
    #[validate(length(min = 12, max = 128))]
    password: String,
}

/// A password of `n` characters that is not a dictionary word or a repeat.
fn password_of(n: usize) -> String {
    "Kq7!vR2#mZ9@xL4$wT6%".chars().cycle().take(n).collect()
}

fn scoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("password/score");
    for n in [12, 64, 128] {
        let value = password_of(n);
        assert!(
            password::check(&value, 3, &[]),
            "{n} characters should score 3"
        );
        group.bench_with_input(BenchmarkId::from_parameter(n), &value, |b, value| {
            b.iter(|| password::check(black_box(value), 3, &[]));
        });
    }
    group.finish();
}

fn over_max(c: &mut Criterion) {
    let huge = "a".repeat(1 << 20);
    let scored = Scored {
        password: huge.clone(),
    };
    let length_only = LengthOnly { password: huge };
    let codes = |report: validate_core::Report| {
        report
            .iter()
            .map(|e| e.code().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(scored.validate().unwrap_err()), ["length"]);
    assert_eq!(codes(length_only.validate().unwrap_err()), ["length"]);
    let mut group = c.benchmark_group("password/1MiB");
    group.bench_function("length_and_password", |b| {
        b.iter(|| black_box(&scored).validate());
    });
    group.bench_function("length_only", |b| {
        b.iter(|| black_box(&length_only).validate());
    });
    group.finish();
}

criterion_group!(benches, scoring, over_max);
criterion_main!(benches);
