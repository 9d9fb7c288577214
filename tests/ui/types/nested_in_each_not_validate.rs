use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(each(nested))]
    value: Vec<Address>,
}
struct Address {
    street: String,
}

fn main() {}
