use std::collections::BTreeSet;

use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(each(trim))]
    value: BTreeSet<String>,
}

fn main() {}
