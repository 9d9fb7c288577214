use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(one_of("1", "2"))]
    value: u32,
}

fn main() {}
