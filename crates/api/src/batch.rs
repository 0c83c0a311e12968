//! `POST /v1/articles:batch`: many articles in one request, one JSON article per line
//! (NDJSON), answered line by line as they are stored: the HTTP twin of `claimgraph
//! ingest`.
//!
//! The request is checked whole before any work (type, charset, size, line count), so a
//! refused batch writes nothing. Then the lines are taken a chunk at a time: each line is
//! parsed as `POST /v1/articles` parses a JSON body (the same problems), texts already
//! stored are answered without extraction, the rest are extracted off the async workers
//! and written in one transaction per chunk. A bad line gets a problem line of its own and
//! never stops the others. The answer streams, so a large batch outlives the request
//! timeout, which ends once the headers are sent; a client that stops reading for that
//! long, or goes away, stops the batch after the chunk in hand.

use std::ops::Range;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use claimgraph_graph::article::{
    content_hash, prepare, published_again, NewArticle, PreparedArticle,
};
use claimgraph_graph::storage::{Id, StorageError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::Problem;
use crate::routes::{json_line_article, read_body};
use crate::stream::{self, BodySender};
use crate::{charset, ApiError, AppState};

/// The most articles (non-blank lines) one batch may hold; more is a 413
/// `too_many_lines` before anything is read into the store.
pub const MAX_BATCH_LINES: usize = 1000;

/// Articles extracted and written together: one transaction each, and one flush of
/// result lines to the client.
const CHUNK_ARTICLES: usize = 16;

/// The media types a batch body may declare.
const NDJSON_TYPES: [&str; 3] = [
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
];

/// What one line of the batch became: stored (or found stored), or refused.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum BatchLine {
    Stored(LineStored),
    Failed(LineFailed),
}

/// A line whose article is stored: newly (201) or already (200, `created: false`).
#[derive(Debug, Serialize, ToSchema)]
pub struct LineStored {
    /// The line of the request body it answers, counting from 1 (blank lines included).
    #[schema(example = 1)]
    pub line: usize,
    /// 201 when this request stored it, 200 when the same text was already stored.
    #[schema(example = 201)]
    pub status: u16,
    #[schema(value_type = i64)]
    pub id: Id,
    pub created: bool,
    /// `/v1/articles/{id}`
    pub location: String,
    pub content_hash: String,
}

/// A line that was not stored, with the problem `POST /v1/articles` would answer for the
/// same article.
#[derive(Debug, Serialize, ToSchema)]
pub struct LineFailed {
    #[schema(example = 2)]
    pub line: usize,
    /// The problem's status.
    #[schema(example = 400)]
    pub status: u16,
    pub problem: Problem,
}

impl BatchLine {
    fn stored(line: usize, id: Id, created: bool, content_hash: String) -> BatchLine {
        BatchLine::Stored(LineStored {
            line,
            status: if created { 201 } else { 200 },
            id,
            created,
            location: format!("/v1/articles/{id}"),
            content_hash,
        })
    }

    fn failed(line: usize, problem: Problem) -> BatchLine {
        BatchLine::Failed(LineFailed {
            line,
            status: problem.status,
            problem,
        })
    }
}

