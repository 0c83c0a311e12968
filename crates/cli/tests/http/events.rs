//! `GET /v1/events` over HTTP: a subscriber sees articles and claims as they are written,
//! by this server or another process, resumes after `Last-Event-ID`, is capped, gets a
//! keep-alive while idle, and its stream ends when the server shuts down.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use claimgraph_api::{ApiConfig, AppState, EventsConfig};
use claimgraph_store::{prepare, ArticleText, NewArticle, Store};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

use crate::support::{app_with, App};

const FIRST: &str = "The new tram line to Rijeka harbour opens in May, transport director \
    Ana Golub said on Friday.";
const SECOND: &str = "Night buses in Osijek will run every 20 minutes from June, council \
    spokesman Dario Lovrić said.";

fn config(max_subscribers: usize) -> ApiConfig {
    ApiConfig {
        events: EventsConfig {
            max_subscribers,
            poll_interval: Duration::from_millis(50),
            keep_alive: Duration::from_millis(300),
        },
        ..ApiConfig::default()
    }
}

/// One server-sent event: its name, id and data (or a comment, with name `:`).
#[derive(Debug, Clone)]
struct Sse {
    event: String,
    id: String,
    data: Value,
}

/// An open `GET /v1/events` and the bytes read from it that do not yet end an event.
struct Stream {
    res: Response,
    buf: String,
}

impl Stream {
    async fn open(app: &App, last_event_id: Option<&str>) -> Result<Stream, (StatusCode, Value)> {
        let mut req = Request::get("/v1/events");
        if let Some(id) = last_event_id {
            req = req.header("last-event-id", id);
        }
        let res = app
            .router
            .clone()
            .oneshot(req.body(Body::empty()).expect("request"))
            .await
            .expect("answer");
        if res.status() != StatusCode::OK {
            let status = res.status();
            let body = res.into_body().collect().await.expect("body").to_bytes();
            return Err((status, serde_json::from_slice(&body).unwrap_or(Value::Null)));
        }
        assert_eq!(
            res.headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            Some("text/event-stream")
        );
        Ok(Stream {
            res,
            buf: String::new(),
        })
    }

    /// The next event or comment, waiting at most 10 s.
    async fn next(&mut self) -> Sse {
        loop {
            if let Some(end) = self.buf.find("\n\n") {
                let block: String = self.buf.drain(..end + 2).collect();
                return parse(&block);
            }
            let frame = tokio::time::timeout(Duration::from_secs(10), self.res.body_mut().frame())
                .await
                .expect("an event within 10 s")
                .expect("the stream goes on")
                .expect("a frame");
            if let Ok(data) = frame.into_data() {
                self.buf
                    .push_str(std::str::from_utf8(&data).expect("UTF-8"));
            }
        }
    }

    /// Events until one named `name` whose data satisfies `want`, skipping comments.
    async fn until(&mut self, name: &str, want: impl Fn(&Value) -> bool) -> Vec<Sse> {
        let mut seen = Vec::new();
        loop {
            let e = self.next().await;
            let done = e.event == name && want(&e.data);
            seen.push(e);
            if done {
                return seen;
            }
        }
    }
}

fn parse(block: &str) -> Sse {
    let mut e = Sse {
        event: "message".into(),
        id: String::new(),
        data: Value::Null,
    };
    for line in block.lines() {
        if let Some(c) = line.strip_prefix(':') {
            e.event = ":".into();
            e.data = Value::String(c.trim().to_string());
        } else if let Some((field, value)) = line.split_once(':') {
            let value = value.strip_prefix(' ').unwrap_or(value);
            match field {
                "event" => e.event = value.to_string(),
                "id" => e.id = value.to_string(),
                "data" => e.data = serde_json::from_str(value).expect("JSON data"),
                _ => {}
            }
        }
    }
    e
}

async fn post(app: &App, text: &str) -> i64 {
    app.post_article(json!({"text": text, "source": "Transit Weekly"}))
        .await["id"]
        .as_i64()
        .expect("id")
}

