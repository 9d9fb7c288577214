use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = -1))]
    value: String,
}

fn main() {}
