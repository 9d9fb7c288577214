use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(custom())]
    value: String,
}

fn main() {}
