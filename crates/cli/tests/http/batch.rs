//! `POST /v1/articles:batch` over HTTP: one result line per article in input order, bad
//! lines answered with the problem `POST /v1/articles` gives without stopping the others,
//! the request refused whole before any work when its type, size or line count is wrong,
//! the write token required, and the new articles seen by `GET /v1/events`.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use claimgraph_api::{ApiConfig, EventsConfig, GuardConfig, MAX_BATCH_LINES};
use claimgraph_store::StoreOptions;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::support::{app, app_on, app_with, App};

const NDJSON: &str = "application/x-ndjson";
const TOKEN: &str = "batch-token-0123456789";

fn harbour() -> Value {
    json!({
        "title": "Harbour cranes idle",
        "source": "Coastal Ledger",
        "published_at": "2026-03-04",
        "text": "Cranes at the port of Zadar stood idle on Wednesday as about 300 workers \
                 joined a strike, union spokeswoman Vesna Horvat said."
    })
}

fn ferries() -> Value {
    json!({
        "text": "Ferries to Vis sailed again on Thursday after two days of storms, the \
                 harbour master Ivo Babić said."
    })
}

fn trams() -> Value {
    json!({
        "source": "Transit Weekly",
        "text": "The new tram line to Osijek station opens in May, transport director \
                 Ana Golub said on Friday."
    })
}

/// A batch request with `body` as `content_type`, with the token when given.
fn batch(content_type: &str, body: impl Into<String>, token: Option<&str>) -> Request<Body> {
    let mut req = Request::post("/v1/articles:batch").header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    req.body(Body::from(body.into())).expect("request")
}

/// Posts a batch that is taken (200, NDJSON) and returns its result lines.
async fn results(app: &App, req: Request<Body>) -> Vec<Value> {
    let (status, ctype, body) = app.typed(req).await;
    let text = String::from_utf8(body).expect("UTF-8");
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(ctype.as_deref(), Some(NDJSON));
    assert!(text.is_empty() || text.ends_with('\n'), "{text:?}");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each result line is JSON"))
        .collect()
}

/// The answer to a refused request: its status and problem code.
async fn refused(app: &App, req: Request<Body>) -> (StatusCode, String) {
    let (status, ctype, body) = app.typed(req).await;
    assert_eq!(ctype.as_deref(), Some("application/problem+json"));
    let problem: Value = serde_json::from_slice(&body).expect("problem JSON");
    (status, problem["code"].as_str().unwrap_or("").to_string())
}

async fn article_count(app: &App) -> usize {
    app.all("/v1/articles", 500).await.len()
}

#[tokio::test]
async fn mixed_lines_get_results_in_order_and_the_good_ones_are_stored() {
    let app = app().await;
    let before = app.post_article(ferries()).await;
    let body = [
        harbour().to_string(),                                          // 1: new
        ferries().to_string(),                                          // 2: stored before
        String::new(),                                                  // 3: blank, skipped
        "[\"not\", \"an\", \"article\"]".into(),                        // 4: not an object
        json!({"text": "  \t "}).to_string(),                           // 5: blank text
        json!({"text": "x", "published_at": "2026-02-30"}).to_string(), // 6: no such date
        json!({"text": "x", "author": "y"}).to_string(),                // 7: unknown field
        "  ".into(),                                                    // 8: blank, skipped
        trams().to_string(),                                            // 9: new
        harbour().to_string(),                                          // 10: line 1 again
    ]
    .join("\r\n");
    let lines = results(&app, batch(NDJSON, body, None)).await;
    let summary: Vec<(i64, i64)> = lines
        .iter()
        .map(|l| {
            (
                l["line"].as_i64().unwrap_or(0),
                l["status"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (1, 201),
            (2, 200),
            (4, 422),
            (5, 422),
            (6, 422),
            (7, 422),
            (9, 201),
            (10, 200)
        ],
        "{lines:#?}"
    );
    let code = |i: usize| lines[i]["problem"]["code"].as_str().unwrap_or("");
    assert_eq!(
        [code(2), code(3), code(4), code(5)],
        [
            "invalid_article",
            "empty_text",
            "invalid_published_at",
            "invalid_article"
        ]
    );
    for bad in &lines[2..6] {
        assert_eq!(bad["problem"]["status"], 422, "{bad}");
        assert!(bad["problem"]["detail"].is_string(), "{bad}");
        assert!(bad.get("id").is_none(), "{bad}");
    }
    assert_eq!(lines[1]["id"], before["id"]);
    assert_eq!(lines[1]["created"], false);
    assert_eq!(lines[1]["content_hash"], before["content_hash"]);
    assert_eq!(lines[0]["created"], true);
    assert_eq!(
        lines[7]["id"], lines[0]["id"],
        "the same text in one batch is one article"
    );
    assert_eq!(lines[7]["created"], false);

    // what a line says is what was stored, as the single POST would have stored it
    for (i, input) in [(0, harbour()), (6, trams())] {
        let location = lines[i]["location"].as_str().expect("location");
        assert_eq!(location, format!("/v1/articles/{}", lines[i]["id"]));
        let (status, stored) = app.get(location).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(stored["text"], input["text"]);
        assert_eq!(stored["source"], input["source"]);
        assert_eq!(stored["content_hash"], lines[i]["content_hash"]);
        assert!(stored["claim_count"].as_i64().unwrap_or(0) >= 1, "{stored}");
    }
    assert_eq!(article_count(&app).await, 3);
}

#[tokio::test]
async fn a_line_that_is_not_json_gets_the_single_posts_problem_and_the_rest_are_stored() {
    let app = app().await;
    let broken = "{\"text\": \"cut off in the mid";
    let body = format!("{broken}\n{}\n{}\n", harbour(), trams());
    let lines = results(&app, batch(NDJSON, body, None)).await;
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["status"], 400);
    // the same problem as for one article with that body
    let single = Request::post("/v1/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(broken))
        .expect("request");
    let (status, _, body) = app.request(single).await;
    let problem: Value = serde_json::from_slice(&body).expect("problem");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(lines[0]["problem"], problem);
    assert_eq!(problem["code"], "malformed_json");
    assert_eq!([&lines[1]["status"], &lines[2]["status"]], [201, 201]);
    assert_eq!(article_count(&app).await, 2);
}

#[tokio::test]
async fn a_batch_larger_than_a_chunk_is_answered_whole_and_in_order() {
    let app = app().await;
    let texts: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "Pier {i} of the port of Split reopened on Monday, harbour master Ivo Babić said."
            )
        })
        .collect();
    let body: String = texts
        .iter()
        .map(|t| format!("{}\n", json!({ "text": t })))
        .collect();
    let mut req = batch("application/x-ndjson; charset=utf-8", body, None);
    req.headers_mut()
        .insert(header::ACCEPT_ENCODING, "gzip".parse().expect("header"));
    // result lines are sent as they come, never held back by gzip
    let res = app.router.clone().oneshot(req).await.expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    let lines: Vec<Value> = std::str::from_utf8(&bytes)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let numbers: Vec<i64> = lines.iter().filter_map(|l| l["line"].as_i64()).collect();
    assert_eq!(numbers, (1..=40).collect::<Vec<i64>>());
    assert!(lines.iter().all(|l| l["status"] == 201), "{lines:#?}");
    assert_eq!(article_count(&app).await, 40);
}

