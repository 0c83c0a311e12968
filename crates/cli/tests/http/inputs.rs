//! What `POST /v1/articles` and the list endpoints make of odd input: blank text, dates,
//! charsets, cursors and bodies that are not what they claim to be.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};

use crate::support::{app, App};

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

#[tokio::test]
async fn published_at_must_be_a_date_that_exists() {
    let app = app().await;
    for at in [
        "2026-02-30",
        "2026-03-01T25:00:00Z",
        "2026-03-01T23:61:00Z",
        "2026-03-01T10:00:00+25:00",
        "0000-01-01",
    ] {
        let article = json!({ "text": "The ferry sailed at noon, the harbour master said.", "published_at": at });
        let (status, body) = post(&app, "application/json", article.to_string()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{at}: {body}");
        assert_eq!(body["code"], "invalid_published_at", "{at}");
        assert!(
            body["detail"]
                .as_str()
                .is_some_and(|d| d.contains("published_at")),
            "{body}"
        );
        let bound = at.replace('+', "%2B");
        let (status, body) = app
            .get(&format!("/v1/claims?published_after={bound}"))
            .await;
        assert_eq!(
            status,
            StatusCode::BAD_REQUEST,
            "published_after={at}: {body}"
        );
    }
    let (_, list) = app.get("/v1/articles").await;
    assert_eq!(list["items"], json!([]), "nothing was stored");
    let article = json!({ "text": "The ferry sailed at noon, the harbour master said.", "published_at": "2024-02-29T23:59:59+05:30" });
    let (status, body) = post(&app, "application/json", article.to_string()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

/// `s` as UTF-16 code units in little- or big-endian bytes, after a byte order mark if asked.
fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xfeff).into_iter().chain(s.encode_utf16());
    units
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[tokio::test]
async fn a_declared_charset_is_decoded() {
    let text = "Ferries sail again\n\u{201c}The crossing to Brăila is safe,\u{201d} harbour master Ilse Varga said on Monday.";
    let latin1 = b"Caf\xe9 reopens\nThe caf\xe9 in Sintra reopened on Monday, the owner said.";
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        (
            "text/plain; charset=utf-16le",
            utf16(text, false, false),
            text.to_string(),
        ),
        (
            "text/plain; charset=utf-16be",
            utf16(&text.replace("Monday", "Tuesday"), true, true),
            text.replace("Monday", "Tuesday"),
        ),
        (
            "text/plain; charset=iso-8859-1",
            latin1.to_vec(),
            "Café reopens\nThe café in Sintra reopened on Monday, the owner said.".to_string(),
        ),
    ];
    let app = app().await;
    for (ctype, body, want) in cases {
        let (status, created) = post(&app, ctype, body).await;
        assert_eq!(status, StatusCode::CREATED, "{ctype}: {created}");
        let (status, stored) = app.get(&format!("/v1/articles/{}", created["id"])).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(stored["text"], want, "{ctype}");
    }
}

#[tokio::test]
async fn an_unknown_charset_is_415_naming_it() {
    let app = app().await;
    let (status, body) = post(&app, "text/plain; charset=klingon", "Words.").await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    assert_eq!(body["code"], "unsupported_charset");
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|d| d.contains("klingon")),
        "{body}"
    );
    let (status, body) = post(&app, "text/plain; charset=utf-16le", b"a\x00b".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "invalid_encoding");
}

