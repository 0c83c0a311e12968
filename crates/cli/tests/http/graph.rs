//! The graph endpoints over HTTP on invented articles: neighbourhoods as Cytoscape.js
//! elements, shortest paths through linked claims, co-occurrence counts computed from the
//! claim lists, GraphML and N-Triples, and a projection that catches up with writes made
//! behind the server's back.

use std::collections::{BTreeMap, BTreeSet};

use std::io::Read;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderName, Request, StatusCode};
use claimgraph_api::{ApiConfig, GuardConfig, EXPORT_PATHS};
use claimgraph_graph::EdgeKind;
use claimgraph_store::{prepare, ArticleText, NewArticle};
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::support::{app, app_with, long_article, App};

const HARBOUR: &str = "The boats will rest until April, harbour master Luka Perić said on \
    Monday in Bohinj. Perić said that 40 crew members would move to the ski lifts in \
    Kranjska Gora.";
const MAYOR: &str = "Mayor Tina Zupan said on Tuesday that two buses would run from Bohinj \
    to Ukanc every hour. \u{201c}Nobody will be stranded in Ukanc,\u{201d} Zupan said.";
const LATE: &str = "Mayor Tina Zupan said on Friday that a third bus would run to Ukanc \
    from Kranjska Gora on weekends.";

impl App {
    async fn post_titled(&self, title: &str, source: &str, text: &str) -> i64 {
        let req = Request::post("/v1/articles")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({"title": title, "source": source, "text": text}).to_string(),
            ))
            .expect("request");
        let (status, _, body) = self.request(req).await;
        assert_eq!(status, StatusCode::CREATED);
        let body: Value = serde_json::from_slice(&body).expect("JSON");
        body["id"].as_i64().expect("id")
    }

    async fn entity(&self, q: &str, kind: &str) -> i64 {
        let (status, body) = self.get(&format!("/v1/entities?q={q}&type={kind}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["items"][0]["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("no {kind} {q}: {body}"))
    }

    /// A GET with `headers`: status, headers and body.
    async fn get_with(
        &self,
        uri: &str,
        headers: &[(HeaderName, &str)],
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut req = Request::get(uri);
        for (name, value) in headers {
            req = req.header(name, *value);
        }
        self.request(req.body(Body::empty()).expect("request"))
            .await
    }

    async fn text(&self, uri: &str) -> (StatusCode, String, String) {
        let req = Request::get(uri).body(Body::empty()).expect("request");
        let (status, ctype, body) = self.typed(req).await;
        (
            status,
            ctype.unwrap_or_default(),
            String::from_utf8(body).expect("UTF-8"),
        )
    }
}

fn node_ids(graph: &Value) -> BTreeSet<String> {
    graph["elements"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["data"]["id"].as_str().expect("id").to_string())
        .collect()
}

/// The co-occurrence counts `related` should give, worked out from the claim lists:
/// other speakers and places of the claims where `id` is speaker or place.
fn expected_related(claims: &[Value], id: i64) -> BTreeMap<i64, u64> {
    let mut counts = BTreeMap::new();
    for c in claims {
        let mut roles: BTreeSet<i64> = c["places"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["id"].as_i64())
            .collect();
        if let Some(s) = c["speaker"]["id"].as_i64() {
            roles.insert(s);
        }
        if roles.remove(&id) {
            for other in roles {
                *counts.entry(other).or_default() += 1;
            }
        }
    }
    counts
}

#[tokio::test]
async fn graph_paths_related_and_exports_follow_the_articles() {
    let app = app().await;
    let a1 = app
        .post_titled("Ferries rest & <winter> plans", "Lake Bohinj Post", HARBOUR)
        .await;
    let a2 = app
        .post_titled("Buses replace ferries", "Carniola Courier", MAYOR)
        .await;
    let peric = app.entity("Perić", "person").await;
    let zupan = app.entity("Zupan", "person").await;
    let bohinj = app.entity("Bohinj", "place").await;
    let peric_claims = assert_neighbourhood(&app, peric, bohinj, a1).await;
    let (cp, cz) = assert_paths(&app, peric, zupan, &peric_claims).await;
    // an article written by another process (here: straight into the store) shows up
    let late = prepare(
        &*crate::support::reader(),
        NewArticle {
            text: ArticleText::parse(LATE.to_string()).expect("text"),
            title: Some("Weekend bus".into()),
            source: Some("Alpine Wire".into()),
            url: None,
            published_at: None,
        },
    );
    let a3 = app.store.insert(&late).await.expect("insert").id;
    let (_, zgraph) = app.get(&format!("/v1/entities/{zupan}/graph")).await;
    assert!(node_ids(&zgraph).contains(&format!("a:{a3}")), "{zgraph}");
    assert!(node_ids(&zgraph).contains(&format!("a:{a2}")), "{zgraph}");

    assert_related(&app, zupan, bohinj, peric).await;
    assert_exports(&app, peric, a1, a3, (cp, cz)).await;
}

