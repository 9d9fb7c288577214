use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = 1))]
    #[validate(length(max = 9))]
    value: String,
}

fn main() {}
