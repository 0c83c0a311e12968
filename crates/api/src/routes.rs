use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::Redirect;
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimgraph_store::{
    prepare, ArticleText, ClaimFilter, ClaimSort, NewArticle, NumberFilter, StoreError,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::dto::{
    ArticleIn, ArticleOut, ClaimDetailOut, ClaimOut, EntityDetailOut, EntityOut, FactOut,
    FeatureCollection, Health, List,
};
use crate::error::ErrorCode;
use crate::error::Problem;
use crate::extract::{page_params, parse_id, ApiId, ApiQuery, PageQuery};
use crate::openapi::enums::{CLAIM_KINDS, ENTITY_TYPES};
use crate::openapi::ApiDoc;
use crate::timestamp::is_timestamp;
use crate::{batch, charset, claims_csv, curation, events, export, graph};
use crate::{ApiError, AppState};

/// Every endpoint, each registered with its OpenAPI operation: a route cannot be served
/// without being documented (`tests/openapi.rs` checks that nothing bypasses this).
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(healthz))
        .routes(routes!(list_articles, create_article))
        .routes(routes!(batch::create_articles))
        .routes(routes!(get_article))
        .routes(routes!(article_claims))
        .routes(routes!(list_claims))
        .routes(routes!(claims_geojson))
        .routes(routes!(claims_csv::claims_csv))
        .routes(routes!(get_claim))
        .routes(routes!(list_facts))
        .routes(routes!(get_fact))
        .routes(routes!(search_entities))
        .routes(routes!(get_entity))
        .routes(routes!(entity_claims))
        .routes(routes!(entity_facts))
        .routes(routes!(curation::merge_entity))
        .routes(routes!(curation::add_alias))
        .routes(routes!(curation::list_merges))
        .routes(routes!(curation::get_merge, curation::undo_merge))
        .routes(routes!(curation::relink_mention))
        .routes(routes!(curation::entity_mentions))
        .routes(routes!(curation::curation_log))
        .routes(routes!(events::events))
        .routes(routes!(graph::entity_graph))
        .routes(routes!(graph::related_entities))
        .routes(routes!(graph::paths))
        .routes(routes!(export::export_graphml))
        .routes(routes!(export::export_ntriples))
        .routes(routes!(export::export_jsonld))
}

pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::RouteNotFound(uri.path().to_string())
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// `GET /healthz`: the database answers. Open even when reads need a token.
#[utoipa::path(get, path = "/healthz", tag = "meta", operation_id = "health",
    responses((status = 200, description = "The service and its database answer", body = Health)))]
async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.store.ping().await?;
    Ok(Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    }))
}

/// `POST /v1/articles`: JSON `{"text", "title"?, ...}` or a `text/plain` body whose first
/// line is the headline. 201 for a new article, 200 with the stored one for a duplicate.
#[utoipa::path(post, path = "/v1/articles", tag = "articles", operation_id = "create_article",
    summary = "Ingest an article",
    description = "JSON `{\"text\", \"title\"?, \"source\"?, \"url\"?, \"published_at\"?}` or a `text/plain` body whose first line is the headline, in UTF-8 or the declared `charset` (UTF-16 LE/BE, ISO-8859-1, windows-1252, …). Articles are identified by the hash of their text: posting the same text again answers 200 with the stored article.",
    security(("bearer_token" = [])),
    request_body(content(
        (ArticleIn = "application/json"),
        (crate::dto::ArticlePlain = "text/plain", example = "Ferry service resumes to the islands\nFerries to Hvar and Brač sailed again on Thursday, the harbour master said.")
    )),
    responses(
        (status = 201, description = "Stored; `Location` names it. The same shape as the 200, text included", body = ArticleOut,
            headers(("location" = String, description = "/v1/articles/{id}"))),
        (status = 200, description = "The same text was already stored: the stored article", body = ArticleOut),
        (status = 400, description = "`malformed_json`, `invalid_utf8`, `invalid_encoding`, `unreadable_body`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`: over --body-limit (default 2 MiB)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_media_type`: neither application/json nor text/plain; `unsupported_charset`: a charset the server cannot decode", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`invalid_article` (not a JSON object, a field of the wrong type, or an unknown field), `empty_text`, `invalid_published_at`", body = Problem, content_type = "application/problem+json"),
        (status = 507, description = "`storage_full`: the disk or --max-db-size is full; nothing was written", body = Problem, content_type = "application/problem+json"),
    ))]
