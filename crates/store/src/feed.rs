//! What was written since a reader last looked: articles, claims and facts by id. Ids only
//! grow, so a reader that remembers the last id of each it saw finds everything written
//! after, by this process or another (`claimgraph ingest` on the same file), and can
//! resume from the same position after a reconnect.

use sqlx::Row;

use crate::read::article_row;
use crate::StorageError;
use crate::{
    ArticleRecord, ClaimFilter, ClaimRecord, Cursor, FactRecord, Id, Listing, Position, Store,
    StoreError,
};
use crate::{FeedPosition, LISTED_CLAIMS};

impl Store {
    /// The newest ids now: a reader starting here sees only what is written next.
    pub async fn feed_head(&self) -> Result<FeedPosition, StoreError> {
        let r = sqlx::query(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM articles) AS article,
                    (SELECT COALESCE(MAX(id), 0) FROM claims) AS claim,
                    (SELECT COALESCE(MAX(id), 0) FROM facts) AS fact",
        )
        .fetch_one(&self.read)
        .await?;
        Ok(FeedPosition {
            article: r.get("article"),
            claim: r.get("claim"),
            fact: r.get("fact"),
        })
    }

    /// Up to `limit` articles after id `after`, oldest first, without their text.
    pub async fn articles_after(
        &self,
        after: Id,
        limit: i64,
    ) -> Result<Vec<ArticleRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.title, s.name AS source, a.url, a.published_at, a.created_at,
                    a.content_hash, a.claim_count, a.mention_count
             FROM articles a LEFT JOIN sources s ON s.id = a.source_id
             WHERE a.id > ?1 ORDER BY a.id LIMIT ?2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().map(|r| article_row(r, false)).collect())
    }

    /// Up to `limit` claims after id `after`, oldest first.
    pub async fn claims_after(
        &self,
        after: Id,
        limit: i64,
    ) -> Result<Vec<ClaimRecord>, StoreError> {
        let cursor = (after > 0).then_some(Cursor::new(
            Listing::Claims(crate::ClaimSort::Stored),
            Position::After(after),
        ));
        let page = self
            .list_claims(&ClaimFilter::default(), limit, cursor)
            .await?;
        Ok(page.items)
    }

    /// Up to `limit` facts formed after id `after`, oldest first, each with its first
    /// claims as a list of facts gives them. A fact dissolved meanwhile is left out.
    pub async fn facts_after(&self, after: Id, limit: i64) -> Result<Vec<FactRecord>, StoreError> {
        let ids: Vec<Id> =
            sqlx::query_scalar("SELECT id FROM facts WHERE id > ?1 ORDER BY id LIMIT ?2")
                .bind(after)
                .bind(limit)
                .fetch_all(&self.read)
                .await?;
        let mut facts = Vec::with_capacity(ids.len());
        for id in ids {
            match self.fact(id, Some(LISTED_CLAIMS)).await {
                Ok(f) => facts.push(f),
                Err(StoreError::Storage(StorageError::NotFound { .. })) => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(facts)
    }
}