#[tokio::test]
async fn a_body_that_is_not_ndjson_is_a_415_and_nothing_is_stored() {
    let app = app().await;
    for ctype in [
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
    ] {
        let (status, code) = refused(&app, batch(ctype, harbour().to_string(), None)).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ctype}");
        assert_eq!(code, "unsupported_media_type", "{ctype}");
    }
    let (status, code) = refused(
        &app,
        batch(
            "application/x-ndjson; charset=klingon",
            harbour().to_string(),
            None,
        ),
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_charset")
    );
    assert_eq!(article_count(&app).await, 0);
}

#[tokio::test]
async fn more_lines_than_the_limit_is_a_413_before_anything_is_stored() {
    let app = app().await;
    let line = format!("{}\n", harbour());
    // blank lines do not count: the limit itself is taken
    let at_limit = format!("\n{}", line.repeat(MAX_BATCH_LINES));
    let lines = results(&app, batch(NDJSON, at_limit, None)).await;
    assert_eq!(lines.len(), MAX_BATCH_LINES);
    assert_eq!(article_count(&app).await, 1, "one text, stored once");

    let over = format!("{}\n{}", trams(), line.repeat(MAX_BATCH_LINES));
    let (status, code) = refused(&app, batch(NDJSON, over, None)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(code, "too_many_lines");
    assert_eq!(
        article_count(&app).await,
        1,
        "the new first line was not stored"
    );
}

#[tokio::test]
async fn once_the_database_is_full_the_good_lines_after_get_507_and_bad_ones_their_own() {
    let app = app_on(
        ApiConfig::default(),
        StoreOptions {
            max_size_bytes: Some(400 * 1024),
        },
    )
    .await;
    let filler = "Filler words about the harbour. ".repeat(40);
    let mut body: String = (0..MAX_BATCH_LINES - 1)
        .map(|i| {
            let text = format!(
                "Berth {i} of the port of Ploče reopened on Monday, harbour master Ivo \
                 Babić said. {filler}"
            );
            format!("{}\n", json!({ "text": text }))
        })
        .collect();
    body.push_str("{\"text\": \n");
    let lines = results(&app, batch(NDJSON, body, None)).await;
    assert_eq!(lines.len(), MAX_BATCH_LINES);
    let stored = lines.iter().take_while(|l| l["status"] == 201).count();
    assert!(stored > 0, "some fit");
    assert!(stored < MAX_BATCH_LINES - 1, "the cap is reached");
    // a chunk is one transaction: it is stored whole or not at all
    assert_eq!(stored % 16, 0, "{stored}");
    let (bad, after) = lines[stored..].split_last().expect("lines after the cap");
    for line in after {
        assert_eq!(line["status"], 507, "{line}");
        assert_eq!(line["problem"]["code"], "storage_full", "{line}");
    }
    assert_eq!(bad["problem"]["code"], "malformed_json", "{bad}");
    assert_eq!(article_count(&app).await, stored);
}

#[tokio::test]
async fn an_empty_batch_answers_no_lines() {
    let app = app().await;
    assert!(results(&app, batch(NDJSON, "\n\n", None)).await.is_empty());
}

#[tokio::test]
async fn the_write_token_is_required_when_the_server_has_one() {
    let app = app_with(ApiConfig {
        guard: GuardConfig {
            api_token: Some(TOKEN.into()),
            ..GuardConfig::default()
        },
        ..ApiConfig::default()
    })
    .await;
    for token in [None, Some("wrong")] {
        let (status, code) = refused(&app, batch(NDJSON, harbour().to_string(), token)).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized")
        );
    }
    assert_eq!(article_count(&app).await, 0);
    let lines = results(&app, batch(NDJSON, harbour().to_string(), Some(TOKEN))).await;
    assert_eq!(lines[0]["status"], 201);
}

