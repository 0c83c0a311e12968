//! Merges that can be undone. Before a merge changes anything, [`MergeMoves::capture`]
//! reads every row it is about to move, fill, replace or delete, and the merge stores that
//! record under its id; [`PgStore::undo_merge`] puts those rows back. Rows the merge did
//! not touch (mentions of articles ingested later, which resolve to the survivor through
//! the merge's aliases) stay where they are.
//!
//! Entity ids are identities "by default", so the merged entity comes back under its own
//! id; its id was allocated by the identity before, so the sequence stays ahead of it.

use postgres::types::{FromSqlOwned, ToSql, Type};
use postgres::{GenericClient, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::{record, NewEntry};
use crate::ledger::Ledger;
use crate::lock::begin;
use crate::read::{from_json, keyset_page};
use crate::resolve::kind_of;
use crate::{Actor, CurationAction, MergeRecord};
use crate::{Cursor, Id, Listing, Page, PgError, PgStore, StorageError};
use claimgraph_graph::curation::{check_undo, MergedEntity};

/// A `manual_aliases` key: (kind, key).
type ManualKey = (String, String);
/// A `manual_aliases` row: (kind, key, alias, entity, created_at).
type ManualRow = (String, String, String, Id, String);

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
    /// `from`'s claim places: (row id, claim, mention).
    places: Vec<(Id, Id, Option<Id>)>,
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
    manual_keys: Vec<ManualKey>,
    /// …and their rows before.
    manual_before: Vec<ManualRow>,
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
    fn read(client: &mut impl GenericClient, id: Id) -> Result<EntityRow, PgError> {
        let r = client.query_one(
            &format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE id = $1"),
            &[&id],
        )?;
        Ok(EntityRow {
            id: r.try_get("id")?,
            kind: r.try_get("kind")?,
            name: r.try_get("name")?,
            key: r.try_get("key")?,
            mention_count: r.try_get("mention_count")?,
            created_at: r.try_get("created_at")?,
            geonames_id: r.try_get("geonames_id")?,
            lat: r.try_get("lat")?,
            lon: r.try_get("lon")?,
            country_code: r.try_get("country_code")?,
            place_type: r.try_get("place_type")?,
            skey: r.try_get("skey")?,
            gkey: r.try_get("gkey")?,
        })
    }
}

impl Filled {
    /// The survivor's columns a merge fills from the merged entity when they are empty,
    /// as they are before it.
    fn read(client: &mut impl GenericClient, id: Id) -> Result<Filled, PgError> {
        let r = client.query_one(
            "SELECT geonames_id, lat, lon, country_code, skey, gkey FROM entities WHERE id = $1",
            &[&id],
        )?;
        Ok(Filled {
            geonames_id: r.try_get("geonames_id")?,
            lat: r.try_get("lat")?,
            lon: r.try_get("lon")?,
            country_code: r.try_get("country_code")?,
            skey: r.try_get("skey")?,
            gkey: r.try_get("gkey")?,
        })
    }
}

/// The first column of the rows `sql` selects for `(into, from)` bound as `$1`, `$2`
/// (both typed BIGINT, whether or not the statement names them).
fn column<T: FromSqlOwned>(
    client: &mut impl GenericClient,
    sql: &str,
    into: Id,
    from: Id,
) -> Result<Vec<T>, PgError> {
    let stmt = client.prepare_typed(sql, &[Type::INT8, Type::INT8])?;
    client
        .query(&stmt, &[&into, &from])?
        .iter()
        .map(|r| Ok(r.try_get(0)?))
        .collect()
}

/// The rows `sql` selects with `params`, each read by `read`.
fn rows<T>(
    client: &mut impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
    read: impl Fn(&Row) -> Result<T, postgres::Error>,
) -> Result<Vec<T>, PgError> {
    client
        .query(sql, params)?
        .iter()
        .map(|r| Ok(read(r)?))
        .collect()
}

