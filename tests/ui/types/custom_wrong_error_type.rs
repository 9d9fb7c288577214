use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(custom(check))]
    value: String,
}

fn check(_: &String) -> Result<(), String> {
    Ok(())
}

fn main() {}
