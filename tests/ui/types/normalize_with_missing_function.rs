use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(with = missing)]
    value: String,
}

fn main() {}
