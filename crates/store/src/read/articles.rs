//! Articles: the list, one article with its text, and articles by id.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row};

use super::{json_array, keyset_page};
use crate::StorageError;
use crate::{ArticleRecord, Page, Publication};
use crate::{Cursor, Id, Listing, Store, StoreError};

/// The columns [`article_row`] reads, from `articles a` joined with `sources s`.
pub(crate) const ARTICLE_COLUMNS: &str = "a.id, a.title, s.name AS source, a.url, a.published_at,
    a.created_at, a.content_hash, a.claim_count, a.mention_count";

impl Store {
    pub async fn list_articles(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ArticleRecord>, StoreError> {
        let before = Cursor::after_id(cursor, Listing::Articles)?;
        let items = self
            .read_with(move |conn| {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles a
                     LEFT JOIN sources s ON s.id = a.source_id
                     WHERE ?1 IS NULL OR a.id < ?1 ORDER BY a.id DESC LIMIT ?2"
                );
                let mut stmt = conn.prepare_cached(&sql)?;
                let rows = stmt.query_map((before, limit + 1), |r| article_row(r, false))?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
            })
            .await?;
        Ok(keyset_page(items, limit, Listing::Articles, |a| a.id))
    }

    pub async fn get_article(&self, id: Id) -> Result<ArticleRecord, StoreError> {
        self.read_with(move |conn| {
            let sql = format!(
                "SELECT {ARTICLE_COLUMNS}, a.text FROM articles a
                 LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1"
            );
            let mut article = conn
                .prepare_cached(&sql)?
                .query_row([id], |r| article_row(r, true))
                .optional()?
                .ok_or(StorageError::NotFound {
                    what: "article",
                    id,
                })?;
            article.publications = Some(publications(conn, id)?);
            Ok(article)
        })
        .await
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
        let ids = json_array(ids);
        self.read_with(move |conn| {
            let sql = format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                 WHERE a.id IN (SELECT value FROM json_each(?1))"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([ids], |r| article_row(r, false))?;
            let mut out = HashMap::new();
            for article in rows {
                let article = article?;
                out.insert(article.id, article);
            }
            Ok(out)
        })
        .await
    }
}

/// The outlets and addresses article `id` was published under, first first.
fn publications(conn: &Connection, id: Id) -> Result<Vec<Publication>, StoreError> {
    let mut stmt = conn.prepare_cached(PUBLICATIONS)?;
    let rows = stmt.query_map([id], |r| {
        Ok(Publication {
            source: r.get("source")?,
            url: r.get("url")?,
            title: r.get("title")?,
            published_at: r.get("published_at")?,
            created_at: r.get("created_at")?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// An article of a row with [`ARTICLE_COLUMNS`] (and `text` if `with_text`).
pub(crate) fn article_row(r: &Row, with_text: bool) -> rusqlite::Result<ArticleRecord> {
    Ok(ArticleRecord {
        id: r.get("id")?,
        title: r.get("title")?,
        source: r.get("source")?,
        url: r.get("url")?,
        published_at: r.get("published_at")?,
        created_at: r.get("created_at")?,
        content_hash: r.get("content_hash")?,
        claim_count: r.get("claim_count")?,
        mention_count: r.get("mention_count")?,
        text: if with_text { r.get("text")? } else { None },
        publications: None,
    })
}

/// The publications of article `?1`, first first.
const PUBLICATIONS: &str = "SELECT s.name AS source, p.url, p.title, p.published_at, p.created_at
    FROM publications p LEFT JOIN sources s ON s.id = p.source_id
    WHERE p.article_id = ?1 ORDER BY p.id";
