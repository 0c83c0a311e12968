//! Facts and conflicts, made as each article is written: every new claim is compared with
//! the claims of other articles that share its rarest tokens ([`TokenIndex`]) and linked as
//! conflicting to those that give another value for the same thing (rules in
//! [`crate::corroborate`]); the new claims, their closest matches and those matches' facts
//! are then grouped into facts again ([`crate::cluster`]).
//!
//! The rules are here; what is stored is asked and written through [`FactStore`], which
//! the store implements in its write transaction and [`MemoryFacts`] in memory.

mod index;
mod memory;
#[cfg(test)]
mod tests;

// Fixed-seed hashing: iteration order must not differ between processes, or the same
// articles could make different facts.
use claimgraph_model::{FnvMap as HashMap, FnvSet as HashSet};

use crate::cluster::{average_linkage, SAME_FACT};
use crate::corroborate::{one_story, Profile, Signature, CORROBORATES};
use crate::{parallel, Id};

pub use index::{TokenIndex, MAX_CANDIDATES, PER_TOKEN, READ_BACK_CLAIMS, SEED_TOKENS};
pub use memory::MemoryFacts;

/// A link between two claims as stored: (smaller claim id, larger claim id, kind, score).
/// The linker makes `"conflicts"` links only: claims that corroborate each other share a
/// fact.
pub type Link = (Id, Id, &'static str, f64);

/// What making facts asks of the stored claims and facts, and the writes it makes.
pub trait FactStore {
    type Error;
    /// (claim, article, signature) of those of `ids` that are stored.
    fn signatures(&mut self, ids: &[Id]) -> Result<Vec<(Id, Id, Signature)>, Self::Error>;
    /// The fact of each of `ids` that has one.
    fn facts_of(&mut self, ids: &[Id]) -> Result<HashMap<Id, Id>, Self::Error>;
    /// How many claims each of `facts` holds (a fact not stored holds none). Asked for
    /// all facts at once, as are the calls below: on a database server each request is a
    /// round trip.
    fn fact_sizes(&mut self, facts: &[Id]) -> Result<HashMap<Id, usize>, Self::Error>;
    /// The claims of each of `facts`, by id.
    fn members_of(&mut self, facts: &[Id]) -> Result<HashMap<Id, Vec<Id>>, Self::Error>;
    /// A new, empty fact.
    fn new_fact(&mut self) -> Result<Id, Self::Error>;
    /// Puts each claim in its fact, or in none, in the order given.
    fn set_facts(&mut self, changes: &[(Id, Option<Id>)]) -> Result<(), Self::Error>;
    /// Sets each fact's size from its claims, and deletes those left with none.
    fn resize_facts(&mut self, facts: &[Id]) -> Result<(), Self::Error>;
    /// Stores an article's links (a link stored already is kept as it is).
    fn write_links(&mut self, links: &[Link]) -> Result<(), Self::Error>;
    /// Stores the claims' signatures, which later indexes are built from.
    fn store_signatures(&mut self, claims: &[(Id, Signature)]) -> Result<(), Self::Error>;
}

/// Reads into the index's cache the profiles of `ids` it lacks, in one request.
fn load<S: FactStore>(store: &mut S, index: &mut TokenIndex, ids: &[Id]) -> Result<(), S::Error> {
    let missing = index.missing(ids);
    if missing.is_empty() {
        return Ok(());
    }
    for (id, article, signature) in store.signatures(&missing)? {
        index.cache(id, article, &signature);
    }
    Ok(())
}

/// A link row, the smaller claim id first.
fn link(x: Id, y: Id, kind: &'static str, score: f64) -> Link {
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
/// Most conflict links a new claim makes: its closest disagreement. The reads widen a
/// link to both claims' facts, so one link per claim finds every claim of a disputed
/// fact; at five, templated copy stored ≈ 214 links per article (BENCHMARKS.md).
const MAX_CONFLICTS: usize = 1;

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

/// A new claim's matches among its candidates: (score, claim) of the most similar, best
/// first, and of the closest it disagrees with.
type Matches = (Vec<(f64, Id)>, Vec<(f64, Id)>);

/// The comparisons of claim `i` of a neighbourhood with the claims after it.
#[derive(Debug, Default)]
struct PairRow {
    /// `j` of the pairs that conflict.
    apart: Vec<usize>,
    /// (j, similarity, whether the pair witnesses a fact) of the similar pairs.
    pairs: Vec<(usize, f64, bool)>,
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
    /// Pairs that alone show one fact ([`crate::corroborate::Comparison::witnesses`]).
    witnessed: HashSet<(usize, usize)>,
}

impl LocalPairs {
    /// Facts by average linkage of all similar pairs, each kept to its witnessed part;
    /// the claims left out are grouped again by their witnessed pairs alone, so a claim a
    /// merely similar group drew in can still join the fact it witnesses.
    fn witnessed_groups(&self) -> Vec<Vec<usize>> {
        let first = average_linkage(&self.articles, &self.pairs, &self.apart, SAME_FACT);
        let mut groups: Vec<Vec<usize>> = first
            .into_iter()
            .filter_map(|g| self.witnessed_part(g))
            .collect();
        let grouped: HashSet<usize> = groups.iter().flatten().copied().collect();
        let left = |i: &usize| !grouped.contains(i);
        let witnessed: Vec<(usize, usize, f64)> = self
            .pairs
            .iter()
            .filter(|&&(i, j, _)| left(&i) && left(&j) && self.is_witnessed(i, j))
            .copied()
            .collect();
        let again = average_linkage(&self.articles, &witnessed, &self.apart, SAME_FACT);
        groups.extend(again.into_iter().filter_map(|g| self.witnessed_part(g)));
        groups
    }

    /// Whether claims `x` and `y` (by position, in either order) witness one fact.
    fn is_witnessed(&self, x: usize, y: usize) -> bool {
        self.witnessed.contains(&(x.min(y), x.max(y)))
    }

    /// The members of a group that each have a witnessing pair with another member (of
    /// another article), found again after each removal; `None` when fewer than two
    /// articles remain.
    fn witnessed_part(&self, mut group: Vec<usize>) -> Option<Vec<usize>> {
        loop {
            let before = group.len();
            let kept: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&x| group.iter().any(|&y| self.is_witnessed(x, y)))
                .collect();
            group = kept;
            if group.len() == before {
                break;
            }
        }
        let first = group.first().map(|&i| self.articles[i])?;
        group
            .iter()
            .any(|&i| self.articles[i] != first)
            .then_some(group)
    }
}

impl TokenIndex {
    /// For each new claim (`own`, of `article`) and its `found` candidates: its most
    /// similar claims of other articles, best first (at most [`NEIGHBOURS`]), and the
    /// closest ones it disagrees with (at most [`MAX_CONFLICTS`]), as (score, claim).
    fn matches(&self, article: Id, own: &[Profile], found: &[Vec<Id>]) -> Vec<Matches> {
        let weight = self.weights();
        let own_story = self.story(article);
        parallel::map_rows(own.len(), |i| {
            let (own, ids) = (&own[i], &found[i]);
            let own_norm = own.norm(&weight);
            let mut similar: Vec<(f64, Id)> = Vec::new();
            let mut disputed: Vec<(f64, Id)> = Vec::new();
            for &id in ids {
                let Some(c) = self.cached(id).filter(|c| {
                    c.article != article && one_story(own_story, self.story(c.article))
                }) else {
                    continue;
                };
                let norms = (own_norm, c.profile.norm(&weight));
                let cmp = own.compare_normed(&c.profile, &weight, norms);
                // Claims that disagree on a figure report two versions, not one fact.
                if cmp.conflicts {
                    disputed.push((cmp.text, id));
                } else if cmp.score >= PAIR_MIN {
                    similar.push((cmp.score, id));
                }
            }
            // The closest disagreements only: templated copy would link every pair.
            disputed.sort_by(|a, b| b.0.total_cmp(&a.0));
            disputed.truncate(MAX_CONFLICTS);
            similar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            similar.truncate(NEIGHBOURS);
            (similar, disputed)
        })
    }

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
        let weight = self.weights();
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
        // each claim's article's story, looked up once rather than for every pair
        let stories: Vec<&[u32]> = local.articles.iter().map(|a| self.story(*a)).collect();
        let n = local.claims.len();
        let articles = &local.articles;
        let rows = parallel::map_rows(n, |i| {
            let mut row = PairRow::default();
            for j in (i + 1)..n {
                if articles[i] == articles[j] || !one_story(stories[i], stories[j]) {
                    continue;
                }
                let cmp = profiles[i].compare_normed(profiles[j], &weight, (norms[i], norms[j]));
                if cmp.conflicts || cmp.other_figures {
                    row.apart.push(j);
                } else if cmp.score >= PAIR_MIN {
                    row.pairs.push((j, cmp.score, cmp.witnesses));
                }
            }
            row
        });
        for (i, row) in rows.into_iter().enumerate() {
            local.apart.extend(row.apart.into_iter().map(|j| (i, j)));
            for (j, score, witnesses) in row.pairs {
                local.pairs.push((i, j, score));
                if witnesses {
                    local.witnessed.insert((i, j));
                }
            }
        }
        local
    }
}

