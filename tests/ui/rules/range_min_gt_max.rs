use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range(min = 130, max = 13))]
    value: u8,
}

fn main() {}
