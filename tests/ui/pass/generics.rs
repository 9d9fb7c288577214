//! Generic containers: the derive bounds each field's type by what its rules need.

use std::borrow::Cow;
use std::collections::HashMap;

use validate_core::Validate;

#[derive(Validate)]
struct Page<T, N, S> {
    #[validate(length(max = 3), each(nested))]
    items: Vec<T>,
    #[validate(range(min = 1))]
    number: N,
    #[normalize(trim)]
    #[validate(length(min = 1), pattern = "[a-z]+")]
    cursor: S,
}

#[derive(Validate)]
struct Item {
    #[validate(email)]
    email: String,
}

#[derive(Validate)]
struct Borrowed<'a, K>
where
    K: Ord,
{
    #[validate(email)]
    email: &'a str,
    #[validate(length(max = 5), prefix = "x")]
    name: Cow<'a, str>,
    #[validate(keys(length(max = 3)))]
    labels: HashMap<String, K>,
}

#[derive(Validate)]
struct Wrapper<T: Validate>(#[validate(nested)] T);

fn main() {
    let mut page = Page {
        items: vec![Item {
            email: "a@example.com".to_owned(),
        }],
        number: 1_u32,
        cursor: String::from(" abc "),
    };
    page.normalize();
    assert_eq!(page.cursor, "abc");
    assert!(page.validate().is_ok());

    let bad = Page {
        items: vec![Item {
            email: "nope".to_owned(),
        }],
        number: 0_i64,
        cursor: Some(String::from("ABC")),
    };
    let report = bad.validate().unwrap_err();
    let paths: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["items[0].email", "number", "cursor"]);

    let borrowed = Borrowed::<u8> {
        email: "a@example.com",
        name: Cow::Borrowed("xy"),
        labels: HashMap::new(),
    };
    assert!(borrowed.validate().is_ok());

    let wrapped = Wrapper(Item {
        email: "bad".to_owned(),
    });
    assert_eq!(wrapped.validate().unwrap_err().len(), 1);
}