/// Links the claims just written for `article`, regroups the facts around them and
/// indexes them for later articles.
pub fn link_claims<S: FactStore>(
    store: &mut S,
    index: &mut TokenIndex,
    article: Id,
    claims: &[(Id, Signature)],
) -> Result<(), S::Error> {
    if claims.is_empty() {
        return Ok(());
    }
    index.age_read_back();
    let indexed: Vec<Vec<String>> = claims.iter().map(|(_, s)| s.index_tokens()).collect();
    let found: Vec<Vec<Id>> = indexed.iter().map(|t| index.candidates(t)).collect();
    let mut all: Vec<Id> = found.iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    load(store, index, &all)?;
    let own: Vec<Profile> = claims.iter().map(|(_, s)| index.profile(s)).collect();
    index.note_story(article, &own);
    // (new claim, claim it disputes, score): linked once the facts are regrouped
    let mut disputes: Vec<(Id, Id, f64)> = Vec::new();
    // per new claim: its most similar claims of other articles, best first
    let mut near: Vec<Vec<(f64, Id)>> = Vec::with_capacity(claims.len());
    for ((claim, _), (similar, disputed)) in claims.iter().zip(index.matches(article, &own, &found))
    {
        for (s, id) in disputed {
            disputes.push((*claim, id, s));
        }
        near.push(similar);
    }
    let own_ids: Vec<Id> = claims.iter().map(|(id, _)| *id).collect();
    let facts = regroup(store, index, article, &own_ids, &own, &near)?;
    // corroboration is membership of one fact, stored as the claims' fact: a link per
    // claim would go stale as later articles regroup the facts
    let links = conflicts_between_facts(store, &facts, disputes)?;
    store.write_links(&links)?;
    store.store_signatures(claims)?;
    for (((id, _), tokens), profile) in claims.iter().zip(&indexed).zip(own) {
        index.add_indexed(*id, article, tokens, profile);
    }
    Ok(())
}

