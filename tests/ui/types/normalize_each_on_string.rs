use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(each(trim))]
    value: String,
}

fn main() {}
