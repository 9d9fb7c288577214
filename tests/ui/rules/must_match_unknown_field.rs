use validate_core::Validate;

#[derive(Validate)]
struct Form {
    password: String,
    #[validate(must_match(passwrd))]
    confirmation: String,
}

fn main() {}
