//! The shared types, from `claimgraph-model`, under the path the extractor's modules use
//! (`crate::model::…`), with the knobs callers pass in.

pub use claimgraph_model::{
    Claim, ClaimKind, EntityKind, ExtractOptions, Extraction, Figure, Gist, Measure, Mention,
    PlaceRef, PlaceType, Qualifier, Quantity, ReadArticle, Span,
};
