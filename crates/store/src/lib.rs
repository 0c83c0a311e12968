//! The graph crate's [`Storage`] on SQLite: schema, migrations, the single writer, the
//! reads and their query plans. The only crate that knows SQL.
//!
//! Writing is split in two so bulk ingest can use every core: [`prepare`] (the graph
//! crate's, pure CPU work: extraction, hashing, offset conversion) may run on any thread,
//! and [`Store::insert`] / [`Store::insert_batch`] are the single writer, which resolves
//! entities and makes facts by the graph crate's rules (`canon`, `corroborate`, `cluster`).

mod audit;
mod curate;
mod error;
mod facts;
mod feed;
mod graph_rows;
mod interrupt;
mod ledger;
mod link;
mod merges;
mod migrate;
mod pool;
mod read;
mod relink;
mod resolve;
mod search;
mod seats;
mod storage;
mod store;
mod token_index;
mod write;
mod writer;

pub use error::StoreError;
pub use migrate::MigrateError;
pub use store::{Store, StoreOptions};

// The records, filters, cursors and prepared articles of the storage contract are the
// graph crate's; re-exported so the store's own code and tests name them from here.
pub use claimgraph_graph::article::{
    content_hash, prepare, signatures, ArticleText, NewArticle, PreparedArticle,
};
pub use claimgraph_graph::storage::{
    with_deadline, Actor, ArticleRecord, ClaimFilter, ClaimLinks, ClaimPlace, ClaimRecord,
    ClaimSort, CurationAction, CurationEntry, Cursor, DataVersion, EntityRecord, EntitySummary,
    FactRecord, FeedPosition, Inserted, LinkedClaim, Listing, MentionRecord, MergeOutcome,
    MergeRecord, NumberFilter, NumberRecord, Page, PlaceInfo, Position, Publication, RelinkOutcome,
    RelinkScope, SpeakerRecord, Storage, StorageError, LISTED_CLAIMS, LISTED_NUMBERS, MAX_LINKED,
    SEARCHED_CLAIMS,
};

#[cfg(test)]
pub(crate) mod test_articles;

/// Database ids are SQLite rowids.
pub type Id = i64;
