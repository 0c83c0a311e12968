//! Reads of the cross-source layer: which claims of other articles corroborate a claim,
//! which conflict with it, and the facts (clusters of corroborating claims) largest first.
//!
//! A conflict is found between two claims, but it holds between what they report: every
//! claim of the one's fact conflicts with every claim of the other's.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, Row};

use crate::read::json_array;
use crate::StorageError;
use crate::{ClaimLinks, FactRecord, LinkedClaim, LISTED_CLAIMS, MAX_LINKED, SEARCHED_CLAIMS};
use crate::{Cursor, Id, Listing, Page, Position, Store, StoreError};
use claimgraph_graph::corroborate::Signature;

const LINKED_COLUMNS: &str = "c.id, c.article_id, s.name AS source,
    COALESCE(e.name, c.speaker_text) AS speaker, c.text, c.fact_id
    FROM claims c JOIN articles a INDEXED BY articles_head ON a.id = c.article_id
    LEFT JOIN sources s ON s.id = a.source_id
    LEFT JOIN entities e ON e.id = c.speaker_id";

fn linked(r: &Row) -> rusqlite::Result<LinkedClaim> {
    Ok(LinkedClaim {
        claim_id: r.get(0)?,
        article_id: r.get(1)?,
        source: r.get(2)?,
        speaker: r.get(3)?,
        text: r.get(4)?,
    })
}

/// A page (`?1` rows from offset `?2`) of the ids of all facts, the most reported first.
pub(crate) const ALL_FACTS: &str =
    "SELECT id FROM facts ORDER BY size DESC, article_count DESC, id LIMIT ?1 OFFSET ?2";

/// A page (`?1` rows from offset `?2`) of the ids of the facts with a claim entity `?3`
/// said, is cited in or is about, the most reported first.
pub(crate) const ENTITY_FACTS: &str = "WITH e(fact) AS (
        SELECT fact_id FROM claims WHERE speaker_id = ?3 AND fact_id IS NOT NULL
        UNION
        SELECT fact_id FROM claims WHERE via_id = ?3 AND fact_id IS NOT NULL
        UNION
        SELECT c.fact_id FROM claim_places cp JOIN claims c ON c.id = cp.claim_id
        WHERE cp.entity_id = ?3 AND c.fact_id IS NOT NULL)
    SELECT f.id FROM e JOIN facts f ON f.id = e.fact
    ORDER BY f.size DESC, f.article_count DESC, f.id
    LIMIT ?1 OFFSET ?2";

/// The CTE `p(id)`: the claims linked as conflicting with a claim of `m(id)`. `CROSS JOIN`
/// keeps `m` as the outer loop: SQLite may otherwise scan every link (seen at 10k
/// articles: 250-380 ms a claim instead of a few).
const CONFLICT_PARTNERS: &str = "p(id) AS MATERIALIZED (
        SELECT l.b FROM m CROSS JOIN claim_links l ON l.a = m.id AND l.kind = 'conflicts'
        UNION
        SELECT l.a FROM m CROSS JOIN claim_links l ON l.b = m.id AND l.kind = 'conflicts')";

/// Up to `?3` claims, not of article `?2`, conflicting with claim `?1` or a claim of its
/// fact: those linked as conflicting, and the claims of their facts (each join from the
/// few rows to the many, as in [`CONFLICT_PARTNERS`]).
pub(crate) fn claim_conflicts_sql() -> String {
    format!(
        "WITH m(id) AS MATERIALIZED ({MEMBERS}),
             {CONFLICT_PARTNERS},
             f(id) AS MATERIALIZED (
                 SELECT DISTINCT q.fact_id FROM p CROSS JOIN claims q ON q.id = p.id
                 WHERE q.fact_id IS NOT NULL),
             x(id) AS (SELECT id FROM p
                       UNION SELECT q.id FROM f CROSS JOIN claims q ON q.fact_id = f.id)
             SELECT {LINKED_COLUMNS}
             WHERE c.id IN (SELECT id FROM x) AND c.id NOT IN (SELECT id FROM m)
               AND c.article_id != ?2
             ORDER BY c.id LIMIT ?3"
    )
}

