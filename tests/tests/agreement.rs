//! The peer benchmarks' agreement checks under `cargo test`: for every group of `peers.rs`, on
//! the same shapes and inputs (`benches/common/mod.rs`), validate-core, `garde` and `validator`
//! accept the valid inputs and reject the invalid ones on the same fields, and every `serde/*`
//! body parses, as `T` and as `Valid<T>`, into its normal form. A change that makes the libraries
//! disagree fails here, not only in a bench run.

#[path = "../benches/common/mod.rs"]
mod common;

#[test]
fn signup_valid() {
    common::signup_valid().check();
}

#[test]
fn signup_invalid() {
    common::signup_invalid().check();
}

#[test]
fn order_valid() {
    common::order_valid().check();
}

#[test]
fn order_invalid() {
    common::order_invalid().check();
}

#[test]
fn serde_signup() {
    common::serde_signup().check();
}

#[test]
fn serde_order() {
    common::serde_order().check();
}

#[test]
fn serde_signup_normalizing() {
    common::serde_signup_normalizing().check();
}

#[test]
fn serde_order_normalizing() {
    common::serde_order_normalizing().check();
}

#[test]
fn rule_length() {
    common::rule_length().check();
}

#[test]
fn rule_pattern() {
    common::rule_pattern().check();
}

#[test]
fn rule_email() {
    common::rule_email().check();
}

#[test]
fn rule_url() {
    common::rule_url().check();
}

#[test]
fn rule_pattern_regex() {
    common::rule_pattern_regex().check();
}

#[test]
fn rule_url_any_scheme() {
    common::rule_url_any_scheme().check();
}
