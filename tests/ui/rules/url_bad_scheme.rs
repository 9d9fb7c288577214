use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(url(schemes("ht tp")))]
    value: String,
}

fn main() {}
