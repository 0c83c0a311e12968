//! Entity handlers: search, one entity, and the claims and facts it takes part in.

use axum::extract::State;
use axum::response::Redirect;
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimgraph_graph::storage::StorageError;
use serde::Deserialize;
use utoipa::IntoParams;

use super::claims::{claim_filter, claims_page, within, ClaimQuery};
use crate::dto::{ClaimOut, EntityDetailOut, EntityOut, FactOut, List};
use crate::error::ErrorCode;
use crate::error::Problem;
use crate::extract::{page_params, ApiId, ApiQuery, PageQuery};
use crate::openapi::enums::ENTITY_TYPES;
use crate::{ApiError, AppState};

/// Query of `GET /v1/entities`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct EntityQuery {
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
pub(super) async fn search_entities(
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
        if claimgraph_graph::canon::fold(text).is_empty() {
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
pub(super) async fn get_entity(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Response, ApiError> {
    match state.store.get_entity(id).await {
        Ok(e) => Ok(Json(EntityDetailOut::from(e)).into_response()),
        Err(StorageError::Merged { into, .. }) => {
            Ok(Redirect::permanent(&format!("/v1/entities/{into}")).into_response())
        }
        Err(e) => Err(e.into()),
    }
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
pub(super) async fn entity_claims(
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
pub(super) async fn entity_facts(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<FactOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.list_facts(Some(id), limit, cursor).await?;
    Ok(Json(List::from_page(page, FactOut::from)))
}
