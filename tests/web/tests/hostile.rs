//! Hostile input can neither hurt nor leak: work bounded by the field's limits, reports bounded
//! to their first errors, no client value by any path, and the same answers from both
//! frameworks' extractors.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;
use serde_json::Value;
use validate_core::{Error, Report, Valid, Validate};

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Profile {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user_name: String,
    #[serde(default)]
    #[validate(keys(length(max = 4)), each(length(max = 4)))]
    labels: BTreeMap<String, String>,
}

fn profile_json(user_name: &str, labels: usize) -> String {
    let labels: BTreeMap<String, String> = (0..labels)
        .map(|i| (format!("k{i:05}"), "much too long".to_owned()))
        .collect();
    serde_json::json!({ "userName": user_name, "labels": labels }).to_string()
}

// ---------------------------------------------------------------------------------------------
// Bounded reports

#[test]
fn a_report_keeps_the_first_hundred_errors() {
    let body = profile_json("ada", 70_000);
    let report = serde_json::from_str::<Profile>(&body)
        .unwrap()
        .validate()
        .unwrap_err();
    assert_eq!(report.len(), Report::MAX_ERRORS);
    assert!(report.truncated());
    // The keys' failures come first (`keys(..)` is written first), each marked as the key's.
    assert_eq!(
        report.errors()[0].path().to_string(),
        r#"labels["k00000"][key]"#
    );
    assert_eq!(report.errors()[0].path().to_pointer(), "/labels/k00000");
    let json: Value = serde_json::to_value(&report).unwrap();
    assert_eq!(json["truncated"], true);
    assert_eq!(json["errors"].as_array().unwrap().len(), 100);
    let log = report.to_string();
    assert_eq!(
        log.lines().count(),
        101,
        "one line an error and the closing line"
    );
    assert!(
        log.ends_with("more errors left out: a report keeps the first 100)"),
        "{log}"
    );
}

static CHECKED: AtomicUsize = AtomicUsize::new(0);

fn counted(_: &String) -> Result<(), Error> {
    CHECKED.fetch_add(1, Ordering::Relaxed);
    Err(Error::new("counted"))
}

#[test]
fn a_full_report_stops_the_checks_of_a_collection() {
    #[derive(Validate)]
    struct Many {
        #[validate(each(custom(counted)))]
        items: Vec<String>,
    }
    CHECKED.store(0, Ordering::Relaxed);
    let many = Many {
        items: vec![String::new(); 70_000],
    };
    let report = many.validate().unwrap_err();
    assert_eq!(report.len(), 100);
    assert!(report.truncated());
    assert_eq!(CHECKED.load(Ordering::Relaxed), 101);
}

#[test]
fn nested_collections_stop_too() {
    #[derive(Debug, Deserialize, Validate)]
    struct Item {
        #[validate(range(min = 1))]
        quantity: u32,
    }
    #[derive(Debug, Deserialize, Validate)]
    struct Order {
        #[validate(nested)]
        items: Vec<Item>,
    }
    let items: Vec<Value> = (0..10_000)
        .map(|_| serde_json::json!({ "quantity": 0 }))
        .collect();
    let body = serde_json::json!({ "items": items }).to_string();
    let error = serde_json::from_str::<Valid<Order>>(&body).unwrap_err();
    let order: Order = serde_json::from_str(&body).unwrap();
    let report = order.validate().unwrap_err();
    assert_eq!(report.len(), 100);
    assert!(report.truncated());
    assert_eq!(report.errors()[99].path().to_string(), "items[99].quantity");
    assert!(
        error.to_string().ends_with("; and at least 1 more"),
        "{error}"
    );
}

#[test]
fn an_appended_report_keeps_the_bound() {
    let mut first = Report::new();
    let mut second = Report::new();
    for _ in 0..80 {
        first.push(validate_core::Path::root(), Error::new("a"), None);
        second.push(validate_core::Path::root(), Error::new("b"), None);
    }
    first.append(&validate_core::Path::root(), second);
    assert_eq!(first.len(), 100);
    assert_eq!(first.omitted(), 60);
    assert_eq!(first.errors()[99].code(), "b");
}

// ---------------------------------------------------------------------------------------------
// Both frameworks' extractors, driven with the same requests

mod web {
    use super::Profile;

    /// What a framework answered.
    #[derive(Debug, PartialEq)]
    pub struct Answer {
        pub status: u16,
        pub content_type: Option<String>,
        pub body: Vec<u8>,
    }

    impl Answer {
        pub fn json(&self) -> serde_json::Value {
            serde_json::from_slice(&self.body).expect("a JSON body")
        }
    }

    async fn profile_axum(
        validate_core::axum::ValidJson(profile): validate_core::axum::ValidJson<Profile>,
    ) -> String {
        profile.user_name
    }

