use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range(exclusive_min = 5, exclusive_max = 5))]
    value: i32,
}

fn main() {}
