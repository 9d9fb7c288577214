use validate_core::Validate;

// A password is verified exactly as typed; only the Unicode forms may rewrite it.
#[derive(Validate)]
struct Signup {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(password)]
    password: String,
}

fn main() {}
