//! The graph itself and how rows become nodes and edges.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use thiserror::Error;

use crate::fact_edges::{EdgeChange, FactEdges, Moved};
use crate::model::{ArticleRow, ClaimRow, Delta, EdgeKind, NodeKey, PlaceRow, Watermark};

/// Claim labels keep at most this many characters of the claim's words (the whole text is
/// in the claim's [`Detail`]).
pub const CLAIM_LABEL_CHARS: usize = 120;

/// A node's data: its key, what it is (`person`, `organization`, `outlet`, `place`,
/// `claim`, `article`), a short label to show, and the row it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub key: NodeKey,
    pub kind: String,
    pub label: String,
    pub detail: Detail,
}

/// What the exports say about a node beyond its label and kind: the row it was read from
/// (boxed: most queries only need the label).
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// The gazetteer's facts of a place it knows; `None` for other entities.
    Entity(Option<Box<PlaceRow>>),
    Article(Box<ArticleRow>),
    Claim(Box<ClaimRow>),
}

/// An edge's data: its kind and, for links, the score the linker gave.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub kind: EdgeKind,
    pub score: Option<f64>,
}

/// An edge with its ends, as queries and exports list it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeView {
    pub source: NodeKey,
    pub target: NodeKey,
    pub kind: EdgeKind,
    pub score: Option<f64>,
}

impl EdgeView {
    /// A stable id for clients: `kind:source-target` (an edge of one kind joins two nodes
    /// at most once).
    pub fn public_id(&self) -> String {
        format!(
            "{}:{}-{}",
            self.kind.as_str(),
            self.source.public_id(),
            self.target.public_id()
        )
    }
}

/// A delta that does not start where the projection stands: ask the store again from
/// [`Projection::watermark`].
#[derive(Debug, Error, PartialEq)]
#[error("the rows start at {found:?} but the projection stands at {expected:?}")]
pub struct OutOfStep {
    pub expected: Watermark,
    pub found: Watermark,
}

/// The projection: one node per entity, claim and article, typed edges between them, and
/// the watermark of the rows it holds.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    pub(crate) graph: DiGraph<Node, Edge>,
    pub(crate) index: HashMap<NodeKey, NodeIndex>,
    watermark: Watermark,
    /// The `corroborates` edges derived from the claims' facts.
    fact_edges: FactEdges,
}

impl Projection {
    /// An empty projection; the first delta applied to it must be a full one.
    pub fn new() -> Projection {
        Projection::default()
    }

    /// A projection of everything in `delta` (which should be full).
    pub fn build(delta: Delta) -> Projection {
        let mut p = Projection::new();
        p.load(delta);
        p
    }

    /// How far this projection has read; ask the store for the rows after it.
    pub fn watermark(&self) -> Watermark {
        self.watermark
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with this key, if the projection has it.
    pub fn node(&self, key: NodeKey) -> Option<&Node> {
        self.index.get(&key).map(|&i| &self.graph[i])
    }

    /// Applies the rows that follow this projection's watermark, or starts again from a
    /// full delta. A partial delta from elsewhere is refused and changes nothing.
    pub fn apply(&mut self, delta: Delta) -> Result<(), OutOfStep> {
        if delta.is_full() {
            *self = Projection::new();
        } else if delta.since != self.watermark {
            return Err(OutOfStep {
                expected: self.watermark,
                found: delta.since,
            });
        }
        self.load(delta);
        Ok(())
    }

    fn load(&mut self, delta: Delta) {
        for e in delta.entities {
            let detail = Detail::Entity(e.place.map(Box::new));
            self.upsert(NodeKey::Entity(e.id), e.kind, e.name, detail);
        }
        let outlets: Vec<_> = delta.articles.iter().map(|a| (a.id, a.outlet)).collect();
        for a in delta.articles {
            let label = a
                .title
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| format!("article {}", a.id));
            let key = NodeKey::Article(a.id);
            self.upsert(key, "article".into(), label, Detail::Article(Box::new(a)));
        }
        for (article, outlet) in outlets {
            if let Some(outlet) = outlet {
                self.link(
                    NodeKey::Article(article),
                    NodeKey::Entity(outlet),
                    EdgeKind::ReportedBy,
                    None,
                );
            }
        }
        for m in &delta.mentions {
            self.link(
                NodeKey::Article(m.article),
                NodeKey::Entity(m.entity),
                EdgeKind::Mentions,
                None,
            );
        }
        let mut moved: Vec<Moved> = Vec::new();
        for c in delta.claims {
            let before = self.claim_row(c.id).and_then(|row| row.fact);
            moved.push(Moved {
                claim: c.id,
                article: c.article,
                before,
                after: c.fact,
            });
            self.load_claim(c);
        }
        for l in &delta.links {
            self.link(
                NodeKey::Claim(l.a.min(l.b)),
                NodeKey::Claim(l.a.max(l.b)),
                l.kind,
                Some(l.score),
            );
        }
        for f in &delta.facts {
            let node = self.index.get(&NodeKey::Claim(f.claim)).copied();
            if let Some(Detail::Claim(c)) = node.map(|i| &mut self.graph[i].detail) {
                moved.push(Moved {
                    claim: c.id,
                    article: c.article,
                    before: c.fact,
                    after: f.fact,
                });
                c.fact = f.fact;
            }
        }
        for change in self.fact_edges.apply(&moved) {
            self.change_fact_edge(change);
        }
        self.watermark = delta.upto;
    }

    /// The row of claim `id`, if the projection holds it.
    fn claim_row(&self, id: crate::Id) -> Option<&ClaimRow> {
        let i = self.index.get(&NodeKey::Claim(id))?;
        match &self.graph[*i].detail {
            Detail::Claim(c) => Some(c),
            _ => None,
        }
    }

