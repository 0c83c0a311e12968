//! Name → entity resolution, in the order of trust: an analyst's recorded decision, the
//! exact folded key, the kind-aware resolution key (transliteration, region words,
//! organisation word sets), then per kind a surname unique among known people or a place
//! one edit away; otherwise a new entity.
//!
//! The rules are here; what is stored is asked through [`EntityIndex`], which the store
//! implements on its tables inside a write transaction and [`MemoryEntities`] in memory
//! (for these rules' own tests, and for anyone who needs resolution without a database).

mod memory;
mod seats;
pub mod spellings;
#[cfg(test)]
mod tests;

use claimgraph_model::EntityKind;

use crate::canon::{
    given_names_agree, org_key, org_key_without_country, person_key, places_agree, resolve_key,
};
use crate::Id;

pub use memory::MemoryEntities;
pub use seats::{seat_reading, SeatReading};

/// Which key of an alias a lookup compares: the exact fold or the kind-aware resolution key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKey {
    Exact,
    Resolution,
}

/// A person already stored, as surname resolution compares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub id: Id,
    /// The given-name key, `None` for a person known by surname only.
    pub given: Option<String>,
    pub name: String,
}

/// At most this many candidates are compared by similarity per place name (an indexed
/// range of keys).
pub const SIMILAR_CANDIDATES: usize = 200;

/// At most this many people of one surname are compared.
pub const SAME_SURNAME: usize = 20;

/// What resolution asks of the stored entities, and the writes its decisions make.
pub trait EntityIndex {
    type Error;
    /// The entity an analyst recorded for this kind and exact key (a merge or an alias).
    fn recorded(&mut self, kind: EntityKind, key: &str) -> Result<Option<Id>, Self::Error>;
    /// The most mentioned entity of `kind` with an alias whose key of `which` is `key`
    /// (ties: the lowest id).
    fn alias_owner(
        &mut self,
        kind: EntityKind,
        which: AliasKey,
        key: &str,
    ) -> Result<Option<Id>, Self::Error>;
    /// Up to [`SAME_SURNAME`] people whose surname key is `surname`.
    fn people_named(&mut self, surname: &str) -> Result<Vec<KnownPerson>, Self::Error>;
    /// Up to `limit` (place, alias resolution key) pairs with the key in `lo..hi`, the most
    /// mentioned places first.
    fn place_keys_between(
        &mut self,
        lo: &str,
        hi: &str,
        limit: usize,
    ) -> Result<Vec<(Id, String)>, Self::Error>;
    /// A person known by surname only until now takes the full `name` (given-name key
    /// `given`).
    fn rename_person(&mut self, id: Id, name: &str, given: &str) -> Result<(), Self::Error>;
    /// A new entity, or the one already stored under this kind and exact key.
    fn create(&mut self, kind: EntityKind, name: &str, key: &str) -> Result<Id, Self::Error>;
    /// Records `alias` as a spelling of `entity` (once).
    fn add_alias(&mut self, kind: EntityKind, entity: Id, alias: &str) -> Result<(), Self::Error>;
}

/// The organisations one article named, by key without country: "the Security Council"
/// after "the Ruritanian Security Council" is that council. Cleared per article.
#[derive(Debug, Default, Clone)]
pub struct ArticleOrgs(Vec<(String, Id)>);

impl ArticleOrgs {
    /// Remembers an organisation of the current article by its key without country.
    pub fn note(&mut self, kind: EntityKind, name: &str, id: Id) {
        if kind != EntityKind::Organization {
            return;
        }
        let (bare, _) = org_key_without_country(&org_key(name));
        if !bare.is_empty() && !self.0.contains(&(bare.clone(), id)) {
            self.0.push((bare, id));
        }
    }