/// Perić's neighbourhood: his claims and the article naming him, as Cytoscape elements;
/// deeper reaches more and a limit cuts. Gives his claims.
async fn assert_neighbourhood(app: &App, peric: i64, bohinj: i64, a1: i64) -> Vec<Value> {
    let peric_claims = app.all(&format!("/v1/claims?speaker={peric}"), 50).await;
    assert!(!peric_claims.is_empty());
    let (status, graph) = app.get(&format!("/v1/entities/{peric}/graph")).await;
    assert_eq!(status, StatusCode::OK, "{graph}");
    let mut want: BTreeSet<String> = peric_claims
        .iter()
        .map(|c| format!("c:{}", c["id"]))
        .collect();
    want.insert(format!("e:{peric}"));
    want.insert(format!("a:{a1}"));
    assert_eq!(node_ids(&graph), want);
    assert_eq!(graph["truncated"], false);
    let me = graph["elements"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["data"]["id"] == format!("e:{peric}"))
        .expect("the entity itself")
        .clone();
    assert_eq!(me["data"]["kind"], "person");
    assert_eq!(me["data"]["label"], "Luka Perić");
    let edges = graph["elements"]["edges"].as_array().expect("edges");
    for e in edges {
        let d = &e["data"];
        assert!(want.contains(d["source"].as_str().expect("source")), "{e}");
        assert!(want.contains(d["target"].as_str().expect("target")), "{e}");
    }
    for c in &peric_claims {
        let id = format!("speaker:c:{}-e:{peric}", c["id"]);
        assert!(edges.iter().any(|e| e["data"]["id"] == id), "{id}");
    }

    // deeper reaches more; a limit cuts and says so
    let (_, deep) = app
        .get(&format!("/v1/entities/{peric}/graph?depth=3"))
        .await;
    assert!(node_ids(&deep).is_superset(&want));
    assert!(node_ids(&deep).contains(&format!("e:{bohinj}")));
    let (_, cut) = app
        .get(&format!("/v1/entities/{peric}/graph?depth=3&limit=2"))
        .await;
    assert_eq!(node_ids(&cut).len(), 2);
    assert_eq!(cut["truncated"], true);
    peric_claims
}

/// The shortest paths from Perić to Zupan, through Bohinj and then through a corroborating
/// link recorded between their claims. Gives the two linked claims.
async fn assert_paths(app: &App, peric: i64, zupan: i64, peric_claims: &[Value]) -> (i64, i64) {
    // Perić and Zupan share no article: the shortest way is through Bohinj
    let (status, before) = app
        .get(&format!("/v1/paths?from={peric}&to={zupan}&max_len=6"))
        .await;
    assert_eq!(status, StatusCode::OK, "{before}");
    let len = before["length"].as_u64().expect("a path exists");
    assert!(len >= 4, "{before}");
    let first = &before["paths"][0];
    assert_eq!(first["nodes"][0]["id"], format!("e:{peric}"));
    assert_eq!(first["nodes"][len as usize]["id"], format!("e:{zupan}"));
    assert_eq!(first["edges"].as_array().expect("edges").len() as u64, len);

    // a corroborating link between their claims is a shorter way, with both claims on it
    let zupan_claims = app.all(&format!("/v1/claims?speaker={zupan}"), 50).await;
    let (cp, cz) = (
        peric_claims[0]["id"].as_i64().expect("id"),
        zupan_claims[0]["id"].as_i64().expect("id"),
    );
    app.store
        .record_claim_link(cp, cz, EdgeKind::Corroborates, 0.9)
        .await;
    let (_, after) = app.get(&format!("/v1/paths?from={peric}&to={zupan}")).await;
    assert_eq!(after["length"], 3, "{after}");
    assert_eq!(
        after["paths"].as_array().expect("paths").len(),
        1,
        "{after}"
    );
    assert_eq!(after["paths"][0]["claims"], json!([cp, cz]));
    assert_eq!(after["paths"][0]["edges"][1]["kind"], "corroborates");
    assert_eq!(after["paths"][0]["edges"][1]["score"], 0.9);
    let (_, none) = app
        .get(&format!("/v1/paths?from={peric}&to={zupan}&max_len=2"))
        .await;
    assert_eq!(none["paths"], json!([]));
    assert_eq!(none["length"], Value::Null);
    (cp, cz)
}

