//! The request shapes of the peer benchmarks, declared once per library (validate-core, `garde`
//! 0.23, `validator` 0.21), each in that library's idiomatic form, with the inputs and the check
//! that the three agree. Shared by `peers.rs` (criterion, wall time) and `instructions.rs`
//! (instruction counts under callgrind).
//!
//! Differences the rules cannot remove (none of them is exercised by the inputs below):
//! - garde's `length(min, max)` counts bytes, ours and validator's count chars; the inputs are ASCII.
//! - the three `email` and `url` rules follow different grammars; only ours restricts `website`
//!   to `https` (peers accept any scheme), the inputs are unambiguous.
//! - validator has no per-element rules, so a custom function checks all tags and reports `tags`
//!   where garde and ours report `tags[1]`; failing fields are compared without a trailing index.

#![allow(dead_code)] // each bench target uses its own part

use std::collections::BTreeSet;

pub fn is_tag_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

pub mod ours {
    use serde::Deserialize;
    use validate_core::{Valid, Validate};

    #[derive(Debug, Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct SignupRequest {
        #[normalize(trim, nfkc, lowercase)]
        #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
        pub user_name: String,
        #[normalize(trim, lowercase)]
        #[validate(email)]
        pub email: String,
        #[validate(length(min = 12, max = 128), sensitive)]
        pub password: String,
        #[validate(must_match(password), sensitive)]
        pub password_confirmation: String,
        #[validate(range(min = 13, max = 130))]
        pub age: Option<u8>,
        #[validate(url(schemes("https")))]
        pub website: Option<String>,
        #[normalize(each(trim, lowercase))]
        #[validate(
            length(max = 10),
            each(length(min = 1, max = 20), chars(ascii_lowercase, ascii_digit, "-"))
        )]
        pub tags: Vec<String>,
        #[validate(nested)]
        pub address: Address,
    }

    #[derive(Debug, Deserialize, Validate)]
    pub struct Address {
        #[normalize(trim)]
        #[validate(length(min = 1, max = 100))]
        pub street: String,
        #[normalize(trim)]
        #[validate(pattern = "[0-9]{5}")]
        pub zip: String,
    }

    #[derive(Debug, Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct Order {
        #[normalize(trim, lowercase)]
        #[validate(email)]
        pub customer_email: String,
        #[validate(length(min = 1, max = 100), nested)]
        pub items: Vec<LineItem>,
    }

    #[derive(Debug, Deserialize, Validate)]
    pub struct LineItem {
        #[normalize(trim, uppercase)]
        #[validate(pattern = "[A-Z]{3}-[0-9]{4}")]
        pub sku: String,
        #[validate(range(min = 1, max = 100))]
        pub quantity: u32,
        #[normalize(trim)]
        #[validate(length(max = 200))]
        pub note: Option<String>,
    }

    /// One rule per struct, to see which rule costs what.
    #[derive(Validate)]
    pub struct OnlyLength {
        #[validate(length(min = 3, max = 32))]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyPattern {
        #[validate(pattern = "[a-z0-9_]+")]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyEmail {
        #[validate(email)]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyUrl {
        #[validate(url)]
        pub value: String,
    }

    pub fn failing_fields<T: Validate>(value: &T) -> Option<Vec<String>> {
        let report = value.validate().err()?;
        Some(
            report
                .iter()
                .map(|error| error.path().to_string())
                .collect(),
        )
    }

    pub fn deserialize_valid<T: Validate + for<'de> Deserialize<'de>>(json: &str) -> bool {
        serde_json::from_str::<Valid<T>>(json).is_ok()
    }
}

pub mod with_garde {
    use garde::Validate;

    use super::is_tag_char;

    #[derive(Validate)]
    pub struct SignupRequest {
        #[garde(length(min = 3, max = 32), pattern(r"^[a-z0-9_]+$"))]
        pub user_name: String,
        #[garde(email)]
        pub email: String,
        #[garde(length(min = 12, max = 128))]
        pub password: String,
        #[garde(matches(password))]
        pub password_confirmation: String,
        #[garde(range(min = 13, max = 130))]
        pub age: Option<u8>,
        #[garde(url)]
        pub website: Option<String>,
        #[garde(length(max = 10), inner(length(min = 1, max = 20), custom(tag_chars)))]
        pub tags: Vec<String>,
        #[garde(dive)]
        pub address: Address,
    }

    #[derive(Validate)]
    pub struct Address {
        #[garde(length(min = 1, max = 100))]
        pub street: String,
        #[garde(pattern(r"^[0-9]{5}$"))]
        pub zip: String,
    }

    #[derive(Validate)]
    pub struct Order {
        #[garde(email)]
        pub customer_email: String,
        #[garde(length(min = 1, max = 100), dive)]
        pub items: Vec<LineItem>,
    }

