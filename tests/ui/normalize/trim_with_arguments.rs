use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(trim(x))]
    value: String,
}

fn main() {}
