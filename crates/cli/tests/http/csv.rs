//! `GET /v1/claims.csv` over HTTP on invented articles: the rows `GET /v1/claims` lists for
//! the same query, field for field, in RFC 4180 (read back by a strict parser), past one
//! page, with problems before any row and a tag that follows the data.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderName, Request, StatusCode};
use serde_json::{json, Value};

use crate::support::{app, long_article, App};

const COLUMNS: [&str; 20] = [
    "id",
    "article_id",
    "article_source",
    "article_title",
    "article_url",
    "article_published_at",
    "kind",
    "speaker_id",
    "speaker_name",
    "via_id",
    "via_name",
    "cue",
    "text",
    "start",
    "end",
    "place_ids",
    "places",
    "numbers",
    "fact_id",
    "corroborations",
];

/// Records of an RFC 4180 file; panics on anything the RFC does not allow (a bare line
/// feed or a quote inside an unquoted field, a last record without CRLF).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), Some(',' | '\r')),
                        "a closing quote ends its field"
                    );
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '"' | '\n' => panic!("{c:?} in an unquoted field: {field:?}"),
            c => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty() && !quoted,
        "the last record ends with CRLF"
    );
    rows
}

impl App {
    async fn csv(
        &self,
        uri: &str,
        headers: &[(HeaderName, &str)],
    ) -> (StatusCode, HeaderMap, String) {
        let mut req = Request::get(uri);
        for (name, value) in headers {
            req = req.header(name, *value);
        }
        let (status, headers, body) = self
            .request(req.body(Body::empty()).expect("request"))
            .await;
        (status, headers, String::from_utf8(body).expect("UTF-8"))
    }

    /// The records of a 200 CSV answer, header row first.
    async fn records(&self, uri: &str) -> Vec<Vec<String>> {
        let (status, headers, body) = self.csv(uri, &[]).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"claims.csv\""
        );
        let records = parse_csv(&body);
        assert_eq!(records[0], COLUMNS, "the header row");
        assert!(records.iter().all(|r| r.len() == COLUMNS.len()));
        records
    }
}

/// A JSON value as its CSV cell: strings as they are, null as empty.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

const PIER: &str = "\"We will rebuild the pier, whatever it costs, before the summer,\" Mayor \
    Tina Zupan said on Tuesday in Kranjska Gora.\n\nZupan said that the so-called \"winter \
    plan\" would cost about 2 million euros. A local official said that 40 workers would \
    start in March.";
const BUSES: &str = "Mayor Tina Zupan said on Friday that a third bus would run to Ukanc \
    from Kranjska Gora on weekends, carrying up to 60 passengers.";

