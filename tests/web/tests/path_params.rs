//! `ValidPath<T>`: path parameters deserialized, normalized and validated, in axum and actix-web
//! alike; a bad parameter answers 422 at its name without showing it, a route without
//! parameters is a 500.

use actix_web::{App, HttpResponse, test, web};
use axum::Router;
use axum::body::Body;
use axum::http::Request;
use axum::routing::get;
use http_body_util::BodyExt as _;
use serde::Deserialize;
use serde_json::Value;
use tower::ServiceExt as _;
use validate_core::Validate;

/// One parameter, the whole `T`.
#[derive(Debug, Deserialize, Validate)]
struct TicketId(#[validate(range(min = 1))] u64);

/// Parameters by name.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Post {
    #[normalize(lowercase)]
    #[validate(pattern = "[a-z0-9_]+")]
    user_name: String,
    #[validate(range(max = 1000))]
    post_id: u32,
}

/// A request, its status, and the `path`/`code` of its one error.
type Case = (&'static str, u16, Option<(&'static str, &'static str)>);

/// The requests both frameworks answer alike.
const CASES: &[Case] = &[
    ("/tickets/7", 200, None),
    ("/tickets/0", 422, Some(("id", "range"))),
    ("/tickets/abc", 422, Some(("id", "invalid_type"))),
    (
        "/tickets/%E2%80%AEsecret",
        422,
        Some(("id", "invalid_type")),
    ),
    ("/users/Ada/posts/12", 200, None),
    ("/users/ada!/posts/12", 422, Some(("userName", "pattern"))),
    (
        "/users/ada/posts/hunter2",
        422,
        Some(("postId", "invalid_type")),
    ),
    ("/users/ada/posts/5000", 422, Some(("postId", "range"))),
    ("/nothing", 500, None),
];

fn check(uri: &str, status: u16, error: Option<(&str, &str)>, got: u16, body: &[u8]) {
    assert_eq!(got, status, "{uri}: {}", String::from_utf8_lossy(body));
    let text = String::from_utf8_lossy(body);
    for hidden in ["abc", "secret", "hunter2", "\u{202e}"] {
        if status != 200 {
            assert!(!text.contains(hidden), "{uri}: {text}");
        }
    }
    if let Some((path, code)) = error {
        let body: Value = serde_json::from_slice(body).unwrap();
        let errors = body["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{uri}: {body}");
        assert_eq!(
            (errors[0]["path"].as_str(), errors[0]["code"].as_str()),
            (Some(path), Some(code)),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn axum_validates_path_parameters() {
    use validate_core::axum::ValidPath;
    async fn ticket(ValidPath(TicketId(id)): ValidPath<TicketId>) -> String {
        id.to_string()
    }
    async fn post(ValidPath(post): ValidPath<Post>) -> String {
        format!("{} {}", post.user_name, post.post_id)
    }
    let app = Router::new()
        .route("/tickets/{id}", get(ticket))
        .route("/users/{userName}/posts/{postId}", get(post))
        .route("/nothing", get(ticket));
    let mut bodies = Vec::new();
    for &(uri, status, error) in CASES {
        let response = app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let got = response.status().as_u16();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        check(uri, status, error, got, &body);
        bodies.push(body.to_vec());
    }
    assert_eq!(bodies[4], b"ada 12");
    // The same bytes as actix-web's.
    assert_eq!(bodies, actix_bodies().await);
}

async fn actix_bodies() -> Vec<Vec<u8>> {
    use validate_core::actix::ValidPath;
    async fn ticket(ValidPath(TicketId(id)): ValidPath<TicketId>) -> HttpResponse {
        HttpResponse::Ok().body(id.to_string())
    }
    async fn post(ValidPath(post): ValidPath<Post>) -> HttpResponse {
        HttpResponse::Ok().body(format!("{} {}", post.user_name, post.post_id))
    }
    let app = test::init_service(
        App::new()
            .route("/tickets/{id}", web::get().to(ticket))
            .route("/users/{userName}/posts/{postId}", web::get().to(post))
            .route("/nothing", web::get().to(ticket)),
    )
    .await;
    let mut bodies = Vec::new();
    for &(uri, status, error) in CASES {
        let response =
            test::call_service(&app, test::TestRequest::get().uri(uri).to_request()).await;
        let got = response.status().as_u16();
        let body = test::read_body(response).await;
        check(uri, status, error, got, &body);
        bodies.push(body.to_vec());
    }
    bodies
}

#[actix_web::test]
async fn actix_validates_path_parameters() {
    let bodies = actix_bodies().await;
    assert_eq!(bodies[4], b"ada 12");
}
