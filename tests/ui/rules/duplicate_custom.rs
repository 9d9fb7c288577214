use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(custom(check), custom(check))]
    value: String,
}

fn check(_: &String) -> Result<(), validate_core::Error> {
    Ok(())
}

fn main() {}
