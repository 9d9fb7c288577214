use validate_core::Validate;

#[derive(Validate)]
struct Form {
    tag: String,
    #[validate(each(must_match(tag)))]
    tags: Vec<String>,
}

fn main() {}
