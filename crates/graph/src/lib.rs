//! The claim graph as a graph: a petgraph projection of the store's entities, claims and
//! articles with typed edges, kept in step with ingest by applying only the rows written
//! since it last looked ([`Delta`], bounded by a [`Watermark`]).
//!
//! Pure data in, pure data out: the store reads the rows, this crate builds the graph and
//! answers neighbourhoods, paths and co-occurrence, and writes GraphML, N-Triples and
//! JSON-LD. It knows nothing of SQL, async or HTTP.
//!
//! The rules that make the graph canonical live here too, as pure functions the store
//! calls: the keys under which two spellings of a name are one entity ([`canon`]), when
//! two claims report one fact or disagree on a figure ([`corroborate`]) and which claims
//! of a neighbourhood form one fact ([`cluster`]), when an analyst's merge may be made
//! or undone ([`curation`]).

pub mod article;
pub mod canon;
pub mod cluster;
pub mod corroborate;
pub mod curation;
mod error;
mod export;
mod fact_edges;
pub mod facts;
mod model;
mod parallel;
mod projection;
mod query;
pub mod resolve;
pub mod search;
pub mod storage;

pub use export::{figure_text, iri, Format, EXPORT_REVISION, IRI_BASE, VOCAB};
pub use model::{
    ArticleRow, ClaimRow, Delta, EdgeKind, EntityRow, FactChange, Id, LinkRow, MentionRow, NodeKey,
    NumberRow, PlaceRow, Watermark,
};
pub use projection::{Detail, Edge, EdgeView, Node, OutOfStep, Projection};
pub use query::{Neighbourhood, Path, Related};