/// What a claim reports, for telling conflicts apart: its fact, or the claim alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Reported {
    Fact(Id),
    Claim(Id),
}

/// The conflict links of an article's disputes, one per pair of what the two sides report:
/// a conflict holds between facts (every claim of the one's fact conflicts with every
/// claim of the other's, as the reads say), so a second link between the same two facts
/// adds nothing. The best-scored dispute of each pair is kept.
fn conflicts_between_facts<S: FactStore>(
    store: &mut S,
    facts: &HashMap<Id, Id>,
    mut disputes: Vec<(Id, Id, f64)>,
) -> Result<Vec<Link>, S::Error> {
    let others: Vec<Id> = {
        let mut v: Vec<Id> = disputes
            .iter()
            .map(|d| d.1)
            .filter(|id| !facts.contains_key(id))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let stored = store.facts_of(&others)?;
    let reported = |id: Id| match facts.get(&id).or_else(|| stored.get(&id)) {
        Some(f) => Reported::Fact(*f),
        None => Reported::Claim(id),
    };
    disputes.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut seen: HashSet<(Reported, Reported)> = HashSet::default();
    Ok(disputes
        .into_iter()
        .filter(|&(claim, other, _)| seen.insert((reported(claim), reported(other))))
        .map(|(claim, other, score)| link(claim, other, "conflicts", score))
        .collect())
}

/// Regroups into facts the new claims, their neighbours and the other claims of the
/// neighbours' facts, by average linkage (`cluster.rs`). A fact larger than
/// [`LOCAL_FACT_MAX`] is kept as it is (templated copy makes facts of thousands): a new
/// claim joins it when its best match is there. Returns the fact of each claim of the
/// neighbourhood that has one afterwards.
fn regroup<S: FactStore>(
    store: &mut S,
    index: &mut TokenIndex,
    article: Id,
    own_ids: &[Id],
    own: &[Profile],
    near: &[Vec<(f64, Id)>],
) -> Result<HashMap<Id, Id>, S::Error> {
    let hood = neighbourhood(store, own_ids, near)?;
    let others = &hood.claims[own_ids.len()..];
    load(store, index, others)?;
    let local = index.local_pairs(article, own_ids, own, others);
    let groups: Vec<Vec<Id>> = local
        .witnessed_groups()
        .into_iter()
        .map(|g| g.into_iter().map(|i| local.claims[i]).collect())
        .collect();
    apply_groups(store, &groups, &local.claims, &hood, own_ids, near)
}

/// The claims to regroup with an article's new claims (listed first): its neighbours
/// and every claim of their facts, but for large facts, at most [`LOCAL_MAX`].
fn neighbourhood<S: FactStore>(
    store: &mut S,
    own_ids: &[Id],
    near: &[Vec<(f64, Id)>],
) -> Result<Neighbourhood, S::Error> {
    let neighbours: Vec<Id> = {
        let mut v: Vec<Id> = near.iter().flatten().map(|(_, id)| *id).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let fact_of = store.facts_of(&neighbours)?;
    let facts: Vec<Id> = {
        let mut v: Vec<Id> = fact_of.values().copied().collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let sizes = store.fact_sizes(&facts)?;
    let (big, small): (Vec<Id>, Vec<Id>) = facts
        .into_iter()
        .partition(|f| sizes.get(f).is_some_and(|n| *n > LOCAL_FACT_MAX));
    // every small fact's claims, read at once though the bound below may leave some out
    let mut members = store.members_of(&small)?;
    let mut hood = Neighbourhood {
        claims: own_ids.to_vec(),
        fact_of,
        big: big.into_iter().collect(),
        ..Neighbourhood::default()
    };
    let mut seen: HashSet<Id> = own_ids.iter().copied().collect();
    for (_, id) in near.iter().flatten() {
        let fact = hood.fact_of.get(id).copied();
        if fact.is_some_and(|f| hood.big.contains(&f)) || seen.contains(id) {
            continue;
        }
        let members = match fact {
            Some(f) if !hood.dissolved.contains(&f) => members.remove(&f).unwrap_or_default(),
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
fn apply_groups<S: FactStore>(
    store: &mut S,
    groups: &[Vec<Id>],
    claims: &[Id],
    hood: &Neighbourhood,
    own_ids: &[Id],
    near: &[Vec<(f64, Id)>],
) -> Result<HashMap<Id, Id>, S::Error> {
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
            None => store.new_fact()?,
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
    let changes: Vec<(Id, Option<Id>)> = claims
        .iter()
        .map(|id| (*id, after.get(id).copied()))
        .filter(|(id, now)| hood.before.get(id).copied() != *now)
        .collect();
    store.set_facts(&changes)?;
    let mut touched: Vec<Id> = touched.into_iter().collect();
    touched.sort_unstable();
    store.resize_facts(&touched)?;
    Ok(after)
}
