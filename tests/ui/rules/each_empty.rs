use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(each())]
    value: Vec<String>,
}

fn main() {}