    #[derive(Validate)]
    pub struct LineItem {
        #[garde(pattern(r"^[A-Z]{3}-[0-9]{4}$"))]
        pub sku: String,
        #[garde(range(min = 1, max = 100))]
        pub quantity: u32,
        #[garde(length(max = 200))]
        pub note: Option<String>,
    }

    #[derive(Validate)]
    pub struct OnlyLength {
        #[garde(length(min = 3, max = 32))]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyPattern {
        #[garde(pattern(r"^[a-z0-9_]+$"))]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyEmail {
        #[garde(email)]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyUrl {
        #[garde(url)]
        pub value: String,
    }

    fn tag_chars(tag: &str, _: &()) -> garde::Result {
        if tag.chars().all(is_tag_char) {
            Ok(())
        } else {
            Err(garde::Error::new("may contain only a-z, 0-9 and '-'"))
        }
    }

    pub fn failing_fields<T: Validate<Context = ()>>(value: &T) -> Option<Vec<String>> {
        let report = value.validate().err()?;
        Some(report.iter().map(|(path, _)| path.to_string()).collect())
    }
}

pub mod with_validator {
    use std::borrow::Cow;
    use std::sync::LazyLock;

    use regex::Regex;
    use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

    use super::is_tag_char;

    static USER_NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-z0-9_]+$").unwrap());
    static ZIP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{5}$").unwrap());
    static SKU: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z]{3}-[0-9]{4}$").unwrap());

    #[derive(Validate)]
    pub struct SignupRequest {
        #[validate(length(min = 3, max = 32), regex(path = *USER_NAME))]
        pub user_name: String,
        #[validate(email)]
        pub email: String,
        #[validate(length(min = 12, max = 128))]
        pub password: String,
        #[validate(must_match(other = "password"))]
        pub password_confirmation: String,
        #[validate(range(min = 13, max = 130))]
        pub age: Option<u8>,
        #[validate(url)]
        pub website: Option<String>,
        #[validate(length(max = 10), custom(function = "tags"))]
        pub tags: Vec<String>,
        #[validate(nested)]
        pub address: Address,
    }

    #[derive(Validate)]
    pub struct Address {
        #[validate(length(min = 1, max = 100))]
        pub street: String,
        #[validate(regex(path = *ZIP))]
        pub zip: String,
    }

    #[derive(Validate)]
    pub struct Order {
        #[validate(email)]
        pub customer_email: String,
        #[validate(length(min = 1, max = 100), nested)]
        pub items: Vec<LineItem>,
    }

    // validator's `length` on `items` copies the rejected list into the error: it needs `Serialize`.
    #[derive(serde::Serialize, Validate)]
    pub struct LineItem {
        #[validate(regex(path = *SKU))]
        pub sku: String,
        #[validate(range(min = 1, max = 100))]
        pub quantity: u32,
        #[validate(length(max = 200))]
        pub note: Option<String>,
    }

    #[derive(Validate)]
    pub struct OnlyLength {
        #[validate(length(min = 3, max = 32))]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyPattern {
        #[validate(regex(path = *USER_NAME))]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyEmail {
        #[validate(email)]
        pub value: String,
    }

    #[derive(Validate)]
    pub struct OnlyUrl {
        #[validate(url)]
        pub value: String,
    }

    fn tags(tags: &[String]) -> Result<(), ValidationError> {
        let each =
            |tag: &String| (1..=20).contains(&tag.chars().count()) && tag.chars().all(is_tag_char);
        if tags.iter().all(each) {
            Ok(())
        } else {
            Err(ValidationError::new("tags")
                .with_message(Cow::Borrowed("each tag: 1 to 20 of a-z, 0-9 and '-'")))
        }
    }

    pub fn failing_fields<T: Validate>(value: &T) -> Option<Vec<String>> {
        let errors = value.validate().err()?;
        let mut paths = Vec::new();
        collect(&errors, "", &mut paths);
        Some(paths)
    }

    fn collect(errors: &ValidationErrors, prefix: &str, paths: &mut Vec<String>) {
        for (field, kind) in errors.errors() {
            let path = if prefix.is_empty() {
                field.to_string()
            } else {
                format!("{prefix}.{field}")
            };
            match kind {
                ValidationErrorsKind::Field(_) => paths.push(path),
                ValidationErrorsKind::Struct(inner) => collect(inner, &path, paths),
                ValidationErrorsKind::List(items) => {
                    for (index, inner) in items {
                        collect(inner, &format!("{path}[{index}]"), paths);
                    }
                }
            }
        }
    }
}

/// The same value declared for each library.
pub struct Triple<A, B, C> {
    pub ours: A,
    pub garde: B,
    pub validator: C,
}

