use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(one_of("a", 1))]
    value: String,
}

fn main() {}
