use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(chars(ascii_digit))]
    value: char,
}

fn main() {}