/// The co-occurrence counts of `related`, as the claim lists give them, most first.
async fn assert_related(app: &App, zupan: i64, bohinj: i64, peric: i64) {
    let all_claims = app.all("/v1/claims", 100).await;
    for id in [zupan, bohinj, peric] {
        let want = expected_related(&all_claims, id);
        let (status, related) = app.get(&format!("/v1/entities/{id}/related")).await;
        assert_eq!(status, StatusCode::OK, "{related}");
        let items = related["items"].as_array().expect("items");
        let got: BTreeMap<i64, u64> = items
            .iter()
            .map(|r| {
                (
                    r["id"].as_i64().expect("id"),
                    r["count"].as_u64().expect("count"),
                )
            })
            .collect();
        assert_eq!(got, want, "entity {id}");
        let counts: Vec<u64> = items.iter().filter_map(|r| r["count"].as_u64()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    }
    let zupan_related = expected_related(&all_claims, zupan);
    assert!(!zupan_related.is_empty(), "Zupan's claims are about places");
}

/// The exports hold the whole graph, typed and escaped: the articles, Perić, and the link
/// between claims `cp` and `cz`.
async fn assert_exports(app: &App, peric: i64, a1: i64, a3: i64, (cp, cz): (i64, i64)) {
    let (status, ctype, xml) = app.text("/v1/export.graphml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/graphml+xml");
    assert!(xml.starts_with("<?xml"));
    assert!(xml.contains(&format!("<node id=\"e:{peric}\">")));
    assert!(xml.contains("<data key=\"label\">Ferries rest &amp; &lt;winter&gt; plans</data>"));
    assert!(xml.contains(&format!(
        "<edge id=\"corroborates:c:{}-c:{}\"",
        cp.min(cz),
        cp.max(cz)
    )));
    assert!(xml.contains(&format!("<node id=\"a:{a3}\">")));
    let (status, ctype, nt) = app.text("/v1/export.nt").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/n-triples");
    assert!(nt.contains(&format!(
        "<urn:claimgraph:article:{a1}> <http://www.w3.org/2000/01/rdf-schema#label> \"Ferries rest & <winter> plans\" .\n"
    )));
    assert!(nt.contains(&format!(
        "<urn:claimgraph:claim:{}> <urn:claimgraph:vocab#corroborates> <urn:claimgraph:claim:{}> .\n",
        cp.min(cz),
        cp.max(cz)
    )));
    assert!(nt.contains(&format!(
        "<urn:claimgraph:entity:{peric}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:claimgraph:vocab#Person> .\n"
    )));
    // as many nodes in one as in the other
    assert_eq!(
        xml.matches("<node ").count(),
        nt.matches("rdf-schema#label").count()
    );
    let (status, ctype, ld) = app.text("/v1/export.jsonld").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/ld+json");
    let ld: Value = serde_json::from_str(&ld).expect("JSON-LD is JSON");
    assert_eq!(ld["@context"]["@vocab"], "urn:claimgraph:vocab#");
    let nodes = ld["@graph"].as_array().expect("@graph");
    assert_eq!(nodes.len(), xml.matches("<node ").count());
    let claim = nodes
        .iter()
        .find(|n| n["@id"] == format!("urn:claimgraph:claim:{}", cp.min(cz)))
        .expect("the claim's node");
    assert_eq!(claim["@type"], "Claim");
    assert!(claim["corroborates"]
        .as_array()
        .is_some_and(|t| t.contains(&json!(format!("urn:claimgraph:claim:{}", cp.max(cz))))));
}

#[tokio::test]
async fn unknown_merged_and_out_of_range_are_problems() {
    let app = app().await;
    app.post_titled("Buses replace ferries", "Carniola Courier", MAYOR)
        .await;
    app.post_titled("Ferries rest", "Lake Bohinj Post", HARBOUR)
        .await;
    let zupan = app.entity("Zupan", "person").await;
    let peric = app.entity("Perić", "person").await;
    let code = |v: &Value| v["code"].as_str().unwrap_or("").to_string();

    for (uri, status, want) in [
        (
            "/v1/entities/999999/graph".to_string(),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "/v1/entities/999999/related".to_string(),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            format!("/v1/paths?from={zupan}&to=999999"),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            format!("/v1/entities/{zupan}/graph?depth=4"),
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            format!("/v1/entities/{zupan}/graph?depth=0"),
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            format!("/v1/entities/{zupan}/graph?depth=two"),
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            format!("/v1/entities/{zupan}/graph?limit=1001"),
            StatusCode::BAD_REQUEST,
            "invalid_limit",
        ),
        (
            format!("/v1/entities/{zupan}/related?limit=0"),
            StatusCode::BAD_REQUEST,
            "invalid_limit",
        ),
        (
            format!("/v1/paths?from={zupan}"),
            StatusCode::BAD_REQUEST,
            "invalid_id",
        ),
        (
            format!("/v1/paths?from={zupan}&to={peric}&max_len=7"),
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            "/v1/entities/abc/graph".to_string(),
            StatusCode::BAD_REQUEST,
            "invalid_id",
        ),
    ] {
        let (got, body) = app.get(&uri).await;
        assert_eq!((got, code(&body).as_str()), (status, want), "{uri}: {body}");
    }
    // warm the projection, then merge: the merged id answers as the entity routes do
    let (status, _) = app.get(&format!("/v1/entities/{peric}/graph")).await;
    assert_eq!(status, StatusCode::OK);
    app.store
        .merge_entities(zupan, peric, &claimgraph_store::Actor::anonymous())
        .await
        .expect("merge");
    for uri in [
        format!("/v1/entities/{peric}/graph"),
        format!("/v1/entities/{peric}/related"),
        format!("/v1/paths?from={peric}&to={zupan}"),
    ] {
        let (got, body) = app.get(&uri).await;
        assert_eq!(got, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(code(&body), "entity_merged", "{uri}");
    }
    let (status, survivor) = app.get(&format!("/v1/entities/{zupan}/graph")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!node_ids(&survivor).contains(&format!("e:{peric}")));
}

const EXPORTS: [&str; 3] = ["/v1/export.graphml", "/v1/export.nt", "/v1/export.jsonld"];

fn etag(headers: &HeaderMap) -> String {
    headers
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .expect("an ETag")
        .to_string()
}

#[tokio::test]
async fn exports_are_tagged_by_their_data_and_answer_304_until_it_changes() {
    let app = app().await;
    app.post_titled("Buses replace ferries", "Carniola Courier", MAYOR)
        .await;
    let mut tags = Vec::new();
    for uri in EXPORTS {
        let (status, headers, body) = app.get_with(uri, &[]).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let tag = etag(&headers);
        assert!(tag.starts_with("W/\""), "{uri}: {tag}");
        let disposition = headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ASCII");
        assert!(
            disposition.starts_with("attachment; filename=\"claimgraph."),
            "{disposition}"
        );
        // the same data: the same tag and bytes
        let (_, again, same) = app.get_with(uri, &[]).await;
        assert_eq!(etag(&again), tag, "{uri}");
        assert_eq!(same, body, "{uri}");
        // the tag sent back: 304, no body
        let (status, headers, empty) = app
            .get_with(uri, &[(header::IF_NONE_MATCH, tag.as_str())])
            .await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(empty.is_empty());
        assert_eq!(etag(&headers), tag);
        // gzipped: the same tag (weak) over the same content
        let (status, headers, gz) = app
            .get_with(uri, &[(header::ACCEPT_ENCODING, "gzip")])
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_ENCODING], "gzip", "{uri}");
        assert_eq!(etag(&headers), tag);
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut plain)
            .expect("gzip");
        assert_eq!(plain, body, "{uri}");
        // HEAD: the headers, no body
        let req = Request::head(uri).body(Body::empty()).expect("request");
        let (status, headers, empty) = app.request(req).await;
        assert_eq!((status, etag(&headers)), (StatusCode::OK, tag.clone()));
        assert!(empty.is_empty());
        tags.push(tag);
    }
    assert_eq!(
        tags.iter().collect::<BTreeSet<_>>().len(),
        3,
        "one tag per format"
    );

    // a write, here by another process: every tag moves, the old ones get the new graph
    let late = prepare(
        &*crate::support::reader(),
        NewArticle {
            text: ArticleText::parse(LATE.to_string()).expect("text"),
            title: Some("Weekend bus".into()),
            source: Some("Alpine Wire".into()),
            url: None,
            published_at: None,
        },
    );
    let a = app.store.insert(&late).await.expect("insert").id;
    for (uri, old) in EXPORTS.iter().zip(&tags) {
        let (status, headers, body) = app
            .get_with(uri, &[(header::IF_NONE_MATCH, old.as_str())])
            .await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_ne!(&etag(&headers), old, "{uri}");
        let body = String::from_utf8(body).expect("UTF-8");
        assert!(
            body.contains(&format!("a:{a}\""))
                || body.contains(&format!("article:{a}>"))
                || body.contains(&format!("article:{a}\"")),
            "{uri} shows the new article"
        );
    }
}

