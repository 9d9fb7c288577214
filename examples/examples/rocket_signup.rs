//! A signup endpoint in rocket: the `ValidJson` data guard deserializes, normalizes and validates
//! the body, and the handler only ever sees a valid request. Bad requests get an RFC 9457 problem
//! body, byte for byte the one the axum example sends, written by the registered `catchers()`.
//!
//! Run with `cargo run -p validate-examples --example rocket_signup`, then (see the README):
//!
//! ```text
//! curl -i http://127.0.0.1:3003/signup -H 'content-type: application/json' \
//!   -d '{"userName":" Ａｄａ_Lovelace ","email":"ADA@example.com","password":"correct horse battery","passwordConfirmation":"correct horse battery","age":36,"tags":[" Math "],"address":{"street":" 1 Main St ","zip":"12345"}}'
//! ```

use rocket::http::{ContentType, Status};
use rocket::{post, routes};
use validate_core::rocket::{ValidJson, catchers};
use validate_examples::signup::{Account, SignupRequest};

#[post("/signup", data = "<request>")]
fn signup(request: ValidJson<SignupRequest>) -> (Status, (ContentType, String)) {
    // Every rule passed, and the fields are normalized: store them as they are.
    let ValidJson(request) = request;
    let account = Account::from(request);
    let body = serde_json::to_string(&account).expect("an account serializes");
    (Status::Created, (ContentType::JSON, body))
}

#[rocket::main]
async fn main() -> Result<(), Box<rocket::Error>> {
    let config = rocket::Config {
        address: std::net::Ipv4Addr::LOCALHOST.into(),
        port: 3003,
        ..rocket::Config::default()
    };
    rocket::custom(config)
        .mount("/", routes![signup])
        .register("/", catchers())
        .launch()
        .await?;
    Ok(())
}
