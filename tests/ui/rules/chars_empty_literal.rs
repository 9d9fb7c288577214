use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(chars(ascii_digit, ""))]
    value: String,
}

fn main() {}
