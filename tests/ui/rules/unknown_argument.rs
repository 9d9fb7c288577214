use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(minimum = 3))]
    value: String,
}

fn main() {}