/// What conflicts with fact `?1`, finding the claims linked as conflicting with its first
/// `?3` claims by id (all when negative) once: rows of the first `?2` of those claims
/// (all when negative) by id, of other facts or none; then rows of up to `?2` of their
/// facts, with only the fact id set (column 5) and no claim id (column 0), those of the
/// earliest claims first. Without an order on the facts, SQLite stops reading claims
/// once it has `?2` of them.
pub(crate) fn conflicting_sql() -> String {
    format!(
        "WITH m(id) AS MATERIALIZED (
             SELECT id FROM claims WHERE fact_id = ?1 ORDER BY id LIMIT ?3),
         {CONFLICT_PARTNERS},
         f(id) AS (SELECT DISTINCT q.fact_id FROM p CROSS JOIN claims q ON q.id = p.id
                   WHERE q.fact_id IS NOT NULL AND q.fact_id != ?1 LIMIT ?2)
         SELECT * FROM (SELECT {LINKED_COLUMNS}
                        WHERE c.id IN (SELECT id FROM p) AND c.fact_id IS NOT ?1
                        ORDER BY c.id LIMIT ?2)
         UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, id FROM f"
    )
}

/// The distinct outlets that published the articles of fact `?1`, by name: a syndicated
/// text counts each outlet that carried it.
pub(crate) const FACT_SOURCES: &str = "SELECT DISTINCT s.name FROM claims c
    JOIN publications p INDEXED BY publications_article ON p.article_id = c.article_id
    JOIN sources s ON s.id = p.source_id WHERE c.fact_id = ?1 ORDER BY s.name";

/// Claims (as `id`) in the same fact as claim `?1`, itself included.
const MEMBERS: &str = "SELECT id FROM claims WHERE id = ?1
    OR (fact_id IS NOT NULL AND fact_id = (SELECT fact_id FROM claims WHERE id = ?1))";

impl Store {
    /// Corroborating and conflicting claims of claim `id` (which must exist).
    pub async fn claim_links(&self, id: Id) -> Result<ClaimLinks, StoreError> {
        self.read_with(move |conn| claim_links(conn, id)).await
    }

    /// Facts, the most reported first (by claims, then articles), a page at a time; with
    /// `involving`, only facts one of whose claims that entity said, is cited in or is
    /// about (the entity must exist).
    pub async fn list_facts(
        &self,
        involving: Option<Id>,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<FactRecord>, StoreError> {
        let offset = Cursor::offset(cursor, Listing::Facts)?;
        if let Some(id) = involving {
            self.require("entity", id).await?;
        }
        self.read_with(move |conn| list_facts(conn, involving, limit, offset))
            .await
    }

    /// One fact with all its claims, sources and conflicting facts.
    pub async fn get_fact(&self, id: Id) -> Result<FactRecord, StoreError> {
        self.fact(id, None).await
    }

    /// One fact with its first `listed` claims (all when `None`), as many conflicting
    /// claims and as many conflicting facts; its size, article count and sources count
    /// every claim.
    pub(crate) async fn fact(
        &self,
        id: Id,
        listed: Option<usize>,
    ) -> Result<FactRecord, StoreError> {
        self.read_with(move |conn| fact(conn, id, listed)).await
    }
}

/// Corroborating and conflicting claims of claim `id` (which must exist).
fn claim_links(conn: &Connection, id: Id) -> Result<ClaimLinks, StoreError> {
    type Own = (Id, Option<Id>, Option<String>);
    let own: Option<Own> = conn
        .prepare_cached("SELECT article_id, fact_id, signature FROM claims WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((article, fact_id, signature)) = own else {
        return Err(StorageError::NotFound { what: "claim", id }.into());
    };
    let corroborated_by = match fact_id {
        None => Vec::new(),
        Some(fact) => {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {LINKED_COLUMNS} WHERE c.fact_id = ?1 AND c.article_id != ?2
                 ORDER BY c.id LIMIT ?3"
            ))?;
            let rows = stmt.query_map((fact, article, MAX_LINKED as i64), linked)?;
            rows.collect::<Result<Vec<_>, _>>()?
        }
    };
    // the claims conflicting with a member of the fact, then each of their facts once:
    // a templated corpus has facts of thousands of claims
    let mut stmt = conn.prepare_cached(&claim_conflicts_sql())?;
    let rows = stmt.query_map(
        (
            id,
            article,
            // read more than are kept: some give no figure in the claim's units
            (MAX_LINKED * 4) as i64,
        ),
        linked,
    )?;
    let conflicts_with = rows.collect::<Result<Vec<_>, _>>()?;
    let mut conflicts_with = sharing_a_unit(conn, id, conflicts_with)?;
    conflicts_with.truncate(MAX_LINKED);
    Ok(ClaimLinks {
        corroborated_by,
        conflicts_with,
        frame: Signature::parse(signature.as_deref().unwrap_or_default()).frame(),
    })
}

