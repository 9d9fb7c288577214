use validate_core::Validate;

#[derive(Validate)]
#[validate(length(max = 3))]
struct Form {
    value: String,
}

fn main() {}
