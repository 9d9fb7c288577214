//! A signup endpoint in actix-web: `ValidJson` deserializes, normalizes and validates the body,
//! and the handler only ever sees a valid request. Bad requests get an RFC 9457 problem body,
//! byte for byte the one the axum example sends.
//!
//! Run with `cargo run -p validate-examples --example actix_signup`, then (see the README):
//!
//! ```text
//! curl -i http://127.0.0.1:3001/signup -H 'content-type: application/json' \
//!   -d '{"userName":" Ａｄａ_Lovelace ","email":"ADA@example.com","password":"correct horse battery","passwordConfirmation":"correct horse battery","age":36,"tags":[" Math "],"address":{"street":" 1 Main St ","zip":"12345"}}'
//! ```

use actix_web::{App, HttpResponse, HttpServer, web};
use validate_core::actix::ValidJson;
use validate_examples::signup::{Account, SignupRequest};

async fn signup(ValidJson(request): ValidJson<SignupRequest>) -> HttpResponse {
    // Every rule passed, and the fields are normalized: store them as they are.
    let account = Account::from(request);
    HttpResponse::Created().json(account)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let server = HttpServer::new(|| App::new().route("/signup", web::post().to(signup)))
        .bind(("127.0.0.1", 3001))?;
    for address in server.addrs() {
        println!("listening on http://{address}");
    }
    server.run().await
}
