use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[normalize(with = bump)]
    value: String,
}

fn bump(n: &mut u32) {
    *n += 1;
}

fn main() {}
