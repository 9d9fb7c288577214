use validate_core::Validate;

#[derive(Validate)]
#[validate(custom(check))]
struct Form {
    value: String,
}

fn check(_: &Form) -> Result<(), String> {
    Ok(())
}

#[derive(Validate)]
#[validate(custom(messages))]
struct Many {
    value: String,
}

fn messages(_: &Many) -> Vec<String> {
    Vec::new()
}

#[derive(Validate)]
#[validate(context = u32)]
#[validate(custom(small, context))]
struct WithContext {
    value: u32,
}

fn small(form: &WithContext, max: &u32) -> bool {
    form.value <= *max
}

fn main() {}
