use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize("trim")]
    value: String,
}

fn main() {}
