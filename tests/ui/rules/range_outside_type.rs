use std::collections::BTreeMap;

use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range(min = 0.5, max = 300))]
    score: u8,
    #[validate(range(min = -5))]
    count: u32,
    #[validate(range(max = 18446744073709551615))]
    small: i8,
    #[validate(each(range(max = 70000)))]
    ports: Vec<u16>,
    #[validate(keys(range(min = -1)))]
    by_id: BTreeMap<u8, String>,
    #[validate(range(exclusive_max = 0))]
    nothing: Option<u64>,
    #[validate(range(max = 1e39))]
    ratio: f32,
    // An exclusive bound is a value of the type too: `min = -128` says it.
    #[validate(range(exclusive_min = -129))]
    edge: i8,
    // Bounds within the type: fine, `1.0` too.
    #[validate(range(min = 1.0, max = 255))]
    fine: Option<u8>,
    #[validate(range(exclusive_min = -128, max = 127.0))]
    edges: Box<i8>,
    #[validate(range(min = -1e30, max = 1e30))]
    wide: f32,
}

fn main() {}
