use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(email)]
    value: u32,
}

fn main() {}
