use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(email(message = ""))]
    value: String,
}

fn main() {}
