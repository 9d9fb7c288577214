use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(lower)]
    a: String,
    #[normalize(trim_left)]
    b: String,
}

fn main() {}
