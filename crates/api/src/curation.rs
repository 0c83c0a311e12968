//! Analysts' corrections over HTTP: merging entities and undoing a merge, adding an
//! alias, moving a mention to the right place, and the log of who did which and when.
//! Every write here is a POST or DELETE, so the guard asks for the token without code of
//! its own; the log names the credential and the client's `X-Actor`.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimgraph_graph::storage::{
    CurationEntry, Id, MentionRecord, MergeRecord, RelinkOutcome, RelinkScope,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::dto::{AliasIn, EntityDetailOut, List, MergeIn, MAX_ALIAS_CHARS};
use crate::error::ErrorCode;
use crate::error::Problem;
use crate::extract::{page_params, parse_id, ApiActor, ApiId, ApiQuery, PageQuery};
use crate::routes::json_body;
use crate::{ApiError, AppState};

/// `POST /v1/entities/{id}/merge`: the merged entity, and the merge's id to undo it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergedOut {
    #[serde(flatten)]
    pub entity: EntityDetailOut,
    /// `DELETE /v1/merges/{merge_id}` undoes the merge.
    #[schema(value_type = i64)]
    pub merge_id: Id,
}

/// A merge, as `GET /v1/merges` lists it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeOut {
    #[schema(value_type = i64)]
    pub id: Id,
    /// The entity that stayed.
    #[schema(value_type = i64)]
    pub into_id: Id,
    /// The entity merged into it (back under this id once the merge is undone).
    #[schema(value_type = i64)]
    pub from_id: Id,
    pub created_at: String,
    /// Who merged: `token:<hash>` (the server's token) or `anonymous`.
    #[schema(required = true)]
    pub actor: Option<String>,
    /// The `X-Actor` the client gave, unverified.
    #[schema(required = true)]
    pub actor_name: Option<String>,
    /// When the merge was undone; `null` while it stands.
    #[schema(required = true)]
    pub undone_at: Option<String>,
}

impl From<MergeRecord> for MergeOut {
    fn from(m: MergeRecord) -> Self {
        MergeOut {
            id: m.id,
            into_id: m.into_id,
            from_id: m.from_id,
            created_at: m.created_at,
            actor: m.actor,
            actor_name: m.actor_name,
            undone_at: m.undone_at,
        }
    }
}

/// `POST /v1/mentions/{id}/place`: the place a mention (and its article's other mentions
/// in the same words, unless `scope` is `mention`) should be linked to.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceIn {
    /// The place entity's id (`GET /v1/entities?type=place&q=...`).
    #[schema(value_type = i64, minimum = 1)]
    pub place: Id,
    /// `article` (the default): every mention of the article that names the same place
    /// in the same words; `mention`: this mention only.
    #[schema(value_type = Option<String>, pattern = "^(article|mention)$")]
    pub scope: Option<String>,
}

/// A place correction done.
#[derive(Debug, Serialize, ToSchema)]
pub struct RelinkOut {
    /// Its entry in `GET /v1/audit`.
    #[schema(value_type = i64)]
    pub log_id: Id,
    #[schema(value_type = i64)]
    pub mention_id: Id,
    #[schema(value_type = i64)]
    pub article_id: Id,
    /// The place the mentions named before; posting it back undoes the correction.
    #[schema(value_type = i64)]
    pub from_place: Id,
    #[schema(value_type = i64)]
    pub to_place: Id,
    /// The mentions moved.
    #[schema(value_type = Vec<i64>)]
    pub mentions: Vec<Id>,
    /// The claims whose `places` changed.
    #[schema(value_type = Vec<i64>)]
    pub claims: Vec<Id>,
}

impl From<RelinkOutcome> for RelinkOut {
    fn from(r: RelinkOutcome) -> Self {
        RelinkOut {
            log_id: r.log_id,
            mention_id: r.mention_id,
            article_id: r.article_id,
            from_place: r.from_place,
            to_place: r.to_place,
            mentions: r.mentions,
            claims: r.claims,
        }
    }
}

