//! The request shapes of the peer benchmarks, declared once per library (validate-core, `garde`
//! 0.23, `validator` 0.21), each in that library's idiomatic form, with the inputs (one `Case` or
//! `SerdeCase` per criterion group) and the check that the three agree. Shared by `peers.rs`
//! (criterion, wall time), `instructions.rs` (instruction counts under cachegrind) and
//! `tests/tests/agreement.rs` (the checks under `cargo test`).
//!
//! Differences the rules cannot remove (none of them is exercised by the inputs below):
//! - garde's `length(min, max)` counts bytes, ours and validator's count chars; the inputs that
//!   pass a length rule are ASCII.
//! - the three `email` and `url` rules follow different grammars; only ours restricts `website`
//!   to `https` (peers accept any scheme), the inputs are unambiguous.
//! - validator has no per-element rules, so a custom function checks all tags and reports `tags`
//!   where garde and ours report `tags[1]`; failing fields are compared without a trailing index.

#![allow(dead_code)] // each bench target uses its own part

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;

pub fn is_tag_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

pub mod ours {
    use serde::Deserialize;
    use validate_core::{Valid, Validate};

    #[derive(Debug, PartialEq, Deserialize, Validate)]
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

    #[derive(Debug, PartialEq, Deserialize, Validate)]
    pub struct Address {
        #[normalize(trim)]
        #[validate(length(min = 1, max = 100))]
        pub street: String,
        #[normalize(trim)]
        #[validate(pattern = "[0-9]{5}")]
        pub zip: String,
    }

    #[derive(Debug, PartialEq, Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct Order {
        #[normalize(trim, lowercase)]
        #[validate(email)]
        pub customer_email: String,
        #[validate(length(min = 1, max = 100), nested)]
        pub items: Vec<LineItem>,
    }

    #[derive(Debug, PartialEq, Deserialize, Validate)]
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

    /// Not a sequence of disjoint class runs, so the derive keeps the regex (`pattern.rs`).
    #[derive(Validate)]
    pub struct OnlyPatternRegex {
        #[validate(pattern = "[a-z]+(?:_[a-z]+)*")]
        pub value: String,
    }

    /// The peers accept any scheme and `url` has no option for that: the schemes a web API meets
    /// in a URL with an authority, the input's last, so that ours compares against all of them.
    #[derive(Validate)]
    pub struct OnlyUrlAnyScheme {
        #[validate(url(schemes(
            "http", "https", "ftp", "ftps", "sftp", "ssh", "git", "file", "ldap", "ldaps", "ws",
            "wss"
        )))]
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

    pub fn deserialize_valid<T: Validate + for<'de> Deserialize<'de>>(json: &str) -> Option<T> {
        serde_json::from_str::<Valid<T>>(json)
            .ok()
            .map(Valid::into_inner)
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

    #[derive(Validate)]
    pub struct OnlyPatternRegex {
        #[garde(pattern(r"^[a-z]+(?:_[a-z]+)*$"))]
        pub value: String,
    }

    /// garde's `url` accepts any scheme.
    pub type OnlyUrlAnyScheme = OnlyUrl;

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
    static WORDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-z]+(?:_[a-z]+)*$").unwrap());

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

    #[derive(Validate)]
    pub struct OnlyPatternRegex {
        #[validate(regex(path = *WORDS))]
        pub value: String,
    }

    /// validator's `url` accepts any scheme.
    pub type OnlyUrlAnyScheme = OnlyUrl;

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

/// A value of ours with the same value declared for the peers.
pub trait IntoTriple: validate_core::Validate + Sized {
    type Garde: garde::Validate<Context = ()>;
    type Validator: validator::Validate;

    fn into_triple(self) -> Triple<Self, Self::Garde, Self::Validator>;
}

impl IntoTriple for ours::SignupRequest {
    type Garde = with_garde::SignupRequest;
    type Validator = with_validator::SignupRequest;

    fn into_triple(self) -> Triple<Self, Self::Garde, Self::Validator> {
        macro_rules! copy {
            ($library:ident) => {
                $library::SignupRequest {
                    user_name: self.user_name.clone(),
                    email: self.email.clone(),
                    password: self.password.clone(),
                    password_confirmation: self.password_confirmation.clone(),
                    age: self.age,
                    website: self.website.clone(),
                    tags: self.tags.clone(),
                    address: $library::Address {
                        street: self.address.street.clone(),
                        zip: self.address.zip.clone(),
                    },
                }
            };
        }
        Triple {
            garde: copy!(with_garde),
            validator: copy!(with_validator),
            ours: self,
        }
    }
}

impl IntoTriple for ours::Order {
    type Garde = with_garde::Order;
    type Validator = with_validator::Order;

