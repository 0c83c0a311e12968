//! Entities kept in memory: the [`EntityIndex`] resolution's rules are tested on, with
//! the same answers the store gives (most mentioned first, then the lowest id).

use std::convert::Infallible;

use claimgraph_model::EntityKind;

use super::{AliasKey, EntityIndex, KnownPerson, SAME_SURNAME};
use crate::canon::{fold, person_key, resolve_key};
use crate::Id;

/// One stored entity.
#[derive(Debug, Clone)]
struct Entity {
    kind: EntityKind,
    name: String,
    key: String,
    surname: Option<String>,
    given: Option<String>,
    mentions: i64,
}

/// One stored spelling of an entity, with its exact and resolution keys.
#[derive(Debug, Clone)]
struct Alias {
    entity: Id,
    key: String,
    rkey: String,
}

/// Entities, aliases and recorded decisions in memory; ids count from 1.
#[derive(Debug, Default, Clone)]
pub struct MemoryEntities {
    entities: Vec<Entity>,
    aliases: Vec<Alias>,
    recorded: Vec<(EntityKind, String, Id)>,
}

impl MemoryEntities {
    /// An analyst's decision that `name` of this kind is `entity`.
    pub fn record(&mut self, kind: EntityKind, name: &str, entity: Id) {
        self.recorded.push((kind, fold(name), entity));
    }

    /// Counts a mention of `entity`: the most mentioned entity wins a shared alias.
    pub fn mention(&mut self, entity: Id) {
        if let Some(e) = self.entity_mut(entity) {
            e.mentions += 1;
        }
    }

    /// The name `entity` is stored under.
    pub fn name(&self, entity: Id) -> Option<&str> {
        self.entity(entity).map(|e| e.name.as_str())
    }

    /// How many entities are stored.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    fn entity(&self, id: Id) -> Option<&Entity> {
        usize::try_from(id - 1)
            .ok()
            .and_then(|i| self.entities.get(i))
    }

    fn entity_mut(&mut self, id: Id) -> Option<&mut Entity> {
        usize::try_from(id - 1)
            .ok()
            .and_then(|i| self.entities.get_mut(i))
    }

    /// Ids of entities of `kind`, the most mentioned first, then the lowest id.
    fn ranked<'a>(&'a self, kind: EntityKind, ids: impl Iterator<Item = Id> + 'a) -> Vec<Id> {
        let mut out: Vec<Id> = ids
            .filter(|&id| self.entity(id).is_some_and(|e| e.kind == kind))
            .collect();
        out.sort_by_key(|&id| (-self.entity(id).map_or(0, |e| e.mentions), id));
        out.dedup();
        out
    }
}

impl EntityIndex for MemoryEntities {
    type Error = Infallible;

    fn recorded(&mut self, kind: EntityKind, key: &str) -> Result<Option<Id>, Infallible> {
        Ok(self
            .recorded
            .iter()
            .find(|(k, n, _)| *k == kind && n == key)
            .map(|r| r.2))
    }

    fn alias_owner(
        &mut self,
        kind: EntityKind,
        which: AliasKey,
        key: &str,
    ) -> Result<Option<Id>, Infallible> {
        let owners = self.aliases.iter().filter(|a| match which {
            AliasKey::Exact => a.key == key,
            AliasKey::Resolution => a.rkey == key,
        });
        Ok(self.ranked(kind, owners.map(|a| a.entity)).first().copied())
    }

    fn people_named(&mut self, surname: &str) -> Result<Vec<KnownPerson>, Infallible> {
        Ok((1..)
            .zip(&self.entities)
            .filter(|(_, e)| e.kind == EntityKind::Person && e.surname.as_deref() == Some(surname))
            .take(SAME_SURNAME)
            .map(|(id, e)| KnownPerson {
                id,
                given: e.given.clone(),
                name: e.name.clone(),
            })
            .collect())
    }

    fn place_keys_between(
        &mut self,
        lo: &str,
        hi: &str,
        limit: usize,
    ) -> Result<Vec<(Id, String)>, Infallible> {
        let within: Vec<&Alias> = self
            .aliases
            .iter()
            .filter(|a| a.rkey.as_str() >= lo && a.rkey.as_str() < hi)
            .collect();
        let ranked = self.ranked(EntityKind::Place, within.iter().map(|a| a.entity));
        Ok(ranked
            .into_iter()
            .flat_map(|id| {
                within
                    .iter()
                    .filter(move |a| a.entity == id)
                    .map(move |a| (id, a.rkey.clone()))
            })
            .take(limit)
            .collect())
    }

    fn rename_person(&mut self, id: Id, name: &str, given: &str) -> Result<(), Infallible> {
        if let Some(e) = self.entity_mut(id) {
            e.name = name.to_string();
            e.key = fold(name);
            e.given = Some(given.to_string());
        }
        Ok(())
    }

    fn create(&mut self, kind: EntityKind, name: &str, key: &str) -> Result<Id, Infallible> {
        if let Some(i) = self
            .entities
            .iter()
            .position(|e| e.kind == kind && e.key == key)
        {
            return Ok(i as Id + 1);
        }
        let person = (kind == EntityKind::Person)
            .then(|| person_key(name))
            .flatten();
        self.entities.push(Entity {
            kind,
            name: name.to_string(),
            key: key.to_string(),
            surname: person.as_ref().map(|p| p.surname.clone()),
            given: person.and_then(|p| p.given),
            mentions: 0,
        });
        Ok(self.entities.len() as Id)
    }

    fn add_alias(&mut self, kind: EntityKind, entity: Id, alias: &str) -> Result<(), Infallible> {
        let key = fold(alias);
        if !self
            .aliases
            .iter()
            .any(|a| a.entity == entity && a.key == key)
        {
            self.aliases.push(Alias {
                entity,
                key,
                rkey: resolve_key(kind, alias),
            });
        }
        Ok(())
    }
}
