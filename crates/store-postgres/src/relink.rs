//! Correcting a wrong place: a mention that resolved to the wrong town (a homonym in
//! another country or region) is moved to the right place entity, with the claim places
//! it gave, and nothing else. Unlike a merge, the wrong place keeps its names and its other
//! mentions, so the correction never teaches the writer a wrong alias. It is undone by
//! moving the mention back.

use postgres::GenericClient;
use serde_json::json;

use crate::audit::{record, NewEntry};
use crate::read::keyset_page;
use crate::resolve::kind_in;
use crate::StorageError;
use crate::{Actor, CurationAction, MentionRecord, RelinkOutcome, RelinkScope};
use crate::{Cursor, Id, Listing, Page, PgError, PgStore};
use claimgraph_graph::canon::fold;

struct Mentioned {
    entity: Id,
    article: Id,
    text: String,
}

impl PgStore {
    /// Links mention `id` (and, for [`RelinkScope::Article`], its article's other
    /// mentions of the same place in the same words) to place `place`, with the claim
    /// places those mentions gave. Both must be places; logged as `actor`'s.
    pub async fn relink_mention(
        &self,
        id: Id,
        place: Id,
        scope: RelinkScope,
        actor: &Actor,
    ) -> Result<RelinkOutcome, PgError> {
        let actor = actor.clone();
        let (m, mentions, claims, log_id) = self
            .write_rows(move |client| {
                let mut tx = crate::lock::begin(client)?;
                let m = mentioned(&mut tx, id)?;
                if kind_in(&mut tx, place)? != claimgraph_model::EntityKind::Place {
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
                    RelinkScope::Article => same_words(&mut tx, id, &m)?,
                };
                let claims = move_rows(&mut tx, &m, place, &mentions)?;
                let log_id = record(
                    &mut tx,
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
    ) -> Result<Page<MentionRecord>, PgError> {
        self.require("entity", id).await?;
        let after = Cursor::after_id(cursor, Listing::Mentions)?;
        let items = self
            .read_with(move |client| {
                let rows = client.query(
                    "SELECT id, entity_id, article_id, start, \"end\", text FROM mentions
                     WHERE entity_id = $1 AND ($2::bigint IS NULL OR id > $2)
                     ORDER BY id LIMIT $3",
                    &[&id, &after, &(limit + 1)],
                )?;
                Ok(rows
                    .iter()
                    .map(|r| MentionRecord {
                        id: r.get("id"),
                        entity_id: r.get("entity_id"),
                        article_id: r.get("article_id"),
                        start: r.get("start"),
                        end: r.get("end"),
                        text: r.get("text"),
                    })
                    .collect::<Vec<_>>())
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
fn mentioned(client: &mut impl GenericClient, id: Id) -> Result<Mentioned, PgError> {
    let row = client
        .query_opt(
            "SELECT m.entity_id, m.article_id, m.text, e.kind FROM mentions m
             JOIN entities e ON e.id = m.entity_id WHERE m.id = $1",
            &[&id],
        )?
        .ok_or(StorageError::NotFound {
            what: "mention",
            id,
        })?;
    if row.get::<_, &str>("kind") != "place" {
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
fn same_words(client: &mut impl GenericClient, id: Id, m: &Mentioned) -> Result<Vec<Id>, PgError> {
    let key = fold(&m.text);
    let rows = client.query(
        "SELECT id, text FROM mentions WHERE article_id = $1 AND entity_id = $2
         ORDER BY start, id",
        &[&m.article, &m.entity],
    )?;
    Ok(rows
        .iter()
        .map(|r| (r.get::<_, Id>(0), r.get::<_, &str>(1)))
        .filter(|(other, text)| *other == id || fold(text) == key)
        .map(|(other, _)| other)
        .collect())
}

/// Moves `mentions` from the place they name to `place`, with the claim places read from
/// them, the entities' mention counts and the seat readings that could move them back;
/// returns the claims whose places changed.
fn move_rows(
    client: &mut impl GenericClient,
    m: &Mentioned,
    place: Id,
    mentions: &[Id],
) -> Result<Vec<Id>, PgError> {
    let claims: Vec<Id> = client
        .query(
            "SELECT DISTINCT cp.claim_id FROM claims c JOIN claim_places cp ON cp.claim_id = c.id
             WHERE c.article_id = $1 AND cp.entity_id = $2 AND cp.mention_id = ANY($3)
             ORDER BY cp.claim_id",
            &[&m.article, &m.entity, &mentions],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let moved = client.execute(
        "UPDATE mentions SET entity_id = $1 WHERE entity_id = $2 AND id = ANY($3)",
        &[&place, &m.entity, &mentions],
    )?;
    move_claim_places(client, m.entity, place, mentions, &claims)?;
    // the curator has said which place these words mean: no later article moves them
    client.execute(
        "DELETE FROM seat_readings WHERE mention_id = ANY($1)",
        &[&mentions],
    )?;
    client.execute(
        "DELETE FROM seat_readings WHERE claim_id = ANY($1) AND surface = $2",
        &[&claims, &m.text],
    )?;
    let moved = i64::try_from(moved).unwrap_or(i64::MAX);
    for (entity, delta) in [(place, moved), (m.entity, -moved)] {
        client.execute(
            "UPDATE entities SET mention_count = GREATEST(0, mention_count + $1) WHERE id = $2",
            &[&delta, &entity],
        )?;
    }
    Ok(claims)
}

/// Moves the places `claims` read from `mentions` from entity `from` to `place`.
fn move_claim_places(
    client: &mut impl GenericClient,
    from: Id,
    place: Id,
    mentions: &[Id],
    claims: &[Id],
) -> Result<(), PgError> {
    // a claim that already names the right place keeps that row and loses the wrong one
    // (SQLite's `UPDATE OR IGNORE`, then the delete)
    client.execute(
        "UPDATE claim_places cp SET entity_id = $1
         WHERE cp.entity_id = $2 AND cp.claim_id = ANY($4) AND cp.mention_id = ANY($3)
           AND NOT EXISTS (SELECT 1 FROM claim_places o
                           WHERE o.claim_id = cp.claim_id AND o.entity_id = $1)",
        &[&place, &from, &mentions, &claims],
    )?;
    client.execute(
        "DELETE FROM claim_places
         WHERE entity_id = $1 AND claim_id = ANY($3) AND mention_id = ANY($2)",
        &[&from, &mentions, &claims],
    )?;
    Ok(())
}
