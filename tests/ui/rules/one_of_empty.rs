use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(one_of())]
    value: String,
}

fn main() {}
