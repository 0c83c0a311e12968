//! Questions asked of the projection: the neighbourhood of an entity, the shortest
//! connections between two, and the entities claimed about together with one.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use petgraph::graph::NodeIndex;

use crate::model::{EdgeKind, Id, NodeKey};
use crate::projection::{edge_order, EdgeView, Node, Projection};

/// The nodes within some hops of a start node and the edges among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbourhood {
    pub nodes: Vec<Node>,
    pub edges: Vec<EdgeView>,
    /// More nodes were in reach than the limit allowed.
    pub truncated: bool,
}

/// One connection: nodes from start to end and the edge taken at each step.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub nodes: Vec<Node>,
    pub edges: Vec<EdgeView>,
}

impl Path {
    /// The claims the path passes through, in order.
    pub fn claims(&self) -> Vec<Id> {
        self.nodes
            .iter()
            .filter_map(|n| match n.key {
                NodeKey::Claim(id) => Some(id),
                _ => None,
            })
            .collect()
    }
}

/// An entity claimed about together with another, and in how many claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub entity: Node,
    pub count: usize,
}

impl Projection {
    /// Breadth-first from `start` over edges in both directions, up to `depth` hops and
    /// `limit` nodes (the start included); neighbours are taken in key order, so the same
    /// graph always gives the same answer. `None` when the projection lacks `start`.
    pub fn neighbourhood(
        &self,
        start: NodeKey,
        depth: usize,
        limit: usize,
    ) -> Option<Neighbourhood> {
        let &origin = self.index.get(&start)?;
        let limit = limit.max(1);
        let mut seen: HashSet<NodeIndex> = HashSet::from([origin]);
        let mut order = vec![origin];
        let mut frontier = vec![origin];
        let mut truncated = false;
        'hops: for _ in 0..depth {
            let mut next = Vec::new();
            for &n in &frontier {
                let mut around: Vec<NodeIndex> = self
                    .incident(n)
                    .map(|(m, _)| m)
                    .filter(|m| !seen.contains(m))
                    .collect();
                around.sort_by_key(|&m| self.graph[m].key);
                around.dedup();
                for m in around {
                    if order.len() >= limit {
                        truncated = true;
                        break 'hops;
                    }
                    seen.insert(m);
                    order.push(m);
                    next.push(m);
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        let seen = &seen;
        let mut edges: Vec<EdgeView> = order
            .iter()
            .flat_map(|&n| {
                self.incident(n)
                    // each edge once: from the end where it starts
                    .filter(move |(m, e)| seen.contains(m) && e.source == self.graph[n].key)
                    .map(|(_, e)| e)
            })
            .collect();
        edges.sort_by(edge_order);
        let mut nodes: Vec<Node> = order.iter().map(|&n| self.graph[n].clone()).collect();
        nodes.sort_by_key(|n| n.key);
        Some(Neighbourhood {
            nodes,
            edges,
            truncated,
        })
    }

    /// The shortest connections from `from` to `to` over edges in either direction, at
    /// most `max_len` edges long and at most `max_paths` of them, in key order. Empty when
    /// none is that short; `None` when the projection lacks either node.
    pub fn shortest_paths(
        &self,
        from: NodeKey,
        to: NodeKey,
        max_len: usize,
        max_paths: usize,
    ) -> Option<Vec<Path>> {
        let &a = self.index.get(&from)?;
        let &b = self.index.get(&to)?;
        if a == b {
            return Some(vec![Path {
                nodes: vec![self.graph[a].clone()],
                edges: Vec::new(),
            }]);
        }
        // distances from `a`, stopping at the layer that reaches `b`
        let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(a, 0)]);
        let mut queue = VecDeque::from([a]);
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d >= max_len || dist.get(&b).is_some_and(|&db| d >= db) {
                continue;
            }
            for (m, _) in self.incident(n) {
                if let std::collections::hash_map::Entry::Vacant(slot) = dist.entry(m) {
                    slot.insert(d + 1);
                    queue.push_back(m);
                }
            }
        }
        let Some(&len) = dist.get(&b) else {
            return Some(Vec::new());
        };
        // walk back from `b` through nodes one step closer to `a`, smallest keys first
        let mut paths = Vec::new();
        let mut stack: Vec<Vec<NodeIndex>> = vec![vec![b]];
        while let Some(partial) = stack.pop() {
            if paths.len() >= max_paths {
                break;
            }
            let last = partial[partial.len() - 1];
            let d = dist[&last];
            if d == 0 {
                let mut route = partial;
                route.reverse();
                paths.push(self.path(&route));
                continue;
            }
            let mut back: Vec<NodeIndex> = self
                .incident(last)
                .map(|(m, _)| m)
                .filter(|m| dist.get(m) == Some(&(d - 1)))
                .collect();
            back.sort_by_key(|&m| std::cmp::Reverse(self.graph[m].key));
            back.dedup();
            for m in back {
                let mut longer = partial.clone();
                longer.push(m);
                stack.push(longer);
            }
        }
        debug_assert!(paths.iter().all(|p| p.edges.len() == len));
        Some(paths)
    }

    fn path(&self, route: &[NodeIndex]) -> Path {
        let edges = route
            .windows(2)
            .filter_map(|w| {
                self.incident(w[0])
                    .filter(|(m, _)| *m == w[1])
                    .map(|(_, e)| e)
                    .min_by(edge_order)
            })
            .collect();
        Path {
            nodes: route.iter().map(|&n| self.graph[n].clone()).collect(),
            edges,
        }
    }

    /// The entities that are speaker or place of the same claims as `entity` (in either
    /// role), with the number of such claims, most first, then by key; at most `limit`.
    /// `None` when the projection lacks `entity`.
    pub fn related(&self, entity: Id, limit: usize) -> Option<Vec<Related>> {
        let &e = self.index.get(&NodeKey::Entity(entity))?;
        let roles = |k: EdgeKind| matches!(k, EdgeKind::Speaker | EdgeKind::About);
        let mut counts: BTreeMap<NodeKey, usize> = BTreeMap::new();
        let claims: HashSet<NodeIndex> = self
            .incident(e)
            .filter(|(m, v)| roles(v.kind) && matches!(self.graph[*m].key, NodeKey::Claim(_)))
            .map(|(m, _)| m)
            .collect();
        for c in claims {
            let others: HashSet<NodeKey> = self
                .incident(c)
                .filter(|(m, v)| roles(v.kind) && *m != e)
                .map(|(m, _)| self.graph[m].key)
                .filter(|k| matches!(k, NodeKey::Entity(_)))
                .collect();
            for k in others {
                *counts.entry(k).or_default() += 1;
            }
        }
        let mut ranked: Vec<(NodeKey, usize)> = counts.into_iter().collect();
        ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        Some(
            ranked
                .into_iter()
                .take(limit)
                .filter_map(|(k, count)| {
                    self.node(k).map(|n| Related {
                        entity: n.clone(),
                        count,
                    })
                })
                .collect(),
        )
    }
}
