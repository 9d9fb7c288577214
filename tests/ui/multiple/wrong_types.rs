use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(email)]
    count: u32,

    #[validate(range(max = 9))]
    name: String,

    #[validate(required)]
    age: u8,
}

fn main() {}
