use validate_core::Validate;

static RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new("[a-z]+").unwrap());

#[derive(Validate)]
struct Form {
    #[validate(regex = "[a-z]+")]
    a: String,
    #[validate(regex(path = *RE))]
    b: String,
    #[validate(pattern(path = *RE))]
    c: String,
}

fn main() {}