#[tokio::test]
async fn a_subscriber_sees_articles_and_claims_as_they_are_written() {
    let app = app_with(config(4)).await;
    let mut stream = Stream::open(&app, None).await.expect("subscribed");
    // idle: a keep-alive comment, and nothing written before subscribing is replayed
    let idle = stream.next().await;
    assert_eq!(
        (idle.event.as_str(), idle.data.as_str()),
        (":", Some("keep-alive"))
    );

    let id = post(&app, FIRST).await;
    let seen = stream.until("claim", |c| c["article_id"] == id).await;
    let article = seen
        .iter()
        .find(|e| e.event == "article")
        .expect("an article event");
    assert_eq!(article.data["id"].as_i64(), Some(id));
    assert_eq!(article.data["source"], "Transit Weekly");
    assert!(
        article.data.get("text").is_none(),
        "articles come without their text"
    );
    let claim = seen.last().expect("a claim event");
    assert!(
        claim.data["text"]
            .as_str()
            .is_some_and(|t| FIRST.contains(t)),
        "{claim:?}"
    );
    assert!(claim.data["places"].is_array());
    let parts: Vec<i64> = claim
        .id
        .split('.')
        .map(|p| p.parse().expect("a number"))
        .collect();
    assert_eq!(parts.len(), 3, "{}", claim.id);
    assert_eq!(parts[0], id, "the id holds the last article sent");

    // another process writing into the same file is seen too
    let other = app.second_store().await;
    let prepared = prepare(
        &*crate::support::reader(),
        NewArticle {
            text: ArticleText::parse(SECOND.to_string()).expect("text"),
            title: None,
            source: None,
            url: None,
            published_at: None,
        },
    );
    let written = other.insert(&prepared).await.expect("insert").id;
    let seen = stream.until("article", |a| a["id"] == written).await;
    assert!(seen
        .iter()
        .all(|e| e.event != "article" || e.data["id"] == written));
}

#[tokio::test]
async fn last_event_id_resumes_after_what_was_seen() {
    let app = app_with(config(4)).await;
    let first = post(&app, FIRST).await;
    let second = post(&app, SECOND).await;
    let mut all = Stream::open(&app, Some("0.0.0")).await.expect("subscribed");
    let seen = all.until("article", |a| a["id"] == second).await;
    let first_event = seen
        .iter()
        .find(|e| e.event == "article")
        .expect("an article");
    assert_eq!(first_event.data["id"].as_i64(), Some(first));
    drop(all);

    let mut resumed = Stream::open(&app, Some(&first_event.id))
        .await
        .expect("subscribed");
    let seen = resumed.until("article", |a| a["id"] == second).await;
    let articles: Vec<&Value> = seen
        .iter()
        .filter(|e| e.event == "article")
        .map(|e| &e.data["id"])
        .collect();
    assert_eq!(
        articles,
        vec![&json!(second)],
        "the first article is not sent again"
    );

    for bad in ["yesterday", "1.2", "1.-2.3"] {
        let (status, problem) = Stream::open(&app, Some(bad)).await.err().expect("refused");
        assert_eq!(
            (status, problem["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_event_id"))
        );
    }
}

#[tokio::test]
async fn subscribers_past_the_cap_get_503_until_one_leaves() {
    let app = app_with(config(1)).await;
    let first = Stream::open(&app, None).await.expect("subscribed");
    let req = Request::get("/v1/events")
        .body(Body::empty())
        .expect("request");
    let (status, headers, body) = app.request(req).await;
    let problem: Value = serde_json::from_slice(&body).expect("problem");
    assert_eq!(
        (status, problem["code"].as_str()),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Some("too_many_subscribers")
        )
    );
    assert!(headers.contains_key(header::RETRY_AFTER));
    drop(first);
    assert!(
        Stream::open(&app, None).await.is_ok(),
        "a place is free again"
    );
}

#[tokio::test]
async fn streams_end_when_the_server_shuts_down() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("e.db")).await.expect("open");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(claimgraph_api::serve(
        listener,
        AppState::new(store, crate::support::reader(), config(4)),
        async move {
            let _ = stopped.await;
        },
    ));
    let mut client = tokio::net::TcpStream::connect(addr).await.expect("connect");
    client
        .write_all(b"GET /v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .expect("request");
    let mut head = vec![0u8; 1024];
    let n = tokio::time::timeout(Duration::from_secs(10), client.read(&mut head))
        .await
        .expect("headers within 10 s")
        .expect("read");
    assert!(String::from_utf8_lossy(&head[..n]).starts_with("HTTP/1.1 200"));

    stop.send(()).expect("server running");
    let served = tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the open stream does not hold up the shutdown")
        .expect("server task");
    assert!(served.is_ok(), "{served:?}");
    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), client.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "the connection is closed");
}
