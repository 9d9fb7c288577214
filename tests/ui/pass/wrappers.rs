//! Rules reach values through `Option`, `Box`, `Arc`, `Rc`, `Cow` and references; newtypes take
//! their parent's path.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use validate_core::Validate;

#[derive(Validate)]
struct Email(#[validate(email)] String);

#[derive(Validate)]
struct Pointers<'a> {
    #[validate(email)]
    boxed: Box<str>,
    #[validate(length(max = 3))]
    shared: Arc<String>,
    #[validate(range(max = 3))]
    counted: Rc<u8>,
    #[validate(url)]
    cow: Cow<'a, str>,
    #[validate(uuid)]
    borrowed: &'a str,
    #[normalize(trim)]
    #[validate(required, ip)]
    optional: Option<Box<String>>,
    #[validate(nested)]
    email: Email,
    #[validate(nested)]
    maybe_email: Option<Box<Email>>,
}

fn main() {
    let mut p = Pointers {
        boxed: "a@example.com".into(),
        shared: Arc::new("abc".to_owned()),
        counted: Rc::new(3),
        cow: Cow::Borrowed("https://example.com"),
        borrowed: "67e55044-10b1-426f-9247-bb680e5fe0c8",
        optional: Some(Box::new(" ::1 ".to_owned())),
        email: Email("a@example.com".to_owned()),
        maybe_email: Some(Box::new(Email("bad".to_owned()))),
    };
    p.normalize();
    let report = p.validate().unwrap_err();
    let paths: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["maybe_email"]);
}
