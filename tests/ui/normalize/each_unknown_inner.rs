use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(each(trim, nfkx))]
    value: Vec<String>,
}

fn main() {}