/// Text as GraphML character data.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The `<data>` of node `id` in a GraphML document, as key → value.
fn graphml_node(doc: &str, id: &str) -> BTreeMap<String, String> {
    let start = doc
        .find(&format!("<node id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no node {id}"));
    let node = &doc[start..start + doc[start..].find("</node>").expect("closed")];
    node.split("<data key=\"")
        .skip(1)
        .map(|d| {
            let (key, rest) = d.split_once("\">").expect("key");
            let value = &rest[..rest.find("</data>").expect("end")];
            (key.to_string(), value.to_string())
        })
        .collect()
}

const FERRY_LINE: &str = "\u{201c}The new bus line will carry about 300 passengers a day \
    between Ljubljana and Maribor from May, and the fares will stay as they are for the \
    whole summer season,\u{201d} transport official Luka Perić said on Monday in Maribor.";

#[tokio::test]
async fn exports_carry_whole_texts_places_numbers_and_dates() {
    let app = app().await;
    let article = app
        .post_article(json!({
            "title": "Ferry line to open", "source": "Lake Bohinj Post",
            "url": "https://example.org/ferry-line", "published_at": "2026-03-04",
            "text": FERRY_LINE,
        }))
        .await;
    let a = article["id"].as_i64().expect("id");
    let claims = app.all(&format!("/v1/articles/{a}/claims"), 50).await;
    let long = claims
        .iter()
        .find(|c| c["text"].as_str().is_some_and(|t| t.chars().count() > 120))
        .unwrap_or_else(|| panic!("a claim longer than a label: {claims:?}"));
    let id = long["id"].as_i64().expect("id");
    let text = long["text"].as_str().expect("text");
    let number = &long["numbers"][0];
    assert!(number.is_object(), "the claim gives a number: {long}");

    let (_, _, doc) = app.text("/v1/export.graphml").await;
    let node = graphml_node(&doc, &format!("c:{id}"));
    assert_eq!(node["text"], xml(text), "the whole text");
    assert!(node["label"].chars().count() <= 121);
    assert_eq!(node["claim_kind"], long["kind"].as_str().expect("kind"));
    assert_eq!(node["start"], long["start"].to_string());
    assert_eq!(node["published_at"], "2026-03-04");
    assert_eq!(node["source"], "Lake Bohinj Post");
    assert_eq!(node["number_unit"], number["unit"].as_str().expect("unit"));
    assert_eq!(
        node["number_value"].parse::<f64>().expect("a double"),
        number["value"].as_f64().expect("value")
    );
    let article_node = graphml_node(&doc, &format!("a:{a}"));
    assert_eq!(article_node["url"], "https://example.org/ferry-line");
    let place = long["places"]
        .as_array()
        .expect("places")
        .iter()
        .find(|p| p["coordinates"].is_object())
        .unwrap_or_else(|| panic!("a place with coordinates: {long}"));
    let place_node = graphml_node(&doc, &format!("e:{}", place["id"]));
    assert_eq!(
        place_node["lat"].parse::<f64>().expect("lat"),
        place["coordinates"]["lat"].as_f64().expect("lat")
    );
    assert_eq!(
        place_node["lon"].parse::<f64>().expect("lon"),
        place["coordinates"]["lon"].as_f64().expect("lon")
    );
    assert_eq!(
        place_node["place_type"],
        place["place_type"].as_str().expect("type")
    );

    let (_, _, nt) = app.text("/v1/export.nt").await;
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    assert!(
        nt.contains(&format!(
            "<urn:claimgraph:claim:{id}> <urn:claimgraph:vocab#text> \"{escaped}\" .\n"
        )),
        "the whole text in N-Triples"
    );
    assert!(nt.contains(&format!(
        "<urn:claimgraph:article:{a}> <urn:claimgraph:vocab#publishedAt> \"2026-03-04\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
    )));

    let (_, _, ld) = app.text("/v1/export.jsonld").await;
    let ld: Value = serde_json::from_str(&ld).expect("JSON");
    let node = ld["@graph"]
        .as_array()
        .expect("@graph")
        .iter()
        .find(|n| n["@id"] == format!("urn:claimgraph:claim:{id}"))
        .expect("the claim");
    assert_eq!(node["text"], text);
    assert_eq!(node["number"][0]["unit"], number["unit"]);
}

