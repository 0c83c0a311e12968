//! Hostile input, access control and limits: every answer is problem+json with a stable
//! code, never a 500.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, Response, StatusCode};
use axum::Router;
use claimgraph_api::{router, ApiConfig, AppState, GuardConfig};
use claimgraph_store::{Store, StoreOptions};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tempfile::TempDir;
use tower::ServiceExt;

struct App {
    router: Router,
    _dir: TempDir,
}

async fn app_full(config: ApiConfig, options: StoreOptions) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_with(&dir.path().join("test.db"), options)
        .await
        .expect("open store");
    App {
        router: router(AppState::new(store, crate::support::reader(), config)),
        _dir: dir,
    }
}

async fn app_with(config: ApiConfig) -> App {
    app_full(config, StoreOptions::default()).await
}

fn guarded(guard: GuardConfig) -> ApiConfig {
    ApiConfig {
        guard,
        ..ApiConfig::default()
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

impl Answer {
    /// Asserts a problem+json answer with this status and code.
    fn problem(&self, status: StatusCode, code: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(
            self.headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            Some("application/problem+json"),
            "{}",
            self.body
        );
        assert_eq!(self.body["code"], code, "{}", self.body);
        assert_eq!(self.body["status"], status.as_u16());
        assert!(
            self.body["detail"].as_str().is_some_and(|d| d.len() > 10),
            "a person can act on it: {}",
            self.body
        );
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

async fn answer(res: Response<Body>) -> Answer {
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Answer {
        status,
        headers,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

impl App {
    async fn send(&self, req: Request<Body>) -> Answer {
        answer(
            self.router
                .clone()
                .oneshot(req)
                .await
                .expect("router answers"),
        )
        .await
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).expect("request"))
            .await
    }

    async fn post(&self, content_type: &str, body: impl Into<Body>) -> Answer {
        let req = Request::post("/v1/articles")
            .header(header::CONTENT_TYPE, content_type)
            .body(body.into())
            .expect("request");
        self.send(req).await
    }
}

/// A streamed body without a length: the test feeds it through the sender.
fn channel_body() -> (http_body_util::channel::Sender<Bytes>, Body) {
    let (tx, body) = http_body_util::channel::Channel::<Bytes>::new(1);
    (tx, Body::new(body))
}

/// An invented article, different for every `i`.
fn article(i: usize) -> String {
    format!(
        "Ferry line {i} resumes\n\u{201c}The crossing number {i} is safe again,\u{201d} \
         harbour master Tamsin Ollerby said on Monday in Varna. About {n} passengers \
         waited at the pier, police said.\n",
        n = 100 + i
    )
}

const ZIP: &[u8] = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xb7\x8c\x96V\x00\x00\x00\x00\xff\xfe\xfd";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\xff\xd8";

#[tokio::test]
async fn binary_and_mistyped_bodies_are_4xx() {
    let app = app_with(ApiConfig::default()).await;
    let nested = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
    let cases: Vec<(&str, Body, StatusCode, &str)> = vec![
        (
            "text/plain",
            Body::from(ZIP),
            StatusCode::BAD_REQUEST,
            "invalid_utf8",
        ),
        (
            "application/json",
            Body::from(ZIP),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "application/zip",
            Body::from(ZIP),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "text/plain",
            Body::from(PNG),
            StatusCode::BAD_REQUEST,
            "invalid_utf8",
        ),
        (
            "text/plain",
            Body::empty(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_text",
        ),
        (
            "text/plain",
            Body::from("\u{200b}\u{feff} \u{3000}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_text",
        ),
        (
            "application/json",
            Body::from("   "),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "application/json",
            Body::from("null"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            "application/json",
            Body::from("\"just a string\""),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            "application/json",
            Body::from(r#"{"text": "ok", "title": 5}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            "application/json",
            Body::from(r#"{"text": ["a", "b"]}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            "application/json",
            Body::from(r#"{"text": "ok", "text": "twice"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            "application/json",
            Body::from(r#"{"text": "ok", "published_at": 20240101}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            "application/json",
            Body::from(r#"{"text": "bad \ud800 surrogate"}"#),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "application/json",
            Body::from(nested),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            "application/json",
            Body::from(r#"{"text": "ok"} trailing"#),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
    ];
    for (ctype, body, status, code) in cases {
        app.post(ctype, body).await.problem(status, code);
    }
    let list = app.get("/v1/articles").await;
    assert_eq!(list.body["items"], json!([]), "nothing was stored");
}

#[tokio::test]
async fn fifty_mebibytes_get_413_without_being_read() {
    let app = app_with(ApiConfig::default()).await;
    let total = 50 * 1024 * 1024;
    // declared length: refused before the handler runs
    let req = Request::post("/v1/articles")
        .header(header::CONTENT_TYPE, "text/plain")
        .header(header::CONTENT_LENGTH, total.to_string())
        .body(Body::empty())
        .expect("request");
    app.send(req)
        .await
        .problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");

    // streamed without a length: reading stops at the limit
    let (mut tx, body) = channel_body();
    let feeder = tokio::spawn(async move {
        let chunk = Bytes::from(vec![b'a'; 64 * 1024]);
        let mut sent = 0usize;
        while sent < total {
            if tx.send_data(chunk.clone()).await.is_err() {
                break;
            }
            sent += chunk.len();
        }
        sent
    });
    let res = app.post("text/plain", body).await;
    res.problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let sent = feeder.await.expect("feeder");
    assert!(sent < 8 * 1024 * 1024, "read {sent} bytes of a 50 MiB body");
}

#[tokio::test]
async fn hostile_text_is_stored_with_sane_claims() {
    let app = app_with(ApiConfig {
        body_limit: 4 * 1024 * 1024,
        ..ApiConfig::default()
    })
    .await;
    let texts = [
        format!("Quotes\n{}", "\"".repeat(10_000)),
        format!("Open quotes\n{}", "\u{201c}The pier is closed, said the harbour master. ".repeat(2_000)),
        "the river keeps rising over the old town walls ".repeat(22_000),
        format!("Brackets\n{}said{}", "([{".repeat(30_000), "}])".repeat(30_000)),
        "Bridge news\n\u{202e}\u{200f}The bridge in Mostar reopened, \u{05e9}\u{05dc}\u{05d5}\u{05dd} \
         said Imre Halvorsen \u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}. \u{201c}We are happy \
         \u{1f389} about it,\u{201d} Halvorsen said.\u{200b}\n"
            .to_string(),
        "SELECT * FROM articles; DROP TABLE claims; -- \u{0}\u{1}' OR 1=1 --\nMore.".to_string(),
    ];
    for text in &texts {
        let res = app.post("text/plain; charset=utf-8", text.clone()).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let id = res.body["id"].as_i64().expect("id");
        let full = app.get(&format!("/v1/articles/{id}")).await;
        let chars: Vec<char> = full.body["text"].as_str().expect("text").chars().collect();
        let claims = app
            .get(&format!("/v1/articles/{id}/claims?limit=500"))
            .await;
        assert_eq!(claims.status, StatusCode::OK);
        for c in claims.body["items"].as_array().expect("items") {
            let (s, e) = (
                c["start"].as_u64().expect("start") as usize,
                c["end"].as_u64().expect("end") as usize,
            );
            assert!(s < e && e <= chars.len(), "{c}");
            let slice: String = chars[s..e].iter().collect();
            assert_eq!(c["text"].as_str(), Some(slice.as_str()));
        }
    }
    let happy = app.get("/v1/claims?kind=direct").await;
    assert!(
        happy.body["items"].as_array().is_some_and(|cs| cs
            .iter()
            .any(|c| c["text"].as_str().is_some_and(|t| t.contains("happy")))),
        "{}",
        happy.body
    );
    let tables = app.get("/v1/claims?limit=1").await;
    assert_eq!(
        tables.status,
        StatusCode::OK,
        "the claims table is still there"
    );
}

#[tokio::test]
async fn hostile_query_strings_are_400_or_404() {
    let app = app_with(ApiConfig::default()).await;
    let cases = [
        ("/v1/claims?limit=99999999999999999999999", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/v1/claims?limit=-5", StatusCode::BAD_REQUEST, "invalid_limit"),
        ("/v1/claims?limit=1e3", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/v1/articles?cursor=%FF%FE", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/v1/articles?cursor=%27%3B--", StatusCode::BAD_REQUEST, "invalid_cursor"),
        ("/v1/claims?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", StatusCode::BAD_REQUEST, "invalid_cursor"),
        ("/v1/entities?cursor=bm9wZQ", StatusCode::BAD_REQUEST, "invalid_cursor"),
        ("/v1/articles/1.5", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/articles/0", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/articles/99999999999999999999999", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/articles/%00", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/articles/1%20OR%201=1", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/claims/9223372036854775807", StatusCode::NOT_FOUND, "not_found"),
        ("/v1/entities/42/claims", StatusCode::NOT_FOUND, "not_found"),
        ("/v1/claims?speaker=1;DROP", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/claims?kind=direct%27%20OR%20%271%27=%271", StatusCode::BAD_REQUEST, "invalid_kind"),
        ("/v1/entities?type=person%27--", StatusCode::BAD_REQUEST, "invalid_type"),
        ("/v1/entities?q=%25%27%22%5C", StatusCode::BAD_REQUEST, "invalid_search"),
    ];
    for (uri, status, code) in cases {
        let res = app.get(uri).await;
        assert_eq!(res.status, status, "{uri}: {}", res.body);
        assert_eq!(res.body["code"], code, "{uri}: {}", res.body);
    }
    for q in [
        "a%27%20UNION%20SELECT%20*%20FROM%20articles--",
        "%E2%80%8B%F0%9F%98%80x",
    ] {
        let res = app.get(&format!("/v1/entities?q={q}")).await;
        assert_eq!(res.status, StatusCode::OK, "{q}: {}", res.body);
        assert_eq!(res.body["items"], json!([]), "{q}");
    }
}

const TOKEN: &str = "correct horse battery staple";

async fn post_with(app: &App, uri: &str, auth: Option<&str>, body: String) -> Answer {
    let mut req = Request::post(uri).header(header::CONTENT_TYPE, "text/plain");
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    app.send(req.body(Body::from(body)).expect("request")).await
}

#[tokio::test]
async fn writes_need_the_token_reads_do_not() {
    let app = app_with(guarded(GuardConfig {
        api_token: Some(TOKEN.into()),
        ..GuardConfig::default()
    }))
    .await;
    for auth in [
        None,
        Some("Bearer wrong"),
        Some("Bearer correct horse battery stapl"),
        Some("Basic Y29ycmVjdDpob3JzZQ=="),
        Some("Bearer"),
        Some(TOKEN),
    ] {
        let res = post_with(&app, "/v1/articles", auth, article(1)).await;
        res.problem(StatusCode::UNAUTHORIZED, "unauthorized");
        assert!(res
            .header("www-authenticate")
            .is_some_and(|v| v.starts_with("Bearer")));
    }
    // a write route that does not exist yet is guarded by its method all the same
    let res = post_with(&app, "/v1/entities/1/merge", None, "{}".into()).await;
    res.problem(StatusCode::UNAUTHORIZED, "unauthorized");
    let delete = Request::delete("/v1/articles/1")
        .body(Body::empty())
        .expect("request");
    app.send(delete)
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthorized");

    let good = format!("Bearer {TOKEN}");
    let res = post_with(&app, "/v1/articles", Some(&good), article(1)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = post_with(
        &app,
        "/v1/articles",
        Some(&format!("bearer  {TOKEN} ")),
        article(2),
    )
    .await;
    assert_eq!(
        res.status,
        StatusCode::CREATED,
        "scheme is case-insensitive: {}",
        res.body
    );

    let list = app.get("/v1/articles").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn reads_can_need_the_token_too_but_health_stays_open() {
    let app = app_with(guarded(GuardConfig {
        api_token: Some(TOKEN.into()),
        require_token_for_reads: true,
        ..GuardConfig::default()
    }))
    .await;
    app.get("/v1/articles")
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    let req = Request::get("/v1/articles")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .expect("request");
    assert_eq!(app.send(req).await.status, StatusCode::OK);
}

#[tokio::test]
async fn each_address_has_its_own_rate_limit() {
    let config = guarded(GuardConfig {
        rate_limit: 3,
        ..GuardConfig::default()
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("t.db")).await.expect("store");
    let base = router(AppState::new(store, crate::support::reader(), config));
    let from = |ip: [u8; 4]| {
        base.clone()
            .layer(MockConnectInfo(SocketAddr::from((ip, 4000))))
    };
    let (a, b) = (from([10, 0, 0, 1]), from([10, 0, 0, 2]));
    let get = || {
        Request::get("/v1/articles")
            .body(Body::empty())
            .expect("request")
    };
    for _ in 0..3 {
        assert_eq!(
            a.clone().oneshot(get()).await.expect("answer").status(),
            StatusCode::OK
        );
    }
    let limited = answer(a.clone().oneshot(get()).await.expect("answer")).await;
    limited.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    let retry: u64 = limited
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=2).contains(&retry), "{retry}");
    assert_eq!(
        b.oneshot(get()).await.expect("answer").status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_slow_upload_times_out_with_503() {
    let app = app_with(guarded(GuardConfig {
        request_timeout: Duration::from_millis(200),
        ..GuardConfig::default()
    }))
    .await;
    let (mut tx, body) = channel_body();
    tx.send_data(Bytes::from_static(b"A headline\nand then noth"))
        .await
        .expect("first chunk");
    let res = app.post("text/plain", body).await;
    res.problem(StatusCode::SERVICE_UNAVAILABLE, "timeout");
    assert!(res.header("retry-after").is_some());
    drop(tx);
    let list = app.get("/v1/articles").await;
    assert_eq!(list.body["items"], json!([]));
}

#[tokio::test]
async fn a_read_the_database_stopped_answers_503_timeout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("test.db"))
        .await
        .expect("open store");
    let app = App {
        router: router(AppState::new(
            store.clone(),
            crate::support::reader(),
            ApiConfig::default(),
        )),
        _dir: dir,
    };
    let text: String = (0..200).map(article).collect();
    assert_eq!(
        app.post("text/plain", text).await.status,
        StatusCode::CREATED
    );
    // what the deadline of a timed-out request or a shutdown does to a running read
    store.stop_reads();
    let res = app.get("/v1/claims?limit=500").await;
    res.problem(StatusCode::SERVICE_UNAVAILABLE, "timeout");
    assert!(res.header("retry-after").is_some());
}

#[tokio::test]
async fn serve_returns_soon_after_the_signal_with_a_request_in_flight() {
    use std::io::Write;

    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("test.db"))
        .await
        .expect("open store");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let (signal, signalled) = tokio::sync::oneshot::channel::<()>();
    let state = AppState::new(store, crate::support::reader(), ApiConfig::default());
    let server = tokio::spawn(claimgraph_api::serve(listener, state, async move {
        let _ = signalled.await;
    }));
    // a request whose body never comes: in flight until the 30 s request timeout
    let mut client = std::net::TcpStream::connect(addr).expect("connect");
    client
        .write_all(
            b"POST /v1/articles HTTP/1.1\r\nhost: test\r\ncontent-type: text/plain\r\n\
              content-length: 1000\r\n\r\nA headline\n",
        )
        .expect("send the head");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let _ = signal.send(());
    let bound = claimgraph_api::SHUTDOWN_GRACE + claimgraph_api::SHUTDOWN_DRAIN;
    tokio::time::timeout(bound + Duration::from_secs(1), server)
        .await
        .expect("serve returns within its bound")
        .expect("serve task")
        .expect("serve");
}

#[tokio::test]
async fn requests_over_the_concurrency_limit_get_503_overloaded() {
    let app = app_with(guarded(GuardConfig {
        max_concurrent: 1,
        ..GuardConfig::default()
    }))
    .await;
    // one request holds the only slot: its body never ends
    let (mut tx, body) = channel_body();
    let router = app.router.clone();
    let held = tokio::spawn(async move {
        let req = Request::post("/v1/articles")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(body)
            .expect("request");
        router.oneshot(req).await.map(|r| r.status())
    });
    // the handler is reading the body once it takes this chunk (the channel holds one)
    tx.send_data(Bytes::from_static(b"one"))
        .await
        .expect("send");
    tx.send_data(Bytes::from_static(b"two"))
        .await
        .expect("send");
    let res = app.get("/v1/articles").await;
    res.problem(StatusCode::SERVICE_UNAVAILABLE, "overloaded");
    drop(tx);
    let status = held.await.expect("task").expect("answer");
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        app.get("/v1/articles").await.status,
        StatusCode::OK,
        "the slot is free again"
    );
}

#[tokio::test]
async fn cors_answers_only_the_configured_origins() {
    let open = app_with(ApiConfig::default()).await;
    let req = Request::get("/v1/articles")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::empty())
        .expect("request");
    let res = open.send(req).await;
    assert_eq!(
        res.header("access-control-allow-origin"),
        None,
        "no CORS by default"
    );

    let app = app_with(guarded(GuardConfig {
        cors_origins: vec!["https://app.example.org".into()],
        ..GuardConfig::default()
    }))
    .await;
    let preflight = Request::options("/v1/articles")
        .header(header::ORIGIN, "https://app.example.org")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "authorization, content-type",
        )
        .body(Body::empty())
        .expect("request");
    let res = app.send(preflight).await;
    assert!(res.status.is_success(), "{}", res.status);
    assert_eq!(
        res.header("access-control-allow-origin"),
        Some("https://app.example.org")
    );
    assert!(res
        .header("access-control-allow-methods")
        .is_some_and(|m| m.contains("POST")));
    let other = Request::get("/v1/articles")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::empty())
        .expect("request");
    assert_eq!(
        app.send(other).await.header("access-control-allow-origin"),
        None
    );
}

/// A browser sends a conditional GET, a curator's name or an event stream's resume point
/// only if the preflight allows the header; it offers only methods some route serves.
#[tokio::test]
async fn cors_preflight_allows_the_headers_the_api_reads_and_only_its_methods() {
    let app = app_with(guarded(GuardConfig {
        cors_origins: vec!["https://app.example.org".into()],
        ..GuardConfig::default()
    }))
    .await;
    for (path, method, wanted) in [
        ("/v1/claims", "GET", "if-none-match"),
        ("/v1/entities/1/merge", "POST", "x-actor"),
        ("/v1/events", "GET", "last-event-id"),
    ] {
        let preflight = Request::options(path)
            .header(header::ORIGIN, "https://app.example.org")
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, method)
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, wanted)
            .body(Body::empty())
            .expect("request");
        let res = app.send(preflight).await;
        assert!(res.status.is_success(), "{path}: {}", res.status);
        let allowed = res
            .header("access-control-allow-headers")
            .unwrap_or_default()
            .to_ascii_lowercase();
        assert!(
            allowed.split(',').any(|h| h.trim() == wanted),
            "{path}: {wanted} not in {allowed:?}"
        );
        let methods: Vec<String> = res
            .header("access-control-allow-methods")
            .unwrap_or_default()
            .split(',')
            .map(|m| m.trim().to_string())
            .collect();
        assert_eq!(methods, ["GET", "HEAD", "POST", "DELETE"], "{path}");
    }
}

#[tokio::test]
async fn a_full_database_answers_507_and_keeps_what_it_had() {
    let app = app_full(
        ApiConfig::default(),
        StoreOptions {
            max_size_bytes: Some(400 * 1024),
        },
    )
    .await;
    let mut stored = 0;
    let mut full = None;
    for i in 0..2_000 {
        let text = format!(
            "{}{}",
            article(i),
            "Filler words about the harbour. ".repeat(40)
        );
        let res = app.post("text/plain", text).await;
        match res.status {
            StatusCode::CREATED => stored += 1,
            _ => {
                full = Some(res);
                break;
            }
        }
    }
    let full = full.expect("the size cap is reached");
    full.problem(StatusCode::INSUFFICIENT_STORAGE, "storage_full");
    assert!(stored > 0);
    // the writer recovers from each failure: the same clear answer, never a 500 (each
    // article here holds more than the one that failed: more text, more mentions)
    for i in 5_000..5_005 {
        let text = format!(
            "{}{}",
            article(i),
            "Filler words about the harbour. ".repeat(80)
        );
        app.post("text/plain", text)
            .await
            .problem(StatusCode::INSUFFICIENT_STORAGE, "storage_full");
    }
    // a small article may still fit in the pages the failures left free
    let small = app
        .post(
            "text/plain",
            "Short
The pier reopened.",
        )
        .await;
    assert!(
        matches!(
            small.status,
            StatusCode::CREATED | StatusCode::INSUFFICIENT_STORAGE
        ),
        "{}",
        small.body
    );
    if small.status == StatusCode::CREATED {
        stored += 1;
    }
    let list = app.get("/v1/articles?limit=500").await;
    assert_eq!(list.status, StatusCode::OK);
    let items = list.body["items"].as_array().expect("items");
    assert_eq!(
        items.len(),
        stored,
        "every answered 201 is there, nothing else"
    );
    for a in items {
        let claims = app
            .get(&format!("/v1/articles/{}/claims?limit=500", a["id"]))
            .await;
        assert_eq!(
            claims.body["items"].as_array().map(Vec::len),
            a["claim_count"].as_u64().map(|n| n as usize),
            "whole articles only"
        );
    }
}
