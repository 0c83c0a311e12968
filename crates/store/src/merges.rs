//! Merges that can be undone. Before a merge changes anything, [`MergeMoves::capture`]
//! reads every row it is about to move, fill, replace or delete, and the merge stores that
//! record under its id; [`Store::undo_merge`] puts those rows back. Rows the merge did not
//! touch (mentions of articles ingested later, which resolve to the survivor through the
//! merge's aliases) stay where they are.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::{Row, SqliteConnection};

use crate::audit::{record, NewEntry};
use crate::read::{from_json, json_array, keyset_page};
use crate::resolve::kind_in;
use crate::{Actor, CurationAction, MergeRecord};
use crate::{Cursor, Id, Listing, Page, StorageError, Store, StoreError};

/// Everything a merge of `from` into `into` changes, as it was before.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct MergeMoves {
    /// The merged entity's row.
    from: EntityRow,
    /// The survivor's columns the merge fills from `from` when they are empty.
    into: Filled,
    mentions: Vec<Id>,
    speaker_of: Vec<Id>,
    via_of: Vec<Id>,
    /// `from`'s claim places: (rowid, claim, mention).
    places: Vec<(i64, Id, Option<Id>)>,
    /// Claims whose place row for the survivor the merge created.
    places_added: Vec<Id>,
    sources: Vec<Id>,
    /// `from`'s aliases: (alias, key, rkey).
    aliases: Vec<(String, String, String)>,
    /// The survivor's aliases the merge created.
    aliases_added: Vec<String>,
    roles: Vec<String>,
    roles_added: Vec<String>,
    /// The `manual_aliases` keys (kind, key) the merge writes or repoints…
    manual_keys: Vec<(String, String)>,
    /// …and their rows before: (kind, key, alias, entity, created_at).
    manual_before: Vec<(String, String, String, Id, String)>,
    /// Entities merged into `from` earlier, whose redirects the merge repoints.
    redirected: Vec<Id>,
}

#[derive(Debug, Serialize, Deserialize)]
struct EntityRow {
    id: Id,
    kind: String,
    name: String,
    key: String,
    mention_count: i64,
    created_at: String,
    geonames_id: Option<i64>,
    lat: Option<f64>,
    lon: Option<f64>,
    country_code: Option<String>,
    place_type: Option<String>,
    skey: Option<String>,
    gkey: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Filled {
    geonames_id: Option<i64>,
    lat: Option<f64>,
    lon: Option<f64>,
    country_code: Option<String>,
    skey: Option<String>,
    gkey: Option<String>,
}

const ENTITY_COLUMNS: &str = "id, kind, name, key, mention_count, created_at, geonames_id, lat,
    lon, country_code, place_type, skey, gkey";

impl EntityRow {
    /// The merged entity's row as stored, to put back when the merge is undone.
    async fn read(conn: &mut SqliteConnection, id: Id) -> Result<EntityRow, StoreError> {
        let r = sqlx::query(&format!(
            "SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?1"
        ))
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
        Ok(EntityRow {
            id: r.get("id"),
            kind: r.get("kind"),
            name: r.get("name"),
            key: r.get("key"),
            mention_count: r.get("mention_count"),
            created_at: r.get("created_at"),
            geonames_id: r.get("geonames_id"),
            lat: r.get("lat"),
            lon: r.get("lon"),
            country_code: r.get("country_code"),
            place_type: r.get("place_type"),
            skey: r.get("skey"),
            gkey: r.get("gkey"),
        })
    }
}

impl Filled {
    /// The survivor's columns a merge fills from the merged entity when they are empty,
    /// as they are before it.
    async fn read(conn: &mut SqliteConnection, id: Id) -> Result<Filled, StoreError> {
        let r = sqlx::query(
            "SELECT geonames_id, lat, lon, country_code, skey, gkey FROM entities WHERE id = ?1",
        )
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
        Ok(Filled {
            geonames_id: r.get("geonames_id"),
            lat: r.get("lat"),
            lon: r.get("lon"),
            country_code: r.get("country_code"),
            skey: r.get("skey"),
            gkey: r.get("gkey"),
        })
    }
}

/// The ids `sql` selects for `(into, from)` bound as `?1`, `?2`.
async fn ids(
    conn: &mut SqliteConnection,
    sql: &str,
    into: Id,
    from: Id,
) -> Result<Vec<Id>, StoreError> {
    Ok(sqlx::query_scalar(sql)
        .bind(into)
        .bind(from)
        .fetch_all(&mut *conn)
        .await?)
}

/// The strings `sql` selects for `(into, from)` bound as `?1`, `?2`.
async fn strings(
    conn: &mut SqliteConnection,
    sql: &str,
    into: Id,
    from: Id,
) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(sql)
        .bind(into)
        .bind(from)
        .fetch_all(&mut *conn)
        .await?)
}

