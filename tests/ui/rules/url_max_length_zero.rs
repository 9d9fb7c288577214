use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(url(max_length = 0))]
    value: String,
}

fn main() {}
