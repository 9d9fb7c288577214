use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(max = "10"))]
    value: String,
}

fn main() {}