    /// Adds or removes a `corroborates` edge derived from facts (one without a score: a
    /// stored link's edge, which has one, is left as it is).
    fn change_fact_edge(&mut self, change: EdgeChange) {
        match change {
            EdgeChange::Add(a, b) => {
                self.link(
                    NodeKey::Claim(a),
                    NodeKey::Claim(b),
                    EdgeKind::Corroborates,
                    None,
                );
            }
            EdgeChange::Remove(a, b) => {
                let ends = (
                    self.index.get(&NodeKey::Claim(a)),
                    self.index.get(&NodeKey::Claim(b)),
                );
                let (Some(&x), Some(&y)) = ends else {
                    return;
                };
                let derived = self
                    .graph
                    .edges_connecting(x, y)
                    .find(|e| {
                        e.weight().kind == EdgeKind::Corroborates && e.weight().score.is_none()
                    })
                    .map(|e| e.id());
                if let Some(e) = derived {
                    self.graph.remove_edge(e);
                }
            }
        }
    }

    /// A claim's node and its edges to its article, speaker, cited outlet and places.
    fn load_claim(&mut self, c: ClaimRow) {
        let claim = NodeKey::Claim(c.id);
        let mut ends = vec![(NodeKey::Article(c.article), EdgeKind::InArticle)];
        ends.extend(c.speaker.map(|s| (NodeKey::Entity(s), EdgeKind::Speaker)));
        ends.extend(c.via.map(|v| (NodeKey::Entity(v), EdgeKind::Cites)));
        ends.extend(
            c.places
                .iter()
                .map(|&p| (NodeKey::Entity(p), EdgeKind::About)),
        );
        let label = claim_label(&c.text);
        self.upsert(claim, "claim".into(), label, Detail::Claim(Box::new(c)));
        for (to, kind) in ends {
            self.link(claim, to, kind, None);
        }
    }

    fn upsert(&mut self, key: NodeKey, kind: String, label: String, detail: Detail) {
        match self.index.get(&key) {
            Some(&i) => {
                let node = &mut self.graph[i];
                node.kind = kind;
                node.label = label;
                node.detail = detail;
            }
            None => {
                let i = self.graph.add_node(Node {
                    key,
                    kind,
                    label,
                    detail,
                });
                self.index.insert(key, i);
            }
        }
    }

    /// Adds an edge between two known nodes, once per kind; rows naming a node the
    /// projection lacks are skipped (they cannot occur in one consistent read).
    fn link(&mut self, from: NodeKey, to: NodeKey, kind: EdgeKind, score: Option<f64>) {
        let (Some(&a), Some(&b)) = (self.index.get(&from), self.index.get(&to)) else {
            return;
        };
        if self
            .graph
            .edges_connecting(a, b)
            .any(|e| e.weight().kind == kind)
        {
            return;
        }
        self.graph.add_edge(a, b, Edge { kind, score });
    }

    /// Every node, in key order.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut all: Vec<&Node> = self.graph.node_weights().collect();
        all.sort_by_key(|n| n.key);
        all
    }

    /// The edges leaving `key`, ordered by target and kind: taken node by node in key
    /// order, they are [`Projection::edges`] without holding every edge at once.
    pub fn edges_from(&self, key: NodeKey) -> Vec<EdgeView> {
        let Some(&i) = self.index.get(&key) else {
            return Vec::new();
        };
        let mut out: Vec<EdgeView> = self
            .graph
            .edges_directed(i, Direction::Outgoing)
            .map(|e| self.view(i, e.target(), *e.weight()))
            .collect();
        out.sort_by(edge_order);
        out
    }

    /// Every edge, ordered by source, target and kind.
    pub fn edges(&self) -> Vec<EdgeView> {
        let mut all: Vec<EdgeView> = self
            .graph
            .edge_references()
            .map(|e| self.view(e.source(), e.target(), *e.weight()))
            .collect();
        all.sort_by(edge_order);
        all
    }

    pub(crate) fn view(&self, a: NodeIndex, b: NodeIndex, e: Edge) -> EdgeView {
        EdgeView {
            source: self.graph[a].key,
            target: self.graph[b].key,
            kind: e.kind,
            score: e.score,
        }
    }

    /// Edges touching `i` in either direction, with the node at the other end.
    pub(crate) fn incident(
        &self,
        i: NodeIndex,
    ) -> impl Iterator<Item = (NodeIndex, EdgeView)> + '_ {
        let out = self
            .graph
            .edges_directed(i, Direction::Outgoing)
            .map(move |e| (e.target(), self.view(i, e.target(), *e.weight())));
        let inc = self
            .graph
            .edges_directed(i, Direction::Incoming)
            .map(move |e| (e.source(), self.view(e.source(), i, *e.weight())));
        out.chain(inc)
    }
}

pub(crate) fn edge_order(x: &EdgeView, y: &EdgeView) -> std::cmp::Ordering {
    (x.source, x.target, x.kind).cmp(&(y.source, y.target, y.kind))
}

/// The first [`CLAIM_LABEL_CHARS`] characters of a claim, on one line, with `…` if cut.
fn claim_label(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(CLAIM_LABEL_CHARS) {
        Some((cut, _)) => format!("{}…", flat[..cut].trim_end()),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::claim_label;

    #[test]
    fn claim_labels_are_one_short_line() {
        assert_eq!(
            claim_label("Ferries\n sailed  again."),
            "Ferries sailed again."
        );
        let long = "é".repeat(200);
        let label = claim_label(&long);
        assert_eq!(label.chars().count(), 121);
        assert!(label.ends_with('…'));
    }
}
