//! `validate_core::poem`: the extractors driven through a real poem `Route`, answering the same
//! status, content type and bytes as `validate_core::axum` for the same requests.

use axum::body::Body;
use http_body_util::BodyExt as _;
use poem::{Endpoint, EndpointExt as _, IntoResponse as _, handler};
use serde::Deserialize;
use tower::ServiceExt as _;
use validate_core::{Error, Validate};

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[normalize(trim, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user_name: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 13))]
    age: Option<u8>,
    #[validate(length(min = 8), sensitive)]
    password: String,
}

#[derive(Debug, Deserialize, Validate)]
struct Search {
    #[validate(length(min = 1))]
    q: String,
    #[validate(range(max = 100))]
    page: Option<u32>,
}

/// A context from poem's request data.
#[derive(Clone)]
struct Taken(Vec<String>);

#[allow(clippy::ptr_arg)] // `async_custom` passes the field as it is.
async fn not_taken(name: &String, taken: &Taken) -> Result<(), Error> {
    if taken.0.contains(name) {
        Err(Error::new("taken"))
    } else {
        Ok(())
    }
}

#[derive(Debug, Deserialize, Validate)]
struct TicketId(#[validate(range(min = 1))] u64);

#[derive(Debug, Deserialize, Validate)]
#[validate(context = Taken)]
struct Claim {
    #[validate(length(min = 3), async_custom(not_taken))]
    name: String,
}

const GOOD: &str =
    r#"{"userName":" Ada ","email":"ada@example.com","age":36,"password":"long enough"}"#;

/// Method, URI, content type and body; every framework answers each the same way.
fn requests() -> Vec<(&'static str, String, Option<&'static str>, String)> {
    let json = Some("application/json");
    let form = Some("application/x-www-form-urlencoded");
    vec![
        ("POST", "/signup".into(), json, GOOD.into()),
        (
            "POST",
            "/signup".into(),
            json,
            r#"{"userName":"a!","email":"nope","age":7,"password":"hunter2"}"#.into(),
        ),
        (
            "POST",
            "/signup".into(),
            json,
            r#"{"userName":"ada","email":"ada@example.com"}"#.into(),
        ),
        (
            "POST",
            "/signup".into(),
            json,
            r#"{"userName":"ada","email":"ada@example.com","age":"old","password":"long enough"}"#
                .into(),
        ),
        (
            "POST",
            "/signup".into(),
            json,
            r#"{"userName":"ada","#.into(),
        ),
        ("POST", "/signup".into(), Some("text/plain"), GOOD.into()),
        ("POST", "/signup".into(), None, GOOD.into()),
        ("GET", "/search?q=rust&page=2".into(), None, String::new()),
        ("GET", "/search?q=&page=abc".into(), None, String::new()),
        (
            "POST",
            "/login".into(),
            form,
            "userName=Ada&email=ada%40example.com&password=long+enough".into(),
        ),
        (
            "POST",
            "/login".into(),
            form,
            "userName=a%21&email=x&age=300&password=short".into(),
        ),
        (
            "GET",
            "/login?userName=ada&email=ada%40example.com&password=long+enough".into(),
            None,
            String::new(),
        ),
        ("POST", "/claim".into(), json, r#"{"name":"grace"}"#.into()),
        ("POST", "/claim".into(), json, r#"{"name":"alan"}"#.into()),
        ("GET", "/tickets/7".into(), None, String::new()),
        ("GET", "/tickets/0".into(), None, String::new()),
        ("GET", "/tickets/abc".into(), None, String::new()),
        ("GET", "/tickets/%E2%80%AEx".into(), None, String::new()),
    ]
}

/// Status, content type and body of one answer.
type Answer = (u16, Option<String>, Vec<u8>);

async fn poem_answers() -> Vec<Answer> {
    use validate_core::poem::{ValidForm, ValidJson, ValidPath, ValidQuery};
    #[handler]
    fn ticket(ValidPath(TicketId(id)): ValidPath<TicketId>) -> String {
        id.to_string()
    }
    #[handler]
    fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        signup.user_name
    }
    #[handler]
    fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        search.q
    }
    #[handler]
    fn login(ValidForm(login): ValidForm<Signup>) -> String {
        login.user_name
    }
    #[handler]
    fn claim(ValidJson(claim): ValidJson<Claim>) -> String {
        claim.name
    }
    let app = poem::Route::new()
        .at("/signup", poem::post(signup))
        .at("/search", poem::get(search))
        .at("/login", poem::get(login).post(login))
        .at("/claim", poem::post(claim))
        .at("/tickets/:id", poem::get(ticket))
        .data(Taken(vec!["grace".into()]));
    let mut answers = Vec::new();
    for (method, uri, content_type, body) in requests() {
        let mut request = poem::Request::builder()
            .method(method.parse().unwrap())
            .uri(uri.parse().unwrap());
        if let Some(content_type) = content_type {
            request = request.content_type(content_type);
        }
        let response = app.get_response(request.body(body)).await.into_response();
        let status = response.status().as_u16();
        let content_type = response.content_type().map(str::to_owned);
        let bytes = response.into_body().into_vec().await.unwrap();
        answers.push((status, content_type, bytes));
    }
    answers
}

async fn axum_answers() -> Vec<Answer> {
    use axum::routing::{get, post};
    use validate_core::axum::{ValidForm, ValidJson, ValidPath, ValidQuery};
    async fn ticket(ValidPath(TicketId(id)): ValidPath<TicketId>) -> String {
        id.to_string()
    }
    async fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        signup.user_name
    }
    async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        search.q
    }
    async fn login(ValidForm(login): ValidForm<Signup>) -> String {
        login.user_name
    }
    async fn claim(ValidJson(claim): ValidJson<Claim>) -> String {
        claim.name
    }
    #[derive(Clone)]
    struct State(std::sync::Arc<Vec<String>>);
    impl axum::extract::FromRef<State> for Taken {
        fn from_ref(state: &State) -> Taken {
            Taken(state.0.to_vec())
        }
    }
    let app = axum::Router::new()
        .route("/signup", post(signup))
        .route("/search", get(search))
        .route("/login", get(login).post(login))
        .route("/claim", post(claim))
        .route("/tickets/{id}", get(ticket))
        .with_state(State(std::sync::Arc::new(vec!["grace".into()])));
    let mut answers = Vec::new();
    for (method, uri, content_type, body) in requests() {
        let mut request = axum::http::Request::builder().method(method).uri(uri);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = app
            .clone()
            .oneshot(request.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        answers.push((status, content_type, bytes));
    }
    answers
}

