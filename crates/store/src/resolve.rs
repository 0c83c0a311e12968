//! Name → entity resolution for the writer: `claimgraph_graph::resolve` decides, in its
//! order of trust, over this module's [`EntityIndex`] on the transaction's tables; the
//! writer caches what it resolved. Also the roles the text gives entities, and re-keying
//! rows written before a key existed.

use claimgraph_model::{EntityKind, PlaceType};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::writer::Writer;
use crate::StorageError;
use crate::{Id, Store, StoreError};
use claimgraph_graph::canon::{fold, person_key, resolve_key};
use claimgraph_graph::resolve::{self, AliasKey, EntityIndex, KnownPerson, SAME_SURNAME};

impl Writer<'_> {
    /// The entity `name` of this kind refers to, created when nothing known matches (by
    /// `claimgraph_graph::resolve`'s order of trust over this transaction's tables);
    /// `None` for names that fold to nothing.
    pub(crate) fn resolve(
        &mut self,
        kind: EntityKind,
        name: &str,
    ) -> Result<Option<Id>, StoreError> {
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
    pub(crate) fn role(&mut self, entity: Id, role: &str) -> Result<(), StoreError> {
        let role = role.trim().to_lowercase();
        if role.is_empty()
            || ROLE_MODIFIERS.contains(&role.as_str())
            || !self.roles.insert((entity, role.clone()))
        {
            return Ok(());
        }
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO entity_roles (entity_id, role) VALUES (?1, ?2)")?
            .execute(params![entity, role])?;
        Ok(())
    }
}

