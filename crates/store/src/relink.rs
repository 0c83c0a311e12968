//! Correcting a wrong place: a mention that resolved to the wrong town (a homonym in
//! another country or region) is moved to the right place entity, with the claim places
//! it gave, and nothing else. Unlike a merge, the wrong place keeps its names and its other
//! mentions, so the correction never teaches the writer a wrong alias. It is undone by
//! moving the mention back.

use rusqlite::types::ToSql;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::json;

use crate::audit::{record, NewEntry};
use crate::read::{json_array, keyset_page};
use crate::resolve::kind_in;
use crate::StorageError;
use crate::{Actor, CurationAction, MentionRecord, RelinkOutcome, RelinkScope};
use crate::{Cursor, Id, Listing, Page, Store, StoreError};
use claimgraph_graph::canon::fold;

struct Mentioned {
    entity: Id,
    article: Id,
    text: String,
}

impl Store {
    /// Links mention `id` (and, for [`RelinkScope::Article`], its article's other
    /// mentions of the same place in the same words) to place `place`, with the claim
    /// places those mentions gave. Both must be places; logged as `actor`'s.
    pub async fn relink_mention(
        &self,
        id: Id,
        place: Id,
        scope: RelinkScope,
        actor: &Actor,
    ) -> Result<RelinkOutcome, StoreError> {
        let actor = actor.clone();
        let (m, mentions, claims, log_id) = self
            .write_rows(move |conn| {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let m = mentioned(&tx, id)?;
                if kind_in(&tx, place)? != claimgraph_model::EntityKind::Place {
                    return Err(StorageError::NotAPlace {
                        what: "entity",
                        id: place,
                    }
                    .into());
                }
                if m.entity == place {
                    return Err(StorageError::SamePlace { mention: id, place }.into());
                }
                let mentions = match scope {
                    RelinkScope::Mention => vec![id],
                    RelinkScope::Article => same_words(&tx, id, &m)?,
                };
                let claims = move_rows(&tx, &m, place, &mentions)?;
                let log_id = record(
                    &tx,
                    NewEntry {
                        action: CurationAction::Relink,
                        actor: &actor,
                        entity_id: Some(place),
                        merge_id: None,
                        mention_id: Some(id),
                        detail: json!({
                            "from_place": m.entity,
                            "to_place": place,
                            "article_id": m.article,
                            "mentions": mentions,
                            "claims": claims,
                        }),
                    },
                )?;
                tx.commit()?;
                Ok((m, mentions, claims, log_id))
            })
            .await?;
        Ok(RelinkOutcome {
            log_id,
            mention_id: id,
            article_id: m.article,
            from_place: m.entity,
            to_place: place,
            mentions,
            claims,
        })
    }

    /// The mentions of entity `id`, in article and text order.
    pub async fn entity_mentions(
        &self,
        id: Id,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<MentionRecord>, StoreError> {
        self.require("entity", id).await?;
        let after = Cursor::after_id(cursor, Listing::Mentions)?;
        let items = self
            .read_with(move |conn| {
                let mut stmt = conn.prepare_cached(
                    "SELECT id, entity_id, article_id, start, \"end\", text FROM mentions
                     WHERE entity_id = ?1 AND (?2 IS NULL OR id > ?2) ORDER BY id LIMIT ?3",
                )?;
                let rows = stmt.query_map(params![id, after, limit + 1], |r| {
                    Ok(MentionRecord {
                        id: r.get("id")?,
                        entity_id: r.get("entity_id")?,
                        article_id: r.get("article_id")?,
                        start: r.get("start")?,
                        end: r.get("end")?,
                        text: r.get("text")?,
                    })
                })?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
            })
            .await?;
        Ok(keyset_page(
            items,
            limit,
            Listing::Mentions,
            |m: &MentionRecord| m.id,
        ))
    }
}

/// The mention's place and article; a mention of something else than a place is
/// [`StorageError::NotAPlace`].
fn mentioned(conn: &Connection, id: Id) -> Result<Mentioned, StoreError> {
    let (m, kind): (Mentioned, String) = conn
        .query_row(
            "SELECT m.entity_id, m.article_id, m.text, e.kind FROM mentions m
             JOIN entities e ON e.id = m.entity_id WHERE m.id = ?1",
            [id],
            |r| {
                Ok((
                    Mentioned {
                        entity: r.get("entity_id")?,
                        article: r.get("article_id")?,
                        text: r.get("text")?,
                    },
                    r.get("kind")?,
                ))
            },
        )
        .optional()?
        .ok_or(StorageError::NotFound {
            what: "mention",
            id,
        })?;
    if kind != "place" {
        return Err(StorageError::NotAPlace {
            what: "mention",
            id,
        }
        .into());
    }
    Ok(m)
}

/// Mention `id` and the other mentions of its article linked to the same place whose words
/// fold to the same key ("Springfield", "SPRINGFIELD"), in text order.
fn same_words(conn: &Connection, id: Id, m: &Mentioned) -> Result<Vec<Id>, StoreError> {
    let key = fold(&m.text);
    let rows: Vec<(Id, String)> = conn
        .prepare(
            "SELECT id, text FROM mentions WHERE article_id = ?1 AND entity_id = ?2 ORDER BY start, id",
        )?
        .query_map(params![m.article, m.entity], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(other, text)| *other == id || fold(text) == key)
        .map(|(other, _)| other)
        .collect())
}

