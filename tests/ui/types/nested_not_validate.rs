use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(nested)]
    value: Address,
}
struct Address {
    street: String,
}

fn main() {}
