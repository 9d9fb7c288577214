use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(each(length(max = 9), sensitive))]
    value: Vec<String>,
}

fn main() {}
