//! Enums under every serde representation: paths follow the representation.

use serde::Deserialize;
use validate_core::Validate;

#[derive(Deserialize, Validate)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
enum External {
    Email {
        #[validate(email)]
        email_address: String,
    },
    Phone(#[validate(pattern = "\\+[0-9]{6,15}")] String),
    Pair(
        #[validate(length(min = 1))] String,
        #[validate(range(max = 9))] u8,
    ),
    Unit,
}

#[derive(Deserialize, Validate)]
#[serde(tag = "type")]
enum Internal {
    Email {
        #[validate(email)]
        address: String,
    },
    Unit,
}

#[derive(Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Email {
        #[validate(email)]
        address: String,
    },
    Code(#[validate(length(equal = 4))] String),
}

#[derive(Deserialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Email {
        #[validate(email)]
        address: String,
    },
    Number(#[validate(range(min = 0))] i64),
}

#[derive(Deserialize, Validate)]
enum Normalized {
    Name {
        #[normalize(trim, lowercase)]
        #[validate(length(min = 1))]
        name: String,
    },
    Other,
}

fn paths(report: &validate_core::Report) -> Vec<String> {
    report.iter().map(|e| e.path().to_string()).collect()
}

fn main() {
    let e = External::Email {
        email_address: "nope".to_owned(),
    };
    assert_eq!(paths(&e.validate().unwrap_err()), ["email.emailAddress"]);
    let e = External::Phone("123".to_owned());
    assert_eq!(paths(&e.validate().unwrap_err()), ["phone"]);
    let e = External::Pair(String::new(), 10);
    assert_eq!(paths(&e.validate().unwrap_err()), ["pair[0]", "pair[1]"]);
    assert!(External::Unit.validate().is_ok());

    let i = Internal::Email {
        address: "nope".to_owned(),
    };
    assert_eq!(paths(&i.validate().unwrap_err()), ["address"]);
    assert!(Internal::Unit.validate().is_ok());

    let a = Adjacent::Email {
        address: "nope".to_owned(),
    };
    assert_eq!(paths(&a.validate().unwrap_err()), ["c.address"]);
    let a = Adjacent::Code("123".to_owned());
    assert_eq!(paths(&a.validate().unwrap_err()), ["c"]);

    let u = Untagged::Email {
        address: "nope".to_owned(),
    };
    assert_eq!(paths(&u.validate().unwrap_err()), ["address"]);
    assert_eq!(paths(&Untagged::Number(-1).validate().unwrap_err()), [""]);

    let mut n = Normalized::Name {
        name: " ADA ".to_owned(),
    };
    n.normalize();
    assert!(matches!(&n, Normalized::Name { name } if name == "ada"));
    let mut o = Normalized::Other;
    o.normalize();
    assert!(o.validate().is_ok());
}
