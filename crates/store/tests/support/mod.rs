//! What the store's integration tests share: a reader that reads nothing, for tests that
//! put a hand-made extraction in its place, and the gists the extractor would read.

use claimgraph_model::{ExtractOptions, Extraction, ReadArticle};

/// Reads nothing: these tests put a hand-made extraction in place of what a reader finds.
pub struct Unread;

impl ReadArticle for Unread {
    fn read(&self, _: &str, _: &ExtractOptions) -> Extraction {
        Extraction::default()
    }
}

/// The gists the extractor reads, put on hand-made claims: what their signatures are made of.
pub fn read_gists(text: &str, extraction: &mut Extraction) {
    for c in &mut extraction.claims {
        c.gist = claimgraph_ingest::gist(text, c);
    }
}
