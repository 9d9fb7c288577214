use validate_core::Validate;

#[derive(Validate)]
struct Form {
    secret: Secret,
    #[validate(must_match(secret))]
    confirmation: Secret,
}

struct Secret(String);

fn main() {}