    async fn profile_actix(
        validate_core::actix::ValidJson(profile): validate_core::actix::ValidJson<Profile>,
    ) -> String {
        profile.user_name
    }

    pub fn axum_app() -> axum::Router {
        axum::Router::new().route("/profile", axum::routing::post(profile_axum))
    }

    pub fn actix_routes(config: &mut actix_web::web::ServiceConfig) {
        config.route("/profile", actix_web::web::post().to(profile_actix));
    }

    /// `body` sent to `uri` with `headers` through axum's router.
    pub fn axum(uri: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Answer {
        use http_body_util::BodyExt as _;
        use tower::ServiceExt as _;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut request = axum::http::Request::post(uri);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            let request = request.body(axum::body::Body::from(body)).unwrap();
            let response = axum_app().oneshot(request).await.unwrap();
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            let body = response.into_body().collect().await.unwrap().to_bytes();
            Answer {
                status,
                content_type,
                body: body.to_vec(),
            }
        })
    }

    /// `body` sent to `uri` with `headers` through actix-web's test service.
    pub fn actix(uri: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Answer {
        use actix_web::{App, test};
        actix_web::rt::System::new().block_on(async {
            let app = test::init_service(App::new().configure(actix_routes)).await;
            let mut request = test::TestRequest::post().uri(uri);
            request = request.set_payload(body);
            for (name, value) in headers {
                request = request.insert_header((*name, *value));
            }
            let response = test::call_service(&app, request.to_request()).await;
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            Answer {
                status,
                content_type,
                body: test::read_body(response).await.to_vec(),
            }
        })
    }

    /// The answer of both frameworks, which must be the same.
    pub fn both(uri: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let from_axum = axum(uri, headers, body.to_vec());
        let from_actix = actix(uri, headers, body.to_vec());
        assert_eq!(
            from_axum,
            from_actix,
            "axum and actix-web answer differently: {} vs {}",
            String::from_utf8_lossy(&from_axum.body),
            String::from_utf8_lossy(&from_actix.body)
        );
        from_axum
    }

    pub const JSON: &[(&str, &str)] = &[("content-type", "application/json")];
}

#[test]
fn extractors_answer_a_flood_of_failures_with_a_bounded_body() {
    let body = profile_json("ada", 70_000);
    assert!(body.len() > 1_500_000);
    let answer = web::both("/profile", web::JSON, body.as_bytes());
    assert_eq!(answer.status, 422);
    assert!(answer.body.len() < 20_000, "{} bytes", answer.body.len());
    let json = answer.json();
    assert_eq!(json["errors"].as_array().unwrap().len(), 100);
    assert_eq!(json["truncated"], true);
    assert_eq!(json["detail"], "the request has more than 100 errors");
}

// ---------------------------------------------------------------------------------------------
// Status codes

#[test]
fn invalid_utf8_inside_a_string_is_malformed() {
    let body = b"{\"userName\":\"ad\xff\"}";
    let answer = web::both("/profile", web::JSON, body);
    assert_eq!(answer.status, 400);
    assert_eq!(
        answer.json()["detail"],
        "the request body is not valid JSON: invalid UTF-8 at line 1 column 16"
    );
    // Inside a value serde would skip, too.
    let body = b"{\"userName\":\"ada\",\"extra\":\"\xc3\x28\"}";
    assert_eq!(web::both("/profile", web::JSON, body).status, 400);
}

#[test]
fn an_announced_length_over_the_limit_is_refused_at_once() {
    let headers = &[
        ("content-type", "application/json"),
        ("content-length", "3000000000"),
    ];
    let answer = web::both("/profile", headers, b"{}");
    assert_eq!(answer.status, 413);
    assert_eq!(answer.json()["detail"], "the request body is too large");
}

/// Over a real socket: the servers answer 413 to the headers alone, without waiting for a body
/// the client never sends.
#[test]
fn real_servers_refuse_an_announced_length_without_reading() {
    use std::io::{Read, Write};
    use std::time::Duration;

    fn ask(address: std::net::SocketAddr) -> String {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
            .write_all(
                b"POST /profile HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n\
                  content-length: 3000000000\r\n\r\n{",
            )
            .unwrap();
        let mut answer = [0; 12];
        stream
            .read_exact(&mut answer)
            .expect("an answer within 10 s");
        String::from_utf8_lossy(&answer).into_owned()
    }

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = listener.local_addr().unwrap();
    runtime.spawn(async move { axum::serve(listener, web::axum_app()).await });
    assert_eq!(ask(address), "HTTP/1.1 413");

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            actix_web::HttpServer::new(|| actix_web::App::new().configure(web::actix_routes))
                .workers(1)
                .listen(listener)
                .unwrap()
                .run()
                .await
        })
    });
    assert_eq!(ask(address), "HTTP/1.1 413");
}

