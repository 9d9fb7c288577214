use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = "[a-z]+", message = "letters only")]
    a: String,
    #[validate(email, code = "bad_email")]
    b: String,
    #[validate(message = "alone")]
    c: String,
}

fn main() {}
