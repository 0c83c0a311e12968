//! Corroboration and conflicts over HTTP: three outlets report one flood, two with the
//! same figure and one with another.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::support::{app, example, App};

const NORTH: &str = "Flood waters cover the valley\nThe regional governor, Ana Ruiz, said that \
floods had covered 1,200 km2 of farmland near Pisco. Rescue teams moved 300 families to \
schools, officials said.";
const COAST: &str = "Valley under water\nFloods have covered 1,200 km2 of farmland near Pisco, \
governor Ana Ruiz said on Tuesday. The harvest fair in Lima was cancelled.";
const ANDES: &str = "Farmland lost to the river\nThe farmers' union said that floods had covered \
1,900 km2 of farmland near Pisco.";

async fn seeded() -> (App, Vec<i64>) {
    let app = app().await;
    let mut ids = Vec::new();
    for (text, source) in [
        (NORTH, "Northern Post"),
        (COAST, "Coastal Herald"),
        (ANDES, "Andes Daily"),
    ] {
        let a = app
            .post_article(json!({"text": text, "source": source}))
            .await;
        ids.push(a["id"].as_i64().expect("article id"));
    }
    (app, ids)
}

fn linked(detail: &Value, field: &str) -> Vec<(i64, String)> {
    detail[field]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    (
                        c["article_id"].as_i64().unwrap_or(0),
                        c["source"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_same_figure_corroborates_and_another_conflicts() {
    let (app, ids) = seeded().await;
    let north = app.claim_with(ids[0], "1,200 km2").await;
    assert_eq!(
        linked(&north, "corroborated_by"),
        [(ids[1], "Coastal Herald".into())]
    );
    assert_eq!(
        linked(&north, "conflicts_with"),
        [(ids[2], "Andes Daily".into())]
    );
    assert!(north["fact_id"].as_i64().is_some());
    // The link holds both ways, and the unrelated claim is linked to nothing.
    let coast = app.claim_with(ids[1], "1,200 km2").await;
    assert_eq!(
        linked(&coast, "corroborated_by"),
        [(ids[0], "Northern Post".into())]
    );
    let andes = app.claim_with(ids[2], "1,900 km2").await;
    assert_eq!(linked(&andes, "conflicts_with").len(), 2, "{andes}");
    assert!(andes["fact_id"].is_null());
    assert!(linked(&andes, "corroborated_by").is_empty());
}

/// A claim's frame shows what the linker compared: the place, the figure and the words
/// that say what it measures, the same for the claims of one fact, another value for the
/// claim that conflicts.
#[tokio::test]
async fn a_claims_frame_says_what_it_was_compared_by() {
    let (app, ids) = seeded().await;
    let north = app.claim_with(ids[0], "1,200 km2").await;
    let frame = &north["frame"];
    let place = north["places"][0]["id"].clone();
    assert_eq!(frame["places"], json!([place]), "{frame}");
    assert_eq!(frame["actor"], north["speaker"]["id"], "{frame}");
    assert_eq!(frame["figures"][0]["unit"], "km2");
    assert_eq!(frame["figures"][0]["value"], 1200.0);
    assert_eq!(frame["figures"][0]["bound"], "exact");
    let measures = frame["figures"][0]["measures"].to_string();
    assert!(measures.contains("farmland"), "{frame}");
    assert!(
        !measures.contains("pisco"),
        "the place is compared as a place: {frame}"
    );
    assert!(frame["predicate"].to_string().contains("flood"), "{frame}");
    assert_eq!(frame["denied"], false);
    let andes = app.claim_with(ids[2], "1,900 km2").await;
    assert_eq!(andes["frame"]["places"], frame["places"]);
    assert_eq!(andes["frame"]["figures"][0]["value"], 1900.0);
    assert!(andes["frame"]["actor"].is_null() || andes["frame"]["actor"] != frame["actor"]);
}

/// The writer keeps its index of claims in memory: what another process wrote in between
/// must be found all the same, in both directions.
#[tokio::test]
async fn claims_another_process_wrote_are_linked() {
    let app = app().await;
    let north = app
        .post_article(json!({"text": NORTH, "source": "Northern Post"}))
        .await;
    // our writer has built its index now; another process writes behind its back
    let other = app.second_store().await;
    let coast = other
        .insert(&claimgraph_store::prepare(
            &*crate::support::reader(),
            claimgraph_store::NewArticle {
                text: claimgraph_store::ArticleText::parse(COAST.to_string()).expect("text"),
                title: None,
                source: Some("Coastal Herald".into()),
                url: None,
                published_at: None,
            },
        ))
        .await
        .expect("insert by the other process")
        .id;
    other.close().await;
    let andes = app
        .post_article(json!({"text": ANDES, "source": "Andes Daily"}))
        .await;
    let north_id = north["id"].as_i64().expect("id");
    let andes_id = andes["id"].as_i64().expect("id");
    let coast_claim = app.claim_with(coast, "1,200 km2").await;
    assert_eq!(
        linked(&coast_claim, "corroborated_by"),
        [(north_id, "Northern Post".into())],
        "the other process found what we wrote"
    );
    let andes_claim = app.claim_with(andes_id, "1,900 km2").await;
    let mut conflicting: Vec<i64> = linked(&andes_claim, "conflicts_with")
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    conflicting.sort_unstable();
    assert_eq!(
        conflicting,
        [north_id, coast],
        "we found what the other process wrote"
    );
}

#[tokio::test]
async fn facts_list_the_largest_first_with_sources_and_conflicts() {
    let (app, ids) = seeded().await;
    let facts = app.all("/v1/facts", 10).await;
    assert_eq!(facts.len(), 1, "{facts:?}");
    let f = &facts[0];
    assert_eq!(f["size"], 2);
    assert_eq!(f["article_count"], 2);
    assert_eq!(f["sources"], json!(["Coastal Herald", "Northern Post"]));
    let conflicting: Vec<i64> = f["conflicting_claims"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["article_id"].as_i64()).collect())
        .unwrap_or_default();
    assert_eq!(conflicting, [ids[2]]);
    let (status, one) = app.get(&format!("/v1/facts/{}", f["id"])).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["claims"], f["claims"]);
    let (status, missing) = app.get("/v1/facts/9999").await;
    assert_eq!(
        (status, missing["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn claims_sort_by_corroboration_and_page_through_every_claim() {
    let (app, _) = seeded().await;
    let sorted = app.all("/v1/claims?sort=corroboration", 1).await;
    let plain = app.all("/v1/claims", 50).await;
    assert_eq!(sorted.len(), plain.len());
    let counts: Vec<i64> = sorted
        .iter()
        .map(|c| c["corroborations"].as_i64().unwrap_or(-1))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!(counts.iter().filter(|&&n| n == 1).count(), 2, "{counts:?}");
    assert!(sorted[0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("1,200 km2")));
    assert!(sorted[0]["fact_id"].as_i64().is_some());
    let mut ids: Vec<i64> = sorted.iter().filter_map(|c| c["id"].as_i64()).collect();
    ids.sort_unstable();
    let mut want: Vec<i64> = plain.iter().filter_map(|c| c["id"].as_i64()).collect();
    want.sort_unstable();
    assert_eq!(ids, want, "every claim once");
}

#[tokio::test]
async fn an_entitys_facts_and_filtered_claims() {
    let (app, ids) = seeded().await;
    let (_, places) = app.get("/v1/entities?q=Pisco").await;
    let pisco = places["items"][0]["id"]
        .as_i64()
        .expect("Pisco is an entity");
    let facts = app.all(&format!("/v1/entities/{pisco}/facts"), 5).await;
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(
        facts[0]["sources"],
        json!(["Coastal Herald", "Northern Post"])
    );
    // Filters of /v1/claims apply inside an article and an entity.
    let with_figures = app
        .all(
            &format!("/v1/articles/{}/claims?has_number=true", ids[1]),
            10,
        )
        .await;
    assert!(!with_figures.is_empty());
    assert!(with_figures
        .iter()
        .all(|c| !c["numbers"].as_array().is_none_or(Vec::is_empty)));
    let all = app
        .all(&format!("/v1/articles/{}/claims", ids[1]), 10)
        .await;
    assert!(all.len() > with_figures.len(), "{all:?}");
    let sorted = app
        .all(
            &format!("/v1/entities/{pisco}/claims?sort=corroboration"),
            10,
        )
        .await;
    assert_eq!(sorted[0]["corroborations"], 1);
    let (status, body) = app
        .get(&format!(
            "/v1/articles/{}/claims?article={}",
            ids[0], ids[1]
        ))
        .await;
    // another article's filter within this one excludes every claim: nothing, not an error
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["items"], json!([]), "{body}");
    let (status, body) = app.get("/v1/entities/9999/facts").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

/// Facts are groups whose claims agree on average, not chains of best matches: a report
/// that shares nothing with another is not in its fact because a third claim echoes both.
#[tokio::test]
async fn one_shared_phrase_does_not_chain_two_reports() {
    let app = app().await;
    let mut ids = Vec::new();
    for (text, source) in [
        (
            "Port retaken\nRebel fighters retook the port of Arica on Monday, the army said.",
            "Northern Post",
        ),
        (
            "Arica falls\nRebel fighters retook the port of Arica on Monday while the grain \
             silos of the harbour burned for two days.",
            "Coastal Herald",
        ),
        (
            "Silos on fire\nThe grain silos of the harbour burned for two days, firefighters said.",
            "Andes Daily",
        ),
    ] {
        let a = app
            .post_article(json!({"text": text, "source": source}))
            .await;
        ids.push(a["id"].as_i64().expect("article id"));
    }
    let retaken = app.claim_with(ids[0], "retook").await;
    let both = app.claim_with(ids[1], "retook").await;
    let silos = app.claim_with(ids[2], "silos").await;
    let articles = |c: &Value| -> Vec<i64> {
        linked(c, "corroborated_by")
            .into_iter()
            .map(|(a, _)| a)
            .collect()
    };
    assert!(!articles(&retaken).contains(&ids[2]), "{retaken}");
    assert!(!articles(&silos).contains(&ids[0]), "{silos}");
    // the claim holding both halves is grouped with the one that shares its place and
    // words: the other shares a phrase and a duration, which name nothing in common
    assert_eq!(articles(&both), [ids[0]], "{both}");
    let facts = app.all("/v1/facts", 10).await;
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0]["size"], 2);
}

/// A list of facts stays small when wire copy makes one fact of many claims: each fact
/// lists its first claims, counts them all, and `GET /v1/facts/{id}` gives it whole.
#[tokio::test]
async fn a_fact_of_many_claims_is_listed_short_and_read_whole() {
    let app = app().await;
    let copies = claimgraph_store::LISTED_CLAIMS + 3;
    for n in 0..copies {
        let text = format!(
            "Wire report {n}\nFloods have covered 1,200 km2 of farmland near Pisco, governor \
             Ana Ruiz said on Tuesday."
        );
        app.post_article(json!({"text": text, "source": format!("Outlet {n:02}")}))
            .await;
    }
    let facts = app.all("/v1/facts", 10).await;
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0]["conflicts_truncated"], false);
    // as many reports of another figure for the same floods
    for n in 0..copies {
        let text = format!(
            "Second wire {n}
Floods have covered 3,500 km2 of farmland near Pisco, the \
             regional office said on Tuesday."
        );
        app.post_article(json!({"text": text, "source": format!("Agency {n:02}")}))
            .await;
    }
    let facts = app.all("/v1/facts", 10).await;
    assert_eq!(facts.len(), 2, "{facts:?}");
    let f = &facts[0];
    assert_eq!(f["size"], copies);
    assert_eq!(f["article_count"], copies);
    assert_eq!(f["sources"].as_array().map(Vec::len), Some(copies));
    for listed in ["claims", "conflicting_claims"] {
        assert_eq!(
            f[listed].as_array().map(Vec::len),
            Some(claimgraph_store::LISTED_CLAIMS),
            "{listed}"
        );
    }
    assert_eq!(f["conflicts_with"], json!([facts[1]["id"]]));
    assert_eq!(f["conflicts_truncated"], true);
    let (status, whole) = app.get(&format!("/v1/facts/{}", f["id"])).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(whole["claims"].as_array().map(Vec::len), Some(copies));
    assert_eq!(
        whole["conflicting_claims"].as_array().map(Vec::len),
        Some(copies)
    );
    assert_eq!(whole["conflicts_truncated"], false);
}

