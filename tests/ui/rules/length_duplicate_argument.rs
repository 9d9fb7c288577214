use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = 1, min = 2))]
    value: String,
}

fn main() {}