// ---------------------------------------------------------------------------------------------
// Client bytes in paths: cut, escaped, hidden under `sensitive`

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(default)]
    #[validate(keys(length(max = 4)))]
    labels: BTreeMap<String, u32>,
    #[serde(default)]
    #[validate(keys(length(max = 4)), sensitive)]
    secrets: BTreeMap<String, u32>,
}

fn settings_errors(body: &str) -> Vec<(String, String, String)> {
    let failure = validate_core::de::from_json::<Settings>(body.as_bytes()).unwrap_err();
    let report = failure.report().expect("a report").clone();
    let log = report.to_string();
    let json = serde_json::to_value(&report).unwrap();
    json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                e["pointer"].as_str().unwrap().to_owned(),
                log.clone(),
            )
        })
        .collect()
}

#[test]
fn a_long_key_is_cut_in_path_pointer_and_log() {
    let key = "k".repeat(1_000_000);
    let shown = format!("{}…", "k".repeat(64));
    // A rule error at the key, and a shape error below it.
    for value in ["1", "\"x\""] {
        let body = format!(r#"{{"labels":{{"{key}":{value}}}}}"#);
        let errors = settings_errors(&body);
        assert_eq!(errors.len(), 1);
        let (path, pointer, log) = &errors[0];
        assert!(path.starts_with("labels"), "{path}");
        assert!(path.contains(&shown) && path.len() < 100, "{path}");
        assert_eq!(pointer, &format!("/labels/{shown}"));
        assert!(log.len() < 300, "{} bytes of log", log.len());
    }
    // An unknown field.
    let body = format!(r#"{{"{key}":1}}"#);
    let (path, pointer, _) = &settings_errors(&body)[0];
    assert_eq!(path, &shown);
    assert_eq!(pointer, &format!("/{shown}"));
}

#[test]
fn a_key_of_nuls_and_bidi_controls_is_escaped() {
    let body = format!(
        r#"{{"labels":{{"{}":1,"ab\u202ecd":1}}}}"#,
        "\\u0000".repeat(1_000_000)
    );
    let failure = validate_core::de::from_json::<Settings>(body.as_bytes()).unwrap_err();
    let report = failure.report().unwrap();
    let json = serde_json::to_string(report).unwrap();
    assert!(json.len() < 2_000, "{} bytes", json.len());
    assert!(
        !json.contains('\u{202e}') && !json.contains("\\u0000"),
        "{json}"
    );
    assert_eq!(report.len(), 2);
    let pointer = report.errors()[1].path().to_pointer();
    assert_eq!(pointer, r"/labels/ab\u{202e}cd");
    assert!(report.to_string().contains(r#"labels["ab\u{202e}cd"]"#));
}

#[test]
fn a_sensitive_map_shows_no_key() {
    let secret = "correct-horse-battery-staple";
    // A rule error about the key, and a shape error for its value.
    for (value, at) in [("1", "secrets[…][key]"), ("\"x\"", "secrets[…]")] {
        let body = format!(r#"{{"secrets":{{"{secret}":{value}}}}}"#);
        let errors = settings_errors(&body);
        let (path, pointer, log) = &errors[0];
        assert_eq!(path, at);
        assert_eq!(pointer, "/secrets/…");
        assert!(!log.contains(secret), "{log}");
    }
}

#[test]
fn extractors_show_cut_keys_only() {
    let key = "\u{202e}".repeat(100_000);
    let body = format!(r#"{{"userName":"ada","labels":{{"{key}":"x"}}}}"#);
    let answer = web::both("/profile", web::JSON, body.as_bytes());
    assert_eq!(answer.status, 422);
    assert!(answer.body.len() < 2_000, "{} bytes", answer.body.len());
    let text = String::from_utf8(answer.body).unwrap();
    assert!(!text.contains('\u{202e}'), "{text}");
    assert!(text.contains(r"\\u{202e}…"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// `Valid<T>` lets no value through any deserializer

#[derive(Debug, Deserialize, Validate)]
struct Pin {
    #[validate(sensitive)]
    pin: u32,
}

#[derive(Debug, Deserialize, Validate)]
struct Choice {
    #[validate(custom(is_red), sensitive)]
    choice: Color,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Color {
    Red,
    Blue,
}

fn is_red(color: &Color) -> Result<(), Error> {
    (*color == Color::Red)
        .then_some(())
        .ok_or_else(|| Error::new("red"))
}

#[test]
fn serde_errors_of_valid_t_say_what_was_expected_only() {
    let cases: [(&str, Result<(), String>); 4] = [
        (
            "invalid type: expected u32",
            serde_json::from_str::<Valid<Pin>>(r#"{"pin":"secret-4321"}"#)
                .map(drop)
                .map_err(|e| e.to_string()),
        ),
        (
            "invalid type: expected u32",
            serde_json::from_str::<Valid<Pin>>(r#"{"pin":4321.5}"#)
                .map(drop)
                .map_err(|e| e.to_string()),
        ),
        (
            "unknown variant: expected `red` or `blue`",
            serde_json::from_str::<Valid<Choice>>(r#"{"choice":"secret-green"}"#)
                .map(drop)
                .map_err(|e| e.to_string()),
        ),
        (
            "invalid type: expected an integer",
            serde_urlencoded::from_str::<Valid<Pin>>("pin=secret-4321")
                .map(drop)
                .map_err(|e| e.to_string()),
        ),
    ];
    for (expected, result) in cases {
        let message = result.unwrap_err();
        assert!(message.starts_with(expected), "{message}");
        assert!(
            !message.contains("secret") && !message.contains("4321"),
            "{message}"
        );
    }
    // What the schema says stays.
    let message = serde_json::from_str::<Valid<Pin>>("{}")
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("missing field `pin`"), "{message}");
}

#[test]
fn framework_extractors_of_valid_t_echo_nothing() {
    use axum::extract::{Json, Path};
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;

    async fn by_path(Path(pin): Path<Valid<Pin>>) -> String {
        pin.pin.to_string()
    }
    async fn by_json(Json(pin): Json<Valid<Pin>>) -> String {
        pin.pin.to_string()
    }
    let app = axum::Router::new()
        .route("/pins/{pin}", axum::routing::get(by_path))
        .route("/pins", axum::routing::post(by_json));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let ask = |request: axum::http::Request<axum::body::Body>| {
        let app = app.clone();
        runtime.block_on(async move {
            let response = app.oneshot(request).await.unwrap();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            String::from_utf8(body.to_vec()).unwrap()
        })
    };
    let path = axum::http::Request::get("/pins/secret-4321")
        .body(axum::body::Body::empty())
        .unwrap();
    let json = axum::http::Request::post("/pins")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(r#"{"pin":"secret-4321"}"#))
        .unwrap();
    for answer in [ask(path), ask(json)] {
        assert!(
            !answer.contains("secret") && !answer.contains("4321"),
            "{answer}"
        );
    }

    let answer = actix_web::rt::System::new().block_on(async {
        use actix_web::{App, test, web};
        async fn by_json(pin: web::Json<Valid<Pin>>) -> String {
            pin.pin.to_string()
        }
        let app = test::init_service(App::new().route("/pins", web::post().to(by_json))).await;
        let request = test::TestRequest::post()
            .uri("/pins")
            .insert_header(("content-type", "application/json"))
            .set_payload(r#"{"pin":"secret-4321"}"#)
            .to_request();
        let response = test::call_service(&app, request).await;
        String::from_utf8(test::read_body(response).await.to_vec()).unwrap()
    });
    assert!(
        !answer.contains("secret") && !answer.contains("4321"),
        "{answer}"
    );
}

// ---------------------------------------------------------------------------------------------
// `pattern(path = ..)` with an unanchored regex

static WORD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\w+").unwrap());
static SHORT_OR_LONG: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new("ab|abcd").unwrap());

#[derive(Validate)]
struct Handle {
    #[validate(pattern(path = WORD))]
    word: String,
    #[validate(pattern(path = SHORT_OR_LONG))]
    code: String,
}

/// The anchored copy each rejection needs is built once and shared, across threads too; the
/// verdicts are full matches. (`linear`'s `rejections` group times it.)
#[test]
fn unanchored_static_patterns_give_full_match_verdicts() {
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                for _ in 0..1_000 {
                    let bad = Handle {
                        word: "abc!".into(),
                        code: "abc".into(),
                    };
                    let codes: Vec<_> = bad
                        .validate()
                        .unwrap_err()
                        .iter()
                        .map(|e| e.path().to_string())
                        .collect();
                    assert_eq!(codes, ["word", "code"]);
                    let good = Handle {
                        word: "abc_1".into(),
                        code: "abcd".into(),
                    };
                    assert!(good.validate().is_ok());
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// Normalizing bounded by the limit, through the extractors

/// 2 MB of U+FDFA, which NFKC expands 18-fold, in a field of at most 32 characters: one length
/// error from both frameworks, with the field left as it was (`linear`'s `hostile_body` times it).
#[test]
fn extractors_answer_an_expanding_field_with_its_length_error() {
    let body = format!(r#"{{"userName":"{}"}}"#, "\u{fdfa}".repeat(660_000));
    assert!(body.len() > 1_900_000 && body.len() < 2_000_000);
    let answer = web::both("/profile", web::JSON, body.as_bytes());
    assert_eq!(answer.status, 422);
    let json = answer.json();
    assert_eq!(json["errors"].as_array().unwrap().len(), 1);
    assert_eq!(json["errors"][0]["code"], "length");
    assert_eq!(json["errors"][0]["path"], "userName");
}
