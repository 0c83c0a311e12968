//! `GET /v1/claims.csv`: every claim a `GET /v1/claims` query matches, as one RFC 4180
//! file for a spreadsheet. The query is parsed by the claim list's own functions
//! (`routes::claim_filter`); the rows are read a page at a time and streamed (`stream.rs`),
//! so a file of any length costs a page of memory, and it takes an export slot.

use std::collections::HashMap;
use std::io;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use claimgraph_graph::storage::{
    ArticleRecord, ClaimFilter, ClaimRecord, ClaimSort, Id, NumberRecord, Page, SpeakerRecord,
    Storage,
};

use crate::conditional;
use crate::error::Problem;
use crate::extract::{ApiQuery, MAX_LIMIT};
use crate::routes::{claim_filter, ClaimQuery};
use crate::stream::{self, BodySender, Head};
use crate::{ApiError, AppState};

/// The columns, in order.
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

/// `GET /v1/claims.csv`.
#[utoipa::path(get, path = "/v1/claims.csv", tag = "claims", operation_id = "claims_csv",
    summary = "Every matching claim as CSV",
    description = "Takes the filters, `q` and `sort` of `GET /v1/claims` and answers every claim they match, in that order, as one RFC 4180 file (`text/csv; charset=utf-8`, a header row, CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; cells are the data as stored, never rewritten). Not paged: `limit` and `cursor` are refused (400 `unknown_parameter`); the rows are read page by page while they stream, so claims stored meanwhile may appear at the end. Columns: `id`, `article_id`, `article_source`, `article_title`, `article_url`, `article_published_at`, `kind`, `speaker_id` (empty for an unnamed source), `speaker_name` (the entity's name or the article's words), `via_id`, `via_name`, `cue`, `text`, `start`, `end`, `place_ids` and `places` (`;`-separated), `numbers` (`; `-separated, e.g. `about 700 mi2 = 1812.99 km2`), `fact_id`, `corroborations`. Takes an export slot (503 `exports_busy`) and, with --require-token-for-exports, the token. The weak `ETag` follows the data, so `If-None-Match` answers 304 while nothing changed.",
    params(ClaimQuery),
    responses(
        (status = 200, description = "The claims as CSV", body = String, content_type = "text/csv",
            headers(
                ("etag" = String, description = "Weak; changes whenever the data does"),
                ("content-disposition" = String, description = "attachment; filename=\"claims.csv\""),
            )),
        (status = 304, description = "`If-None-Match` holds the current tag"),
        (status = 400, description = "As `GET /v1/claims`; `unknown_parameter` also for `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "As `GET /v1/claims`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`exports_busy`: --max-exports exports are streaming; as on every route `timeout`, `overloaded`, `busy`, `read_only`. Retry after `Retry-After` seconds.", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn claims_csv(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Response, ApiError> {
    let (filter, sort) = claim_filter(&q)?;
    let mark = state.store.graph_watermark().await?;
    let head = Head {
        content_type: "text/csv; charset=utf-8",
        tag: stream::data_tag(&format!("csv?{}", raw.unwrap_or_default()), mark),
        filename: "claims.csv".into(),
    };
    if conditional::fresh(&headers, &head.tag) {
        return Ok(head.not_modified());
    }
    // the first page before the headers: an unknown id or a bad search is a problem, not
    // a broken file
    let first = state
        .store
        .list_claims_sorted(&filter, sort, MAX_LIMIT, None)
        .await?;
    if method == Method::HEAD {
        return Ok(head.response(Body::empty()));
    }
    let slot = state.exports.take()?;
    let (sender, body) = stream::channel(slot, state.config.stall());
    tokio::spawn(stream_rows(
        state.store.clone(),
        filter,
        sort,
        first,
        sender,
    ));
    Ok(head.response(body))
}

/// The header row, then `first` and every page after it, one chunk a page.
async fn stream_rows(
    store: Arc<dyn Storage>,
    filter: ClaimFilter,
    sort: ClaimSort,
    first: Page<ClaimRecord>,
    mut out: BodySender,
) {
    let sent = async {
        let mut header = String::new();
        push_record(&mut header, COLUMNS.iter().map(|c| c.to_string()));
        out.send(Bytes::from(header)).await?;
        let mut page = first;
        loop {
            let ids: Vec<Id> = page.items.iter().map(|c| c.article_id).collect();
            let articles = store.articles_by_id(&ids).await.map_err(io::Error::other)?;
            out.send(Bytes::from(rows(&page.items, &articles))).await?;
            let Some(next) = page.next else {
                return Ok(());
            };
            page = store
                .list_claims_sorted(&filter, sort, MAX_LIMIT, Some(next))
                .await
                .map_err(io::Error::other)?;
        }
    }
    .await;
    if let Err(e) = sent {
        out.fail("claims.csv", e);
    }
}

/// The CSV records of `claims`, each with its article's columns from `articles`.
fn rows(claims: &[ClaimRecord], articles: &HashMap<Id, ArticleRecord>) -> String {
    let mut out = String::with_capacity(claims.len() * 400);
    for c in claims {
        push_record(&mut out, fields(c, articles.get(&c.article_id)));
    }
    out
}

/// A claim's fields in [`COLUMNS`] order; absent values are empty.
fn fields(c: &ClaimRecord, a: Option<&ArticleRecord>) -> impl Iterator<Item = String> {
    let opt = |v: Option<&String>| v.cloned().unwrap_or_default();
    let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let (speaker_id, speaker_name) = match &c.speaker {
        Some(SpeakerRecord::Entity(e)) => (Some(e.id), e.name.clone()),
        Some(SpeakerRecord::Nominal(words)) => (None, words.clone()),
        None => (None, String::new()),
    };
    let place_ids: Vec<String> = c.places.iter().map(|p| p.entity.id.to_string()).collect();
    let places: Vec<&str> = c.places.iter().map(|p| p.entity.name.as_str()).collect();
    let numbers: Vec<String> = c.numbers.iter().map(number_text).collect();
    [
        c.id.to_string(),
        c.article_id.to_string(),
        opt(a.and_then(|a| a.source.as_ref())),
        opt(a.and_then(|a| a.title.as_ref())),
        opt(a.and_then(|a| a.url.as_ref())),
        opt(a.and_then(|a| a.published_at.as_ref())),
        c.kind.clone(),
        id(speaker_id),
        speaker_name,
        id(c.via.as_ref().map(|v| v.id)),
        opt(c.via.as_ref().map(|v| &v.name)),
        opt(c.cue.as_ref()),
        c.text.clone(),
        c.start.to_string(),
        c.end.to_string(),
        place_ids.join(";"),
        places.join("; "),
        numbers.join("; "),
        id(c.fact_id),
        c.corroborations.to_string(),
    ]
    .into_iter()
}

/// "about 700 mi2 = 1812.99 km2": the qualifier unless exact, the value and unit as
/// written, and the value in its base unit when that is another unit.
fn number_text(n: &NumberRecord) -> String {
    claimgraph_graph::figure_text(
        n.value,
        &n.unit,
        &n.qualifier,
        n.base.as_ref().map(|(v, u)| (*v, u.as_str())),
    )
}

/// One RFC 4180 record: fields joined by commas, each quoted when it holds a comma, a
/// quote, CR or LF (quotes doubled), ended by CRLF.
fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(fields: &[&str]) -> String {
        let mut out = String::new();
        push_record(&mut out, fields.iter().map(|f| f.to_string()));
        out
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(record(&["1", "plain words", ""]), "1,plain words,\r\n");
        assert_eq!(
            record(&["He said \"no\"", "a, b", "two\nlines", "cr\rhere"]),
            "\"He said \"\"no\"\"\",\"a, b\",\"two\nlines\",\"cr\rhere\"\r\n"
        );
        assert_eq!(record(&["Brač; Hvar"]), "Brač; Hvar\r\n");
    }

    #[test]
    fn numbers_read_as_written_with_their_base_unit() {
        let n = |value, unit: &str, qualifier: &str, base: Option<(f64, &str)>| NumberRecord {
            value,
            unit: unit.into(),
            qualifier: qualifier.into(),
            text: String::new(),
            start: 0,
            end: 0,
            base: base.map(|(v, u)| (v, u.to_string())),
        };
        assert_eq!(number_text(&n(40.0, "person", "exact", None)), "40 person");
        assert_eq!(
            number_text(&n(700.0, "mi2", "about", Some((1812.99, "km2")))),
            "about 700 mi2 = 1812.99 km2"
        );
        assert_eq!(
            number_text(&n(3.5, "km", "at_least", Some((3.5, "km")))),
            "at least 3.5 km"
        );
    }

    #[test]
    fn the_header_names_every_field() {
        let claim = ClaimRecord {
            id: 7,
            article_id: 2,
            kind: "direct".into(),
            text: "x".into(),
            start: 0,
            end: 1,
            speaker: Some(SpeakerRecord::Nominal("a local official".into())),
            via: None,
            cue: None,
            places: Vec::new(),
            numbers: Vec::new(),
            fact_id: None,
            corroborations: 0,
        };
        let row: Vec<String> = fields(&claim, None).collect();
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(row[7], "", "an unnamed source has no id");
        assert_eq!(row[8], "a local official");
    }
}