/// The claims of `others` that give a figure in a unit claim `id` gives one in: a
/// conflict is about one quantity, not every figure of the two facts.
fn sharing_a_unit(
    conn: &Connection,
    id: Id,
    others: Vec<LinkedClaim>,
) -> Result<Vec<LinkedClaim>, StoreError> {
    if others.is_empty() {
        return Ok(others);
    }
    let ids: Vec<Id> = std::iter::once(id)
        .chain(others.iter().map(|c| c.claim_id))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT id, signature FROM claims WHERE id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([json_array(&ids)], |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, Option<String>>(1)?))
    })?;
    let rows = rows.collect::<Result<Vec<_>, _>>()?;
    let units: HashMap<Id, HashSet<String>> = rows
        .into_iter()
        .map(|(i, s)| {
            (
                i,
                Signature::parse(s.as_deref().unwrap_or_default()).units(),
            )
        })
        .collect();
    let Some(own) = units.get(&id) else {
        return Ok(Vec::new());
    };
    Ok(others
        .into_iter()
        .filter(|c| units.get(&c.claim_id).is_some_and(|u| !u.is_disjoint(own)))
        .collect())
}

/// A page of facts from `offset` (see [`Store::list_facts`]); the entity `involving` names
/// is not checked here.
fn list_facts(
    conn: &Connection,
    involving: Option<Id>,
    limit: i64,
    offset: i64,
) -> Result<Page<FactRecord>, StoreError> {
    // with an entity, from its claims to their facts by index: checking every fact's
    // claims for the entity read them all for a rare one
    let ids: Vec<Id> = match involving {
        None => {
            let mut stmt = conn.prepare_cached(ALL_FACTS)?;
            let rows = stmt.query_map((limit + 1, offset), |r| r.get(0))?;
            rows.collect::<Result<Vec<_>, _>>()?
        }
        Some(entity) => {
            let mut stmt = conn.prepare_cached(ENTITY_FACTS)?;
            let rows = stmt.query_map((limit + 1, offset, entity), |r| r.get(0))?;
            rows.collect::<Result<Vec<_>, _>>()?
        }
    };
    let more = ids.len() as i64 > limit;
    let mut items = Vec::with_capacity(ids.len());
    for id in ids.into_iter().take(usize::try_from(limit).unwrap_or(0)) {
        items.push(fact(conn, id, Some(LISTED_CLAIMS))?);
    }
    Ok(Page {
        items,
        next: more.then_some(Cursor::new(
            Listing::Facts,
            Position::Offset(offset + limit),
        )),
    })
}

/// A row of [`conflicting_sql`]: a conflicting claim, or a conflicting fact's id.
enum Conflicting {
    Claim(LinkedClaim),
    Fact(Id),
}

