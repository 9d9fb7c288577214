use validate_core::Validate;

#[derive(Validate)]
#[validate(email)]
struct Signup {
    #[normalize(trim, tirm)]
    #[validate(length(min = 3, max = 32), chars(ascii_lowercas))]
    user_name: String,

    #[validate(must_match(passwrd))]
    password_confirmation: String,

    #[validate(range(min = 130, max = 13))]
    age: Option<u8>,
}

fn main() {}