async fn create_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = read_body(&state, body)?;
    let article = parse_article(&headers, &body)?;
    if let Some(id) = state
        .store
        .find_article_by_hash(&claimgraph_store::content_hash(article.text.as_str()))
        .await?
    {
        return Ok((
            StatusCode::OK,
            Json(ArticleOut::from(state.store.get_article(id).await?)),
        )
            .into_response());
    }
    // extraction is CPU work: keep it off the async workers
    let prepared = tokio::task::spawn_blocking(move || prepare(article))
        .await
        .map_err(|e| ApiError::Internal(format!("extraction task failed: {e}")))?;
    let inserted = state.store.insert(&prepared).await?;
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
async fn list_articles(
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
async fn get_article(
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
async fn article_claims(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let (mut filter, sort) = claim_filter(&q)?;
    let possible = within(&mut filter.article, id);
    let page = claims_page(&state, &filter, sort, q.limit, q.cursor.as_deref()).await?;
    Ok(if possible { page } else { Json(List::empty()) })
}

/// Narrows `query` (a filter's ids) to the id the path gives. The path is one more filter
/// and filters narrow: when the query names only other ids nothing can match, which is
/// an empty list (false here), not an error; the caller still reads the path's page so
/// that an unknown id or a bad cursor answers as it would without the query's ids.
fn within(query: &mut Vec<i64>, path: i64) -> bool {
    let possible = query.is_empty() || query.contains(&path);
    *query = vec![path];
    possible
}

/// One page of claims matching `filter`: what every claim list endpoint answers.
async fn claims_page(
    state: &AppState,
    filter: &ClaimFilter,
    sort: ClaimSort,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let (limit, cursor) = page_params(limit, cursor)?;
    let page = state
        .store
        .list_claims_sorted(filter, sort, limit, cursor)
        .await?;
    Ok(Json(List::from_page(page, ClaimOut::from)))
}

/// Query of `GET /v1/claims`, `GET /v1/claims.geojson` and `GET /v1/claims.csv`. Every
/// filter narrows; ids are positive integers (400 `invalid_id`), an unknown id is a 404.
/// A filter given several times (`kind=direct&kind=indirect`, `speaker=1&speaker=2`)
/// matches claims that fit any of its values, at most [`MAX_VALUES`] of them.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ClaimQuery {
    /// Claims about this entity: a place the claim is about, or another entity named
    /// inside the claim's words.
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<i64>>, minimum = 1)]
    #[serde(default)]
    about: Vec<String>,
    /// Claims said by this entity.
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<i64>>, minimum = 1)]
    #[serde(default)]
    speaker: Vec<String>,
    /// Claims this entity takes part in: as speaker, as the outlet cited, or as what the
    /// claim is about (`about`). The explorer's map of a person uses it: the places of
    /// what they said.
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<i64>>, minimum = 1)]
    #[serde(default)]
    involving: Vec<String>,
    /// Claims cited from this outlet ("…, Reuters reported").
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<i64>>, minimum = 1)]
    #[serde(default)]
    via: Vec<String>,
    /// Claims in articles this outlet published (the article's `source`).
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<i64>>, minimum = 1)]
    #[serde(default)]
    outlet: Vec<String>,
    /// Claims about this place (one of the claim's `places`).
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<i64>>, minimum = 1)]
    #[serde(default)]
    place: Vec<String>,
    /// Claims of this article.
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<i64>>, minimum = 1)]
    #[serde(default)]
    article: Vec<String>,
    /// `direct`, `indirect` or `statement` (else 400 `invalid_kind`).
    /// Repeat it for claims of any of several (`…=1&…=2`).
    #[param(value_type = Option<Vec<crate::openapi::enums::ClaimKindName>>)]
    #[serde(default)]
    kind: Vec<String>,
    /// Articles published at or after this RFC 3339 timestamp or `YYYY-MM-DD` date (midnight
    /// UTC); articles without `published_at` never match a date bound. Else 400
    /// `invalid_query`.
    #[param(example = "2026-03-01")]
    published_after: Option<String>,
    /// Articles published strictly before this timestamp or date.
    #[param(example = "2026-04-01T00:00:00Z")]
    published_before: Option<String>,
    /// `true`: claims giving at least one number; `false`: claims giving none.
    has_number: Option<bool>,
    /// Claims giving a number in this unit (`km2`, `mi`, `hour`, `percent`, `usd`, or a
    /// counted noun such as `person`). A unit with a base unit matches its whole dimension
    /// compared on `normalized` (`number_unit=mi2` finds figures in km2 and hectares);
    /// others match the unit as written.
    #[param(example = "km2")]
    number_unit: Option<String>,
    /// The number is at least this (in `number_unit`). Needs `number_unit` and a finite
    /// value at most `number_max` (else 400 `invalid_query`).
    number_min: Option<f64>,
    /// The number is at most this (in `number_unit`). Needs `number_unit` and a finite value
    /// at least `number_min` (else 400 `invalid_query`).
    number_max: Option<f64>,
    /// Full-text search over the claim text: words (all must occur; stemmed, case and
    /// accents ignored), `"a phrase"`, `AND`, `OR`, `NOT`, parentheses, `NEAR(a b, 5)`. A
    /// hyphenated word is the phrase of its parts. `prefix*` finds the 50 most frequent whole
    /// words starting with it. A place or person name also finds its entity's other
    /// spellings (`Kiev` finds "Kyiv"). At most 32 words and 4 prefixes of 3 or more
    /// characters; a query that cannot be read or exceeds a limit is 400 `invalid_search`.
    #[param(example = "evacuation OR evacuated")]
    q: Option<String>,
    /// `relevance` (best bm25 match first; the default with `q`, only with `q`), `date`
    /// (oldest article first: `published_at`, else when it was stored) or `-date` (newest
    /// first) or `corroboration` (reported by the most other articles first). Without `q`
    /// and `sort`: article order, then text order. Else 400 `invalid_sort`.
    #[param(value_type = Option<crate::openapi::enums::ClaimSort>)]
    sort: Option<String>,
    /// Items per page, 1–500.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub(crate) limit: Option<i64>,
    /// The `next_cursor` of the previous page, unchanged (with the same query): an opaque
    /// URL-safe token (else 400 `invalid_cursor`).
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub(crate) cursor: Option<String>,
}

