use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(each(length(max = 9)))]
    value: String,
}

fn main() {}
