use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range(min = 1, max = 9))]
    value: String,
}

fn main() {}
