use validate_core::Validate;

#[derive(Validate)]
struct Form<'a> {
    #[normalize(trim)]
    value: &'a str,
}

fn main() {}
