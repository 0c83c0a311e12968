use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::Redirect;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use claimgraph_extract::ClaimKind;
use claimgraph_store::{prepare, ArticleText, ClaimFilter, NewArticle, StoreError};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::dto::{
    AliasIn, ArticleIn, ArticleOut, ClaimOut, EntityDetailOut, EntityOut, FeatureCollection,
    Health, List, MergeIn,
};
use crate::extract::{page_params, parse_id, ApiId, ApiQuery};
use crate::{ApiError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/v1/articles", get(list_articles).post(create_article))
        .route("/v1/articles/{id}", get(get_article))
        .route("/v1/articles/{id}/claims", get(article_claims))
        .route("/v1/claims", get(list_claims))
        .route("/v1/claims.geojson", get(claims_geojson))
        .route("/v1/claims/{id}", get(get_claim))
        .route("/v1/entities", get(search_entities))
        .route("/v1/entities/{id}", get(get_entity))
        .route("/v1/entities/{id}/claims", get(entity_claims))
        .route("/v1/entities/{id}/merge", post(merge_entity))
        .route("/v1/entities/{id}/aliases", post(add_alias))
}

pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::RouteNotFound(uri.path().to_string())
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.store.ping().await?;
    Ok(Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    }))
}

#[derive(Debug, Deserialize)]
struct PageQuery {
    limit: Option<i64>,
    cursor: Option<String>,
}

/// `POST /v1/articles`: JSON `{"text", "title"?, ...}` or a `text/plain` body whose first
/// line is the headline. 201 for a new article, 200 with the stored one for a duplicate.
async fn create_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge {
                limit: state.config.body_limit,
            }
        } else {
            ApiError::bad_request("unreadable_body", e.body_text())
        }
    })?;
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
    let mut out = state.store.get_article(inserted.id).await?;
    out.text = None;
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

