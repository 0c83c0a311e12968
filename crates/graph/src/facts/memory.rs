//! Claims and facts kept in memory: the [`FactStore`] the fact rules are tested on.

use std::collections::BTreeMap;
use std::convert::Infallible;

use claimgraph_model::FnvMap as HashMap;

use super::{FactStore, Link};
use crate::corroborate::Signature;
use crate::Id;

/// One stored claim: its article, its fact and its signature once stored.
#[derive(Debug, Clone, Default)]
struct StoredClaim {
    article: Id,
    fact: Option<Id>,
    signature: Option<Signature>,
}

/// Claims, facts and links in memory; fact ids count from 1.
#[derive(Debug, Default, Clone)]
pub struct MemoryFacts {
    claims: BTreeMap<Id, StoredClaim>,
    /// Fact → size, as last resized.
    facts: BTreeMap<Id, usize>,
    next_fact: Id,
    links: Vec<Link>,
}

impl MemoryFacts {
    /// A claim of `article` written (before its facts are made).
    pub fn add_claim(&mut self, claim: Id, article: Id) {
        self.claims.entry(claim).or_default().article = article;
    }

    /// The fact a claim is in.
    pub fn fact_of(&self, claim: Id) -> Option<Id> {
        self.claims.get(&claim).and_then(|c| c.fact)
    }

    /// The facts that exist, with their sizes.
    pub fn facts(&self) -> &BTreeMap<Id, usize> {
        &self.facts
    }

    /// Every link written, in order.
    pub fn links(&self) -> &[Link] {
        &self.links
    }
}

impl FactStore for MemoryFacts {
    type Error = Infallible;

    fn signatures(&mut self, ids: &[Id]) -> Result<Vec<(Id, Id, Signature)>, Infallible> {
        Ok(ids
            .iter()
            .filter_map(|id| {
                let c = self.claims.get(id)?;
                Some((*id, c.article, c.signature.clone().unwrap_or_default()))
            })
            .collect())
    }

    fn facts_of(&mut self, ids: &[Id]) -> Result<HashMap<Id, Id>, Infallible> {
        Ok(ids
            .iter()
            .filter_map(|id| Some((*id, self.fact_of(*id)?)))
            .collect())
    }

    fn fact_sizes(&mut self, facts: &[Id]) -> Result<HashMap<Id, usize>, Infallible> {
        Ok(facts
            .iter()
            .filter_map(|f| Some((*f, *self.facts.get(f)?)))
            .collect())
    }

    fn members_of(&mut self, facts: &[Id]) -> Result<HashMap<Id, Vec<Id>>, Infallible> {
        let mut out: HashMap<Id, Vec<Id>> = HashMap::default();
        for (id, c) in &self.claims {
            if let Some(f) = c.fact.filter(|f| facts.contains(f)) {
                out.entry(f).or_default().push(*id);
            }
        }
        Ok(out)
    }

    fn new_fact(&mut self) -> Result<Id, Infallible> {
        self.next_fact += 1;
        self.facts.insert(self.next_fact, 0);
        Ok(self.next_fact)
    }

    fn set_facts(&mut self, changes: &[(Id, Option<Id>)]) -> Result<(), Infallible> {
        for (claim, fact) in changes {
            self.claims.entry(*claim).or_default().fact = *fact;
        }
        Ok(())
    }

    fn resize_facts(&mut self, facts: &[Id]) -> Result<(), Infallible> {
        for fact in facts {
            let size = self
                .claims
                .values()
                .filter(|c| c.fact == Some(*fact))
                .count();
            if size == 0 {
                self.facts.remove(fact);
            } else {
                self.facts.insert(*fact, size);
            }
        }
        Ok(())
    }

    fn write_links(&mut self, links: &[Link]) -> Result<(), Infallible> {
        for l in links {
            if !self
                .links
                .iter()
                .any(|k| (k.0, k.1, k.2) == (l.0, l.1, l.2))
            {
                self.links.push(*l);
            }
        }
        Ok(())
    }

    fn store_signatures(&mut self, claims: &[(Id, Signature)]) -> Result<(), Infallible> {
        for (id, s) in claims {
            self.claims.entry(*id).or_default().signature = Some(s.clone());
        }
        Ok(())
    }
}
