//! Name → entity resolution for the writer: `claimgraph_graph::resolve` decides, in its
//! order of trust, over this module's [`EntityIndex`] on the transaction's tables; the
//! writer caches what it resolved. Also the roles the text gives entities, and re-keying
//! rows written before a key existed.

use claimgraph_model::{EntityKind, PlaceType};
use postgres::GenericClient;

use crate::writer::Writer;
use crate::StorageError;
use crate::{Id, PgError, PgStore};
use claimgraph_graph::canon::{fold, person_key, resolve_key};
use claimgraph_graph::resolve::{self, AliasKey, EntityIndex, KnownPerson, SAME_SURNAME};

impl Writer<'_> {
    /// The entity `name` of this kind refers to, created when nothing known matches (by
    /// `claimgraph_graph::resolve`'s order of trust over this transaction's tables);
    /// `None` for names that fold to nothing.
    pub(crate) fn resolve(&mut self, kind: EntityKind, name: &str) -> Result<Option<Id>, PgError> {
        let name = name.trim();
        let key = fold(name);
        if key.is_empty() {
            return Ok(None);
        }
        if let Some(id) = self.entities.get(&(kind, key.clone())).copied() {
            self.article_orgs.note(kind, name, id);
            return Ok(Some(id));
        }
        let mut orgs = std::mem::take(&mut self.article_orgs);
        let id = resolve::resolve(self, &mut orgs, kind, name, &key);
        self.article_orgs = orgs;
        let id = id?;
        self.entities.insert((kind, key), id);
        Ok(Some(id))
    }

    /// Records a role the text gives an entity ("spokesman"), once.
    pub(crate) fn role(&mut self, entity: Id, role: &str) -> Result<(), PgError> {
        let role = role.trim().to_lowercase();
        if role.is_empty()
            || ROLE_MODIFIERS.contains(&role.as_str())
            || !self.roles.insert((entity, role.clone()))
        {
            return Ok(());
        }
        self.execute(
            "INSERT INTO entity_roles (entity_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&entity, &role],
        )?;
        Ok(())
    }
}

