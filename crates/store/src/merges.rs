//! Merges that can be undone. Before a merge changes anything, [`MergeMoves::capture`]
//! reads every row it is about to move, fill, replace or delete, and the merge stores that
//! record under its id; [`Store::undo_merge`] puts those rows back. Rows the merge did not
//! touch (mentions of articles ingested later, which resolve to the survivor through the
//! merge's aliases) stay where they are.

use rusqlite::types::FromSql;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::{record, NewEntry};
use crate::ledger::Ledger;
use crate::read::{from_json, json_array, keyset_page};
use crate::resolve::kind_of;
use crate::{Actor, CurationAction, MergeRecord};
use crate::{Cursor, Id, Listing, Page, StorageError, Store, StoreError};
use claimgraph_graph::curation::{check_undo, MergedEntity};

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
    fn read(conn: &Connection, id: Id) -> Result<EntityRow, StoreError> {
        Ok(conn.query_row(
            &format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?1"),
            [id],
            |r| {
                Ok(EntityRow {
                    id: r.get("id")?,
                    kind: r.get("kind")?,
                    name: r.get("name")?,
                    key: r.get("key")?,
                    mention_count: r.get("mention_count")?,
                    created_at: r.get("created_at")?,
                    geonames_id: r.get("geonames_id")?,
                    lat: r.get("lat")?,
                    lon: r.get("lon")?,
                    country_code: r.get("country_code")?,
                    place_type: r.get("place_type")?,
                    skey: r.get("skey")?,
                    gkey: r.get("gkey")?,
                })
            },
        )?)
    }
}

impl Filled {
    /// The survivor's columns a merge fills from the merged entity when they are empty,
    /// as they are before it.
    fn read(conn: &Connection, id: Id) -> Result<Filled, StoreError> {
        Ok(conn.query_row(
            "SELECT geonames_id, lat, lon, country_code, skey, gkey FROM entities WHERE id = ?1",
            [id],
            |r| {
                Ok(Filled {
                    geonames_id: r.get("geonames_id")?,
                    lat: r.get("lat")?,
                    lon: r.get("lon")?,
                    country_code: r.get("country_code")?,
                    skey: r.get("skey")?,
                    gkey: r.get("gkey")?,
                })
            },
        )?)
    }
}

