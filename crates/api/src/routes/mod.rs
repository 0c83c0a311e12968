//! The router: every endpoint registered with its OpenAPI operation, the fallbacks, the
//! health check and the JSON body reader; the handlers live in one module per resource.

mod articles;
mod claims;
mod entities;
mod facts;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::Uri;
use axum::Json;
use serde::de::DeserializeOwned;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use articles::parse_article;
pub(crate) use articles::{json_line_article, read_body};
pub(crate) use claims::{claim_filter, ClaimQuery};

use crate::dto::Health;
use crate::error::ErrorCode;
use crate::openapi::ApiDoc;
use crate::{batch, claims_csv, curation, events, export, graph};
use crate::{ApiError, AppState};

/// Every endpoint, each registered with its OpenAPI operation: a route cannot be served
/// without being documented (`tests/openapi.rs` checks that nothing bypasses this).
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(healthz))
        .routes(routes!(articles::list_articles, articles::create_article))
        .routes(routes!(batch::create_articles))
        .routes(routes!(articles::get_article))
        .routes(routes!(articles::article_claims))
        .routes(routes!(claims::list_claims))
        .routes(routes!(claims::claims_geojson))
        .routes(routes!(claims_csv::claims_csv))
        .routes(routes!(claims::get_claim))
        .routes(routes!(facts::list_facts))
        .routes(routes!(facts::get_fact))
        .routes(routes!(entities::search_entities))
        .routes(routes!(entities::get_entity))
        .routes(routes!(entities::entity_claims))
        .routes(routes!(entities::entity_facts))
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
