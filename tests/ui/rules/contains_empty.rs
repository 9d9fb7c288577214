use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(contains = "")]
    value: String,
}

fn main() {}
