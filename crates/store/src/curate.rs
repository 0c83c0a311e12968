//! Analysts' corrections: merging two entities and adding an alias. Each is recorded
//! (`manual_aliases`, `entity_redirects`) and the writer consults the record before any
//! rule, so ingesting the same or new articles later never undoes a correction. A merge
//! also keeps what it moved (`merges.rs`), so that it can be undone, and every correction
//! is written to the curation log (`audit.rs`) with who asked for it.

use rusqlite::{params, TransactionBehavior};
use serde_json::json;

use crate::audit::{record, NewEntry};
use crate::ledger::Ledger;
use crate::merges::MergeMoves;
use crate::resolve::kind_in;
use crate::StorageError;
use crate::{Actor, CurationAction, EntityRecord, MergeOutcome};
use crate::{Id, Store, StoreError};
use claimgraph_graph::canon::{fold, resolve_key};
use claimgraph_graph::curation::check_merge;

impl Store {
    /// The entity a merged id now lives in, if `id` was merged away.
    pub async fn merged_into(&self, id: Id) -> Result<Option<Id>, StoreError> {
        self.read_with(move |conn| crate::read::redirect_of(conn, id))
            .await
    }

    /// Merges entity `from` into `into`: its mentions, claims, places, sources, aliases
    /// and roles move to `into`, `from` is deleted and its id redirects to `into`, and
    /// every name of `from` is recorded as a manual alias of `into`. Both must exist and
    /// be of the same kind. What moved is kept under the merge's id, and the merge is
    /// logged as `actor`'s.
    pub async fn merge_entities(
        &self,
        into: Id,
        from: Id,
        actor: &Actor,
    ) -> Result<MergeOutcome, StoreError> {
        let actor = actor.clone();
        let merge_id = self
            .write_rows(move |conn| {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                check_merge(&Ledger(&tx), into, from)?;
                let moves = MergeMoves::capture(&tx, into, from)?;
                for sql in [
                    "UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2",
                    "UPDATE claims SET speaker_id = ?1 WHERE speaker_id = ?2",
                    "UPDATE claims SET via_id = ?1 WHERE via_id = ?2",
                    "INSERT OR IGNORE INTO claim_places (claim_id, entity_id, mention_id)
                     SELECT claim_id, ?1, mention_id FROM claim_places WHERE entity_id = ?2
                     ORDER BY rowid",
                    "DELETE FROM claim_places WHERE entity_id = ?2 AND ?1 IS NOT NULL",
                    "UPDATE sources SET entity_id = ?1 WHERE entity_id = ?2",
                    "INSERT OR IGNORE INTO aliases (entity_id, alias, key, rkey)
                     SELECT ?1, alias, key, rkey FROM aliases WHERE entity_id = ?2",
                    "INSERT OR IGNORE INTO entity_roles (entity_id, role)
                     SELECT ?1, role FROM entity_roles WHERE entity_id = ?2",
                    "INSERT OR REPLACE INTO manual_aliases (kind, key, alias, entity_id)
                     SELECT e.kind, a.key, a.alias, ?1 FROM aliases a JOIN entities e ON e.id = a.entity_id
                     WHERE a.entity_id = ?2",
                    // the merged entity's own key too: a gazetteer place is found by it
                    "INSERT OR REPLACE INTO manual_aliases (kind, key, alias, entity_id)
                     SELECT kind, key, name, ?1 FROM entities WHERE id = ?2",
                    "UPDATE manual_aliases SET entity_id = ?1 WHERE entity_id = ?2",
                    "UPDATE entity_redirects SET into_id = ?1 WHERE into_id = ?2",
                    "INSERT OR REPLACE INTO entity_redirects (from_id, into_id) VALUES (?2, ?1)",
                    "UPDATE entities SET mention_count = mention_count
                         + (SELECT mention_count FROM entities WHERE id = ?2),
                         skey = COALESCE(skey, (SELECT skey FROM entities WHERE id = ?2)),
                         gkey = COALESCE(gkey, (SELECT gkey FROM entities WHERE id = ?2)),
                         geonames_id = COALESCE(geonames_id, (SELECT geonames_id FROM entities WHERE id = ?2)),
                         lat = COALESCE(lat, (SELECT lat FROM entities WHERE id = ?2)),
                         lon = COALESCE(lon, (SELECT lon FROM entities WHERE id = ?2)),
                         country_code = COALESCE(country_code, (SELECT country_code FROM entities WHERE id = ?2))
                     WHERE id = ?1",
                    "DELETE FROM entities WHERE id = ?2 AND ?1 IS NOT NULL",
                ] {
                    tx.execute(sql, params![into, from])?;
                }
                let merge_id = moves.save(&tx, into, from)?;
                record(
                    &tx,
                    NewEntry {
                        action: CurationAction::Merge,
                        actor: &actor,
                        entity_id: Some(into),
                        merge_id: Some(merge_id),
                        mention_id: None,
                        detail: json!({ "into_id": into, "from_id": from }),
                    },
                )?;
                tx.commit()?;
                Ok(merge_id)
            })
            .await?;
        Ok(MergeOutcome {
            merge_id,
            entity: self.get_entity(into).await?,
        })
    }

    /// Adds `alias` to entity `id` and records it, so the writer resolves that name to
    /// this entity from now on, before any rule and over any other entity's alias.
    pub async fn add_alias(
        &self,
        id: Id,
        alias: &str,
        actor: &Actor,
    ) -> Result<EntityRecord, StoreError> {
        let alias = alias.trim().to_string();
        let key = fold(&alias);
        if key.is_empty() {
            return Err(StorageError::EmptyAlias.into());
        }
        let actor = actor.clone();
        self.write_rows(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let kind = kind_in(&tx, id)?;
            tx.execute(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, key, rkey) VALUES (?1, ?2, ?3, ?4)",
                params![id, alias, key, resolve_key(kind, &alias)],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO manual_aliases (kind, key, alias, entity_id)
                 VALUES (?1, ?2, ?3, ?4)",
                params![kind.as_str(), key, alias, id],
            )?;
            record(
                &tx,
                NewEntry {
                    action: CurationAction::Alias,
                    actor: &actor,
                    entity_id: Some(id),
                    merge_id: None,
                    mention_id: None,
                    detail: json!({ "alias": alias }),
                },
            )?;
            tx.commit()?;
            Ok(())
        })
        .await?;
        self.get_entity(id).await
    }
}