#[tokio::test]
async fn every_field_of_every_claim_round_trips_through_rfc_4180() {
    let app = app().await;
    for (title, source, url, date, text) in [
        (
            "Pier, rebuilt",
            "Carniola \"Courier\"",
            "https://example.org/a?x=1,2",
            "2026-03-04",
            PIER,
        ),
        (
            "Weekend bus",
            "Alpine Wire",
            "https://example.org/b",
            "2026-03-06T10:00:00Z",
            BUSES,
        ),
    ] {
        app.post_article(json!({
            "title": title, "source": source, "url": url, "published_at": date, "text": text,
        }))
        .await;
    }
    let claims = app.all("/v1/claims", 50).await;
    let records = app.records("/v1/claims.csv").await;
    assert_eq!(records.len(), claims.len() + 1);
    let mut quoted = 0;
    for (row, c) in records[1..].iter().zip(&claims) {
        let (_, article) = app.get(&format!("/v1/articles/{}", c["article_id"])).await;
        let places: Vec<&Value> = c["places"].as_array().expect("places").iter().collect();
        let want = [
            cell(&c["id"]),
            cell(&c["article_id"]),
            cell(&article["source"]),
            cell(&article["title"]),
            cell(&article["url"]),
            cell(&article["published_at"]),
            cell(&c["kind"]),
            cell(&c["speaker"]["id"]),
            cell(&c["speaker"]["name"]),
            cell(&c["via"]["id"]),
            cell(&c["via"]["name"]),
            cell(&c["cue"]),
            cell(&c["text"]),
            cell(&c["start"]),
            cell(&c["end"]),
            places
                .iter()
                .map(|p| cell(&p["id"]))
                .collect::<Vec<_>>()
                .join(";"),
            places
                .iter()
                .map(|p| cell(&p["name"]))
                .collect::<Vec<_>>()
                .join("; "),
            row[17].clone(),
            cell(&c["fact_id"]),
            cell(&c["corroborations"]),
        ];
        assert_eq!(row, &want, "claim {}", c["id"]);
        let units: Vec<String> = c["numbers"]
            .as_array()
            .expect("numbers")
            .iter()
            .map(|n| cell(&n["unit"]))
            .collect();
        assert_eq!(
            row[17].split("; ").filter(|s| !s.is_empty()).count(),
            units.len()
        );
        assert!(
            units.iter().all(|u| row[17].contains(u.as_str())),
            "{row:?}"
        );
        quoted += row.iter().filter(|f| f.contains([',', '"'])).count();
    }
    assert!(
        quoted >= 3,
        "titles, sources, urls and texts that need quoting"
    );
    assert!(
        records
            .iter()
            .any(|r| r[8] == "A local official" || r[8] == "a local official"),
        "an unnamed speaker by its words: {records:?}"
    );

    // the filters and order of /v1/claims, unchanged
    let zupan = claims
        .iter()
        .find_map(|c| (c["speaker"]["name"] == "Tina Zupan").then(|| c["speaker"]["id"].clone()))
        .expect("Zupan speaks");
    for query in [
        format!("speaker={zupan}"),
        "sort=-date".into(),
        "has_number=true".into(),
    ] {
        let want: Vec<String> = app
            .all(&format!("/v1/claims?{query}"), 50)
            .await
            .iter()
            .map(|c| cell(&c["id"]))
            .collect();
        let got: Vec<String> = app.records(&format!("/v1/claims.csv?{query}")).await[1..]
            .iter()
            .map(|r| r[0].clone())
            .collect();
        assert_eq!(got, want, "{query}");
    }
}

#[tokio::test]
async fn problems_come_as_problems_before_any_row() {
    let app = app().await;
    app.post_article(json!({"text": BUSES})).await;
    for (query, status, code) in [
        ("speaker=999999", StatusCode::NOT_FOUND, "not_found"),
        ("speaker=abc", StatusCode::BAD_REQUEST, "invalid_id"),
        ("kind=rumour", StatusCode::BAD_REQUEST, "invalid_kind"),
        ("q=%22unbalanced", StatusCode::BAD_REQUEST, "invalid_search"),
        ("limit=10", StatusCode::BAD_REQUEST, "unknown_parameter"),
        ("cursor=abc", StatusCode::BAD_REQUEST, "unknown_parameter"),
    ] {
        let (got, headers, body) = app.csv(&format!("/v1/claims.csv?{query}"), &[]).await;
        assert_eq!(got, status, "{query}: {body}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        let problem: Value = serde_json::from_str(&body).expect("problem");
        assert_eq!(problem["code"], code, "{query}");
    }
}

#[tokio::test]
async fn every_page_streams_and_the_tag_follows_the_data() {
    let app = app().await;
    app.post_article(json!({"title": "Road works", "text": long_article(640)}))
        .await;
    let want: Vec<String> = app
        .all("/v1/claims", 500)
        .await
        .iter()
        .map(|c| cell(&c["id"]))
        .collect();
    assert!(
        want.len() > 500,
        "more claims than one page: {}",
        want.len()
    );
    let (status, headers, body) = app.csv("/v1/claims.csv", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let got: Vec<String> = parse_csv(&body)[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(got, want);

    let tag = headers[header::ETAG].to_str().expect("ASCII").to_string();
    assert!(tag.starts_with("W/\""), "{tag}");
    let (status, _, empty) = app
        .csv("/v1/claims.csv", &[(header::IF_NONE_MATCH, tag.as_str())])
        .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(empty.is_empty());
    // another query is another answer
    let (_, other, _) = app.csv("/v1/claims.csv?kind=indirect", &[]).await;
    assert_ne!(other[header::ETAG], tag.as_str());
    // a new article: a new tag, and the old one gets the whole file again
    app.post_article(json!({"text": BUSES})).await;
    let (status, headers, body) = app
        .csv("/v1/claims.csv", &[(header::IF_NONE_MATCH, tag.as_str())])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(headers[header::ETAG], tag.as_str());
    assert!(parse_csv(&body).len() > want.len() + 1);
}
