//! Claim handlers: the claim query and its filters, the list, the GeoJSON view and one
//! claim.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimgraph_graph::storage::{ClaimFilter, ClaimSort, NumberFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::dto::{ClaimDetailOut, ClaimOut, FeatureCollection, List};
use crate::error::ErrorCode;
use crate::error::Problem;
use crate::extract::{page_params, parse_id, ApiId, ApiQuery};
use crate::openapi::enums::CLAIM_KINDS;
use crate::timestamp::is_timestamp;
use crate::{ApiError, AppState};

/// Narrows `query` (a filter's ids) to the id the path gives. The path is one more filter
/// and filters narrow: when the query names only other ids nothing can match, which is
/// an empty list (false here), not an error; the caller still reads the path's page so
/// that an unknown id or a bad cursor answers as it would without the query's ids.
pub(super) fn within(query: &mut Vec<i64>, path: i64) -> bool {
    let possible = query.is_empty() || query.contains(&path);
    *query = vec![path];
    possible
}

/// One page of claims matching `filter`: what every claim list endpoint answers.
pub(super) async fn claims_page(
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
pub(super) async fn list_claims(
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
pub(super) async fn claims_geojson(
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
pub(super) async fn get_claim(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<ClaimDetailOut>, ApiError> {
    let claim = state.store.get_claim(id).await?;
    let links = state.store.claim_links(id).await?;
    Ok(Json(ClaimDetailOut::new(claim, links)))
}
