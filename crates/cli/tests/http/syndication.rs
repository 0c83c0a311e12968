//! Wire copy: one text published by several outlets is one article with several
//! publications, and facts count outlets and texts apart.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::support::app;

const WIRE: &str = "Ferry crews walked out\nFerry crews at the port of Split stopped work on \
    Monday, union leader Marta Kovač said. About 40 sailings were cancelled, the harbour \
    office said.";

const OWN_WORDS: &str = "Sailings cancelled\nAbout 40 sailings were cancelled at the port of \
    Split on Monday, the harbour office said, as ferry crews stopped work.";

fn outlets(article: &Value) -> Vec<(String, String)> {
    article["publications"]
        .as_array()
        .expect("publications")
        .iter()
        .map(|p| {
            (
                p["source"].as_str().unwrap_or("-").to_string(),
                p["url"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_same_text_from_another_outlet_is_another_publication() {
    let app = app().await;
    let (status, first) = app
        .post_json(json!({"text": WIRE, "source": "Adriatic Wire"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = first["id"].as_i64().expect("id");
    assert_eq!(outlets(&first), [("Adriatic Wire".into(), "-".into())]);

    let copy =
        json!({"text": WIRE, "source": "Split Evening", "url": "https://split.example/ferries"});
    let (status, again) = app.post_json(copy.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["id"], id, "one text, one article");
    assert_eq!(again["source"], "Adriatic Wire", "the first publication's");
    let both = [
        ("Adriatic Wire".to_string(), "-".to_string()),
        (
            "Split Evening".into(),
            "https://split.example/ferries".into(),
        ),
    ];
    assert_eq!(outlets(&again), both);

    // the same publication twice, and a post that names no outlet, add nothing
    assert_eq!(app.post_json(copy).await.0, StatusCode::OK);
    assert_eq!(app.post_json(json!({"text": WIRE})).await.0, StatusCode::OK);
    let (status, read) = app.get(&format!("/v1/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(outlets(&read), both);
    assert_eq!(
        read["claim_count"], first["claim_count"],
        "claims are the text's, once"
    );
    // lists stay light
    let (_, list) = app.get("/v1/articles?limit=10").await;
    assert!(list["items"][0].get("publications").is_none(), "{list}");
}

#[tokio::test]
async fn an_article_posted_without_an_outlet_has_no_publications() {
    let app = app().await;
    let (status, article) = app.post_json(json!({"text": OWN_WORDS})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(article["publications"], json!([]));
}

#[tokio::test]
async fn a_fact_counts_outlets_and_texts_apart() {
    let app = app().await;
    for (text, source) in [
        (WIRE, "Adriatic Wire"),
        (OWN_WORDS, "Dalmatia Daily"),
        (WIRE, "Split Evening"),
        (WIRE, "Island Radio"),
    ] {
        app.post_json(json!({"text": text, "source": source})).await;
    }
    let (_, facts) = app.get("/v1/facts?limit=20").await;
    let fact = facts["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|f| f["article_count"] == 2)
        .unwrap_or_else(|| panic!("a fact of both texts: {facts}"))
        .clone();
    assert_eq!(fact["outlet_count"], 4, "{fact}");
    assert_eq!(
        fact["sources"],
        json!([
            "Adriatic Wire",
            "Dalmatia Daily",
            "Island Radio",
            "Split Evening"
        ])
    );
}
