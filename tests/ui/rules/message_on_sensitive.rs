use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(sensitive(message = "secret"))]
    value: String,
}

fn main() {}
