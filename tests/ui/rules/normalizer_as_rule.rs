use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(trim)]
    value: String,
}

fn main() {}
