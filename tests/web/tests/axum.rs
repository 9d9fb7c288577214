//! `validate_core::axum`: the extractors driven through a real router, with
//! `tower::ServiceExt::oneshot` and through a server on 127.0.0.1 with a real HTTP client.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::{BodyExt as _, Full};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tower::ServiceExt as _;
use validate_core::Validate;
use validate_core::axum::{Rejection, ValidForm, ValidJson, ValidQuery};

#[derive(Debug, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Address {
    #[normalize(trim)]
    #[validate(length(min = 1, max = 100))]
    street: String,
    #[validate(pattern = "[0-9]{5}")]
    zip_code: String,
}

#[derive(Debug, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase")]
struct SignupRequest {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user_name: String,
    #[normalize(trim, lowercase)]
    #[validate(email)]
    email: String,
    #[validate(length(min = 12, max = 128), sensitive)]
    password: String,
    #[validate(must_match(password), sensitive)]
    password_confirmation: String,
    #[validate(range(min = 13, max = 130))]
    age: Option<u8>,
    plan: Option<Plan>,
    #[normalize(each(trim, lowercase))]
    #[validate(
        length(max = 10),
        each(length(min = 1, max = 20), chars(ascii_lowercase, ascii_digit, "-"))
    )]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Search {
    #[normalize(trim)]
    #[validate(length(min = 1, max = 50))]
    query_text: String,
    #[validate(range(min = 1, max = 100))]
    per_page: Option<u32>,
}

#[derive(Debug, Deserialize, Validate)]
struct Login {
    #[normalize(trim, lowercase)]
    #[validate(email)]
    email: String,
    #[validate(length(min = 12), sensitive)]
    password: String,
}

async fn signup(ValidJson(request): ValidJson<SignupRequest>) -> (StatusCode, String) {
    (
        StatusCode::CREATED,
        format!(
            "{} {} {}",
            request.user_name,
            request.email,
            request.tags.join(",")
        ),
    )
}

async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
    format!("{} {:?}", search.query_text, search.per_page)
}

async fn login(ValidForm(login): ValidForm<Login>) -> String {
    login.email
}

/// Answers a rejection in the application's own format.
async fn custom(request: Result<ValidJson<SignupRequest>, Rejection>) -> Response {
    match request {
        Ok(ValidJson(request)) => request.user_name.into_response(),
        Err(Rejection::Invalid(report)) => {
            let fields: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
            (
                StatusCode::BAD_REQUEST,
                [(header::CONTENT_TYPE, "application/json")],
                json!({ "invalidFields": fields }).to_string(),
            )
                .into_response()
        }
        Err(other) => other.into_response(),
    }
}

fn app() -> Router {
    Router::new()
        .route("/signup", post(signup))
        .route("/search", get(search))
        .route("/login", get(login).post(login))
        .route("/custom", post(custom))
        .route("/small", post(signup).layer(DefaultBodyLimit::max(64)))
}

fn good() -> Value {
    json!({
        "userName": "  Ａｄａ_Lovelace ",
        "email": " ADA@example.com",
        "password": "correct horse battery",
        "passwordConfirmation": "correct horse battery",
        "age": 36,
        "plan": "pro",
        "tags": [" Math ", "poetry"],
        "address": { "street": " 1 Main St ", "zipCode": "12345" }
    })
}

/// `good()` with the value at `pointer` replaced, or removed when `value` is `None`.
fn good_with(pointer: &str, value: Option<Value>) -> String {
    let mut json = good();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = json.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    match value {
        Some(value) => parent.insert(key.to_owned(), value),
        None => parent.remove(key),
    };
    json.to_string()
}

