use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(url(schemes()))]
    value: String,
}

fn main() {}
