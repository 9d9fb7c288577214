use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range())]
    value: i32,
}

fn main() {}
