//! The cost of messages in another language: `Report::localized` on a five-error report like the
//! peers' invalid signup, into German and into English (the shipped catalogues), beside cloning
//! the report (what `localized` starts from). The contract: a few microseconds.
//!
//! `cargo bench -p validate-tests --bench i18n`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use validate_core::Validate;
use validate_core::i18n::Catalog;

#[derive(Validate)]
struct Signup {
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user_name: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 13, max = 130))]
    age: u8,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    tags: Vec<String>,
}

fn bench(c: &mut Criterion) {
    let report = Signup {
        user_name: "A!".into(),
        email: "nope".into(),
        age: 7,
        tags: vec![String::new()],
    }
    .validate()
    .unwrap_err();
    assert_eq!(report.len(), 5);
    let german = Catalog::builtin("de").unwrap();
    let english = Catalog::builtin("en").unwrap();
    let mut group = c.benchmark_group("i18n");
    group.bench_function("clone", |b| b.iter(|| black_box(&report).clone()));
    group.bench_function("localized/de", |b| {
        b.iter(|| black_box(&report).localized(&german))
    });
    group.bench_function("localized/en", |b| {
        b.iter(|| black_box(&report).localized(&english))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
