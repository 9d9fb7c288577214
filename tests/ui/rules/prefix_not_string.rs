use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(prefix = 'x')]
    value: String,
}

fn main() {}