/// The `next_cursor` of the first page of `uri` (which must have one).
async fn first_cursor(app: &App, uri: &str) -> String {
    let (status, page) = app.get(uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {page}");
    page["next_cursor"]
        .as_str()
        .unwrap_or_else(|| panic!("{uri} has a second page: {page}"))
        .to_string()
}

#[tokio::test]
async fn a_cursor_is_refused_by_another_list_or_order() {
    let app = app().await;
    for (i, town) in ["Varna", "Burgas", "Ruse"].iter().enumerate() {
        app.post_article(json!({ "text": format!(
            "Ferry line {i} resumes\n\u{201c}The crossing to {town} is safe again,\u{201d} harbour \
             master Tamsin Ollerby said on Monday. About {n} passengers waited at the pier in \
             {town}, police said. Mayor Ivo Stanchev said the port would reopen.",
            n = 100 + i
        ) }))
        .await;
    }
    let claims = first_cursor(&app, "/v1/claims?limit=1").await;
    let entities = first_cursor(&app, "/v1/entities?limit=1").await;
    let corroboration = first_cursor(&app, "/v1/claims?sort=corroboration&limit=1").await;
    let relevance = first_cursor(
        &app,
        "/v1/claims?q=ferry%20OR%20harbour%20OR%20port&limit=1",
    )
    .await;
    for uri in [
        format!("/v1/articles?cursor={claims}"),
        format!("/v1/facts?cursor={entities}"),
        format!("/v1/entities?cursor={claims}"),
        format!("/v1/claims?q=harbour&cursor={corroboration}"),
        format!("/v1/claims?sort=corroboration&cursor={relevance}"),
        format!("/v1/claims?sort=date&cursor={claims}"),
    ] {
        let (status, body) = app.get(&uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(body["code"], "invalid_cursor", "{uri}");
    }
    for uri in [
        format!("/v1/claims?limit=1&cursor={claims}"),
        format!("/v1/entities?limit=1&cursor={entities}"),
        format!("/v1/claims?sort=corroboration&limit=1&cursor={corroboration}"),
    ] {
        let (status, body) = app.get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    }
}

#[tokio::test]
async fn a_query_string_that_is_not_utf8_is_400() {
    let app = app().await;
    for uri in [
        "/v1/claims?q=%ff%fe",
        "/v1/entities?q=caf%C3",
        "/v1/articles?limit=1&cursor=%80",
        // a bad byte in a name: the query is unreadable, not a parameter of another name
        "/v1/claims?sp%e9aker=4",
    ] {
        let (status, body) = app.get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(body["code"], "invalid_query", "{uri}");
    }
    let (status, _) = app.get("/v1/entities?q=caf%C3%A9").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn created_and_duplicate_answers_have_one_shape() {
    let app = app().await;
    let text = "Bridge reopens\nThe bridge in Mostar reopened on Friday, the mayor said.";
    let article = json!({ "text": text, "source": "Valley Post" }).to_string();
    let (status, created) = post(&app, "application/json", article.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let (status, again) = post(&app, "application/json", article).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(created["text"], text);
    assert_eq!(created, again, "201 and 200 carry the same fields");
}

#[tokio::test]
async fn a_json_body_of_another_shape_says_what_is_expected() {
    let app = app().await;
    for (body, got) in [
        (
            r#"[{"text": "The bridge reopened, the mayor said."}]"#,
            "got an array",
        ),
        (
            r#"["The bridge reopened, the mayor said."]"#,
            "got an array",
        ),
        ("null", "got null"),
        ("42", "got a number"),
        (r#"{"text": 42}"#, "invalid type"),
    ] {
        let (status, answer) = post(&app, "application/json", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        assert_eq!(answer["code"], "invalid_article", "{body}");
        let detail = answer["detail"].as_str().unwrap_or_default();
        assert!(
            detail.contains("expected a JSON object {\"text\""),
            "{body}: {detail}"
        );
        assert!(detail.contains(got), "{body}: {detail}");
    }
    for truncated in [r#"{"text": "The bridge reop"#, r#"{"text": 5"#, "[1, "] {
        let (status, answer) = post(&app, "application/json", truncated).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{truncated}: {answer}");
        assert_eq!(answer["code"], "malformed_json", "{truncated}");
    }
    let (_, list) = app.get("/v1/articles").await;
    assert_eq!(list["items"], json!([]), "nothing was stored");
}
