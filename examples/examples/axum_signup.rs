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
use validate_core::axum::ValidJson;
use validate_examples::signup::{Account, SignupRequest};

async fn signup(ValidJson(request): ValidJson<SignupRequest>) -> (StatusCode, Json<Account>) {
    // Every rule passed, and the fields are normalized: store them as they are.
    let account = Account::from(request);
    (StatusCode::CREATED, Json(account))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let app = Router::new().route("/signup", post(signup));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