impl MergeMoves {
    /// Reads what merging `from` into `into` will change; call in the merge's transaction
    /// before it changes anything.
    pub(crate) async fn capture(
        conn: &mut SqliteConnection,
        into: Id,
        from: Id,
    ) -> Result<MergeMoves, StoreError> {
        let from_row = EntityRow::read(conn, from).await?;
        let filled = Filled::read(conn, into).await?;
        let places = sqlx::query_as(
            "SELECT rowid, claim_id, mention_id FROM claim_places WHERE entity_id = ?1
             ORDER BY rowid",
        )
        .bind(from)
        .fetch_all(&mut *conn)
        .await?;
        let aliases = sqlx::query_as("SELECT alias, key, rkey FROM aliases WHERE entity_id = ?1")
            .bind(from)
            .fetch_all(&mut *conn)
            .await?;
        let (manual_keys, manual_before) = manual_rows(conn, &from_row).await?;
        Ok(MergeMoves {
            into: filled,
            mentions: ids(
                conn,
                "SELECT id FROM mentions WHERE entity_id = ?2",
                into,
                from,
            )
            .await?,
            speaker_of: ids(
                conn,
                "SELECT id FROM claims WHERE speaker_id = ?2",
                into,
                from,
            )
            .await?,
            via_of: ids(conn, "SELECT id FROM claims WHERE via_id = ?2", into, from).await?,
            places,
            places_added: ids(
                conn,
                "SELECT claim_id FROM claim_places WHERE entity_id = ?2 AND claim_id NOT IN
                     (SELECT claim_id FROM claim_places WHERE entity_id = ?1)",
                into,
                from,
            )
            .await?,
            sources: ids(
                conn,
                "SELECT id FROM sources WHERE entity_id = ?2",
                into,
                from,
            )
            .await?,
            aliases,
            aliases_added: strings(
                conn,
                "SELECT alias FROM aliases WHERE entity_id = ?2 AND alias NOT IN
                     (SELECT alias FROM aliases WHERE entity_id = ?1)",
                into,
                from,
            )
            .await?,
            roles: strings(
                conn,
                "SELECT role FROM entity_roles WHERE entity_id = ?2",
                into,
                from,
            )
            .await?,
            roles_added: strings(
                conn,
                "SELECT role FROM entity_roles WHERE entity_id = ?2 AND role NOT IN
                     (SELECT role FROM entity_roles WHERE entity_id = ?1)",
                into,
                from,
            )
            .await?,
            manual_keys,
            manual_before,
            redirected: ids(
                conn,
                "SELECT from_id FROM entity_redirects WHERE into_id = ?2",
                into,
                from,
            )
            .await?,
            from: from_row,
        })
    }

    /// Stores the record as a new merge; returns its id.
    pub(crate) async fn save(
        &self,
        conn: &mut SqliteConnection,
        into: Id,
        from: Id,
    ) -> Result<Id, StoreError> {
        let moves = serde_json::to_string(self).map_err(|e| StoreError::Convert(Box::new(e)))?;
        Ok(sqlx::query_scalar(
            "INSERT INTO merges (into_id, from_id, moves) VALUES (?1, ?2, ?3) RETURNING id",
        )
        .bind(into)
        .bind(from)
        .bind(moves)
        .fetch_one(&mut *conn)
        .await?)
    }

