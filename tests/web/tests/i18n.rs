//! Problem bodies in the client's language through real axum, actix-web, poem, rocket and warp
//! requests: with `Catalogs` registered (axum: an `Extension`; actix-web: app data; poem:
//! endpoint data; rocket: managed state; warp: `Filters::with_catalogs`), the errors' messages
//! follow `Accept-Language` and
//! `Content-Language` says which; without them, or for a language the service does not speak,
//! nothing changes.

use std::sync::Arc;

use actix_web::{App, HttpResponse, test, web};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, header};
use axum::routing::post;
use http_body_util::BodyExt as _;
use serde::Deserialize;
use serde_json::Value;
use tower::ServiceExt as _;
use validate_core::Validate;
use validate_core::i18n::{Catalog, Catalogs};

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[validate(length(min = 3, max = 32))]
    user_name: String,
    #[validate(length(min = 1, message = "add {min} tag", message_id = "tags-empty"))]
    tags: Vec<String>,
}

const BODY: &str = r#"{"userName": "ab", "tags": []}"#;

fn catalogs() -> Catalogs {
    let own = Catalog::from_ftl(
        "de",
        &format!(
            "{}\ntags-empty = mindestens {{ $min }} Schlagwort\n",
            include_str!("../../../validate-core/src/i18n/de.ftl")
        ),
    )
    .unwrap();
    Catalogs::builtin().with(own)
}

/// (status, `Content-Language`, the problem body).
type Answer = (u16, Option<String>, Value);

async fn axum(accept: Option<&str>, with_catalogs: bool) -> Answer {
    async fn signup(validate_core::axum::ValidJson(_): validate_core::axum::ValidJson<Signup>) {}
    let mut app = Router::new().route("/signup", post(signup));
    if with_catalogs {
        app = app.layer(axum::Extension(Arc::new(catalogs())));
    }
    let mut request = Request::post("/signup").header(header::CONTENT_TYPE, "application/json");
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT_LANGUAGE, accept);
    }
    let response = app
        .oneshot(request.body(Body::from(BODY)).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let language = response
        .headers()
        .get(header::CONTENT_LANGUAGE)
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, language, serde_json::from_slice(&bytes).unwrap())
}

async fn actix(accept: Option<&str>, with_catalogs: bool) -> Answer {
    async fn signup(_: validate_core::actix::ValidJson<Signup>) -> HttpResponse {
        HttpResponse::Ok().finish()
    }
    let mut app = App::new().route("/signup", web::post().to(signup));
    if with_catalogs {
        app = app.app_data(web::Data::new(catalogs()));
    }
    let app = test::init_service(app).await;
    let mut request = test::TestRequest::post()
        .uri("/signup")
        .insert_header(("content-type", "application/json"));
    if let Some(accept) = accept {
        request = request.insert_header(("accept-language", accept));
    }
    let response = test::call_service(&app, request.set_payload(BODY).to_request()).await;
    let status = response.status().as_u16();
    let language = response
        .headers()
        .get("content-language")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = test::read_body(response).await;
    (status, language, serde_json::from_slice(&bytes).unwrap())
}

async fn poem(accept: Option<&str>, with_catalogs: bool) -> Answer {
    use poem::{Endpoint as _, EndpointExt as _, IntoResponse as _};
    #[poem::handler]
    fn signup(_: validate_core::poem::ValidJson<Signup>) {}
    let route = poem::Route::new().at("/signup", poem::post(signup));
    let app = if with_catalogs {
        route.data(catalogs()).boxed()
    } else {
        route.boxed()
    };
    let mut request = poem::Request::builder()
        .method(poem::http::Method::POST)
        .uri(poem::http::Uri::from_static("/signup"))
        .content_type("application/json");
    if let Some(accept) = accept {
        request = request.header("accept-language", accept);
    }
    let response = app.get_response(request.body(BODY)).await.into_response();
    let status = response.status().as_u16();
    let language = response
        .headers()
        .get("content-language")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.into_body().into_vec().await.unwrap();
    (status, language, serde_json::from_slice(&bytes).unwrap())
}

