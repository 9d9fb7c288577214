use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(required)]
    value: String,
}

fn main() {}
