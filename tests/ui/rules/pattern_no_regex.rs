use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern)]
    value: String,
}

fn main() {}
