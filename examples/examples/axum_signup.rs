//! A signup endpoint in axum: `ValidJson` deserializes, normalizes and validates the body, and the
//! handler only ever sees a valid request. Bad requests get an RFC 9457 problem body.
//!
//! Run with `cargo run -p validate-examples --example axum_signup`, then (see the README):
//!
//! ```text
//! curl -i http://127.0.0.1:3000/signup -H 'content-type: application/json' \
//!   -d '{"userName":" Ａｄａ_Lovelace ","email":"ADA@example.com","password":"correct horse battery","passwordConfirmation":"correct horse battery","age":36,"tags":[" Math "],"address":{"street":" 1 Main St ","zip":"12345"}}'
//! ```

use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use validate_core::Validate;
use validate_core::axum::ValidJson;

#[derive(Debug, Deserialize, Validate)]
pub struct Address {
    #[normalize(trim, collapse_whitespace)]
    #[validate(length(min = 1, max = 100), no_control)]
    pub street: String,

    #[normalize(trim)]
    #[validate(pattern = "[0-9]{5}")]
    pub zip: String,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct SignupRequest {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    pub user_name: String,

    #[normalize(trim, lowercase)]
    #[validate(email)]
    pub email: String,

    #[validate(length(min = 12, max = 128), sensitive)]
    pub password: String,

    #[validate(must_match(password), sensitive)]
    pub password_confirmation: String,

    #[validate(range(min = 13, max = 130))]
    pub age: Option<u8>,

    #[validate(url(schemes("https")))]
    pub website: Option<String>,

    #[normalize(each(trim, lowercase))]
    #[validate(
        length(max = 10),
        each(length(min = 1, max = 20), chars(ascii_lowercase, ascii_digit, "-"))
    )]
    #[serde(default)]
    pub tags: Vec<String>,

    #[validate(nested)]
    pub address: Address,
}

/// What the server answers: the account as it was stored, in canonical form.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Account {
    user_name: String,
    email: String,
    tags: Vec<String>,
}

async fn signup(ValidJson(request): ValidJson<SignupRequest>) -> (StatusCode, Json<Account>) {
    // Every rule passed, and the fields are normalized: store them as they are.
    let account = Account {
        user_name: request.user_name,
        email: request.email,
        tags: request.tags,
    };
    (StatusCode::CREATED, Json(account))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let app = Router::new().route("/signup", post(signup));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
