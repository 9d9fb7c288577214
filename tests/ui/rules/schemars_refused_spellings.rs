// schemars's derive reads `#[validate]` and refuses two spellings; ours says what to write.
use schemars::JsonSchema;
use serde::Deserialize;
use validate_core::Validate;

#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schemars::constraints::<Contact>)]
struct Contact {
    #[validate(contains = "@")]
    email: String,
    #[validate(required(message = "tell us your name"))]
    name: Option<String>,
}

fn main() {}
