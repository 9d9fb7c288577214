use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(email(message = "a", message = "b"))]
    value: String,
}

fn main() {}