/// A mention: where an article names an entity.
#[derive(Debug, Serialize, ToSchema)]
pub struct MentionOut {
    #[schema(value_type = i64)]
    pub id: Id,
    #[schema(value_type = i64)]
    pub entity_id: Id,
    #[schema(value_type = i64)]
    pub article_id: Id,
    /// Code point offsets into the article's text; `text` is that slice.
    pub start: i64,
    pub end: i64,
    pub text: String,
}

impl From<MentionRecord> for MentionOut {
    fn from(m: MentionRecord) -> Self {
        MentionOut {
            id: m.id,
            entity_id: m.entity_id,
            article_id: m.article_id,
            start: m.start,
            end: m.end,
            text: m.text,
        }
    }
}

/// One entry of the curation log.
#[derive(Debug, Serialize, ToSchema)]
pub struct CurationOut {
    #[schema(value_type = i64)]
    pub id: Id,
    /// `merge`, `unmerge`, `alias` or `relink`.
    pub action: String,
    /// `token:<hash>` (the server's token, by a short hash) or `anonymous`.
    pub actor: String,
    /// The `X-Actor` the client gave, unverified.
    #[schema(required = true)]
    pub actor_name: Option<String>,
    /// The entity changed: a merge's survivor, an unmerge's restored entity, the entity
    /// given an alias, the place a mention moved to.
    #[schema(required = true, value_type = Option<i64>)]
    pub entity_id: Option<Id>,
    #[schema(required = true, value_type = Option<i64>)]
    pub merge_id: Option<Id>,
    #[schema(required = true, value_type = Option<i64>)]
    pub mention_id: Option<Id>,
    /// What changed: `{into_id, from_id}` for merges, `{alias}`, or `{from_place,
    /// to_place, article_id, mentions, claims}` for a place correction.
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
    pub created_at: String,
}

impl From<CurationEntry> for CurationOut {
    fn from(e: CurationEntry) -> Self {
        CurationOut {
            id: e.id,
            action: e.action,
            actor: e.actor,
            actor_name: e.actor_name,
            entity_id: e.entity_id,
            merge_id: e.merge_id,
            mention_id: e.mention_id,
            detail: serde_json::from_str(&e.detail).unwrap_or(serde_json::Value::Null),
            created_at: e.created_at,
        }
    }
}