const FERRIES_STOP: &str = "Harbour master Luka Perić said on Monday that the ferries to \
    Hvar would stop sailing until April because of the winter storms.";
const FERRIES_STOP_AGAIN: &str = "Harbour master Luka Perić said on Monday that the ferries \
    to Hvar would stop sailing until April because of the strong winter storms.";

#[tokio::test]
async fn a_claim_that_joins_a_fact_later_shows_it_in_the_next_export() {
    let app = app().await;
    let first = app
        .post_titled("Ferries stop", "Lake Bohinj Post", FERRIES_STOP)
        .await;
    // the server's graph is built now, before the second report exists
    let (status, _, before) = app.text("/v1/export.graphml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!before.contains("<data key=\"fact_id\">"));
    app.post_titled("Winter timetable", "Carniola Courier", FERRIES_STOP_AGAIN)
        .await;
    let claims = app.all(&format!("/v1/articles/{first}/claims"), 50).await;
    let joined = claims
        .iter()
        .find(|c| c["fact_id"].is_i64())
        .unwrap_or_else(|| panic!("the second report corroborates the first: {claims:?}"));
    let (_, _, after) = app.text("/v1/export.graphml").await;
    let node = graphml_node(&after, &format!("c:{}", joined["id"]));
    assert_eq!(
        node.get("fact_id").map(String::as_str),
        Some(joined["fact_id"].to_string().as_str()),
        "the first article's claim, read before the fact existed"
    );
}

