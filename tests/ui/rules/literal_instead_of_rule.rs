use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate("email")]
    value: String,
}

fn main() {}
