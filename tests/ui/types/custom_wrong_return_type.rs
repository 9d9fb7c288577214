use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(custom(check))]
    value: String,
}
fn check(_: &String) -> bool {
    true
}

fn main() {}