#[tokio::test]
async fn poem_answers_as_axum_does() {
    let poem = poem_answers().await;
    let axum = axum_answers().await;
    let statuses: Vec<u16> = poem.iter().map(|a| a.0).collect();
    assert_eq!(
        statuses,
        [
            200, 422, 422, 422, 400, 415, 415, 200, 422, 200, 422, 200, 422, 200, 200, 422, 422,
            422
        ]
    );
    for (i, (poem, axum)) in poem.iter().zip(&axum).enumerate() {
        // Text bodies of handlers differ in content type only by the framework's default.
        if poem.0 == 200 {
            assert_eq!(poem.2, axum.2, "request {i}");
            continue;
        }
        assert_eq!(
            poem,
            axum,
            "request {i}: {}",
            String::from_utf8_lossy(&poem.2)
        );
        let text = String::from_utf8_lossy(&poem.2);
        assert!(!text.contains("hunter2") && !text.contains("abc") && !text.contains('\u{202e}'));
    }
}

#[tokio::test]
async fn poem_without_the_context_is_a_500() {
    use validate_core::poem::ValidJson;
    #[handler]
    fn claim(ValidJson(claim): ValidJson<Claim>) -> String {
        claim.name
    }
    let app = poem::Route::new().at("/claim", poem::post(claim));
    let request = poem::Request::builder()
        .method(poem::http::Method::POST)
        .uri(poem::http::Uri::from_static("/claim"))
        .content_type("application/json")
        .body(r#"{"name":"ada"}"#);
    let response = app.get_response(request).await;
    assert_eq!(response.status().as_u16(), 500);
    let body = response.into_body().into_string().await.unwrap();
    assert!(body.contains("Taken"), "{body}");
}

#[tokio::test]
async fn poem_logs_one_line_per_refusal() {
    use std::sync::{Arc, Mutex};
    use validate_core::poem::ValidJson;

    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Lines {
        type Writer = Lines;
        fn make_writer(&'a self) -> Lines {
            self.clone()
        }
    }
    #[handler]
    fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        signup.user_name
    }
    let lines = Lines::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(lines.clone())
        .with_ansi(false)
        .without_time()
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let app = poem::Route::new().at("/signup", poem::post(signup));
    let request = poem::Request::builder()
        .method(poem::http::Method::POST)
        .uri(poem::http::Uri::from_static("/signup?token=secret"))
        .content_type("application/json")
        .body(r#"{"userName":"a\nb","email":"x","password":"hunter2"}"#);
    assert_eq!(app.get_response(request).await.status().as_u16(), 422);
    let text = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.trim_start()
            .starts_with("WARN validate_core::rejection: "),
        "{text}"
    );
    assert!(
        text.contains("status=422 method=POST path=/signup errors=3"),
        "{text}"
    );
    assert!(
        !text.contains("secret") && !text.contains("hunter2"),
        "{text}"
    );
}
