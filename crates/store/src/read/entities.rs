//! Entities: the records other records show them by, one entity with its counts, and
//! the checks that an id names a stored entity or article.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use super::{from_json, json_array, real, real_text};
use crate::StorageError;
use crate::{EntityRecord, EntitySummary, PlaceInfo};
use crate::{Id, Store, StoreError};

impl Store {
    /// One entity with its counts; an id merged into another is [`StorageError::Merged`].
    pub async fn get_entity(&self, id: Id) -> Result<EntityRecord, StoreError> {
        self.read_with(move |conn| {
            if let Some(into) = redirect_of(conn, id)? {
                return Err(StorageError::Merged { id, into }.into());
            }
            let (mention_count, article_count, claim_count, created_at) = conn
                .prepare_cached(
                    "SELECT e.mention_count, e.created_at,
                    (SELECT COUNT(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id)
                        AS article_count,
                    (SELECT COUNT(*) FROM claims c WHERE c.speaker_id = e.id) AS claim_count
             FROM entities e WHERE e.id = ?1",
                )?
                .query_row([id], |row| {
                    Ok((
                        row.get("mention_count")?,
                        row.get("article_count")?,
                        row.get("claim_count")?,
                        row.get("created_at")?,
                    ))
                })
                .optional()?
                .ok_or(StorageError::NotFound { what: "entity", id })?;
            let entity = entity_summaries(conn, &[id])?
                .remove(&id)
                .ok_or(StorageError::NotFound { what: "entity", id })?;
            Ok(EntityRecord {
                entity,
                mention_count,
                article_count,
                claim_count,
                created_at,
            })
        })
        .await
    }

    pub(crate) async fn require(&self, what: &'static str, id: Id) -> Result<(), StoreError> {
        self.read_with(move |conn| require(conn, what, id)).await
    }

    /// The error for an entity id that is not stored: `Merged` when it was merged into
    /// another, else `NotFound`.
    pub async fn missing_entity(&self, id: Id) -> Result<StoreError, StoreError> {
        self.read_with(move |conn| missing_entity(conn, id)).await
    }
}

/// The entity a merged id now lives in, if `id` was merged away.
pub(crate) fn redirect_of(conn: &Connection, id: Id) -> Result<Option<Id>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT into_id FROM entity_redirects WHERE from_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The kind of a stored entity; an id not stored is the error [`Store::missing_entity`]
/// gives.
pub(super) fn entity_kind(conn: &Connection, id: Id) -> Result<String, StoreError> {
    let kind: Option<String> = conn
        .prepare_cached("SELECT kind FROM entities WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match kind {
        Some(kind) => Ok(kind),
        None => Err(missing_entity(conn, id)?),
    }
}

/// Checks that `id` names a stored `what` (`"article"` or `"entity"`): an entity id not
/// stored is the error [`missing_entity`] gives, any other `NotFound`.
pub(crate) fn require(conn: &Connection, what: &'static str, id: Id) -> Result<(), StoreError> {
    let sql = match what {
        "article" => "SELECT 1 FROM articles WHERE id = ?1",
        _ => "SELECT 1 FROM entities WHERE id = ?1",
    };
    let found: Option<i64> = conn
        .prepare_cached(sql)?
        .query_row([id], |r| r.get(0))
        .optional()?;
    if found.is_some() {
        return Ok(());
    }
    match what {
        "entity" => Err(missing_entity(conn, id)?),
        _ => Err(StorageError::NotFound { what, id }.into()),
    }
}

/// The error for an entity id that is not stored: `Merged` when it was merged into
/// another, else `NotFound`.
pub(crate) fn missing_entity(conn: &Connection, id: Id) -> Result<StoreError, StoreError> {
    Ok(match redirect_of(conn, id)? {
        Some(into) => StorageError::Merged { id, into },
        None => StorageError::NotFound { what: "entity", id },
    }
    .into())
}

pub(super) fn entity_summaries(
    conn: &Connection,
    ids: &[Id],
) -> Result<HashMap<Id, EntitySummary>, StoreError> {
    let mut out: HashMap<Id, EntitySummary> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    type EntityRow = (
        Id,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i64>,
        Vec<String>,
        Vec<String>,
    );
    // one statement, one row (see `hydrate_claims`)
    let sql = format!(
        "SELECT json_group_array(json_array(e.id, e.kind, e.name, {}, {}, e.country_code,
                e.place_type, e.geonames_id,
                json((SELECT json_group_array(alias ORDER BY alias) FROM aliases
                      WHERE entity_id = e.id)),
                json((SELECT json_group_array(role ORDER BY role) FROM entity_roles
                      WHERE entity_id = e.id))))
             FROM entities e WHERE e.id IN (SELECT value FROM json_each(?1))",
        real_text("e.lat"),
        real_text("e.lon"),
    );
    let found: String = conn
        .prepare_cached(&sql)?
        .query_row([json_array(ids)], |r| r.get(0))?;
    for (id, kind, name, lat, lon, country, place_type, geonames_id, aliases, roles) in
        from_json::<Vec<EntityRow>>(&found)?
    {
        let coordinates = real(lat.as_deref())?.zip(real(lon.as_deref())?);
        let place = (kind == "place").then_some(PlaceInfo {
            coordinates,
            country,
            place_type,
            geonames_id,
        });
        out.insert(
            id,
            EntitySummary {
                id,
                kind,
                name,
                aliases,
                roles,
                place,
            },
        );
    }
    Ok(out)
}

impl Store {
    /// How many canonical entities the graph holds.
    pub async fn count_entities(&self) -> Result<i64, StoreError> {
        self.read_with(|conn| {
            Ok(conn
                .prepare_cached("SELECT COUNT(*) FROM entities")?
                .query_row([], |r| r.get(0))?)
        })
        .await
    }
}