#[tokio::test]
async fn exports_past_the_limit_are_refused_until_a_slot_frees() {
    let app = app_with(ApiConfig {
        max_exports: 1,
        ..ApiConfig::default()
    })
    .await;
    app.post_article(json!({"title": "Road works", "text": long_article(640)}))
        .await;
    // an export whose client reads nothing: it fills its queue and holds its slot
    let req = |uri: &str| Request::get(uri).body(Body::empty()).expect("request");
    let held = app
        .router
        .clone()
        .oneshot(req("/v1/export.graphml"))
        .await
        .expect("answer");
    assert_eq!(held.status(), StatusCode::OK);
    for uri in ["/v1/export.nt", "/v1/claims.csv"] {
        let (status, headers, body) = app.request(req(uri)).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{uri}");
        let problem: Value = serde_json::from_slice(&body).expect("problem");
        assert_eq!(problem["code"], "exports_busy");
        assert_eq!(headers[header::RETRY_AFTER], "5");
    }
    // other reads go on, and a conditional export that is current needs no slot
    let (status, _) = app.get("/v1/claims?limit=1").await;
    assert_eq!(status, StatusCode::OK);
    let tag = etag(held.headers());
    let (status, _, _) = app
        .get_with(
            "/v1/export.graphml",
            &[(header::IF_NONE_MATCH, tag.as_str())],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    // the client goes away: its export stops at the next chunk and frees the slot
    drop(held);
    let mut status = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..100 {
        status = app.request(req("/v1/export.nt")).await.0;
        if status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn exports_may_need_the_token_while_other_reads_stay_open() {
    let app = app_with(ApiConfig {
        guard: GuardConfig {
            api_token: Some("export-token".into()),
            require_token_for_exports: true,
            ..GuardConfig::default()
        },
        ..ApiConfig::default()
    })
    .await;
    for path in EXPORT_PATHS {
        let (status, _, _) = app.get_with(path, &[]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        let (status, _, _) = app
            .get_with(path, &[(header::AUTHORIZATION, "Bearer export-token")])
            .await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    for path in ["/v1/claims", "/v1/articles", "/healthz"] {
        assert_eq!(app.get(path).await.0, StatusCode::OK, "{path}");
    }
}
