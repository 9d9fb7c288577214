use validate_core::{Error, Valid, Validate};

struct Accounts;

async fn is_free(_: &String, _: &Accounts) -> Result<(), Error> {
    Ok(())
}

// Deserializing straight into `Valid<T>`, or calling `validate()`, would skip the async rule.
#[derive(serde::Deserialize, Validate)]
#[validate(context = Accounts)]
struct Signup {
    #[validate(async_custom(is_free))]
    user_name: String,
}

fn main() {
    let _ = serde_json::from_str::<Valid<Signup>>("{}");
    let signup = Signup { user_name: String::new() };
    let _ = signup.validate();
}
