use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize]
    value: String,
}

fn main() {}