    fn into_triple(self) -> Triple<Self, Self::Garde, Self::Validator> {
        macro_rules! copy {
            ($library:ident) => {
                $library::Order {
                    customer_email: self.customer_email.clone(),
                    items: (self.items.iter())
                        .map(|item| $library::LineItem {
                            sku: item.sku.clone(),
                            quantity: item.quantity,
                            note: item.note.clone(),
                        })
                        .collect(),
                }
            };
        }
        Triple {
            garde: copy!(with_garde),
            validator: copy!(with_validator),
            ours: self,
        }
    }
}

/// The input of one `validate()` group, in the three libraries, and the fields it fails on.
pub struct Case<A, B, C> {
    pub group: &'static str,
    pub triple: Triple<A, B, C>,
    /// Canonical paths (see [`canonical`]); empty for a valid input.
    pub failing: &'static [&'static str],
}

impl<A, B, C> Case<A, B, C>
where
    A: validate_core::Validate,
    B: garde::Validate<Context = ()>,
    C: validator::Validate,
{
    /// Panics unless the three libraries fail on exactly [`Case::failing`].
    pub fn check(&self) {
        check_agreement(self.group, &self.triple, self.failing);
    }
}

pub type SignupCase =
    Case<ours::SignupRequest, with_garde::SignupRequest, with_validator::SignupRequest>;
pub type OrderCase = Case<ours::Order, with_garde::Order, with_validator::Order>;

pub fn signup(
    user_name: &str,
    password_confirmation: &str,
    tags: &[&str],
    zip: &str,
) -> ours::SignupRequest {
    ours::SignupRequest {
        user_name: user_name.into(),
        email: "ada@example.com".into(),
        password: "correct horse battery staple".into(),
        password_confirmation: password_confirmation.into(),
        age: Some(36),
        website: Some("https://example.com/ada".into()),
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        address: ours::Address {
            street: "12 St James's Square".into(),
            zip: zip.into(),
        },
    }
}

pub fn signup_valid() -> SignupCase {
    Case {
        group: "signup/valid",
        triple: signup(
            "ada_lovelace",
            "correct horse battery staple",
            &["math", "poetry"],
            "10115",
        )
        .into_triple(),
        failing: &[],
    }
}

pub fn signup_invalid() -> SignupCase {
    Case {
        group: "signup/invalid",
        triple: signup(
            "ada!",
            "correct horse battery",
            &["math", "Poetry!"],
            "1011",
        )
        .into_triple(),
        failing: &["username", "passwordconfirmation", "tags", "address.zip"],
    }
}

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

pub fn order(bad: bool) -> ours::Order {
    ours::Order {
        customer_email: "grace@example.com".into(),
        items: (0..ORDER_ITEMS)
            .map(|i| {
                let (sku, quantity, note) = line_item(i, bad && BAD_ITEMS.contains(&i));
                ours::LineItem {
                    sku,
                    quantity,
                    note,
                }
            })
            .collect(),
    }
}

pub fn order_valid() -> OrderCase {
    Case {
        group: "order/valid",
        triple: order(false).into_triple(),
        failing: &[],
    }
}

pub fn order_invalid() -> OrderCase {
    Case {
        group: "order/invalid",
        triple: order(true).into_triple(),
        failing: &["items[3].sku", "items[7].quantity", "items[14].note"],
    }
}

/// One `rule/*` case per `(function, group, shape, valid value)`.
macro_rules! rule_cases {
    ($($case:ident: $group:literal, $shape:ident, $value:literal;)*) => {$(
        pub fn $case() -> Case<ours::$shape, with_garde::$shape, with_validator::$shape> {
            Case {
                group: $group,
                triple: Triple {
                    ours: ours::$shape { value: $value.into() },
                    garde: with_garde::$shape { value: $value.into() },
                    validator: with_validator::$shape { value: $value.into() },
                },
                failing: &[],
            }
        }
    )*};
}

rule_cases! {
    rule_length: "rule/length", OnlyLength, "ada_lovelace";
    rule_pattern: "rule/pattern", OnlyPattern, "ada_lovelace";
    rule_email: "rule/email", OnlyEmail, "ada@example.com";
    rule_url: "rule/url", OnlyUrl, "https://example.com/ada";
    rule_pattern_regex: "rule/pattern_regex", OnlyPatternRegex, "ada_lovelace";
    rule_url_any_scheme: "rule/url_any_scheme", OnlyUrlAnyScheme, "wss://example.com/ada";
}

pub const SIGNUP_JSON: &str = r#"{"userName":"ada_lovelace","email":"ada@example.com",
"password":"correct horse battery staple","passwordConfirmation":"correct horse battery staple",
"age":36,"website":"https://example.com/ada","tags":["math","poetry","engines-1"],
"address":{"street":"12 St James's Square","zip":"10115"}}"#;

/// `SIGNUP_JSON` as a client may send it: its normal form is `SIGNUP_JSON`.
pub const SIGNUP_NORMALIZING_JSON: &str = r#"{"userName":"  Ａｄａ_Lovelace  ",
"email":" ADA@Example.COM ","password":"correct horse battery staple",
"passwordConfirmation":"correct horse battery staple","age":36,"website":"https://example.com/ada",
"tags":[" Math ","POETRY"," Engines-1 "],"address":{"street":" 12 St James's Square ","zip":" 10115 "}}"#;

