use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(chars())]
    value: String,
}

fn main() {}
