use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(each())]
    value: Vec<String>,
}

fn main() {}
