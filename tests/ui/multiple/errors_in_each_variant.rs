use validate_core::Validate;

#[derive(Validate)]
enum Contact {
    Email {
        #[validate(emial)]
        address: String,
    },
    Phone(#[validate(pattern = "(+[0-9]+")] String),
    Other {
        #[validate(one_of())]
        kind: String,
    },
}

fn main() {}
