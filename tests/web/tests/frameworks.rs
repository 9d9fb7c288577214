//! Every framework answers the same request with the same status, content type and bytes: one
//! table of requests sent to axum (`oneshot` on a `Router`), actix-web (`actix_web::test`),
//! poem (`Endpoint::get_response`), rocket (`local::asynchronous::Client`) and warp
//! (`warp::test::request`), each serving the same routes with its own extractors.

use serde::Deserialize;
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
    plan: Option<Plan>,
    #[validate(length(min = 8), sensitive)]
    password: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[derive(Debug, Deserialize, Validate)]
struct Search {
    #[validate(length(min = 1))]
    q: String,
    #[validate(range(max = 100))]
    page: Option<u32>,
}

/// The context of `Claim`: the names already taken.
#[derive(Clone)]
struct Taken(Vec<String>);

#[allow(clippy::ptr_arg)] // `async_custom` passes the field as it is.
async fn not_taken(name: &String, taken: &Taken) -> Result<(), Error> {
    if taken.0.contains(name) {
        Err(Error::new("taken").with_message("is taken"))
    } else {
        Ok(())
    }
}

#[derive(Debug, Deserialize, Validate)]
#[validate(context = Taken)]
struct Claim {
    #[validate(length(min = 3), async_custom(not_taken))]
    name: String,
}

