use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = "[0-9]+")]
    value: Option<u32>,
}

fn main() {}
