use validate_core::{Error, Validate};

struct Accounts;
struct Billing;

fn known(_: &String, _: &Billing) -> Result<(), Error> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = Billing)]
struct Card {
    #[validate(custom(known, context))]
    holder: String,
}

#[derive(Validate)]
#[validate(context = Accounts)]
struct Signup {
    #[validate(nested)]
    card: Card,
}

fn main() {}
