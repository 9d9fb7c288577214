//! `validate_core::actix`: the extractors driven through a real actix-web app with
//! `actix_web::test`, and byte-for-byte the same answers as `validate_core::axum`.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{App, HttpResponse, test, web};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use validate_core::Validate;
use validate_core::actix::{BodyLimits, Rejection, ValidForm, ValidJson, ValidQuery};

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

fn welcome(request: &SignupRequest) -> String {
    format!(
        "{} {} {}",
        request.user_name,
        request.email,
        request.tags.join(",")
    )
}

async fn signup(ValidJson(request): ValidJson<SignupRequest>) -> HttpResponse {
    HttpResponse::Created().body(welcome(&request))
}

async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
    format!("{} {:?}", search.query_text, search.per_page)
}

async fn login(ValidForm(login): ValidForm<Login>) -> String {
    login.email
}

/// Answers a rejection in the application's own format.
async fn custom(request: Result<ValidJson<SignupRequest>, Rejection>) -> HttpResponse {
    match request {
        Ok(ValidJson(request)) => HttpResponse::Ok().body(request.user_name),
        Err(Rejection::Invalid(report)) => {
            let fields: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
            HttpResponse::BadRequest().json(json!({ "invalidFields": fields }))
        }
        Err(other) => actix_web::ResponseError::error_response(&other),
    }
}

fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/signup", web::post().to(signup))
        .route("/search", web::get().to(search))
        .route("/login", web::post().to(login))
        .route("/custom", web::post().to(custom))
        .service(
            web::resource("/small")
                .app_data(BodyLimits::new().json(64))
                .route(web::post().to(signup)),
        );
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

#[derive(Debug, PartialEq)]
struct Answer {
    status: u16,
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
        assert_eq!(self.status, status, "{}", self.body);
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
    let app = test::init_service(App::new().configure(routes)).await;
    let mut request = test::TestRequest::default()
        .method(method.parse().unwrap())
        .uri(uri);
    if let Some(content_type) = content_type {
        request = request.insert_header((header::CONTENT_TYPE, content_type));
    }
    let response =
        test::call_service(&app, request.set_payload(body.to_owned()).to_request()).await;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned());
    let body = test::read_body(response).await;
    Answer {
        status,
        content_type,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

async fn post_json(uri: &str, body: &str) -> Answer {
    send("POST", uri, Some("application/json"), body).await
}

#[actix_web::test]
async fn valid_json_reaches_the_handler_normalized() {
    let answer = post_json("/signup", &good().to_string()).await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    assert_eq!(answer.body, "ada_lovelace ada@example.com math,poetry");
}

#[actix_web::test]
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
    for secret in ["hunter2", "hunter3", "1234x", "Not Ok!", "not ok!", "a!"] {
        assert!(!answer.body.contains(secret), "{secret} in {}", answer.body);
    }
}

#[actix_web::test]
async fn exact_problem_body() {
    let body = good_with("/address/zipCode", Some(json!("1234x")));
    let answer = post_json("/signup", &body).await;
    answer.assert_problem(422);
    assert_eq!(
        answer.body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"address.zipCode","pointer":"/address/zipCode","code":"pattern","message":"must match the pattern [0-9]{5}","params":{"pattern":"[0-9]{5}"}}]}"#
    );
}

#[actix_web::test]
async fn missing_field_is_422_at_its_wire_path() {
    let answer = post_json("/signup", &good_with("/userName", None)).await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("userName", "missing_field")]));

    let answer = post_json("/signup", &good_with("/address/zipCode", None)).await;
    answer.assert_problem(422);
    assert_eq!(
        answer.errors(),
        pairs(&[("address.zipCode", "missing_field")])
    );
}

#[actix_web::test]
async fn wrong_type_is_422_without_the_value() {
    let answer = post_json("/signup", &good_with("/age", Some(json!("secret-age")))).await;
    answer.assert_problem(422);
    assert_eq!(
        answer.body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request has 1 error","errors":[{"path":"age","pointer":"/age","code":"invalid_type","message":"expected u8","params":{"expected":"u8"}}]}"#
    );

    let answer = post_json("/signup", &good_with("/plan", Some(json!("gold-secret")))).await;
    answer.assert_problem(422);
    assert_eq!(answer.errors(), pairs(&[("plan", "unknown_variant")]));
    assert!(!answer.body.contains("gold-secret"));
}

#[actix_web::test]
async fn malformed_json_is_400() {
    let answer = post_json("/signup", r#"{"userName":"ada","password":"hunter2"#).await;
    answer.assert_problem(400);
    assert_eq!(
        answer.body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the request body is not valid JSON: EOF while parsing a string at line 1 column 37","errors":[]}"#
    );
}

#[actix_web::test]
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
}

