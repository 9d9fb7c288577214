//! The extractors run the context and async rules: axum takes the context from the router state
//! (`FromRef`), actix-web from `web::Data<C>`, rocket from its managed state (500 when it is
//! missing), warp from `Filters::with_context`; the lookups query a real SQLite database through
//! sqlx, with bound parameters. A type without a context keeps working with any state.

use actix_web::{App, HttpResponse, test, web};
use axum::Router;
use axum::body::Body;
use axum::extract::FromRef;
use axum::http::Request;
use axum::routing::{get, post};
use http_body_util::BodyExt as _;
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::SqlitePool;
use sqlx::sqlite::SqlitePoolOptions;
use tower::ServiceExt as _;
use validate_core::{Error, Validate};

#[derive(Clone)]
struct Accounts {
    pool: SqlitePool,
}

async fn accounts() -> Accounts {
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    sqlx::query("CREATE TABLE accounts (user_name TEXT PRIMARY KEY)")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO accounts (user_name) VALUES (?)")
        .bind("grace")
        .execute(&pool)
        .await
        .unwrap();
    Accounts { pool }
}

#[allow(clippy::ptr_arg)] // `async_custom` passes the field as it is.
async fn name_is_free(name: &String, accounts: &Accounts) -> Result<(), Error> {
    let count = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM accounts WHERE user_name = ?")
        .bind(name)
        .fetch_one(&accounts.pool)
        .await
        .map_err(|_| Error::unavailable())?;
    if count == 0 {
        Ok(())
    } else {
        Err(Error::new("taken").with_message("is taken"))
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Accounts)]
struct Signup {
    #[normalize(trim, lowercase)]
    #[validate(length(min = 3, max = 32), async_custom(name_is_free))]
    user_name: String,
    #[validate(email)]
    email: String,
}

/// No context: works with any state, as before.
#[derive(Debug, Deserialize, Validate)]
struct Search {
    #[validate(length(min = 1))]
    q: String,
}

/// A request body, the status it gets, and the paths and codes of its errors.
type Case = (Value, u16, Vec<(&'static str, &'static str)>);

/// The requests both frameworks answer, and what each must answer.
fn cases() -> Vec<Case> {
    vec![
        (
            json!({"userName": " Ada ", "email": "ada@example.com"}),
            200,
            vec![],
        ),
        (
            json!({"userName": "GRACE", "email": "grace@example.com"}),
            422,
            vec![("userName", "taken")],
        ),
        (
            json!({"userName": "grace", "email": "nope"}),
            422,
            vec![("userName", "taken"), ("email", "email")],
        ),
        // Too short: no lookup, only the length error.
        (
            json!({"userName": "gr", "email": "gr@example.com"}),
            422,
            vec![("userName", "length")],
        ),
    ]
}

fn codes(body: &[u8]) -> Vec<(String, String)> {
    let body: Value = serde_json::from_slice(body).unwrap();
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().into(),
                e["code"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn expected(errors: &[(&str, &str)]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(p, c)| ((*p).into(), (*c).into()))
        .collect()
}

/// The router's state holds more than the context; `FromRef` picks it.
#[derive(Clone)]
struct AppState {
    accounts: Accounts,
    #[allow(dead_code)]
    name: &'static str,
}

impl FromRef<AppState> for Accounts {
    fn from_ref(state: &AppState) -> Accounts {
        state.accounts.clone()
    }
}

#[tokio::test]
async fn axum_takes_the_context_from_the_router_state() {
    use validate_core::axum::{ValidJson, ValidQuery};
    async fn signup(ValidJson(signup): ValidJson<Signup>) -> String {
        signup.user_name
    }
    async fn search(ValidQuery(search): ValidQuery<Search>) -> String {
        search.q
    }
    let state = AppState {
        accounts: accounts().await,
        name: "test",
    };
    let app = Router::new()
        .route("/signup", post(signup))
        .route("/search", get(search))
        .with_state(state.clone());
    for (body, status, errors) in cases() {
        let request = Request::post("/signup")
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{body}");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        if status == 200 {
            assert_eq!(&bytes[..], b"ada");
        } else {
            assert_eq!(codes(&bytes), expected(&errors), "{body}");
        }
    }
    let response = app
        .clone()
        .oneshot(Request::get("/search?q=").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);

    // The database goes down: 503.
    state.accounts.pool.close().await;
    let request = Request::post("/signup")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"userName":"alan","email":"nope"}"#))
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status().as_u16(), 503);
}

#[actix_web::test]
async fn actix_takes_the_context_from_app_data() {
    use validate_core::actix::{ValidJson, ValidQuery};
    async fn signup(ValidJson(signup): ValidJson<Signup>) -> HttpResponse {
        HttpResponse::Ok().body(signup.user_name)
    }
    async fn search(ValidQuery(search): ValidQuery<Search>) -> HttpResponse {
        HttpResponse::Ok().body(search.q)
    }
    let accounts = accounts().await;
    let app = test::init_service(
        App::new()
            .app_data(web::Data::new(accounts.clone()))
            .route("/signup", web::post().to(signup))
            .route("/search", web::get().to(search)),
    )
    .await;
    for (body, status, errors) in cases() {
        let request = test::TestRequest::post()
            .uri("/signup")
            .set_json(&body)
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), status, "{body}");
        let bytes = test::read_body(response).await;
        if status == 200 {
            assert_eq!(&bytes[..], b"ada");
        } else {
            assert_eq!(codes(&bytes), expected(&errors), "{body}");
        }
    }
    let request = test::TestRequest::get().uri("/search?q=ok").to_request();
    assert_eq!(
        test::call_service(&app, request).await.status().as_u16(),
        200
    );
}

