use validate_core::Validate;

#[derive(Validate)]
struct Form {
    password: String,
    #[validate(must_match(confirmation))]
    confirmation: String,
}

fn main() {}
