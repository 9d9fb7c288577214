//! Rules that need the service: a sign-up whose user name and email must be free, checked
//! against a real SQLite database (in memory: nothing to install) inside validation, so that the
//! client gets one report with every problem, and a 503 when the database is down.
//!
//! Run with `cargo run -p validate-examples --example accounts`, then (see the README):
//!
//! ```sh
//! curl -s http://127.0.0.1:3002/signup -H 'content-type: application/json' \
//!   -d '{"userName":"grace","email":"grace@example.com","password":"correct horse battery staple"}'
//! curl -s -X DELETE http://127.0.0.1:3002/database   # the database goes down: 503 from now on
//! ```

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, post};
use axum::{Json, Router};
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::json;
use sqlx::SqlitePool;
use sqlx::sqlite::SqlitePoolOptions;
use validate_core::axum::ValidJson;
use validate_core::problem::Problem;
use validate_core::{Error, Validate};

/// What the rules read: the accounts database. The router's state, from which `ValidJson` takes
/// it (`FromRef`).
#[derive(Clone)]
pub struct Accounts {
    pool: SqlitePool,
}

impl Accounts {
    /// An empty database in memory.
    pub async fn open() -> Result<Self, sqlx::Error> {
        // One connection: each connection to `sqlite::memory:` is a database of its own.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await?;
        sqlx::query(
            "CREATE TABLE accounts (user_name TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE)",
        )
        .execute(&pool)
        .await?;
        Ok(Accounts { pool })
    }

    /// Whether `query` (one bound parameter, never a formatted string) counts a row for `value`;
    /// a database that does not answer within a second is unavailable, not the client's fault.
    async fn exists(&self, query: &'static str, value: &str) -> Result<bool, Error> {
        let count = sqlx::query_scalar::<_, i64>(query)
            .bind(value)
            .fetch_one(&self.pool);
        match tokio::time::timeout(Duration::from_secs(1), count).await {
            Ok(Ok(count)) => Ok(count > 0),
            Ok(Err(_)) | Err(_) => Err(Error::unavailable()),
        }
    }
}

fn taken(what: &'static str) -> Error {
    Error::new("taken").with_message(format!("this {what} is already taken"))
}

#[allow(clippy::ptr_arg)] // `async_custom` passes the field as it is.
async fn name_is_free(name: &String, accounts: &Accounts) -> Result<(), Error> {
    let query = "SELECT COUNT(*) FROM accounts WHERE user_name = ?";
    if accounts.exists(query, name).await? {
        Err(taken("user name"))
    } else {
        Ok(())
    }
}

#[allow(clippy::ptr_arg)]
async fn email_is_free(email: &String, accounts: &Accounts) -> Result<(), Error> {
    let query = "SELECT COUNT(*) FROM accounts WHERE email = ?";
    if accounts.exists(query, email).await? {
        Err(taken("email"))
    } else {
        Ok(())
    }
}

/// The tour's sign-up, with its lookups.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Accounts)]
pub struct SignupRequest {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(
        length(min = 3, max = 32),
        pattern = "[a-z0-9_]+",
        async_custom(name_is_free)
    )]
    pub user_name: String,

    #[normalize(trim, lowercase)]
    #[validate(email, async_custom(email_is_free))]
    pub email: String,

    #[normalize(nfkc)]
    #[validate(length(min = 12, max = 128), password(user_inputs(user_name, email)))]
    pub password: SecretString,
}

/// Every rule passed, the lookups included: store the account.
async fn signup(
    State(accounts): State<Accounts>,
    ValidJson(request): ValidJson<SignupRequest>,
) -> Response {
    let inserted = sqlx::query("INSERT INTO accounts (user_name, email) VALUES (?, ?)")
        .bind(&request.user_name)
        .bind(&request.email)
        .execute(&accounts.pool)
        .await;
    match inserted {
        Ok(_) => (
            StatusCode::CREATED,
            Json(json!({"userName": request.user_name, "email": request.email})),
        )
            .into_response(),
        // Taken between the lookup and the insert, or the database went down.
        Err(_) => problem(Problem::new(
            409,
            "the account could not be created; try again",
        )),
    }
}

/// Stands in for the database going down: every sign-up answers 503 from then on.
async fn close_database(State(accounts): State<Accounts>) -> StatusCode {
    accounts.pool.close().await;
    StatusCode::NO_CONTENT
}

fn problem(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status()).unwrap_or(StatusCode::CONFLICT);
    (
        status,
        [("content-type", validate_core::problem::CONTENT_TYPE)],
        problem.to_json(),
    )
        .into_response()
}

pub fn app(accounts: Accounts) -> Router {
    Router::new()
        .route("/signup", post(signup))
        .route("/database", delete(close_database))
        .with_state(accounts)
}

#[tokio::main]
async fn main() {
    let accounts = Accounts::open()
        .await
        .expect("an in-memory SQLite database");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3002")
        .await
        .expect("port 3002 is free");
    println!("listening on http://127.0.0.1:3002");
    axum::serve(listener, app(accounts))
        .await
        .expect("the server runs");
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt as _;
    use serde_json::{Value, json};
    use tower::ServiceExt as _;

    use super::{Accounts, app};

    async fn send(app: &axum::Router, method: &str, uri: &str, body: Value) -> (StatusCode, Value) {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, body)
    }

    fn codes(body: &Value) -> Vec<(String, String)> {
        body["errors"]
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

    const STRONG: &str = "correct horse battery staple";

    /// The README's requests, in its order, against one database.
    #[tokio::test]
    async fn the_readme_requests() {
        let app = app(Accounts::open().await.unwrap());

        // A free name: stored, normalized.
        let body = json!({"userName": " Grace ", "email": "Grace@Example.com", "password": STRONG});
        let (status, answer) = send(&app, "POST", "/signup", body).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
        assert_eq!(
            answer,
            json!({"userName": "grace", "email": "grace@example.com"})
        );

        // A taken one, in another spelling: the lookup sees the normalized value.
        let body = json!({"userName": "GRACE", "email": "hopper@example.com", "password": STRONG});
        let (status, answer) = send(&app, "POST", "/signup", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            codes(&answer),
            [("userName".to_owned(), "taken".to_owned())]
        );

        // Taken, and wrong elsewhere: one 422 with every error; no lookup of the bad email.
        let body = json!({"userName": "grace", "email": "grace@", "password": "hunter2"});
        let (status, answer) = send(&app, "POST", "/signup", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            codes(&answer),
            [
                ("userName".to_owned(), "taken".to_owned()),
                ("email".to_owned(), "email".to_owned()),
                ("password".to_owned(), "length".to_owned()),
                ("password".to_owned(), "password".to_owned()),
            ]
        );
        assert!(!answer.to_string().contains("hunter2"));

        // A quote in the email is data, bound as a parameter: the lookup and insert work.
        let body =
            json!({"userName": "obrien", "email": "o'brien@example.com", "password": STRONG});
        let (status, answer) = send(&app, "POST", "/signup", body).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");

        // The database goes down: the request cannot be judged, 503, whatever else failed.
        let (status, _) = send(&app, "DELETE", "/database", Value::Null).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let body = json!({"userName": "alan", "email": "alan@", "password": STRONG});
        let (status, answer) = send(&app, "POST", "/signup", body).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer["errors"], json!([]));
    }
}