/// Parses a `POST /v1/articles` body by its Content-Type into an article, or the 4xx that
/// explains why not. Public so the fuzzer drives the same path as the server.
pub fn parse_article(headers: &HeaderMap, body: &[u8]) -> Result<NewArticle, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let input = match essence {
        "application/json" => json_article(body)?,
        "text/plain" => ArticleIn {
            text: String::from_utf8(body.to_vec()).map_err(|e| {
                ApiError::bad_request(
                    "invalid_utf8",
                    format!(
                        "the body is not UTF-8 text (bad byte at {})",
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?,
            title: None,
            source: None,
            url: None,
            published_at: None,
        },
        "" => return Err(ApiError::UnsupportedMediaType("no Content-Type".into())),
        other => return Err(ApiError::UnsupportedMediaType(other.to_string())),
    };
    if let Some(at) = &input.published_at {
        if !is_timestamp(at) {
            return Err(ApiError::unprocessable(
                "invalid_published_at",
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

fn json_article(body: &[u8]) -> Result<ArticleIn, ApiError> {
    use serde_json::error::Category;
    serde_json::from_slice::<ArticleIn>(body).map_err(|e| match e.classify() {
        Category::Data => ApiError::unprocessable("invalid_article", e.to_string()),
        Category::Syntax | Category::Eof | Category::Io => {
            ApiError::bad_request("malformed_json", format!("the body is not valid JSON: {e}"))
        }
    })
}

/// `YYYY-MM-DD`, optionally followed by `THH:MM:SS[.frac](Z|±HH:MM)`.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    if !date {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    let time = b.len() >= 20
        && matches!(b[10], b'T' | b't' | b' ')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !time {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    let zb = rest.as_bytes();
    matches!(rest, "Z" | "z")
        || (zb.len() == 6
            && matches!(zb[0], b'+' | b'-')
            && zb[1..3].iter().all(u8::is_ascii_digit)
            && zb[3] == b':'
            && zb[4..6].iter().all(u8::is_ascii_digit))
}

async fn list_articles(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<ArticleOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.list_articles(limit, cursor).await?;
    Ok(Json(List::from_page(page, ArticleOut::from)))
}

async fn get_article(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<ArticleOut>, ApiError> {
    Ok(Json(state.store.get_article(id).await?.into()))
}

async fn article_claims(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let filter = ClaimFilter {
        article: Some(id),
        ..ClaimFilter::default()
    };
    claims_page(&state, &filter, q.limit, q.cursor.as_deref()).await
}

/// One page of claims matching `filter`: what every claim list endpoint answers.
async fn claims_page(
    state: &AppState,
    filter: &ClaimFilter,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let (limit, cursor) = page_params(limit, cursor)?;
    let page = state.store.list_claims(filter, limit, cursor).await?;
    Ok(Json(List::from_page(page, ClaimOut::from)))
}

#[derive(Debug, Deserialize)]
struct ClaimQuery {
    about: Option<String>,
    speaker: Option<String>,
    via: Option<String>,
    article: Option<String>,
    kind: Option<String>,
    limit: Option<i64>,
    cursor: Option<String>,
}

async fn list_claims(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let filter = claim_filter(&q)?;
    claims_page(&state, &filter, q.limit, q.cursor.as_deref()).await
}

/// `GET /v1/claims.geojson`: the claims `/v1/claims` lists with the same query, as
/// GeoJSON points at the places they are about.
async fn claims_geojson(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ClaimQuery>,
) -> Result<Response, ApiError> {
    let filter = claim_filter(&q)?;
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.list_claims(&filter, limit, cursor).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/geo+json")],
        Json(FeatureCollection::from_page(page)),
    )
        .into_response())
}

/// The filters of a claim query, with ids and the kind parsed.
fn claim_filter(q: &ClaimQuery) -> Result<ClaimFilter, ApiError> {
    let id =
        |field: &str, v: &Option<String>| v.as_deref().map(|raw| parse_id(field, raw)).transpose();
    let kind = match q.kind.as_deref() {
        None => None,
        Some("direct") => Some(ClaimKind::Direct),
        Some("indirect") => Some(ClaimKind::Indirect),
        Some("statement") => Some(ClaimKind::Statement),
        Some(other) => {
            return Err(ApiError::bad_request(
                "invalid_kind",
                format!("kind must be direct, indirect or statement, got {other:?}"),
            ))
        }
    };
    Ok(ClaimFilter {
        about: id("about", &q.about)?,
        speaker: id("speaker", &q.speaker)?,
        via: id("via", &q.via)?,
        article: id("article", &q.article)?,
        kind,
        involving: None,
    })
}

async fn get_claim(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<ClaimOut>, ApiError> {
    Ok(Json(state.store.get_claim(id).await?.into()))
}

#[derive(Debug, Deserialize)]
struct EntityQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    limit: Option<i64>,
    cursor: Option<String>,
}

const ENTITY_TYPES: [&str; 4] = ["person", "organization", "outlet", "place"];

async fn search_entities(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<EntityQuery>,
) -> Result<Json<List<EntityOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    if let Some(kind) = q.kind.as_deref() {
        if !ENTITY_TYPES.contains(&kind) {
            return Err(ApiError::bad_request(
                "invalid_type",
                format!(
                    "type must be one of {}, got {kind:?}",
                    ENTITY_TYPES.join(", ")
                ),
            ));
        }
    }
    let query = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if let Some(text) = query {
        if claimgraph_store::canon::fold(text).is_empty() {
            return Err(ApiError::bad_request(
                "invalid_search",
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
async fn get_entity(State(state): State<AppState>, ApiId(id): ApiId) -> Result<Response, ApiError> {
    match state.store.get_entity(id).await {
        Ok(e) => Ok(Json(EntityDetailOut::from(e)).into_response()),
        Err(StoreError::Merged { into, .. }) => {
            Ok(Redirect::permanent(&format!("/v1/entities/{into}")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /v1/entities/{id}/merge` with `{"from_id": N}`: entity N is merged into `id`
/// (mentions, claims, aliases, roles move; N then redirects). Recorded, so re-ingesting
/// never splits them again. Entities of different kinds are a 422 `kind_mismatch`.
async fn merge_entity(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<EntityDetailOut>, ApiError> {
    let MergeIn { from_id } = json_body(body)?;
    let from = parse_id("from_id", &from_id.to_string())
        .map_err(|e| ApiError::unprocessable("invalid_body", e.to_string()))?;
    Ok(Json(state.store.merge_entities(id, from).await?.into()))
}

/// `POST /v1/entities/{id}/aliases` with `{"alias": "..."}`: the name resolves to this
/// entity from now on, in search and in every article ingested later.
async fn add_alias(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<EntityDetailOut>, ApiError> {
    let AliasIn { alias } = json_body(body)?;
    Ok(Json(state.store.add_alias(id, &alias).await?.into()))
}

/// A small JSON request body: not JSON is a 400 `malformed_json`, the wrong shape a 422
/// `invalid_body`.
fn json_body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    use serde_json::error::Category;
    let body = body.map_err(|e| ApiError::bad_request("unreadable_body", e.body_text()))?;
    serde_json::from_slice::<T>(&body).map_err(|e| match e.classify() {
        Category::Data => ApiError::unprocessable("invalid_body", e.to_string()),
        Category::Syntax | Category::Eof | Category::Io => {
            ApiError::bad_request("malformed_json", format!("the body is not valid JSON: {e}"))
        }
    })
}

async fn entity_claims(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<ClaimOut>>, ApiError> {
    let filter = ClaimFilter {
        involving: Some(id),
        ..ClaimFilter::default()
    };
    claims_page(&state, &filter, q.limit, q.cursor.as_deref()).await
}

#[cfg(test)]
mod tests {
    use super::is_timestamp;

    #[test]
    fn timestamps() {
        for ok in [
            "2024-03-01",
            "2024-03-01T10:20:30Z",
            "2024-03-01T10:20:30.5+02:00",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-03-01T10:20",
            "2024-03-01T10:20:30",
            "2024-03-01T10:20:30.Z",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }
}