/// `GET /v1/claims`: filtered, searched and sorted.
#[utoipa::path(get, path = "/v1/claims", tag = "claims", operation_id = "list_claims",
    summary = "Search and filter claims",
    params(ClaimQuery),
    responses(
        (status = 200, description = "A page of claims", body = List<ClaimOut>),
        (status = 400, description = "`invalid_id`, `invalid_query`, `unknown_parameter` (a malformed value, a bad date bound, a number range without `number_unit` or with min > max), `invalid_limit`, `invalid_cursor` (also a cursor from another `sort`), `invalid_kind`, `invalid_sort`, `invalid_search` (a query that cannot be read or exceeds a limit)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: an entity or article id in the query does not exist; `entity_merged`: the entity was merged into another", body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_claims(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let (filter, sort) = claim_filter(&q)?;
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state
        .store
        .list_claims_sorted(&filter, sort, limit, cursor)
        .await?;
    Ok(Json(List::from_page(page, ClaimOut::from)))
}

/// `GET /v1/claims.geojson`: the claims `/v1/claims` lists with the same query, as
/// GeoJSON points at the places they are about.
#[utoipa::path(get, path = "/v1/claims.geojson", tag = "claims", operation_id = "claims_geojson",
    summary = "Claims as GeoJSON points at their places",
    description = "Takes the query of `GET /v1/claims`: one Point Feature per (claim, place with coordinates) of that page of claims; `next_cursor` pages like `/v1/claims`.",
    params(ClaimQuery),
    responses(
        (status = 200, description = "A GeoJSON FeatureCollection (RFC 7946)", body = FeatureCollection, content_type = "application/geo+json"),
        (status = 400, description = "As `GET /v1/claims`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "As `GET /v1/claims`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn claims_geojson(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Response, ApiError> {
    let (filter, sort) = claim_filter(&q)?;
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state
        .store
        .list_claims_sorted(&filter, sort, limit, cursor)
        .await?;
    Ok((
        [(header::CONTENT_TYPE, "application/geo+json")],
        Json(FeatureCollection::from_page(page)),
    )
        .into_response())
}

/// The filters and order of a claim query, each parameter parsed and checked.
pub(crate) fn claim_filter(q: &ClaimQuery) -> Result<(ClaimFilter, ClaimSort), ApiError> {
    let ids = |field: &str, raw: &[String]| -> Result<Vec<i64>, ApiError> {
        values(field, raw)?
            .iter()
            .map(|v| parse_id(field, v))
            .collect()
    };
    let kind = values("kind", &q.kind)?
        .iter()
        .map(|k| {
            CLAIM_KINDS
                .into_iter()
                .find(|known| known.as_str() == k)
                .ok_or_else(|| {
                    ApiError::bad_request(
                        ErrorCode::InvalidKind,
                        format!("kind must be direct, indirect or statement, got {k:?}"),
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let date = |field: &str, v: &Option<String>| -> Result<Option<String>, ApiError> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(at) if is_timestamp(at) => Ok(Some(at.to_string())),
            Some(at) => Err(ApiError::bad_request(
                ErrorCode::InvalidQuery,
                format!("{field} must be an RFC 3339 timestamp or a YYYY-MM-DD date, got {at:?}"),
            )),
        }
    };
    let text =
        q.q.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
    let sort = match q.sort.as_deref().map(str::trim) {
        None | Some("") if text.is_some() => ClaimSort::Relevance,
        None | Some("") => ClaimSort::Stored,
        Some("relevance") if text.is_some() => ClaimSort::Relevance,
        Some("relevance") => {
            return Err(ApiError::bad_request(
                ErrorCode::InvalidSort,
                "sort=relevance ranks full-text matches: it needs q",
            ))
        }
        Some("date") => ClaimSort::DateAsc,
        Some("-date") => ClaimSort::DateDesc,
        Some("corroboration") => ClaimSort::Corroboration,
        Some(other) => {
            return Err(ApiError::bad_request(
                ErrorCode::InvalidSort,
                format!("sort must be relevance, date, -date or corroboration, got {other:?}"),
            ))
        }
    };
    Ok((
        ClaimFilter {
            about: ids("about", &q.about)?,
            speaker: ids("speaker", &q.speaker)?,
            via: ids("via", &q.via)?,
            article: ids("article", &q.article)?,
            kind,
            involving: ids("involving", &q.involving)?,
            place: ids("place", &q.place)?,
            outlet: ids("outlet", &q.outlet)?,
            published_after: date("published_after", &q.published_after)?,
            published_before: date("published_before", &q.published_before)?,
            has_number: q.has_number,
            number: number_filter(q)?,
            text,
        },
        sort,
    ))
}

/// The most values one filter takes.
pub(crate) const MAX_VALUES: usize = 50;

/// The values of a repeatable filter, at most [`MAX_VALUES`] of them.
fn values<'a>(field: &str, raw: &'a [String]) -> Result<&'a [String], ApiError> {
    if raw.len() > MAX_VALUES {
        return Err(ApiError::bad_request(
            ErrorCode::InvalidQuery,
            format!(
                "{field} is given {} times; a filter takes at most {MAX_VALUES} values",
                raw.len()
            ),
        ));
    }
    Ok(raw)
}

/// `number_unit`, `number_min` and `number_max` as one filter: a range needs a unit, its
/// ends must be finite and in order.
fn number_filter(q: &ClaimQuery) -> Result<Option<NumberFilter>, ApiError> {
    let unit = q
        .number_unit
        .as_deref()
        .map(|u| u.trim().to_lowercase())
        .filter(|u| !u.is_empty());
    let bad = |detail: String| Err(ApiError::bad_request(ErrorCode::InvalidQuery, detail));
    for (field, v) in [("number_min", q.number_min), ("number_max", q.number_max)] {
        if v.is_some_and(|v| !v.is_finite()) {
            return bad(format!("{field} must be a finite number"));
        }
    }
    let Some(unit) = unit else {
        if q.number_min.is_some() || q.number_max.is_some() {
            return bad("number_min and number_max need number_unit (e.g. number_unit=km2)".into());
        }
        return Ok(None);
    };
    if let (Some(min), Some(max)) = (q.number_min, q.number_max) {
        if min > max {
            return bad(format!(
                "number_min ({min}) is larger than number_max ({max})"
            ));
        }
    }
    Ok(Some(NumberFilter {
        unit,
        min: q.number_min,
        max: q.number_max,
    }))
}

/// `GET /v1/claims/{id}`.
#[utoipa::path(get, path = "/v1/claims/{id}", tag = "claims", operation_id = "get_claim",
    summary = "One claim",
    params(("id" = i64, Path, description = "Claim id", minimum = 1)),
    responses(
        (status = 200, description = "The claim with its corroborating and conflicting claims", body = ClaimDetailOut),
        (status = 400, description = "`invalid_id`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_claim(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<ClaimDetailOut>, ApiError> {
    let claim = state.store.get_claim(id).await?;
    let links = state.store.claim_links(id).await?;
    Ok(Json(ClaimDetailOut::new(claim, links)))
}

/// `GET /v1/facts`: the facts reported by the most claims first.
#[utoipa::path(get, path = "/v1/facts", tag = "facts", operation_id = "list_facts",
    summary = "Facts reported by several articles, largest first", params(PageQuery),
    responses(
        (status = 200, description = "A page of facts with their claims, sources and conflicts", body = List<FactOut>),
        (status = 400, description = "`invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_facts(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<FactOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.list_facts(None, limit, cursor).await?;
    Ok(Json(List::from_page(page, FactOut::from)))
}

/// `GET /v1/facts/{id}`.
#[utoipa::path(get, path = "/v1/facts/{id}", tag = "facts", operation_id = "get_fact",
    summary = "One fact",
    params(("id" = i64, Path, description = "Fact id", minimum = 1)),
    responses(
        (status = 200, description = "The fact", body = FactOut),
        (status = 400, description = "`invalid_id`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_fact(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<FactOut>, ApiError> {
    Ok(Json(state.store.get_fact(id).await?.into()))
}

/// Query of `GET /v1/entities`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct EntityQuery {
    /// A name, tolerantly matched (spellings, transliterations, titles); without it, the
    /// most mentioned entities. Needs a letter or digit and at most 200 characters (else
    /// 400 `invalid_search`).
    #[param(example = "split")]
    q: Option<String>,
    /// `person`, `organization`, `outlet` or `place` (else 400 `invalid_type`).
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<crate::openapi::enums::EntityType>)]
    kind: Option<String>,
    /// Items per page, 1–500.
    #[param(minimum = 1, maximum = 500, default = 50)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page, unchanged: an opaque URL-safe token (else
    /// 400 `invalid_cursor`).
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    cursor: Option<String>,
}

/// `GET /v1/entities`: best match first.
#[utoipa::path(get, path = "/v1/entities", tag = "entities", operation_id = "search_entities",
    summary = "Find entities by name, best match first",
    params(EntityQuery),
    responses(
        (status = 200, description = "A page of entities", body = List<EntityOut>),
        (status = 400, description = "`invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`, `invalid_type`, `invalid_search`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn search_entities(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<EntityQuery>,
) -> Result<Json<List<EntityOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    if let Some(kind) = q.kind.as_deref() {
        let types = ENTITY_TYPES.map(|t| t.as_str());
        if !types.contains(&kind) {
            return Err(ApiError::bad_request(
                ErrorCode::InvalidType,
                format!("type must be one of {}, got {kind:?}", types.join(", ")),
            ));
        }
    }
    let query = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if let Some(text) = query {
        if claimgraph_store::canon::fold(text).is_empty() {
            return Err(ApiError::bad_request(
                ErrorCode::InvalidSearch,
                format!("q must contain a letter or digit, got {text:?}"),
            ));
        }
    }
    let page = state
        .store
        .search_entities(query, q.kind.as_deref(), limit, cursor)
        .await?;
    Ok(Json(List::from_page(page, EntityOut::from)))
}

/// `GET /v1/entities/{id}`; an id merged into another answers 308 to the survivor.
#[utoipa::path(get, path = "/v1/entities/{id}", tag = "entities", operation_id = "get_entity",
    summary = "One entity with its counts",
    params(("id" = i64, Path, description = "Entity id", minimum = 1)),
    responses(
        (status = 200, description = "The entity", body = EntityDetailOut),
        (status = 308, description = "The entity was merged into another: `Location` is the survivor",
            headers(("location" = String, description = "/v1/entities/{into}"))),
        (status = 400, description = "`invalid_id`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_entity(State(state): State<AppState>, ApiId(id): ApiId) -> Result<Response, ApiError> {
    match state.store.get_entity(id).await {
        Ok(e) => Ok(Json(EntityDetailOut::from(e)).into_response()),
        Err(StoreError::Merged { into, .. }) => {
            Ok(Redirect::permanent(&format!("/v1/entities/{into}")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// A small JSON request body: not JSON is a 400 `malformed_json`, the wrong shape a 422
/// `invalid_body`.
pub(crate) fn json_body<T: DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
) -> Result<T, ApiError> {
    use serde_json::error::Category;
    let body = body.map_err(|e| ApiError::bad_request(ErrorCode::UnreadableBody, e.body_text()))?;
    serde_json::from_slice::<T>(&body).map_err(|e| match e.classify() {
        Category::Data => ApiError::unprocessable(ErrorCode::InvalidBody, e.to_string()),
        Category::Syntax | Category::Eof | Category::Io => ApiError::bad_request(
            ErrorCode::MalformedJson,
            format!("the body is not valid JSON: {e}"),
        ),
    })
}

/// `GET /v1/entities/{id}/claims`: as speaker, cited outlet or subject.
#[utoipa::path(get, path = "/v1/entities/{id}/claims", tag = "claims", operation_id = "entity_claims",
    summary = "Every claim an entity takes part in",
    description = "As speaker, as the outlet cited, or as what the claim is about. Takes every filter, `q` and `sort` of `GET /v1/claims` on top: an `involving` filter that does not name this entity matches nothing.",
    params(("id" = i64, Path, description = "Entity id", minimum = 1), ClaimQuery),
    responses(
        (status = 200, description = "A page of claims", body = List<ClaimOut>),
        (status = 400, description = "As `GET /v1/claims`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn entity_claims(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let (mut filter, sort) = claim_filter(&q)?;
    let possible = within(&mut filter.involving, id);
    let page = claims_page(&state, &filter, sort, q.limit, q.cursor.as_deref()).await?;
    Ok(if possible { page } else { Json(List::empty()) })
}

/// `GET /v1/entities/{id}/facts`: the entity's claims grouped by the fact they report.
#[utoipa::path(get, path = "/v1/entities/{id}/facts", tag = "facts", operation_id = "entity_facts",
    summary = "Facts an entity takes part in, largest first",
    description = "Facts with a claim the entity said, is cited in, or is about: its claims grouped by fact, with every outlet that reports each fact and any conflicting figures.",
    params(("id" = i64, Path, description = "Entity id", minimum = 1), PageQuery),
    responses(
        (status = 200, description = "A page of facts", body = List<FactOut>),
        (status = 400, description = "`invalid_id`, `invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`", body = Problem, content_type = "application/problem+json"),
    ))]
async fn entity_facts(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<FactOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.list_facts(Some(id), limit, cursor).await?;
    Ok(Json(List::from_page(page, FactOut::from)))
}
