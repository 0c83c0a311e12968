//! Analysts' corrections: merging two entities and adding an alias. Each is recorded
//! (`manual_aliases`, `entity_redirects`) and the writer consults the record before any
//! rule, so ingesting the same or new articles later never undoes a correction. A merge
//! also keeps what it moved (`merges.rs`), so that it can be undone, and every correction
//! is written to the curation log (`audit.rs`) with who asked for it. Each runs in one
//! transaction on the writer's connection under the write lock (`lock::begin`).

use postgres::types::Type;
use postgres::GenericClient;
use serde_json::json;

use crate::audit::{record, NewEntry};
use crate::ledger::Ledger;
use crate::lock::begin;
use crate::merges::MergeMoves;
use crate::resolve::kind_in;
use crate::StorageError;
use crate::{Actor, CurationAction, EntityRecord, MergeOutcome};
use crate::{Id, PgError, PgStore};
use claimgraph_graph::canon::{fold, resolve_key};
use claimgraph_graph::curation::check_merge;

/// What a merge of `$2` into `$1` changes, in order. Every statement is prepared with
/// both ids typed, so one that names only `$2` still binds both.
const MERGE_STEPS: [&str; 15] = [
    "UPDATE mentions SET entity_id = $1 WHERE entity_id = $2",
    "UPDATE claims SET speaker_id = $1 WHERE speaker_id = $2",
    "UPDATE claims SET via_id = $1 WHERE via_id = $2",
    "INSERT INTO claim_places (claim_id, entity_id, mention_id)
     SELECT claim_id, $1, mention_id FROM claim_places WHERE entity_id = $2
     ORDER BY claim_id
     ON CONFLICT DO NOTHING",
    "DELETE FROM claim_places WHERE entity_id = $2",
    "UPDATE sources SET entity_id = $1 WHERE entity_id = $2",
    "INSERT INTO aliases (entity_id, alias, key, rkey)
     SELECT $1, alias, key, rkey FROM aliases WHERE entity_id = $2
     ORDER BY alias COLLATE \"C\"
     ON CONFLICT DO NOTHING",
    "INSERT INTO entity_roles (entity_id, role)
     SELECT $1, role FROM entity_roles WHERE entity_id = $2
     ON CONFLICT DO NOTHING",
    // one row per key: SQLite replaces row by row in alias order, so the last alias of
    // a key (in byte order) is the one kept
    "INSERT INTO manual_aliases (kind, key, alias, entity_id)
     SELECT DISTINCT ON (a.key) e.kind, a.key, a.alias, $1
     FROM aliases a JOIN entities e ON e.id = a.entity_id
     WHERE a.entity_id = $2
     ORDER BY a.key, a.alias COLLATE \"C\" DESC
     ON CONFLICT (kind, key) DO UPDATE SET alias = excluded.alias,
         entity_id = excluded.entity_id, created_at = excluded.created_at",
    // the merged entity's own key too: a gazetteer place is found by it
    "INSERT INTO manual_aliases (kind, key, alias, entity_id)
     SELECT kind, key, name, $1 FROM entities WHERE id = $2
     ON CONFLICT (kind, key) DO UPDATE SET alias = excluded.alias,
         entity_id = excluded.entity_id, created_at = excluded.created_at",
    "UPDATE manual_aliases SET entity_id = $1 WHERE entity_id = $2",
    "UPDATE entity_redirects SET into_id = $1 WHERE into_id = $2",
    "INSERT INTO entity_redirects (from_id, into_id) VALUES ($2, $1)
     ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id,
         created_at = excluded.created_at",
    "UPDATE entities SET mention_count = mention_count
         + (SELECT mention_count FROM entities WHERE id = $2),
         skey = COALESCE(skey, (SELECT skey FROM entities WHERE id = $2)),
         gkey = COALESCE(gkey, (SELECT gkey FROM entities WHERE id = $2)),
         geonames_id = COALESCE(geonames_id, (SELECT geonames_id FROM entities WHERE id = $2)),
         lat = COALESCE(lat, (SELECT lat FROM entities WHERE id = $2)),
         lon = COALESCE(lon, (SELECT lon FROM entities WHERE id = $2)),
         country_code = COALESCE(country_code, (SELECT country_code FROM entities WHERE id = $2))
     WHERE id = $1",
    "DELETE FROM entities WHERE id = $2",
];

/// Runs `sql` with `$1` = `into` and `$2` = `from`, both typed BIGINT whether or not the
/// statement names them.
fn run_pair(
    client: &mut impl GenericClient,
    sql: &str,
    into: Id,
    from: Id,
) -> Result<u64, PgError> {
    let stmt = client.prepare_typed(sql, &[Type::INT8, Type::INT8])?;
    Ok(client.execute(&stmt, &[&into, &from])?)
}

impl PgStore {
    /// The entity a merged id now lives in, if `id` was merged away.
    pub async fn merged_into(&self, id: Id) -> Result<Option<Id>, PgError> {
        self.read_with(move |client| crate::read::redirect_of(client, id))
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
    ) -> Result<MergeOutcome, PgError> {
        let actor = actor.clone();
        let merge_id = self
            .write_rows(move |client| {
                let mut tx = begin(client)?;
                check_merge(&Ledger::new(&mut tx), into, from)?;
                let moves = MergeMoves::capture(&mut tx, into, from)?;
                for sql in MERGE_STEPS {
                    run_pair(&mut tx, sql, into, from)?;
                }
                let merge_id = moves.save(&mut tx, into, from)?;
                record(
                    &mut tx,
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
    ) -> Result<EntityRecord, PgError> {
        let alias = alias.trim().to_string();
        let key = fold(&alias);
        if key.is_empty() {
            return Err(StorageError::EmptyAlias.into());
        }
        let actor = actor.clone();
        self.write_rows(move |client| {
            let mut tx = begin(client)?;
            let kind = kind_in(&mut tx, id)?;
            tx.execute(
                "INSERT INTO aliases (entity_id, alias, key, rkey) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[&id, &alias, &key, &resolve_key(kind, &alias)],
            )?;
            tx.execute(
                "INSERT INTO manual_aliases (kind, key, alias, entity_id)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (kind, key) DO UPDATE SET alias = excluded.alias,
                     entity_id = excluded.entity_id, created_at = excluded.created_at",
                &[&kind.as_str(), &key, &alias, &id],
            )?;
            record(
                &mut tx,
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
