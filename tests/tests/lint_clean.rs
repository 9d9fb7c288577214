//! Generated code is lint-clean: every rule and normalizer, derived under rustc's warnings and
//! clippy's `all` and `pedantic` groups, denied. A normal test target, so that `cargo test`
//! compiles it and CI's `cargo clippy --all-targets` lints the derive's output (trybuild runs no
//! clippy); the test runs the derived code once.
#![deny(warnings, unused)]
#![deny(clippy::all, clippy::pedantic)]

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex::Regex;
use secrecy::SecretString;
use serde::Deserialize;
use validate_core::{Error, Path, Report, Validate};

static SLUG: LazyLock<Regex> = LazyLock::new(|| Regex::new("[a-z-]+").expect("a regex"));

fn not_admin(name: &String) -> Result<(), Error> {
    if name == "admin" {
        Err(Error::new("reserved").with_message("is reserved"))
    } else {
        Ok(())
    }
}

// `custom` passes `&T`; pedantic clippy prefers small `Copy` values by value.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn even(n: &i32) -> Result<(), Error> {
    if n % 2 == 0 {
        Ok(())
    } else {
        Err(Error::new("even"))
    }
}

fn dates_in_order(form: &Profile) -> Result<(), Error> {
    if form.from <= form.to {
        Ok(())
    } else {
        Err(Error::new("order").at("to"))
    }
}

fn shout(s: &mut str) {
    s.make_ascii_uppercase();
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(custom(dates_in_order))]
struct Profile {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+", custom(not_admin))]
    user_name: String,
    #[normalize(trim_start, trim_end, nfc)]
    #[validate(email(message = "not an email", code = "bad_email"))]
    email: String,
    #[normalize(nfd, nfkd, collapse_whitespace, strip_control)]
    #[validate(email(allow_single_label, international))]
    internal_email: Option<String>,
    #[normalize(uppercase)]
    #[validate(length(equal = 2), chars(ascii_uppercase))]
    country: String,
    #[normalize(with = shout)]
    #[validate(length(bytes, max = 64), ascii, alphanumeric)]
    code: String,
    #[normalize(nfkc)]
    #[validate(
        length(min = 12, max = 128),
        no_control,
        password(user_inputs(user_name, email))
    )]
    password: String,
    #[validate(must_match(password), sensitive)]
    password_confirmation: String,
    #[normalize(nfkc)]
    #[validate(length(min = 8), pattern = "[a-z0-9]+", password(min_score = 1))]
    api_key: SecretString,
    #[validate(must_match(api_key))]
    api_key_again: Option<SecretString>,
    #[validate(range(min = 13, max = 130))]
    age: Option<u8>,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.5))]
    ratio: f64,
    #[validate(range(min = -10, exclusive_max = 10), one_of(-1, 0, 1), custom(even))]
    step: i32,
    #[validate(none_of(0.5, 2))]
    factor: f32,
    #[validate(one_of("red", "green"), none_of("blue"))]
    color: String,
    #[validate(contains = "@", not_contains = "..", prefix = "@", suffix = "!")]
    handle: String,
    #[validate(url, hostname)]
    home: String,
    #[validate(url(schemes("https", "wss"), max_length = 200))]
    socket: Option<String>,
    #[validate(url(allow_credentials))]
    proxy: Option<String>,
    // Every url option in one rule would trip clippy::needless_update with `..DEFAULT`.
    #[validate(url(schemes("https"), max_length = 200, allow_credentials, public))]
    webhook: Option<String>,
    #[validate(ip)]
    ip: String,
    #[validate(ipv4)]
    ipv4: String,
    #[validate(ipv6)]
    ipv6: String,
    #[validate(uuid)]
    id: String,
    #[validate(credit_card, sensitive)]
    card: Option<String>,
    #[validate(required, length(max = 5))]
    nickname: Option<String>,
    #[validate(pattern(path = SLUG))]
    slug: Cow<'static, str>,
    #[validate(chars(ascii_lowercase, ascii_alpha, ascii_digit, ascii_alphanumeric, "-_"))]
    plain: String,
    #[validate(chars(ascii_punctuation, space, "é"))]
    punctuation: String,
    #[normalize(each(trim, lowercase))]
    #[validate(
        length(max = 10),
        each(length(min = 1, max = 20), chars(ascii_lowercase, ascii_digit, "-"))
    )]
    tags: Vec<String>,
    #[normalize(each(trim))]
    #[validate(
        keys(length(equal = 2), chars(ascii_lowercase)),
        each(length(max = 100))
    )]
    labels: BTreeMap<String, String>,
    #[validate(each(range(min = 0)))]
    counts: HashMap<String, i64>,
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    previous: Option<Box<Address>>,
    #[validate(each(nested))]
    others: Vec<Address>,
    from: u32,
    to: u32,
}

#[derive(Debug, Default, Deserialize, Validate)]
struct Address {
    #[normalize(trim)]
    #[validate(length(min = 1, max = 100, message = "street is required"))]
    street: String,
    #[validate(pattern = "[0-9]{5}")]
    zip: String,
}

