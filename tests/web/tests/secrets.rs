//! `secrecy::SecretString` fields (feature `secrecy`): every string rule and normalizer applies
//! through `ExposeSecret`, such a field is sensitive without saying so, `must_match` compares two,
//! and `Valid<T>` deserializes them; no report, `Display`, serde error or `Debug` holds a secret.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::routing::post;
use http_body_util::BodyExt;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tower::ServiceExt;
use validate_core::axum::ValidJson;
use validate_core::{Valid, Validate};

#[derive(Debug, Deserialize, Validate)]
struct ApiKeys {
    #[normalize(trim, uppercase)]
    #[validate(length(min = 8, max = 64), pattern = "[A-Z0-9_]+", prefix = "SK_")]
    key: SecretString,
    #[validate(must_match(key))]
    key_again: SecretString,
    #[validate(email)]
    recovery: Option<SecretString>,
}

const KEY: &str = "SK_LIVE_0123456789";

fn keys(key: &str, again: &str, recovery: Option<&str>) -> ApiKeys {
    ApiKeys {
        key: key.into(),
        key_again: again.into(),
        recovery: recovery.map(SecretString::from),
    }
}

/// Every text a failing request can produce on our side.
fn texts(value: &ApiKeys) -> Vec<String> {
    let report = value.validate().unwrap_err();
    vec![
        report.to_string(),
        format!("{report:?}"),
        serde_json::to_string(&report).unwrap(),
        format!("{value:?}"),
    ]
}

#[test]
fn string_rules_apply_and_the_report_holds_no_secret() {
    assert!(keys(KEY, KEY, Some("ops@example.com")).validate().is_ok());
    assert!(keys(KEY, KEY, None).validate().is_ok());

    let secret = "sk_live_secret-value";
    let bad = keys(secret, "SK_OTHER_1", Some("not-an-address-secret"));
    let report = bad.validate().unwrap_err();
    let codes: Vec<(String, &str)> = report
        .errors()
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    assert_eq!(
        codes,
        [
            ("key".to_owned(), "pattern"),
            ("key".to_owned(), "prefix"),
            ("key_again".to_owned(), "must_match"),
            ("recovery".to_owned(), "email"),
        ]
    );
    for text in texts(&bad) {
        for leaked in [secret, "SK_OTHER_1", "not-an-address-secret", "secret"] {
            assert!(!text.contains(leaked), "{leaked:?} in {text}");
        }
    }
}

#[test]
fn normalizers_rewrite_the_secret_itself() {
    let mut value = keys("  sk_live_0123456789 ", KEY, None);
    value.normalize();
    assert_eq!(value.key.expose_secret(), KEY);
    assert!(value.validate().is_ok());
    // Already normal: left as it is.
    let mut value = keys(KEY, KEY, None);
    value.normalize();
    assert_eq!(value.key.expose_secret(), KEY);
}

#[test]
fn valid_t_deserializes_normalizes_and_validates_secrets() {
    let body = r#"{"key":" sk_live_0123456789","key_again":"SK_LIVE_0123456789","recovery":null}"#;
    let valid: Valid<ApiKeys> = serde_json::from_str(body).unwrap();
    assert_eq!(valid.key.expose_secret(), KEY);

    for (body, hidden) in [
        (
            r#"{"key":"sk_x!secret","key_again":"x","recovery":null}"#,
            "sk_x!secret",
        ),
        (
            r#"{"key":12345678901,"key_again":"x","recovery":null}"#,
            "12345678901",
        ),
        (
            r#"{"key":"SK_LIVE_0123456789","key_again":["hunter2-secret"],"recovery":null}"#,
            "hunter2",
        ),
    ] {
        let error = serde_json::from_str::<Valid<ApiKeys>>(body)
            .unwrap_err()
            .to_string();
        assert!(!error.contains(hidden), "{hidden:?} in {error}");
    }
}

#[tokio::test]
async fn an_axum_rejection_holds_no_secret() {
    async fn handler(ValidJson(keys): ValidJson<ApiKeys>) -> String {
        keys.key.expose_secret().len().to_string()
    }
    let app = Router::new().route("/keys", post(handler));
    let body =
        r#"{"key":"sk_bad secret value","key_again":"sk_bad secret value","recovery":"x-secret"}"#;
    let response = app
        .oneshot(
            Request::post("/keys")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains("\"key\""), "{text}");
    assert!(
        !text.contains("secret") && !text.contains("SK_BAD"),
        "{text}"
    );
}
