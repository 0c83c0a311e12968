//! Which claims of a neighbourhood report one fact: average-linkage clustering of their
//! pairwise similarities. Pure; `link.rs` chooses the neighbourhood and stores the facts.
//!
//! Joining each claim to the fact of its single best match chains unrelated reports
//! together through one shared phrase, and splits one report that different outlets
//! word differently. Average linkage merges two groups only when their claims are similar
//! on average, so one coincidence does not chain and many weak agreements add up.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Average similarity (over the pairs of claims from different articles) at which two
/// groups of claims are one fact. Lower than a single pair needs (`CORROBORATES`): an
/// average over many pairs is steadier than one pair's score.
pub const SAME_FACT: f64 = 0.3;

/// One group being built. Its lists are sorted by key: groups are few (a neighbourhood's
/// claims) and their lists short, so sorted vectors merged in one pass cost a fraction of
/// hash maps rebuilt at every merge (BENCHMARKS.md, "Bulk ingest, first throughput step").
#[derive(Debug, Default)]
struct Group {
    members: Vec<usize>,
    /// How many members each article has: pairs within one article are not compared.
    articles: Vec<(i64, u32)>,
    /// Summed similarity to each neighbouring group (every entry above 0).
    sums: Vec<(usize, f64)>,
    /// Groups it must not join: one of their claims gives another figure for a claim here.
    /// A set of group ids as bits: a neighbourhood of a templated corpus has ten thousand
    /// such pairs among two hundred claims.
    apart: Bits,
    version: u32,
}

impl Group {
    /// Pairs of claims from different articles between this group and `other`.
    fn cross_pairs(&self, other: &Group) -> f64 {
        let all = self.members.len() as f64 * other.members.len() as f64;
        let same: f64 = self
            .articles
            .iter()
            .map(|(a, n)| f64::from(*n) * f64::from(count_of(&other.articles, a)))
            .sum();
        all - same
    }

    fn sum_with(&self, other: usize) -> Option<f64> {
        let i = self.sums.binary_search_by_key(&other, |(k, _)| *k).ok()?;
        Some(self.sums[i].1)
    }

    fn is_apart_from(&self, other: usize) -> bool {
        self.apart.contains(other)
    }

    /// Group `old`'s summed similarity is now `merged`'s, with `added` more.
    fn renamed(&mut self, old: usize, merged: usize, added: f64) {
        if let Ok(i) = self.sums.binary_search_by_key(&old, |(k, _)| *k) {
            self.sums.remove(i);
        }
        match self.sums.binary_search_by_key(&merged, |(k, _)| *k) {
            Ok(i) => self.sums[i].1 += added,
            Err(i) => self.sums.insert(i, (merged, added)),
        }
    }
}

/// A set of small integers (group ids below a known bound) as bits.
#[derive(Debug, Default, Clone)]
struct Bits(Vec<u64>);

impl Bits {
    fn with_bound(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }

    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn union_with(&mut self, other: &Bits) {
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            *w |= o;
        }
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &word)| {
            let mut w = word;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let bit = w.trailing_zeros() as usize;
                    w &= w - 1;
                    k * 64 + bit
                })
            })
        })
    }
}

/// The count of article `a` in a sorted list of (article, count).
fn count_of(articles: &[(i64, u32)], a: &i64) -> u32 {
    articles
        .binary_search_by_key(a, |(k, _)| *k)
        .map_or(0, |i| articles[i].1)
}

