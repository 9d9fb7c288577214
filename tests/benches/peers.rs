//! validate-core against `garde` 0.23 and `validator` 0.21 on the same request shapes, in wall
//! time (criterion).
//!
//! The shapes and inputs are in `common/mod.rs`. Before anything is timed, `check_agreement`
//! asserts that the three libraries accept the valid inputs and reject the invalid ones with the
//! same set of failing fields, so every group compares the same work. `tests/benches/ratios.py`
//! turns one run into the ratios of the performance contract.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;

use common::*;
use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};

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

fn shapes(c: &mut Criterion) {
    let signup_valid = signup(
        "ada_lovelace",
        "correct horse battery staple",
        &["math", "poetry"],
        "10115",
    );
    let signup_invalid = signup(
        "ada!",
        "correct horse battery",
        &["math", "Poetry!"],
        "1011",
    );
    let order_valid = order(false);
    let order_invalid = order(true);

    check_agreement("signup/valid", &signup_valid, &[]);
    check_agreement(
        "signup/invalid",
        &signup_invalid,
        &["username", "passwordconfirmation", "tags", "address.zip"],
    );
    check_agreement("order/valid", &order_valid, &[]);
    check_agreement(
        "order/invalid",
        &order_invalid,
        &["items[3].sku", "items[7].quantity", "items[14].note"],
    );

    for (name, triple) in [
        ("signup/valid", &signup_valid),
        ("signup/invalid", &signup_invalid),
    ] {
        bench_three(&mut c.benchmark_group(name), triple);
    }
    for (name, triple) in [
        ("order/valid", &order_valid),
        ("order/invalid", &order_invalid),
    ] {
        bench_three(&mut c.benchmark_group(name), triple);
    }
}

fn serde(c: &mut Criterion) {
    let order_json = order_json();
    assert!(serde_json::from_str::<ours::SignupRequest>(SIGNUP_JSON).is_ok());
    assert!(ours::deserialize_valid::<ours::SignupRequest>(SIGNUP_JSON));
    assert!(serde_json::from_str::<ours::Order>(&order_json).is_ok());
    assert!(ours::deserialize_valid::<ours::Order>(&order_json));

    let mut group = c.benchmark_group("serde/signup");
    group.bench_function("plain", |b| {
        b.iter(|| serde_json::from_str::<ours::SignupRequest>(black_box(SIGNUP_JSON)))
    });
    group.bench_function("valid", |b| {
        b.iter(|| {
            serde_json::from_str::<validate_core::Valid<ours::SignupRequest>>(black_box(
                SIGNUP_JSON,
            ))
        })
    });
    group.finish();

    let mut group = c.benchmark_group("serde/order");
    group.bench_function("plain", |b| {
        b.iter(|| serde_json::from_str::<ours::Order>(black_box(&order_json)))
    });
    group.bench_function("valid", |b| {
        b.iter(|| serde_json::from_str::<validate_core::Valid<ours::Order>>(black_box(&order_json)))
    });
    group.finish();
}

/// One rule at a time, on a valid value, to show where validate() spends its time.
fn rules(c: &mut Criterion) {
    macro_rules! rule {
        ($group:literal, $ty:ident, $value:expr) => {{
            let triple = Triple {
                ours: ours::$ty {
                    value: $value.into(),
                },
                garde: with_garde::$ty {
                    value: $value.into(),
                },
                validator: with_validator::$ty {
                    value: $value.into(),
                },
            };
            check_agreement($group, &triple, &[]);
            bench_three(&mut c.benchmark_group($group), &triple);
        }};
    }
    rule!("rule/length", OnlyLength, "ada_lovelace");
    rule!("rule/pattern", OnlyPattern, "ada_lovelace");
    rule!("rule/email", OnlyEmail, "ada@example.com");
    rule!("rule/url", OnlyUrl, "https://example.com/ada");
}

criterion_group!(benches, shapes, serde, rules);
criterion_main!(benches);
