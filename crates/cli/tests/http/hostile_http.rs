//! What a hostile web page or a sloppy client can send at the HTTP layer: requests for
//! other host names (DNS rebinding), cross-site writes, oversize targets and headers,
//! truncated JSON, paths the Swagger UI does not know, and health checks under a rate
//! limit. Every refusal is a problem with a stable code.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use claimgraph_api::{ApiConfig, GuardConfig, MAX_HEADER_BYTES, MAX_URI_BYTES};
use serde_json::{json, Value};

use crate::support::{app, app_with, App};

const ARTICLE: &str = "Ferry notice\n\u{201c}The night ferry to Varna runs again from Monday,\u{201d} harbour master Imre Strand said.";

/// Status, code and content type of an answer.
async fn send(app: &App, req: Request<Body>) -> (StatusCode, Value, Option<String>) {
    let (status, ctype, body) = app.typed(req).await;
    (
        status,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
        ctype,
    )
}

fn assert_problem(
    (status, body, ctype): &(StatusCode, Value, Option<String>),
    want: StatusCode,
    code: &str,
) {
    assert_eq!(*status, want, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], want.as_u16());
    assert_eq!(ctype.as_deref(), Some("application/problem+json"));
}

/// A browser's "simple" cross-site POST: no preflight happens for text/plain.
fn post(host: &str, origin: Option<&str>) -> Request<Body> {
    let mut req = Request::post("/v1/articles")
        .header(header::HOST, host)
        .header(header::CONTENT_TYPE, "text/plain");
    if let Some(origin) = origin {
        req = req.header(header::ORIGIN, origin);
    }
    req.body(Body::from(ARTICLE)).expect("request")
}

