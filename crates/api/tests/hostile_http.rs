//! What a hostile web page can send at the HTTP layer: requests for other host names
//! (DNS rebinding) and cross-site writes. Every refusal is a problem with a stable code.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use claimgraph_api::{ApiConfig, GuardConfig};
use serde_json::Value;

mod support;

use support::{app, app_with, App};

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
