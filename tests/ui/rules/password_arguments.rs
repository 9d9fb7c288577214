use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    user_name: String,
    #[validate(password(min_score = 5, user_inputs(user_name, email, password)))]
    password: String,
    #[validate(each(password))]
    old_passwords: Vec<String>,
}

fn main() {}
