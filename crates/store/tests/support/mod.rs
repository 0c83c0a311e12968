//! What the store's integration tests share: a reader that reads nothing, for tests that
//! put a hand-made extraction in its place, and plain gists for hand-made claims.

use claimgraph_model::{ExtractOptions, Extraction, Figure, Gist, ReadArticle};

/// Reads nothing: these tests put a hand-made extraction in place of what a reader finds.
pub struct Unread;

impl ReadArticle for Unread {
    fn read(&self, _: &str, _: &ExtractOptions) -> Extraction {
        Extraction::default()
    }
}

/// Gists of hand-made claims without the extractor's language rules: each claim's words
/// of four letters or more, lower-cased, and its numbers as figures. Claims in the same
/// words compare as the same; that is all these tests ask of a gist.
pub fn plain_gists(text: &str, extraction: &mut Extraction) {
    for c in &mut extraction.claims {
        let words = c.span.slice(text).unwrap_or("");
        let mut terms: Vec<String> = Vec::new();
        for w in words.split(|ch: char| !ch.is_alphanumeric()) {
            let w = w.to_lowercase();
            if w.chars().count() >= 4 && !terms.contains(&w) {
                terms.push(w);
            }
        }
        let figures = c
            .numbers
            .iter()
            .map(|q| Figure {
                unit: q.unit.clone(),
                value: q.value,
                context: Vec::new(),
            })
            .collect();
        c.gist = Gist {
            terms,
            negated: false,
            figures,
        };
    }
}
