use validate_core::Validate;

#[derive(Validate)]
struct Webhook {
    #[validate(url(public, schemes("https"), public))]
    callback: String,
}

fn main() {}
