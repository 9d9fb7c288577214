use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = 1, equal = 4))]
    value: String,
}

fn main() {}
