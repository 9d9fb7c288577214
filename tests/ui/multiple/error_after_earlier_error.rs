use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(emial)]
    email: String,

    #[validate(pattern)]
    code: String,
}

fn main() {}
