use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(none_of(1, 2, 1))]
    value: i32,
}

fn main() {}
