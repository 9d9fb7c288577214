use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(max = 9))]
    value: u32,
}

fn main() {}