pub fn order_json() -> String {
    order_body("grace@example.com", str::to_string, str::to_string)
}

/// `order_json()` as a client may send it: its normal form is `order_json()`.
pub fn order_normalizing_json() -> String {
    order_body(
        " GRACE@Example.COM ",
        |sku| format!(" {} ", sku.to_lowercase()),
        |note| format!("  {note} "),
    )
}

/// The body of `order(false)`, each string written by `email`, `sku` and `note`.
fn order_body(email: &str, sku: impl Fn(&str) -> String, note: impl Fn(&str) -> String) -> String {
    let items: Vec<String> = (0..ORDER_ITEMS)
        .map(|i| {
            let (code, quantity, text) = line_item(i, false);
            let code = sku(&code);
            let text = text.map_or("null".to_string(), |text| format!("{:?}", note(&text)));
            format!(r#"{{"sku":"{code}","quantity":{quantity},"note":{text}}}"#)
        })
        .collect();
    format!(
        r#"{{"customerEmail":"{email}","items":[{}]}}"#,
        items.join(",")
    )
}

/// A `serde/*` group: a JSON body of `T`, timed as `serde_json::from_str::<T>` and as
/// `serde_json::from_str::<Valid<T>>`.
pub struct SerdeCase<T> {
    pub group: &'static str,
    /// A constant where it can be one: where serde_json reads the body from changes what it
    /// counts, by a few percent of a parse.
    pub json: Cow<'static, str>,
    /// The body `Valid<T>` must turn `json` into; `None` when `json` is normal.
    pub normal: Option<Cow<'static, str>>,
    /// The fields `json` fails on as sent, before normalization (canonical paths).
    pub failing_as_sent: Vec<String>,
    shape: PhantomData<T>,
}

impl<T> SerdeCase<T>
where
    T: IntoTriple + DeserializeOwned + PartialEq + Debug,
{
    /// Panics unless both parses succeed, the three libraries fail on exactly the fields given
    /// for the body as sent, and `Valid<T>` yields the normal body, which all three accept.
    pub fn check(&self) {
        let parse = |json: &str| {
            serde_json::from_str::<T>(json).unwrap_or_else(|error| {
                panic!("{}: serde_json refuses the body: {error}", self.group)
            })
        };
        let as_sent = format!("{} as sent", self.group);
        check_agreement(
            &as_sent,
            &parse(&self.json).into_triple(),
            &self.failing_as_sent,
        );

        let valid = ours::deserialize_valid::<T>(&self.json)
            .unwrap_or_else(|| panic!("{}: Valid<T> refuses the body", self.group));
        assert_eq!(
            valid,
            parse(self.normal.as_deref().unwrap_or(&self.json)),
            "{}: Valid<T> is not the normal body",
            self.group
        );
        let normalized = format!("{} normalized", self.group);
        check_agreement::<_, _, _, &str>(&normalized, &valid.into_triple(), &[]);
    }
}

pub fn serde_signup() -> SerdeCase<ours::SignupRequest> {
    SerdeCase {
        group: "serde/signup",
        json: Cow::Borrowed(SIGNUP_JSON),
        normal: None,
        failing_as_sent: Vec::new(),
        shape: PhantomData,
    }
}

pub fn serde_order() -> SerdeCase<ours::Order> {
    SerdeCase {
        group: "serde/order",
        json: order_json().into(),
        normal: None,
        failing_as_sent: Vec::new(),
        shape: PhantomData,
    }
}

pub fn serde_signup_normalizing() -> SerdeCase<ours::SignupRequest> {
    let failing = ["username", "email", "tags", "address.zip"];
    SerdeCase {
        group: "serde/signup_normalizing",
        json: Cow::Borrowed(SIGNUP_NORMALIZING_JSON),
        normal: Some(Cow::Borrowed(SIGNUP_JSON)),
        failing_as_sent: failing.map(String::from).into(),
        shape: PhantomData,
    }
}

pub fn serde_order_normalizing() -> SerdeCase<ours::Order> {
    let skus = (0..ORDER_ITEMS).map(|i| format!("items[{i}].sku"));
    SerdeCase {
        group: "serde/order_normalizing",
        json: order_normalizing_json().into(),
        normal: Some(order_json().into()),
        failing_as_sent: skus.chain(["customeremail".into()]).collect(),
        shape: PhantomData,
    }
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

pub fn check_agreement<A, B, C, S>(name: &str, triple: &Triple<A, B, C>, expected: &[S])
where
    A: validate_core::Validate,
    B: garde::Validate<Context = ()>,
    C: validator::Validate,
    S: AsRef<str>,
{
    let expected: BTreeSet<String> = expected.iter().map(|path| path.as_ref().into()).collect();
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
