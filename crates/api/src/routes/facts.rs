//! Fact handlers: the list of facts and one fact.

use axum::extract::State;
use axum::Json;

use crate::dto::{FactOut, List};
use crate::error::Problem;
use crate::extract::{page_params, ApiId, ApiQuery, PageQuery};
use crate::{ApiError, AppState};

/// `GET /v1/facts`: the facts reported by the most claims first.
#[utoipa::path(get, path = "/v1/facts", tag = "facts", operation_id = "list_facts",
    summary = "Facts reported by several articles, largest first", params(PageQuery),
    responses(
        (status = 200, description = "A page of facts with their claims, sources and conflicts", body = List<FactOut>),
        (status = 400, description = "`invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`", body = Problem, content_type = "application/problem+json"),
    ))]
pub(super) async fn list_facts(
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
pub(super) async fn get_fact(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<FactOut>, ApiError> {
    Ok(Json(state.store.get_fact(id).await?.into()))
}