struct Answer {
    status: StatusCode,
    content_type: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    /// `(path, code)` of every error in a problem body.
    fn errors(&self) -> Vec<(String, String)> {
        self.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["path"].as_str().unwrap().to_owned(),
                    e["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    fn assert_problem(&self, status: u16) {
        assert_eq!(self.status.as_u16(), status, "{}", self.body);
        assert_eq!(
            self.content_type.as_deref(),
            Some("application/problem+json")
        );
        let json = self.json();
        assert_eq!(json["type"], "about:blank");
        assert_eq!(json["status"], status);
        assert!(json["errors"].is_array());
    }
}

fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

async fn send(method: &str, uri: &str, content_type: Option<&str>, body: &str) -> Answer {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    let request = request.body(Body::from(body.to_owned())).unwrap();
    let response = app().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        content_type,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

async fn post_json(uri: &str, body: &str) -> Answer {
    send("POST", uri, Some("application/json"), body).await
}

#[tokio::test]
async fn valid_json_reaches_the_handler_normalized() {
    let answer = post_json("/signup", &good().to_string()).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(answer.body, "ada_lovelace ada@example.com math,poetry");
}

#[tokio::test]
async fn invalid_json_is_422_with_every_error_and_no_value() {
    let mut body = good();
    body["userName"] = json!("a!");
    body["password"] = json!("hunter2");
    body["passwordConfirmation"] = json!("hunter3");
    body["tags"] = json!(["ok", "Not Ok!"]);
    body["address"]["zipCode"] = json!("1234x");
    let answer = post_json("/signup", &body.to_string()).await;
    answer.assert_problem(422);
    assert_eq!(
        answer.errors(),
        pairs(&[
            // Too short: checked under its other rules too.
            ("userName", "length"),
            ("userName", "pattern"),
            ("password", "length"),
            ("passwordConfirmation", "must_match"),
            ("tags[1]", "chars"),
            ("address.zipCode", "pattern"),
        ])
    );
    assert_eq!(answer.json()["title"], "Unprocessable Content");
    assert_eq!(answer.json()["detail"], "the request has 6 errors");
    for secret in ["hunter2", "hunter3", "1234x", "Not Ok!", "not ok!", "a!"] {
        assert!(!answer.body.contains(secret), "{secret} in {}", answer.body);
    }
}

#[tokio::test]
async fn exact_problem_body() {
    let body = good_with("/address/zipCode", Some(json!("1234x")));
    let answer = post_json("/signup", &body).await;
    answer.assert_problem(422);
    assert_eq!(
        answer.body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"address.zipCode","pointer":"/address/zipCode","code":"pattern","message":"must match the pattern [0-9]{5}","params":{"pattern":"[0-9]{5}"}}]}"#
    );
}

#[tokio::test]
async fn missing_field_is_422_at_its_wire_path() {
    let answer = post_json("/signup", &good_with("/userName", None)).await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("userName", "missing_field")]));
    assert_eq!(answer.json()["errors"][0]["message"], "is required");

    let answer = post_json("/signup", &good_with("/address/zipCode", None)).await;
    answer.assert_problem(422);
    assert_eq!(
        answer.errors(),
        pairs(&[("address.zipCode", "missing_field")])
    );
    assert_eq!(answer.json()["errors"][0]["pointer"], "/address/zipCode");
}

#[tokio::test]
async fn wrong_type_is_422_without_the_value() {
    let answer = post_json("/signup", &good_with("/age", Some(json!("secret-age")))).await;
    answer.assert_problem(422);
    assert_eq!(
        answer.body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"age","pointer":"/age","code":"invalid_type","message":"expected u8","params":{"expected":"u8"}}]}"#
    );

    let answer = post_json("/signup", &good_with("/password", Some(json!(["hunter2"])))).await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("password", "invalid_type")]));
    assert!(!answer.body.contains("hunter2"));
}

#[tokio::test]
async fn unknown_variant_is_422_without_the_value() {
    let answer = post_json("/signup", &good_with("/plan", Some(json!("gold-secret")))).await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("plan", "unknown_variant")]));
    assert_eq!(
        answer.json()["errors"][0]["message"],
        "expected `free` or `pro`"
    );
    assert!(!answer.body.contains("gold-secret"));
}

#[tokio::test]
async fn malformed_json_is_400() {
    let answer = post_json("/signup", r#"{"userName":"ada","password":"hunter2"#).await;
    answer.assert_problem(400);
    assert_eq!(
        answer.body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the request body is not valid JSON: EOF while parsing a string at line 1 column 37","errors":[]}"#
    );
    assert!(!answer.body.contains("hunter2"));
}

#[tokio::test]
async fn wrong_or_missing_content_type_is_415() {
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let answer = send("POST", "/signup", content_type, &good().to_string()).await;
        answer.assert_problem(415);
        assert_eq!(
            answer.body,
            r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"expected a request body with Content-Type: application/json","errors":[]}"#
        );
    }
    let answer = send(
        "POST",
        "/signup",
        Some("application/vnd.api+json; charset=utf-8"),
        &good().to_string(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::CREATED);
}

