use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(each(email, message = "bad"))]
    value: Vec<String>,
}

fn main() {}
