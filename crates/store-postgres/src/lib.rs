//! The graph crate's [`Storage`] on PostgreSQL, for deployments that outgrow one machine:
//! several `serve` replicas and `ingest` workers sharing one database server. The same
//! contract, records and rules as the SQLite store (`claimgraph-store`); only the SQL and
//! the database's own machinery differ (tsvector search, PL/pgSQL change counters,
//! `statement_timeout` for read deadlines).
//!
//! [`Storage`]: claimgraph_graph::storage::Storage

mod audit;
mod curate;
mod error;
mod facts;
mod feed;
mod graph_rows;
mod ledger;
mod link;
mod lock;
mod merges;
mod migrate;
mod pool;
mod query_builder;
mod read;
mod relink;
mod resolve;
mod rows;
mod search;
mod seats;
mod storage;
mod store;
// The SQLite store's hand-made articles, one file for both stores' tests.
#[cfg(test)]
#[path = "../../store/src/test_articles.rs"]
pub(crate) mod test_articles;
#[doc(hidden)]
pub mod testing;
mod token_index;
mod write;
mod writer;

pub use error::PgError;
pub use migrate::MigrateError;
pub use store::PgStore;

// The records of the storage contract are the graph crate's; re-exported so this crate's
// code and tests name them from here, as the SQLite store's do.
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

/// Database ids: BIGINT identities.
pub type Id = i64;
