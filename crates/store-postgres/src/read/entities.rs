//! Entities: the records other records show them by, one entity with its counts, and
//! the checks that an id names a stored entity or article.

use std::collections::HashMap;

use postgres::GenericClient;

use crate::StorageError;
use crate::{EntityRecord, EntitySummary, PlaceInfo};
use crate::{Id, PgError, PgStore};

impl PgStore {
    /// One entity with its counts; an id merged into another is [`StorageError::Merged`].
    pub async fn get_entity(&self, id: Id) -> Result<EntityRecord, PgError> {
        self.read_with(move |client| {
            if let Some(into) = redirect_of(client, id)? {
                return Err(StorageError::Merged { id, into }.into());
            }
            let row = client
                .query_opt(
                    "SELECT e.mention_count, e.created_at,
                    (SELECT COUNT(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id)
                        AS article_count,
                    (SELECT COUNT(*) FROM claims c WHERE c.speaker_id = e.id) AS claim_count
             FROM entities e WHERE e.id = $1",
                    &[&id],
                )?
                .ok_or(StorageError::NotFound { what: "entity", id })?;
            let entity = entity_summaries(client, &[id])?
                .remove(&id)
                .ok_or(StorageError::NotFound { what: "entity", id })?;
            Ok(EntityRecord {
                entity,
                mention_count: row.try_get("mention_count")?,
                article_count: row.try_get("article_count")?,
                claim_count: row.try_get("claim_count")?,
                created_at: row.try_get("created_at")?,
            })
        })
        .await
    }

    pub(crate) async fn require(&self, what: &'static str, id: Id) -> Result<(), PgError> {
        self.read_with(move |client| require(client, what, id))
            .await
    }

    /// The error for an entity id that is not stored: `Merged` when it was merged into
    /// another, else `NotFound`.
    pub async fn missing_entity(&self, id: Id) -> Result<PgError, PgError> {
        self.read_with(move |client| missing_entity(client, id))
            .await
    }
}

/// The entity a merged id now lives in, if `id` was merged away.
pub(crate) fn redirect_of(client: &mut impl GenericClient, id: Id) -> Result<Option<Id>, PgError> {
    let row = client.query_opt(
        "SELECT into_id FROM entity_redirects WHERE from_id = $1",
        &[&id],
    )?;
    Ok(row.map(|r| r.try_get(0)).transpose()?)
}

/// The kind of a stored entity; an id not stored is the error [`PgStore::missing_entity`]
/// gives.
pub(super) fn entity_kind(client: &mut impl GenericClient, id: Id) -> Result<String, PgError> {
    let row = client.query_opt("SELECT kind FROM entities WHERE id = $1", &[&id])?;
    match row {
        Some(row) => Ok(row.try_get(0)?),
        None => Err(missing_entity(client, id)?),
    }
}

/// Checks that `id` names a stored `what` (`"article"` or `"entity"`): an entity id not
/// stored is the error [`missing_entity`] gives, any other `NotFound`.
pub(crate) fn require(
    client: &mut impl GenericClient,
    what: &'static str,
    id: Id,
) -> Result<(), PgError> {
    let sql = match what {
        "article" => "SELECT 1 FROM articles WHERE id = $1",
        _ => "SELECT 1 FROM entities WHERE id = $1",
    };
    if client.query_opt(sql, &[&id])?.is_some() {
        return Ok(());
    }
    match what {
        "entity" => Err(missing_entity(client, id)?),
        _ => Err(StorageError::NotFound { what, id }.into()),
    }
}

/// The error for an entity id that is not stored: `Merged` when it was merged into
/// another, else `NotFound`.
pub(crate) fn missing_entity(client: &mut impl GenericClient, id: Id) -> Result<PgError, PgError> {
    Ok(match redirect_of(client, id)? {
        Some(into) => StorageError::Merged { id, into },
        None => StorageError::NotFound { what: "entity", id },
    }
    .into())
}

/// The summaries of the entities with these ids, by id; ids that name no entity are left
/// out. One statement for all: aliases and roles come as arrays, sorted by bytes as
/// SQLite's BINARY collation sorts them, so both backends list them alike.
pub(super) fn entity_summaries(
    client: &mut impl GenericClient,
    ids: &[Id],
) -> Result<HashMap<Id, EntitySummary>, PgError> {
    let mut out: HashMap<Id, EntitySummary> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = client.query(
        "SELECT e.id, e.kind, e.name, e.lat, e.lon, e.country_code, e.place_type,
                e.geonames_id,
                ARRAY(SELECT alias FROM aliases WHERE entity_id = e.id
                      ORDER BY alias COLLATE \"C\") AS aliases,
                ARRAY(SELECT role FROM entity_roles WHERE entity_id = e.id
                      ORDER BY role COLLATE \"C\") AS roles
         FROM entities e WHERE e.id = ANY($1)",
        &[&ids],
    )?;
    for row in rows {
        let summary = entity_summary(&row)?;
        out.insert(summary.id, summary);
    }
    Ok(out)
}

/// One row of [`entity_summaries`].
fn entity_summary(row: &postgres::Row) -> Result<EntitySummary, PgError> {
    let kind: String = row.try_get("kind")?;
    let lat: Option<f64> = row.try_get("lat")?;
    let lon: Option<f64> = row.try_get("lon")?;
    let place = if kind == "place" {
        Some(PlaceInfo {
            coordinates: lat.zip(lon),
            country: row.try_get("country_code")?,
            place_type: row.try_get("place_type")?,
            geonames_id: row.try_get("geonames_id")?,
        })
    } else {
        None
    };
    Ok(EntitySummary {
        id: row.try_get("id")?,
        kind,
        name: row.try_get("name")?,
        aliases: row.try_get("aliases")?,
        roles: row.try_get("roles")?,
        place,
    })
}

impl PgStore {
    /// How many canonical entities the graph holds.
    pub async fn count_entities(&self) -> Result<i64, PgError> {
        self.read_with(|client| {
            Ok(client
                .query_one("SELECT COUNT(*) FROM entities", &[])?
                .try_get(0)?)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use crate::test_articles::{article, Said};
    use crate::testing::TestDb;
    use crate::write::tests::{block_on, open};
    use crate::StorageError;

    #[test]
    fn an_entity_has_its_counts_aliases_and_place_and_a_merged_id_redirects() {
        let Some(db) = TestDb::create("entity_record") else {
            return;
        };
        block_on(async {
            let store = open(db.config().clone()).await;
            assert_eq!(store.count_entities().await.expect("count"), 0);
            let text = "Harbour master Luka Perić said the ferries to Bled would stop. \
             Perić said the crews would stay in Bled.";
            let p = article(
                text,
                None,
                &[
                    Said {
                        words: "the ferries to Bled would stop",
                        speaker: Some("Luka Perić"),
                        places: &[("Bled", None)],
                        numbers: &[],
                    },
                    Said {
                        words: "the crews would stay in Bled",
                        speaker: Some("Perić"),
                        places: &[],
                        numbers: &[],
                    },
                ],
            );
            store.insert(&p).await.expect("insert");
            let found = store
                .search_entities(Some("Luka Perić"), Some("person"), 1, None)
                .await
                .expect("search");
            let id = found.items[0].id;
            let person = store.get_entity(id).await.expect("entity");
            assert_eq!(person.entity.name, "Luka Perić");
            assert_eq!(person.entity.place, None);
            assert_eq!((person.claim_count, person.article_count), (2, 1));
            let mut sorted = person.entity.aliases.clone();
            sorted.sort();
            assert_eq!(person.entity.aliases, sorted, "aliases in byte order");
            assert!(person.created_at.ends_with('Z'));

            let bled = store
                .search_entities(Some("Bled"), Some("place"), 1, None)
                .await
                .expect("search")
                .items;
            assert!(bled[0].place.is_some(), "a place has its place info");

            // an id merged away redirects; an id never stored is not found
            let gone = id + 1000;
            store
                .write_rows(move |client| {
                    client.execute(
                        "INSERT INTO entity_redirects (from_id, into_id) VALUES ($1, $2)",
                        &[&gone, &id],
                    )?;
                    Ok(())
                })
                .await
                .expect("redirect");
            let merged = StorageError::from(store.get_entity(gone).await.expect_err("merged"));
            assert!(matches!(merged, StorageError::Merged { into, .. } if into == id));
            let missing = StorageError::from(store.missing_entity(gone + 1).await.expect("error"));
            assert!(matches!(
                missing,
                StorageError::NotFound { what: "entity", .. }
            ));
            assert!(store.require("entity", id).await.is_ok());
            let not_article =
                StorageError::from(store.require("article", 99).await.expect_err("no"));
            assert!(matches!(
                not_article,
                StorageError::NotFound {
                    what: "article",
                    id: 99
                }
            ));
        });
    }
}
