//! Name → entity resolution for the writer, in the order of trust: an analyst's recorded
//! decision, the exact folded key, the kind-aware resolution key (transliteration, region
//! words, organisation word sets), then per kind a surname unique among known people or a
//! place one edit away; otherwise a new entity.

use claimgraph_model::{EntityKind, PlaceType};
use rusqlite::{params, OptionalExtension};
use sqlx::Row;

use crate::read::prefix_range;
use crate::writer::Writer;
use crate::StorageError;
use crate::{Id, Store, StoreError};
use claimgraph_graph::canon::{
    fold, given_names_agree, org_key, org_key_without_country, person_key, places_agree,
    resolve_key,
};
use sqlx::SqliteConnection;

/// Which key of an alias a lookup compares: the exact fold or the kind-aware resolution key.
#[derive(Clone, Copy)]
enum AliasKey {
    Exact,
    Resolution,
}

/// At most this many candidates are compared by similarity per name (an indexed range).
const SIMILAR_CANDIDATES: i64 = 200;

impl Writer<'_> {
    /// The entity `name` of this kind refers to, created when nothing known matches;
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
            self.note_org(kind, name, id);
            return Ok(Some(id));
        }
        let found = match self.find(kind, name, &key)? {
            Some(id) => Some(id),
            None => self.org_in_article(kind, name),
        };
        let id = match found {
            Some(id) => id,
            None => self.create(kind, name, &key)?,
        };
        self.alias(kind, id, name)?;
        self.entities.insert((kind, key), id);
        self.note_org(kind, name, id);
        Ok(Some(id))
    }

    /// Remembers an organisation of the current article by its key without country, so
    /// a later mention that leaves the country out ("the Security Council" after "the
    /// Ruritanian Security Council") finds it.
    fn note_org(&mut self, kind: EntityKind, name: &str, id: Id) {
        if kind != EntityKind::Organization {
            return;
        }
        let (bare, _) = org_key_without_country(&org_key(name));
        if !bare.is_empty() && !self.article_orgs.contains(&(bare.clone(), id)) {
            self.article_orgs.push((bare, id));
        }
    }

    /// The one organisation of this article whose name is this one plus a country.
    fn org_in_article(&self, kind: EntityKind, name: &str) -> Option<Id> {
        if kind != EntityKind::Organization {
            return None;
        }
        let (bare, had_country) = org_key_without_country(&org_key(name));
        if had_country || bare.is_empty() {
            return None;
        }
        let mut ids = self
            .article_orgs
            .iter()
            .filter(|(k, _)| *k == bare)
            .map(|(_, id)| *id);
        let first = ids.next()?;
        ids.all(|id| id == first).then_some(first)
    }

    /// The most mentioned entity of `kind` with an alias whose exact or resolution key is
    /// `key`.
    fn alias_owner(
        &mut self,
        which: AliasKey,
        key: &str,
        kind: &str,
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
            .query_row([key, kind], |r| r.get(0))
            .optional()?)
    }

    fn find(&mut self, kind: EntityKind, name: &str, key: &str) -> Result<Option<Id>, StoreError> {
        let kind_str = kind.as_str();
        let manual: Option<Id> = self
            .conn
            .prepare_cached("SELECT entity_id FROM manual_aliases WHERE kind = ?1 AND key = ?2")?
            .query_row([kind_str, key], |r| r.get(0))
            .optional()?;
        if manual.is_some() {
            return Ok(manual);
        }
        let exact = self.alias_owner(AliasKey::Exact, key, kind_str)?;
        if exact.is_some() {
            return Ok(exact);
        }
        let rkey = resolve_key(kind, name);
        if rkey.is_empty() {
            return Ok(None);
        }
        let by_rkey = self.alias_owner(AliasKey::Resolution, &rkey, kind_str)?;
        if by_rkey.is_some() {
            return Ok(by_rkey);
        }
        match kind {
            EntityKind::Person => self.person_by_surname(name),
            EntityKind::Place => self.similar_place(&rkey),
            _ => Ok(None),
        }
    }

    /// A surname-only name links to the one known person with that surname; a full name
    /// links to the one person with that surname whose given name agrees (or who is known
    /// by surname only, whose name then becomes the full one).
    fn person_by_surname(&mut self, name: &str) -> Result<Option<Id>, StoreError> {
        let Some(p) = person_key(name) else {
            return Ok(None);
        };
        let candidates: Vec<(Id, Option<String>, String)> = self
            .conn
            .prepare_cached(
                "SELECT id, gkey, name FROM entities WHERE kind = 'person' AND skey = ?1 LIMIT 20",
            )?
            .query_map([&p.surname], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let Some(given) = &p.given else {
            return Ok(match candidates.as_slice() {
                [(id, _, _)] => Some(*id),
                _ => None,
            });
        };
        let agreeing: Vec<&(Id, Option<String>, String)> = candidates
            .iter()
            .filter(|(_, g, _)| g.as_deref().is_none_or(|g| given_names_agree(g, given)))
            .collect();
        // "Herrera Vidal" and "Lucía Herrera Vidal": a surname of two words, the shorter
        // name the end of the longer
        let ending: Vec<&(Id, Option<String>, String)> = candidates
            .iter()
            .filter(|(_, _, known)| {
                person_key(known).is_some_and(|k| {
                    let (long, short) = if k.full.len() > p.full.len() {
                        (&k.full, &p.full)
                    } else {
                        (&p.full, &k.full)
                    };
                    short.contains(' ') && long.ends_with(&format!(" {short}"))
                })
            })
            .collect();
        let (id, gkey, known) = match (agreeing.as_slice(), ending.as_slice()) {
            ([one], _) | ([], [one]) => *one,
            _ => return Ok(None),
        };
        let longer = person_key(known).is_some_and(|k| p.full.len() > k.full.len());
        if gkey.is_none() || (longer && !agreeing.iter().any(|a| a.0 == *id)) {
            // known by surname only until now: the full name becomes its name
            self.conn
                .prepare_cached(
                    "UPDATE OR IGNORE entities SET name = ?1, key = ?2, gkey = ?3 WHERE id = ?4",
                )?
                .execute(params![name.trim(), fold(name), given, id])?;
        }
        Ok(Some(*id))
    }

    /// A place whose key is one edit away from this one (same class, long enough): a
    /// spelling the transliteration rules missed. The most mentioned wins.
    fn similar_place(&mut self, rkey: &str) -> Result<Option<Id>, StoreError> {
        let Some((lo, hi)) = prefix_range(rkey, 3) else {
            return Ok(None);
        };
        let rows: Vec<(Id, String)> = self
            .conn
            .prepare_cached(
                "SELECT a.entity_id, a.rkey FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.rkey >= ?1 AND a.rkey < ?2 AND e.kind = 'place'
                 ORDER BY e.mention_count DESC, e.id LIMIT ?3",
            )?
            .query_map(params![lo, hi, SIMILAR_CANDIDATES], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows
            .into_iter()
            .find(|(_, other)| places_agree(rkey, other))
            .map(|(id, _)| id))
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
        let mut tx = self.write.begin_with("BEGIN IMMEDIATE").await?;
        let aliases = sqlx::query(
            "SELECT a.entity_id, a.alias, e.kind FROM aliases a
             JOIN entities e ON e.id = a.entity_id WHERE a.rkey = ''",
        )
        .fetch_all(&mut *tx)
        .await?;
        for r in &aliases {
            let Some(kind) = kind_of(r.get("kind")) else {
                continue;
            };
            let alias: String = r.get("alias");
            let rkey = resolve_key(kind, &alias);
            if rkey.is_empty() {
                continue;
            }
            sqlx::query("UPDATE aliases SET rkey = ?1 WHERE entity_id = ?2 AND alias = ?3")
                .bind(rkey)
                .bind(r.get::<Id, _>("entity_id"))
                .bind(&alias)
                .execute(&mut *tx)
                .await?;
        }
        let people =
            sqlx::query("SELECT id, name FROM entities WHERE kind = 'person' AND skey IS NULL")
                .fetch_all(&mut *tx)
                .await?;
        for r in &people {
            let Some(p) = person_key(r.get("name")) else {
                continue;
            };
            sqlx::query("UPDATE entities SET skey = ?1, gkey = ?2 WHERE id = ?3")
                .bind(&p.surname)
                .bind(&p.given)
                .bind(r.get::<Id, _>("id"))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The stored kind of entity `id`; a merged id is [`StorageError::Merged`], an unknown one
/// [`StorageError::NotFound`].
pub(crate) async fn kind_in(
    conn: &mut SqliteConnection,
    id: Id,
) -> Result<&'static str, StoreError> {
    let row = sqlx::query("SELECT kind FROM entities WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(r) = row {
        return kind_of(r.get("kind"))
            .map(|k| k.as_str())
            .ok_or(StorageError::NotFound { what: "entity", id }.into());
    }
    let into: Option<Id> =
        sqlx::query_scalar("SELECT into_id FROM entity_redirects WHERE from_id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Err(match into {
        Some(into) => StorageError::Merged { id, into },
        None => StorageError::NotFound { what: "entity", id },
    }
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_ranges_cover_their_prefix() {
        let (lo, hi) = prefix_range("harkiv", 3).expect("long enough");
        assert_eq!((lo.as_str(), hi.as_str()), ("har", "has"));
        assert!("harkov" >= lo.as_str() && "harkov" < hi.as_str());
        assert_eq!(prefix_range("ha", 3), None);
        assert_eq!(kind_of("place"), Some(EntityKind::Place));
        assert_eq!(kind_of("nominal"), None);
    }
}