async fn stored(app: &App) -> usize {
    let (status, list) = app.get("/v1/articles").await;
    assert_eq!(status, StatusCode::OK);
    list["items"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_rebound_host_name_is_refused_even_for_reads() {
    let app = app().await;
    let res = send(&app, post("evil.example", Some("https://evil.example"))).await;
    assert_problem(&res, StatusCode::FORBIDDEN, "host_not_allowed");
    let read = Request::get("/v1/articles")
        .header(header::HOST, "evil.example:8080")
        .body(Body::empty())
        .expect("request");
    assert_problem(
        &send(&app, read).await,
        StatusCode::FORBIDDEN,
        "host_not_allowed",
    );
    // the absolute form names the host in the target, which wins over Host
    let absolute = Request::get("http://evil.example/v1/articles")
        .header(header::HOST, "127.0.0.1:8080")
        .body(Body::empty())
        .expect("request");
    assert_problem(
        &send(&app, absolute).await,
        StatusCode::FORBIDDEN,
        "host_not_allowed",
    );
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn a_cross_site_write_is_refused_and_stores_nothing() {
    let app = app().await;
    let res = send(&app, post("127.0.0.1:8080", Some("https://evil.example"))).await;
    assert_problem(&res, StatusCode::FORBIDDEN, "origin_not_allowed");
    let res = send(&app, post("localhost:8080", Some("null"))).await;
    assert_problem(&res, StatusCode::FORBIDDEN, "origin_not_allowed");
    assert_eq!(stored(&app).await, 0);

    // the server's own page and programs (no Origin) still write
    let same = send(&app, post("localhost:8080", Some("http://localhost:8080"))).await;
    assert_eq!(same.0, StatusCode::CREATED, "{}", same.1);
    let program = send(&app, post("127.0.0.1:8080", None)).await;
    assert_eq!(
        program.0,
        StatusCode::OK,
        "the same article again: {}",
        program.1
    );
}

#[tokio::test]
async fn configured_hosts_and_cors_origins_are_let_through() {
    let app = app_with(ApiConfig {
        guard: GuardConfig {
            allowed_hosts: vec!["claims.example.org".into()],
            cors_origins: vec!["https://newsroom.example.org".into()],
            ..GuardConfig::default()
        },
        ..ApiConfig::default()
    })
    .await;
    let res = send(
        &app,
        post("claims.example.org", Some("https://newsroom.example.org")),
    )
    .await;
    assert_eq!(res.0, StatusCode::CREATED, "{}", res.1);
    let res = send(
        &app,
        post("claims.example.org", Some("https://evil.example")),
    )
    .await;
    assert_problem(&res, StatusCode::FORBIDDEN, "origin_not_allowed");
}

#[tokio::test]
async fn an_overlong_target_gets_414_and_oversize_headers_431() {
    let app = app().await;
    let long = format!("/v1/claims?q={}", "a".repeat(MAX_URI_BYTES));
    let req = Request::get(long).body(Body::empty()).expect("request");
    assert_problem(
        &send(&app, req).await,
        StatusCode::URI_TOO_LONG,
        "uri_too_long",
    );
    let req = Request::get("/v1/articles")
        .header("x-filler", "b".repeat(MAX_HEADER_BYTES))
        .body(Body::empty())
        .expect("request");
    assert_problem(
        &send(&app, req).await,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        "headers_too_large",
    );
    // just under the limits is served
    let fits = format!("/v1/claims?q={}", "a".repeat(MAX_URI_BYTES - 64));
    let req = Request::get(fits).body(Body::empty()).expect("request");
    assert_ne!(send(&app, req).await.0, StatusCode::URI_TOO_LONG);
}

#[tokio::test]
async fn unknown_paths_under_docs_get_a_problem() {
    let app = app().await;
    for path in [
        "/docs/no-such-file.js",
        "/docs/../../etc/passwd",
        "/docs/x/y",
    ] {
        let req = Request::get(path).body(Body::empty()).expect("request");
        assert_problem(
            &send(&app, req).await,
            StatusCode::NOT_FOUND,
            "route_not_found",
        );
    }
    // what Swagger UI does serve is untouched
    let req = Request::get("/docs/").body(Body::empty()).expect("request");
    let (status, _, ctype) = send(&app, req).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.is_some_and(|c| c.starts_with("text/html")));
}

async fn post_json(app: &App, body: &[u8]) -> (StatusCode, Value, Option<String>) {
    let req = Request::post("/v1/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_vec()))
        .expect("request");
    send(app, req).await
}

/// A body that is not JSON is `malformed_json` whatever comes first in it: a field the
/// article does not have, or a value of the wrong type, must not make a truncated upload
/// look like JSON of the wrong shape.
#[tokio::test]
async fn every_truncation_of_a_json_article_is_malformed_json() {
    let app = app().await;
    let valid = json!({
        "text": ARTICLE,
        "title": "Ferry notice",
        "source": "Harbour Gazette",
        "published_at": "2024-03-01T08:00:00Z"
    })
    .to_string();
    let unknown_field = format!(
        r#"{{"text": {}, "author": "Imre Strand", "title": "Ferry notice"}}"#,
        json!(ARTICLE)
    );
    let wrong_type = r#"{"text": 42, "title": "Ferry notice", "source": "Harbour Gazette"}"#;
    for (whole, whole_code) in [
        (valid.as_str(), None),
        (unknown_field.as_str(), Some("invalid_article")),
        (wrong_type, Some("invalid_article")),
    ] {
        let res = post_json(&app, whole.as_bytes()).await;
        if let Some(code) = whole_code {
            assert_problem(&res, StatusCode::UNPROCESSABLE_ENTITY, code);
        }
        // byte by byte: an upload cut short may end inside a multi-byte character
        for cut in 1..whole.len() {
            let prefix = &whole.as_bytes()[..cut];
            let res = post_json(&app, prefix).await;
            assert_eq!(
                (res.0, res.1["code"].as_str()),
                (StatusCode::BAD_REQUEST, Some("malformed_json")),
                "cut at {cut}: {:?} -> {}",
                String::from_utf8_lossy(prefix),
                res.1
            );
        }
    }
    let (_, list) = app.get("/v1/articles").await;
    assert_eq!(
        list["items"].as_array().map_or(0, Vec::len),
        1,
        "only the valid whole"
    );
}

#[tokio::test]
async fn health_checks_are_not_rate_limited_and_use_up_no_share() {
    let app = app_with(ApiConfig {
        guard: GuardConfig {
            rate_limit: 2,
            ..GuardConfig::default()
        },
        ..ApiConfig::default()
    })
    .await;
    for _ in 0..20 {
        let (status, _) = app.get("/healthz").await;
        assert_eq!(status, StatusCode::OK);
    }
    for _ in 0..2 {
        let (status, body) = app.get("/v1/articles").await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, body) = app.get("/v1/articles").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}
