use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(email)]
    value: String,
}

fn main() {}
