use validate_core::{Error, Validate};

async fn is_free(_: &String, _: &()) -> Result<(), Error> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = 5)]
struct Signup {
    #[validate(each(async_custom(is_free)))]
    names: Vec<String>,
}

fn main() {}