impl MergeMoves {
    /// Reads what merging `from` into `into` will change; call in the merge's transaction
    /// before it changes anything.
    pub(crate) fn capture(
        client: &mut impl GenericClient,
        into: Id,
        from: Id,
    ) -> Result<MergeMoves, PgError> {
        let from_row = EntityRow::read(client, from)?;
        let filled = Filled::read(client, into)?;
        let places = rows(
            client,
            "SELECT id, claim_id, mention_id FROM claim_places WHERE entity_id = $1
             ORDER BY id",
            &[&from],
            |r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)),
        )?;
        let aliases = rows(
            client,
            "SELECT alias, key, rkey FROM aliases WHERE entity_id = $1
             ORDER BY alias COLLATE \"C\"",
            &[&from],
            |r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)),
        )?;
        let (manual_keys, manual_before) = manual_rows(client, &from_row)?;
        Ok(MergeMoves {
            into: filled,
            mentions: column(
                client,
                "SELECT id FROM mentions WHERE entity_id = $2 ORDER BY id",
                into,
                from,
            )?,
            speaker_of: column(
                client,
                "SELECT id FROM claims WHERE speaker_id = $2 ORDER BY id",
                into,
                from,
            )?,
            via_of: column(
                client,
                "SELECT id FROM claims WHERE via_id = $2 ORDER BY id",
                into,
                from,
            )?,
            places,
            places_added: column(
                client,
                "SELECT claim_id FROM claim_places WHERE entity_id = $2 AND claim_id NOT IN
                     (SELECT claim_id FROM claim_places WHERE entity_id = $1)
                 ORDER BY claim_id",
                into,
                from,
            )?,
            sources: column(
                client,
                "SELECT id FROM sources WHERE entity_id = $2 ORDER BY id",
                into,
                from,
            )?,
            aliases,
            aliases_added: column(
                client,
                "SELECT alias FROM aliases WHERE entity_id = $2 AND alias NOT IN
                     (SELECT alias FROM aliases WHERE entity_id = $1)
                 ORDER BY alias COLLATE \"C\"",
                into,
                from,
            )?,
            roles: column(
                client,
                "SELECT role FROM entity_roles WHERE entity_id = $2 ORDER BY role COLLATE \"C\"",
                into,
                from,
            )?,
            roles_added: column(
                client,
                "SELECT role FROM entity_roles WHERE entity_id = $2 AND role NOT IN
                     (SELECT role FROM entity_roles WHERE entity_id = $1)
                 ORDER BY role COLLATE \"C\"",
                into,
                from,
            )?,
            manual_keys,
            manual_before,
            redirected: column(
                client,
                "SELECT from_id FROM entity_redirects WHERE into_id = $2 ORDER BY from_id",
                into,
                from,
            )?,
            from: from_row,
        })
    }

    /// Stores the record as a new merge; returns its id.
    pub(crate) fn save(
        &self,
        client: &mut impl GenericClient,
        into: Id,
        from: Id,
    ) -> Result<Id, PgError> {
        let moves = serde_json::to_string(self).map_err(|e| PgError::Convert(Box::new(e)))?;
        let row = client.query_one(
            "INSERT INTO merges (into_id, from_id, moves) VALUES ($1, $2, $3) RETURNING id",
            &[&into, &from, &moves],
        )?;
        Ok(row.try_get(0)?)
    }

    /// Puts back what the merge of `self.from` into `into` changed, where it still is
    /// as the merge left it.
    fn restore(&self, client: &mut impl GenericClient, into: Id) -> Result<(), PgError> {
        self.restore_entity(client)?;
        let from = self.from.id;
        let ids: [(&str, &Vec<Id>); 5] = [
            (
                "UPDATE mentions SET entity_id = $2 WHERE entity_id = $1 AND id = ANY($3)",
                &self.mentions,
            ),
            (
                "UPDATE claims SET speaker_id = $2 WHERE speaker_id = $1 AND id = ANY($3)",
                &self.speaker_of,
            ),
            (
                "UPDATE claims SET via_id = $2 WHERE via_id = $1 AND id = ANY($3)",
                &self.via_of,
            ),
            (
                "UPDATE sources SET entity_id = $2 WHERE entity_id = $1 AND id = ANY($3)",
                &self.sources,
            ),
            (
                "UPDATE entity_redirects SET into_id = $2
                 WHERE into_id = $1 AND from_id = ANY($3)",
                &self.redirected,
            ),
        ];
        for (sql, items) in ids {
            client.execute(sql, &[&into, &from, items])?;
        }
        client.execute(
            "DELETE FROM claim_places WHERE entity_id = $1 AND claim_id = ANY($2)",
            &[&into, &self.places_added],
        )?;
        client.execute(
            "DELETE FROM aliases WHERE entity_id = $1 AND alias = ANY($2)",
            &[&into, &self.aliases_added],
        )?;
        client.execute(
            "DELETE FROM entity_roles WHERE entity_id = $1 AND role = ANY($2)",
            &[&into, &self.roles_added],
        )?;
        let place = client.prepare(
            // the row's own id keeps the claim's places in their order, unless taken since
            "INSERT INTO claim_places (id, claim_id, entity_id, mention_id)
             VALUES (coalesce((SELECT CASE WHEN EXISTS (SELECT 1 FROM claim_places WHERE id = $1)
                               THEN NULL ELSE $1 END),
                              nextval(pg_get_serial_sequence('claim_places', 'id'))),
                     $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )?;
        for (id, claim, mention) in &self.places {
            client.execute(&place, &[id, claim, &from, mention])?;
        }
        self.restore_manual(client)?;
        self.restore_survivor(client, into)
    }

    /// The merged entity's row, aliases and roles, under its own id.
    fn restore_entity(&self, client: &mut impl GenericClient) -> Result<(), PgError> {
        let e = &self.from;
        client.execute(
            &format!(
                "INSERT INTO entities ({ENTITY_COLUMNS})
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
            ),
            &[
                &e.id,
                &e.kind,
                &e.name,
                &e.key,
                &e.mention_count,
                &e.created_at,
                &e.geonames_id,
                &e.lat,
                &e.lon,
                &e.country_code,
                &e.place_type,
                &e.skey,
                &e.gkey,
            ],
        )?;
        let alias = client.prepare(
            "INSERT INTO aliases (entity_id, alias, key, rkey) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )?;
        for (a, key, rkey) in &self.aliases {
            client.execute(&alias, &[&e.id, a, key, rkey])?;
        }
        let role = client.prepare(
            "INSERT INTO entity_roles (entity_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )?;
        for r in &self.roles {
            client.execute(&role, &[&e.id, r])?;
        }
        Ok(())
    }

    /// The analysts' aliases the merge wrote or repointed, as they were; the merged id no
    /// longer redirects.
    fn restore_manual(&self, client: &mut impl GenericClient) -> Result<(), PgError> {
        let (kinds, keys) = split_keys(&self.manual_keys);
        client.execute(
            "DELETE FROM manual_aliases
             WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
            &[&kinds, &keys],
        )?;
        let manual = client.prepare(
            "INSERT INTO manual_aliases (kind, key, alias, entity_id, created_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (kind, key) DO UPDATE SET alias = excluded.alias,
                 entity_id = excluded.entity_id, created_at = excluded.created_at",
        )?;
        for (kind, key, alias, entity, created_at) in &self.manual_before {
            client.execute(&manual, &[kind, key, alias, entity, created_at])?;
        }
        client.execute(
            "DELETE FROM entity_redirects WHERE from_id = $1",
            &[&self.from.id],
        )?;
        Ok(())
    }

    /// The survivor's count less what the merge added, and the columns it filled emptied.
    fn restore_survivor(&self, client: &mut impl GenericClient, into: Id) -> Result<(), PgError> {
        let f = &self.into;
        client.execute(
            "UPDATE entities SET mention_count = GREATEST(0, mention_count - $2),
                 geonames_id = $3, lat = $4, lon = $5, country_code = $6, skey = $7, gkey = $8
             WHERE id = $1",
            &[
                &into,
                &self.from.mention_count,
                &f.geonames_id,
                &f.lat,
                &f.lon,
                &f.country_code,
                &f.skey,
                &f.gkey,
            ],
        )?;
        Ok(())
    }
}

/// (kind, key) pairs as two arrays, to bind and `unnest` side by side.
fn split_keys(pairs: &[ManualKey]) -> (Vec<&str>, Vec<&str>) {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).unzip()
}

/// The `manual_aliases` keys a merge of `from` writes or repoints (every alias key of
/// `from`, its own key, and keys already resolving to it), and their rows before.
fn manual_rows(
    client: &mut impl GenericClient,
    from: &EntityRow,
) -> Result<(Vec<ManualKey>, Vec<ManualRow>), PgError> {
    let mut keys: Vec<ManualKey> = rows(
        client,
        "SELECT key FROM aliases WHERE entity_id = $1",
        &[&from.id],
        |r| Ok((from.kind.clone(), r.try_get::<_, String>(0)?)),
    )?;
    keys.push((from.kind.clone(), from.key.clone()));
    keys.extend(rows(
        client,
        "SELECT kind, key FROM manual_aliases WHERE entity_id = $1",
        &[&from.id],
        |r| Ok((r.try_get(0)?, r.try_get(1)?)),
    )?);
    keys.sort();
    keys.dedup();
    let (kinds, names) = split_keys(&keys);
    let before = rows(
        client,
        "SELECT kind, key, alias, entity_id, created_at FROM manual_aliases
         WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         ORDER BY kind COLLATE \"C\", key COLLATE \"C\"",
        &[&kinds, &names],
        |r| {
            Ok((
                r.try_get(0)?,
                r.try_get(1)?,
                r.try_get(2)?,
                r.try_get(3)?,
                r.try_get(4)?,
            ))
        },
    )?;
    Ok((keys, before))
}

impl PgStore {
    /// Undoes merge `id`: the merged entity comes back under its id with its names,
    /// roles, mentions, claims, places and sources, the survivor loses what the merge
    /// gave it, and the merged id stops redirecting. Refused while a later merge of
    /// either entity stands (undo that first), and when the merged entity's id or name
    /// was taken since.
    pub async fn undo_merge(&self, id: Id, actor: &Actor) -> Result<MergeRecord, PgError> {
        let actor = actor.clone();
        self.write_rows(move |client| {
            let mut tx = begin(client)?;
            let row = tx
                .query_opt(
                    "SELECT into_id, from_id, moves, undone_at FROM merges WHERE id = $1",
                    &[&id],
                )?
                .ok_or(StorageError::NotFound { what: "merge", id })?;
            let into: Id = row.try_get("into_id")?;
            let from: Id = row.try_get("from_id")?;
            if row.try_get::<_, Option<String>>("undone_at")?.is_some() {
                return Err(StorageError::MergeUndone { id }.into());
            }
            let moves: MergeMoves = from_json(row.try_get("moves")?)?;
            undoable(&mut tx, id, into, &moves.from)?;
            moves.restore(&mut tx, into)?;
            tx.execute(
                "UPDATE merges SET undone_at = cg_now() WHERE id = $1",
                &[&id],
            )?;
            record(
                &mut tx,
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
    pub async fn get_merge(&self, id: Id) -> Result<MergeRecord, PgError> {
        self.read_with(move |client| {
            let found = client.query(&format!("{MERGE_SELECT} WHERE m.id = $1"), &[&id])?;
            match found.first() {
                Some(r) => merge_row(r),
                None => Err(StorageError::NotFound { what: "merge", id }.into()),
            }
        })
        .await
    }

    /// Merges, newest first.
    pub async fn list_merges(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<MergeRecord>, PgError> {
        let before = Cursor::after_id(cursor, Listing::Merges)?;
        let items = self
            .read_with(move |client| {
                client
                    .query(
                        &format!(
                            "{MERGE_SELECT} WHERE $1::bigint IS NULL OR m.id < $1
                             ORDER BY m.id DESC LIMIT $2"
                        ),
                        &[&before, &(limit + 1)],
                    )?
                    .iter()
                    .map(merge_row)
                    .collect()
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

fn merge_row(r: &Row) -> Result<MergeRecord, PgError> {
    Ok(MergeRecord {
        id: r.try_get("id")?,
        into_id: r.try_get("into_id")?,
        from_id: r.try_get("from_id")?,
        created_at: r.try_get("created_at")?,
        actor: r.try_get("actor")?,
        actor_name: r.try_get("actor_name")?,
        undone_at: r.try_get("undone_at")?,
    })
}

/// Whether merge `id` of `from` into `into` can be put back as it was (the rule is
/// [`claimgraph_graph::curation::check_undo`]).
fn undoable(
    client: &mut impl GenericClient,
    id: Id,
    into: Id,
    from: &EntityRow,
) -> Result<(), PgError> {
    let kind = kind_of(&from.kind).ok_or_else(|| {
        PgError::Convert(format!("merge {id} recorded an unknown kind {:?}", from.kind).into())
    })?;
    let merged = MergedEntity {
        id: from.id,
        kind,
        key: &from.key,
    };
    check_undo(&Ledger::new(client), id, into, merged)
}
