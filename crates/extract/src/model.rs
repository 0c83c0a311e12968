//! The shared types, from `claimgraph-model`, under the path the extractor's modules use
//! (`crate::model::…`), plus the extractor's own knobs.

pub use claimgraph_model::{
    Claim, ClaimKind, EntityKind, Extraction, Measure, Mention, PlaceRef, PlaceType, Qualifier,
    Quantity, Span,
};

/// Knobs that depend on where the text came from, not on the text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The first line is a headline (plain-text files and bodies posted without a title).
    pub headline_is_first_line: bool,
}

/// While `rules.rs` keeps its own copy of the conversion table (it tells the extractor which
/// unit codes convert; its test checks them against the unit table), that copy must be the
/// model's entry for entry, or "700 square miles" would be read with one factor and
/// compared with another. Checked when the crate compiles. Once `rules.rs` re-exports
/// `claimgraph_model::CONVERSIONS` instead, this check goes.
const _: () = assert!(same_table(
    crate::rules::CONVERSIONS,
    claimgraph_model::CONVERSIONS
));

/// Whether two conversion tables hold the same entries in the same order.
const fn same_table(a: &[(&str, &str, f64)], b: &[(&str, &str, f64)]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !same_str(a[i].0, b[i].0) || !same_str(a[i].1, b[i].1) || a[i].2 != b[i].2 {
            return false;
        }
        i += 1;
    }
    true
}

/// `a == b` for strings, which `const fn` cannot write directly.
const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
