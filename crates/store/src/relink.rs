//! Correcting a wrong place: a mention that resolved to the wrong town (a homonym in
//! another country or region) is moved to the right place entity, with the claim places
//! it gave, and nothing else. Unlike a merge, the wrong place keeps its names and its other
//! mentions, so the correction never teaches the writer a wrong alias. It is undone by
//! moving the mention back.

use serde_json::json;
use sqlx::{Row, SqliteConnection};

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
        let mut tx = self.write.begin_with("BEGIN IMMEDIATE").await?;
        let m = mentioned(&mut tx, id).await?;
        if kind_in(&mut tx, place).await? != "place" {
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
            RelinkScope::Article => same_words(&mut tx, id, &m).await?,
        };
        let claims = move_rows(&mut tx, &m, place, &mentions).await?;
        let log_id = record(
            &mut tx,
            NewEntry {
                action: CurationAction::Relink,
                actor,
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
        )
        .await?;
        tx.commit().await?;
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
        let rows = sqlx::query(
            "SELECT id, entity_id, article_id, start, \"end\", text FROM mentions
             WHERE entity_id = ?1 AND (?2 IS NULL OR id > ?2) ORDER BY id LIMIT ?3",
        )
        .bind(id)
        .bind(after)
        .bind(limit + 1)
        .fetch_all(&self.read)
        .await?;
        let items = rows
            .iter()
            .map(|r| MentionRecord {
                id: r.get("id"),
                entity_id: r.get("entity_id"),
                article_id: r.get("article_id"),
                start: r.get("start"),
                end: r.get("end"),
                text: r.get("text"),
            })
            .collect();
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
async fn mentioned(conn: &mut SqliteConnection, id: Id) -> Result<Mentioned, StoreError> {
    let row = sqlx::query(
        "SELECT m.entity_id, m.article_id, m.text, e.kind FROM mentions m
         JOIN entities e ON e.id = m.entity_id WHERE m.id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StorageError::NotFound {
        what: "mention",
        id,
    })?;
    if row.get::<String, _>("kind") != "place" {
        return Err(StorageError::NotAPlace {
            what: "mention",
            id,
        }
        .into());
    }
    Ok(Mentioned {
        entity: row.get("entity_id"),
        article: row.get("article_id"),
        text: row.get("text"),
    })
}

/// Mention `id` and the other mentions of its article linked to the same place whose words
/// fold to the same key ("Springfield", "SPRINGFIELD"), in text order.
async fn same_words(
    conn: &mut SqliteConnection,
    id: Id,
    m: &Mentioned,
) -> Result<Vec<Id>, StoreError> {
    let key = fold(&m.text);
    let rows: Vec<(Id, String)> = sqlx::query_as(
        "SELECT id, text FROM mentions WHERE article_id = ?1 AND entity_id = ?2 ORDER BY start, id",
    )
    .bind(m.article)
    .bind(m.entity)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(other, text)| *other == id || fold(text) == key)
        .map(|(other, _)| other)
        .collect())
}

/// Moves `mentions` from the place they name to `place`, with the claim places read from
/// them, the entities' mention counts and the seat readings that could move them back;
/// returns the claims whose places changed.
async fn move_rows(
    conn: &mut SqliteConnection,
    m: &Mentioned,
    place: Id,
    mentions: &[Id],
) -> Result<Vec<Id>, StoreError> {
    let list = json_array(mentions);
    let claims: Vec<Id> = sqlx::query_scalar(
        "SELECT DISTINCT cp.claim_id FROM claims c CROSS JOIN claim_places cp ON cp.claim_id = c.id
         WHERE c.article_id = ?1 AND cp.entity_id = ?2
           AND cp.mention_id IN (SELECT value FROM json_each(?3))
         ORDER BY cp.claim_id",
    )
    .bind(m.article)
    .bind(m.entity)
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    let claim_list = json_array(&claims);
    let moved = sqlx::query(
        "UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2
             AND id IN (SELECT value FROM json_each(?3))",
    )
    .bind(place)
    .bind(m.entity)
    .bind(&list)
    .execute(&mut *conn)
    .await?
    .rows_affected();
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
        sqlx::query(sql)
            .bind(place)
            .bind(m.entity)
            .bind(&list)
            .bind(&claim_list)
            .bind(&m.text)
            .execute(&mut *conn)
            .await?;
    }
    let moved = i64::try_from(moved).unwrap_or(i64::MAX);
    for (entity, delta) in [(place, moved), (m.entity, -moved)] {
        sqlx::query("UPDATE entities SET mention_count = max(0, mention_count + ?1) WHERE id = ?2")
            .bind(delta)
            .bind(entity)
            .execute(&mut *conn)
            .await?;
    }
    Ok(claims)
}