/// A fact regrouped when another article reports it keeps its id, so links to it hold.
#[tokio::test]
async fn a_fact_keeps_its_id_as_more_articles_report_it() {
    let (app, ids) = seeded().await;
    let north = app.claim_with(ids[0], "1,200 km2").await;
    let fact = north["fact_id"].as_i64().expect("in a fact");
    let later = app
        .post_article(json!({
            "text": "Farms flooded\nGovernor Ana Ruiz said floods had covered 1,200 km2 of \
                     farmland near Pisco.",
            "source": "Valley Times"
        }))
        .await;
    let later_id = later["id"].as_i64().expect("article id");
    let joined = app.claim_with(later_id, "1,200 km2").await;
    assert_eq!(joined["fact_id"].as_i64(), Some(fact), "{joined}");
    let (status, whole) = app.get(&format!("/v1/facts/{fact}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(whole["size"], 3);
    assert_eq!(
        whole["sources"],
        json!(["Coastal Herald", "Northern Post", "Valley Times"])
    );
}

/// The example articles, as JSON bodies: a text file's first line is its headline, an
/// NDJSON file holds one article per line.
fn example_articles() -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    for (story, name) in [
        ("flood", "flood-romagna.txt"),
        ("flood", "romagna-roads.txt"),
        ("water", "water-evora.txt"),
    ] {
        out.push((story, json!({ "text": example(name) })));
    }
    let wildfire: Value = serde_json::from_str(&example("wildfire-evia.json")).expect("JSON");
    out.push(("wildfire", wildfire));
    for line in example("port-strike.ndjson")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        out.push(("strike", serde_json::from_str(line).expect("JSON line")));
    }
    out
}

/// Four unrelated stories share words ("for two days", "residents … by boat") but no
/// fact: each fact holds claims of one story only, and the flood's two reports make some.
#[tokio::test]
async fn unrelated_stories_that_share_words_share_no_fact() {
    let app = app().await;
    let mut story_of = std::collections::HashMap::new();
    for (story, body) in example_articles() {
        let article = app.post_article(body).await;
        story_of.insert(article["id"].as_i64().expect("id"), story);
    }
    let facts = app.all("/v1/facts", 20).await;
    assert!(!facts.is_empty(), "the two flood reports share facts");
    for fact in facts {
        let stories: std::collections::BTreeSet<&str> = fact["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| story_of[&c["article_id"].as_i64().expect("article id")])
            .collect();
        assert_eq!(stories.len(), 1, "one fact across stories: {fact}");
    }
}
