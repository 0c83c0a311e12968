//! The storage the graph is kept in, as the readers of the graph see it: one method per
//! question, answered with the records of [`records`]. The HTTP edge holds an
//! `Arc<dyn Storage>` and never names a database; `claimgraph-store` implements it on
//! SQLite.
//!
//! Methods return boxed futures ([`StorageFuture`]) so the trait can be used as a trait
//! object behind any number of handlers.

mod cursor;
mod deadline;
mod records;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub use crate::error::{BoxError, StorageError};
pub use crate::Id;
pub use cursor::{Cursor, Listing, Position};
pub use deadline::{current_deadline, with_deadline};
pub use records::*;

use crate::article::PreparedArticle;
use crate::{Delta, Watermark};

/// What every [`Storage`] method returns: the answer later, or why there is none.
pub type StorageFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StorageError>> + Send + 'a>>;

/// The questions the service asks of its storage, and the writes it makes.
pub trait Storage: Send + Sync + std::fmt::Debug {
    // ---- the service itself
    /// Whether the storage answers at all (a health probe: it must not queue behind reads).
    fn ping(&self) -> StorageFuture<'_, ()>;
    /// A value that changes whenever the content may have changed (ETags, the event feed).
    fn data_version(&self) -> StorageFuture<'_, DataVersion>;
    /// Stops every read running now and started from now on (shutdown).
    fn stop_reads(&self);

    // ---- articles
    /// Stores one prepared article, or finds it stored already (by its content hash).
    fn insert<'a>(&'a self, article: &'a PreparedArticle) -> StorageFuture<'a, Inserted>;
    /// Stores many articles in one transaction, each answered in order.
    fn insert_batch(&self, articles: Arc<[PreparedArticle]>) -> StorageFuture<'_, Vec<Inserted>>;
    /// The stored article with this content hash, if any.
    fn find_article_by_hash<'a>(&'a self, content_hash: &'a str) -> StorageFuture<'a, Option<Id>>;
    fn get_article(&self, id: Id) -> StorageFuture<'_, ArticleRecord>;
    fn list_articles(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<ArticleRecord>>;
    /// The articles of these ids that exist, by id.
    fn articles_by_id<'a>(&'a self, ids: &'a [Id])
        -> StorageFuture<'a, HashMap<Id, ArticleRecord>>;

    // ---- claims
    fn get_claim(&self, id: Id) -> StorageFuture<'_, ClaimRecord>;
    fn list_claims_sorted<'a>(
        &'a self,
        filter: &'a ClaimFilter,
        sort: ClaimSort,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'a, Page<ClaimRecord>>;
    /// The claims that report the same fact as this one, and those that conflict with it.
    fn claim_links(&self, id: Id) -> StorageFuture<'_, ClaimLinks>;

    // ---- entities and their curation
    fn get_entity(&self, id: Id) -> StorageFuture<'_, EntityRecord>;
    /// Why an entity id that names no entity is missing: never stored, or merged away.
    fn missing_entity(&self, id: Id) -> StorageFuture<'_, StorageError>;
    fn search_entities<'a>(
        &'a self,
        q: Option<&'a str>,
        kind: Option<&'a str>,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'a, Page<EntitySummary>>;
    fn entity_mentions(
        &self,
        id: Id,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<MentionRecord>>;
    fn merge_entities<'a>(
        &'a self,
        into: Id,
        from: Id,
        actor: &'a Actor,
    ) -> StorageFuture<'a, MergeOutcome>;
    fn undo_merge<'a>(&'a self, id: Id, actor: &'a Actor) -> StorageFuture<'a, MergeRecord>;
    fn get_merge(&self, id: Id) -> StorageFuture<'_, MergeRecord>;
    fn list_merges(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<MergeRecord>>;
    fn add_alias<'a>(
        &'a self,
        id: Id,
        alias: &'a str,
        actor: &'a Actor,
    ) -> StorageFuture<'a, EntityRecord>;
    fn relink_mention<'a>(
        &'a self,
        id: Id,
        place: Id,
        scope: RelinkScope,
        actor: &'a Actor,
    ) -> StorageFuture<'a, RelinkOutcome>;
    fn curation_log(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<CurationEntry>>;

    // ---- facts
    fn get_fact(&self, id: Id) -> StorageFuture<'_, FactRecord>;
    fn list_facts(
        &self,
        involving: Option<Id>,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<FactRecord>>;

    // ---- what was written since a position (the event feed)
    fn feed_head(&self) -> StorageFuture<'_, FeedPosition>;
    fn articles_after(&self, after: Id, limit: i64) -> StorageFuture<'_, Vec<ArticleRecord>>;
    fn claims_after(&self, after: Id, limit: i64) -> StorageFuture<'_, Vec<ClaimRecord>>;
    fn facts_after(&self, after: Id, limit: i64) -> StorageFuture<'_, Vec<FactRecord>>;

    // ---- the graph projection's rows
    /// Where the stored graph stands now.
    fn graph_watermark(&self) -> StorageFuture<'_, Watermark>;
    /// The rows written since `since`.
    fn graph_rows(&self, since: Watermark) -> StorageFuture<'_, Delta>;
}