/// Two lists sorted by key as one, the values of a key in both combined by `add`; keys
/// `skip` are left out.
fn merge_sorted<K: Ord + Copy, V: Copy>(
    x: &[(K, V)],
    y: &[(K, V)],
    skip: &[K],
    add: impl Fn(V, V) -> V,
) -> Vec<(K, V)> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        let next = match (x.get(i), y.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                i += 1;
                j += 1;
                (a.0, add(a.1, b.1))
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                i += 1;
                *a
            }
            (Some(a), None) => {
                i += 1;
                *a
            }
            (_, Some(b)) => {
                j += 1;
                *b
            }
            (None, None) => break,
        };
        if !skip.contains(&next.0) {
            out.push(next);
        }
    }
    out
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
    let mut groups = singletons(articles, pairs, apart);
    let n = groups.len();
    let mut alive = vec![true; n];
    let mut heap = BinaryHeap::new();
    for a in 0..n {
        for b in groups[a].sums.iter().map(|(b, _)| *b).filter(|b| *b > a) {
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
        if !alive[m.a] || !alive[m.b] || current != m.versions || groups[m.a].is_apart_from(m.b) {
            continue;
        }
        alive[m.b] = false;
        merge(&mut groups, m.a, m.b);
        let neighbours: Vec<usize> = groups[m.a].sums.iter().map(|(k, _)| *k).collect();
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

/// One group per item, with its pairs' similarities (summed in the order listed, should
/// a pair be listed twice) and the items it must stay apart from.
fn singletons(
    articles: &[i64],
    pairs: &[(usize, usize, f64)],
    apart: &[(usize, usize)],
) -> Vec<Group> {
    let mut groups: Vec<Group> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Group {
            members: vec![i],
            articles: vec![(*a, 1)],
            apart: Bits::with_bound(articles.len()),
            ..Group::default()
        })
        .collect();
    let n = groups.len();
    for &(i, j, s) in pairs {
        if i < n && j < n && i != j && articles[i] != articles[j] && s > 0.0 {
            groups[i].sums.push((j, s));
            groups[j].sums.push((i, s));
        }
    }
    for &(i, j) in apart {
        if i < n && j < n && i != j {
            groups[i].apart.insert(j);
            groups[j].apart.insert(i);
        }
    }
    for g in &mut groups {
        // stable: a pair listed twice is summed in the order listed
        g.sums.sort_by_key(|(k, _)| *k);
        g.sums.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
    }
    groups
}

/// Group `b` joins group `a`: its members, articles, similarities and conflicts are
/// `a`'s, and every other group's similarity to `b` is added to its similarity to `a`.
fn merge(groups: &mut [Group], a: usize, b: usize) {
    let absorbed = std::mem::take(&mut groups[b]);
    for &(k, s) in &absorbed.sums {
        if k != a {
            groups[k].renamed(b, a, s);
        }
    }
    for k in absorbed.apart.iter() {
        // group `b` is part of `a` now: apart from `k`, as `b` was
        let other = &mut groups[k].apart;
        other.remove(b);
        other.insert(a);
    }
    let into = &mut groups[a];
    into.sums = merge_sorted(&into.sums, &absorbed.sums, &[a, b], |x, y| x + y);
    into.apart.union_with(&absorbed.apart);
    into.articles = merge_sorted(&into.articles, &absorbed.articles, &[], |x, y| x + y);
    into.members.extend(absorbed.members);
    into.version += 1;
}

/// The merge of groups `a` and `b`, if their average reaches `threshold` (a pair below it
/// only changes when one of them merges, which queues the pair again).
fn merge_of(groups: &[Group], a: usize, b: usize, threshold: f64) -> Option<Merge> {
    let (ga, gb) = (&groups[a], &groups[b]);
    let pairs = ga.cross_pairs(gb);
    let sum = ga.sum_with(b)?;
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
    fn one_conflict_keeps_two_large_groups_apart() {
        // two reports of 70 and 60 claims, each from its own article; every pair is
        // similar, but claim 3 of the first gives another figure than claim 100
        let articles: Vec<i64> = (0..130).collect();
        let mut pairs = Vec::new();
        for i in 0..130 {
            for j in (i + 1)..130 {
                let same_report = (i < 70) == (j < 70);
                pairs.push((i, j, if same_report { 0.8 } else { 0.5 }));
            }
        }
        let first: Vec<usize> = (0..70).collect();
        let second: Vec<usize> = (70..130).collect();
        let apart = [(100, 3), (5, 5)];
        let groups = average_linkage(&articles, &pairs, &apart, SAME_FACT);
        assert_eq!(groups, vec![first, second]);
        let together = average_linkage(&articles, &pairs, &[], SAME_FACT);
        assert_eq!(together, vec![(0..130).collect::<Vec<usize>>()]);
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
