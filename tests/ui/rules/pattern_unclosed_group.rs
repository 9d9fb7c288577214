use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = "(ab|cd")]
    value: String,
}

fn main() {}
