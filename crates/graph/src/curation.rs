//! An analyst's curation as rules: when two entities may be merged, and when a merge may be
//! undone. Pure, over [`CurationLedger`], which the store implements on its write
//! transaction (checked and applied in one transaction, so no other write slips between)
//! and [`MemoryLedger`] implements in memory for these rules' tests. What a merge moves,
//! and how an undo puts it back, is the store's: that is rows, not rules.

use std::collections::BTreeMap;

use claimgraph_model::EntityKind;

use crate::storage::StorageError;
use crate::Id;

/// What the curation rules ask of the stored entities and merges.
pub trait CurationLedger {
    type Error: From<StorageError> + std::fmt::Display;
    /// The kind of stored entity `id`; [`StorageError::Merged`] for an id merged into
    /// another, [`StorageError::NotFound`] for one that names nothing.
    fn kind(&self, id: Id) -> Result<EntityKind, Self::Error>;
    /// The newest merge made after merge `merge`, not undone, into or from `a` or `b`.
    fn later_merge(&self, merge: Id, a: Id, b: Id) -> Result<Option<Id>, Self::Error>;
    /// A stored entity with id `id`, or of `kind` under the folded name `key`.
    fn holder(&self, id: Id, kind: EntityKind, key: &str) -> Result<Option<Id>, Self::Error>;
}

/// Whether entity `from` may be merged into `into`: two stored entities of one kind.
pub fn check_merge<L: CurationLedger>(ledger: &L, into: Id, from: Id) -> Result<(), L::Error> {
    if into == from {
        return Err(StorageError::MergeIntoItself { id: into }.into());
    }
    let into_kind = ledger.kind(into)?;
    let from_kind = ledger.kind(from)?;
    if into_kind != from_kind {
        return Err(StorageError::KindMismatch {
            into: into_kind.as_str(),
            from: from_kind.as_str(),
        }
        .into());
    }
    Ok(())
}

/// The merged entity, as the merge recorded it before it was deleted.
#[derive(Debug, Clone, Copy)]
pub struct MergedEntity<'a> {
    pub id: Id,
    pub kind: EntityKind,
    pub key: &'a str,
}

/// Whether merge `merge` of `from` into `into` can be put back as it was: no later merge
/// of either entity stands (that one is undone first, so undos run in reverse order), the
/// survivor still exists, and no entity has taken the merged one's id or name since.
pub fn check_undo<L: CurationLedger>(
    ledger: &L,
    merge: Id,
    into: Id,
    from: MergedEntity<'_>,
) -> Result<(), L::Error> {
    let refuse = |reason: String| Err(StorageError::MergeNotUndoable { id: merge, reason }.into());
    if let Some(later) = ledger.later_merge(merge, into, from.id)? {
        return refuse(format!(
            "merge {later} was made later with one of its entities: undo it first"
        ));
    }
    if let Err(e) = ledger.kind(into) {
        return refuse(format!(
            "entity {into}, which it merged into, is gone ({e})"
        ));
    }
    if let Some(other) = ledger.holder(from.id, from.kind, from.key)? {
        return refuse(format!(
            "entity {other} has since taken the merged entity's id or name"
        ));
    }
    Ok(())
}

/// Entities and merges in memory: the [`CurationLedger`] of the rules' tests.
#[derive(Debug, Default)]
pub struct MemoryLedger {
    /// Stored entities: kind and folded name.
    pub entities: BTreeMap<Id, (EntityKind, String)>,
    /// Merged ids and the entity each was merged into.
    pub redirects: BTreeMap<Id, Id>,
    /// Merges by id: (into, from, undone).
    pub merges: BTreeMap<Id, (Id, Id, bool)>,
}

impl CurationLedger for MemoryLedger {
    type Error = StorageError;

