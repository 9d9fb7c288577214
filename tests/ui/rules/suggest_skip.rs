use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(skip)]
    internal: String,
    #[validate(dive)]
    items: Vec<String>,
}

fn main() {}
