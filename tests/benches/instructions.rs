//! The peer benchmarks' workloads, one at a time, for counting instructions with cachegrind
//! (`tests/benches/instructions.sh`): a deterministic companion to `peers.rs`, whose wall times on
//! a shared machine can drift by a factor of two between two runs.
//!
//! `instructions <workload> <iterations>` sets the workload up, runs it once (patterns compile,
//! cached errors are built) and asserts that this call gives the expected answer (a valid input
//! accepted, an invalid one rejected, a parse succeeding), then runs it `iterations` more times;
//! the script runs it with 0 and with N iterations and divides the difference by N. Without
//! arguments (as `cargo bench` runs it) it lists the workloads and does nothing else.

#[path = "common/mod.rs"]
mod common;

use std::fmt::Debug;
use std::hint::black_box;

use common::*;
use serde::de::DeserializeOwned;

type Workload = Box<dyn FnMut() -> bool>;

const LIBRARIES: [&str; 3] = ["validate_core", "garde", "validator"];

/// Runs `$each` with `$make` bound to the name of each case function (`rule_url` for `rule/url`,
/// see [`builds`]) and `$build` to the function.
macro_rules! for_each {
    ([$($case:ident),*], |$make:ident, $build:ident| $each:expr) => {
        $({
            let $make = stringify!($case);
            let $build = $case;
            $each
        })*
    };
}

/// Whether the case function `make` builds `group`'s case: its name is the group's with the `/`
/// as `_`. A workload builds its own case only, without allocating first: what setup leaves on
/// the heap changes the instructions a parse's allocations take.
fn builds(make: &str, group: &str) -> bool {
    make.split_once('_') == group.split_once('/')
}

/// The `validate()` cases counted here: the contract's shapes, and the `rule/*` cases whose path
/// the contract's shapes do not take (the regex engine, a URL scheme other than `https`).
macro_rules! for_each_validate_case {
    (|$make:ident, $build:ident| $each:expr) => {
        for_each!(
            [
                signup_valid,
                signup_invalid,
                order_valid,
                order_invalid,
                rule_pattern_regex,
                rule_url_any_scheme
            ],
            |$make, $build| $each
        )
    };
}

/// The `serde/*` cases.
macro_rules! for_each_serde_case {
    (|$make:ident, $build:ident| $each:expr) => {
        for_each!(
            [
                serde_signup,
                serde_order,
                serde_signup_normalizing,
                serde_order_normalizing
            ],
            |$make, $build| $each
        )
    };
}

/// `library`'s `validate()` on `case`, and whether it must accept.
fn validate<A, B, C>(case: Case<A, B, C>, library: &str) -> (Workload, bool)
where
    A: validate_core::Validate + 'static,
    B: garde::Validate<Context = ()> + 'static,
    C: validator::Validate + 'static,
{
    let accepted = case.failing.is_empty();
    let triple = case.triple;
    let run: Workload = match library {
        "validate_core" => {
            Box::new(move || validate_core::Validate::validate(black_box(&triple.ours)).is_ok())
        }
        "garde" => Box::new(move || garde::Validate::validate(black_box(&triple.garde)).is_ok()),
        "validator" => {
            Box::new(move || validator::Validate::validate(black_box(&triple.validator)).is_ok())
        }
        _ => panic!("unknown library {library}"),
    };
    (run, accepted)
}

/// `serde_json::from_str::<T>` (`plain`) or `::<Valid<T>>` (`valid`) on `case`'s body; both
/// must succeed.
fn parse<T>(case: SerdeCase<T>, which: &str) -> (Workload, bool)
where
    T: IntoTriple + DeserializeOwned + PartialEq + Debug + 'static,
{
    let json = case.json;
    let run: Workload = match which {
        "plain" => Box::new(move || serde_json::from_str::<T>(black_box(&*json)).is_ok()),
        "valid" => Box::new(move || {
            serde_json::from_str::<validate_core::Valid<T>>(black_box(&*json)).is_ok()
        }),
        _ => panic!("unknown parse {which}"),
    };
    (run, true)
}

fn workload(name: &str) -> Option<(Workload, bool)> {
    let (group, which) = name.rsplit_once('/')?;
    for_each_validate_case!(|make, build| if builds(make, group) {
        let case = build();
        assert_eq!(case.group, group, "{make} builds another group");
        return Some(validate(case, which));
    });
    for_each_serde_case!(|make, build| if builds(make, group) {
        let case = build();
        assert_eq!(case.group, group, "{make} builds another group");
        return Some(parse(case, which));
    });
    None
}

fn workloads() -> Vec<String> {
    let mut names = Vec::new();
    for_each_validate_case!(|_make, build| names.extend(
        LIBRARIES
            .iter()
            .map(|library| format!("{}/{library}", build().group))
    ));
    for_each_serde_case!(|_make, build| names
        .extend(["plain", "valid"].map(|which| format!("{}/{which}", build().group))));
    names
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [name, iterations] = args.as_slice() else {
        println!("usage: instructions <workload> <iterations>; workloads:");
        workloads().iter().for_each(|w| println!("  {w}"));
        return;
    };
    let iterations: u64 = iterations.parse().expect("iterations: a number");
    let (mut run, accepted) = workload(name).unwrap_or_else(|| panic!("unknown workload {name}"));
    let verdict = |ok: bool| if ok { "accepted" } else { "rejected" };
    let first = run();
    assert_eq!(
        first,
        accepted,
        "{name}: {} where it must be {}",
        verdict(first),
        verdict(accepted)
    );
    let mut same = 0;
    for _ in 0..iterations {
        same += u64::from(black_box(run()) == first);
    }
    assert_eq!(same, iterations, "{name} gave different answers");
    println!("{name}: {}", verdict(first));
}
