use validate_core::Validate;

// A derive cannot add a note to rustc's "cannot find": the error is under the path, and not a
// suggestion to call a method of `self`. Another argument type is a mismatched argument
// (container_custom_wrong_type), another return type lists those accepted (.._wrong_return_type).
#[derive(Validate)]
#[validate(custom(in_order))]
struct Form {
    #[validate(range(max = 10))]
    low: u8,
    #[validate(range(max = 10))]
    high: u8,
}

fn main() {}
