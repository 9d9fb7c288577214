use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range(min = "1"))]
    value: i32,
}

fn main() {}
