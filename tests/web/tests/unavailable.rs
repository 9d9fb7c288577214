//! A check that could not run is not the client's fault: `Error::unavailable()` makes the report
//! `is_unavailable()`, kept through `nested` and a full report, and both frameworks answer 503
//! problem+json with no errors, whatever else failed, with the `tracing` event at `ERROR`.

use std::io;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, header};
use axum::routing::post;
use http_body_util::BodyExt as _;
use serde::Deserialize;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use tracing_subscriber::fmt::MakeWriter;
use validate_core::problem::Problem;
use validate_core::{Error, Validate, de};

/// The lookup of a user name: down for every name but those listed as free.
#[allow(clippy::ptr_arg)] // `custom` passes the field as it is, `&String`.
fn name_is_free(name: &String) -> Result<(), Error> {
    match name.as_str() {
        "ada" | "grace" => Ok(()),
        "root" => Err(Error::new("taken").with_message("is taken")),
        _ => Err(Error::unavailable()),
    }
}

#[derive(Debug, Deserialize, Validate)]
struct Signup {
    #[validate(length(min = 3, max = 32), custom(name_is_free))]
    user_name: String,
    #[validate(email)]
    email: String,
}

#[derive(Debug, Deserialize, Validate)]
struct Team {
    #[validate(length(max = 200), each(nested))]
    members: Vec<Signup>,
}

fn signup(user_name: &str, email: &str) -> Signup {
    Signup {
        user_name: user_name.into(),
        email: email.into(),
    }
}

#[test]
fn an_unavailable_check_marks_the_report_whatever_else_failed() {
    assert!(signup("ada", "ada@example.com").validate().is_ok());
    let taken = signup("root", "nope").validate().unwrap_err();
    assert!(!taken.is_unavailable());
    let down = signup("alan", "nope").validate().unwrap_err();
    assert!(down.is_unavailable());
    let codes: Vec<&str> = down.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["unavailable", "email"]);
    assert!(down.errors()[0].is_unavailable());
    assert_eq!(Problem::from(down).status(), 503);
    assert_eq!(Problem::from(taken).status(), 422);
}

#[test]
fn nested_and_full_reports_keep_the_mark() {
    // The first member's lookup fails, then 150 bad emails fill the report.
    let mut members = vec![signup("alan", "alan@example.com")];
    members.extend((0..150).map(|_| signup("ada", "nope")));
    let report = Team { members }.validate().unwrap_err();
    assert!(report.truncated());
    assert_eq!(
        report.errors()[0].path().to_string(),
        "members[0].user_name"
    );
    assert!(report.is_unavailable());

    // Recorded once the report is full, it is counted, not kept, and still marks the report.
    let mut full = validate_core::Report::new();
    for _ in 0..validate_core::Report::MAX_ERRORS {
        full.push(validate_core::Path::root(), Error::new("closed"), None);
    }
    assert!(!full.is_unavailable());
    full.push(validate_core::Path::root(), Error::unavailable(), None);
    assert!(full.is_unavailable() && full.iter().all(|e| !e.is_unavailable()));
}

#[test]
fn the_serde_entry_points_answer_503_too() {
    let body = br#"{"user_name":"alan","email":"nope"}"#;
    let failure = de::from_json::<Signup>(body).unwrap_err();
    let problem = Problem::from(failure);
    assert_eq!(problem.status(), 503);
    assert!(problem.errors().is_empty());
}

/// Every line the subscriber wrote.
#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl io::Write for Lines {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Lines {
    type Writer = Lines;
    fn make_writer(&'a self) -> Lines {
        self.clone()
    }
}

impl Lines {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

fn capture() -> (Lines, tracing::subscriber::DefaultGuard) {
    let lines = Lines::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(lines.clone())
        .with_ansi(false)
        .without_time()
        .with_max_level(tracing::Level::TRACE)
        .finish();
    (lines, tracing::subscriber::set_default(subscriber))
}

/// A body whose lookup fails and whose email is wrong besides.
const DOWN: &str = r#"{"user_name":"alan","email":"nope"}"#;

fn assert_503(status: u16, content_type: &str, body: &[u8]) {
    assert_eq!(status, 503);
    assert_eq!(content_type, "application/problem+json");
    let body: Value = serde_json::from_slice(body).unwrap();
    assert_eq!(
        body,
        json!({
            "type": "about:blank",
            "title": "Service Unavailable",
            "status": 503,
            "detail": "the request could not be checked now; try again later",
            "errors": [],
        })
    );
}

fn assert_one_error_line(lines: &Lines) {
    let text = lines.text();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("ERROR validate_core::rejection: ") && text.contains("status=503"),
        "{text}"
    );
}

#[tokio::test]
async fn axum_answers_503_and_logs_an_error() {
    async fn handler(
        validate_core::axum::ValidJson(signup): validate_core::axum::ValidJson<Signup>,
    ) -> String {
        signup.user_name
    }
    let app = Router::new().route("/signup", post(handler));
    let (lines, _guard) = capture();
    let response = app
        .oneshot(
            Request::post("/signup")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(DOWN))
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_503(status, &content_type, &body);
    assert_one_error_line(&lines);
}

#[actix_web::test]
async fn actix_answers_503_and_logs_an_error() {
    use actix_web::{App, test, web};
    async fn handler(
        validate_core::actix::ValidJson(signup): validate_core::actix::ValidJson<Signup>,
    ) -> String {
        signup.user_name
    }
    let app = test::init_service(App::new().route("/signup", web::post().to(handler))).await;
    let (lines, _guard) = capture();
    let request = test::TestRequest::post()
        .uri("/signup")
        .insert_header(("content-type", "application/json"))
        .set_payload(DOWN)
        .to_request();
    let response = test::call_service(&app, request).await;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let body = test::read_body(response).await;
    assert_503(status, &content_type, &body);
    assert_one_error_line(&lines);
}
