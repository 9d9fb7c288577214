use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length())]
    value: String,
}

fn main() {}
