//! validate-core against `garde` 0.23 and `validator` 0.21 on the same request shapes, in wall
//! time (criterion).
//!
//! The shapes and inputs are in `common/mod.rs`, one case per group. Before a group is timed, its
//! case's `check` asserts that the three libraries accept the valid inputs and reject the invalid
//! ones with the same set of failing fields, so every group compares the same work (the same
//! checks run under `cargo test`: `tests/tests/agreement.rs`). `tests/benches/ratios.py`
//! turns one run into the ratios of the performance contract.

#[path = "common/mod.rs"]
mod common;

use std::cell::RefCell;
use std::fmt::Debug;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::*;
use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use serde::de::DeserializeOwned;

fn bench_three<A, B, C>(group: &mut BenchmarkGroup<'_, WallTime>, triple: &Triple<A, B, C>)
where
    A: validate_core::Validate,
    B: garde::Validate<Context = ()>,
    C: validator::Validate,
{
    group.bench_function("validate_core", |b| {
        b.iter(|| validate_core::Validate::validate(black_box(&triple.ours)))
    });
    group.bench_function("garde", |b| {
        b.iter(|| garde::Validate::validate(black_box(&triple.garde)))
    });
    group.bench_function("validator", |b| {
        b.iter(|| validator::Validate::validate(black_box(&triple.validator)))
    });
}

/// `case.check()`, then `case`'s group.
fn bench_case<A, B, C>(c: &mut Criterion, case: &Case<A, B, C>)
where
    A: validate_core::Validate,
    B: garde::Validate<Context = ()>,
    C: validator::Validate,
{
    case.check();
    bench_three(&mut c.benchmark_group(case.group), &case.triple);
}

fn shapes(c: &mut Criterion) {
    bench_case(c, &signup_valid());
    bench_case(c, &signup_invalid());
    bench_case(c, &order_valid());
    bench_case(c, &order_invalid());
}

fn serde(c: &mut Criterion) {
    bench_serde(c, &serde_signup(), 1024);
    bench_serde(c, &serde_order(), 256);
    bench_serde(c, &serde_signup_normalizing(), 1024);
    bench_serde(c, &serde_order_normalizing(), 256);
    serde_handle(c);
    serde_query(c);
}

/// A search query through `de::from_query` (parse, normalize, validate) beside
/// `serde_urlencoded`'s parse alone.
fn serde_query(c: &mut Criterion) {
    #[derive(Debug, serde::Deserialize, validate_core::Validate)]
    struct Search {
        #[normalize(trim)]
        #[validate(length(min = 1, max = 100))]
        q: String,
        #[validate(range(min = 1, max = 100))]
        limit: Option<u32>,
        #[validate(range(min = 1))]
        page: u32,
        #[validate(one_of("newest", "oldest", "relevance"))]
        sort: String,
    }
    const QUERY: &str = "q=rust+validation&limit=20&page=3&sort=newest";
    let parsed = validate_core::de::from_query::<Search>(QUERY).expect("valid");
    assert_eq!((parsed.q.as_str(), parsed.page), ("rust validation", 3));
    let plain = || serde_urlencoded::from_str::<Search>(black_box(QUERY));
    let valid = || validate_core::de::from_query::<Search>(black_box(QUERY));
    let mut group = c.benchmark_group("serde/query");
    group.sample_size(PAIRED_SAMPLES);
    group.bench_function("plain", |b| b.iter(plain));
    group.bench_function("valid", |b| b.iter(valid));
    paired(&mut group, "serde/query", 4096, plain, valid);
    group.finish();
}

/// A one-field body whose handle needs all of `trim, nfkc, lowercase`: the cost of normalizing
/// next to the parse it follows.
fn serde_handle(c: &mut Criterion) {
    #[derive(Debug, serde::Deserialize, validate_core::Validate)]
    struct Handle {
        #[normalize(trim, nfkc, lowercase)]
        #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
        handle: String,
    }
    const BODY: &str = r#"{"handle":"  ＡＤＡ_Lovelace  "}"#;
    let parsed = serde_json::from_str::<validate_core::Valid<Handle>>(BODY).expect("valid");
    assert_eq!(parsed.handle, "ada_lovelace");
    let plain = || serde_json::from_str::<Handle>(black_box(BODY));
    let valid = || serde_json::from_str::<validate_core::Valid<Handle>>(black_box(BODY));
    let mut group = c.benchmark_group("serde/handle");
    group.sample_size(PAIRED_SAMPLES);
    group.bench_function("plain", |b| b.iter(plain));
    group.bench_function("valid", |b| b.iter(valid));
    paired(&mut group, "serde/handle", 4096, plain, valid);
    group.finish();
}

/// `case.check()`, then `plain`, `valid` and `paired` (in turns of `batch` calls) on its body.
fn bench_serde<T: IntoTriple + DeserializeOwned + PartialEq + Debug>(
    c: &mut Criterion,
    case: &SerdeCase<T>,
    batch: u64,
) {
    case.check();
    let plain = || serde_json::from_str::<T>(black_box(&*case.json));
    let valid = || serde_json::from_str::<validate_core::Valid<T>>(black_box(&*case.json));
    let mut group = c.benchmark_group(case.group);
    group.sample_size(PAIRED_SAMPLES);
    group.bench_function("plain", |b| b.iter(plain));
    group.bench_function("valid", |b| b.iter(valid));
    paired(&mut group, case.group, batch, plain, valid);
    group.finish();
}

/// The sample size of the `serde/*` groups, set so that `paired` knows which of its calls were
/// samples (criterion's default).
const PAIRED_SAMPLES: usize = 100;

/// `plain` and `valid` in one criterion function, `paired`: every sample times them in turns of
/// `batch` calls each, so that a swing of the machine's speed (2× within a minute on a shared
/// 2-core machine) hits both alike, where `plain` and `valid` on their own are timed seconds
/// apart. criterion records the `valid` turns; each sample's `valid` / `plain` ratio goes to
/// `<target>/criterion/<group>/paired/ratios.json`, whose median `ratios.py` reports.
fn paired<P, V, O, E>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    batch: u64,
    plain: impl Fn() -> Result<P, E>,
    valid: impl Fn() -> Result<V, O>,
) {
    let samples = RefCell::new(Vec::new());
    group.bench_function("paired", |b| {
        b.iter_custom(|iters| {
            let (mut plain_time, mut valid_time) = (Duration::ZERO, Duration::ZERO);
            let mut left = iters;
            while left > 0 {
                let n = left.min(batch);
                let start = Instant::now();
                for _ in 0..n {
                    black_box(plain().is_ok());
                }
                plain_time += start.elapsed();
                let start = Instant::now();
                for _ in 0..n {
                    black_box(valid().is_ok());
                }
                valid_time += start.elapsed();
                left -= n;
            }
            samples
                .borrow_mut()
                .push(valid_time.as_secs_f64() / plain_time.as_secs_f64());
            valid_time
        })
    });
    // criterion calls the routine for its warm-up first, then once per sample; filtered out, or
    // run once by `--test`, it leaves the last results alone.
    let samples = samples.into_inner();
    if samples.len() < PAIRED_SAMPLES {
        return;
    }
    let measured = &samples[samples.len() - PAIRED_SAMPLES..];
    let dir = criterion_dir().join(name).join("paired");
    let json = format!(
        "{{\"ratios\":[{}]}}\n",
        measured
            .iter()
            .map(|r| format!("{r:.6}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    if let Err(error) =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join("ratios.json"), json))
    {
        eprintln!("could not write {}: {error}", dir.display());
    }
}

/// Where criterion writes its results: `$CARGO_TARGET_DIR/criterion`, or `criterion` in the
/// target directory this bench was built into.
fn criterion_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir).join("criterion");
    }
    let exe = std::env::current_exe().expect("the bench's path");
    // <target>/<profile>/deps/peers-<hash>
    exe.ancestors()
        .nth(3)
        .map_or_else(|| PathBuf::from("target"), PathBuf::from)
        .join("criterion")
}

/// One rule at a time, on a valid value, to show where validate() spends its time.
fn rules(c: &mut Criterion) {
    bench_case(c, &rule_length());
    bench_case(c, &rule_pattern());
    bench_case(c, &rule_email());
    bench_case(c, &rule_url());
    bench_case(c, &rule_pattern_regex());
    bench_case(c, &rule_url_any_scheme());
}

criterion_group!(benches, shapes, serde, rules);
criterion_main!(benches);