    /// Puts back what the merge of `self.from` into `into` changed, where it still is
    /// as the merge left it.
    async fn restore(&self, conn: &mut SqliteConnection, into: Id) -> Result<(), StoreError> {
        self.restore_entity(conn).await?;
        let from = self.from.id;
        let list = |v: &[Id]| json_array(v);
        let moves: [(&str, String); 8] = [
            (
                "UPDATE mentions SET entity_id = ?2
                 WHERE entity_id = ?1 AND id IN (SELECT value FROM json_each(?3))",
                list(&self.mentions),
            ),
            (
                "UPDATE claims SET speaker_id = ?2
                 WHERE speaker_id = ?1 AND id IN (SELECT value FROM json_each(?3))",
                list(&self.speaker_of),
            ),
            (
                "UPDATE claims SET via_id = ?2
                 WHERE via_id = ?1 AND id IN (SELECT value FROM json_each(?3))",
                list(&self.via_of),
            ),
            (
                "DELETE FROM claim_places
                 WHERE entity_id = ?1 AND claim_id IN (SELECT value FROM json_each(?3))",
                list(&self.places_added),
            ),
            (
                "UPDATE sources SET entity_id = ?2
                 WHERE entity_id = ?1 AND id IN (SELECT value FROM json_each(?3))",
                list(&self.sources),
            ),
            (
                "DELETE FROM aliases
                 WHERE entity_id = ?1 AND alias IN (SELECT value FROM json_each(?3))",
                json_array(&self.aliases_added),
            ),
            (
                "DELETE FROM entity_roles
                 WHERE entity_id = ?1 AND role IN (SELECT value FROM json_each(?3))",
                json_array(&self.roles_added),
            ),
            (
                "UPDATE entity_redirects SET into_id = ?2
                 WHERE into_id = ?1 AND from_id IN (SELECT value FROM json_each(?3))",
                list(&self.redirected),
            ),
        ];
        for (sql, items) in moves {
            sqlx::query(sql)
                .bind(into)
                .bind(from)
                .bind(items)
                .execute(&mut *conn)
                .await?;
        }
        for (rowid, claim, mention) in &self.places {
            // the row's own rowid keeps the claim's places in their order, unless taken since
            sqlx::query(
                "INSERT OR IGNORE INTO claim_places (rowid, claim_id, entity_id, mention_id)
                 VALUES ((SELECT CASE WHEN EXISTS (SELECT 1 FROM claim_places WHERE rowid = ?1)
                          THEN NULL ELSE ?1 END), ?2, ?3, ?4)",
            )
            .bind(rowid)
            .bind(claim)
            .bind(from)
            .bind(mention)
            .execute(&mut *conn)
            .await?;
        }
        self.restore_manual(conn).await?;
        self.restore_survivor(conn, into).await
    }

    /// The merged entity's row, aliases and roles, under its own id.
    async fn restore_entity(&self, conn: &mut SqliteConnection) -> Result<(), StoreError> {
        let e = &self.from;
        sqlx::query(&format!(
            "INSERT INTO entities ({ENTITY_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
        ))
        .bind(e.id)
        .bind(&e.kind)
        .bind(&e.name)
        .bind(&e.key)
        .bind(e.mention_count)
        .bind(&e.created_at)
        .bind(e.geonames_id)
        .bind(e.lat)
        .bind(e.lon)
        .bind(&e.country_code)
        .bind(&e.place_type)
        .bind(&e.skey)
        .bind(&e.gkey)
        .execute(&mut *conn)
        .await?;
        for (alias, key, rkey) in &self.aliases {
            sqlx::query(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, key, rkey) VALUES (?1, ?2, ?3, ?4)",
            )
            .bind(e.id)
            .bind(alias)
            .bind(key)
            .bind(rkey)
            .execute(&mut *conn)
            .await?;
        }
        for role in &self.roles {
            sqlx::query("INSERT OR IGNORE INTO entity_roles (entity_id, role) VALUES (?1, ?2)")
                .bind(e.id)
                .bind(role)
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }

