use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern(path = DIGITS))]
    value: String,
}
static DIGITS: &str = "[0-9]+";

fn main() {}
