//! Feature `tracing`: every refused request is one `WARN` event on target
//! `validate_core::rejection`, rendered by a real `tracing-subscriber` fmt layer into memory,
//! for real axum (`oneshot` on a `Router`) and actix-web (`actix_web::test`) requests.

use std::collections::BTreeMap;
use std::io;
use std::sync::{Arc, Mutex};

use serde::Deserialize;
use serde_json::{Value, json};
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt as _;
use validate_core::{Report, Validate, de};

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user_name: String,
    #[validate(length(min = 12), sensitive)]
    password: String,
    #[serde(default)]
    #[validate(length(max = 200), each(length(max = 4)))]
    tags: Vec<String>,
    #[serde(default)]
    #[validate(keys(length(max = 8)))]
    labels: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Validate)]
struct Search {
    #[validate(length(min = 1, max = 50))]
    q: String,
}

#[derive(Debug, Deserialize, Validate)]
struct Login {
    #[validate(email)]
    email: String,
    #[validate(length(min = 12), sensitive)]
    password: String,
}

const JSON: Option<&str> = Some("application/json");
const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
const GOOD_SIGNUP: &str = r#"{"userName":"ada_1","password":"correct horse battery"}"#;
const GOOD_LOGIN: &str = "email=ada%40example.com&password=correct+horse+battery";

/// A request to send.
struct Req {
    method: &'static str,
    uri: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
}

fn req(method: &'static str, uri: &str, content_type: Option<&'static str>, body: &str) -> Req {
    Req {
        method,
        uri: uri.to_owned(),
        content_type,
        body: body.as_bytes().to_vec(),
    }
}

/// The status and body of an answer.
struct Answer {
    status: u16,
    body: String,
}

impl Answer {
    fn detail(&self) -> String {
        let problem: Value = serde_json::from_str(&self.body).unwrap();
        problem["detail"].as_str().unwrap().to_owned()
    }
}

/// A framework that serves the same routes: `/signup` (`ValidJson<Signup>`), `/search`
/// (`ValidQuery<Search>`), `/login` (`ValidForm<Login>`), `/small` and `/small-login` with
/// 64-byte body limits, `/custom` (a handler that takes the `Result`), and every other path
/// as `/signup`.
trait Server {
    async fn send(&self, request: &Req) -> Answer;
}

mod axum_server {
    use axum::Router;
    use axum::body::Body;
    use axum::extract::DefaultBodyLimit;
    use axum::http::{Request, header};
    use axum::response::{IntoResponse, Response};
    use axum::routing::{get, post};
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    use validate_core::axum::{Rejection, ValidForm, ValidJson, ValidQuery};

    use super::{Answer, Login, Req, Search, Server, Signup};

    async fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        signup.user_name
    }

    async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        search.q
    }

    async fn login(ValidForm(login): ValidForm<Login>) -> String {
        login.email
    }

    async fn custom(signup: Result<ValidJson<Signup>, Rejection>) -> Response {
        match signup {
            Ok(ValidJson(signup)) => signup.user_name.into_response(),
            Err(rejection) => rejection.into_response(),
        }
    }

    fn app() -> Router {
        Router::new()
            .route("/signup", post(signup))
            .route("/search", get(search))
            .route("/login", get(login).post(login))
            .route("/custom", post(custom))
            .route("/small", post(signup).layer(DefaultBodyLimit::max(64)))
            .route("/small-login", post(login).layer(DefaultBodyLimit::max(64)))
            .fallback(signup)
    }

    pub struct Axum;

    impl Server for Axum {
        async fn send(&self, request: &Req) -> Answer {
            let mut builder = Request::builder()
                .method(request.method)
                .uri(request.uri.as_str());
            if let Some(content_type) = request.content_type {
                builder = builder.header(header::CONTENT_TYPE, content_type);
            }
            let request = builder.body(Body::from(request.body.clone())).unwrap();
            let response = app().oneshot(request).await.unwrap();
            let status = response.status().as_u16();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            Answer {
                status,
                body: String::from_utf8(body.to_vec()).unwrap(),
            }
        }
    }
}

