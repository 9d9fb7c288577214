//! A signup endpoint in warp: the `json` filter deserializes, normalizes and validates the body,
//! and the handler only ever sees a valid request. Bad requests get an RFC 9457 problem body,
//! byte for byte the one the axum example sends, from `recover`.
//!
//! Run with `cargo run -p validate-examples --example warp_signup`, then (see the README):
//!
//! ```text
//! curl -i http://127.0.0.1:3004/signup -H 'content-type: application/json' \
//!   -d '{"userName":" Ａｄａ_Lovelace ","email":"ADA@example.com","password":"correct horse battery","passwordConfirmation":"correct horse battery","age":36,"tags":[" Math "],"address":{"street":" 1 Main St ","zip":"12345"}}'
//! ```

use validate_examples::signup::{Account, SignupRequest};
use warp::Filter;
use warp::http::StatusCode;

fn signup(request: SignupRequest) -> impl warp::Reply {
    // Every rule passed, and the fields are normalized: store them as they are.
    let account = Account::from(request);
    warp::reply::with_status(warp::reply::json(&account), StatusCode::CREATED)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let routes = warp::post()
        .and(warp::path!("signup"))
        .and(validate_core::warp::json::<SignupRequest>())
        .map(signup)
        .recover(validate_core::warp::recover);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3004").await?;
    println!("listening on http://{}", listener.local_addr()?);
    warp::serve(routes).incoming(listener).run().await;
    Ok(())
}
