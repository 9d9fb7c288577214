use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(must_match())]
    value: String,
}

fn main() {}
