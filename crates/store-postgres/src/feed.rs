//! What was written since a reader last looked: articles, claims and facts by id. Ids only
//! grow, so a reader that remembers the last id of each it saw finds everything written
//! after, by this process or another (an `ingest` worker on the same database), and can
//! resume from the same position after a reconnect.

use crate::read::{article_row, ARTICLE_COLUMNS};
use crate::StorageError;
use crate::{
    ArticleRecord, ClaimFilter, ClaimRecord, Cursor, FactRecord, Id, Listing, PgError, PgStore,
    Position,
};
use crate::{FeedPosition, LISTED_CLAIMS};

impl PgStore {
    /// The newest ids now: a reader starting here sees only what is written next.
    pub async fn feed_head(&self) -> Result<FeedPosition, PgError> {
        self.read_with(|client| {
            let r = client.query_one(
                "SELECT (SELECT COALESCE(MAX(id), 0) FROM articles),
                        (SELECT COALESCE(MAX(id), 0) FROM claims),
                        (SELECT COALESCE(MAX(id), 0) FROM facts)",
                &[],
            )?;
            Ok(FeedPosition {
                article: r.try_get(0)?,
                claim: r.try_get(1)?,
                fact: r.try_get(2)?,
            })
        })
        .await
    }

    /// Up to `limit` articles after id `after`, oldest first, without their text.
    pub async fn articles_after(
        &self,
        after: Id,
        limit: i64,
    ) -> Result<Vec<ArticleRecord>, PgError> {
        self.read_with(move |client| {
            let sql = format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                 WHERE a.id > $1 ORDER BY a.id LIMIT $2"
            );
            let rows = client.query(&sql, &[&after, &limit])?;
            rows.iter().map(|r| article_row(r, false)).collect()
        })
        .await
    }

    /// Up to `limit` claims after id `after`, oldest first.
    pub async fn claims_after(&self, after: Id, limit: i64) -> Result<Vec<ClaimRecord>, PgError> {
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
    pub async fn facts_after(&self, after: Id, limit: i64) -> Result<Vec<FactRecord>, PgError> {
        let ids: Vec<Id> = self
            .read_with(move |client| {
                let rows = client.query(
                    "SELECT id FROM facts WHERE id > $1 ORDER BY id LIMIT $2",
                    &[&after, &limit],
                )?;
                Ok(rows
                    .iter()
                    .map(|r| r.try_get(0))
                    .collect::<Result<Vec<_>, _>>()?)
            })
            .await?;
        let mut facts = Vec::with_capacity(ids.len());
        for id in ids {
            match self.fact(id, Some(LISTED_CLAIMS)).await {
                Ok(f) => facts.push(f),
                Err(PgError::Storage(StorageError::NotFound { .. })) => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(facts)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_articles::{article, Said};
    use crate::testing::TestDb;
    use crate::write::tests::{block_on, open};
    use crate::FeedPosition;

    fn said<'a>(words: &'a str, speaker: &'a str) -> Said<'a> {
        Said {
            words,
            speaker: Some(speaker),
            places: &[],
            numbers: &[],
        }
    }

    #[test]
    fn a_reader_finds_what_was_written_after_its_position_oldest_first() {
        let Some(db) = TestDb::create("feed_after") else {
            return;
        };
        block_on(async {
            let store = open(db.config().clone()).await;
            let empty = store.feed_head().await.expect("head");
            assert_eq!(empty, FeedPosition::default());

            let first = "Harbour master Luka Perić said the ferries would stop on Monday.";
            store
                .insert(&article(
                    first,
                    Some("Valley Post"),
                    &[said("the ferries would stop on Monday", "Luka Perić")],
                ))
                .await
                .expect("insert");
            let at = store.feed_head().await.expect("head");
            let second = "Mayor Tina Zupan said the ferries would stop on Monday. \
             Zupan said buses would run instead.";
            store
                .insert(&article(
                    second,
                    Some("Lake Courier"),
                    &[
                        said("the ferries would stop on Monday", "Tina Zupan"),
                        said("buses would run instead", "Zupan"),
                    ],
                ))
                .await
                .expect("insert");
            let head = store.feed_head().await.expect("head");
            assert!(head.article > at.article && head.claim > at.claim);

            let all = store.articles_after(0, 10).await.expect("articles");
            assert_eq!(all.len(), 2);
            assert!(all[0].id < all[1].id);
            let newer = store
                .articles_after(at.article, 10)
                .await
                .expect("articles");
            assert_eq!(newer.len(), 1);
            assert_eq!(newer[0].source.as_deref(), Some("Lake Courier"));
            assert!(newer[0].text.is_none(), "without their text");
            assert_eq!(store.articles_after(0, 1).await.expect("one").len(), 1);

            let claims = store.claims_after(0, 10).await.expect("claims");
            assert_eq!(claims.len(), 3);
            assert!(claims.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
            let later = store.claims_after(at.claim, 10).await.expect("claims");
            assert_eq!(later.len(), 2);
            assert!(later.iter().all(|c| c.id > at.claim));
            assert!(store
                .claims_after(head.claim, 10)
                .await
                .expect("none")
                .is_empty());

            let facts = store.facts_after(0, 10).await.expect("facts");
            assert!(facts.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
            assert!(facts.iter().all(|f| f.id <= head.fact));
            assert!(store
                .facts_after(head.fact, 10)
                .await
                .expect("none")
                .is_empty());
        });
    }
}
