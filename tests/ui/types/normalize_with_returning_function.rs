// `with = path` must be a `fn(&mut T)`: a function that returns the new value instead would
// have its result dropped and the field never normalized.
use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(with = shout)]
    value: String,
}

fn shout(s: &str) -> String {
    s.to_uppercase()
}

fn main() {}
