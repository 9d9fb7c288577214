use validate_core::Validate;

// A newtype takes the string rules once it implements `validate_core::access::AsStr`.
struct Email(String);

#[derive(Validate)]
struct Invite {
    #[validate(email)]
    to: Email,
}

fn main() {}