    /// The analysts' aliases the merge wrote or repointed, as they were; the merged id no
    /// longer redirects.
    async fn restore_manual(&self, conn: &mut SqliteConnection) -> Result<(), StoreError> {
        sqlx::query(
            "DELETE FROM manual_aliases WHERE (kind, key) IN
                 (SELECT value ->> 0, value ->> 1 FROM json_each(?1))",
        )
        .bind(json_array(&self.manual_keys))
        .execute(&mut *conn)
        .await?;
        for (kind, key, alias, entity, created_at) in &self.manual_before {
            sqlx::query(
                "INSERT OR REPLACE INTO manual_aliases (kind, key, alias, entity_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(kind)
            .bind(key)
            .bind(alias)
            .bind(entity)
            .bind(created_at)
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query("DELETE FROM entity_redirects WHERE from_id = ?1")
            .bind(self.from.id)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// The survivor's count less what the merge added, and the columns it filled emptied.
    async fn restore_survivor(
        &self,
        conn: &mut SqliteConnection,
        into: Id,
    ) -> Result<(), StoreError> {
        let f = &self.into;
        sqlx::query(
            "UPDATE entities SET mention_count = max(0, mention_count - ?2),
                 geonames_id = ?3, lat = ?4, lon = ?5, country_code = ?6, skey = ?7, gkey = ?8
             WHERE id = ?1",
        )
        .bind(into)
        .bind(self.from.mention_count)
        .bind(f.geonames_id)
        .bind(f.lat)
        .bind(f.lon)
        .bind(&f.country_code)
        .bind(&f.skey)
        .bind(&f.gkey)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}

/// The `manual_aliases` keys a merge of `from` writes or repoints (every alias key of
/// `from`, its own key, and keys already resolving to it), and their rows before.
#[allow(clippy::type_complexity)]
async fn manual_rows(
    conn: &mut SqliteConnection,
    from: &EntityRow,
) -> Result<
    (
        Vec<(String, String)>,
        Vec<(String, String, String, Id, String)>,
    ),
    StoreError,
> {
    let mut keys: Vec<(String, String)> =
        sqlx::query_scalar::<_, String>("SELECT key FROM aliases WHERE entity_id = ?1")
            .bind(from.id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|k| (from.kind.clone(), k))
            .collect();
    keys.push((from.kind.clone(), from.key.clone()));
    let pointing: Vec<(String, String)> =
        sqlx::query_as("SELECT kind, key FROM manual_aliases WHERE entity_id = ?1")
            .bind(from.id)
            .fetch_all(&mut *conn)
            .await?;
    keys.extend(pointing);
    keys.sort();
    keys.dedup();
    let before = sqlx::query_as(
        "SELECT kind, key, alias, entity_id, created_at FROM manual_aliases
         WHERE (kind, key) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?1))",
    )
    .bind(json_array(&keys))
    .fetch_all(&mut *conn)
    .await?;
    Ok((keys, before))
}

impl Store {
    /// Undoes merge `id`: the merged entity comes back under its id with its names,
    /// roles, mentions, claims, places and sources, the survivor loses what the merge
    /// gave it, and the merged id stops redirecting. Refused while a later merge of
    /// either entity stands (undo that first), and when the merged entity's id or name
    /// was taken since.
    pub async fn undo_merge(&self, id: Id, actor: &Actor) -> Result<MergeRecord, StoreError> {
        let mut tx = self.write.begin_with("BEGIN IMMEDIATE").await?;
        let row =
            sqlx::query("SELECT into_id, from_id, moves, undone_at FROM merges WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StorageError::NotFound { what: "merge", id })?;
        if row.get::<Option<String>, _>("undone_at").is_some() {
            return Err(StorageError::MergeUndone { id }.into());
        }
        let (into, from): (Id, Id) = (row.get("into_id"), row.get("from_id"));
        let moves: MergeMoves = from_json(&row.get::<String, _>("moves"))?;
        undoable(&mut tx, id, into, &moves.from).await?;
        moves.restore(&mut tx, into).await?;
        sqlx::query(
            "UPDATE merges SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        record(
            &mut tx,
            NewEntry {
                action: CurationAction::Unmerge,
                actor,
                entity_id: Some(from),
                merge_id: Some(id),
                mention_id: None,
                detail: json!({ "into_id": into, "from_id": from }),
            },
        )
        .await?;
        tx.commit().await?;
        self.get_merge(id).await
    }

    /// One merge.
    pub async fn get_merge(&self, id: Id) -> Result<MergeRecord, StoreError> {
        let row = sqlx::query(&format!("{MERGE_SELECT} WHERE m.id = ?1"))
            .bind(id)
            .fetch_optional(&self.read)
            .await?
            .ok_or(StorageError::NotFound { what: "merge", id })?;
        Ok(merge_row(&row))
    }

    /// Merges, newest first.
    pub async fn list_merges(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<MergeRecord>, StoreError> {
        let before = Cursor::after_id(cursor, Listing::Merges)?;
        let rows = sqlx::query(&format!(
            "{MERGE_SELECT} WHERE ?1 IS NULL OR m.id < ?1 ORDER BY m.id DESC LIMIT ?2"
        ))
        .bind(before)
        .bind(limit + 1)
        .fetch_all(&self.read)
        .await?;
        let items = rows.iter().map(merge_row).collect();
        Ok(keyset_page(
            items,
            limit,
            Listing::Merges,
            |m: &MergeRecord| m.id,
        ))
    }
}

/// A merge with the log entry that made it.
const MERGE_SELECT: &str = "SELECT m.id, m.into_id, m.from_id, m.created_at, m.undone_at,
        l.actor, l.actor_name
    FROM merges m LEFT JOIN curation_log l ON l.merge_id = m.id AND l.action = 'merge'";

fn merge_row(r: &sqlx::sqlite::SqliteRow) -> MergeRecord {
    MergeRecord {
        id: r.get("id"),
        into_id: r.get("into_id"),
        from_id: r.get("from_id"),
        created_at: r.get("created_at"),
        actor: r.get("actor"),
        actor_name: r.get("actor_name"),
        undone_at: r.get("undone_at"),
    }
}

/// Whether merge `id` of `from` into `into` can be put back as it was.
async fn undoable(
    conn: &mut SqliteConnection,
    id: Id,
    into: Id,
    from: &EntityRow,
) -> Result<(), StoreError> {
    let refuse = |reason: String| Err(StorageError::MergeNotUndoable { id, reason }.into());
    let later: Option<Id> = sqlx::query_scalar(
        "SELECT id FROM merges WHERE id > ?1 AND undone_at IS NULL
            AND (into_id IN (?2, ?3) OR from_id IN (?2, ?3))
         ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .bind(into)
    .bind(from.id)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(later) = later {
        return refuse(format!(
            "merge {later} was made later with one of its entities: undo it first"
        ));
    }
    if let Err(e) = kind_in(conn, into).await {
        return refuse(format!(
            "entity {into}, which it merged into, is gone ({e})"
        ));
    }
    let taken: Option<Id> =
        sqlx::query_scalar("SELECT id FROM entities WHERE id = ?1 OR (kind = ?2 AND key = ?3)")
            .bind(from.id)
            .bind(&from.kind)
            .bind(&from.key)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(other) = taken {
        return refuse(format!(
            "entity {other} has since taken the merged entity's id or name"
        ));
    }
    Ok(())
}