#[actix_web::test]
async fn body_over_the_limit_is_413() {
    let answer = post_json("/small", &good().to_string()).await;
    answer.assert_problem(413);
    assert_eq!(answer.json()["detail"], "the request body is too large");

    // Without a Content-Length, the limit applies while reading.
    let app = test::init_service(App::new().configure(routes)).await;
    let mut request = test::TestRequest::post()
        .uri("/small")
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .set_payload(good().to_string())
        .to_request();
    request.headers_mut().remove(header::CONTENT_LENGTH);
    let response = test::call_service(&app, request).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

    // Under the limit, the default limits apply elsewhere.
    let answer = post_json("/signup", &good().to_string()).await;
    assert_eq!(answer.status, 201);
}

#[actix_web::test]
async fn query_strings() {
    let answer = send("GET", "/search?queryText=+rust+&perPage=20", None, "").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, "rust Some(20)");

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
}

#[actix_web::test]
async fn forms() {
    const FORM: &str = "application/x-www-form-urlencoded";
    let answer = send(
        "POST",
        "/login",
        Some(FORM),
        "email=+Ada%40Example.com&password=correct+horse+battery",
    )
    .await;
    assert_eq!(answer.status, 200);
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

    let answer = send(
        "POST",
        "/login",
        Some("application/json"),
        r#"{"email":"a"}"#,
    )
    .await;
    answer.assert_problem(415);
}

#[actix_web::test]
async fn rejections_can_be_mapped_to_the_applications_own_response() {
    let answer = post_json("/custom", &good_with("/address/zipCode", Some(json!("x")))).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body, r#"{"invalidFields":["address.zipCode"]}"#);

    let answer = post_json("/custom", "{").await;
    answer.assert_problem(400);
}

/// The same request gets the same status, content type and body bytes from both frameworks.
#[actix_web::test]
async fn same_bytes_as_axum() {
    const FORM: &str = "application/x-www-form-urlencoded";
    let mut invalid = good();
    invalid["userName"] = json!("a!");
    invalid["password"] = json!("hunter2");
    invalid["tags"] = json!(["ok", "Not Ok!"]);
    invalid["address"]["zipCode"] = json!("1234x");
    let cases: Vec<(&str, String, Option<&str>, String)> = vec![
        (
            "POST",
            "/signup".into(),
            Some("application/json"),
            invalid.to_string(),
        ),
        (
            "POST",
            "/signup".into(),
            Some("application/json"),
            good_with("/address/zipCode", None),
        ),
        (
            "POST",
            "/signup".into(),
            Some("application/json"),
            good_with("/age", Some(json!("secret"))),
        ),
        (
            "POST",
            "/signup".into(),
            Some("application/json"),
            good_with("/plan", Some(json!("gold"))),
        ),
        (
            "POST",
            "/signup".into(),
            Some("application/json"),
            r#"{"userName":"#.into(),
        ),
        (
            "POST",
            "/signup".into(),
            Some("text/plain"),
            good().to_string(),
        ),
        ("POST", "/signup".into(), None, good().to_string()),
        (
            "GET",
            "/search?queryText=+&perPage=500".into(),
            None,
            String::new(),
        ),
        ("GET", "/search?perPage=x".into(), None, String::new()),
        (
            "POST",
            "/login".into(),
            Some(FORM),
            "email=nope&password=hunter2".into(),
        ),
        ("POST", "/login".into(), Some(FORM), "email=nope".into()),
    ];
    for (method, uri, content_type, body) in &cases {
        let actix = send(method, uri, *content_type, body).await;
        let axum = axum_side::send(method, uri, *content_type, body).await;
        assert!(
            actix.status >= 400,
            "{method} {uri} {body}: {}",
            actix.status
        );
        assert_eq!(actix, axum, "{method} {uri} {body}");
    }
}

/// The same routes in axum.
mod axum_side {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode, header};
    use axum::routing::{get, post};
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    use validate_core::axum::{ValidForm, ValidJson, ValidQuery};

    use super::{Answer, Login, Search, SignupRequest, welcome};

    async fn signup(ValidJson(request): ValidJson<SignupRequest>) -> (StatusCode, String) {
        (StatusCode::CREATED, welcome(&request))
    }

    async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        format!("{} {:?}", search.query_text, search.per_page)
    }

    async fn login(ValidForm(login): ValidForm<Login>) -> String {
        login.email
    }

    pub(super) async fn send(
        method: &str,
        uri: &str,
        content_type: Option<&str>,
        body: &str,
    ) -> Answer {
        let app = Router::new()
            .route("/signup", post(signup))
            .route("/search", get(search))
            .route("/login", post(login));
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let request = request.body(Body::from(body.to_owned())).unwrap();
        let response = app.oneshot(request).await.unwrap();
        let status = response.status().as_u16();
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
}
