use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(one_of("red", "green", "red"))]
    value: String,
}

fn main() {}
