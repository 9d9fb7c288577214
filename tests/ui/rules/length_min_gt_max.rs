use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = 10, max = 3))]
    value: String,
}

fn main() {}
