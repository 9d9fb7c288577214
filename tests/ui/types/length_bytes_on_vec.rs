use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(bytes, max = 9))]
    value: Vec<String>,
}

fn main() {}
