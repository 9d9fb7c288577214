use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(lowercase)]
    #[validate(email, length(max = 3))]
    emails: Vec<String>,
    // Fine: `length` counts the items, `each` reaches the strings.
    #[normalize(each(trim))]
    #[validate(length(max = 3), each(email))]
    others: Vec<String>,
}

fn main() {}
