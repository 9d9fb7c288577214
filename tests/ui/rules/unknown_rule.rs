use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(emial)]
    value: String,
}

fn main() {}
