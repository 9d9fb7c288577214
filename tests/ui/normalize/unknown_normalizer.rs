use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(tirm)]
    value: String,
}

fn main() {}
