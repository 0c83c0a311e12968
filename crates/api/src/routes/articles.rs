//! Article handlers: ingest, list, read, their claims, and the body parsing they share
//! with the batch endpoint.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimgraph_graph::article::{prepare, published_again, ArticleText, NewArticle};
use claimgraph_graph::storage::Inserted;

use super::claims::{claim_filter, claims_page, within, ClaimQuery};
use crate::charset;
use crate::dto::{ArticleIn, ArticleOut, ClaimOut, List};
use crate::error::ErrorCode;
use crate::error::Problem;
use crate::extract::{page_params, ApiId, ApiQuery, PageQuery};
use crate::timestamp::is_timestamp;
use crate::{ApiError, AppState};

/// `POST /v1/articles`: JSON `{"text", "title"?, ...}` or a `text/plain` body whose first
/// line is the headline. 201 for a new article, 200 with the stored one for a duplicate.
#[utoipa::path(post, path = "/v1/articles", tag = "articles", operation_id = "create_article",
    summary = "Ingest an article",
    description = "JSON `{\"text\", \"title\"?, \"source\"?, \"url\"?, \"published_at\"?}` or a `text/plain` body whose first line is the headline, in UTF-8 or the declared `charset` (UTF-16 LE/BE, ISO-8859-1, windows-1252, …). Articles are identified by the hash of their text: posting the same text again answers 200 with the stored article, and records the post's `source` or `url` among its `publications` (wire copy carried by several outlets is one article with several publications).",
    security(("bearer_token" = [])),
    request_body(content(
        (ArticleIn = "application/json"),
        (crate::dto::ArticlePlain = "text/plain", example = "Ferry service resumes to the islands\nFerries to Hvar and Brač sailed again on Thursday, the harbour master said.")
    )),
    responses(
        (status = 201, description = "Stored; `Location` names it. The same shape as the 200, text included", body = ArticleOut,
            headers(("location" = String, description = "/v1/articles/{id}"))),
        (status = 200, description = "The same text was already stored: the stored article, its `publications` including this post's outlet or address", body = ArticleOut),
        (status = 400, description = "`malformed_json`, `invalid_utf8`, `invalid_encoding`, `unreadable_body`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`: over --body-limit (default 2 MiB)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_media_type`: neither application/json nor text/plain; `unsupported_charset`: a charset the server cannot decode", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`invalid_article` (not a JSON object, a field of the wrong type, or an unknown field), `empty_text`, `invalid_published_at`", body = Problem, content_type = "application/problem+json"),
        (status = 507, description = "`storage_full`: the disk or --max-db-size is full; nothing was written", body = Problem, content_type = "application/problem+json"),
    ))]
pub(super) async fn create_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = read_body(&state, body)?;
    let article = parse_article(&headers, &body)?;
    let stored = state
        .store
        .find_article_by_hash(&claimgraph_graph::article::content_hash(
            article.text.as_str(),
        ))
        .await?;
    let inserted = match stored {
        // the text is stored: this post is one more publication of it, nothing to read
        Some(id) => match published_again(article) {
            Some(again) => state.store.insert(&again).await?,
            None => Inserted { id, created: false },
        },
        None => {
            // extraction is CPU work: keep it off the async workers
            let reader = Arc::clone(&state.reader);
            let prepared = tokio::task::spawn_blocking(move || prepare(&*reader, article))
                .await
                .map_err(|e| ApiError::Internal(format!("extraction task failed: {e}")))?;
            state.store.insert(&prepared).await?
        }
    };
    let out = state.store.get_article(inserted.id).await?;
    let status = if inserted.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let location = format!("/v1/articles/{}", inserted.id);
    Ok((
        status,
        [(header::LOCATION, location)],
        Json(ArticleOut::from(out)),
    )
        .into_response())
}

/// A write's whole body, or the 413 or 400 that says why it could not be read.
pub(crate) fn read_body(
    state: &AppState,
    body: Result<Bytes, BytesRejection>,
) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge {
                limit: state.config.body_limit,
            }
        } else {
            ApiError::bad_request(ErrorCode::UnreadableBody, e.body_text())
        }
    })
}

/// Parses a `POST /v1/articles` body by its Content-Type into an article, or the 4xx that
/// explains why not. Public so the fuzzer drives the same path as the server.
pub fn parse_article(headers: &HeaderMap, body: &[u8]) -> Result<NewArticle, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let encoding = || match charset::declared_charset(&content_type) {
        Some(label) => charset::encoding(&label),
        None => Ok(encoding_rs::UTF_8),
    };
    let input = match essence {
        // JSON is UTF-8 (RFC 8259): another declared charset is decoded first
        "application/json" => match encoding()? {
            utf8 if utf8 == encoding_rs::UTF_8 => json_article(body)?,
            other => json_article(charset::decode(body, other)?.as_bytes())?,
        },
        "text/plain" => ArticleIn {
            text: charset::decode(body, encoding()?)?,
            title: None,
            source: None,
            url: None,
            published_at: None,
        },
        "" => return Err(ApiError::UnsupportedMediaType("no Content-Type".into())),
        other => return Err(ApiError::UnsupportedMediaType(other.to_string())),
    };
    checked_article(input)
}

