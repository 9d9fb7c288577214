use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(custom(missing_check))]
    value: String,
}

fn main() {}
