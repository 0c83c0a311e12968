//! Which claims of a neighbourhood report one fact: average-linkage clustering of their
//! pairwise similarities. Pure; `link.rs` chooses the neighbourhood and stores the facts.
//!
//! Joining each claim to the fact of its single best match chains unrelated reports
//! together through one shared phrase, and splits one report that different outlets
//! word differently. Average linkage merges two groups only when their claims are similar
//! on average, so one coincidence does not chain and many weak agreements add up.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

// Fixed-seed hashing: iteration order must not differ between processes, or the same
// articles could make different facts.
use claimgraph_model::{FnvMap as HashMap, FnvSet as HashSet};

/// Average similarity (over the pairs of claims from different articles) at which two
/// groups of claims are one fact. Lower than a single pair needs (`CORROBORATES`): an
/// average over many pairs is steadier than one pair's score.
pub const SAME_FACT: f64 = 0.3;

/// One group being built.
#[derive(Debug, Default)]
struct Group {
    members: Vec<usize>,
    /// How many members each article has: pairs within one article are not compared.
    articles: HashMap<i64, u32>,
    /// Summed similarity to each neighbouring group.
    sums: HashMap<usize, f64>,
    /// Groups it must not join: one of their claims gives another figure for a claim here.
    apart: HashSet<usize>,
    version: u32,
}

impl Group {
    /// Pairs of claims from different articles between this group and `other`.
    fn cross_pairs(&self, other: &Group) -> f64 {
        let all = self.members.len() as f64 * other.members.len() as f64;
        let same: f64 = self
            .articles
            .iter()
            .map(|(a, n)| f64::from(*n) * f64::from(other.articles.get(a).copied().unwrap_or(0)))
            .sum();
        all - same
    }
}

/// A candidate merge; ordered by average, then by the lower group ids (deterministic).
#[derive(Debug, PartialEq)]
struct Merge {
    average: f64,
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl Eq for Merge {}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Groups items `0..articles.len()` (each from the article given) by average linkage:
/// `pairs` holds the similarity of pairs from different articles (pairs not listed count
/// as 0), `apart` the pairs that must never share a group. Two groups merge, the most
/// similar first, while their average reaches `threshold`. Returns the groups of two or
/// more items, each sorted, largest first.
pub fn average_linkage(
    articles: &[i64],
    pairs: &[(usize, usize, f64)],
    apart: &[(usize, usize)],
    threshold: f64,
) -> Vec<Vec<usize>> {
    let mut groups: Vec<Group> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Group {
            members: vec![i],
            articles: [(*a, 1)].into_iter().collect(),
            ..Group::default()
        })
        .collect();
    let n = groups.len();
    for &(i, j, s) in pairs {
        if i < n && j < n && i != j && articles[i] != articles[j] && s > 0.0 {
            *groups[i].sums.entry(j).or_default() += s;
            *groups[j].sums.entry(i).or_default() += s;
        }
    }
    for &(i, j) in apart {
        if i < n && j < n {
            groups[i].apart.insert(j);
            groups[j].apart.insert(i);
        }
    }
    let mut alive = vec![true; n];
    let mut heap = BinaryHeap::new();
    for a in 0..n {
        for b in groups[a].sums.keys().copied().filter(|b| *b > a) {
            if let Some(m) = merge_of(&groups, a, b, threshold) {
                heap.push(m);
            }
        }
    }
    while let Some(m) = heap.pop() {
        if m.average < threshold {
            break;
        }
        let current = (groups[m.a].version, groups[m.b].version);
        if !alive[m.a] || !alive[m.b] || current != m.versions || groups[m.a].apart.contains(&m.b) {
            continue;
        }
        let absorbed = std::mem::take(&mut groups[m.b]);
        alive[m.b] = false;
        for (k, s) in absorbed.sums {
            groups[k].sums.remove(&m.b);
            if k != m.a {
                *groups[k].sums.entry(m.a).or_default() += s;
                *groups[m.a].sums.entry(k).or_default() += s;
            }
        }
        groups[m.a].sums.remove(&m.b);
        for k in absorbed.apart {
            groups[k].apart.remove(&m.b);
            groups[k].apart.insert(m.a);
            groups[m.a].apart.insert(k);
        }
        let into = &mut groups[m.a];
        into.members.extend(absorbed.members);
        for (a, c) in absorbed.articles {
            *into.articles.entry(a).or_default() += c;
        }
        into.version += 1;
        let neighbours: Vec<usize> = groups[m.a].sums.keys().copied().collect();
        for k in neighbours {
            if let Some(next) = merge_of(&groups, m.a.min(k), m.a.max(k), threshold) {
                heap.push(next);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .zip(alive)
        .filter(|(g, alive)| *alive && g.members.len() > 1)
        .map(|(mut g, _)| {
            g.members.sort_unstable();
            g.members
        })
        .collect();
    out.sort_by(|x, y| y.len().cmp(&x.len()).then_with(|| x.cmp(y)));
    out
}

/// The merge of groups `a` and `b`, if their average reaches `threshold` (a pair below it
/// only changes when one of them merges, which queues the pair again).
fn merge_of(groups: &[Group], a: usize, b: usize, threshold: f64) -> Option<Merge> {
    let (ga, gb) = (&groups[a], &groups[b]);
    let pairs = ga.cross_pairs(gb);
    let sum = ga.sums.get(&b).copied()?;
    let average = sum / pairs;
    (pairs > 0.0 && average >= threshold).then_some(Merge {
        average,
        a,
        b,
        versions: (ga.version, gb.version),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_coincidence_does_not_chain_two_facts() {
        // 0,1,2 report one thing; 3,4 another; 2 and 3 share one phrase
        let articles = [1, 2, 3, 4, 5];
        let pairs = [
            (0, 1, 0.6),
            (0, 2, 0.5),
            (1, 2, 0.55),
            (3, 4, 0.7),
            (2, 3, 0.45),
        ];
        let groups = average_linkage(&articles, &pairs, &[], SAME_FACT);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4]]);
    }

    #[test]
    fn many_weak_agreements_add_up_and_one_is_not_enough() {
        let articles = [1, 2, 3];
        let weak = [(0, 1, 0.32), (0, 2, 0.31), (1, 2, 0.33)];
        assert_eq!(
            average_linkage(&articles, &weak, &[], SAME_FACT),
            vec![vec![0, 1, 2]]
        );
        let lone = [(0, 1, 0.32), (1, 2, 0.05)];
        assert_eq!(
            average_linkage(&articles, &lone, &[], SAME_FACT),
            vec![vec![0, 1]],
            "2 is similar to the pair on average 0.025"
        );
    }

    #[test]
    fn claims_of_one_article_are_not_compared_with_each_other() {
        // 0 and 1 are two sentences of one article, each echoed by another article
        let articles = [7, 7, 8];
        let pairs = [(0, 2, 0.5), (1, 2, 0.4), (0, 1, 0.9)];
        assert_eq!(
            average_linkage(&articles, &pairs, &[], SAME_FACT),
            vec![vec![0, 1, 2]]
        );
    }

    #[test]
    fn conflicting_claims_stay_apart_and_so_do_their_groups() {
        let articles = [1, 2, 3];
        let pairs = [(0, 1, 0.8), (1, 2, 0.7), (0, 2, 0.6)];
        let groups = average_linkage(&articles, &pairs, &[(0, 2)], SAME_FACT);
        assert_eq!(groups, vec![vec![0, 1]]);
        assert!(average_linkage(&articles, &[], &[], SAME_FACT).is_empty());
    }
}
