//! The `corroborates` edges of the projection, derived from facts: a claim of a fact is
//! joined to the fact's first claim (by id), or, when both are of one article, to the
//! fact's first claim of another article. Facts regroup as articles arrive; the edges
//! follow the claims' facts, so the graph never says two claims corroborate each other
//! when the claims' own records say they do not. A star rather than every pair: a fact of
//! wire copy holds thousands of claims.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::Id;

/// A claim's fact as it was and as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Moved {
    pub claim: Id,
    pub article: Id,
    pub before: Option<Id>,
    pub after: Option<Id>,
}

/// An edge to remove or to add, between two claims (the smaller id first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EdgeChange {
    Remove(Id, Id),
    Add(Id, Id),
}

/// Each fact's claims and the partner each claim is joined to.
#[derive(Debug, Clone, Default)]
pub(crate) struct FactEdges {
    /// fact → (claim → article)
    members: HashMap<Id, BTreeMap<Id, Id>>,
    /// claim → the claim its edge joins it to
    partner: HashMap<Id, Id>,
}

impl FactEdges {
    /// Moves the claims between facts and answers the edges that change, in a fixed
    /// order: removals first, then additions.
    pub fn apply(&mut self, moved: &[Moved]) -> Vec<EdgeChange> {
        let mut touched: BTreeSet<Id> = BTreeSet::new();
        // every claim moved loses its edge, unless its new fact gives it one below
        let mut wanted: BTreeMap<Id, Option<Id>> = BTreeMap::new();
        for m in moved.iter().filter(|m| m.before != m.after) {
            wanted.insert(m.claim, None);
            if let Some(f) = m.before {
                if let Some(claims) = self.members.get_mut(&f) {
                    claims.remove(&m.claim);
                    if claims.is_empty() {
                        self.members.remove(&f);
                    }
                }
                touched.insert(f);
            }
            if let Some(f) = m.after {
                self.members
                    .entry(f)
                    .or_default()
                    .insert(m.claim, m.article);
                touched.insert(f);
            }
        }
        for f in &touched {
            if let Some(claims) = self.members.get(f) {
                wanted.extend(partners(claims));
            }
        }
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        for (claim, want) in wanted {
            let had = self.partner.get(&claim).copied();
            if had == want {
                continue;
            }
            if let Some(p) = had {
                removed.push(EdgeChange::Remove(claim.min(p), claim.max(p)));
                self.partner.remove(&claim);
            }
            if let Some(p) = want {
                added.push(EdgeChange::Add(claim.min(p), claim.max(p)));
                self.partner.insert(claim, p);
            }
        }
        removed.extend(added);
        removed
    }
}

/// The partner of every claim of one fact (`None` for the claims joined to none).
fn partners(claims: &BTreeMap<Id, Id>) -> Vec<(Id, Option<Id>)> {
    let Some((&first, &first_article)) = claims.iter().next() else {
        return Vec::new();
    };
    let elsewhere = claims
        .iter()
        .find(|(_, a)| **a != first_article)
        .map(|(c, _)| *c);
    claims
        .iter()
        .map(|(&claim, &article)| {
            let partner = if claim == first {
                None
            } else if article != first_article {
                Some(first)
            } else {
                elsewhere
            };
            (claim, partner)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(claim: Id, article: Id, before: Option<Id>, after: Option<Id>) -> Moved {
        Moved {
            claim,
            article,
            before,
            after,
        }
    }

    #[test]
    fn a_fact_is_a_star_around_its_first_claim() {
        let mut edges = FactEdges::default();
        // claims 1 and 2 of article 10, 3 of article 20, 4 of article 30, all of fact 7
        let changes = edges.apply(&[
            moved(1, 10, None, Some(7)),
            moved(2, 10, None, Some(7)),
            moved(3, 20, None, Some(7)),
            moved(4, 30, None, Some(7)),
        ]);
        assert_eq!(
            changes,
            [
                // the first claim's article-mate joins the first claim of another article
                EdgeChange::Add(2, 3),
                EdgeChange::Add(1, 3),
                EdgeChange::Add(1, 4),
            ]
        );
    }

    #[test]
    fn edges_follow_claims_that_leave_or_change_facts() {
        let mut edges = FactEdges::default();
        edges.apply(&[
            moved(1, 10, None, Some(7)),
            moved(3, 20, None, Some(7)),
            moved(4, 30, None, Some(7)),
        ]);
        // the first claim leaves for another fact: the star moves to the next one
        let changes = edges.apply(&[moved(1, 10, Some(7), Some(8))]);
        assert_eq!(
            changes,
            [
                EdgeChange::Remove(1, 3),
                EdgeChange::Remove(1, 4),
                EdgeChange::Add(3, 4),
            ]
        );
        // a claim left alone in a fact is joined to nothing; one that leaves every fact
        // keeps no edge
        let changes = edges.apply(&[moved(4, 30, Some(7), None)]);
        assert_eq!(changes, [EdgeChange::Remove(3, 4)]);
        // nothing moved, nothing changes
        assert!(edges.apply(&[moved(3, 20, Some(7), Some(7))]).is_empty());
    }

    #[test]
    fn claims_of_one_article_alone_are_joined_to_none() {
        let mut edges = FactEdges::default();
        let changes = edges.apply(&[moved(1, 10, None, Some(7)), moved(2, 10, None, Some(7))]);
        assert!(changes.is_empty(), "{changes:?}");
    }
}
