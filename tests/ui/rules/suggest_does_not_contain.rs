use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(does_not_contain(pattern = "admin"))]
    a: String,
    #[validate(does_not_contain = "admin")]
    b: String,
}

fn main() {}
