use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(each(email))]
    value: Vec<u32>,
}

fn main() {}
