use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(chars(ascii_lowercas))]
    value: String,
}

fn main() {}