#[derive(Debug, Deserialize, Validate)]
struct TicketId(#[validate(range(min = 1))] u64);

fn taken() -> Taken {
    Taken(vec!["grace".into()])
}

/// What the handlers answer: the value they were handed.
fn plan(signup: &Signup) -> String {
    let plan = match signup.plan {
        Some(Plan::Free) => "free",
        Some(Plan::Pro) => "pro",
        None => "none",
    };
    format!("{} {plan} {:?}", signup.user_name, signup.age)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framework {
    Axum,
    Actix,
    Poem,
    Rocket,
    Warp,
}

use Framework::{Actix, Axum, Poem, Rocket, Warp};

/// A request, the status every framework answers it with, and the frameworks that have no
/// extractor for it.
struct Row {
    method: &'static str,
    uri: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    status: u16,
    without: &'static [Framework],
}

const JSON: Option<&str> = Some("application/json");
const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
const GOOD: &str = r#"{"userName":" Ada ","email":"ada@example.com","age":36,"plan":"pro","password":"long enough"}"#;
/// Over every framework's default body limit (rocket's is 1 MiB for JSON and 32 KiB for forms,
/// actix-web's 16 kB for forms, the others' 2 MB).
const TOO_LARGE: usize = 3 * 1024 * 1024;

fn row(method: &'static str, uri: &str, content_type: Option<&'static str>, body: &str) -> Row {
    Row {
        method,
        uri: uri.into(),
        content_type,
        body: body.as_bytes().to_vec(),
        status: 200,
        without: &[],
    }
}

impl Row {
    fn status(mut self, status: u16) -> Row {
        self.status = status;
        self
    }

    fn without(mut self, frameworks: &'static [Framework]) -> Row {
        self.without = frameworks;
        self
    }
}

fn table() -> Vec<Row> {
    let too_large_json = format!(
        r#"{{"userName":"ada","email":"ada@example.com","password":"{}"}}"#,
        "x".repeat(TOO_LARGE)
    );
    let too_large_form = format!(
        "userName=ada&email=ada%40example.com&password={}",
        "x".repeat(TOO_LARGE)
    );
    vec![
        row("POST", "/signup", JSON, GOOD),
        // Rule failures, every one of them.
        row(
            "POST",
            "/signup",
            JSON,
            r#"{"userName":"a!","email":"nope","age":7,"password":"hunter2"}"#,
        )
        .status(422),
        // A missing field.
        row("POST", "/signup", JSON, r#"{"userName":"ada","email":"ada@example.com"}"#)
            .status(422),
        // A wrong type.
        row(
            "POST",
            "/signup",
            JSON,
            r#"{"userName":"ada","email":"ada@example.com","age":"abc","password":"long enough"}"#,
        )
        .status(422),
        // An unknown variant.
        row(
            "POST",
            "/signup",
            JSON,
            r#"{"userName":"ada","email":"ada@example.com","plan":"gold","password":"long enough"}"#,
        )
        .status(422),
        // Malformed JSON, and a body that is not UTF-8.
        row("POST", "/signup", JSON, r#"{"userName":"ada","#).status(400),
        Row {
            body: b"{\"userName\":\"ad\xff\"}".to_vec(),
            ..row("POST", "/signup", JSON, "").status(400)
        },
        // A wrong content type, and none.
        row("POST", "/signup", Some("text/plain"), GOOD).status(415),
        row("POST", "/signup", None, GOOD).status(415),
        row("POST", "/signup", JSON, &too_large_json).status(413),
        // Forms.
        row(
            "POST",
            "/login",
            FORM,
            "userName=Ada&email=ada%40example.com&password=long+enough",
        ),
        row(
            "POST",
            "/login",
            FORM,
            "userName=a%21&email=x&age=300&password=hunter2",
        )
        .status(422),
        row("POST", "/login", JSON, GOOD).status(415),
        row("POST", "/login", FORM, &too_large_form).status(413),
        // axum's and poem's `ValidForm` read the query string of a `GET`; the others' read the
        // body only, as the frameworks' own form extractors do.
        row(
            "GET",
            "/login?userName=ada&email=ada%40example.com&password=long+enough",
            None,
            "",
        )
        .without(&[Actix, Rocket, Warp]),
        // Queries.
        row("GET", "/search?q=rust&page=2", None, ""),
        row("GET", "/search?q=&page=abc", None, "").status(422),
        row("GET", "/search", None, "").status(422),
        // The context, with an async rule.
        row("POST", "/claim", JSON, r#"{"name":"alan"}"#),
        row("POST", "/claim", JSON, r#"{"name":"grace"}"#).status(422),
        // Path parameters: rocket and warp have no `ValidPath` (their own path matching forwards
        // or rejects a parameter that does not parse, before any extractor).
        row("GET", "/tickets/7", None, "").without(&[Rocket, Warp]),
        row("GET", "/tickets/0", None, "")
            .status(422)
            .without(&[Rocket, Warp]),
        row("GET", "/tickets/abc", None, "")
            .status(422)
            .without(&[Rocket, Warp]),
        row("GET", "/tickets/%E2%80%AEx", None, "")
            .status(422)
            .without(&[Rocket, Warp]),
    ]
}

/// Status, content type and body of one answer.
#[derive(Debug, PartialEq)]
struct Answer {
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
}

mod axum_side {
    use axum::body::Body;
    use axum::routing::{get, post};
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    use validate_core::axum::{ValidForm, ValidJson, ValidPath, ValidQuery};

    use super::{Answer, Claim, Row, Search, Signup, TicketId, plan, taken};

    async fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        plan(&signup)
    }
    async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        search.q
    }
    async fn login(ValidForm(login): ValidForm<Signup>) -> String {
        plan(&login)
    }
    async fn claim(ValidJson(claim): ValidJson<Claim>) -> String {
        claim.name
    }
    async fn ticket(ValidPath(TicketId(id)): ValidPath<TicketId>) -> String {
        id.to_string()
    }

    pub async fn send(rows: &[&Row]) -> Vec<Answer> {
        let app = axum::Router::new()
            .route("/signup", post(signup))
            .route("/search", get(search))
            .route("/login", get(login).post(login))
            .route("/claim", post(claim))
            .route("/tickets/{id}", get(ticket))
            .with_state(taken());
        let mut answers = Vec::new();
        for row in rows {
            let mut request = axum::http::Request::builder()
                .method(row.method)
                .uri(&row.uri);
            if let Some(content_type) = row.content_type {
                request = request.header("content-type", content_type);
            }
            let request = request.body(Body::from(row.body.clone())).unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            let body = response.into_body().collect().await.unwrap().to_bytes();
            answers.push(Answer {
                status,
                content_type,
                body: body.to_vec(),
            });
        }
        answers
    }
}

mod actix_side {
    use actix_web::{App, HttpResponse, test, web};
    use validate_core::actix::{ValidForm, ValidJson, ValidPath, ValidQuery};

    use super::{Answer, Claim, Row, Search, Signup, TicketId, plan, taken};

    async fn signup(ValidJson(signup): ValidJson<Signup>) -> HttpResponse {
        HttpResponse::Ok().body(plan(&signup))
    }
    async fn search(ValidQuery(search): ValidQuery<Search>) -> HttpResponse {
        HttpResponse::Ok().body(search.q)
    }
    async fn login(ValidForm(login): ValidForm<Signup>) -> HttpResponse {
        HttpResponse::Ok().body(plan(&login))
    }
    async fn claim(ValidJson(claim): ValidJson<Claim>) -> HttpResponse {
        HttpResponse::Ok().body(claim.name)
    }
    async fn ticket(ValidPath(TicketId(id)): ValidPath<TicketId>) -> HttpResponse {
        HttpResponse::Ok().body(id.to_string())
    }

    pub async fn send(rows: &[&Row]) -> Vec<Answer> {
        let app = test::init_service(
            App::new()
                .app_data(web::Data::new(taken()))
                .route("/signup", web::post().to(signup))
                .route("/search", web::get().to(search))
                .route("/login", web::post().to(login))
                .route("/claim", web::post().to(claim))
                .route("/tickets/{id}", web::get().to(ticket)),
        )
        .await;
        let mut answers = Vec::new();
        for row in rows {
            let mut request = test::TestRequest::default()
                .method(row.method.parse().unwrap())
                .uri(&row.uri);
            if let Some(content_type) = row.content_type {
                request = request.insert_header(("content-type", content_type));
            }
            let request = request.set_payload(row.body.clone()).to_request();
            let response = test::call_service(&app, request).await;
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            let body = test::read_body(response).await.to_vec();
            answers.push(Answer {
                status,
                content_type,
                body,
            });
        }
        answers
    }
}

mod poem_side {
    use poem::{Endpoint, EndpointExt as _, IntoResponse as _, handler};
    use validate_core::poem::{ValidForm, ValidJson, ValidPath, ValidQuery};

    use super::{Answer, Claim, Row, Search, Signup, TicketId, plan, taken};

    #[handler]
    fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        plan(&signup)
    }
    #[handler]
    fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        search.q
    }
    #[handler]
    fn login(ValidForm(login): ValidForm<Signup>) -> String {
        plan(&login)
    }
    #[handler]
    fn claim(ValidJson(claim): ValidJson<Claim>) -> String {
        claim.name
    }
    #[handler]
    fn ticket(ValidPath(TicketId(id)): ValidPath<TicketId>) -> String {
        id.to_string()
    }

    pub async fn send(rows: &[&Row]) -> Vec<Answer> {
        let app = poem::Route::new()
            .at("/signup", poem::post(signup))
            .at("/search", poem::get(search))
            .at("/login", poem::get(login).post(login))
            .at("/claim", poem::post(claim))
            .at("/tickets/:id", poem::get(ticket))
            .data(taken());
        let mut answers = Vec::new();
        for row in rows {
            let mut request = poem::Request::builder()
                .method(row.method.parse().unwrap())
                .uri(row.uri.parse().unwrap());
            if let Some(content_type) = row.content_type {
                request = request.content_type(content_type);
            }
            let response = app
                .get_response(request.body(row.body.clone()))
                .await
                .into_response();
            let status = response.status().as_u16();
            let content_type = response.content_type().map(str::to_owned);
            let body = response.into_body().into_vec().await.unwrap();
            answers.push(Answer {
                status,
                content_type,
                body,
            });
        }
        answers
    }
}

mod rocket_side {
    use rocket::http::Header;
    use rocket::local::asynchronous::Client;
    use rocket::{get, post, routes};
    use validate_core::rocket::{ValidForm, ValidJson, ValidQuery, catchers};

    use super::{Answer, Claim, Row, Search, Signup, plan, taken};

    #[post("/signup", data = "<signup>")]
    fn signup(signup: ValidJson<Signup>) -> String {
        plan(&signup)
    }
    #[get("/search")]
    fn search(search: ValidQuery<Search>) -> String {
        search.0.q
    }
    #[post("/login", data = "<login>")]
    fn login(login: ValidForm<Signup>) -> String {
        plan(&login)
    }
    #[post("/claim", data = "<claim>")]
    fn claim(claim: ValidJson<Claim>) -> String {
        claim.0.name
    }

    pub fn rocket() -> rocket::Rocket<rocket::Build> {
        let config = rocket::Config {
            log_level: rocket::config::LogLevel::Off,
            ..rocket::Config::debug_default()
        };
        rocket::custom(config)
            .mount("/", routes![signup, search, login, claim])
            .register("/", catchers())
            .manage(taken())
    }

    pub async fn send(rows: &[&Row]) -> Vec<Answer> {
        let client = Client::untracked(rocket()).await.unwrap();
        let mut answers = Vec::new();
        for row in rows {
            let mut request = client
                .req(row.method.parse().unwrap(), row.uri.as_str())
                .body(&row.body);
            if let Some(content_type) = row.content_type {
                request = request.header(Header::new("Content-Type", content_type));
            }
            let response = request.dispatch().await;
            let status = response.status().code;
            let content_type = response
                .headers()
                .get_one("Content-Type")
                .map(str::to_owned);
            let body = response.into_bytes().await.unwrap_or_default();
            answers.push(Answer {
                status,
                content_type,
                body,
            });
        }
        answers
    }
}

mod warp_side {
    use validate_core::warp::{Filters, form, json, query, recover};
    use warp::Filter;

    use super::{Answer, Claim, Row, Search, Signup, plan, taken};

    pub fn routes() -> impl Filter<Extract = (impl warp::Reply,), Error = warp::Rejection> + Clone {
        let signup = warp::post()
            .and(warp::path!("signup"))
            .and(json::<Signup>())
            .map(|signup: Signup| plan(&signup));
        let search = warp::get()
            .and(warp::path!("search"))
            .and(query::<Search>())
            .map(|search: Search| search.q);
        let login = warp::post()
            .and(warp::path!("login"))
            .and(form::<Signup>())
            .map(|login: Signup| plan(&login));
        let claim = warp::post()
            .and(warp::path!("claim"))
            .and(Filters::new().with_context(taken()).json::<Claim>())
            .map(|claim: Claim| claim.name);
        signup.or(search).or(login).or(claim).recover(recover)
    }

    pub async fn send(rows: &[&Row]) -> Vec<Answer> {
        let routes = routes();
        let mut answers = Vec::new();
        for row in rows {
            let mut request = warp::test::request()
                .method(row.method)
                .path(&row.uri)
                .body(&row.body);
            if let Some(content_type) = row.content_type {
                request = request.header("content-type", content_type);
            }
            let response = request.reply(&routes).await;
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            answers.push(Answer {
                status,
                content_type,
                body: response.into_body().to_vec(),
            });
        }
        answers
    }
}

async fn answers(framework: Framework, rows: &[&Row]) -> Vec<Answer> {
    match framework {
        Axum => axum_side::send(rows).await,
        Actix => actix_side::send(rows).await,
        Poem => poem_side::send(rows).await,
        Rocket => rocket_side::send(rows).await,
        Warp => warp_side::send(rows).await,
    }
}

fn describe(row: &Row) -> String {
    let body = String::from_utf8_lossy(&row.body);
    let shown: String = body.chars().take(80).collect();
    format!("{} {} {:?} {shown}", row.method, row.uri, row.content_type)
}

#[tokio::test]
async fn every_framework_answers_the_table_with_the_same_bytes() {
    let table = table();
    let all: Vec<&Row> = table.iter().collect();
    let reference = answers(Axum, &all).await;
    for (row, answer) in table.iter().zip(&reference) {
        assert_eq!(
            answer.status,
            row.status,
            "axum, {}: {}",
            describe(row),
            String::from_utf8_lossy(&answer.body)
        );
        if answer.status != 200 {
            assert_eq!(
                answer.content_type.as_deref(),
                Some("application/problem+json")
            );
            let text = String::from_utf8_lossy(&answer.body);
            for hidden in ["hunter2", "abc", "gold", "a!", "\u{202e}", "xxxx"] {
                assert!(!text.contains(hidden), "{}: {text}", describe(row));
            }
        }
    }
    assert_eq!(
        String::from_utf8_lossy(&reference[0].body),
        "ada pro Some(36)"
    );
    for framework in [Actix, Poem, Rocket, Warp] {
        let rows: Vec<&Row> = table
            .iter()
            .filter(|row| !row.without.contains(&framework))
            .collect();
        let got = answers(framework, &rows).await;
        assert_eq!(got.len(), rows.len());
        let expected = table
            .iter()
            .zip(&reference)
            .filter(|(row, _)| !row.without.contains(&framework));
        for ((row, expected), got) in expected.zip(&got) {
            // A handler's text answer has the framework's content type; its bytes are the same.
            let same = if got.status == 200 {
                (got.status, &got.body) == (expected.status, &expected.body)
            } else {
                got == expected
            };
            assert!(
                same,
                "{framework:?}, {}: {} {:?} {} (axum: {})",
                describe(row),
                got.status,
                got.content_type,
                String::from_utf8_lossy(&got.body),
                String::from_utf8_lossy(&expected.body),
            );
        }
    }
}

/// rocket's and warp's extractors read the body themselves: an announced `Content-Length` over
/// the limit is a 413 before any of it is read (the body sent is small and would pass).
#[tokio::test]
async fn an_announced_length_over_the_limit_is_refused_unread() {
    use rocket::http::{ContentType, Header};
    let client = rocket::local::asynchronous::Client::untracked(rocket_side::rocket())
        .await
        .unwrap();
    let response = client
        .post("/signup")
        .header(ContentType::JSON)
        .header(Header::new("Content-Length", "99999999"))
        .body(GOOD)
        .dispatch()
        .await;
    assert_eq!(response.status().code, 413);
    let rocket_body = response.into_bytes().await.unwrap();

    let response = warp::test::request()
        .method("POST")
        .path("/signup")
        .body(GOOD)
        .header("content-type", "application/json")
        .header("content-length", "99999999")
        .reply(&warp_side::routes())
        .await;
    assert_eq!(response.status().as_u16(), 413);
    assert_eq!(response.body().to_vec(), rocket_body);
    assert_eq!(
        String::from_utf8(rocket_body).unwrap(),
        r#"{"type":"about:blank","title":"Content Too Large","status":413,"detail":"the request body is too large","errors":[]}"#
    );
}
