//! The one hash words are kept by (sets of words seen in an article, the given-name list,
//! the tagger's features): FNV-1a, so the same word hashes the same in every process.

use std::hash::Hasher;

use claimgraph_gazetteer::Fnv;

/// The FNV-1a hash of a word: sets of words seen in an article, kept without copying them.
pub fn word_hash(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}
