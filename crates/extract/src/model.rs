//! The shared types, from `claimgraph-model`, under the path the extractor's modules use
//! (`crate::model::…`), plus the extractor's own knobs.

pub use claimgraph_model::{
    Claim, ClaimKind, EntityKind, Extraction, Figure, Gist, Measure, Mention, PlaceRef, PlaceType,
    Qualifier, Quantity, Span,
};

/// Knobs that depend on where the text came from, not on the text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The first line is a headline (plain-text files and bodies posted without a title).
    pub headline_is_first_line: bool,
}
