use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(keys(length(max = 9)))]
    value: Vec<String>,
}

fn main() {}
