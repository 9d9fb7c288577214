use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = r"\w{1,300}")]
    word: String,
    #[validate(pattern = "a{1000}{1000}")]
    a: String,
    #[validate(pattern = r"(?:\w{100}){100}")]
    words: String,
    // Within the limit: compiles.
    #[validate(pattern = r"\w{1,100}")]
    short: String,
    // A plan of byte-set runs needs no regex, however long.
    #[validate(pattern = "[0-9]{1,100000}")]
    digits: String,
}

fn main() {}
