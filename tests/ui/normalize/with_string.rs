use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(with = "str")]
    value: String,
}

fn main() {}