/// `POST /v1/articles:batch`.
#[utoipa::path(post, path = "/v1/articles:batch", tag = "articles", operation_id = "create_articles",
    summary = "Ingest many articles, one JSON article per line",
    description = "An `application/x-ndjson` body (also `application/ndjson`, `application/jsonl`): one JSON article per line, of the shape `POST /v1/articles` takes (`{\"text\", \"title\"?, \"source\"?, \"url\"?, \"published_at\"?}`); blank lines are skipped. At most 1,000 articles and --body-limit bytes. The answer streams one `application/x-ndjson` result line per article, in input order: `{\"line\", \"status\": 201|200, \"id\", \"created\", \"location\", \"content_hash\"}` for a stored article (200: the text was already stored), `{\"line\", \"status\", \"problem\"}` for a line that was not, with the problem `POST /v1/articles` would answer. A bad line never stops the others.",
    security(("bearer_token" = [])),
    request_body(content(
        (String = "application/x-ndjson", example = "{\"title\": \"Ferry service resumes\", \"source\": \"Island Post\", \"text\": \"Ferries to Hvar sailed again on Thursday, the harbour master said.\"}\n{\"text\": \"The new tram line opens in May, transport director Ana Golub said.\"}\n")
    )),
    responses(
        (status = 200, description = "One result line per article, in input order, streamed as the articles are stored", body = BatchLine, content_type = "application/x-ndjson"),
        (status = 400, description = "`invalid_encoding`: the body holds bytes its declared charset cannot; `unreadable_body` (a bad line is a problem line, not a 400)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`: over --body-limit (default 2 MiB); `too_many_lines`: more than 1,000 articles. Nothing was stored", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_media_type`: not application/x-ndjson; `unsupported_charset`: a charset the server cannot decode", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_articles(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = read_body(&state, body)?;
    let body = ndjson_body(&headers, body)?;
    let lines = numbered_lines(&body);
    if lines.len() > MAX_BATCH_LINES {
        return Err(ApiError::TooManyLines {
            lines: lines.len(),
            limit: MAX_BATCH_LINES,
        });
    }
    let (out, response_body) = stream::channel(stream::Slot::default(), state.config.stall());
    tokio::spawn(ingest(state, body, lines, out));
    Ok((
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        response_body,
    )
        .into_response())
}

/// The body as UTF-8 bytes: its type must be NDJSON, and a declared charset other than
/// UTF-8 is decoded first (as for a JSON article). Undeclared, it is left as sent: a line
/// that is not UTF-8 is that line's `malformed_json`, as it would be for one article.
fn ndjson_body(headers: &HeaderMap, body: Bytes) -> Result<Bytes, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !NDJSON_TYPES.contains(&essence) {
        let got = if essence.is_empty() {
            "no Content-Type"
        } else {
            essence
        };
        return Err(ApiError::UnsupportedBatchType(got.to_string()));
    }
    let encoding = match charset::declared_charset(&content_type) {
        Some(label) => charset::encoding(&label)?,
        None => encoding_rs::UTF_8,
    };
    if encoding == encoding_rs::UTF_8 {
        return Ok(body);
    }
    Ok(Bytes::from(charset::decode(&body, encoding)?.into_bytes()))
}

/// One non-blank line of the body: its number (from 1) and where it lies.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    number: usize,
    span: Range<usize>,
}

/// The non-blank lines of `body`, split at `\n` (a `\r` before it is whitespace).
fn numbered_lines(body: &[u8]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (index, part) in body.split(|b| *b == b'\n').enumerate() {
        let span = start..start + part.len();
        start = span.end + 1;
        if !part.trim_ascii().is_empty() {
            lines.push(Line {
                number: index + 1,
                span,
            });
        }
    }
    lines
}

/// Stores the batch a chunk at a time, sending each chunk's result lines as it is done.
async fn ingest(state: AppState, body: Bytes, lines: Vec<Line>, mut out: BodySender) {
    let mut halted: Option<Problem> = None;
    for chunk in lines.chunks(CHUNK_ARTICLES) {
        let results = ingest_chunk(&state, &body, chunk, &mut halted).await;
        let mut bytes = Vec::new();
        for result in &results {
            if serde_json::to_writer(&mut bytes, result).is_ok() {
                bytes.push(b'\n');
            }
        }
        if let Err(e) = out.send(Bytes::from(bytes)).await {
            out.fail("POST /v1/articles:batch", e);
            return;
        }
    }
}

/// The results of one chunk's lines, in order. Once a write fails for a reason that is
/// not its articles' (the disk is full, the database read-only or locked), `halted`
/// holds its problem and the good lines after it get it without another attempt.
async fn ingest_chunk(
    state: &AppState,
    body: &Bytes,
    chunk: &[Line],
    halted: &mut Option<Problem>,
) -> Vec<BatchLine> {
    let mut results: Vec<Option<BatchLine>> = Vec::with_capacity(chunk.len());
    let mut fresh: Vec<(usize, NewArticle)> = Vec::new();
    for (i, line) in chunk.iter().enumerate() {
        let parsed = body.get(line.span.clone()).map_or_else(
            || Err(ApiError::Internal("line out of range".into())),
            json_line_article,
        );
        let result = match (parsed, halted.as_ref()) {
            (Err(e), _) => Some(BatchLine::failed(line.number, e.problem())),
            (Ok(_), Some(problem)) => Some(BatchLine::failed(line.number, problem.clone())),
            (Ok(article), None) => match already_stored(state, &article).await {
                Ok(Some((id, hash))) => Some(match publish_again(state, article).await {
                    Ok(()) => BatchLine::stored(line.number, id, false, hash),
                    Err(e) => BatchLine::failed(line.number, e.problem()),
                }),
                Ok(None) => {
                    fresh.push((i, article));
                    None
                }
                Err(e) => Some(BatchLine::failed(line.number, e.problem())),
            },
        };
        results.push(result);
    }
    let (slots, articles): (Vec<usize>, Vec<NewArticle>) = fresh.into_iter().unzip();
    for (slot, outcome) in slots.into_iter().zip(store(state, articles, halted).await) {
        let number = chunk[slot].number;
        results[slot] = Some(match outcome {
            Ok((id, created, hash)) => BatchLine::stored(number, id, created, hash),
            Err(problem) => BatchLine::failed(number, problem),
        });
    }
    results
        .into_iter()
        .zip(chunk)
        .map(|(result, line)| {
            result.unwrap_or_else(|| {
                let e = ApiError::Internal("a batch line was left without a result".into());
                BatchLine::failed(line.number, e.problem())
            })
        })
        .collect()
}

/// The id and hash of the stored article with this text, if any: a duplicate costs no
/// extraction.
async fn already_stored(
    state: &AppState,
    article: &NewArticle,
) -> Result<Option<(Id, String)>, ApiError> {
    let hash = content_hash(article.text.as_str());
    Ok(state
        .store
        .find_article_by_hash(&hash)
        .await?
        .map(|id| (id, hash)))
}

/// Records a stored text's new outlet or address, as `POST /v1/articles` does; nothing to
/// write when the line names neither.
async fn publish_again(state: &AppState, article: NewArticle) -> Result<(), ApiError> {
    if let Some(again) = published_again(article) {
        state.store.insert(&again).await?;
    }
    Ok(())
}

/// What writing one article came to: its id, whether this request stored it, its hash.
type Outcome = Result<(Id, bool, String), Problem>;

/// Extracts and writes `articles` in one transaction; if that fails for what may be one
/// article's fault, each is written alone so the others are still stored.
async fn store(
    state: &AppState,
    articles: Vec<NewArticle>,
    halted: &mut Option<Problem>,
) -> Vec<Outcome> {
    if articles.is_empty() {
        return Vec::new();
    }
    let count = articles.len();
    // extraction is CPU work: keep it off the async workers
    let reader = Arc::clone(&state.reader);
    let prepared = tokio::task::spawn_blocking(move || {
        articles
            .into_iter()
            .map(|a| prepare(&*reader, a))
            .collect::<Vec<_>>()
    })
    .await;
    let prepared: Arc<[PreparedArticle]> = match prepared {
        Ok(p) => p.into(),
        Err(e) => {
            let problem = ApiError::Internal(format!("extraction task failed: {e}")).problem();
            return vec![Err(problem); count];
        }
    };
    let written = match state.store.insert_batch(Arc::clone(&prepared)).await {
        Ok(inserted) => inserted.into_iter().map(Ok).collect(),
        Err(e) if count > 1 && concerns_articles(&e) => {
            let mut each = Vec::with_capacity(count);
            for article in prepared.iter() {
                each.push(state.store.insert(article).await);
            }
            each
        }
        Err(e) => {
            let problem = ApiError::from(e).problem();
            if problem.status >= 500 {
                *halted = Some(problem.clone());
            }
            return vec![Err(problem); count];
        }
    };
    written
        .into_iter()
        .zip(prepared.iter())
        .map(|(w, p)| match w {
            Ok(ins) => Ok((ins.id, ins.created, p.content_hash.clone())),
            Err(e) => Err(ApiError::from(e).problem()),
        })
        .collect()
}

/// Whether a failed write may be the fault of one of its articles rather than of the
/// database as a whole (full, read-only, locked, stopped), so that writing them one by
/// one is worth trying.
fn concerns_articles(e: &StorageError) -> bool {
    matches!(e, StorageError::Backend(_) | StorageError::EmptyArticle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_from_one_and_blank_ones_skipped() {
        let cases: [(&str, &[(usize, &str)]); 5] = [
            ("", &[]),
            ("\n \r\n\t\n", &[]),
            ("a", &[(1, "a")]),
            ("a\n\nb\r\n", &[(1, "a"), (3, "b\r")]),
            ("\n  x  \n\ny", &[(2, "  x  "), (4, "y")]),
        ];
        for (body, want) in cases {
            let got: Vec<(usize, &str)> = numbered_lines(body.as_bytes())
                .into_iter()
                .map(|l| (l.number, &body[l.span]))
                .collect();
            assert_eq!(got, want, "{body:?}");
        }
    }

    #[test]
    fn only_ndjson_types_are_taken_and_other_charsets_decoded() {
        let with = |ct: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, ct.parse().expect("header value"));
            h
        };
        let body = Bytes::from_static(b"{\"text\": \"caf\xe9\"}");
        for ct in ["application/json", "text/plain", "application/x-ndjsonx"] {
            assert!(
                matches!(
                    ndjson_body(&with(ct), body.clone()),
                    Err(ApiError::UnsupportedBatchType(_))
                ),
                "{ct}"
            );
        }
        assert!(matches!(
            ndjson_body(&HeaderMap::new(), body.clone()),
            Err(ApiError::UnsupportedBatchType(_))
        ));
        let raw = ndjson_body(&with("application/x-ndjson"), body.clone()).expect("taken");
        assert_eq!(raw, body, "undeclared: left as sent");
        let latin1 =
            ndjson_body(&with("Application/X-NDJSON; charset=ISO-8859-1"), body).expect("decoded");
        assert_eq!(&latin1[..], "{\"text\": \"café\"}".as_bytes());
    }
}
