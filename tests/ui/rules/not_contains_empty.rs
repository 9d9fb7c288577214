use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(not_contains = "")]
    a: String,
    #[validate(not_contains("", message = "never"))]
    b: String,
    #[validate(not_contains)]
    c: String,
}

fn main() {}
