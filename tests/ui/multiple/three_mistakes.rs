use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(emial)]
    email: String,

    #[validate(length(min = 32, max = 3))]
    user_name: String,

    #[validate(pattern = "[a-z")]
    code: String,
}

fn main() {}