mod actix_server {
    use actix_web::http::header;
    use actix_web::{App, HttpResponse, ResponseError as _, test, web};
    use validate_core::actix::{BodyLimits, Rejection, ValidForm, ValidJson, ValidQuery};

    use super::{Answer, Login, Req, Search, Server, Signup};

    async fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        signup.user_name
    }

    async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        search.q
    }

    async fn login(ValidForm(login): ValidForm<Login>) -> String {
        login.email
    }

    async fn custom(signup: Result<ValidJson<Signup>, Rejection>) -> HttpResponse {
        match signup {
            Ok(ValidJson(signup)) => HttpResponse::Ok().body(signup.user_name),
            Err(rejection) => rejection.error_response(),
        }
    }

    fn routes(config: &mut web::ServiceConfig) {
        let small = BodyLimits::new().json(64).form(64);
        config
            .route("/signup", web::post().to(signup))
            .route("/search", web::get().to(search))
            .route("/login", web::post().to(login))
            .route("/custom", web::post().to(custom))
            .service(
                web::resource("/small")
                    .app_data(small)
                    .route(web::post().to(signup)),
            )
            .service(
                web::resource("/small-login")
                    .app_data(small)
                    .route(web::post().to(login)),
            )
            .default_service(web::to(signup));
    }

    pub struct Actix;

    impl Server for Actix {
        async fn send(&self, request: &Req) -> Answer {
            let app = test::init_service(App::new().configure(routes)).await;
            let mut builder = test::TestRequest::default()
                .method(request.method.parse().unwrap())
                .uri(&request.uri);
            if let Some(content_type) = request.content_type {
                builder = builder.insert_header((header::CONTENT_TYPE, content_type));
            }
            let request = builder.set_payload(request.body.clone()).to_request();
            let response = test::call_service(&app, request).await;
            let status = response.status().as_u16();
            let body = test::read_body(response).await;
            Answer {
                status,
                body: String::from_utf8(body.to_vec()).unwrap(),
            }
        }
    }
}

mod rocket_server {
    use rocket::data::{Limits, ToByteUnit as _};
    use rocket::http::{Header, Status};
    use rocket::local::asynchronous::Client;
    use rocket::{get, post, routes};
    use validate_core::rocket::{Rejection, ValidForm, ValidJson, ValidQuery, catchers};

    use super::{Answer, Login, Req, Search, Server, Signup};

    #[post("/signup", data = "<signup>")]
    fn signup(signup: ValidJson<Signup>) -> String {
        signup.0.user_name
    }

    #[get("/search")]
    fn search(search: ValidQuery<Search>) -> String {
        search.0.q
    }

    #[post("/login", data = "<login>")]
    fn login(login: ValidForm<Login>) -> String {
        login.0.email
    }

    /// Hands the refusal back to the catchers by its status.
    #[post("/custom", data = "<signup>")]
    fn custom(signup: Result<ValidJson<Signup>, Rejection>) -> Result<String, Status> {
        signup
            .map(|signup| signup.0.user_name)
            .map_err(|rejection| rejection.status())
    }

    #[post("/small", data = "<signup>")]
    fn small(signup: ValidJson<Signup>) -> String {
        signup.0.user_name
    }

    #[post("/small-login", data = "<login>")]
    fn small_login(login: ValidForm<Login>) -> String {
        login.0.email
    }

    #[post("/<_..>", data = "<signup>", rank = 20)]
    fn fallback(signup: ValidJson<Signup>) -> String {
        signup.0.user_name
    }

    /// The routes under `limits` (rocket's limits are the whole server's).
    fn rocket(limits: Limits) -> rocket::Rocket<rocket::Build> {
        let config = rocket::Config {
            log_level: rocket::config::LogLevel::Off,
            limits,
            ..rocket::Config::debug_default()
        };
        rocket::custom(config).register("/", catchers())
    }

    pub struct Rocket;