/// `POST /v1/entities/{id}/merge` with `{"from_id": N}`: entity N is merged into `id`.
#[utoipa::path(post, path = "/v1/entities/{id}/merge", tag = "curation", operation_id = "merge_entity",
    summary = "Merge another entity into this one",
    description = "Entity `from_id` is merged into `id`: its mentions, claims, aliases and roles move, it is deleted and `GET /v1/entities/{from_id}` answers 308 to `id`. Recorded, so later ingests never split them again; `DELETE /v1/merges/{merge_id}` undoes it. Logged with the `X-Actor` header.",
    security(("bearer_token" = [])),
    params(("id" = i64, Path, description = "The entity that stays", minimum = 1),
        ("x-actor" = Option<String>, Header, description = "Who you are, for the curation log: at most 100 characters, no control characters (else 400 `invalid_actor`)", max_length = 100, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$")),
    request_body(content = MergeIn, content_type = "application/json"),
    responses(
        (status = 200, description = "The merged entity and the merge's id", body = MergedOut,
            headers(("location" = String, description = "/v1/merges/{merge_id}"))),
        (status = 400, description = "`invalid_id`, `invalid_actor`, `malformed_json`, `unreadable_body`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`invalid_body`, `merge_into_itself`, `kind_mismatch`", body = Problem, content_type = "application/problem+json"),
        (status = 507, description = "`storage_full`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn merge_entity(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiActor(actor): ApiActor,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let MergeIn { from_id } = json_body(body)?;
    let from = parse_id("from_id", &from_id.to_string())
        .map_err(|e| ApiError::unprocessable(ErrorCode::InvalidBody, e.to_string()))?;
    let merged = state.store.merge_entities(id, from, &actor).await?;
    let location = format!("/v1/merges/{}", merged.merge_id);
    let out = MergedOut {
        entity: merged.entity.into(),
        merge_id: merged.merge_id,
    };
    Ok(([(header::LOCATION, location)], Json(out)).into_response())
}

/// `POST /v1/entities/{id}/aliases` with `{"alias": "..."}`: the name resolves to this
/// entity from now on, in search and in every article ingested later.
#[utoipa::path(post, path = "/v1/entities/{id}/aliases", tag = "curation", operation_id = "add_alias",
    summary = "Add a name that resolves to this entity",
    security(("bearer_token" = [])),
    params(("id" = i64, Path, description = "Entity id", minimum = 1),
        ("x-actor" = Option<String>, Header, description = "Who you are, for the curation log: at most 100 characters, no control characters (else 400 `invalid_actor`)", max_length = 100, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$")),
    request_body(content = AliasIn, content_type = "application/json"),
    responses(
        (status = 200, description = "The entity with the new alias", body = EntityDetailOut),
        (status = 400, description = "`invalid_id`, `invalid_actor`, `malformed_json`, `unreadable_body`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`invalid_body`, `invalid_alias` (no letter or digit, or longer than 200 characters)", body = Problem, content_type = "application/problem+json"),
        (status = 507, description = "`storage_full`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_alias(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiActor(actor): ApiActor,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<EntityDetailOut>, ApiError> {
    let AliasIn { alias } = json_body(body)?;
    let length = alias.trim().chars().count();
    if length > MAX_ALIAS_CHARS {
        return Err(ApiError::unprocessable(
            ErrorCode::InvalidAlias,
            format!("an alias is at most {MAX_ALIAS_CHARS} characters, got {length}"),
        ));
    }
    Ok(Json(
        state.store.add_alias(id, &alias, &actor).await?.into(),
    ))
}

/// `GET /v1/merges`: newest first.
#[utoipa::path(get, path = "/v1/merges", tag = "curation", operation_id = "list_merges",
    summary = "Merges, newest first, undone ones included",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of merges", body = List<MergeOut>),
        (status = 400, description = "`invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_merges(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<MergeOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.list_merges(limit, cursor).await?;
    Ok(Json(List::from_page(page, MergeOut::from)))
}

/// `GET /v1/merges/{id}`.
#[utoipa::path(get, path = "/v1/merges/{id}", tag = "curation", operation_id = "get_merge",
    summary = "One merge",
    params(("id" = i64, Path, description = "Merge id", minimum = 1)),
    responses(
        (status = 200, description = "The merge", body = MergeOut),
        (status = 400, description = "`invalid_id`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_merge(
    State(state): State<AppState>,
    ApiId(id): ApiId,
) -> Result<Json<MergeOut>, ApiError> {
    Ok(Json(state.store.get_merge(id).await?.into()))
}

/// `DELETE /v1/merges/{id}`: the merge undone.
#[utoipa::path(delete, path = "/v1/merges/{id}", tag = "curation", operation_id = "undo_merge",
    summary = "Undo a merge",
    description = "The merged entity comes back under its id with its names, roles, mentions, claims, places and sources as they were before the merge; the survivor loses what the merge gave it, and the merged id no longer redirects. Mentions in articles ingested after the merge stay with the survivor. Merges made before this server version have no id and cannot be undone. Logged with the `X-Actor` header.",
    security(("bearer_token" = [])),
    params(("id" = i64, Path, description = "Merge id", minimum = 1),
        ("x-actor" = Option<String>, Header, description = "Who you are, for the curation log: at most 100 characters, no control characters (else 400 `invalid_actor`)", max_length = 100, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$")),
    responses(
        (status = 200, description = "The merge, with `undone_at` set", body = MergeOut),
        (status = 400, description = "`invalid_id`, `invalid_actor`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no merge has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`merge_undone`: already undone; `merge_not_undoable`: a later merge of one of its entities stands (undo it first), or the merged entity's id or name was taken since", body = Problem, content_type = "application/problem+json"),
        (status = 507, description = "`storage_full`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn undo_merge(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiActor(actor): ApiActor,
) -> Result<Json<MergeOut>, ApiError> {
    Ok(Json(state.store.undo_merge(id, &actor).await?.into()))
}

/// `POST /v1/mentions/{id}/place` with `{"place": N}`.
#[utoipa::path(post, path = "/v1/mentions/{id}/place", tag = "curation", operation_id = "relink_mention",
    summary = "Link a place mention to another place",
    description = "Corrects a place name read as the wrong place (a homonym in another country or region): the mention, and with `scope` `article` (the default) every mention of its article that names the same place in the same words, move to place `place`, with the claim `places` they gave. The wrong place keeps its names and other mentions; nothing is learnt for later articles. Undo by posting the previous place (`from_place`). Mention ids are in each claim's `places[].mention_id` and in `GET /v1/entities/{id}/mentions`. Logged with the `X-Actor` header.",
    security(("bearer_token" = [])),
    params(("id" = i64, Path, description = "Mention id", minimum = 1),
        ("x-actor" = Option<String>, Header, description = "Who you are, for the curation log: at most 100 characters, no control characters (else 400 `invalid_actor`)", max_length = 100, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$")),
    request_body(content = PlaceIn, content_type = "application/json"),
    responses(
        (status = 200, description = "What moved", body = RelinkOut),
        (status = 400, description = "`invalid_id`, `invalid_actor`, `malformed_json`, `unreadable_body`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found` (the mention or the place), `entity_merged` (the place was merged into another)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`same_place`: the mention already names that place", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`invalid_body` (wrong shape, unknown field, a bad `place` or `scope`), `not_a_place` (the mention or the entity is no place)", body = Problem, content_type = "application/problem+json"),
        (status = 507, description = "`storage_full`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn relink_mention(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiActor(actor): ApiActor,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<RelinkOut>, ApiError> {
    let PlaceIn { place, scope } = json_body(body)?;
    let invalid = |detail: String| ApiError::unprocessable(ErrorCode::InvalidBody, detail);
    let place = parse_id("place", &place.to_string()).map_err(|e| invalid(e.to_string()))?;
    let scope = match scope.as_deref() {
        None | Some("article") => RelinkScope::Article,
        Some("mention") => RelinkScope::Mention,
        Some(other) => {
            return Err(invalid(format!(
                "scope must be article or mention, got {other:?}"
            )))
        }
    };
    let done = state.store.relink_mention(id, place, scope, &actor).await?;
    Ok(Json(done.into()))
}

/// `GET /v1/entities/{id}/mentions`: in the order they were stored.
#[utoipa::path(get, path = "/v1/entities/{id}/mentions", tag = "curation", operation_id = "entity_mentions",
    summary = "Where articles name an entity",
    description = "Each mention with its article and span: the handles `POST /v1/mentions/{id}/place` takes.",
    params(("id" = i64, Path, description = "Entity id", minimum = 1), PageQuery),
    responses(
        (status = 200, description = "A page of mentions", body = List<MentionOut>),
        (status = 400, description = "`invalid_id`, `invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`, `entity_merged`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn entity_mentions(
    State(state): State<AppState>,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<MentionOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.entity_mentions(id, limit, cursor).await?;
    Ok(Json(List::from_page(page, MentionOut::from)))
}

/// `GET /v1/audit`: newest first.
#[utoipa::path(get, path = "/v1/audit", tag = "curation", operation_id = "curation_log",
    summary = "Who merged, unmerged, aliased or moved what, and when",
    description = "The curation log, newest first: one entry per merge, undone merge, alias and place correction, written in the same transaction as the change.",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of log entries", body = List<CurationOut>),
        (status = 400, description = "`invalid_query`, `unknown_parameter`, `invalid_limit`, `invalid_cursor`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn curation_log(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<List<CurationOut>>, ApiError> {
    let (limit, cursor) = page_params(q.limit, q.cursor.as_deref())?;
    let page = state.store.curation_log(limit, cursor).await?;
    Ok(Json(List::from_page(page, CurationOut::from)))
}
