use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(trim)]
    value: u32,
}

fn main() {}
