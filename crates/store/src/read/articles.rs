//! Articles: the list, one article with its text, and articles by id.

use std::collections::HashMap;

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::{json_array, keyset_page};
use crate::StorageError;
use crate::{ArticleRecord, Page, Publication};
use crate::{Cursor, Id, Listing, Store, StoreError};

const ARTICLE_COLUMNS: &str = "a.id, a.title, s.name AS source, a.url, a.published_at,
    a.created_at, a.content_hash, a.claim_count, a.mention_count";

impl Store {
    pub async fn list_articles(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ArticleRecord>, StoreError> {
        let before = Cursor::after_id(cursor, Listing::Articles)?;
        let rows = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
             WHERE ?1 IS NULL OR a.id < ?1 ORDER BY a.id DESC LIMIT ?2"
        ))
        .bind(before)
        .bind(limit + 1)
        .fetch_all(&self.read)
        .await?;
        let items: Vec<ArticleRecord> = rows.iter().map(|r| article_row(r, false)).collect();
        Ok(keyset_page(items, limit, Listing::Articles, |a| a.id))
    }

    pub async fn get_article(&self, id: Id) -> Result<ArticleRecord, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS}, a.text FROM articles a
             LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1"
        ))
        .bind(id)
        .fetch_optional(&self.read)
        .await?
        .ok_or(StorageError::NotFound {
            what: "article",
            id,
        })?;
        let mut article = article_row(&row, true);
        article.publications = Some(self.publications(id).await?);
        Ok(article)
    }

    /// The outlets and addresses article `id` was published under, first first.
    async fn publications(&self, id: Id) -> Result<Vec<Publication>, StoreError> {
        let rows = sqlx::query(PUBLICATIONS)
            .bind(id)
            .fetch_all(&self.read)
            .await?;
        Ok(rows
            .iter()
            .map(|r| Publication {
                source: r.get("source"),
                url: r.get("url"),
                title: r.get("title"),
                published_at: r.get("published_at"),
                created_at: r.get("created_at"),
            })
            .collect())
    }

    /// The articles with these ids (without their text), by id; ids that name no article
    /// are left out. For lists of claims that show their article's title and source.
    pub async fn articles_by_id(
        &self,
        ids: &[Id],
    ) -> Result<HashMap<Id, ArticleRecord>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let rows = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
             WHERE a.id IN (SELECT value FROM json_each(?1))"
        ))
        .bind(json_array(ids))
        .fetch_all(&self.read)
        .await?;
        Ok(rows
            .iter()
            .map(|r| article_row(r, false))
            .map(|a| (a.id, a))
            .collect())
    }
}

pub(crate) fn article_row(r: &SqliteRow, with_text: bool) -> ArticleRecord {
    ArticleRecord {
        id: r.get("id"),
        title: r.get("title"),
        source: r.get("source"),
        url: r.get("url"),
        published_at: r.get("published_at"),
        created_at: r.get("created_at"),
        content_hash: r.get("content_hash"),
        claim_count: r.get("claim_count"),
        mention_count: r.get("mention_count"),
        text: if with_text { r.get("text") } else { None },
        publications: None,
    }
}

/// The publications of article `?1`, first first.
const PUBLICATIONS: &str = "SELECT s.name AS source, p.url, p.title, p.published_at, p.created_at
    FROM publications p LEFT JOIN sources s ON s.id = p.source_id
    WHERE p.article_id = ?1 ORDER BY p.id";