    impl Server for Rocket {
        async fn send(&self, request: &Req) -> Answer {
            let server = if request.uri.starts_with("/small") {
                let limits = Limits::default()
                    .limit("json", 64.bytes())
                    .limit("form", 64.bytes());
                rocket(limits).mount("/", routes![small, small_login])
            } else {
                let limits = Limits::default().limit("json", 2.mebibytes());
                rocket(limits).mount("/", routes![signup, search, login, custom, fallback])
            };
            let client = Client::untracked(server).await.unwrap();
            let mut builder = client
                .req(request.method.parse().unwrap(), request.uri.as_str())
                .body(&request.body);
            if let Some(content_type) = request.content_type {
                builder = builder.header(Header::new("Content-Type", content_type));
            }
            let response = builder.dispatch().await;
            let status = response.status().code;
            Answer {
                status,
                body: response.into_string().await.unwrap_or_default(),
            }
        }
    }
}

mod warp_server {
    use validate_core::warp::{Filters, form, json, query, recover};
    use warp::Filter;
    use warp::filters::path::FullPath;

    use super::{Answer, Login, Req, Search, Server, Signup};

    pub struct Warp;

    impl Server for Warp {
        async fn send(&self, request: &Req) -> Answer {
            let search = warp::get()
                .and(warp::path!("search"))
                .and(query::<Search>())
                .map(|search: Search| search.q);
            let login = warp::post()
                .and(warp::path!("login"))
                .and(form::<Login>())
                .map(|login: Login| login.email);
            let small = warp::post()
                .and(warp::path!("small"))
                .and(Filters::new().json_limit(64).json::<Signup>())
                .map(|signup: Signup| signup.user_name);
            let small_login = warp::post()
                .and(warp::path!("small-login"))
                .and(Filters::new().form_limit(64).form::<Login>())
                .map(|login: Login| login.email);
            // `/signup`, `/custom` and every path the others do not take.
            let signup = warp::post()
                .and(warp::path::full())
                .and_then(|path: FullPath| async move {
                    match path.as_str() {
                        "/search" | "/login" | "/small" | "/small-login" => {
                            Err(warp::reject::not_found())
                        }
                        _ => Ok(()),
                    }
                })
                .untuple_one()
                .and(json::<Signup>())
                .map(|signup: Signup| signup.user_name);
            let routes = search
                .or(login)
                .or(small)
                .or(small_login)
                .or(signup)
                .recover(recover);
            let mut builder = warp::test::request()
                .method(request.method)
                .path(&request.uri)
                .body(&request.body);
            if let Some(content_type) = request.content_type {
                builder = builder.header("content-type", content_type);
            }
            let response = builder.reply(&routes).await;
            Answer {
                status: response.status().as_u16(),
                body: String::from_utf8(response.into_body().to_vec()).unwrap(),
            }
        }
    }
}

use actix_server::Actix;
use axum_server::Axum;
use rocket_server::Rocket;
use warp_server::Warp;

/// A shared in-memory log that a fmt layer writes into.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Buffer {
    type Writer = Buffer;

    fn make_writer(&'a self) -> Buffer {
        self.clone()
    }
}

/// Sends `request` with a fmt subscriber of every event at every level as this thread's
/// default; returns the answer and what was logged.
async fn logged(server: &impl Server, request: &Req) -> (Answer, String) {
    let buffer = Buffer::default();
    // warp traces its own filters; everything else is kept.
    let others = Targets::new()
        .with_default(LevelFilter::TRACE)
        .with_target("warp", LevelFilter::OFF);
    let subscriber = tracing_subscriber::fmt()
        .with_writer(buffer.clone())
        .with_ansi(false)
        .without_time()
        .with_max_level(tracing::Level::TRACE)
        .finish()
        .with(others);
    let answer = {
        let _guard = tracing::subscriber::set_default(subscriber);
        server.send(request).await
    };
    let logs = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    (answer, logs)
}

/// Characters that end, break or reorder a line when displayed.
const LINE_BREAKERS: &str = concat!(
    "\r\u{b}\u{c}\u{85}\u{2028}\u{2029}\u{200e}\u{200f}\u{61c}",
    "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}",
);

