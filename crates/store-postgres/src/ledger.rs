//! The curation rules' questions ([`claimgraph_graph::curation::CurationLedger`])
//! answered on a write transaction, for merging (`curate`) and undoing a merge (`merges`).

use std::cell::RefCell;

use claimgraph_graph::curation::CurationLedger;
use claimgraph_model::EntityKind;
use postgres::GenericClient;

use crate::resolve::kind_in;
use crate::{Id, PgError};

/// The curation rules' view of the stored entities and merges
/// ([`claimgraph_graph::curation`]), on the transaction that then applies the change.
/// The rules ask through `&self` and a query needs the client mutably: hence the cell.
pub(crate) struct Ledger<'a, C: GenericClient>(RefCell<&'a mut C>);

impl<'a, C: GenericClient> Ledger<'a, C> {
    pub(crate) fn new(client: &'a mut C) -> Self {
        Ledger(RefCell::new(client))
    }
}

impl<C: GenericClient> CurationLedger for Ledger<'_, C> {
    type Error = PgError;

    fn kind(&self, id: Id) -> Result<EntityKind, PgError> {
        let mut client = self.0.borrow_mut();
        kind_in(&mut **client, id)
    }

    fn later_merge(&self, merge: Id, a: Id, b: Id) -> Result<Option<Id>, PgError> {
        let row = self.0.borrow_mut().query_opt(
            "SELECT id FROM merges WHERE id > $1 AND undone_at IS NULL
                AND (into_id IN ($2, $3) OR from_id IN ($2, $3))
             ORDER BY id DESC LIMIT 1",
            &[&merge, &a, &b],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    fn holder(&self, id: Id, kind: EntityKind, key: &str) -> Result<Option<Id>, PgError> {
        // the holder of the id first, as SQLite's index lookups find it
        let row = self.0.borrow_mut().query_opt(
            "SELECT id FROM entities WHERE id = $1 OR (kind = $2 AND key = $3)
             ORDER BY id = $1 DESC, id LIMIT 1",
            &[&id, &kind.as_str(), &key],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }
}
