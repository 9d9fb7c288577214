use std::collections::HashMap;

use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(keys(length(max = 9)))]
    value: HashMap<u32, String>,
}

fn main() {}
