//! The curation log: who merged, unmerged, aliased or moved what, and when. Written in the
//! transaction of the change it records, so a change is never without its entry.

use rusqlite::{params, Connection};

use crate::read::keyset_page;
use crate::{Actor, CurationAction, CurationEntry};
use crate::{Cursor, Id, Listing, Page, Store, StoreError};

/// An entry to write.
pub(crate) struct NewEntry<'a> {
    pub action: CurationAction,
    pub actor: &'a Actor,
    pub entity_id: Option<Id>,
    pub merge_id: Option<Id>,
    pub mention_id: Option<Id>,
    pub detail: serde_json::Value,
}

/// Writes `entry` on `conn`, inside the caller's transaction; returns its id.
pub(crate) fn record(conn: &Connection, entry: NewEntry<'_>) -> Result<Id, StoreError> {
    Ok(conn.query_row(
        "INSERT INTO curation_log (action, actor, actor_name, entity_id, merge_id, mention_id,
                                   detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        params![
            entry.action.as_str(),
            entry.actor.label,
            entry.actor.name,
            entry.entity_id,
            entry.merge_id,
            entry.mention_id,
            entry.detail.to_string()
        ],
        |r| r.get(0),
    )?)
}

impl Store {
    /// The curation log, newest first.
    pub async fn curation_log(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<CurationEntry>, StoreError> {
        let before = Cursor::after_id(cursor, Listing::Curations)?;
        let items = self
            .read_with(move |conn| {
                let mut stmt = conn.prepare_cached(
                    "SELECT id, action, actor, actor_name, entity_id, merge_id, mention_id, detail,
                            created_at
                     FROM curation_log WHERE ?1 IS NULL OR id < ?1 ORDER BY id DESC LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![before, limit + 1], |r| {
                    Ok(CurationEntry {
                        id: r.get("id")?,
                        action: r.get("action")?,
                        actor: r.get("actor")?,
                        actor_name: r.get("actor_name")?,
                        entity_id: r.get("entity_id")?,
                        merge_id: r.get("merge_id")?,
                        mention_id: r.get("mention_id")?,
                        detail: r.get("detail")?,
                        created_at: r.get("created_at")?,
                    })
                })?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
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