pub fn signup(
    user_name: &str,
    password_confirmation: &str,
    tags: &[&str],
    zip: &str,
) -> Triple<ours::SignupRequest, with_garde::SignupRequest, with_validator::SignupRequest> {
    let tags = || tags.iter().map(|tag| tag.to_string()).collect::<Vec<_>>();
    let (email, password, age, website, street) = (
        "ada@example.com",
        "correct horse battery staple",
        Some(36),
        Some("https://example.com/ada".to_string()),
        "12 St James's Square",
    );
    Triple {
        ours: ours::SignupRequest {
            user_name: user_name.into(),
            email: email.into(),
            password: password.into(),
            password_confirmation: password_confirmation.into(),
            age,
            website: website.clone(),
            tags: tags(),
            address: ours::Address {
                street: street.into(),
                zip: zip.into(),
            },
        },
        garde: with_garde::SignupRequest {
            user_name: user_name.into(),
            email: email.into(),
            password: password.into(),
            password_confirmation: password_confirmation.into(),
            age,
            website: website.clone(),
            tags: tags(),
            address: with_garde::Address {
                street: street.into(),
                zip: zip.into(),
            },
        },
        validator: with_validator::SignupRequest {
            user_name: user_name.into(),
            email: email.into(),
            password: password.into(),
            password_confirmation: password_confirmation.into(),
            age,
            website,
            tags: tags(),
            address: with_validator::Address {
                street: street.into(),
                zip: zip.into(),
            },
        },
    }
}

pub const SIGNUP_JSON: &str = r#"{"userName":"ada_lovelace","email":"ada@example.com",
"password":"correct horse battery staple","passwordConfirmation":"correct horse battery staple",
"age":36,"website":"https://example.com/ada","tags":["math","poetry","engines-1"],
"address":{"street":"12 St James's Square","zip":"10115"}}"#;

/// `(sku, quantity, note)` for item `index`; `bad` items break one rule each.
pub fn line_item(index: usize, bad: bool) -> (String, u32, Option<String>) {
    let sku = format!("ABC-{:04}", 1000 + index);
    let note = index
        .is_multiple_of(4)
        .then(|| "leave at the back door".to_string());
    match (bad, index % 3) {
        (true, 0) => (format!("abc-{:04}", 1000 + index), 1, note),
        (true, 1) => (sku, 0, note),
        (true, _) => (sku, 2, Some("x".repeat(201))),
        (false, _) => (sku, 1 + (index as u32 % 7), note),
    }
}

pub const ORDER_ITEMS: usize = 20;
pub const BAD_ITEMS: [usize; 3] = [3, 7, 14];

pub fn order(bad: bool) -> Triple<ours::Order, with_garde::Order, with_validator::Order> {
    let items = || (0..ORDER_ITEMS).map(|i| line_item(i, bad && BAD_ITEMS.contains(&i)));
    let email = "grace@example.com";
    Triple {
        ours: ours::Order {
            customer_email: email.into(),
            items: items()
                .map(|(sku, quantity, note)| ours::LineItem {
                    sku,
                    quantity,
                    note,
                })
                .collect(),
        },
        garde: with_garde::Order {
            customer_email: email.into(),
            items: items()
                .map(|(sku, quantity, note)| with_garde::LineItem {
                    sku,
                    quantity,
                    note,
                })
                .collect(),
        },
        validator: with_validator::Order {
            customer_email: email.into(),
            items: items()
                .map(|(sku, quantity, note)| with_validator::LineItem {
                    sku,
                    quantity,
                    note,
                })
                .collect(),
        },
    }
}

pub fn order_json() -> String {
    let items: Vec<String> = (0..ORDER_ITEMS)
        .map(|i| {
            let (sku, quantity, note) = line_item(i, false);
            let note = note.map_or("null".to_string(), |note| format!("{note:?}"));
            format!(r#"{{"sku":"{sku}","quantity":{quantity},"note":{note}}}"#)
        })
        .collect();
    format!(
        r#"{{"customerEmail":"grace@example.com","items":[{}]}}"#,
        items.join(",")
    )
}

/// `userName` → `username`, `address.zip` stays, `tags[1]` → `tags`: wire and Rust names compare
/// equal, and validator's whole-list custom check compares equal to a per-element one.
pub fn canonical(paths: Vec<String>) -> BTreeSet<String> {
    paths
        .into_iter()
        .map(|path| {
            let path = match path.rfind('[') {
                Some(open) if path.ends_with(']') => path[..open].to_string(),
                _ => path,
            };
            path.replace('_', "").to_lowercase()
        })
        .collect()
}

pub fn check_agreement<A, B, C>(name: &str, triple: &Triple<A, B, C>, expected: &[&str])
where
    A: validate_core::Validate,
    B: garde::Validate<Context = ()>,
    C: validator::Validate,
{
    let expected: BTreeSet<String> = expected.iter().map(|path| path.to_string()).collect();
    let results = [
        ("validate_core", ours::failing_fields(&triple.ours)),
        ("garde", with_garde::failing_fields(&triple.garde)),
        (
            "validator",
            with_validator::failing_fields(&triple.validator),
        ),
    ];
    for (library, failing) in results {
        let failing = failing.map(canonical).unwrap_or_default();
        assert_eq!(
            failing, expected,
            "{name}: {library} disagrees on the failing fields"
        );
    }
}