/// The first column of the rows `sql` selects for `(into, from)` bound as `?1`, `?2`.
fn column<T: FromSql>(
    conn: &Connection,
    sql: &str,
    into: Id,
    from: Id,
) -> Result<Vec<T>, StoreError> {
    Ok(conn
        .prepare(sql)?
        .query_map(params![into, from], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

impl MergeMoves {
    /// Reads what merging `from` into `into` will change; call in the merge's transaction
    /// before it changes anything.
    pub(crate) fn capture(conn: &Connection, into: Id, from: Id) -> Result<MergeMoves, StoreError> {
        let from_row = EntityRow::read(conn, from)?;
        let filled = Filled::read(conn, into)?;
        let places = conn
            .prepare(
                "SELECT rowid, claim_id, mention_id FROM claim_places WHERE entity_id = ?1
                 ORDER BY rowid",
            )?
            .query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let aliases = conn
            .prepare("SELECT alias, key, rkey FROM aliases WHERE entity_id = ?1")?
            .query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let (manual_keys, manual_before) = manual_rows(conn, &from_row)?;
        Ok(MergeMoves {
            into: filled,
            mentions: column(
                conn,
                "SELECT id FROM mentions WHERE entity_id = ?2",
                into,
                from,
            )?,
            speaker_of: column(
                conn,
                "SELECT id FROM claims WHERE speaker_id = ?2",
                into,
                from,
            )?,
            via_of: column(conn, "SELECT id FROM claims WHERE via_id = ?2", into, from)?,
            places,
            places_added: column(
                conn,
                "SELECT claim_id FROM claim_places WHERE entity_id = ?2 AND claim_id NOT IN
                     (SELECT claim_id FROM claim_places WHERE entity_id = ?1)",
                into,
                from,
            )?,
            sources: column(
                conn,
                "SELECT id FROM sources WHERE entity_id = ?2",
                into,
                from,
            )?,
            aliases,
            aliases_added: column(
                conn,
                "SELECT alias FROM aliases WHERE entity_id = ?2 AND alias NOT IN
                     (SELECT alias FROM aliases WHERE entity_id = ?1)",
                into,
                from,
            )?,
            roles: column(
                conn,
                "SELECT role FROM entity_roles WHERE entity_id = ?2",
                into,
                from,
            )?,
            roles_added: column(
                conn,
                "SELECT role FROM entity_roles WHERE entity_id = ?2 AND role NOT IN
                     (SELECT role FROM entity_roles WHERE entity_id = ?1)",
                into,
                from,
            )?,
            manual_keys,
            manual_before,
            redirected: column(
                conn,
                "SELECT from_id FROM entity_redirects WHERE into_id = ?2",
                into,
                from,
            )?,
            from: from_row,
        })
    }

    /// Stores the record as a new merge; returns its id.
    pub(crate) fn save(&self, conn: &Connection, into: Id, from: Id) -> Result<Id, StoreError> {
        let moves = serde_json::to_string(self).map_err(|e| StoreError::Convert(Box::new(e)))?;
        Ok(conn.query_row(
            "INSERT INTO merges (into_id, from_id, moves) VALUES (?1, ?2, ?3) RETURNING id",
            params![into, from, moves],
            |r| r.get(0),
        )?)
    }

    /// Puts back what the merge of `self.from` into `into` changed, where it still is
    /// as the merge left it.
    fn restore(&self, conn: &Connection, into: Id) -> Result<(), StoreError> {
        self.restore_entity(conn)?;
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
            conn.execute(sql, params![into, from, items])?;
        }
        let mut place = conn.prepare(
            // the row's own rowid keeps the claim's places in their order, unless taken since
            "INSERT OR IGNORE INTO claim_places (rowid, claim_id, entity_id, mention_id)
             VALUES ((SELECT CASE WHEN EXISTS (SELECT 1 FROM claim_places WHERE rowid = ?1)
                      THEN NULL ELSE ?1 END), ?2, ?3, ?4)",
        )?;
        for (rowid, claim, mention) in &self.places {
            place.execute(params![rowid, claim, from, mention])?;
        }
        self.restore_manual(conn)?;
        self.restore_survivor(conn, into)
    }

    /// The merged entity's row, aliases and roles, under its own id.
    fn restore_entity(&self, conn: &Connection) -> Result<(), StoreError> {
        let e = &self.from;
        conn.execute(
            &format!(
                "INSERT INTO entities ({ENTITY_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
            ),
            params![
                e.id,
                e.kind,
                e.name,
                e.key,
                e.mention_count,
                e.created_at,
                e.geonames_id,
                e.lat,
                e.lon,
                e.country_code,
                e.place_type,
                e.skey,
                e.gkey
            ],
        )?;
        let mut alias = conn.prepare(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, key, rkey) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (a, key, rkey) in &self.aliases {
            alias.execute(params![e.id, a, key, rkey])?;
        }
        let mut role =
            conn.prepare("INSERT OR IGNORE INTO entity_roles (entity_id, role) VALUES (?1, ?2)")?;
        for r in &self.roles {
            role.execute(params![e.id, r])?;
        }
        Ok(())
    }

    /// The analysts' aliases the merge wrote or repointed, as they were; the merged id no
    /// longer redirects.
    fn restore_manual(&self, conn: &Connection) -> Result<(), StoreError> {
        conn.execute(
            "DELETE FROM manual_aliases WHERE (kind, key) IN
                 (SELECT value ->> 0, value ->> 1 FROM json_each(?1))",
            [json_array(&self.manual_keys)],
        )?;
        let mut manual = conn.prepare(
            "INSERT OR REPLACE INTO manual_aliases (kind, key, alias, entity_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (kind, key, alias, entity, created_at) in &self.manual_before {
            manual.execute(params![kind, key, alias, entity, created_at])?;
        }
        conn.execute(
            "DELETE FROM entity_redirects WHERE from_id = ?1",
            [self.from.id],
        )?;
        Ok(())
    }

    /// The survivor's count less what the merge added, and the columns it filled emptied.
    fn restore_survivor(&self, conn: &Connection, into: Id) -> Result<(), StoreError> {
        let f = &self.into;
        conn.execute(
            "UPDATE entities SET mention_count = max(0, mention_count - ?2),
                 geonames_id = ?3, lat = ?4, lon = ?5, country_code = ?6, skey = ?7, gkey = ?8
             WHERE id = ?1",
            params![
                into,
                self.from.mention_count,
                f.geonames_id,
                f.lat,
                f.lon,
                f.country_code,
                f.skey,
                f.gkey
            ],
        )?;
        Ok(())
    }
}

/// The `manual_aliases` keys a merge of `from` writes or repoints (every alias key of
/// `from`, its own key, and keys already resolving to it), and their rows before.
#[allow(clippy::type_complexity)]
fn manual_rows(
    conn: &Connection,
    from: &EntityRow,
) -> Result<
    (
        Vec<(String, String)>,
        Vec<(String, String, String, Id, String)>,
    ),
    StoreError,
> {
    let mut keys: Vec<(String, String)> = conn
        .prepare("SELECT key FROM aliases WHERE entity_id = ?1")?
        .query_map([from.id], |r| {
            Ok((from.kind.clone(), r.get::<_, String>(0)?))
        })?
        .collect::<Result<_, _>>()?;
    keys.push((from.kind.clone(), from.key.clone()));
    let pointing: Vec<(String, String)> = conn
        .prepare("SELECT kind, key FROM manual_aliases WHERE entity_id = ?1")?
        .query_map([from.id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    keys.extend(pointing);
    keys.sort();
    keys.dedup();
    let before = conn
        .prepare(
            "SELECT kind, key, alias, entity_id, created_at FROM manual_aliases
             WHERE (kind, key) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?1))",
        )?
        .query_map([json_array(&keys)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok((keys, before))
}

impl Store {
    /// Undoes merge `id`: the merged entity comes back under its id with its names,
    /// roles, mentions, claims, places and sources, the survivor loses what the merge
    /// gave it, and the merged id stops redirecting. Refused while a later merge of
    /// either entity stands (undo that first), and when the merged entity's id or name
    /// was taken since.
    pub async fn undo_merge(&self, id: Id, actor: &Actor) -> Result<MergeRecord, StoreError> {
        let actor = actor.clone();
        self.write_rows(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let (into, from, moves, undone_at): (Id, Id, String, Option<String>) = tx
                .query_row(
                    "SELECT into_id, from_id, moves, undone_at FROM merges WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get("into_id")?,
                            r.get("from_id")?,
                            r.get("moves")?,
                            r.get("undone_at")?,
                        ))
                    },
                )
                .optional()?
                .ok_or(StorageError::NotFound { what: "merge", id })?;
            if undone_at.is_some() {
                return Err(StorageError::MergeUndone { id }.into());
            }
            let moves: MergeMoves = from_json(&moves)?;
            undoable(&tx, id, into, &moves.from)?;
            moves.restore(&tx, into)?;
            tx.execute(
                "UPDATE merges SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                [id],
            )?;
            record(
                &tx,
                NewEntry {
                    action: CurationAction::Unmerge,
                    actor: &actor,
                    entity_id: Some(from),
                    merge_id: Some(id),
                    mention_id: None,
                    detail: json!({ "into_id": into, "from_id": from }),
                },
            )?;
            tx.commit()?;
            Ok(())
        })
        .await?;
        self.get_merge(id).await
    }

    /// One merge.
    pub async fn get_merge(&self, id: Id) -> Result<MergeRecord, StoreError> {
        self.read_with(move |conn| {
            Ok(conn
                .prepare_cached(&format!("{MERGE_SELECT} WHERE m.id = ?1"))?
                .query_row([id], merge_row)
                .optional()?
                .ok_or(StorageError::NotFound { what: "merge", id })?)
        })
        .await
    }

    /// Merges, newest first.
    pub async fn list_merges(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<MergeRecord>, StoreError> {
        let before = Cursor::after_id(cursor, Listing::Merges)?;
        let items = self
            .read_with(move |conn| {
                let mut stmt = conn.prepare_cached(&format!(
                    "{MERGE_SELECT} WHERE ?1 IS NULL OR m.id < ?1 ORDER BY m.id DESC LIMIT ?2"
                ))?;
                let rows = stmt.query_map(params![before, limit + 1], merge_row)?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
            })
            .await?;
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

fn merge_row(r: &Row) -> rusqlite::Result<MergeRecord> {
    Ok(MergeRecord {
        id: r.get("id")?,
        into_id: r.get("into_id")?,
        from_id: r.get("from_id")?,
        created_at: r.get("created_at")?,
        actor: r.get("actor")?,
        actor_name: r.get("actor_name")?,
        undone_at: r.get("undone_at")?,
    })
}

/// Whether merge `id` of `from` into `into` can be put back as it was (the rule is
/// [`claimgraph_graph::curation::check_undo`]).
fn undoable(conn: &Connection, id: Id, into: Id, from: &EntityRow) -> Result<(), StoreError> {
    let kind = kind_of(&from.kind).ok_or_else(|| {
        StoreError::Convert(format!("merge {id} recorded an unknown kind {:?}", from.kind).into())
    })?;
    let merged = MergedEntity {
        id: from.id,
        kind,
        key: &from.key,
    };
    check_undo(&Ledger(conn), id, into, merged)
}
