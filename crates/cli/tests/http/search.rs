//! `GET /v1/claims?q=`: the search language as users write it (prefixes, hyphenated words,
//! names in any spelling), its limits, and that SQLite's own words never reach a client.
//! On articles invented for these tests.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use claimgraph_api::ApiConfig;
use claimgraph_graph::search::{MAX_NAME_CHARS, MAX_PREFIXES, MAX_WORDS, MIN_PREFIX_CHARS};
use serde_json::{json, Value};

use crate::support::{app_with, App};

fn id_set(claims: &[Value]) -> BTreeSet<i64> {
    claims.iter().filter_map(|c| c["id"].as_i64()).collect()
}

/// Percent-encodes a query value (spaces, quotes, parentheses, `*` and non-ASCII).
fn encoded(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Two invented reports of one town and one official, each in another spelling.
async fn two_reports() -> App {
    let app = app_with(ApiConfig::default()).await;
    app.post_article(json!({
        "title": "Bridge closed",
        "source": "Border Courier",
        "text": "Officials said the old bridge in Uzhhorod would stay closed until May. \
                 Engineers evacuated the workshops beside the bridge on Monday, the city council \
                 said. \u{201c}The counter-offensive of the river against these piers is \
                 relentless,\u{201d} engineer Olena Hryshchenko said. Police said Olena \
                 Hryshchenko had asked for a ferry. The council said the reorganized ferry \
                 service would liberate the market from traffic."
    }))
    .await;
    app.post_article(json!({
        "title": "Ferry replaces bridge",
        "source": "Valley Wire",
        "text": "A ferry began carrying cars across the river at Uzhgorod on Tuesday, the \
                 council said. Residents said Olena Gryshchenko had promised the evacuation \
                 would be short. The council said the offensive smell near the counter of the \
                 ferry office came from the river. \u{201c}We evacuate the quay every \
                 night,\u{201d} a ferry worker said."
    }))
    .await;
    app
}

impl App {
    async fn search(&self, q: &str) -> Vec<Value> {
        self.all(&format!("/v1/claims?q={}", encoded(q)), 50).await
    }

    /// The ids of the claims whose text satisfies `has`.
    async fn claims_where(&self, has: impl Fn(&str) -> bool) -> BTreeSet<i64> {
        let all = self.all("/v1/claims", 500).await;
        all.iter()
            .filter(|c| c["text"].as_str().is_some_and(&has))
            .filter_map(|c| c["id"].as_i64())
            .collect()
    }
}

/// The lower-case words of `text`.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[tokio::test]
async fn a_prefix_longer_than_the_stem_finds_the_words_it_starts() {
    let app = two_reports().await;
    for prefix in ["evacuat", "liberat", "reorganiz", "ferr"] {
        let starting = app
            .claims_where(|t| words_of(t).iter().any(|w| w.starts_with(prefix)))
            .await;
        assert!(
            !starting.is_empty(),
            "{prefix}: the articles use such a word"
        );
        let found = app.search(&format!("{prefix}*")).await;
        assert_eq!(id_set(&found), starting, "{prefix}*");
    }
    // a prefix inside a phrase, and one of a hyphenated word
    let night = app.search(r#""the quay every nig"*"#).await;
    assert_eq!(night.len(), 1, "{night:?}");
    let counter = app.search("counter-offen*").await;
    assert_eq!(
        id_set(&counter),
        app.claims_where(|t| t.contains("counter-offensive")).await
    );
    // relevance order still pages by keyset over the expanded words
    let whole = app.all("/v1/claims?q=evacuat*%20OR%20ferr*", 500).await;
    let paged = app.all("/v1/claims?q=evacuat*%20OR%20ferr*", 1).await;
    assert_eq!(
        paged.iter().map(|c| c["id"].clone()).collect::<Vec<_>>(),
        whole.iter().map(|c| c["id"].clone()).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_hyphenated_word_searches_as_the_phrase_of_its_parts() {
    let app = two_reports().await;
    let (status, body) = app.get("/v1/claims?q=counter-offensive").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let hyphenated = app.claims_where(|t| t.contains("counter-offensive")).await;
    assert_eq!(hyphenated.len(), 1);
    // the other article has both words, apart: not the phrase
    let apart = app
        .claims_where(|t| t.contains("offensive") && !t.contains("counter-offensive"))
        .await;
    assert!(!apart.is_empty());
    assert_eq!(id_set(&app.search("counter-offensive").await), hyphenated);
}

#[tokio::test]
async fn a_name_finds_claims_written_in_its_other_spellings() {
    let app = two_reports().await;
    // the store holds one town and one official for the two spellings of each
    for (q, kind) in [
        ("Uzhgorod", "place"),
        ("Uzhhorod", "place"),
        ("Olena%20Gryshchenko", "person"),
        ("Olena%20Hryshchenko", "person"),
    ] {
        let (_, found) = app.get(&format!("/v1/entities?q={q}&type={kind}")).await;
        let names: Vec<&Value> = found["items"].as_array().into_iter().flatten().collect();
        assert!(!names.is_empty(), "{q}: {found}");
    }
    let town = app
        .claims_where(|t| t.contains("Uzhhorod") || t.contains("Uzhgorod"))
        .await;
    let in_first = app.claims_where(|t| t.contains("Uzhhorod")).await;
    let in_second = app.claims_where(|t| t.contains("Uzhgorod")).await;
    assert!(!in_first.is_empty() && !in_second.is_empty());
    for spelling in ["Uzhgorod", "uzhhorod", "UZHGOROD"] {
        assert_eq!(id_set(&app.search(spelling).await), town, "{spelling}");
    }
    // a name of two words, side by side or quoted, in either spelling
    let official = app
        .claims_where(|t| t.contains("Hryshchenko") || t.contains("Gryshchenko"))
        .await;
    assert!(official.len() >= 2, "{official:?}");
    for q in ["Olena Gryshchenko", r#""Olena Hryshchenko""#, "Gryshchenko"] {
        assert_eq!(id_set(&app.search(q).await), official, "{q}");
    }
    // with other words and operators around it, the name keeps its place
    let closed = app
        .claims_where(|t| t.contains("closed") && t.contains("Uzhhorod"))
        .await;
    assert_eq!(closed.len(), 1);
    assert_eq!(id_set(&app.search("Uzhgorod closed").await), closed);
    let no_bridge = app
        .claims_where(|t| {
            (t.contains("Uzhhorod") || t.contains("Uzhgorod"))
                && !words_of(t).iter().any(|w| w == "bridge")
        })
        .await;
    assert!(!no_bridge.is_empty());
    assert_eq!(id_set(&app.search("Uzhgorod NOT bridge").await), no_bridge);
}

#[tokio::test]
async fn costly_queries_are_refused_naming_the_limit() {
    let app = two_reports().await;
    let repeat = |term: &str, n: usize| vec![term; n].join(" ");
    let cases = [
        (repeat("a*", 100), MIN_PREFIX_CHARS),
        (repeat("a*", 500), MIN_PREFIX_CHARS),
        (repeat("fer*", MAX_PREFIXES + 1), MAX_PREFIXES),
        (repeat("ferry", MAX_WORDS + 1), MAX_WORDS),
    ];
    for (q, limit) in cases {
        let (status, body) = app.get(&format!("/v1/claims?q={}", encoded(&q))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(body["code"], "invalid_search", "{body}");
        let detail = body["detail"].as_str().unwrap_or("");
        assert!(detail.contains(&limit.to_string()), "{detail}");
    }
    // at the limits, an answer
    let (status, _) = app
        .get(&format!(
            "/v1/claims?q={}",
            encoded(&repeat("fer*", MAX_PREFIXES))
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn no_sqlite_message_reaches_a_client() {
    let app = two_reports().await;
    let hostile = [
        "counter-offensive",
        "nosuchcolumn:pay",
        "\"unbalanced",
        "a OR",
        "NEAR(a b",
        "NEAR(a, b, c)",
        "((((((((((deep))))))))))",
        "bridge (",
        ") bridge",
        "{text}: bridge",
        "-bridge",
        "bridge^ + *",
        "text:",
        "\u{0}",
        "'; DROP TABLE claims; --",
        "\u{201c}bridge\u{201d}",
        "\"\"\"\"",
    ];
    for q in hostile {
        let (status, body) = app.get(&format!("/v1/claims?q={}", encoded(q))).await;
        assert!(
            status == StatusCode::OK
                || (status == StatusCode::BAD_REQUEST && body["code"] == "invalid_search"),
            "{q:?}: {status} {body}"
        );
        let detail = body["detail"].as_str().unwrap_or("").to_lowercase();
        // SQLite's own messages: "fts5: syntax error near …", "no such column: …"
        for raw in [
            "fts5:",
            "syntax error",
            "no such column",
            "unterminated",
            "malformed",
        ] {
            assert!(!detail.contains(raw), "{q:?}: {detail}");
        }
    }
}

#[tokio::test]
async fn entity_search_bounds_its_name_and_never_leaks_sqlite() {
    let app = two_reports().await;
    let long = "uzhgorod ".repeat(MAX_NAME_CHARS / 9 + 1);
    let (status, body) = app.get(&format!("/v1/entities?q={}", encoded(&long))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "invalid_search");
    let detail = body["detail"].as_str().unwrap_or("");
    assert!(detail.contains(&MAX_NAME_CHARS.to_string()), "{detail}");
    let (status, _) = app
        .get(&format!(
            "/v1/entities?q={}",
            encoded(&"u".repeat(MAX_NAME_CHARS))
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    for q in [
        "counter-offensive",
        "nosuchcolumn:pay",
        "\"uzh",
        "a* a*",
        "NEAR(",
        "%_uzh%",
    ] {
        let (status, body) = app.get(&format!("/v1/entities?q={}", encoded(q))).await;
        assert_eq!(status, StatusCode::OK, "{q:?}: {body}");
    }
}
