//! Corroboration and conflict links, made as each article is written: every new claim is
//! compared with the claims of other articles that share its rarest tokens and is linked
//! as conflicting to those that give another value for the same thing (rules in
//! `corroborate.rs`); the new claims, their closest matches and those matches' facts are
//! then grouped into facts again (`cluster.rs`).
//!
//! Which claims hold a token, and how many, is kept in memory by the writer
//! ([`LinkIndex`]): finding candidates is then a few hash lookups per claim instead of
//! hundreds of index probes, which is what bulk ingest spent most of its time on. The
//! index is built from `claims.signature` on the first write and caught up at the start
//! of every write transaction with the claims other connections wrote since.

// Fixed-seed hashing: iteration order must not differ between processes, or the same
// articles could make different facts.
use claimgraph_model::{FnvMap as HashMap, FnvSet as HashSet};
use rusqlite::params;

use crate::read::json_array;
use crate::token_index::LinkIndex;
use crate::writer::Writer;
use crate::{Id, StoreError};
use claimgraph_graph::cluster::{average_linkage, SAME_FACT};
use claimgraph_graph::corroborate::{Profile, Signature, CORROBORATES};

/// A link row, the smaller claim id first.
fn link(x: Id, y: Id, kind: &'static str, score: f64) -> (Id, Id, &'static str, f64) {
    (x.min(y), x.max(y), kind, score)
}

/// Least similarity of a pair that counts towards grouping claims into facts; weaker
/// pairs count as 0.
const PAIR_MIN: f64 = 0.1;
/// Most similar claims of other articles each new claim brings into its neighbourhood.
const NEIGHBOURS: usize = 10;
/// Largest fact regrouped when a new claim comes near it; larger ones are kept whole.
const LOCAL_FACT_MAX: usize = 64;
/// Most claims regrouped at once (their pairs are all compared).
const LOCAL_MAX: usize = 200;
/// Most conflict links a new claim makes (its closest disagreements).
const MAX_CONFLICTS: usize = 5;

/// The claims an article's new claims are regrouped with (see `Writer::regroup`).
#[derive(Debug, Default)]
struct Neighbourhood {
    /// The new claims, then the others.
    claims: Vec<Id>,
    /// The fact of each neighbour that has one.
    fact_of: HashMap<Id, Id>,
    /// Facts kept whole.
    big: HashSet<Id>,
    /// Facts whose claims are all in `claims`, to be regrouped.
    dissolved: HashSet<Id>,
    /// The fact each claim of a dissolved fact had.
    before: HashMap<Id, Id>,
}

/// Every pair of a neighbourhood's claims from different articles, compared once.
#[derive(Debug, Default)]
struct LocalPairs {
    /// The claims compared (those whose profile is known), by position.
    claims: Vec<Id>,
    articles: Vec<Id>,
    /// (i, j, similarity) of the pairs scoring at least [`PAIR_MIN`].
    pairs: Vec<(usize, usize, f64)>,
    /// Pairs that conflict.
    apart: Vec<(usize, usize)>,
}

impl LinkIndex {
    /// Compares every pair of the new claims (`own`, of `article`) and the `others`. A new
    /// claim is compared as the linker compared it with its candidates (it first, same
    /// weights), so the pairs it linked as conflicting are found apart here again.
    fn local_pairs(
        &self,
        article: Id,
        own_ids: &[Id],
        own: &[Profile],
        others: &[Id],
    ) -> LocalPairs {
        let ln_n = (self.claims.max(1) as f64).ln_1p();
        let weight = |t: u32| self.weight(t, ln_n);
        let mut profiles: Vec<&Profile> = own.iter().collect();
        let mut local = LocalPairs {
            claims: own_ids.to_vec(),
            articles: vec![article; own.len()],
            ..LocalPairs::default()
        };
        for id in others {
            if let Some(c) = self.cached(*id) {
                profiles.push(&c.profile);
                local.articles.push(c.article);
                local.claims.push(*id);
            }
        }
        let norms: Vec<f64> = profiles.iter().map(|p| p.norm(&weight)).collect();
        let n = local.claims.len();
        for i in 0..n {
            for j in (i + 1)..n {
                if local.articles[i] == local.articles[j] {
                    continue;
                }
                let cmp = profiles[i].compare_normed(profiles[j], &weight, (norms[i], norms[j]));
                if cmp.conflicts {
                    local.apart.push((i, j));
                } else if cmp.score >= PAIR_MIN {
                    local.pairs.push((i, j, cmp.score));
                }
            }
        }
        local
    }
}