/// Moves `mentions` from the place they name to `place`, with the claim places read from
/// them, the entities' mention counts and the seat readings that could move them back;
/// returns the claims whose places changed.
fn move_rows(
    conn: &Connection,
    m: &Mentioned,
    place: Id,
    mentions: &[Id],
) -> Result<Vec<Id>, StoreError> {
    let list = json_array(mentions);
    let claims: Vec<Id> = conn
        .prepare(
            "SELECT DISTINCT cp.claim_id FROM claims c CROSS JOIN claim_places cp ON cp.claim_id = c.id
             WHERE c.article_id = ?1 AND cp.entity_id = ?2
               AND cp.mention_id IN (SELECT value FROM json_each(?3))
             ORDER BY cp.claim_id",
        )?
        .query_map(params![m.article, m.entity, list], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let claim_list = json_array(&claims);
    let moved = conn.execute(
        "UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2
             AND id IN (SELECT value FROM json_each(?3))",
        params![place, m.entity, list],
    )?;
    for sql in [
        // a claim that already names the right place keeps that row and loses the wrong one
        "UPDATE OR IGNORE claim_places SET entity_id = ?1
         WHERE entity_id = ?2 AND claim_id IN (SELECT value FROM json_each(?4))
           AND mention_id IN (SELECT value FROM json_each(?3))",
        "DELETE FROM claim_places
         WHERE entity_id = ?2 AND claim_id IN (SELECT value FROM json_each(?4))
           AND mention_id IN (SELECT value FROM json_each(?3))",
        // the curator has said which place these words mean: no later article moves them
        "DELETE FROM seat_readings WHERE mention_id IN (SELECT value FROM json_each(?3))",
        "DELETE FROM seat_readings WHERE claim_id IN (SELECT value FROM json_each(?4))
             AND surface = ?5",
    ] {
        execute_leading(
            conn,
            sql,
            params![place, m.entity, list, claim_list, m.text],
        )?;
    }
    let moved = i64::try_from(moved).unwrap_or(i64::MAX);
    for (entity, delta) in [(place, moved), (m.entity, -moved)] {
        conn.execute(
            "UPDATE entities SET mention_count = max(0, mention_count + ?1) WHERE id = ?2",
            params![delta, entity],
        )?;
    }
    Ok(claims)
}

/// Runs `sql` with as many of `values` as it takes, `?1` up to its highest parameter:
/// the statements of one loop share one list of values, and some leave the last unused.
fn execute_leading(
    conn: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
) -> Result<usize, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let n = stmt.parameter_count();
    if values.len() < n {
        return Err(rusqlite::Error::InvalidParameterCount(values.len(), n).into());
    }
    for (i, value) in values.iter().take(n).enumerate() {
        stmt.raw_bind_parameter(i + 1, value)?;
    }
    Ok(stmt.raw_execute()?)
}
