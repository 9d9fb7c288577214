use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = ))]
    value: String,
}

fn main() {}
