//! What `POST /v1/articles` and the list endpoints make of odd input: blank text, dates,
//! charsets, cursors and bodies that are not what they claim to be.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};

mod support;

use support::{app, App};

/// Posts `body` as `content_type` and answers the status and JSON body.
async fn post(app: &App, content_type: &str, body: impl Into<Body>) -> (StatusCode, Value) {
    let req = Request::post("/v1/articles")
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .expect("request");
    let (status, _, body) = app.request(req).await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn text_without_a_visible_character_is_blank() {
    let app = app().await;
    for text in ["\0", "\0\0\0\0", " \0\n\u{1}\t\u{7f}\r\n"] {
        let (status, body) = post(&app, "text/plain", text).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text:?}: {body}");
        assert_eq!(body["code"], "empty_text", "{text:?}");
        let (status, body) = post(
            &app,
            "application/json",
            json!({ "text": text }).to_string(),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text:?}: {body}");
        assert_eq!(body["code"], "empty_text", "{text:?}");
    }
    let (_, list) = app.get("/v1/articles").await;
    assert_eq!(list["items"], json!([]), "nothing was stored");
}