#[actix_web::test]
async fn actix_without_the_context_is_a_500_that_says_what_to_register() {
    use validate_core::actix::ValidJson;
    async fn signup(ValidJson(signup): ValidJson<Signup>) -> HttpResponse {
        HttpResponse::Ok().body(signup.user_name)
    }
    let app = test::init_service(App::new().route("/signup", web::post().to(signup))).await;
    let request = test::TestRequest::post()
        .uri("/signup")
        .set_json(json!({"userName": "ada", "email": "ada@example.com"}))
        .to_request();
    let response = test::call_service(&app, request).await;
    assert_eq!(response.status().as_u16(), 500);
    let body: Value = serde_json::from_slice(&test::read_body(response).await).unwrap();
    assert_eq!(body["status"], 500);
    let detail = body["detail"].as_str().unwrap();
    assert!(
        detail.contains("Accounts") && detail.contains("App::app_data(web::Data::new(..))"),
        "{detail}"
    );
}

mod rocket_side {
    use rocket::{get, post, routes};
    use validate_core::rocket::{ValidJson, ValidQuery, catchers};

    use super::{Search, Signup};

    #[post("/signup", data = "<signup>")]
    fn signup(signup: ValidJson<Signup>) -> String {
        signup.0.user_name
    }

    #[get("/search")]
    fn search(search: ValidQuery<Search>) -> String {
        search.0.q
    }

    pub fn rocket() -> rocket::Rocket<rocket::Build> {
        let config = rocket::Config {
            log_level: rocket::config::LogLevel::Off,
            ..rocket::Config::debug_default()
        };
        rocket::custom(config)
            .mount("/", routes![signup, search])
            .register("/", catchers())
    }
}

#[tokio::test]
async fn rocket_takes_the_context_from_managed_state() {
    use rocket::http::ContentType;
    use rocket::local::asynchronous::Client;
    let accounts = accounts().await;
    let client = Client::untracked(rocket_side::rocket().manage(accounts.clone()))
        .await
        .unwrap();
    for (body, status, errors) in cases() {
        let response = client
            .post("/signup")
            .header(ContentType::JSON)
            .body(body.to_string())
            .dispatch()
            .await;
        assert_eq!(response.status().code, status, "{body}");
        let bytes = response.into_bytes().await.unwrap();
        if status == 200 {
            assert_eq!(&bytes[..], b"ada");
        } else {
            assert_eq!(codes(&bytes), expected(&errors), "{body}");
        }
    }
    let response = client.get("/search?q=").dispatch().await;
    assert_eq!(response.status().code, 422);

    // The database goes down: 503.
    accounts.pool.close().await;
    let response = client
        .post("/signup")
        .header(ContentType::JSON)
        .body(r#"{"userName":"alan","email":"nope"}"#)
        .dispatch()
        .await;
    assert_eq!(response.status().code, 503);
    assert_eq!(
        response.headers().get_one("content-type"),
        Some("application/problem+json")
    );
}

#[tokio::test]
async fn rocket_without_the_context_is_the_same_500() {
    use rocket::http::ContentType;
    use rocket::local::asynchronous::Client;
    let client = Client::untracked(rocket_side::rocket()).await.unwrap();
    let response = client
        .post("/signup")
        .header(ContentType::JSON)
        .body(r#"{"userName":"ada","email":"ada@example.com"}"#)
        .dispatch()
        .await;
    assert_eq!(response.status().code, 500);
    let rocket_body = response.into_bytes().await.unwrap();

    use validate_core::actix::ValidJson;
    async fn signup(ValidJson(signup): ValidJson<Signup>) -> HttpResponse {
        HttpResponse::Ok().body(signup.user_name)
    }
    let app = test::init_service(App::new().route("/signup", web::post().to(signup))).await;
    let request = test::TestRequest::post()
        .uri("/signup")
        .set_json(json!({"userName": "ada", "email": "ada@example.com"}))
        .to_request();
    let actix_body = test::read_body(test::call_service(&app, request).await).await;
    assert_eq!(rocket_body, actix_body);
}

#[tokio::test]
async fn warp_takes_the_context_from_filters() {
    use std::sync::Arc;
    use validate_core::warp::{Filters, query, recover};
    use warp::Filter;
    let accounts = Arc::new(accounts().await);
    let signup = warp::post()
        .and(warp::path!("signup"))
        .and(
            Filters::new()
                .with_context(Arc::clone(&accounts))
                .json::<Signup>(),
        )
        .map(|signup: Signup| signup.user_name);
    let search = warp::get()
        .and(warp::path!("search"))
        .and(query::<Search>())
        .map(|search: Search| search.q);
    let routes = signup.or(search).recover(recover);
    for (body, status, errors) in cases() {
        let response = warp::test::request()
            .method("POST")
            .path("/signup")
            .json(&body)
            .reply(&routes)
            .await;
        assert_eq!(response.status().as_u16(), status, "{body}");
        if status == 200 {
            assert_eq!(&response.body()[..], b"ada");
        } else {
            assert_eq!(codes(response.body()), expected(&errors), "{body}");
        }
    }
    let response = warp::test::request()
        .path("/search?q=")
        .reply(&routes)
        .await;
    assert_eq!(response.status().as_u16(), 422);

    // The database goes down: 503.
    accounts.pool.close().await;
    let response = warp::test::request()
        .method("POST")
        .path("/signup")
        .json(&json!({"userName": "alan", "email": "nope"}))
        .reply(&routes)
        .await;
    assert_eq!(response.status().as_u16(), 503);
}