/// One line of a `POST /v1/articles:batch` body: a JSON article, checked as the JSON body
/// of `POST /v1/articles` is, so both answer the same problems.
pub(crate) fn json_line_article(line: &[u8]) -> Result<NewArticle, ApiError> {
    checked_article(json_article(line)?)
}

/// The article an input describes, once its date and text are checked.
fn checked_article(input: ArticleIn) -> Result<NewArticle, ApiError> {
    if let Some(at) = &input.published_at {
        if !is_timestamp(at) {
            return Err(ApiError::unprocessable(
                ErrorCode::InvalidPublishedAt,
                format!(
                    "published_at must be an RFC 3339 timestamp or a YYYY-MM-DD date, got {at:?}"
                ),
            ));
        }
    }
    let text = ArticleText::parse(input.text)?;
    let non_blank = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(NewArticle {
        text,
        title: non_blank(input.title),
        source: non_blank(input.source),
        url: non_blank(input.url),
        published_at: non_blank(input.published_at),
    })
}

/// What a JSON article body must be, for the messages that say it is not.
const ARTICLE_SHAPE: &str = "a JSON object {\"text\": \"…\", \"title\"?, \"source\"?, \"url\"?, \"published_at\"?} with string values";

fn json_article(body: &[u8]) -> Result<ArticleIn, ApiError> {
    use serde_json::error::Category;
    // serde reads a struct from an array too (`["text"]`): only an object is an article
    let top = body.trim_ascii_start().first().copied();
    let wrong_shape = |why: String| ApiError::unprocessable(ErrorCode::InvalidArticle, why);
    let not_an_object = || wrong_shape(format!("expected {ARTICLE_SHAPE}, got {}", json_kind(top)));
    match serde_json::from_slice::<ArticleIn>(body) {
        Ok(article) if top == Some(b'{') => Ok(article),
        Ok(_) => Err(not_an_object()),
        Err(e) => Err(match e.classify() {
            // a wrong field or type can come before the end of a body that is not JSON at
            // all (a truncated upload): only a body that is JSON is of the wrong shape
            Category::Data => match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
                Ok(_) if top != Some(b'{') => not_an_object(),
                Ok(_) => wrong_shape(format!("{e}; expected {ARTICLE_SHAPE}")),
                Err(syntax) => ApiError::bad_request(
                    ErrorCode::MalformedJson,
                    format!("the body is not valid JSON: {syntax}"),
                ),
            },
            Category::Syntax | Category::Eof | Category::Io => ApiError::bad_request(
                ErrorCode::MalformedJson,
                format!("the body is not valid JSON: {e}"),
            ),
        }),
    }
}

/// What kind of JSON value starts with `first`, in words.
fn json_kind(first: Option<u8>) -> &'static str {
    match first {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        _ => "a number",
    }
}

/// `GET /v1/articles`: newest first.
#[utoipa::path(get, path = "/v1/articles", tag = "articles", operation_id = "list_articles",
    summary = "List articles, newest first", params(PageQuery),
    responses(
        (status = 200, description = "A page of articles (without their text)", body = List<ArticleOut>),
        (status = 400, description = "`invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`", body = Problem, content_type = "application/problem+json"),
    ))]
pub(super) async fn list_articles(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<ArticleOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.list_articles(limit, cursor).await?;
    Ok(Json(List::from_page(page, ArticleOut::from)))
}

/// `GET /v1/articles/{id}`: one article with its text.
#[utoipa::path(get, path = "/v1/articles/{id}", tag = "articles", operation_id = "get_article",
    summary = "One article, with its text",
    params(("id" = i64, Path, description = "Article id", minimum = 1)),
    responses(
        (status = 200, description = "The article", body = ArticleOut),
        (status = 400, description = "`invalid_id`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
    ))]
pub(super) async fn get_article(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<ArticleOut>, ApiError> {
    Ok(Json(state.store.get_article(id).await?.into()))
}

/// `GET /v1/articles/{id}/claims`: in text order unless `sort` says otherwise.
#[utoipa::path(get, path = "/v1/articles/{id}/claims", tag = "claims", operation_id = "article_claims",
    summary = "Claims of one article, in text order",
    description = "Takes every filter, `q` and `sort` of `GET /v1/claims`, within this article: an `article` filter that does not name it matches nothing.",
    params(("id" = i64, Path, description = "Article id", minimum = 1), ClaimQuery),
    responses(
        (status = 200, description = "A page of claims", body = List<ClaimOut>),
        (status = 400, description = "As `GET /v1/claims`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
    ))]
pub(super) async fn article_claims(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let (mut filter, sort) = claim_filter(&q)?;
    let possible = within(&mut filter.article, id);
    let page = claims_page(&state, &filter, sort, q.limit, q.cursor.as_deref()).await?;
    Ok(if possible { page } else { Json(List::empty()) })
}
