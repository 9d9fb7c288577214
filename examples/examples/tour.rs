//! A one-minute tour: normalize and validate a signup request, read the report as a log line and
//! as the JSON a client gets, deserialize straight into `Valid<T>`, check a password and keep it
//! secret, and preview hostile input safely.
//!
//! Run with `cargo run --example tour`.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use validate_core::{Valid, Validate, log};

#[derive(Debug, Deserialize, Validate)]
pub struct Address {
    #[normalize(trim, collapse_whitespace)]
    #[validate(length(min = 1, max = 100), no_control)]
    pub street: String,

    #[normalize(trim)]
    #[validate(pattern = "[0-9]{5}")]
    pub zip: String,
}

// `Debug` is safe to derive: a `SecretString` prints as `[REDACTED]`.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct SignupRequest {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    pub user_name: String,

    #[normalize(trim, lowercase)]
    #[validate(email)]
    pub email: String,

    // Scored by zxcvbn, the user's own name and email counting as guessable; a `password` and
    // a `SecretString` are sensitive without saying so.
    #[normalize(nfkc)]
    #[validate(length(min = 12, max = 128), password(user_inputs(user_name, email)))]
    pub password: SecretString,

    #[validate(must_match(password))]
    pub password_confirmation: SecretString,

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

fn heading(title: &str) {
    println!(
        "\n== {title} {}",
        "=".repeat(60usize.saturating_sub(title.len()))
    );
}

fn main() {
    heading("1. Normalize: canonical form first");
    let mut request = SignupRequest {
        user_name: "  Ａｄａ_Ｌｏｖｅｌａｃｅ ".into(),
        email: " Ada@Example.COM ".into(),
        password: "correct horse battery staple".into(),
        password_confirmation: "correct horse battery staple".into(),
        age: Some(36),
        website: Some("https://ada.example".into()),
        tags: vec![" Math ".into(), "ENGINES".into()],
        address: Address {
            street: " 12  St James's\tSquare ".into(),
            zip: " 12345".into(),
        },
    };
    println!("before: {request:#?}");
    request.normalize();
    println!("after:  {request:#?}");
    match request.validate() {
        Ok(()) => println!("valid: every rule holds"),
        Err(report) => println!("unexpected:\n{report}"),
    }

    heading("2. Validate: every failure, in declaration order");
    let bad = SignupRequest {
        user_name: "Ad!".into(),
        email: "ada@@example.com".into(),
        password: "hunter2".into(),
        password_confirmation: "hunter3".into(),
        age: Some(12),
        website: Some("javascript:alert(1)".into()),
        tags: vec!["ok".into(), "waytoolongtagwaytoolongtagxxxxxx".into()],
        address: Address {
            street: "Main St\u{202e}evil".into(),
            zip: "1234x".into(),
        },
    };
    let report = bad.validate().expect_err("this request breaks rules");
    println!("as a log line (values escaped and cut, passwords never shown):");
    println!("{report}");
    println!("\nas the JSON a client gets (paths in the client's names, no values):");
    println!("{{\"errors\":[");
    for (i, error) in report.iter().enumerate() {
        let comma = if i + 1 < report.len() { "," } else { "" };
        println!(
            "  {}{comma}",
            serde_json::to_string(error).expect("an error serializes")
        );
    }
    println!("]}}");

    heading("3. Valid<T>: deserialize, normalize and validate in one step");
    let json = r#"{
        "userName": " Grace_Hopper ", "email": "GRACE@example.com",
        "password": "a long enough secret", "passwordConfirmation": "a long enough secret",
        "age": 85, "website": null, "tags": [" Navy "],
        "address": {"street": "1 Main St", "zip": "22202"}
    }"#;
    let signup: Valid<SignupRequest> = serde_json::from_str(json).expect("valid JSON request");
    println!(
        "user_name = {:?}, email = {:?}, tags = {:?}",
        signup.user_name, signup.email, signup.tags
    );
    let rejected = serde_json::from_str::<Valid<SignupRequest>>(
        &json.replace("22202", "2220x").replace("85", "7"),
    );
    println!(
        "a bad body fails with: {}",
        rejected.expect_err("invalid request")
    );

    heading("4. Passwords and secrets");
    let guessable = serde_json::from_str::<Valid<SignupRequest>>(
        &json.replace("a long enough secret", "grace_hopper1906"),
    )
    .expect_err("a password made of the user's own name");
    println!("a guessable password: {guessable}");
    println!(
        "the secret, read where it is needed: {} characters",
        signup.password.expose_secret().chars().count()
    );

    heading("5. log::preview: hostile input, safe in one log line");
    let hostile = format!(
        "admin\n[INFO] login ok\u{202e}txt.exe{}",
        "A".repeat(10_000)
    );
    println!("raw length: {} bytes", hostile.len());
    println!("preview:    \"{}\"", log::preview(&hostile, 40));
    println!("truncate:   {:?}", log::truncate("héllo", 2));
}
