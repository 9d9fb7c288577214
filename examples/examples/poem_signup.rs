//! A signup endpoint in poem: `ValidJson` deserializes, normalizes and validates the body, and the
//! handler only ever sees a valid request. Bad requests get an RFC 9457 problem body, byte for
//! byte the one the axum example sends.
//!
//! Run with `cargo run -p validate-examples --example poem_signup`, then (see the README):
//!
//! ```text
//! curl -i http://127.0.0.1:3005/signup -H 'content-type: application/json' \
//!   -d '{"userName":" Ａｄａ_Lovelace ","email":"ADA@example.com","password":"correct horse battery","passwordConfirmation":"correct horse battery","age":36,"tags":[" Math "],"address":{"street":" 1 Main St ","zip":"12345"}}'
//! ```

use poem::http::StatusCode;
use poem::listener::TcpListener;
use poem::web::Json;
use poem::{Route, Server, handler, post};
use validate_core::poem::ValidJson;
use validate_examples::signup::{Account, SignupRequest};

#[handler]
fn signup(ValidJson(request): ValidJson<SignupRequest>) -> (StatusCode, Json<Account>) {
    // Every rule passed, and the fields are normalized: store them as they are.
    let account = Account::from(request);
    (StatusCode::CREATED, Json(account))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let app = Route::new().at("/signup", post(signup));
    println!("listening on http://127.0.0.1:3005");
    Server::new(TcpListener::bind("127.0.0.1:3005"))
        .run(app)
        .await
}