/// The one line of `logs`, which must have exactly one, free of controls and bidi characters.
fn one_line(logs: &str) -> &str {
    let line = logs
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("no line: {logs:?}"));
    assert!(!line.contains('\n'), "more than one line: {logs:?}");
    if let Some(c) = line
        .chars()
        .find(|&c| c.is_control() || LINE_BREAKERS.contains(c))
    {
        panic!("raw {c:?} in {line:?}");
    }
    line
}

/// The line a refusal must log: `message`, then the fields.
fn line(message: &str, status: u16, method: &str, path: &str, errors: usize) -> String {
    format!(
        " WARN validate_core::rejection: {message} status={status} method={method} path={path} errors={errors}"
    )
}

/// A report's `Display`, on one line.
fn joined(report: Report) -> String {
    report.to_string().replace('\n', "; ")
}

fn json_report(body: &str) -> Report {
    match de::from_json::<Signup>(body.as_bytes()) {
        Err(de::Failure::Invalid(report)) => report,
        other => panic!("not a report: {other:?}"),
    }
}

/// A refusal: the request, its status, the path it logs, and its report when it is a 422.
struct Refusal {
    request: Req,
    status: u16,
    path: &'static str,
    report: Option<Report>,
}

fn refusals() -> Vec<Refusal> {
    let invalid = r#"{"userName":"A!","password":"short","tags":["toolong"]}"#;
    let too_large = format!(r#"{{"userName":"{}","password":"x"}}"#, "a".repeat(100));
    vec![
        Refusal {
            request: req("POST", "/signup", JSON, invalid),
            status: 422,
            path: "/signup",
            report: Some(json_report(invalid)),
        },
        Refusal {
            request: req("POST", "/signup", JSON, r#"{"userName":"#),
            status: 400,
            path: "/signup",
            report: None,
        },
        Refusal {
            request: req("POST", "/signup", Some("text/plain"), GOOD_SIGNUP),
            status: 415,
            path: "/signup",
            report: None,
        },
        Refusal {
            request: req("POST", "/signup", None, GOOD_SIGNUP),
            status: 415,
            path: "/signup",
            report: None,
        },
        Refusal {
            request: req("POST", "/small", JSON, &too_large),
            status: 413,
            path: "/small",
            report: None,
        },
        Refusal {
            request: req("POST", "/custom", JSON, invalid),
            status: 422,
            path: "/custom",
            report: Some(json_report(invalid)),
        },
        Refusal {
            request: req("GET", "/search?q=", None, ""),
            status: 422,
            path: "/search",
            report: de::from_query::<Search>("q=").err(),
        },
        Refusal {
            request: req("POST", "/login", FORM, "email=ada&password=short"),
            status: 422,
            path: "/login",
            report: de::from_form::<Login>(b"email=ada&password=short").err(),
        },
        Refusal {
            request: req("POST", "/login", JSON, GOOD_LOGIN),
            status: 415,
            path: "/login",
            report: None,
        },
        Refusal {
            request: req(
                "POST",
                "/small-login",
                FORM,
                &format!("{GOOD_LOGIN}{}", "a".repeat(64)),
            ),
            status: 413,
            path: "/small-login",
            report: None,
        },
    ]
}

async fn every_refusal_is_one_line_with_its_fields(server: impl Server, more: Vec<Refusal>) {
    for refusal in refusals().into_iter().chain(more) {
        let (answer, logs) = logged(&server, &refusal.request).await;
        let Refusal {
            request,
            status,
            path,
            report,
        } = refusal;
        assert_eq!(
            answer.status, status,
            "{} {}: {}",
            request.method, request.uri, answer.body
        );
        let errors = report.as_ref().map_or(0, Report::len);
        let message = report.map_or_else(|| answer.detail(), joined);
        assert_eq!(
            one_line(&logs),
            line(&message, status, request.method, path, errors)
        );
    }
}

#[tokio::test]
async fn axum_every_refusal_is_one_line_with_its_fields() {
    // axum's `ValidForm` reads the query string of a `GET`.
    let get_form = Refusal {
        request: req("GET", "/login?email=ada&password=short", None, ""),
        status: 422,
        path: "/login",
        report: de::from_query::<Login>("email=ada&password=short").err(),
    };
    every_refusal_is_one_line_with_its_fields(Axum, vec![get_form]).await;
}

#[actix_web::test]
async fn actix_every_refusal_is_one_line_with_its_fields() {
    every_refusal_is_one_line_with_its_fields(Actix, Vec::new()).await;
}

#[tokio::test]
async fn axum_a_report_line_reads_as_documented() {
    let body = r#"{"userName":"ab","password":"correct horse battery"}"#;
    let (answer, logs) = logged(&Axum, &req("POST", "/signup", JSON, body)).await;
    assert_eq!(answer.status, 422);
    assert_eq!(
        logs,
        " WARN validate_core::rejection: userName: length: must be between 3 and 32 characters (got \"ab\") status=422 method=POST path=/signup errors=1\n"
    );
}

async fn query_string_is_never_logged(server: impl Server) {
    const SECRET: &str = "sk_live_5ecret";
    let query = format!("?token={SECRET}&api_key={SECRET}");
    let requests = [
        req(
            "POST",
            &format!("/signup{query}"),
            JSON,
            r#"{"userName":"A!","password":"x"}"#,
        ),
        req("POST", &format!("/signup{query}"), JSON, "{"),
        req("POST", &format!("/signup{query}"), None, GOOD_SIGNUP),
        req("GET", &format!("/search{query}&q="), None, ""),
        req(
            "POST",
            &format!("/login{query}"),
            FORM,
            "email=ada&password=x",
        ),
    ];
    for request in &requests {
        let (answer, logs) = logged(&server, request).await;
        assert!(answer.status >= 400, "{}", request.uri);
        let line = one_line(&logs);
        assert!(!line.contains(SECRET), "{line}");
        assert!(!line.contains('?') && !line.contains("token"), "{line}");
    }
}

#[tokio::test]
async fn axum_query_string_is_never_logged() {
    query_string_is_never_logged(Axum).await;
}

#[actix_web::test]
async fn actix_query_string_is_never_logged() {
    query_string_is_never_logged(Actix).await;
}

async fn sensitive_value_is_never_logged(server: impl Server) {
    const SECRET: &str = "hunter2";
    let requests = [
        req(
            "POST",
            "/signup",
            JSON,
            &json!({"userName": "ada", "password": SECRET}).to_string(),
        ),
        req(
            "POST",
            "/login",
            FORM,
            &format!("email=ada%40example.com&password={SECRET}"),
        ),
    ];
    for request in &requests {
        let (answer, logs) = logged(&server, request).await;
        assert_eq!(answer.status, 422);
        let line = one_line(&logs);
        assert!(line.contains("password: length: "), "{line}");
        assert!(!line.contains(SECRET), "{line}");
    }
}

#[tokio::test]
async fn axum_sensitive_value_is_never_logged() {
    sensitive_value_is_never_logged(Axum).await;
}

#[actix_web::test]
async fn actix_sensitive_value_is_never_logged() {
    sensitive_value_is_never_logged(Actix).await;
}

/// Text with a newline, a CRLF, both Unicode separators, a bidi override and isolate.
const HOSTILE: &str = "a\nFAKE WARN x\r\nb\u{2028}c\u{2029}d\u{202e}e\u{2066}f";

async fn hostile_input_stays_on_one_line(server: impl Server) {
    let megabyte = "\n\u{2028}".repeat(1 << 18);
    let tags: Vec<String> = (0..150).map(|_| format!("{HOSTILE}tag")).collect();
    let query = format!("/search?q={}", "%0A%E2%80%A8%E2%80%AE".repeat(20));
    let requests = [
        req(
            "POST",
            "/signup",
            JSON,
            &json!({"userName": HOSTILE, "password": HOSTILE}).to_string(),
        ),
        req(
            "POST",
            "/signup",
            JSON,
            &json!({"userName": megabyte, "password": "x"}).to_string(),
        ),
        req(
            "POST",
            "/signup",
            JSON,
            &json!({"userName": "ada", "password": "x", "labels": {HOSTILE: "x"}}).to_string(),
        ),
        req(
            "POST",
            "/signup",
            JSON,
            &json!({"userName": "ada", "labels": {HOSTILE: 1}}).to_string(),
        ),
        req(
            "POST",
            "/signup",
            JSON,
            &json!({"userName": "ada", "password": "x", "tags": tags}).to_string(),
        ),
        req(
            "POST",
            "/signup",
            JSON,
            &format!("{{\"userName\":\"{HOSTILE}"),
        ),
        req("GET", &query, None, ""),
        req(
            "POST",
            "/login",
            FORM,
            "email=a%0Ab%E2%80%A8c%E2%80%AE&password=x%0Ay",
        ),
    ];
    let mut lines = Vec::new();
    for request in &requests {
        let (answer, logs) = logged(&server, request).await;
        assert!(answer.status >= 400, "{}", answer.body);
        let line = one_line(&logs).to_owned();
        assert!(line.len() < 20_000, "{} bytes", line.len());
        lines.push(line);
    }
    let escaped = r#"a\nFAKE WARN x\r\nb\u{2028}c\u{2029}d\u{202e}e\u{2066}f"#;
    assert!(lines[0].contains("userName: pattern: "), "{}", lines[0]);
    assert!(lines[0].contains(escaped), "{}", lines[0]);
    // Once, for the user name: the password is `sensitive`.
    assert_eq!(lines[0].matches("FAKE").count(), 1, "{}", lines[0]);
    assert!(lines[1].contains("…(+"), "{}", lines[1]);
    assert!(
        lines[2].contains(&format!("labels[\"{escaped}\"][key]: length")),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains(&format!("labels[\"{escaped}\"]: ")),
        "{}",
        lines[3]
    );
    assert!(
        lines[4].ends_with(" status=422 method=POST path=/signup errors=100"),
        "{}",
        lines[4]
    );
    assert!(lines[4].contains("); (at least "), "{}", lines[4]);
    assert!(lines[5].contains(" status=400 "), "{}", lines[5]);
    assert!(!lines[5].contains("FAKE"), "{}", lines[5]);
    assert!(
        lines[6]
            .contains(r#"q: length: must be between 1 and 50 characters (got "\n\u{2028}\u{202e}"#),
        "{}",
        lines[6]
    );
    assert!(
        lines[7].contains(
            r#"email: email: must be a valid email address (got "a\nb\u{2028}c\u{202e}")"#
        ),
        "{}",
        lines[7]
    );
}

#[tokio::test]
async fn axum_hostile_input_stays_on_one_line() {
    hostile_input_stays_on_one_line(Axum).await;
}

#[actix_web::test]
async fn actix_hostile_input_stays_on_one_line() {
    hostile_input_stays_on_one_line(Actix).await;
}

/// The logged `path` of a refused `POST` to `uri`.
async fn logged_path(server: &impl Server, uri: &str) -> String {
    let (answer, logs) = logged(server, &req("POST", uri, JSON, "{}")).await;
    assert_eq!(answer.status, 422, "{uri}");
    let line = one_line(&logs);
    let fields = &line[line.rfind(" status=").unwrap()..];
    let path = fields.split(" path=").nth(1).unwrap();
    path.split(" errors=").next().unwrap().to_owned()
}

async fn path_is_logged_as_sent_and_never_decoded(server: impl Server) {
    let encoded = "/a%0Ab%E2%80%A8c%E2%80%AEd%0D%0A%20WARN";
    assert_eq!(logged_path(&server, encoded).await, encoded);
    let long = format!("/{}", "%0A".repeat(20_000));
    let path = logged_path(&server, &long).await;
    assert_eq!(
        path,
        format!("{}…(+{} bytes)", &long[..512], long.len() - 512)
    );
}

#[tokio::test]
async fn axum_path_is_logged_as_sent_and_never_decoded() {
    path_is_logged_as_sent_and_never_decoded(Axum).await;
    // The `http` crate of axum lets raw UTF-8 into a path: it is logged percent-encoded.
    let raw = "/a\u{2028}b\u{202e}c\u{2066}d";
    assert_eq!(
        logged_path(&Axum, raw).await,
        "/a%E2%80%A8b%E2%80%AEc%E2%81%A6d"
    );
}

#[actix_web::test]
async fn actix_path_is_logged_as_sent_and_never_decoded() {
    path_is_logged_as_sent_and_never_decoded(Actix).await;
}

async fn success_logs_nothing(server: impl Server) {
    let requests = [
        req("POST", "/signup", JSON, GOOD_SIGNUP),
        req("POST", "/custom", JSON, GOOD_SIGNUP),
        req("GET", "/search?q=rust&token=x", None, ""),
        req("POST", "/login", FORM, GOOD_LOGIN),
    ];
    for request in &requests {
        let (answer, logs) = logged(&server, request).await;
        assert_eq!(answer.status, 200, "{}: {}", request.uri, answer.body);
        assert_eq!(logs, "", "{}", request.uri);
    }
}

#[tokio::test]
async fn axum_success_logs_nothing() {
    success_logs_nothing(Axum).await;
    let (answer, logs) = logged(
        &Axum,
        &req("GET", &format!("/login?{GOOD_LOGIN}"), None, ""),
    )
    .await;
    assert_eq!((answer.status, logs.as_str()), (200, ""));
}

#[actix_web::test]
async fn actix_success_logs_nothing() {
    success_logs_nothing(Actix).await;
}

#[tokio::test]
async fn rocket_every_refusal_is_one_line_with_its_fields() {
    every_refusal_is_one_line_with_its_fields(Rocket, Vec::new()).await;
}

#[tokio::test]
async fn warp_every_refusal_is_one_line_with_its_fields() {
    every_refusal_is_one_line_with_its_fields(Warp, Vec::new()).await;
}

#[tokio::test]
async fn rocket_and_warp_never_log_the_query_string() {
    query_string_is_never_logged(Rocket).await;
    query_string_is_never_logged(Warp).await;
}

#[tokio::test]
async fn rocket_and_warp_never_log_a_sensitive_value() {
    sensitive_value_is_never_logged(Rocket).await;
    sensitive_value_is_never_logged(Warp).await;
}

#[tokio::test]
async fn rocket_and_warp_keep_hostile_input_on_one_line() {
    hostile_input_stays_on_one_line(Rocket).await;
    hostile_input_stays_on_one_line(Warp).await;
}

#[tokio::test]
async fn rocket_and_warp_log_the_path_as_sent() {
    path_is_logged_as_sent_and_never_decoded(Rocket).await;
    path_is_logged_as_sent_and_never_decoded(Warp).await;
}

#[tokio::test]
async fn rocket_and_warp_log_nothing_on_success() {
    success_logs_nothing(Rocket).await;
    success_logs_nothing(Warp).await;
}

/// A warp filter's rejection lets warp try the next route: logged only when `recover` answers
/// it, so a request that another route serves logs nothing.
#[tokio::test]
async fn warp_logs_only_the_refusals_it_answers() {
    use warp::Filter;
    let login = warp::post()
        .and(warp::path!("login"))
        .and(
            validate_core::warp::json::<Login>()
                .or(validate_core::warp::form::<Login>())
                .unify(),
        )
        .map(|login: Login| login.email)
        .recover(validate_core::warp::recover);
    for (content_type, body, status, lines) in [
        ("application/x-www-form-urlencoded", GOOD_LOGIN, 200, 0),
        ("application/x-www-form-urlencoded", "email=ada", 422, 1),
    ] {
        let buffer = Buffer::default();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(buffer.clone())
            .with_ansi(false)
            .without_time()
            .finish();
        let response = {
            let _guard = tracing::subscriber::set_default(subscriber);
            warp::test::request()
                .method("POST")
                .path("/login")
                .header("content-type", content_type)
                .body(body)
                .reply(&login)
                .await
        };
        assert_eq!(response.status().as_u16(), status, "{body}");
        let logs = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
        assert_eq!(logs.lines().count(), lines, "{logs}");
    }
}
