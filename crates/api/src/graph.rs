//! The graph endpoints: an entity's neighbourhood as Cytoscape.js elements, the shortest
//! connections between two entities and the entities claimed about together with one
//! (the whole graph's exports are in `export.rs`).
//!
//! The projection ([`claimgraph_graph::Projection`]) lives in [`GraphCache`], shared by
//! every request; before answering, a request brings it up to the store's watermark with
//! the rows written since (by this server or by `claimgraph ingest` in another process).

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use claimgraph_graph::storage::{Id, Storage, StorageError};
use claimgraph_graph::{EdgeView, Node, NodeKey, Projection, Watermark};
use serde::{Deserialize, Serialize};
use tokio::sync::{RwLock, RwLockReadGuard};
use utoipa::{IntoParams, ToSchema};

use crate::dto::List;
use crate::error::ErrorCode;
use crate::error::Problem;
use crate::extract::{parse_id, ApiId, ApiQuery};
use crate::{ApiError, AppState};

/// The graph projection of one database, shared by every request. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct GraphCache(Arc<RwLock<Arc<Projection>>>);

impl GraphCache {
    /// The projection, first brought up to date with the store: readers share it while it
    /// is current; one request applies the new rows while the others wait. An export
    /// clones the `Arc` to keep its snapshot as long as its client reads; an update finding
    /// one held copies the graph first ([`Arc::make_mut`]) instead of waiting for it.
    pub async fn current(
        &self,
        store: &dyn Storage,
    ) -> Result<RwLockReadGuard<'_, Arc<Projection>>, ApiError> {
        let now = store.graph_watermark().await?;
        {
            let read = self.0.read().await;
            if read.watermark() == now {
                return Ok(read);
            }
        }
        let mut write = self.0.write().await;
        let delta = store.graph_rows(write.watermark()).await?;
        if delta.is_full() {
            *write = Arc::new(Projection::build(delta));
        } else if Arc::make_mut(&mut write).apply(delta).is_err() {
            // cannot happen under the write lock; start again rather than serve a stale graph
            let full = store.graph_rows(Watermark::default()).await?;
            *write = Arc::new(Projection::build(full));
        }
        Ok(write.downgrade())
    }
}

/// Neighbourhood hops: default and most.
const DEFAULT_DEPTH: i64 = 1;
const MAX_DEPTH: i64 = 3;
/// Nodes in a neighbourhood: default and most.
const DEFAULT_GRAPH_LIMIT: i64 = 200;
const MAX_GRAPH_LIMIT: i64 = 1000;
/// Edges in a path: default and most.
const DEFAULT_PATH_LEN: i64 = 4;
const MAX_PATH_LEN: i64 = 6;
/// Paths returned: default and most.
const DEFAULT_PATHS: i64 = 3;
const MAX_PATHS: i64 = 20;
/// Related entities: default and most.
const DEFAULT_RELATED: i64 = 20;
const MAX_RELATED: i64 = 500;

/// An integer parameter within its bounds, else a 400 with `code`.
fn bounded(
    field: &str,
    value: Option<i64>,
    default: i64,
    max: i64,
    code: ErrorCode,
) -> Result<usize, ApiError> {
    let v = value.unwrap_or(default);
    if !(1..=max).contains(&v) {
        return Err(ApiError::bad_request(
            code,
            format!("{field} must be between 1 and {max}, got {v}"),
        ));
    }
    Ok(v as usize)
}

/// 404 for an entity the projection lacks: `entity_merged` for a merged id, as the other
/// entity routes answer, else `not_found`.
async fn require_entity(
    store: &dyn Storage,
    graph: &Projection,
    id: Id,
) -> Result<NodeKey, ApiError> {
    let key = NodeKey::Entity(id);
    if graph.node(key).is_some() {
        return Ok(key);
    }
    Err(store.missing_entity(id).await?.into())
}

/// A node as Cytoscape.js `data`: `id` is `e:`, `c:` or `a:` and the store id.
#[derive(Debug, Serialize, ToSchema)]
pub struct NodeData {
    #[schema(example = "e:12")]
    pub id: String,
    /// The entity's name, the claim's first words or the article's title.
    pub label: String,
    /// `person`, `organization`, `outlet`, `place`, `claim` or `article`.
    #[schema(example = "person")]
    pub kind: String,
}

impl From<&Node> for NodeData {
    fn from(n: &Node) -> Self {
        NodeData {
            id: n.key.public_id(),
            label: n.label.clone(),
            kind: n.kind.clone(),
        }
    }
}

