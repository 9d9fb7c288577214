use validate_core::Validate;

#[derive(Validate)]
struct Form {
    pin: String,
    #[validate(must_match(pin))]
    pin_confirmation: Pin,
}

#[derive(PartialEq)]
struct Pin(String);

fn main() {}
