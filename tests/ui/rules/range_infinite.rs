use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(range(max = 1e400))]
    value: f64,
}

fn main() {}
