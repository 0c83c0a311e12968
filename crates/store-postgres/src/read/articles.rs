//! Articles: the list, one article with its text, and articles by id.

use std::collections::HashMap;

use postgres::{GenericClient, Row};

use super::keyset_page;
use crate::StorageError;
use crate::{ArticleRecord, Page, Publication};
use crate::{Cursor, Id, Listing, PgError, PgStore};

/// The columns [`article_row`] reads, from `articles a` joined with `sources s`.
pub(crate) const ARTICLE_COLUMNS: &str = "a.id, a.title, s.name AS source, a.url, a.published_at,
    a.created_at, a.content_hash, a.claim_count, a.mention_count";

impl PgStore {
    pub async fn list_articles(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ArticleRecord>, PgError> {
        let before = Cursor::after_id(cursor, Listing::Articles)?;
        let items = self
            .read_with(move |client| {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles a
                     LEFT JOIN sources s ON s.id = a.source_id
                     WHERE $1::bigint IS NULL OR a.id < $1 ORDER BY a.id DESC LIMIT $2"
                );
                let rows = client.query(&sql, &[&before, &(limit + 1)])?;
                rows.iter().map(|r| article_row(r, false)).collect()
            })
            .await?;
        Ok(keyset_page(items, limit, Listing::Articles, |a| a.id))
    }

    pub async fn get_article(&self, id: Id) -> Result<ArticleRecord, PgError> {
        self.read_with(move |client| {
            let sql = format!(
                "SELECT {ARTICLE_COLUMNS}, a.text FROM articles a
                 LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = $1"
            );
            let row = client
                .query_opt(&sql, &[&id])?
                .ok_or(StorageError::NotFound {
                    what: "article",
                    id,
                })?;
            let mut article = article_row(&row, true)?;
            article.publications = Some(publications(client, id)?);
            Ok(article)
        })
        .await
    }

    /// The articles with these ids (without their text), by id; ids that name no article
    /// are left out. For lists of claims that show their article's title and source.
    pub async fn articles_by_id(&self, ids: &[Id]) -> Result<HashMap<Id, ArticleRecord>, PgError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let ids = ids.to_vec();
        self.read_with(move |client| {
            let sql = format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                 WHERE a.id = ANY($1)"
            );
            let mut out = HashMap::new();
            for row in client.query(&sql, &[&ids])? {
                let article = article_row(&row, false)?;
                out.insert(article.id, article);
            }
            Ok(out)
        })
        .await
    }
}

/// The outlets and addresses article `id` was published under, first first.
fn publications(client: &mut impl GenericClient, id: Id) -> Result<Vec<Publication>, PgError> {
    client
        .query(PUBLICATIONS, &[&id])?
        .iter()
        .map(|r| {
            Ok(Publication {
                source: r.try_get("source")?,
                url: r.try_get("url")?,
                title: r.try_get("title")?,
                published_at: r.try_get("published_at")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// An article of a row with [`ARTICLE_COLUMNS`] (and `text` if `with_text`).
pub(crate) fn article_row(r: &Row, with_text: bool) -> Result<ArticleRecord, PgError> {
    Ok(ArticleRecord {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        source: r.try_get("source")?,
        url: r.try_get("url")?,
        published_at: r.try_get("published_at")?,
        created_at: r.try_get("created_at")?,
        content_hash: r.try_get("content_hash")?,
        claim_count: r.try_get("claim_count")?,
        mention_count: r.try_get("mention_count")?,
        text: if with_text { r.try_get("text")? } else { None },
        publications: None,
    })
}

/// The publications of article `$1`, first first.
const PUBLICATIONS: &str = "SELECT s.name AS source, p.url, p.title, p.published_at, p.created_at
    FROM publications p LEFT JOIN sources s ON s.id = p.source_id
    WHERE p.article_id = $1 ORDER BY p.id";
