use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(lowercase = true)]
    value: String,
}

fn main() {}
