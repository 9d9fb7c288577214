//! The peer benchmarks' workloads, one at a time, for counting instructions with callgrind
//! (`tests/benches/instructions.sh`): a deterministic companion to `peers.rs`, whose wall times on
//! a shared machine can drift by a factor of two between two runs.
//!
//! `instructions <workload> <iterations>` sets the workload up, runs it once (patterns compile,
//! cached errors are built), then `iterations` more times; the script runs it with 0 and with N
//! iterations and divides the difference by N. Without arguments (as `cargo bench` runs it) it
//! lists the workloads and does nothing else.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;

use common::*;

type Workload = Box<dyn FnMut() -> bool>;

fn shape<A, B, C>(triple: Triple<A, B, C>, library: &str) -> Workload
where
    A: validate_core::Validate + 'static,
    B: garde::Validate<Context = ()> + 'static,
    C: validator::Validate + 'static,
{
    match library {
        "validate_core" => {
            Box::new(move || validate_core::Validate::validate(black_box(&triple.ours)).is_ok())
        }
        "garde" => Box::new(move || garde::Validate::validate(black_box(&triple.garde)).is_ok()),
        "validator" => {
            Box::new(move || validator::Validate::validate(black_box(&triple.validator)).is_ok())
        }
        _ => panic!("unknown library {library}"),
    }
}

fn workload(name: &str) -> Option<Workload> {
    let (group, which) = name.rsplit_once('/')?;
    let signup_valid = || {
        signup(
            "ada_lovelace",
            "correct horse battery staple",
            &["math", "poetry"],
            "10115",
        )
    };
    let signup_invalid = || {
        signup(
            "ada!",
            "correct horse battery",
            &["math", "Poetry!"],
            "1011",
        )
    };
    Some(match group {
        "signup/valid" => shape(signup_valid(), which),
        "signup/invalid" => shape(signup_invalid(), which),
        "order/valid" => shape(order(false), which),
        "order/invalid" => shape(order(true), which),
        "serde/signup" => match which {
            "plain" => Box::new(|| {
                serde_json::from_str::<ours::SignupRequest>(black_box(SIGNUP_JSON)).is_ok()
            }),
            _ => Box::new(|| {
                serde_json::from_str::<validate_core::Valid<ours::SignupRequest>>(black_box(
                    SIGNUP_JSON,
                ))
                .is_ok()
            }),
        },
        "serde/order" => {
            let json = order_json();
            match which {
                "plain" => {
                    Box::new(move || serde_json::from_str::<ours::Order>(black_box(&json)).is_ok())
                }
                _ => Box::new(move || {
                    serde_json::from_str::<validate_core::Valid<ours::Order>>(black_box(&json))
                        .is_ok()
                }),
            }
        }
        _ => return None,
    })
}

const WORKLOADS: &[&str] = &[
    "signup/valid/validate_core",
    "signup/valid/garde",
    "signup/valid/validator",
    "signup/invalid/validate_core",
    "signup/invalid/garde",
    "signup/invalid/validator",
    "order/valid/validate_core",
    "order/valid/garde",
    "order/valid/validator",
    "order/invalid/validate_core",
    "order/invalid/garde",
    "order/invalid/validator",
    "serde/signup/plain",
    "serde/signup/valid",
    "serde/order/plain",
    "serde/order/valid",
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [name, iterations] = args.as_slice() else {
        println!("usage: instructions <workload> <iterations>; workloads:");
        WORKLOADS.iter().for_each(|w| println!("  {w}"));
        return;
    };
    let iterations: u64 = iterations.parse().expect("iterations: a number");
    let mut run = workload(name).unwrap_or_else(|| panic!("unknown workload {name}"));
    let first = run();
    let mut same = 0;
    for _ in 0..iterations {
        same += u64::from(black_box(run()) == first);
    }
    assert_eq!(same, iterations, "{name} gave different answers");
    println!("{name}: {}", if first { "accepted" } else { "rejected" });
}
