//! Curation over HTTP on invented articles, with a token set: a mention moved to the right
//! place (and back), merges undone, the log of who did which, and the problems each
//! endpoint answers.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use claimgraph_api::{ApiConfig, GuardConfig};
use serde_json::{json, Value};

use crate::support::{app_with, App};

const TOKEN: &str = "a long curation token for tests";

const ISLANDS: &str = "Ferries from Zadar to the outer islands will sail twice a day from \
    Monday, harbour master Tomo Kralj said. Kralj said that Zadar would add a night ferry in July.";
const HOTELS: &str = "Hotels in Hvar are full for August, tourist board director Mara Bilić \
    said. Mayor Ivo Perić said that Hvar would hire more buses.";

async fn curated() -> App {
    let app = app_with(ApiConfig {
        guard: GuardConfig {
            api_token: Some(TOKEN.into()),
            ..GuardConfig::default()
        },
        ..ApiConfig::default()
    })
    .await;
    for text in [ISLANDS, HOTELS] {
        let (status, body) = send(
            &app,
            Method::POST,
            "/v1/articles",
            Some(json!({"text": text})),
            Some("seed"),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    app
}

/// A request with the token (and `X-Actor` when `actor` is set), or without any
/// credential when `actor` is `None`.
async fn send(
    app: &App,
    method: Method,
    uri: &str,
    body: Option<Value>,
    actor: Option<&str>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(actor) = actor {
        req = req
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .header("x-actor", actor);
    }
    let req = match body {
        Some(b) => req
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .expect("request");
    let (status, headers, bytes) = app.request(req).await;
    if status.is_client_error() {
        assert_eq!(
            headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            Some("application/problem+json"),
            "{uri}"
        );
    }
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

async fn entity(app: &App, q: &str, kind: &str) -> i64 {
    let (status, body) = app.get(&format!("/v1/entities?q={q}&type={kind}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["items"][0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no {kind} {q}: {body}"))
}

/// The first claim with a place, and that place's mention id.
async fn placed_claim(app: &App, place: i64) -> (Value, i64) {
    let claims = app.all(&format!("/v1/claims?place={place}"), 50).await;
    let claim = claims
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("a claim about {place}"));
    let mention = claim["places"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == place))
        .and_then(|p| p["mention_id"].as_i64())
        .unwrap_or_else(|| panic!("a mention id in {claim}"));
    (claim, mention)
}

fn place_ids(claim: &Value) -> Vec<i64> {
    claim["places"]
        .as_array()
        .map(|ps| ps.iter().filter_map(|p| p["id"].as_i64()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_wrong_place_is_corrected_logged_and_corrected_back() {
    let app = curated().await;
    let (zadar, hvar) = (
        entity(&app, "zadar", "place").await,
        entity(&app, "hvar", "place").await,
    );
    let (claim, mention) = placed_claim(&app, zadar).await;
    let claim_uri = format!("/v1/claims/{}", claim["id"]);
    // read once, so a stale answer would be in the cache
    let (_, before) = app.get(&claim_uri).await;
    assert!(place_ids(&before).contains(&zadar));
    let (status, _) = app.get(&format!("/v1/entities/{hvar}/graph")).await;
    assert_eq!(status, StatusCode::OK);

    let uri = format!("/v1/mentions/{mention}/place");
    let (status, body) = send(&app, Method::POST, &uri, Some(json!({"place": hvar})), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );
    let (status, moved) = send(
        &app,
        Method::POST,
        &uri,
        Some(json!({"place": hvar})),
        Some("desk editor"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(
        (moved["from_place"].as_i64(), moved["to_place"].as_i64()),
        (Some(zadar), Some(hvar))
    );
    assert!(
        moved["mentions"].as_array().is_some_and(|m| m.len() >= 2),
        "both Zadars of the article: {moved}"
    );
    assert!(
        moved["claims"]
            .as_array()
            .is_some_and(|c| c.contains(&claim["id"])),
        "{moved}"
    );

    let (_, after) = app.get(&claim_uri).await;
    assert!(
        place_ids(&after).contains(&hvar) && !place_ids(&after).contains(&zadar),
        "{after}"
    );
    let mentions = app.all(&format!("/v1/entities/{hvar}/mentions"), 50).await;
    assert!(
        mentions
            .iter()
            .any(|m| m["id"] == mention && m["text"] == "Zadar"),
        "{mentions:?}"
    );
    let (_, graph) = app.get(&format!("/v1/entities/{hvar}/graph")).await;
    let claim_node = format!("c:{}", claim["id"]);
    assert!(
        graph.to_string().contains(&claim_node),
        "the graph sees the move: {graph}"
    );

    let (_, log) = app.get("/v1/audit").await;
    let entry = &log["items"][0];
    assert_eq!(
        (entry["action"].as_str(), entry["actor_name"].as_str()),
        (Some("relink"), Some("desk editor"))
    );
    assert!(
        entry["actor"]
            .as_str()
            .is_some_and(|a| a.starts_with("token:")),
        "{entry}"
    );
    assert!(!log.to_string().contains(TOKEN));
    assert_eq!(entry["detail"]["to_place"].as_i64(), Some(hvar), "{entry}");

    let (status, back) = send(
        &app,
        Method::POST,
        &uri,
        Some(json!({"place": zadar})),
        Some("desk editor"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["mentions"], moved["mentions"]);
    let (_, again) = app.get(&claim_uri).await;
    assert_eq!(place_ids(&again), place_ids(&before));
}

#[tokio::test]
async fn place_corrections_answer_problems() {
    let app = curated().await;
    let (zadar, hvar) = (
        entity(&app, "zadar", "place").await,
        entity(&app, "hvar", "place").await,
    );
    let person = entity(&app, "kralj", "person").await;
    let (_, mention) = placed_claim(&app, zadar).await;
    let uri = format!("/v1/mentions/{mention}/place");
    let cases: Vec<(String, Option<Value>, StatusCode, &str)> = vec![
        (
            "/v1/mentions/999999/place".into(),
            Some(json!({"place": hvar})),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "/v1/mentions/abc/place".into(),
            Some(json!({"place": hvar})),
            StatusCode::BAD_REQUEST,
            "invalid_id",
        ),
        (uri.clone(), None, StatusCode::BAD_REQUEST, "malformed_json"),
        (
            uri.clone(),
            Some(json!({"place": hvar, "colour": 1})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            uri.clone(),
            Some(json!({"place": hvar, "scope": "world"})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            uri.clone(),
            Some(json!({"place": 0})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            uri.clone(),
            Some(json!({"place": "gn:123"})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            uri.clone(),
            Some(json!({"place": person})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_a_place",
        ),
        (
            uri.clone(),
            Some(json!({"place": 999999})),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            uri.clone(),
            Some(json!({"place": zadar})),
            StatusCode::CONFLICT,
            "same_place",
        ),
    ];
    for (uri, body, want, code) in cases {
        let (status, problem) = send(&app, Method::POST, &uri, body.clone(), Some("tester")).await;
        assert_eq!(
            (status, problem["code"].as_str()),
            (want, Some(code)),
            "{uri} {body:?}: {problem}"
        );
    }
    let long = "x".repeat(101);
    let (status, problem) = send(
        &app,
        Method::POST,
        &uri,
        Some(json!({"place": hvar})),
        Some(&long),
    )
    .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_actor"))
    );
    let (_, log) = app.get("/v1/audit").await;
    assert_eq!(
        log["items"].as_array().map(Vec::len),
        Some(0),
        "nothing refused is logged: {log}"
    );
}

#[tokio::test]
async fn merges_are_listed_and_undone() {
    let app = curated().await;
    let (tomo, mara, ivo) = (
        entity(&app, "kralj", "person").await,
        entity(&app, "bilic", "person").await,
        entity(&app, "peric", "person").await,
    );
    let said = app.all(&format!("/v1/claims?speaker={mara}"), 50).await;
    assert!(!said.is_empty());

    let merge = |into: i64, from: i64| {
        let app = &app;
        async move {
            let uri = format!("/v1/entities/{into}/merge");
            send(
                app,
                Method::POST,
                &uri,
                Some(json!({"from_id": from})),
                Some("desk editor"),
            )
            .await
        }
    };
    let (status, first) = merge(tomo, mara).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["id"].as_i64(), Some(tomo));
    let m1 = first["merge_id"].as_i64().expect("merge id");
    let (status, _) = app.get(&format!("/v1/entities/{mara}")).await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    let (status, second) = merge(ivo, tomo).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    let m2 = second["merge_id"].as_i64().expect("merge id");

    let (_, merges) = app.get("/v1/merges").await;
    let ids: Vec<i64> = merges["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["id"].as_i64())
        .collect();
    assert_eq!(ids, vec![m2, m1]);
    assert_eq!(merges["items"][1]["from_id"].as_i64(), Some(mara));
    assert!(merges["items"][1]["undone_at"].is_null());

    let undo = |id: String, actor: Option<&'static str>| {
        let app = &app;
        async move {
            send(
                app,
                Method::DELETE,
                &format!("/v1/merges/{id}"),
                None,
                actor,
            )
            .await
        }
    };
    let (status, _) = undo(m1.to_string(), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, problem) = undo(m1.to_string(), Some("desk editor")).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (StatusCode::CONFLICT, Some("merge_not_undoable")),
        "{problem}"
    );
    for m in [m2, m1] {
        let (status, undone) = undo(m.to_string(), Some("desk editor")).await;
        assert_eq!(status, StatusCode::OK, "{undone}");
        assert!(undone["undone_at"].is_string(), "{undone}");
    }
    let (status, back) = app.get(&format!("/v1/entities/{mara}")).await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(
        app.all(&format!("/v1/claims?speaker={mara}"), 50).await,
        said
    );

    for (id, want, code) in [
        (m1.to_string(), StatusCode::CONFLICT, "merge_undone"),
        ("999".to_string(), StatusCode::NOT_FOUND, "not_found"),
        ("abc".to_string(), StatusCode::BAD_REQUEST, "invalid_id"),
    ] {
        let (status, problem) = undo(id.clone(), Some("desk editor")).await;
        assert_eq!(
            (status, problem["code"].as_str()),
            (want, Some(code)),
            "{id}: {problem}"
        );
    }
    let (status, one) = app.get(&format!("/v1/merges/{m1}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["actor_name"], "desk editor");
    let actions: Vec<String> = app
        .all("/v1/audit", 2)
        .await
        .iter()
        .filter_map(|e| e["action"].as_str().map(str::to_string))
        .collect();
    assert_eq!(actions, ["unmerge", "unmerge", "merge", "merge"]);
}