#[derive(Debug, Validate)]
struct Zip(#[validate(pattern = "[0-9]{5}")] String);

#[derive(Debug, Validate)]
struct Empty {}

#[derive(Debug, Validate)]
struct Unit;

#[derive(Debug, Validate)]
struct Unchecked {
    #[validate(sensitive)]
    secret: String,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind", content = "data", rename_all = "lowercase")]
enum Contact {
    Email {
        #[normalize(trim, lowercase)]
        #[validate(email)]
        address: String,
    },
    Phone(#[validate(pattern = "\\+[0-9]{6,15}")] String),
    Postal(#[validate(nested)] Address),
    None,
}

#[derive(Debug, Validate)]
enum Plain {
    A,
    B(u8),
}

#[derive(Debug, Validate)]
struct Generic<T: Validate, S> {
    #[validate(nested)]
    inner: T,
    #[normalize(trim)]
    #[validate(length(max = 3))]
    text: S,
}

#[derive(Debug, Validate)]
#[validate(
    custom(spans_in_order, message = "out of order"),
    custom(spans_counted)
)]
struct Spans {
    from: Vec<u32>,
    to: Vec<u32>,
}

fn spans_in_order(spans: &Spans) -> impl Iterator<Item = Error> {
    spans
        .from
        .iter()
        .zip(&spans.to)
        .filter(|(from, to)| from > to)
        .map(|_| Error::new("order").at("to"))
}

fn spans_counted(spans: &Spans) -> Result<(), Report> {
    let mut report = Report::new();
    if spans.from.len() != spans.to.len() {
        report.push(Path::root(), Error::new("count").at("to"), None);
    }
    report.into_result()
}

/// What the contextual rules read.
struct Accounts {
    taken: Vec<String>,
}

fn not_taken(name: &str, accounts: &Accounts) -> Result<(), Error> {
    if accounts.taken.iter().any(|t| t == name) {
        Err(Error::new("taken"))
    } else {
        Ok(())
    }
}

// Stand-ins for lookups that would await a database; `async_custom` passes `&String`.
#[allow(clippy::unused_async, clippy::ptr_arg)]
async fn is_free(name: &String, accounts: &Accounts) -> Result<(), Error> {
    not_taken(name, accounts)
}

#[allow(clippy::unused_async)]
async fn small_team(team: &Team, _: &Accounts) -> Result<(), Error> {
    if team.members.len() < 10 {
        Ok(())
    } else {
        Err(Error::new("too_many").at("members"))
    }
}

#[derive(Debug, Validate)]
#[validate(context = Accounts)]
struct Member {
    #[normalize(trim)]
    #[validate(length(min = 1), custom(not_taken, context), async_custom(is_free))]
    name: String,
    #[validate(async_custom(is_free))]
    alias: Option<String>,
    #[validate(nested)]
    address: Option<Address>,
}

#[derive(Debug, Validate)]
#[validate(context = Accounts, async_custom(small_team))]
struct Team {
    #[validate(each(nested))]
    members: Vec<Member>,
}

fn unchecked_secret_is_empty(value: &Unchecked) -> bool {
    value.secret.is_empty()
}

#[test]
fn contextual_code_runs() {
    use validate_core::ValidateWith;
    let accounts = Accounts {
        taken: vec!["grace".to_owned()],
    };
    let team = Team {
        members: vec![Member {
            name: "grace".to_owned(),
            alias: None,
            address: None,
        }],
    };
    assert!(team.validate_with(&accounts).is_err());
}

#[test]
fn derived_code_runs() {
    let mut profile = Profile {
        user_name: " Ada ".to_owned(),
        email: "ada@example.com".to_owned(),
        internal_email: None,
        country: "nl".to_owned(),
        code: "abc1".to_owned(),
        password: "correct horse battery".to_owned(),
        password_confirmation: "correct horse battery".to_owned(),
        api_key: SecretString::from("ｋ3y4a8z9q2"),
        api_key_again: Some(SecretString::from("k3y4a8z9q2")),
        age: Some(36),
        ratio: 0.5,
        step: 0,
        factor: 1.0,
        color: "red".to_owned(),
        handle: "@ada!".to_owned(),
        home: "https://example.com".to_owned(),
        socket: None,
        proxy: None,
        webhook: None,
        ip: "::1".to_owned(),
        ipv4: "127.0.0.1".to_owned(),
        ipv6: "::1".to_owned(),
        id: "67e55044-10b1-426f-9247-bb680e5fe0c8".to_owned(),
        card: None,
        nickname: Some("ada".to_owned()),
        slug: Cow::Borrowed("a-b"),
        plain: "a-b_1".to_owned(),
        punctuation: "!é ".to_owned(),
        tags: vec![" Math ".to_owned()],
        labels: BTreeMap::new(),
        counts: HashMap::new(),
        address: Address::default(),
        previous: None,
        others: Vec::new(),
        from: 1,
        to: 2,
    };
    profile.normalize();
    let report = profile.validate().unwrap_err();
    assert_eq!(report.len(), 3, "{report}");
    assert_eq!(profile.code, "ABC1");
    assert_eq!(profile.country, "NL");
    println!("{profile:?}");

    let checks = [
        Zip("1234".to_owned()).validate().is_err(),
        Empty {}.validate().is_ok(),
        Unit.validate().is_ok(),
        Unchecked {
            secret: String::new(),
        }
        .validate()
        .is_ok(),
        unchecked_secret_is_empty(&Unchecked {
            secret: String::new(),
        }),
        Contact::Phone("1".to_owned()).validate().is_err(),
        Contact::Email {
            address: "x".to_owned(),
        }
        .validate()
        .is_err(),
        Contact::Postal(Address::default()).validate().is_err(),
        Contact::None.validate().is_ok(),
        Plain::A.validate().is_ok(),
        Plain::B(1).validate().is_ok() && matches!(Plain::B(1), Plain::B(n) if n == 1),
        Generic {
            inner: Unit,
            text: String::from("abcd"),
        }
        .validate()
        .is_err(),
        Spans {
            from: vec![2, 1],
            to: vec![1],
        }
        .validate()
        .is_err_and(|report| report.len() == 2),
    ];
    assert!(checks.iter().all(|ok| *ok), "{checks:?}");
}