async fn rocket(accept: Option<&str>, with_catalogs: bool) -> Answer {
    use rocket::http::Header;
    #[rocket::post("/signup", data = "<signup>")]
    fn signup(signup: validate_core::rocket::ValidJson<Signup>) -> String {
        signup.0.user_name
    }
    let config = rocket::Config {
        log_level: rocket::config::LogLevel::Off,
        ..rocket::Config::debug_default()
    };
    let mut app = rocket::custom(config)
        .mount("/", rocket::routes![signup])
        .register("/", validate_core::rocket::catchers());
    if with_catalogs {
        app = app.manage(catalogs());
    }
    let client = rocket::local::asynchronous::Client::untracked(app)
        .await
        .unwrap();
    let mut request = client
        .post("/signup")
        .header(Header::new("Content-Type", "application/json"))
        .body(BODY);
    if let Some(accept) = accept {
        request = request.header(Header::new("Accept-Language", accept.to_owned()));
    }
    let response = request.dispatch().await;
    let status = response.status().code;
    let language = response
        .headers()
        .get_one("Content-Language")
        .map(str::to_owned);
    let bytes = response.into_bytes().await.unwrap();
    (status, language, serde_json::from_slice(&bytes).unwrap())
}

async fn warp(accept: Option<&str>, with_catalogs: bool) -> Answer {
    use warp::Filter as _;
    let mut filters = validate_core::warp::Filters::new();
    if with_catalogs {
        filters = filters.with_catalogs(catalogs());
    }
    let routes = warp::post()
        .and(warp::path("signup"))
        .and(filters.json::<Signup>())
        .map(|signup: Signup| signup.user_name)
        .recover(validate_core::warp::recover);
    let mut request = warp::test::request()
        .method("POST")
        .path("/signup")
        .header("content-type", "application/json")
        .body(BODY);
    if let Some(accept) = accept {
        request = request.header("accept-language", accept);
    }
    let response = request.reply(&routes).await;
    let status = response.status().as_u16();
    let language = response
        .headers()
        .get("content-language")
        .map(|v| v.to_str().unwrap().to_owned());
    (
        status,
        language,
        serde_json::from_slice(response.body()).unwrap(),
    )
}

fn messages(body: &Value) -> Vec<&str> {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect()
}

/// The answer of every framework, which must be the same.
async fn every(accept: Option<&str>, with_catalogs: bool) -> Answer {
    let from_axum = axum(accept, with_catalogs).await;
    assert_eq!(
        actix(accept, with_catalogs).await,
        from_axum,
        "actix-web answers as axum"
    );
    assert_eq!(
        poem(accept, with_catalogs).await,
        from_axum,
        "poem answers as axum"
    );
    assert_eq!(
        rocket(accept, with_catalogs).await,
        from_axum,
        "rocket answers as axum"
    );
    assert_eq!(
        warp(accept, with_catalogs).await,
        from_axum,
        "warp answers as axum"
    );
    from_axum
}

#[actix_web::test]
async fn the_client_gets_its_language() {
    let (status, language, body) = every(Some("fr-CH, de;q=0.9"), true).await;
    assert_eq!(status, 422);
    assert_eq!(language.as_deref(), Some("fr"));
    assert_eq!(messages(&body)[0], "doit contenir entre 3 et 32 caractères");
    // A message of the application's own, without a French entry: as written.
    assert_eq!(messages(&body)[1], "add 1 tag");

    let (_, language, body) = every(Some("da, de-AT;q=0.8, en;q=0.5"), true).await;
    assert_eq!(language.as_deref(), Some("de"));
    assert_eq!(
        messages(&body),
        [
            "muss zwischen 3 und 32 Zeichen lang sein",
            "mindestens 1 Schlagwort"
        ]
    );
    // Codes, params and paths as ever.
    assert_eq!(body["errors"][0]["code"], "length");
    assert_eq!(body["errors"][0]["params"]["max"], 32);
    assert_eq!(body["errors"][1]["path"], "tags");
}

#[actix_web::test]
async fn without_catalogs_or_a_language_spoken_nothing_changes() {
    let english = every(None, false).await;
    assert_eq!(english.1, None);
    assert_eq!(
        messages(&english.2),
        ["must be between 3 and 32 characters", "add 1 tag"]
    );
    assert_eq!(
        every(Some("de"), false).await,
        english,
        "no catalogues registered"
    );
    assert_eq!(
        every(Some("da, nl;q=0.5"), true).await,
        english,
        "a language not spoken"
    );
    assert_eq!(every(None, true).await, english, "no Accept-Language");
    for malformed in ["de;q=2", ";;;", "d e", "*;q=0", "de;q=0.5;x=1"] {
        assert_eq!(every(Some(malformed), true).await, english, "{malformed:?}");
    }
}
