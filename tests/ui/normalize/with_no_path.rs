use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(with)]
    value: String,
}

fn main() {}
