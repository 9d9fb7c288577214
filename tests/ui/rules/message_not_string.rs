use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = 1, message = 3))]
    value: String,
}

fn main() {}
