//! The curation log: who merged, unmerged, aliased or moved what, and when. Written in the
//! transaction of the change it records, so a change is never without its entry.

use postgres::{GenericClient, Row};

use crate::read::keyset_page;
use crate::{Actor, CurationAction, CurationEntry};
use crate::{Cursor, Id, Listing, Page, PgError, PgStore};

/// An entry to write.
pub(crate) struct NewEntry<'a> {
    pub action: CurationAction,
    pub actor: &'a Actor,
    pub entity_id: Option<Id>,
    pub merge_id: Option<Id>,
    pub mention_id: Option<Id>,
    pub detail: serde_json::Value,
}

/// Writes `entry` on `client`, inside the caller's transaction; returns its id.
pub(crate) fn record(client: &mut impl GenericClient, entry: NewEntry<'_>) -> Result<Id, PgError> {
    let row = client.query_one(
        "INSERT INTO curation_log (action, actor, actor_name, entity_id, merge_id, mention_id,
                                   detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        &[
            &entry.action.as_str(),
            &entry.actor.label,
            &entry.actor.name,
            &entry.entity_id,
            &entry.merge_id,
            &entry.mention_id,
            &entry.detail.to_string(),
        ],
    )?;
    Ok(row.try_get(0)?)
}

impl PgStore {
    /// The curation log, newest first.
    pub async fn curation_log(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<CurationEntry>, PgError> {
        let before = Cursor::after_id(cursor, Listing::Curations)?;
        let items = self
            .read_with(move |client| {
                client
                    .query(
                        "SELECT id, action, actor, actor_name, entity_id, merge_id, mention_id, detail,
                            created_at
                     FROM curation_log WHERE $1::bigint IS NULL OR id < $1
                     ORDER BY id DESC LIMIT $2",
                        &[&before, &(limit + 1)],
                    )?
                    .iter()
                    .map(entry_row)
                    .collect()
            })
            .await?;
        Ok(keyset_page(
            items,
            limit,
            Listing::Curations,
            |e: &CurationEntry| e.id,
        ))
    }
}

fn entry_row(r: &Row) -> Result<CurationEntry, PgError> {
    Ok(CurationEntry {
        id: r.try_get("id")?,
        action: r.try_get("action")?,
        actor: r.try_get("actor")?,
        actor_name: r.try_get("actor_name")?,
        entity_id: r.try_get("entity_id")?,
        merge_id: r.try_get("merge_id")?,
        mention_id: r.try_get("mention_id")?,
        detail: r.try_get("detail")?,
        created_at: r.try_get("created_at")?,
    })
}
