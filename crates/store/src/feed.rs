//! What was written since a reader last looked: articles, claims and facts by id. Ids only
//! grow, so a reader that remembers the last id of each it saw finds everything written
//! after, by this process or another (`claimgraph ingest` on the same file), and can
//! resume from the same position after a reconnect.

use crate::read::{article_row, ARTICLE_COLUMNS};
use crate::StorageError;
use crate::{
    ArticleRecord, ClaimFilter, ClaimRecord, Cursor, FactRecord, Id, Listing, Position, Store,
    StoreError,
};
use crate::{FeedPosition, LISTED_CLAIMS};

impl Store {
    /// The newest ids now: a reader starting here sees only what is written next.
    pub async fn feed_head(&self) -> Result<FeedPosition, StoreError> {
        self.read_with(|conn| {
            let head = conn.query_row(
                "SELECT (SELECT COALESCE(MAX(id), 0) FROM articles),
                        (SELECT COALESCE(MAX(id), 0) FROM claims),
                        (SELECT COALESCE(MAX(id), 0) FROM facts)",
                [],
                |r| {
                    Ok(FeedPosition {
                        article: r.get(0)?,
                        claim: r.get(1)?,
                        fact: r.get(2)?,
                    })
                },
            )?;
            Ok(head)
        })
        .await
    }

    /// Up to `limit` articles after id `after`, oldest first, without their text.
    pub async fn articles_after(
        &self,
        after: Id,
        limit: i64,
    ) -> Result<Vec<ArticleRecord>, StoreError> {
        self.read_with(move |conn| {
            let sql = format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                 WHERE a.id > ?1 ORDER BY a.id LIMIT ?2"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map((after, limit), |r| article_row(r, false))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
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
        let ids: Vec<Id> = self
            .read_with(move |conn| {
                let mut stmt =
                    conn.prepare_cached("SELECT id FROM facts WHERE id > ?1 ORDER BY id LIMIT ?2")?;
                let ids = stmt.query_map((after, limit), |r| r.get(0))?;
                Ok(ids.collect::<Result<Vec<_>, _>>()?)
            })
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