impl Writer<'_> {
    /// Links the claims just written for `article`, regroups the facts around them and
    /// indexes them for later articles.
    pub(crate) fn link_claims(
        &mut self,
        article: Id,
        claims: &[(Id, Signature)],
    ) -> Result<(), StoreError> {
        if claims.is_empty() {
            return Ok(());
        }
        let indexed: Vec<Vec<String>> = claims.iter().map(|(_, s)| s.index_tokens()).collect();
        let found: Vec<Vec<Id>> = indexed.iter().map(|t| self.index.candidates(t)).collect();
        let mut all: Vec<Id> = found.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        self.index.load(self.conn, &all)?;
        let own: Vec<Profile> = claims.iter().map(|(_, s)| self.index.profile(s)).collect();
        let mut links: Vec<(Id, Id, &str, f64)> = Vec::new();
        // per new claim: its most similar claims of other articles, best first
        let mut near: Vec<Vec<(f64, Id)>> = Vec::with_capacity(claims.len());
        {
            let index = &*self.index;
            let ln_n = (index.claims.max(1) as f64).ln_1p();
            let weight = |t: u32| index.weight(t, ln_n);
            for (((claim, _), ids), own) in claims.iter().zip(&found).zip(&own) {
                let mut similar: Vec<(f64, Id)> = Vec::new();
                let mut disputed: Vec<(f64, Id)> = Vec::new();
                for &id in ids {
                    let Some(c) = index.cached(id).filter(|c| c.article != article) else {
                        continue;
                    };
                    let cmp = own.compare(&c.profile, &weight);
                    // Claims that disagree on a figure report two versions, not one fact.
                    if cmp.conflicts {
                        disputed.push((cmp.text, id));
                    } else if cmp.score >= PAIR_MIN {
                        similar.push((cmp.score, id));
                    }
                }
                // The closest disagreements only: templated copy would link every pair.
                disputed.sort_by(|a, b| b.0.total_cmp(&a.0));
                for (s, id) in disputed.into_iter().take(MAX_CONFLICTS) {
                    links.push(link(*claim, id, "conflicts", s));
                }
                similar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                similar.truncate(NEIGHBOURS);
                near.push(similar);
            }
        }
        let own_ids: Vec<Id> = claims.iter().map(|(id, _)| *id).collect();
        let facts = self.regroup(article, &own_ids, &own, &near)?;
        for ((claim, _), similar) in claims.iter().zip(&near) {
            // the corroborating link: the claim's closest match in its fact
            let Some(fact) = facts.get(claim) else {
                continue;
            };
            if let Some((score, other)) = similar.iter().find(|(_, o)| facts.get(o) == Some(fact)) {
                links.push(link(*claim, *other, "corroborates", *score));
            }
        }
        self.write_links(&links)?;
        self.store_signatures(claims)?;
        for (((id, _), tokens), profile) in claims.iter().zip(&indexed).zip(own) {
            self.index.add_indexed(*id, article, tokens, profile);
        }
        Ok(())
    }

    /// Regroups into facts the new claims, their neighbours and the other claims of the
    /// neighbours' facts, by average linkage (`cluster.rs`). A fact larger than
    /// [`LOCAL_FACT_MAX`] is kept as it is (templated copy makes facts of thousands): a new
    /// claim joins it when its best match is there. Returns the fact of each claim of the
    /// neighbourhood that has one afterwards.
    fn regroup(
        &mut self,
        article: Id,
        own_ids: &[Id],
        own: &[Profile],
        near: &[Vec<(f64, Id)>],
    ) -> Result<HashMap<Id, Id>, StoreError> {
        let hood = self.neighbourhood(own_ids, near)?;
        let others = &hood.claims[own_ids.len()..];
        self.index.load(self.conn, others)?;
        let local = self.index.local_pairs(article, own_ids, own, others);
        let groups = average_linkage(&local.articles, &local.pairs, &local.apart, SAME_FACT);
        let groups: Vec<Vec<Id>> = groups
            .into_iter()
            .map(|g| g.into_iter().map(|i| local.claims[i]).collect())
            .collect();
        self.apply_groups(&groups, &local.claims, &hood, own_ids, near)
    }

    /// The claims to regroup with an article's new claims (listed first): its neighbours
    /// and every claim of their facts, but for large facts, at most [`LOCAL_MAX`].
    fn neighbourhood(
        &mut self,
        own_ids: &[Id],
        near: &[Vec<(f64, Id)>],
    ) -> Result<Neighbourhood, StoreError> {
        let neighbours: Vec<Id> = {
            let mut v: Vec<Id> = near.iter().flatten().map(|(_, id)| *id).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let fact_of = self.facts_of(&neighbours)?;
        let mut big: HashSet<Id> = HashSet::default();
        let mut small: HashSet<Id> = HashSet::default();
        for f in fact_of.values() {
            if big.contains(f) || small.contains(f) {
                continue;
            }
            let size: i64 = self
                .conn
                .prepare_cached("SELECT size FROM facts WHERE id = ?1")?
                .query_row([*f], |r| r.get(0))?;
            if usize::try_from(size).unwrap_or(usize::MAX) > LOCAL_FACT_MAX {
                big.insert(*f);
            } else {
                small.insert(*f);
            }
        }
        let mut hood = Neighbourhood {
            claims: own_ids.to_vec(),
            fact_of,
            big,
            ..Neighbourhood::default()
        };
        let mut seen: HashSet<Id> = own_ids.iter().copied().collect();
        for (_, id) in near.iter().flatten() {
            let fact = hood.fact_of.get(id).copied();
            if fact.is_some_and(|f| hood.big.contains(&f)) || seen.contains(id) {
                continue;
            }
            let members = match fact {
                Some(f) if !hood.dissolved.contains(&f) => self.members_of(f)?,
                Some(_) => continue,
                None => vec![*id],
            };
            if hood.claims.len() + members.len() > LOCAL_MAX {
                continue;
            }
            if let Some(f) = fact {
                hood.dissolved.insert(f);
            }
            for m in members {
                if let Some(f) = fact {
                    hood.before.insert(m, f);
                }
                if seen.insert(m) {
                    hood.claims.push(m);
                }
            }
        }
        Ok(hood)
    }

    /// Stores the groups as facts (each keeps the old fact most of its claims had, if no
    /// larger group took it), joins the new claims no group took to a large fact their
    /// best match is in, and sets the size of every fact touched.
    fn apply_groups(
        &mut self,
        groups: &[Vec<Id>],
        claims: &[Id],
        hood: &Neighbourhood,
        own_ids: &[Id],
        near: &[Vec<(f64, Id)>],
    ) -> Result<HashMap<Id, Id>, StoreError> {
        let mut after: HashMap<Id, Id> = HashMap::default();
        let mut taken: HashSet<Id> = HashSet::default();
        let mut touched: HashSet<Id> = hood.dissolved.clone();
        for group in groups {
            let mut votes: HashMap<Id, usize> = HashMap::default();
            for f in group.iter().filter_map(|id| hood.before.get(id)) {
                *votes.entry(*f).or_default() += 1;
            }
            let mut ranked: Vec<(Id, usize)> = votes.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let fact = match ranked
                .into_iter()
                .map(|(f, _)| f)
                .find(|f| !taken.contains(f))
            {
                Some(f) => f,
                None => self
                    .conn
                    .prepare_cached("INSERT INTO facts (size) VALUES (0) RETURNING id")?
                    .query_row([], |r| r.get(0))?,
            };
            taken.insert(fact);
            touched.insert(fact);
            for id in group {
                after.insert(*id, fact);
            }
        }
        for (claim, similar) in own_ids.iter().zip(near) {
            if after.contains_key(claim) {
                continue;
            }
            let Some((score, best)) = similar.first() else {
                continue;
            };
            if let Some(f) = hood.fact_of.get(best).filter(|f| hood.big.contains(f)) {
                if *score >= CORROBORATES {
                    after.insert(*claim, *f);
                    after.insert(*best, *f);
                    touched.insert(*f);
                }
            }
        }
        for id in claims {
            let now = after.get(id).copied();
            if hood.before.get(id).copied() != now {
                self.conn
                    .prepare_cached("UPDATE claims SET fact_id = ?1 WHERE id = ?2")?
                    .execute(params![now, id])?;
            }
        }
        let mut touched: Vec<Id> = touched.into_iter().collect();
        touched.sort_unstable();
        for f in touched {
            self.resize_fact(f)?;
        }
        Ok(after)
    }

    /// The facts of `ids` that have one.
    fn facts_of(&mut self, ids: &[Id]) -> Result<HashMap<Id, Id>, StoreError> {
        let mut out = HashMap::default();
        if ids.is_empty() {
            return Ok(out);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, fact_id FROM claims
             WHERE id IN (SELECT value FROM json_each(?1)) AND fact_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([json_array(ids)])?;
        while let Some(row) = rows.next()? {
            out.insert(row.get(0)?, row.get(1)?);
        }
        Ok(out)
    }

    fn members_of(&mut self, fact: Id) -> Result<Vec<Id>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM claims WHERE fact_id = ?1 ORDER BY id")?;
        let ids = stmt
            .query_map([fact], |r| r.get(0))?
            .collect::<Result<Vec<Id>, _>>()?;
        Ok(ids)
    }

    /// Sets a fact's size from its claims, and deletes it once it has none.
    fn resize_fact(&mut self, fact: Id) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE facts SET size = (SELECT count(*) FROM claims WHERE fact_id = ?1)
                 WHERE id = ?1",
            )?
            .execute([fact])?;
        self.conn
            .prepare_cached("DELETE FROM facts WHERE id = ?1 AND size = 0")?
            .execute([fact])?;
        Ok(())
    }

    /// Writes an article's links in one statement.
    fn write_links(&mut self, links: &[(Id, Id, &str, f64)]) -> Result<(), StoreError> {
        if links.is_empty() {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO claim_links (a, b, kind, score)
                 SELECT value ->> '$[0]', value ->> '$[1]', value ->> '$[2]', value ->> '$[3]'
                 FROM json_each(?1)",
            )?
            .execute([json_array(&links)])?;
        Ok(())
    }

    /// Stores the claims' signatures, which later connections index from.
    fn store_signatures(&mut self, claims: &[(Id, Signature)]) -> Result<(), StoreError> {
        let signatures: Vec<(Id, String)> =
            claims.iter().map(|(id, s)| (*id, s.stored())).collect();
        self.conn
            .prepare_cached(
                "UPDATE claims SET signature = s.value ->> '$[1]'
                 FROM json_each(?1) s WHERE claims.id = s.value ->> '$[0]'",
            )?
            .execute([json_array(&signatures)])?;
        Ok(())
    }
}
