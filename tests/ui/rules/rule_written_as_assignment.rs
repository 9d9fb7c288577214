use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(email = "yes")]
    value: String,
}

fn main() {}
