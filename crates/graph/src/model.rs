//! What the graph is made of: node keys, edge kinds, and the rows a store supplies.

use serde::Serialize;

/// Database ids are SQLite rowids.
pub type Id = i64;

/// A node: an entity, a claim or an article, each by its store id. Ordered entities first,
/// then claims, then articles, so every listing and export is deterministic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKey {
    Entity(Id),
    Claim(Id),
    Article(Id),
}

impl NodeKey {
    /// The id a client sees: `e:12`, `c:5`, `a:3` (ids of different tables never clash).
    pub fn public_id(self) -> String {
        match self {
            NodeKey::Entity(id) => format!("e:{id}"),
            NodeKey::Claim(id) => format!("c:{id}"),
            NodeKey::Article(id) => format!("a:{id}"),
        }
    }

    /// The store id, whatever the table.
    pub fn id(self) -> Id {
        match self {
            NodeKey::Entity(id) | NodeKey::Claim(id) | NodeKey::Article(id) => id,
        }
    }
}

/// A typed edge. Directions read as the name says: a claim's `speaker` is an entity, an
/// article `mentions` an entity; `corroborates` and `conflicts` are symmetric and stored
/// once, from the smaller claim id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// claim → the entity that said it
    Speaker,
    /// claim → a place it is about
    About,
    /// article → an entity it names
    Mentions,
    /// article → the outlet that published it
    ReportedBy,
    /// claim → the outlet it is cited from ("…, Reuters reported")
    Cites,
    /// claim → its article
    InArticle,
    /// claim ↔ claim of another article reporting the same fact
    Corroborates,
    /// claim ↔ claim giving a different figure for the same quantity
    Conflicts,
}

impl EdgeKind {
    pub const ALL: [EdgeKind; 8] = [
        EdgeKind::Speaker,
        EdgeKind::About,
        EdgeKind::Mentions,
        EdgeKind::ReportedBy,
        EdgeKind::Cites,
        EdgeKind::InArticle,
        EdgeKind::Corroborates,
        EdgeKind::Conflicts,
    ];

    /// The snake_case name used in JSON, GraphML and the RDF vocabulary.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Speaker => "speaker",
            EdgeKind::About => "about",
            EdgeKind::Mentions => "mentions",
            EdgeKind::ReportedBy => "reported_by",
            EdgeKind::Cites => "cites",
            EdgeKind::InArticle => "in_article",
            EdgeKind::Corroborates => "corroborates",
            EdgeKind::Conflicts => "conflicts",
        }
    }

    /// A `claim_links.kind` as an edge kind; other kinds are not links.
    pub fn link(kind: &str) -> Option<EdgeKind> {
        match kind {
            "corroborates" => Some(EdgeKind::Corroborates),
            "conflicts" => Some(EdgeKind::Conflicts),
            _ => None,
        }
    }
}

/// How far a projection has read the store. Ids are the highest row seen of each
/// append-only table; `epoch` counts changes to rows already read (merges, moved mentions,
/// deleted links), which only a rebuild can follow; `rename` is the last entity rename seen
/// and `fact` the last change of a claim's fact (facts regroup as articles arrive).
///
/// Everything the projection holds is a function of the rows up to its watermark, so two
/// projections at one watermark export the same bytes (the API's export ETags rely on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Watermark {
    pub article: Id,
    pub entity: Id,
    pub link: Id,
    pub epoch: i64,
    pub rename: i64,
    pub fact: i64,
}

/// An entity node: `kind` is `person`, `organization`, `outlet` or `place`.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    pub id: Id,
    pub kind: String,
    pub name: String,
    /// What the gazetteer says, for a place it knows.
    pub place: Option<PlaceRow>,
}

/// Where a place is and what sort of place it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlaceRow {
    /// `(lat, lon)` in WGS 84 degrees.
    pub coordinates: Option<(f64, f64)>,
    /// `city`, `region`, `country` or `other`.
    pub place_type: Option<String>,
    /// ISO 3166 alpha-2 code.
    pub country: Option<String>,
    pub geonames_id: Option<i64>,
}

/// An article node and the outlet entity that published it, if known.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRow {
    pub id: Id,
    pub title: Option<String>,
    pub outlet: Option<Id>,
    /// The outlet's name as the article gave it.
    pub source: Option<String>,
    pub url: Option<String>,
    /// An RFC 3339 timestamp or a `YYYY-MM-DD` date, as the client sent it.
    pub published_at: Option<String>,
}

/// A claim node with the entities it points at and what the exports say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub id: Id,
    pub article: Id,
    /// `direct`, `indirect` or `statement`.
    pub kind: String,
    /// The claim's whole text (labels are shortened from it).
    pub text: String,
    /// Code point offsets of `text` in the article.
    pub start: i64,
    pub end: i64,
    pub speaker: Option<Id>,
    /// The speaker as the article words it ("Mayor Tina Zupan", "a local official").
    pub speaker_text: Option<String>,
    pub via: Option<Id>,
    /// The verb that attributes it ("said").
    pub cue: Option<String>,
    /// Places the claim is about.
    pub places: Vec<Id>,
    /// The fact it belongs to, when another article reports it too.
    pub fact: Option<Id>,
    pub numbers: Vec<NumberRow>,
}

/// A number a claim gives.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberRow {
    pub id: Id,
    /// In `unit`, as written.
    pub value: f64,
    pub unit: String,
    /// `exact`, `about`, `at_least`, `at_most`, `more_than` or `less_than`.
    pub qualifier: String,
    /// The words that gave it.
    pub text: String,
    /// The value in its dimension's base unit (`km2`, `km`, `hour`), when one exists.
    pub normalized: Option<(f64, String)>,
}

/// A claim read before whose fact changed since: later articles regroup facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactChange {
    pub claim: Id,
    pub fact: Option<Id>,
}

/// An article names an entity (once per pair, however many times it does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRow {
    pub article: Id,
    pub entity: Id,
}

/// A `claim_links` row: `a < b`, `kind` [`EdgeKind::Corroborates`] or
/// [`EdgeKind::Conflicts`].
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRow {
    pub id: Id,
    pub a: Id,
    pub b: Id,
    pub kind: EdgeKind,
    pub score: f64,
}

/// The rows written between two watermarks. A delta whose `since` is the default
/// watermark is everything: the projection starts again from it.
#[derive(Debug, Clone, Default)]
pub struct Delta {
    pub since: Watermark,
    pub upto: Watermark,
    /// New entities, and entities renamed since `since`.
    pub entities: Vec<EntityRow>,
    pub articles: Vec<ArticleRow>,
    pub claims: Vec<ClaimRow>,
    pub mentions: Vec<MentionRow>,
    pub links: Vec<LinkRow>,
    /// Claims read before whose fact changed.
    pub facts: Vec<FactChange>,
}

impl Delta {
    /// Whether this delta holds everything rather than what followed a watermark.
    pub fn is_full(&self) -> bool {
        self.since == Watermark::default()
    }
}