#[tokio::test]
async fn a_write_from_another_sites_page_is_refused() {
    let app = app().await;
    let mut req = batch(NDJSON, harbour().to_string(), None);
    req.headers_mut().insert(
        header::ORIGIN,
        "https://evil.example".parse().expect("origin"),
    );
    let (status, code) = refused(&app, req).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::FORBIDDEN, "origin_not_allowed")
    );
    assert_eq!(article_count(&app).await, 0);
}

#[tokio::test]
async fn the_route_is_its_own_and_takes_no_query_parameters() {
    let app = app().await;
    let req = Request::post("/v1/articles:batch?dry_run=1")
        .header(header::CONTENT_TYPE, NDJSON)
        .body(Body::from(harbour().to_string()))
        .expect("request");
    let (status, code) = refused(&app, req).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::BAD_REQUEST, "unknown_parameter")
    );
    let get = Request::get("/v1/articles:batch")
        .body(Body::empty())
        .expect("request");
    let (status, code) = refused(&app, get).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    // `articles:batch` is not an article id, nor `articles/{id}` a batch
    let (status, body) = app.get("/v1/articles/batch").await;
    assert_eq!(
        (status, &body["code"]),
        (StatusCode::BAD_REQUEST, &json!("invalid_id"))
    );
    assert_eq!(article_count(&app).await, 0);
}

#[tokio::test]
async fn the_event_stream_sees_a_batchs_articles() {
    let app = app_with(ApiConfig {
        events: EventsConfig {
            poll_interval: Duration::from_millis(50),
            ..EventsConfig::default()
        },
        ..ApiConfig::default()
    })
    .await;
    let events = Request::get("/v1/events")
        .body(Body::empty())
        .expect("request");
    let mut stream = app.router.clone().oneshot(events).await.expect("answer");
    assert_eq!(stream.status(), StatusCode::OK);
    let lines = results(
        &app,
        batch(NDJSON, format!("{}\n{}", harbour(), trams()), None),
    )
    .await;
    let ids: Vec<i64> = lines.iter().filter_map(|l| l["id"].as_i64()).collect();
    assert_eq!(ids.len(), 2);
    let mut seen: Vec<i64> = Vec::new();
    let mut buf = String::new();
    while seen.len() < 2 {
        let frame = tokio::time::timeout(Duration::from_secs(10), stream.body_mut().frame())
            .await
            .expect("events within 10 s")
            .expect("the stream goes on")
            .expect("a frame");
        if let Ok(data) = frame.into_data() {
            buf.push_str(std::str::from_utf8(&data).expect("UTF-8"));
        }
        while let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            if block.lines().any(|l| l == "event: article") {
                let data = block
                    .lines()
                    .find_map(|l| l.strip_prefix("data: "))
                    .expect("data");
                let article: Value = serde_json::from_str(data).expect("JSON");
                seen.extend(article["id"].as_i64());
            }
        }
    }
    assert_eq!(seen, ids);
}

/// A batch line carrying a stored text from another outlet is one more publication of it.
#[tokio::test]
async fn a_stored_text_from_another_outlet_in_a_batch_is_a_publication() {
    let app = app().await;
    let first = app.post_article(harbour()).await;
    let mut copy = harbour();
    copy["source"] = json!("Dalmatia Wire");
    copy["url"] = json!("https://wire.example/zadar-cranes");
    let lines = results(&app, batch(NDJSON, copy.to_string(), None)).await;
    assert_eq!(
        (lines[0]["status"].clone(), lines[0]["id"].clone()),
        (json!(200), first["id"].clone())
    );
    let (_, article) = app.get(&format!("/v1/articles/{}", first["id"])).await;
    let outlets: Vec<&Value> = article["publications"]
        .as_array()
        .expect("publications")
        .iter()
        .map(|p| &p["source"])
        .collect();
    assert_eq!(outlets, [&json!("Coastal Ledger"), &json!("Dalmatia Wire")]);
}
