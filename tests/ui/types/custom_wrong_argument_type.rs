use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(custom(check_port))]
    value: String,
}
fn check_port(_: &u16) -> Result<(), validate_core::Error> {
    Ok(())
}

fn main() {}