/// What resolution asks of the stored entities, answered inside the write transaction.
impl EntityIndex for Writer<'_> {
    type Error = StoreError;

    fn recorded(&mut self, kind: EntityKind, key: &str) -> Result<Option<Id>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT entity_id FROM manual_aliases WHERE kind = ?1 AND key = ?2")?
            .query_row([kind.as_str(), key], |r| r.get(0))
            .optional()?)
    }

    fn alias_owner(
        &mut self,
        kind: EntityKind,
        which: AliasKey,
        key: &str,
    ) -> Result<Option<Id>, StoreError> {
        let sql = match which {
            AliasKey::Exact => {
                "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.key = ?1 AND e.kind = ?2
                 ORDER BY e.mention_count DESC, e.id LIMIT 1"
            }
            AliasKey::Resolution => {
                "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.rkey = ?1 AND e.kind = ?2
                 ORDER BY e.mention_count DESC, e.id LIMIT 1"
            }
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([key, kind.as_str()], |r| r.get(0))
            .optional()?)
    }

    fn people_named(&mut self, surname: &str) -> Result<Vec<KnownPerson>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, gkey, name FROM entities WHERE kind = 'person' AND skey = ?1 LIMIT ?2",
            )?
            .query_map(params![surname, SAME_SURNAME as i64], |r| {
                Ok(KnownPerson {
                    id: r.get(0)?,
                    given: r.get(1)?,
                    name: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    }

    fn place_keys_between(
        &mut self,
        lo: &str,
        hi: &str,
        limit: usize,
    ) -> Result<Vec<(Id, String)>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT a.entity_id, a.rkey FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.rkey >= ?1 AND a.rkey < ?2 AND e.kind = 'place'
                 ORDER BY e.mention_count DESC, e.id LIMIT ?3",
            )?
            .query_map(params![lo, hi, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?)
    }

    fn rename_person(&mut self, id: Id, name: &str, given: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE OR IGNORE entities SET name = ?1, key = ?2, gkey = ?3 WHERE id = ?4",
            )?
            .execute(params![name, fold(name), given, id])?;
        Ok(())
    }

    fn create(&mut self, kind: EntityKind, name: &str, key: &str) -> Result<Id, StoreError> {
        let person = match kind {
            EntityKind::Person => person_key(name),
            _ => None,
        };
        Ok(self
            .conn
            .prepare_cached(
                "INSERT INTO entities (kind, name, key, skey, gkey, place_type)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (kind, key) DO UPDATE SET name = name RETURNING id",
            )?
            .query_row(
                params![
                    kind.as_str(),
                    name,
                    key,
                    person.as_ref().map(|p| p.surname.as_str()),
                    person.as_ref().and_then(|p| p.given.as_deref()),
                    // a place the gazetteer does not know is still a place, of no known type
                    (kind == EntityKind::Place).then_some(PlaceType::Other.as_str())
                ],
                |r| r.get(0),
            )?)
    }

    fn add_alias(&mut self, kind: EntityKind, entity: Id, alias: &str) -> Result<(), StoreError> {
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

impl Store {
    /// Fills resolution keys that rows written before they existed lack (aliases'
    /// `rkey`, people's surname and given-name keys). Idempotent: only empty keys are
    /// computed.
    pub(crate) async fn rekey(&self) -> Result<(), StoreError> {
        self.write_rows(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let aliases: Vec<(Id, String, String)> = tx
                .prepare(
                    "SELECT a.entity_id, a.alias, e.kind FROM aliases a
                     JOIN entities e ON e.id = a.entity_id WHERE a.rkey = ''",
                )?
                .query_map([], |r| {
                    Ok((r.get("entity_id")?, r.get("alias")?, r.get("kind")?))
                })?
                .collect::<Result<_, _>>()?;
            for (entity_id, alias, kind) in &aliases {
                let Some(kind) = kind_of(kind) else {
                    continue;
                };
                let rkey = resolve_key(kind, alias);
                if rkey.is_empty() {
                    continue;
                }
                tx.execute(
                    "UPDATE aliases SET rkey = ?1 WHERE entity_id = ?2 AND alias = ?3",
                    params![rkey, entity_id, alias],
                )?;
            }
            let people: Vec<(Id, String)> = tx
                .prepare("SELECT id, name FROM entities WHERE kind = 'person' AND skey IS NULL")?
                .query_map([], |r| Ok((r.get("id")?, r.get("name")?)))?
                .collect::<Result<_, _>>()?;
            for (id, name) in &people {
                let Some(p) = person_key(name) else {
                    continue;
                };
                tx.execute(
                    "UPDATE entities SET skey = ?1, gkey = ?2 WHERE id = ?3",
                    params![p.surname, p.given, id],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }
}

/// The stored kind of entity `id`; a merged id is [`StorageError::Merged`], an unknown one
/// [`StorageError::NotFound`].
pub(crate) fn kind_in(conn: &Connection, id: Id) -> Result<EntityKind, StoreError> {
    let kind: Option<String> = conn
        .query_row("SELECT kind FROM entities WHERE id = ?1", [id], |r| {
            r.get("kind")
        })
        .optional()?;
    if let Some(kind) = kind {
        return kind_of(&kind).ok_or(StorageError::NotFound { what: "entity", id }.into());
    }
    let into: Option<Id> = conn
        .query_row(
            "SELECT into_id FROM entity_redirects WHERE from_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Err(match into {
        Some(into) => StorageError::Merged { id, into },
        None => StorageError::NotFound { what: "entity", id },
    }
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_ministry_stored_under_its_old_key_is_keyed_again_at_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("keys.db");
        drop(Store::open(&path).await.expect("open"));
        let conn = Connection::open(&path).expect("sqlite");
        // as a release before the "Affairs" keys wrote it, with that migration not yet run
        conn.execute_batch(
            "INSERT INTO entities (id, kind, name, key)
             VALUES (1, 'organization', 'Ministry of Internal Affairs', 'ministry of internal affairs');
             INSERT INTO aliases (entity_id, alias, key, rkey)
             VALUES (1, 'Ministry of Internal Affairs', 'ministry of internal affairs',
                     'afairs internal ministri');
             DELETE FROM _sqlx_migrations WHERE version = 20261205000002;",
        )
        .expect("old rows");
        drop(conn);
        drop(Store::open(&path).await.expect("open again"));
        let conn = Connection::open(&path).expect("sqlite");
        let rkey: String = conn
            .query_row("SELECT rkey FROM aliases WHERE entity_id = 1", [], |r| {
                r.get(0)
            })
            .expect("alias");
        assert_eq!(
            rkey,
            resolve_key(EntityKind::Organization, "Interior Ministry")
        );
    }

    #[test]
    fn stored_kinds_read_back() {
        assert_eq!(kind_of("place"), Some(EntityKind::Place));
        assert_eq!(kind_of("nominal"), None);
    }
}
