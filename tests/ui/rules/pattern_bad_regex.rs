use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = "[a-z")]
    value: String,
}

fn main() {}
