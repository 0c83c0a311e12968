//! Claims → canonical entities, storage in SQLite, and the reads the API serves.
//!
//! Writing is split in two so bulk ingest can use every core: [`prepare`] is pure CPU work
//! (extraction, hashing, offset conversion) that may run on any thread, and
//! [`Store::insert`] / [`Store::insert_batch`] are the single writer. Extraction is
//! injected: [`prepare`] reads articles with the `claimgraph_model::ReadArticle` its
//! caller hands in, so this crate does not link the extractor.

mod audit;
mod curate;
mod cursor;
mod error;
mod facts;
mod feed;
mod graph_rows;
mod interrupt;
mod link;
mod merges;
mod offsets;
mod prepare;
mod read;
mod relink;
mod resolve;
mod search;
mod seats;
mod store;
mod write;

pub use audit::{Actor, CurationEntry};
pub use curate::MergeOutcome;
pub use cursor::{Cursor, Listing, Position};
pub use error::StoreError;
pub use facts::{ClaimLinks, FactRecord, LinkedClaim, LISTED_CLAIMS};
pub use feed::FeedPosition;
pub use interrupt::with_deadline;
pub use merges::MergeRecord;
pub use prepare::{content_hash, prepare, signatures, ArticleText, NewArticle, PreparedArticle};
pub use read::{
    ArticleRecord, ClaimFilter, ClaimPlace, ClaimRecord, ClaimSort, EntityRecord, EntitySummary,
    NumberFilter, NumberRecord, Page, PlaceInfo, SpeakerRecord,
};
pub use relink::{MentionRecord, RelinkOutcome, RelinkScope};
pub use search::{
    SearchError, MAX_DEPTH, MAX_NAME_CHARS, MAX_NEAR_DISTANCE, MAX_PREFIXES, MAX_PREFIX_WORDS,
    MAX_SPELLINGS, MAX_WORDS, MIN_PREFIX_CHARS,
};
pub use store::{DataVersion, Store, StoreOptions, MIGRATOR};
pub use write::Inserted;

/// Database ids are SQLite rowids.
pub type Id = i64;
