//! [`PgStore`] as the graph crate's [`Storage`]: each method is the store's own, its error
//! translated once (`error.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use claimgraph_graph::storage::{
    Actor, ArticleRecord, ClaimFilter, ClaimLinks, ClaimRecord, ClaimSort, CurationEntry, Cursor,
    DataVersion, EntityRecord, EntitySummary, FactRecord, FeedPosition, Inserted, MentionRecord,
    MergeOutcome, MergeRecord, Page, RelinkOutcome, RelinkScope, Storage, StorageError,
    StorageFuture,
};
use claimgraph_graph::{article::PreparedArticle, Delta, Watermark};

use crate::{Id, PgError, PgStore};

/// A store method's future with its error translated.
fn boxed<'a, T, F>(work: F) -> StorageFuture<'a, T>
where
    F: std::future::Future<Output = Result<T, PgError>> + Send + 'a,
{
    Box::pin(async move { work.await.map_err(StorageError::from) })
}

impl Storage for PgStore {
    fn ping(&self) -> StorageFuture<'_, ()> {
        boxed(PgStore::ping(self))
    }
    fn data_version(&self) -> StorageFuture<'_, DataVersion> {
        boxed(PgStore::data_version(self))
    }
    fn stop_reads(&self) {
        PgStore::stop_reads(self)
    }
    fn insert<'a>(&'a self, article: &'a PreparedArticle) -> StorageFuture<'a, Inserted> {
        boxed(PgStore::insert(self, article))
    }
    fn insert_batch(&self, articles: Arc<[PreparedArticle]>) -> StorageFuture<'_, Vec<Inserted>> {
        boxed(PgStore::insert_batch(self, articles))
    }
    fn find_article_by_hash<'a>(&'a self, content_hash: &'a str) -> StorageFuture<'a, Option<Id>> {
        boxed(PgStore::find_article_by_hash(self, content_hash))
    }
    fn get_article(&self, id: Id) -> StorageFuture<'_, ArticleRecord> {
        boxed(PgStore::get_article(self, id))
    }
    fn list_articles(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<ArticleRecord>> {
        boxed(PgStore::list_articles(self, limit, cursor))
    }
    fn articles_by_id<'a>(
        &'a self,
        ids: &'a [Id],
    ) -> StorageFuture<'a, HashMap<Id, ArticleRecord>> {
        boxed(PgStore::articles_by_id(self, ids))
    }
    fn get_claim(&self, id: Id) -> StorageFuture<'_, ClaimRecord> {
        boxed(PgStore::get_claim(self, id))
    }
    fn list_claims_sorted<'a>(
        &'a self,
        filter: &'a ClaimFilter,
        sort: ClaimSort,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'a, Page<ClaimRecord>> {
        boxed(PgStore::list_claims_sorted(
            self, filter, sort, limit, cursor,
        ))
    }
    fn claim_links(&self, id: Id) -> StorageFuture<'_, ClaimLinks> {
        boxed(PgStore::claim_links(self, id))
    }
    fn get_entity(&self, id: Id) -> StorageFuture<'_, EntityRecord> {
        boxed(PgStore::get_entity(self, id))
    }
    fn missing_entity(&self, id: Id) -> StorageFuture<'_, StorageError> {
        boxed(async move {
            PgStore::missing_entity(self, id)
                .await
                .map(StorageError::from)
        })
    }
    fn search_entities<'a>(
        &'a self,
        q: Option<&'a str>,
        kind: Option<&'a str>,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'a, Page<EntitySummary>> {
        boxed(PgStore::search_entities(self, q, kind, limit, cursor))
    }
    fn entity_mentions(
        &self,
        id: Id,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<MentionRecord>> {
        boxed(PgStore::entity_mentions(self, id, limit, cursor))
    }
    fn merge_entities<'a>(
        &'a self,
        into: Id,
        from: Id,
        actor: &'a Actor,
    ) -> StorageFuture<'a, MergeOutcome> {
        boxed(PgStore::merge_entities(self, into, from, actor))
    }
    fn undo_merge<'a>(&'a self, id: Id, actor: &'a Actor) -> StorageFuture<'a, MergeRecord> {
        boxed(PgStore::undo_merge(self, id, actor))
    }
    fn get_merge(&self, id: Id) -> StorageFuture<'_, MergeRecord> {
        boxed(PgStore::get_merge(self, id))
    }
    fn list_merges(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<MergeRecord>> {
        boxed(PgStore::list_merges(self, limit, cursor))
    }
    fn add_alias<'a>(
        &'a self,
        id: Id,
        alias: &'a str,
        actor: &'a Actor,
    ) -> StorageFuture<'a, EntityRecord> {
        boxed(PgStore::add_alias(self, id, alias, actor))
    }
    fn relink_mention<'a>(
        &'a self,
        id: Id,
        place: Id,
        scope: RelinkScope,
        actor: &'a Actor,
    ) -> StorageFuture<'a, RelinkOutcome> {
        boxed(PgStore::relink_mention(self, id, place, scope, actor))
    }
    fn curation_log(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<CurationEntry>> {
        boxed(PgStore::curation_log(self, limit, cursor))
    }
    fn get_fact(&self, id: Id) -> StorageFuture<'_, FactRecord> {
        boxed(PgStore::get_fact(self, id))
    }
    fn list_facts(
        &self,
        involving: Option<Id>,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> StorageFuture<'_, Page<FactRecord>> {
        boxed(PgStore::list_facts(self, involving, limit, cursor))
    }
    fn feed_head(&self) -> StorageFuture<'_, FeedPosition> {
        boxed(PgStore::feed_head(self))
    }
    fn articles_after(&self, after: Id, limit: i64) -> StorageFuture<'_, Vec<ArticleRecord>> {
        boxed(PgStore::articles_after(self, after, limit))
    }
    fn claims_after(&self, after: Id, limit: i64) -> StorageFuture<'_, Vec<ClaimRecord>> {
        boxed(PgStore::claims_after(self, after, limit))
    }
    fn facts_after(&self, after: Id, limit: i64) -> StorageFuture<'_, Vec<FactRecord>> {
        boxed(PgStore::facts_after(self, after, limit))
    }
    fn graph_watermark(&self) -> StorageFuture<'_, Watermark> {
        boxed(PgStore::graph_watermark(self))
    }
    fn graph_rows(&self, since: Watermark) -> StorageFuture<'_, Delta> {
        boxed(PgStore::graph_rows(self, since))
    }
}
