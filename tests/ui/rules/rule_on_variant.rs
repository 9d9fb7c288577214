use validate_core::Validate;

#[derive(Validate)]
enum Contact {
    #[validate(email)]
    Email(String),
    Phone(String),
}

fn main() {}