    /// The one organisation of this article whose name is this one plus a country.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<Id> {
        if kind != EntityKind::Organization {
            return None;
        }
        let (bare, had_country) = org_key_without_country(&org_key(name));
        if had_country || bare.is_empty() {
            return None;
        }
        let mut ids = self.0.iter().filter(|(k, _)| *k == bare).map(|(_, id)| *id);
        let first = ids.next()?;
        ids.all(|id| id == first).then_some(first)
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// The entity `name` (already trimmed, folding to the non-empty `key`) of this kind
/// refers to, created when nothing known matches; its spelling is recorded as an alias
/// and, for an organisation, noted for the rest of the article.
pub fn resolve<I: EntityIndex>(
    index: &mut I,
    orgs: &mut ArticleOrgs,
    kind: EntityKind,
    name: &str,
    key: &str,
) -> Result<Id, I::Error> {
    let found = match find(index, kind, name, key)? {
        Some(id) => Some(id),
        None => orgs.find(kind, name),
    };
    let id = match found {
        Some(id) => id,
        None => index.create(kind, name, key)?,
    };
    index.add_alias(kind, id, name)?;
    orgs.note(kind, name, id);
    Ok(id)
}

/// The stored entity `name` names, in the order of trust; `None` when nothing matches.
pub fn find<I: EntityIndex>(
    index: &mut I,
    kind: EntityKind,
    name: &str,
    key: &str,
) -> Result<Option<Id>, I::Error> {
    if let Some(id) = index.recorded(kind, key)? {
        return Ok(Some(id));
    }
    if let Some(id) = index.alias_owner(kind, AliasKey::Exact, key)? {
        return Ok(Some(id));
    }
    let rkey = resolve_key(kind, name);
    if rkey.is_empty() {
        return Ok(None);
    }
    if let Some(id) = index.alias_owner(kind, AliasKey::Resolution, &rkey)? {
        return Ok(Some(id));
    }
    match kind {
        EntityKind::Person => person_by_surname(index, name),
        EntityKind::Place => similar_place(index, &rkey),
        _ => Ok(None),
    }
}

/// A surname-only name links to the one known person with that surname; a full name
/// links to the one person with that surname whose given name agrees (or who is known by
/// surname only, whose name then becomes the full one).
fn person_by_surname<I: EntityIndex>(index: &mut I, name: &str) -> Result<Option<Id>, I::Error> {
    let Some(p) = person_key(name) else {
        return Ok(None);
    };
    let candidates = index.people_named(&p.surname)?;
    let Some(given) = &p.given else {
        return Ok(match candidates.as_slice() {
            [one] => Some(one.id),
            _ => None,
        });
    };
    let agreeing: Vec<&KnownPerson> = candidates
        .iter()
        .filter(|c| {
            c.given
                .as_deref()
                .is_none_or(|g| given_names_agree(g, given))
        })
        .collect();
    // "Herrera Vidal" and "Lucía Herrera Vidal": a surname of two words, the shorter name
    // the end of the longer
    let ending: Vec<&KnownPerson> = candidates
        .iter()
        .filter(|c| person_key(&c.name).is_some_and(|k| one_ends_the_other(&k.full, &p.full)))
        .collect();
    let known = match (agreeing.as_slice(), ending.as_slice()) {
        ([one], _) | ([], [one]) => *one,
        _ => return Ok(None),
    };
    let longer = person_key(&known.name).is_some_and(|k| p.full.len() > k.full.len());
    if known.given.is_none() || (longer && !agreeing.iter().any(|a| a.id == known.id)) {
        // known by surname only until now: the full name becomes its name
        index.rename_person(known.id, name.trim(), given)?;
    }
    Ok(Some(known.id))
}

/// Whether the shorter of two full-name keys, of two words or more, ends the longer.
fn one_ends_the_other(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    short.contains(' ') && long.ends_with(&format!(" {short}"))
}

/// A place whose key is one edit away from this one (same class, long enough): a
/// spelling the transliteration rules missed. The most mentioned wins.
fn similar_place<I: EntityIndex>(index: &mut I, rkey: &str) -> Result<Option<Id>, I::Error> {
    let Some((lo, hi)) = prefix_range(rkey, 3) else {
        return Ok(None);
    };
    Ok(index
        .place_keys_between(&lo, &hi, SIMILAR_CANDIDATES)?
        .into_iter()
        .find(|(_, other)| places_agree(rkey, other))
        .map(|(id, _)| id))
}

/// The half-open key range of every key starting with the first `n` chars of `key`.
pub fn prefix_range(key: &str, n: usize) -> Option<(String, String)> {
    let lo: String = key.chars().take(n).collect();
    if lo.chars().count() < n {
        return None;
    }
    let mut hi = lo.clone();
    let last = hi.pop()?;
    hi.push(char::from_u32(last as u32 + 1)?);
    Some((lo, hi))
}
