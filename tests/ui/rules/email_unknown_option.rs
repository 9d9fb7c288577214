use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(email(single_label))]
    value: String,
}

fn main() {}
