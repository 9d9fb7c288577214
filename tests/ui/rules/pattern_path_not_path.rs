use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern(path = "RE"))]
    value: String,
}

fn main() {}