/// What resolution asks of the stored entities, answered inside the write transaction.
impl EntityIndex for Writer<'_> {
    type Error = PgError;

    fn recorded(&mut self, kind: EntityKind, key: &str) -> Result<Option<Id>, PgError> {
        Ok(self
            .query_opt(
                "SELECT entity_id FROM manual_aliases WHERE kind = $1 AND key = $2",
                &[&kind.as_str(), &key],
            )?
            .map(|r| r.get(0)))
    }

    fn alias_owner(
        &mut self,
        kind: EntityKind,
        which: AliasKey,
        key: &str,
    ) -> Result<Option<Id>, PgError> {
        let sql = match which {
            AliasKey::Exact => {
                "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.key = $1 AND e.kind = $2
                 ORDER BY e.mention_count DESC, e.id LIMIT 1"
            }
            AliasKey::Resolution => {
                "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.rkey = $1 AND e.kind = $2
                 ORDER BY e.mention_count DESC, e.id LIMIT 1"
            }
        };
        Ok(self
            .query_opt(sql, &[&key, &kind.as_str()])?
            .map(|r| r.get(0)))
    }

    /// In id order, as SQLite reads them from its (kind, surname) index.
    fn people_named(&mut self, surname: &str) -> Result<Vec<KnownPerson>, PgError> {
        let rows = self.query(
            "SELECT id, gkey, name FROM entities WHERE kind = 'person' AND skey = $1
             ORDER BY id LIMIT $2",
            &[&surname, &(SAME_SURNAME as i64)],
        )?;
        Ok(rows
            .iter()
            .map(|r| KnownPerson {
                id: r.get(0),
                given: r.get(1),
                name: r.get(2),
            })
            .collect())
    }

    /// Keys compare as bytes (`COLLATE "C"`, as SQLite's BINARY); one place's aliases
    /// in the order of their spelling's bytes, as SQLite reads them from the aliases'
    /// primary key before its stable sort.
    fn place_keys_between(
        &mut self,
        lo: &str,
        hi: &str,
        limit: usize,
    ) -> Result<Vec<(Id, String)>, PgError> {
        let rows = self.query(
            "SELECT a.entity_id, a.rkey FROM aliases a JOIN entities e ON e.id = a.entity_id
             WHERE a.rkey COLLATE \"C\" >= $1 AND a.rkey COLLATE \"C\" < $2 AND e.kind = 'place'
             ORDER BY e.mention_count DESC, e.id, a.alias COLLATE \"C\" LIMIT $3",
            &[&lo, &hi, &(limit as i64)],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// Skipped when another entity of the kind already has the new key (SQLite's
    /// `UPDATE OR IGNORE`).
    fn rename_person(&mut self, id: Id, name: &str, given: &str) -> Result<(), PgError> {
        self.execute(
            "UPDATE entities SET name = $1, key = $2, gkey = $3
             WHERE id = $4 AND NOT EXISTS (SELECT 1 FROM entities o
                                           WHERE o.kind = entities.kind AND o.key = $2
                                             AND o.id <> $4)",
            &[&name, &fold(name), &given, &id],
        )?;
        Ok(())
    }

    /// Looks the key up before inserting: an insert that meets a conflict would still
    /// take a number from the ids' sequence, and the next entity's id would differ from
    /// SQLite's.
    fn create(&mut self, kind: EntityKind, name: &str, key: &str) -> Result<Id, PgError> {
        let stored = self.query_opt(
            "SELECT id FROM entities WHERE kind = $1 AND key = $2",
            &[&kind.as_str(), &key],
        )?;
        if let Some(row) = stored {
            return Ok(row.get(0));
        }
        let person = match kind {
            EntityKind::Person => person_key(name),
            _ => None,
        };
        let skey = person.as_ref().map(|p| p.surname.as_str());
        let gkey = person.as_ref().and_then(|p| p.given.as_deref());
        // a place the gazetteer does not know is still a place, of no known type
        let place_type = (kind == EntityKind::Place).then_some(PlaceType::Other.as_str());
        Ok(self
            .query_one(
                "INSERT INTO entities (kind, name, key, skey, gkey, place_type)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (kind, key) DO UPDATE SET name = entities.name RETURNING id",
                &[&kind.as_str(), &name, &key, &skey, &gkey, &place_type],
            )?
            .get(0))
    }

    fn add_alias(&mut self, kind: EntityKind, entity: Id, alias: &str) -> Result<(), PgError> {
        self.alias(kind, entity, alias)
    }
}

/// Title words that only qualify a role ("Defence" in "Defence Minister"), not roles.
#[rustfmt::skip]
const ROLE_MODIFIERS: &[&str] = &[
    "foreign", "defense", "defence", "interior", "state", "vice", "prime", "field", "deputy",
    "executive", "chief", "head",
];

/// The kind named by its stored string.
pub(crate) fn kind_of(s: &str) -> Option<EntityKind> {
    Some(match s {
        "person" => EntityKind::Person,
        "organization" => EntityKind::Organization,
        "outlet" => EntityKind::Outlet,
        "place" => EntityKind::Place,
        _ => return None,
    })
}

impl PgStore {
    /// Fills resolution keys that rows written before they existed lack (aliases'
    /// `rkey`, people's surname and given-name keys): rows copied in from an older
    /// database, or written by a release whose keys changed. Idempotent: only empty keys
    /// are computed. Run at every open, after the migrations, as the SQLite store does.
    pub(crate) async fn rekey(&self) -> Result<(), PgError> {
        self.write_rows(|client| {
            let mut tx = crate::lock::begin(client)?;
            rekey_aliases(&mut tx)?;
            rekey_people(&mut tx)?;
            tx.commit()?;
            Ok(())
        })
        .await
    }
}

/// Computes the empty `rkey`s of aliases.
fn rekey_aliases(tx: &mut impl GenericClient) -> Result<(), PgError> {
    let aliases: Vec<(Id, String, String)> = tx
        .query(
            "SELECT a.entity_id, a.alias, e.kind FROM aliases a
             JOIN entities e ON e.id = a.entity_id WHERE a.rkey = ''",
            &[],
        )?
        .iter()
        .map(|r| (r.get("entity_id"), r.get("alias"), r.get("kind")))
        .collect();
    for (entity_id, alias, kind) in &aliases {
        let Some(kind) = kind_of(kind) else {
            continue;
        };
        let rkey = resolve_key(kind, alias);
        if rkey.is_empty() {
            continue;
        }
        tx.execute(
            "UPDATE aliases SET rkey = $1 WHERE entity_id = $2 AND alias = $3",
            &[&rkey, entity_id, alias],
        )?;
    }
    Ok(())
}

/// Computes the missing surname and given-name keys of people.
fn rekey_people(tx: &mut impl GenericClient) -> Result<(), PgError> {
    let people: Vec<(Id, String)> = tx
        .query(
            "SELECT id, name FROM entities WHERE kind = 'person' AND skey IS NULL",
            &[],
        )?
        .iter()
        .map(|r| (r.get("id"), r.get("name")))
        .collect();
    for (id, name) in &people {
        let Some(p) = person_key(name) else {
            continue;
        };
        tx.execute(
            "UPDATE entities SET skey = $1, gkey = $2 WHERE id = $3",
            &[&p.surname, &p.given, id],
        )?;
    }
    Ok(())
}

/// The stored kind of entity `id`; a merged id is [`StorageError::Merged`], an unknown one
/// [`StorageError::NotFound`].
pub(crate) fn kind_in(client: &mut impl GenericClient, id: Id) -> Result<EntityKind, PgError> {
    let kind: Option<String> = client
        .query_opt("SELECT kind FROM entities WHERE id = $1", &[&id])?
        .map(|r| r.get("kind"));
    if let Some(kind) = kind {
        return kind_of(&kind).ok_or(StorageError::NotFound { what: "entity", id }.into());
    }
    let into: Option<Id> = client
        .query_opt(
            "SELECT into_id FROM entity_redirects WHERE from_id = $1",
            &[&id],
        )?
        .map(|r| r.get(0));
    Err(match into {
        Some(into) => StorageError::Merged { id, into },
        None => StorageError::NotFound { what: "entity", id },
    }
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TestDb;

    /// A migrated schema's connection; the tests are synchronous (the postgres crate may
    /// not block inside a runtime).
    fn migrated(db: &TestDb) -> postgres::Client {
        let mut client = db.client().expect("connect");
        crate::migrate::run(&mut client).expect("migrate");
        client
    }

    #[test]
    fn a_ministry_stored_under_an_empty_key_is_keyed_again() {
        let Some(db) = TestDb::create("rekey_ministry") else {
            return;
        };
        let mut client = migrated(&db);
        // as rows copied from a database whose keys changed since they were written
        client
            .batch_execute(
                "INSERT INTO entities (id, kind, name, key)
                 VALUES (1, 'organization', 'Ministry of Internal Affairs',
                         'ministry of internal affairs'),
                        (2, 'person', 'Ada Quill', 'ada quill');
                 INSERT INTO aliases (entity_id, alias, key, rkey)
                 VALUES (1, 'Ministry of Internal Affairs', 'ministry of internal affairs', '');",
            )
            .expect("old rows");
        let mut tx = client.transaction().expect("begin");
        rekey_aliases(&mut tx).expect("aliases");
        rekey_people(&mut tx).expect("people");
        tx.commit().expect("commit");
        let rkey: String = client
            .query_one("SELECT rkey FROM aliases WHERE entity_id = 1", &[])
            .expect("alias")
            .get(0);
        assert_eq!(
            rkey,
            resolve_key(EntityKind::Organization, "Interior Ministry")
        );
        let (skey, gkey): (Option<String>, Option<String>) = client
            .query_one("SELECT skey, gkey FROM entities WHERE id = 2", &[])
            .map(|r| (r.get(0), r.get(1)))
            .expect("person");
        let p = person_key("Ada Quill").expect("a person key");
        assert_eq!((skey, gkey), (Some(p.surname), p.given));
    }

    #[test]
    fn kinds_of_merged_and_unknown_ids_are_told_apart() {
        let Some(db) = TestDb::create("kind_in") else {
            return;
        };
        let mut client = migrated(&db);
        client
            .batch_execute(
                "INSERT INTO entities (id, kind, name, key) VALUES (7, 'place', 'Vell', 'vell');
                 INSERT INTO entity_redirects (from_id, into_id) VALUES (8, 7);",
            )
            .expect("rows");
        assert_eq!(kind_in(&mut client, 7).expect("kind"), EntityKind::Place);
        assert!(matches!(
            kind_in(&mut client, 8),
            Err(PgError::Storage(StorageError::Merged { id: 8, into: 7 }))
        ));
        assert!(matches!(
            kind_in(&mut client, 9),
            Err(PgError::Storage(StorageError::NotFound { id: 9, .. }))
        ));
    }

    #[test]
    fn stored_kinds_read_back() {
        assert_eq!(kind_of("place"), Some(EntityKind::Place));
        assert_eq!(kind_of("nominal"), None);
    }
}
