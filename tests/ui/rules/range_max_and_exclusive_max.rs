use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range(max = 1.0, exclusive_max = 2.0))]
    value: f64,
}

fn main() {}
