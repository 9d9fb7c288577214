use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(frobnicate)]
    value: String,
}

fn main() {}
