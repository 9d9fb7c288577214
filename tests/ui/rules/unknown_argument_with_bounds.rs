use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = 3, maximum = 10))]
    value: String,
}

fn main() {}
