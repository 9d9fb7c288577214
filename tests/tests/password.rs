//! The `password` rule (feature `password`): zxcvbn's score against `min_score`, sibling fields
//! as guessable inputs, an error that says nothing of the secret, and `length` first.

use serde::Deserialize;
use serde_json::json;
use validate_core::{Valid, Validate};

#[derive(Debug, Deserialize, Validate)]
struct Signup {
    #[validate(length(min = 3, max = 32))]
    user_name: String,
    #[validate(email)]
    email: String,
    #[normalize(nfkc)]
    #[validate(length(min = 12, max = 128), password(user_inputs(user_name, email)))]
    password: String,
}

fn signup(password: &str) -> Signup {
    Signup {
        user_name: "gracehopper".into(),
        email: "grace@navy.example".into(),
        password: password.into(),
    }
}

const STRONG: &str = "correct horse battery staple";

#[test]
fn a_guessable_password_fails_with_the_min_score_only() {
    assert!(signup(STRONG).validate().is_ok());
    let report = signup("password1234").validate().unwrap_err();
    let errors = report.errors();
    assert_eq!(errors.len(), 1);
    let error = &errors[0];
    assert_eq!(error.path().to_string(), "password");
    assert_eq!(error.code(), "password");
    assert_eq!(error.message(), "is too easy to guess");
    let serialized = serde_json::to_value(&report).unwrap();
    assert_eq!(serialized["errors"][0]["params"], json!({"min_score": 3}));
    // Sensitive without saying so: no preview anywhere.
    for text in [
        report.to_string(),
        format!("{report:?}"),
        serialized.to_string(),
    ] {
        assert!(!text.contains("password1234"), "{text}");
        assert!(
            !text.contains("\"score") && !text.contains("feedback"),
            "{text}"
        );
    }
}

#[test]
fn sibling_fields_count_as_guessable() {
    // Strong on its own, weak once the user's own name is known.
    let own_name = "gracehopper1906";
    #[derive(Validate)]
    struct Alone {
        #[validate(password)]
        password: String,
    }
    assert!(
        Alone {
            password: own_name.into()
        }
        .validate()
        .is_ok(),
        "the control must pass without user inputs"
    );
    let report = signup(own_name).validate().unwrap_err();
    assert_eq!(report.errors()[0].code(), "password");
}

#[test]
fn min_score_is_the_threshold() {
    #[derive(Validate)]
    struct Scores {
        #[validate(password(min_score = 0))]
        anything: String,
        #[validate(password(min_score = 4))]
        strict: String,
        #[validate(password(min_score = 2))]
        optional: Option<String>,
    }
    let scores = Scores {
        anything: "a".into(),
        strict: "correcthorse1".into(),
        optional: None,
    };
    let report = scores.validate().unwrap_err();
    let paths: Vec<String> = report
        .errors()
        .iter()
        .map(|e| e.path().to_string())
        .collect();
    assert_eq!(paths, ["strict"]);
    let serialized = serde_json::to_value(&report).unwrap();
    assert_eq!(serialized["errors"][0]["params"], json!({"min_score": 4}));
}

#[test]
fn an_over_long_value_is_refused_by_length_without_scoring() {
    // A megabyte of one letter scores 0, so a scored value would carry a `password` error too.
    let huge = "a".repeat(1 << 20);
    let report = signup(&huge).validate().unwrap_err();
    let codes: Vec<&str> = report.errors().iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["length"]);
    assert!(signup("aaaaaaaaaaaaaaaaaaaaaaaa").validate().is_err());
}

#[test]
fn valid_t_normalizes_with_nfkc_and_never_echoes_the_password() {
    let body = json!({
        "user_name": "gracehopper",
        "email": "grace@navy.example",
        // Full-width letters: NFKC makes them the ASCII the user meant.
        "password": "ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ ｓｔａｐｌｅ",
    });
    let valid: Valid<Signup> = serde_json::from_value(body).unwrap();
    assert_eq!(valid.password, STRONG);

    let weak = json!({"user_name": "gracehopper", "email": "grace@navy.example", "password": "qwertyuiop12"});
    let error = serde_json::from_value::<Valid<Signup>>(weak)
        .unwrap_err()
        .to_string();
    assert!(error.contains("password"), "{error}");
    assert!(!error.contains("qwertyuiop12"), "{error}");
}

#[test]
fn a_secret_string_is_scored_too() {
    use secrecy::SecretString;
    #[derive(Debug, Validate)]
    struct Login {
        #[validate(password(min_score = 3))]
        password: SecretString,
        #[validate(must_match(password))]
        again: Option<SecretString>,
    }
    let weak = Login {
        password: SecretString::from("letmein123"),
        again: Some(SecretString::from("letmein124")),
    };
    let report = weak.validate().unwrap_err();
    let codes: Vec<&str> = report.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["password", "must_match"]);
    let debug = format!("{weak:?} {report:?} {report}");
    assert!(!debug.contains("letmein"), "{debug}");
    let strong = Login {
        password: SecretString::from(STRONG),
        again: None,
    };
    // An absent confirmation matches nothing but another absent one.
    assert_eq!(
        strong.validate().unwrap_err().errors()[0].code(),
        "must_match"
    );
}
