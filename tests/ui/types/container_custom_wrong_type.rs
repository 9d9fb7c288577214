use validate_core::Validate;

#[derive(Validate)]
#[validate(custom(check))]
struct Form {
    value: String,
}

fn check(_: &String) -> Result<(), validate_core::Error> {
    Ok(())
}

fn main() {}
