use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(length(min = 3, message_id = "too short!"))]
    a: String,
    #[validate(length(min = 3, message_id = ""))]
    b: String,
    #[validate(each(length(max = 3), message_id = "tags"))]
    c: Vec<String>,
    #[validate(length(min = 1), message_id = "beside")]
    d: String,
}

fn main() {}
