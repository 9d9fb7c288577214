use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(email, email)]
    value: String,
}

fn main() {}
