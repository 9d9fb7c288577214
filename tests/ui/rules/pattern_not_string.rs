use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = 5)]
    value: String,
}

fn main() {}
