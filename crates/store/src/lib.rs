//! Claims → canonical entities, storage in SQLite, and the reads the API serves.
//!
//! Writing is split in two so bulk ingest can use every core: [`prepare`] is pure CPU work
//! (extraction, hashing, offset conversion) that may run on any thread, and
//! [`Store::insert`] / [`Store::insert_batch`] are the single writer.

pub mod canon;
pub mod cluster;
pub mod corroborate;
mod curate;
mod cursor;
mod error;
mod facts;
mod graph_rows;
mod interrupt;
mod link;
mod offsets;
mod prepare;
mod read;
mod resolve;
mod seats;
mod store;
mod write;

pub use cursor::Cursor;
pub use error::StoreError;
pub use facts::{ClaimLinks, FactRecord, LinkedClaim, LISTED_CLAIMS};
pub use interrupt::with_deadline;
pub use prepare::{
    content_hash, prepare, signatures, warm_up, ArticleText, NewArticle, PreparedArticle,
};
pub use read::{
    ArticleRecord, ClaimFilter, ClaimRecord, ClaimSort, EntityRecord, EntitySummary, NumberFilter,
    NumberRecord, Page, PlaceInfo, SpeakerRecord,
};
pub use store::{DataVersion, Store, StoreOptions, MIGRATOR};
pub use write::Inserted;

/// Database ids are SQLite rowids.
pub type Id = i64;