/// One fact with its first `listed` claims (all when `None`), as many conflicting claims
/// and as many conflicting facts (see [`Store::fact`]), on `conn`.
pub(crate) fn fact(
    conn: &Connection,
    id: Id,
    listed: Option<usize>,
) -> Result<FactRecord, StoreError> {
    let counts: Option<(i64, i64)> = conn
        .prepare_cached("SELECT size, article_count FROM facts WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((size, article_count)) = counts else {
        return Err(StorageError::NotFound { what: "fact", id }.into());
    };
    let limit = listed.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LINKED_COLUMNS} WHERE c.fact_id = ?1 ORDER BY c.article_id, c.id LIMIT ?2"
    ))?;
    let claims: Vec<LinkedClaim> = stmt
        .query_map((id, limit), linked)?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(FACT_SOURCES)?;
    let sources: Vec<String> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    // from the fact's claims to their conflict links, by index: a fact of wire copy
    // holds thousands of claims, the store millions of links, and one such fact
    // conflicts with tens of thousands of claims; a list reads one more than it keeps
    // to tell whether it kept them all
    let read = if limit < 0 {
        limit
    } else {
        limit.saturating_add(1)
    };
    let searched = if limit < 0 {
        -1
    } else {
        SEARCHED_CLAIMS as i64
    };
    let mut stmt = conn.prepare_cached(&conflicting_sql())?;
    let rows = stmt
        .query_map((id, read, searched), |r| {
            Ok(match r.get::<_, Option<Id>>(0)? {
                Some(_) => Conflicting::Claim(linked(r)?),
                None => Conflicting::Fact(r.get(5)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut conflicting_claims: Vec<LinkedClaim> = Vec::new();
    let mut conflicts_with: Vec<Id> = Vec::new();
    for row in rows {
        match row {
            Conflicting::Claim(c) => conflicting_claims.push(c),
            Conflicting::Fact(f) => conflicts_with.push(f),
        }
    }
    let kept = usize::try_from(limit).unwrap_or(usize::MAX);
    let conflicts_truncated = conflicting_claims.len() > kept
        || conflicts_with.len() > kept
        || (searched >= 0 && size > searched);
    conflicting_claims.truncate(kept);
    conflicts_with.truncate(kept);
    conflicts_with.sort_unstable();
    Ok(FactRecord {
        id,
        size,
        article_count,
        sources,
        claims,
        conflicts_with,
        conflicting_claims,
        conflicts_truncated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_articles::{article, Said};
    use crate::PreparedArticle;

    /// Report `n` of the mayor saying the river destroyed `homes` homes in Dravograd.
    fn flood(n: usize, homes: &str) -> PreparedArticle {
        let words = format!("the river destroyed {homes} homes in Dravograd on Sunday");
        let text = format!("Report {n}\nThe mayor Ana Kovač said {words}.");
        let figure = format!("{homes} homes");
        let value: f64 = homes.parse().expect("a number");
        article(
            &text,
            Some(&format!("Outlet {n}")),
            &[Said {
                words: &words,
                speaker: Some("Ana Kovač"),
                places: &[("Dravograd", None)],
                numbers: &[(&figure, value, "home")],
            }],
        )
    }

    #[tokio::test]
    async fn a_fact_too_large_to_search_whole_is_listed_as_truncated() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("facts.db"))
            .await
            .expect("open");
        let big = SEARCHED_CLAIMS + 2;
        let mut batch: Vec<PreparedArticle> = (0..big).map(|n| flood(n, "300")).collect();
        batch.push(flood(big, "500"));
        store.insert_batch(batch).await.expect("insert");
        let page = store.list_facts(None, 10, None).await.expect("list");
        let listed = page
            .items
            .iter()
            .find(|f| f.size == big as i64)
            .expect("one fact of every report of 300 homes");
        // its first claims were searched, not all: the list says it may lack conflicts
        assert!(listed.conflicts_truncated, "{listed:?}");
        let whole = store.get_fact(listed.id).await.expect("fact");
        assert!(!whole.conflicts_truncated, "{whole:?}");
        assert_eq!(whole.conflicting_claims.len(), 1, "{whole:?}");
    }
}