/// An edge as Cytoscape.js `data`.
#[derive(Debug, Serialize, ToSchema)]
pub struct EdgeData {
    #[schema(example = "speaker:c:7-e:12")]
    pub id: String,
    #[schema(example = "c:7")]
    pub source: String,
    #[schema(example = "e:12")]
    pub target: String,
    /// `speaker` (claim → entity), `about` (claim → place), `mentions` (article → entity),
    /// `reported_by` (article → outlet), `cites` (claim → outlet cited), `in_article`
    /// (claim → article), `corroborates` or `conflicts` (claim → claim, symmetric).
    #[schema(example = "speaker")]
    pub kind: String,
    /// The linker's score, on `conflicts` only: a `corroborates` edge is derived from
    /// the two claims' fact and has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl From<&EdgeView> for EdgeData {
    fn from(e: &EdgeView) -> Self {
        EdgeData {
            id: e.public_id(),
            source: e.source.public_id(),
            target: e.target.public_id(),
            kind: e.kind.as_str().to_string(),
            score: e.score,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NodeElement {
    pub data: NodeData,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EdgeElement {
    pub data: EdgeData,
}

/// Cytoscape.js elements: `cy.add(body.elements)` draws them.
#[derive(Debug, Serialize, ToSchema)]
pub struct Elements {
    pub nodes: Vec<NodeElement>,
    pub edges: Vec<EdgeElement>,
}

/// `GET /v1/entities/{id}/graph`.
#[derive(Debug, Serialize, ToSchema)]
pub struct GraphOut {
    pub elements: Elements,
    /// More nodes were within `depth` than `limit` allowed.
    pub truncated: bool,
}

/// Query of `GET /v1/entities/{id}/graph`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GraphQuery {
    /// Hops from the entity, 1–3.
    #[param(minimum = 1, maximum = 3, default = 1)]
    depth: Option<i64>,
    /// Most nodes, the entity included, 1–1000.
    #[param(minimum = 1, maximum = 1000, default = 200)]
    limit: Option<i64>,
}

/// `GET /v1/entities/{id}/graph`: the neighbourhood, nearest first, as Cytoscape.js
/// elements.
#[utoipa::path(get, path = "/v1/entities/{id}/graph", tag = "graph", operation_id = "entity_graph",
    summary = "An entity's neighbourhood as Cytoscape.js elements",
    description = "Nodes within `depth` hops of the entity over edges in either direction (entities `e:`, claims `c:`, articles `a:`) and the edges among them. Hops are taken nearest first and in id order; when more nodes are in reach than `limit`, `truncated` is true.",
    params(("id" = i64, Path, description = "Entity id", minimum = 1), GraphQuery),
    responses(
        (status = 200, description = "The neighbourhood", body = GraphOut),
        (status = 400, description = "`invalid_id`, `invalid_query`, `unknown_parameter` (depth out of range or not a number), `invalid_limit`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn entity_graph(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<GraphQuery>,
) -> Result<Json<GraphOut>, ApiError> {
    let depth = bounded(
        "depth",
        q.depth,
        DEFAULT_DEPTH,
        MAX_DEPTH,
        ErrorCode::InvalidQuery,
    )?;
    let limit = bounded(
        "limit",
        q.limit,
        DEFAULT_GRAPH_LIMIT,
        MAX_GRAPH_LIMIT,
        ErrorCode::InvalidLimit,
    )?;
    let graph = state.graph.current(&*state.store).await?;
    let key = require_entity(&*state.store, &graph, id).await?;
    let hood = graph
        .neighbourhood(key, depth, limit)
        .ok_or(StorageError::NotFound { what: "entity", id })?;
    Ok(Json(GraphOut {
        elements: Elements {
            nodes: hood
                .nodes
                .iter()
                .map(|n| NodeElement { data: n.into() })
                .collect(),
            edges: hood
                .edges
                .iter()
                .map(|e| EdgeElement { data: e.into() })
                .collect(),
        },
        truncated: hood.truncated,
    }))
}

/// Query of `GET /v1/paths`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PathsQuery {
    /// The entity the paths start at.
    #[param(value_type = i64, minimum = 1)]
    from: Option<String>,
    /// The entity the paths end at.
    #[param(value_type = i64, minimum = 1)]
    to: Option<String>,
    /// Longest path, in edges, 1–6.
    #[param(minimum = 1, maximum = 6, default = 4)]
    max_len: Option<i64>,
    /// Most paths, 1–20.
    #[param(minimum = 1, maximum = 20, default = 3)]
    limit: Option<i64>,
}

/// One connection between two entities.
#[derive(Debug, Serialize, ToSchema)]
pub struct PathOut {
    /// From `from` to `to`.
    pub nodes: Vec<NodeData>,
    /// `edges[i]` joins `nodes[i]` and `nodes[i + 1]` (in either direction).
    pub edges: Vec<EdgeData>,
    /// Ids of the claims the path passes through, in order.
    pub claims: Vec<i64>,
}

/// `GET /v1/paths`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PathsOut {
    pub from: i64,
    pub to: i64,
    /// Edges in each path (all shortest paths are of one length); null when none exists
    /// within `max_len`.
    #[schema(required = true)]
    pub length: Option<usize>,
    pub paths: Vec<PathOut>,
}

/// `GET /v1/paths?from=&to=`: the shortest connections between two entities.
#[utoipa::path(get, path = "/v1/paths", tag = "graph", operation_id = "paths",
    summary = "Shortest connections between two entities",
    description = "Breadth-first over the graph's edges in either direction: every shortest path from `from` to `to` up to `max_len` edges (at most `limit`, in id order), each with its nodes, edges and the claims on the way. No path that short: `paths` is empty and `length` null.",
    params(PathsQuery),
    responses(
        (status = 200, description = "The paths", body = PathsOut),
        (status = 400, description = "`invalid_id` (from/to missing or not a positive id), `invalid_query`, `unknown_parameter` (max_len out of range), `invalid_limit`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`: from or to", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn paths(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PathsQuery>,
) -> Result<Json<PathsOut>, ApiError> {
    let from = parse_id("from", q.from.as_deref().unwrap_or(""))?;
    let to = parse_id("to", q.to.as_deref().unwrap_or(""))?;
    let max_len = bounded(
        "max_len",
        q.max_len,
        DEFAULT_PATH_LEN,
        MAX_PATH_LEN,
        ErrorCode::InvalidQuery,
    )?;
    let limit = bounded(
        "limit",
        q.limit,
        DEFAULT_PATHS,
        MAX_PATHS,
        ErrorCode::InvalidLimit,
    )?;
    let graph = state.graph.current(&*state.store).await?;
    let a = require_entity(&*state.store, &graph, from).await?;
    let b = require_entity(&*state.store, &graph, to).await?;
    let found = graph
        .shortest_paths(a, b, max_len, limit)
        .unwrap_or_default();
    Ok(Json(PathsOut {
        from,
        to,
        length: found.first().map(|p| p.edges.len()),
        paths: found
            .iter()
            .map(|p| PathOut {
                nodes: p.nodes.iter().map(NodeData::from).collect(),
                edges: p.edges.iter().map(EdgeData::from).collect(),
                claims: p.claims(),
            })
            .collect(),
    }))
}

/// An entity claimed about together with another.
#[derive(Debug, Serialize, ToSchema)]
pub struct RelatedOut {
    pub id: i64,
    pub name: String,
    /// `person`, `organization`, `outlet` or `place`.
    #[serde(rename = "type")]
    #[schema(value_type = crate::openapi::enums::EntityType)]
    pub kind: String,
    /// Claims in which both are speaker or place.
    pub count: usize,
}

/// Query of `GET /v1/entities/{id}/related`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RelatedQuery {
    /// Most entities, 1–500 (the list is not paged).
    #[param(minimum = 1, maximum = 500, default = 20)]
    limit: Option<i64>,
}

/// `GET /v1/entities/{id}/related`.
#[utoipa::path(get, path = "/v1/entities/{id}/related", tag = "graph", operation_id = "related_entities",
    summary = "Entities most often claimed about together with this one",
    description = "Entities that are the speaker or a place of the same claims as this entity (in either role), with the number of such claims, most first, then by id. One page: `next_cursor` is always null.",
    params(("id" = i64, Path, description = "Entity id", minimum = 1), RelatedQuery),
    responses(
        (status = 200, description = "Related entities with counts", body = List<RelatedOut>),
        (status = 400, description = "`invalid_id`, `invalid_query`, `unknown_parameter`, `invalid_limit`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn related_entities(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<RelatedQuery>,
) -> Result<Json<List<RelatedOut>>, ApiError> {
    let limit = bounded(
        "limit",
        q.limit,
        DEFAULT_RELATED,
        MAX_RELATED,
        ErrorCode::InvalidLimit,
    )?;
    let graph = state.graph.current(&*state.store).await?;
    require_entity(&*state.store, &graph, id).await?;
    let related = graph.related(id, limit).unwrap_or_default();
    Ok(Json(List {
        items: related
            .into_iter()
            .map(|r| RelatedOut {
                id: r.entity.key.id(),
                name: r.entity.label,
                kind: r.entity.kind,
                count: r.count,
            })
            .collect(),
        next_cursor: None,
    }))
}
