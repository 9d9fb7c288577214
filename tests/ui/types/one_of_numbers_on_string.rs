use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(one_of(1, 2))]
    value: String,
}

fn main() {}
