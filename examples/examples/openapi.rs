//! An axum service that publishes its rules: utoipa derives the OpenAPI document,
//! `validate_core::utoipa::constraints` writes each request type's rules into it, and the
//! document is served at `/openapi.json`. What the schema says is what `ValidJson` enforces.
//!
//! Run with `cargo run -p validate-examples --example openapi`, then:
//!
//! ```text
//! curl -s http://127.0.0.1:3010/openapi.json
//! curl -i http://127.0.0.1:3010/comments -H 'content-type: application/json' \
//!   -d '{"body":"  First!  ","stars":6,"author":{"handle":"ada","email":"ada@example.com"}}'
//! ```

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{OpenApi, ToSchema};
use validate_core::Validate;
use validate_core::axum::ValidJson;

#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct Author {
    #[normalize(trim, lowercase)]
    #[validate(length(min = 3, max = 20), chars(ascii_lowercase, ascii_digit, "_"))]
    pub handle: String,

    #[validate(email)]
    pub email: String,
}

/// The request body of `POST /comments`.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct NewComment {
    #[normalize(trim)]
    #[validate(length(min = 1, max = 500), no_control)]
    pub body: String,

    #[validate(range(min = 1, max = 5))]
    pub stars: u8,

    #[validate(length(max = 5), each(one_of("rust", "web", "security")))]
    #[serde(default)]
    pub topics: Vec<String>,

    #[validate(nested)]
    pub author: Author,
}

/// The comment as stored.
#[derive(Serialize, ToSchema)]
pub struct Comment {
    pub body: String,
    pub stars: u8,
    pub author: String,
}

/// Creates a comment.
#[utoipa::path(
    post,
    path = "/comments",
    request_body = NewComment,
    responses(
        (status = 201, description = "Stored", body = Comment),
        (status = 422, description = "Broke a rule: an RFC 9457 problem (application/problem+json)"),
    )
)]
async fn create_comment(ValidJson(comment): ValidJson<NewComment>) -> (StatusCode, Json<Comment>) {
    let stored = Comment {
        body: comment.body,
        stars: comment.stars,
        author: comment.author.handle,
    };
    (StatusCode::CREATED, Json(stored))
}

#[derive(OpenApi)]
#[openapi(
    paths(create_comment),
    components(schemas(NewComment, Author, Comment))
)]
struct ApiDoc;

/// The OpenAPI document, with the rules of every request type.
fn document() -> Value {
    let mut document = serde_json::to_value(ApiDoc::openapi()).expect("utoipa's document is JSON");
    validate_core::utoipa::constraints::<NewComment>(&mut document);
    validate_core::utoipa::constraints::<Author>(&mut document);
    document
}

async fn openapi(State(document): State<Arc<Value>>) -> Json<Value> {
    Json(Value::clone(&document))
}

fn app() -> Router {
    Router::new()
        .route("/comments", post(create_comment))
        .route("/openapi.json", get(openapi))
        .with_state(Arc::new(document()))
}

#[tokio::main]
async fn main() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3010")
        .await
        .expect("port 3010 is free");
    println!("listening on http://127.0.0.1:3010 (GET /openapi.json, POST /comments)");
    axum::serve(listener, app()).await.expect("server runs");
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt as _;
    use serde_json::{Value, json};
    use tower::ServiceExt as _;

    async fn send(request: Request<Body>) -> (StatusCode, Value) {
        let response = super::app().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn the_served_document_carries_the_rules_the_extractor_enforces() {
        let request = Request::get("/openapi.json").body(Body::empty()).unwrap();
        let (status, document) = send(request).await;
        assert_eq!(status, StatusCode::OK);
        let body = &document["paths"]["/comments"]["post"]["requestBody"]["content"]["application/json"]
            ["schema"];
        assert_eq!(body["$ref"], "#/components/schemas/NewComment");
        let schemas = &document["components"]["schemas"];
        let comment = &schemas["NewComment"]["properties"];
        assert_eq!(comment["stars"]["minimum"], 1);
        assert_eq!(comment["stars"]["maximum"], 5);
        assert_eq!(comment["topics"]["maxItems"], 5);
        assert_eq!(
            comment["topics"]["items"]["enum"],
            json!(["rust", "web", "security"])
        );
        // `body` is trimmed before its length is checked: stated after normalizing.
        assert_eq!(comment["body"]["x-normalize"], json!(["trim"]));
        assert_eq!(comment["body"]["x-after-normalize"]["maxLength"], 500);
        assert!(comment["body"].get("maxLength").is_none());
        assert_eq!(schemas["Author"]["properties"]["email"]["format"], "email");

        // The rule the document states is the one the server enforces.
        let request = Request::post("/comments")
            .header("content-type", "application/json")
            .body(Body::from(
                json!({"body": " First! ", "stars": 6, "author": {"handle": "Ada", "email": "ada@example.com"}})
                    .to_string(),
            ))
            .unwrap();
        let (status, problem) = send(request).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["errors"][0]["path"], "stars");
        assert_eq!(problem["errors"][0]["code"], "range");
    }
}