    fn kind(&self, id: Id) -> Result<EntityKind, StorageError> {
        if let Some((kind, _)) = self.entities.get(&id) {
            return Ok(*kind);
        }
        Err(match self.redirects.get(&id) {
            Some(&into) => StorageError::Merged { id, into },
            None => StorageError::NotFound { what: "entity", id },
        })
    }

    fn later_merge(&self, merge: Id, a: Id, b: Id) -> Result<Option<Id>, StorageError> {
        let involves = |x: Id| x == a || x == b;
        Ok(self
            .merges
            .range(merge + 1..)
            .rev()
            .find(|(_, &(into, from, undone))| !undone && (involves(into) || involves(from)))
            .map(|(&id, _)| id))
    }

    fn holder(&self, id: Id, kind: EntityKind, key: &str) -> Result<Option<Id>, StorageError> {
        Ok(self
            .entities
            .iter()
            .find(|(&e, (k, name))| e == id || (*k == kind && name == key))
            .map(|(&e, _)| e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Person, Place};

    /// Two people (1, 2), a place (3), person 4 merged into 1 by merge 10, and merge 11
    /// of person 5 into 2, undone.
    fn ledger() -> MemoryLedger {
        let mut l = MemoryLedger::default();
        l.entities.insert(1, (Person, "ada lind".into()));
        l.entities.insert(2, (Person, "ada lindt".into()));
        l.entities.insert(3, (Place, "lindau".into()));
        l.redirects.insert(4, 1);
        l.merges.insert(10, (1, 4, false));
        l.merges.insert(11, (2, 5, true));
        l
    }

    #[test]
    fn merges_need_two_stored_entities_of_one_kind() {
        let l = ledger();
        let cases: &[(Id, Id, Option<StorageError>)] = &[
            (1, 2, None),
            (1, 1, Some(StorageError::MergeIntoItself { id: 1 })),
            (
                1,
                3,
                Some(StorageError::KindMismatch {
                    into: "person",
                    from: "place",
                }),
            ),
            (2, 4, Some(StorageError::Merged { id: 4, into: 1 })),
            (
                9,
                2,
                Some(StorageError::NotFound {
                    what: "entity",
                    id: 9,
                }),
            ),
        ];
        for (into, from, want) in cases {
            let got = check_merge(&l, *into, *from).err();
            assert_eq!(
                got.map(|e| e.to_string()),
                want.as_ref().map(|e| e.to_string()),
                "merge {from} into {into}"
            );
        }
    }

    fn refusal(out: Result<(), StorageError>) -> Option<String> {
        match out {
            Ok(()) => None,
            Err(StorageError::MergeNotUndoable { reason, .. }) => Some(reason),
            Err(other) => Some(format!("unexpected: {other}")),
        }
    }

    #[test]
    fn a_merge_is_undone_only_when_nothing_has_built_on_it() {
        let merged = MergedEntity {
            id: 4,
            kind: Person,
            key: "ada lynd",
        };
        let mut l = ledger();
        l.entities.remove(&4);
        assert_eq!(refusal(check_undo(&l, 10, 1, merged)), None);

        // a later merge of the survivor stands; once it is undone the older one may go
        l.merges.insert(12, (2, 1, false));
        let why = refusal(check_undo(&l, 10, 1, merged)).expect("refused");
        assert!(why.starts_with("merge 12 was made later"), "{why}");
        l.merges.insert(12, (2, 1, true));
        assert_eq!(refusal(check_undo(&l, 10, 1, merged)), None);

        // the survivor is gone
        let (kind, key) = l.entities.remove(&1).expect("survivor");
        let why = refusal(check_undo(&l, 10, 1, merged)).expect("refused");
        assert!(
            why.starts_with("entity 1, which it merged into, is gone"),
            "{why}"
        );
        l.entities.insert(1, (kind, key));

        // another entity took the merged one's name
        l.entities.insert(6, (Person, "ada lynd".into()));
        let why = refusal(check_undo(&l, 10, 1, merged)).expect("refused");
        assert!(why.starts_with("entity 6 has since taken"), "{why}");
    }
}