#[tokio::test]
async fn body_over_the_limit_is_413() {
    let answer = post_json("/small", &good().to_string()).await;
    answer.assert_problem(413);
    assert_eq!(answer.json()["title"], "Content Too Large");
    assert_eq!(answer.json()["detail"], "the request body is too large");
}

#[tokio::test]
async fn query_strings() {
    let answer = send("GET", "/search?queryText=+rust+&perPage=20", None, "").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, "rust Some(20)");

    let answer = send("GET", "/search?perPage=20", None, "").await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("queryText", "missing_field")]));

    let answer = send("GET", "/search?queryText=x&perPage=many", None, "").await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("perPage", "invalid_type")]));
    assert!(!answer.body.contains("many"));

    let answer = send("GET", "/search?queryText=+&perPage=500", None, "").await;
    answer.assert_problem(422);
    assert_eq!(
        answer.errors(),
        pairs(&[("queryText", "length"), ("perPage", "range")])
    );

    let answer = send("GET", "/search", None, "").await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("queryText", "missing_field")]));
}

#[tokio::test]
async fn forms() {
    const FORM: &str = "application/x-www-form-urlencoded";
    let answer = send(
        "POST",
        "/login",
        Some(FORM),
        "email=+Ada%40Example.com&password=correct+horse+battery",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, "ada@example.com");

    let answer = send(
        "POST",
        "/login",
        Some(FORM),
        "email=ada%40example.com&password=hunter2",
    )
    .await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("password", "length")]));
    assert!(!answer.body.contains("hunter2"));

    let answer = send("POST", "/login", Some(FORM), "email=nope").await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("password", "missing_field")]));

    let answer = send(
        "POST",
        "/login",
        Some("application/json"),
        r#"{"email":"ada@example.com"}"#,
    )
    .await;
    answer.assert_problem(415);
    assert_eq!(
        answer.json()["detail"],
        "expected a request body with Content-Type: application/x-www-form-urlencoded"
    );

    // Like axum's `Form`, a GET reads the query string.
    let answer = send(
        "GET",
        "/login?email=ada%40example.com&password=correct+horse+battery",
        None,
        "",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn rejections_can_be_mapped_to_the_applications_own_response() {
    let answer = post_json("/custom", &good_with("/address/zipCode", Some(json!("x")))).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.body, r#"{"invalidFields":["address.zipCode"]}"#);

    let answer = post_json("/custom", &good().to_string()).await;
    assert_eq!(answer.body, "ada_lovelace");

    let answer = post_json("/custom", "{").await;
    answer.assert_problem(400);
}

#[tokio::test]
async fn rejection_exposes_status_report_and_problem() {
    let failure = validate_core::de::from_json::<SignupRequest>(b"{}").unwrap_err();
    let rejection = Rejection::from(failure);
    assert_eq!(rejection.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        rejection.report().unwrap().errors()[0].path().to_string(),
        "userName"
    );
    assert_eq!(rejection.problem().status(), 422);
}

/// A real server on an ephemeral port, and a real HTTP/1 client.
#[tokio::test]
async fn real_server_and_client() {
    use hyper_util::client::legacy::Client;
    use hyper_util::rt::TokioExecutor;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app()).await.unwrap() });

    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let call = |content_type: &'static str, path: &'static str, body: String| {
        let request = Request::post(format!("http://{address}{path}"))
            .header(header::CONTENT_TYPE, content_type)
            .body(Full::new(Bytes::from(body)))
            .unwrap();
        let client = client.clone();
        async move {
            let response = client.request(request).await.unwrap();
            let status = response.status();
            let content_type = response.headers()[header::CONTENT_TYPE].clone();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (
                status,
                content_type,
                String::from_utf8(body.to_vec()).unwrap(),
            )
        }
    };

    let (status, _, body) = call("application/json", "/signup", good().to_string()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body, "ada_lovelace ada@example.com math,poetry");

    let invalid = good_with("/password", Some(json!("hunter2")));
    let (status, content_type, body) = call("application/json", "/signup", invalid.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type, "application/problem+json");
    assert!(!body.contains("hunter2"));
    // The same bytes as through `oneshot`.
    assert_eq!(body, post_json("/signup", &invalid).await.body);

    let (status, _, body) = call("application/json", "/signup", "{".to_owned()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("not valid JSON"));

    let (status, _, _) = call("text/plain", "/signup", good().to_string()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let (status, _, body) = call(
        "application/x-www-form-urlencoded",
        "/login",
        "email=ada%40example.com&password=hunter2".to_owned(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""path":"password""#));

    server.abort();
}
