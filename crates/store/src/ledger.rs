//! The curation rules' questions ([`claimgraph_graph::curation::CurationLedger`])
//! answered on a write transaction, for merging (`curate`) and undoing a merge (`merges`).

use claimgraph_graph::curation::CurationLedger;
use claimgraph_model::EntityKind;
use rusqlite::{params, Connection, OptionalExtension};

use crate::resolve::kind_in;
use crate::{Id, StoreError};

/// The curation rules' view of the stored entities and merges
/// ([`claimgraph_graph::curation`]), on the transaction that then applies the change.
pub(crate) struct Ledger<'c>(pub(crate) &'c Connection);

impl CurationLedger for Ledger<'_> {
    type Error = StoreError;

    fn kind(&self, id: Id) -> Result<EntityKind, StoreError> {
        kind_in(self.0, id)
    }

    fn later_merge(&self, merge: Id, a: Id, b: Id) -> Result<Option<Id>, StoreError> {
        Ok(self
            .0
            .query_row(
                "SELECT id FROM merges WHERE id > ?1 AND undone_at IS NULL
                    AND (into_id IN (?2, ?3) OR from_id IN (?2, ?3))
                 ORDER BY id DESC LIMIT 1",
                params![merge, a, b],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn holder(&self, id: Id, kind: EntityKind, key: &str) -> Result<Option<Id>, StoreError> {
        Ok(self
            .0
            .query_row(
                "SELECT id FROM entities WHERE id = ?1 OR (kind = ?2 AND key = ?3)",
                params![id, kind.as_str(), key],
                |r| r.get(0),
            )
            .optional()?)
    }
}
