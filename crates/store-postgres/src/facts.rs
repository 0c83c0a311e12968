//! Reads of the cross-source layer: which claims of other articles corroborate a claim,
//! which conflict with it, and the facts (clusters of corroborating claims) largest first.
//!
//! A conflict is found between two claims, but it holds between what they report: every
//! claim of the one's fact conflicts with every claim of the other's.

use std::collections::{HashMap, HashSet};

use postgres::{GenericClient, Row};

use crate::StorageError;
use crate::{ClaimLinks, FactRecord, LinkedClaim, LISTED_CLAIMS, MAX_LINKED, SEARCHED_CLAIMS};
use crate::{Cursor, Id, Listing, Page, PgError, PgStore, Position};
use claimgraph_graph::corroborate::Signature;

const LINKED_COLUMNS: &str = "c.id, c.article_id, s.name AS source,
    COALESCE(e.name, c.speaker_text) AS speaker, c.text, c.fact_id
    FROM claims c JOIN articles a ON a.id = c.article_id
    LEFT JOIN sources s ON s.id = a.source_id
    LEFT JOIN entities e ON e.id = c.speaker_id";

fn linked(r: &Row) -> Result<LinkedClaim, PgError> {
    Ok(LinkedClaim {
        claim_id: r.try_get(0)?,
        article_id: r.try_get(1)?,
        source: r.try_get(2)?,
        speaker: r.try_get(3)?,
        text: r.try_get(4)?,
    })
}

/// The claims of `rows`, read by [`linked`].
fn all_linked(rows: &[Row]) -> Result<Vec<LinkedClaim>, PgError> {
    rows.iter().map(linked).collect()
}

/// The ids in the first column of `rows`.
fn ids(rows: &[Row]) -> Result<Vec<Id>, PgError> {
    Ok(rows
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<Vec<Id>, _>>()?)
}

/// A page (`$1` rows from offset `$2`) of the ids of all facts, the most reported first.
pub(crate) const ALL_FACTS: &str =
    "SELECT id FROM facts ORDER BY size DESC, article_count DESC, id LIMIT $1 OFFSET $2";

/// A page (`$1` rows from offset `$2`) of the ids of the facts with a claim entity `$3`
/// said, is cited in or is about, the most reported first.
pub(crate) const ENTITY_FACTS: &str = "WITH e(fact) AS (
        SELECT fact_id FROM claims WHERE speaker_id = $3 AND fact_id IS NOT NULL
        UNION
        SELECT fact_id FROM claims WHERE via_id = $3 AND fact_id IS NOT NULL
        UNION
        SELECT c.fact_id FROM claim_places cp JOIN claims c ON c.id = cp.claim_id
        WHERE cp.entity_id = $3 AND c.fact_id IS NOT NULL)
    SELECT f.id FROM e JOIN facts f ON f.id = e.fact
    ORDER BY f.size DESC, f.article_count DESC, f.id
    LIMIT $1 OFFSET $2";

/// The CTE `p(id)`: the claims linked as conflicting with a claim of `m(id)`, each join
/// from the few rows of `m` to the many links by index.
const CONFLICT_PARTNERS: &str = "p(id) AS MATERIALIZED (
        SELECT l.b FROM m JOIN claim_links l ON l.a = m.id AND l.kind = 'conflicts'
        UNION
        SELECT l.a FROM m JOIN claim_links l ON l.b = m.id AND l.kind = 'conflicts')";

/// Up to `$3` claims, not of article `$2`, conflicting with claim `$1` or a claim of its
/// fact: those linked as conflicting, and the claims of their facts.
pub(crate) fn claim_conflicts_sql() -> String {
    format!(
        "WITH m(id) AS MATERIALIZED ({MEMBERS}),
             {CONFLICT_PARTNERS},
             f(id) AS MATERIALIZED (
                 SELECT DISTINCT q.fact_id FROM p JOIN claims q ON q.id = p.id
                 WHERE q.fact_id IS NOT NULL),
             x(id) AS (SELECT id FROM p
                       UNION SELECT q.id FROM f JOIN claims q ON q.fact_id = f.id)
             SELECT {LINKED_COLUMNS}
             WHERE c.id IN (SELECT id FROM x) AND c.id NOT IN (SELECT id FROM m)
               AND c.article_id <> $2
             ORDER BY c.id LIMIT $3"
    )
}

/// What conflicts with fact `$1`, finding the claims linked as conflicting with its first
/// `$3` claims by id (all when NULL) once: rows of the first `$2` of those claims (all
/// when NULL) by id, of other facts or none; then rows of up to `$2` of their facts, with
/// only the fact id set (column 5) and no claim id (column 0), those of the earliest
/// claims first (as SQLite reads them).
pub(crate) fn conflicting_sql() -> String {
    format!(
        "WITH m(id) AS MATERIALIZED (
             SELECT id FROM claims WHERE fact_id = $1 ORDER BY id LIMIT $3),
         {CONFLICT_PARTNERS},
         f(id, first) AS (
             SELECT q.fact_id, min(q.id) FROM p JOIN claims q ON q.id = p.id
             WHERE q.fact_id IS NOT NULL AND q.fact_id <> $1
             GROUP BY q.fact_id ORDER BY min(q.id) LIMIT $2)
         SELECT id, article_id, source, speaker, text, fact_id FROM (
             (SELECT 0 AS part, c.id AS ord, {LINKED_COLUMNS}
              WHERE c.id IN (SELECT id FROM p) AND c.fact_id IS DISTINCT FROM $1
              ORDER BY c.id LIMIT $2)
             UNION ALL
             SELECT 1, first, NULL, NULL, NULL, NULL, NULL, id FROM f) r
         ORDER BY part, ord"
    )
}

/// The distinct outlets that published the articles of fact `$1`, by name (compared as
/// bytes, as SQLite does): a syndicated text counts each outlet that carried it.
pub(crate) const FACT_SOURCES: &str = "SELECT s.name FROM claims c
    JOIN publications p ON p.article_id = c.article_id
    JOIN sources s ON s.id = p.source_id WHERE c.fact_id = $1
    GROUP BY s.name ORDER BY s.name COLLATE \"C\"";

/// Claims (as `id`) in the same fact as claim `$1`, itself included.
const MEMBERS: &str = "SELECT id FROM claims WHERE id = $1
    UNION
    SELECT id FROM claims
    WHERE fact_id IS NOT NULL AND fact_id = (SELECT fact_id FROM claims WHERE id = $1)";

impl PgStore {
    /// Corroborating and conflicting claims of claim `id` (which must exist).
    pub async fn claim_links(&self, id: Id) -> Result<ClaimLinks, PgError> {
        self.read_with(move |client| claim_links(client, id)).await
    }

    /// Facts, the most reported first (by claims, then articles), a page at a time; with
    /// `involving`, only facts one of whose claims that entity said, is cited in or is
    /// about (the entity must exist).
    pub async fn list_facts(
        &self,
        involving: Option<Id>,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<FactRecord>, PgError> {
        let offset = Cursor::offset(cursor, Listing::Facts)?;
        if let Some(id) = involving {
            self.require("entity", id).await?;
        }
        self.read_with(move |client| list_facts(client, involving, limit, offset))
            .await
    }

    /// One fact with all its claims, sources and conflicting facts.
    pub async fn get_fact(&self, id: Id) -> Result<FactRecord, PgError> {
        self.fact(id, None).await
    }

    /// One fact with its first `listed` claims (all when `None`), as many conflicting
    /// claims and as many conflicting facts; its size, article count and sources count
    /// every claim.
    pub(crate) async fn fact(&self, id: Id, listed: Option<usize>) -> Result<FactRecord, PgError> {
        self.read_with(move |client| fact(client, id, listed)).await
    }
}

/// Corroborating and conflicting claims of claim `id` (which must exist).
fn claim_links(client: &mut impl GenericClient, id: Id) -> Result<ClaimLinks, PgError> {
    let own = client.query_opt(
        "SELECT article_id, fact_id, signature FROM claims WHERE id = $1",
        &[&id],
    )?;
    let Some(own) = own else {
        return Err(StorageError::NotFound { what: "claim", id }.into());
    };
    let (article, fact_id): (Id, Option<Id>) = (own.try_get(0)?, own.try_get(1)?);
    let signature: Option<String> = own.try_get(2)?;
    let corroborated_by = match fact_id {
        None => Vec::new(),
        Some(fact) => {
            let rows = client.query(
                &format!(
                    "SELECT {LINKED_COLUMNS} WHERE c.fact_id = $1 AND c.article_id <> $2
                     ORDER BY c.id LIMIT $3"
                ),
                &[&fact, &article, &(MAX_LINKED as i64)],
            )?;
            all_linked(&rows)?
        }
    };
    // the claims conflicting with a member of the fact, then each of their facts once:
    // a templated corpus has facts of thousands of claims
    // (read more than are kept: some give no figure in the claim's units)
    let read = (MAX_LINKED * 4) as i64;
    let rows = client.query(&claim_conflicts_sql(), &[&id, &article, &read])?;
    let conflicts_with = all_linked(&rows)?;
    let mut conflicts_with = sharing_a_unit(client, id, conflicts_with)?;
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
    client: &mut impl GenericClient,
    id: Id,
    others: Vec<LinkedClaim>,
) -> Result<Vec<LinkedClaim>, PgError> {
    if others.is_empty() {
        return Ok(others);
    }
    let ids: Vec<Id> = std::iter::once(id)
        .chain(others.iter().map(|c| c.claim_id))
        .collect();
    let rows = client.query(
        "SELECT id, signature FROM claims WHERE id = ANY($1)",
        &[&ids],
    )?;
    let mut units: HashMap<Id, HashSet<String>> = HashMap::with_capacity(rows.len());
    for row in rows {
        let signature: Option<&str> = row.try_get(1)?;
        let parsed = Signature::parse(signature.unwrap_or_default());
        units.insert(row.try_get(0)?, parsed.units());
    }
    let Some(own) = units.get(&id) else {
        return Ok(Vec::new());
    };
    Ok(others
        .into_iter()
        .filter(|c| units.get(&c.claim_id).is_some_and(|u| !u.is_disjoint(own)))
        .collect())
}

/// A page of facts from `offset` (see [`PgStore::list_facts`]); the entity `involving`
/// names is not checked here.
fn list_facts(
    client: &mut impl GenericClient,
    involving: Option<Id>,
    limit: i64,
    offset: i64,
) -> Result<Page<FactRecord>, PgError> {
    // with an entity, from its claims to their facts by index: checking every fact's
    // claims for the entity read them all for a rare one
    let rows = match involving {
        None => client.query(ALL_FACTS, &[&(limit + 1), &offset])?,
        Some(entity) => client.query(ENTITY_FACTS, &[&(limit + 1), &offset, &entity])?,
    };
    let ids = ids(&rows)?;
    let more = ids.len() as i64 > limit;
    let mut items = Vec::with_capacity(ids.len());
    for id in ids.into_iter().take(usize::try_from(limit).unwrap_or(0)) {
        items.push(fact(client, id, Some(LISTED_CLAIMS))?);
    }
    Ok(Page {
        items,
        next: more.then_some(Cursor::new(
            Listing::Facts,
            Position::Offset(offset + limit),
        )),
    })
}

/// One fact with its first `listed` claims (all when `None`), as many conflicting claims
/// and as many conflicting facts (see [`PgStore::fact`]), on `client`.
pub(crate) fn fact(
    client: &mut impl GenericClient,
    id: Id,
    listed: Option<usize>,
) -> Result<FactRecord, PgError> {
    let counts = client.query_opt(
        "SELECT size, article_count FROM facts WHERE id = $1",
        &[&id],
    )?;
    let Some(counts) = counts else {
        return Err(StorageError::NotFound { what: "fact", id }.into());
    };
    let (size, article_count): (i64, i64) = (counts.try_get(0)?, counts.try_get(1)?);
    // no limit is NULL: PostgreSQL refuses SQLite's -1
    let limit: Option<i64> = listed.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
    let rows = client.query(
        &format!(
            "SELECT {LINKED_COLUMNS} WHERE c.fact_id = $1 ORDER BY c.article_id, c.id LIMIT $2"
        ),
        &[&id, &limit],
    )?;
    let claims = all_linked(&rows)?;
    let rows = client.query(FACT_SOURCES, &[&id])?;
    let sources = rows
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<Vec<String>, _>>()?;
    // from the fact's claims to their conflict links, by index: a fact of wire copy
    // holds thousands of claims, the store millions of links, and one such fact
    // conflicts with tens of thousands of claims; a list reads one more than it keeps
    // to tell whether it kept them all
    let read = limit.map(|n| n.saturating_add(1));
    let searched: Option<i64> = limit.map(|_| SEARCHED_CLAIMS as i64);
    let rows = client.query(&conflicting_sql(), &[&id, &read, &searched])?;
    let mut conflicting_claims: Vec<LinkedClaim> = Vec::new();
    let mut conflicts_with: Vec<Id> = Vec::new();
    for row in &rows {
        match row.try_get::<_, Option<Id>>(0)? {
            Some(_) => conflicting_claims.push(linked(row)?),
            None => conflicts_with.push(row.try_get(5)?),
        }
    }
    let kept = listed.unwrap_or(usize::MAX);
    let conflicts_truncated = conflicting_claims.len() > kept
        || conflicts_with.len() > kept
        || searched.is_some_and(|n| size > n);
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
    use crate::testing::TestDb;
    use crate::write::tests::{block_on, open, runtime, Held};
    use crate::PreparedArticle;

    /// A report that the mayor said the river destroyed `homes` homes in Dravograd.
    fn flood(title: &str, homes: &str, source: &str) -> PreparedArticle {
        let words = format!("the river destroyed {homes} homes in Dravograd on Sunday");
        let text = format!("{title}\nThe mayor Ana Kovač said {words}.");
        let figure = format!("{homes} homes");
        let value: f64 = homes.parse().expect("a number");
        article(
            &text,
            Some(source),
            &[Said {
                words: &words,
                speaker: Some("Ana Kovač"),
                places: &[("Dravograd", None)],
                numbers: &[(&figure, value, "home")],
            }],
        )
    }

    /// A report that the council closed the old bridge over the Drava.
    fn bridge(title: &str, source: &str) -> PreparedArticle {
        let words = "the council closed the old bridge over the Drava on Monday";
        article(
            &format!("{title}\nOfficials said {words}."),
            Some(source),
            &[Said {
                words,
                speaker: None,
                places: &[("Drava", None)],
                numbers: &[],
            }],
        )
    }

    /// The stored claims, in the order the articles were given.
    struct Stored {
        store: Held,
        /// The claim of each article.
        claims: Vec<Id>,
        /// The fact of each article's claim.
        facts: Vec<Option<Id>>,
    }

    /// Two reports of 300 homes, then two of 500 written by another process's writer,
    /// then two of the bridge; gives the articles' ids.
    async fn write(config: postgres::Config) -> (Held, Vec<Id>) {
        let (one, two) = (open(config.clone()).await, open(config).await);
        let mut ids = Vec::new();
        let batches = [
            (&one, vec![flood("Water", "300", "Valley Post")]),
            (&one, vec![flood("Homes lost", "300", "river times")]),
            (&two, vec![flood("Toll revised", "500", "Hill Herald")]),
            (&two, vec![flood("More homes lost", "500", "Lake Courier")]),
            (
                &one,
                vec![
                    bridge("Bridge closed", "Valley Post"),
                    bridge("Old bridge shut", "Hill Herald"),
                ],
            ),
        ];
        for (store, batch) in batches {
            for written in store.insert_batch(batch).await.expect("insert") {
                ids.push(written.id);
            }
        }
        (one, ids)
    }

    /// [`write`], and each article's claim and fact.
    fn stored(db: &TestDb, runtime: &tokio::runtime::Runtime) -> Stored {
        let (store, ids) = runtime.block_on(write(db.config().clone()));
        let mut client = db.client().expect("connect");
        let (mut claims, mut facts) = (Vec::new(), Vec::new());
        for article in ids {
            let row = client
                .query_one(
                    "SELECT id, fact_id FROM claims WHERE article_id = $1",
                    &[&article],
                )
                .expect("one claim an article");
            claims.push(row.get(0));
            facts.push(row.get(1));
        }
        Stored {
            store,
            claims,
            facts,
        }
    }

    fn ids_of(claims: &[LinkedClaim]) -> Vec<Id> {
        claims.iter().map(|c| c.claim_id).collect()
    }

    #[test]
    fn reports_of_one_figure_make_a_fact_that_conflicts_with_another() {
        let Some(db) = TestDb::create("facts_conflict") else {
            return;
        };
        let rt = runtime();
        let s = stored(&db, &rt);
        let [a, b, c, d, e, f] = s.claims[..] else {
            panic!("six claims: {:?}", s.claims);
        };
        let fact = s.facts[0].expect("a fact of the 300 homes");
        assert_eq!(s.facts[1], Some(fact));
        let other = s.facts[2].expect("a fact of the 500 homes");
        assert_eq!(s.facts[3], Some(other));
        assert_ne!(fact, other);
        assert!(s.facts[4].is_some() && s.facts[4] == s.facts[5]);

        let links = rt.block_on(s.store.claim_links(a)).expect("links");
        assert_eq!(ids_of(&links.corroborated_by), vec![b]);
        assert_eq!(ids_of(&links.conflicts_with), vec![c, d]);
        let first = &links.corroborated_by[0];
        assert_eq!(first.source.as_deref(), Some("river times"));
        assert_eq!(first.speaker.as_deref(), Some("Ana Kovač"));
        let quiet = rt.block_on(s.store.claim_links(e)).expect("links");
        assert_eq!(ids_of(&quiet.corroborated_by), vec![f]);
        assert!(quiet.conflicts_with.is_empty());

        let record = rt.block_on(s.store.get_fact(fact)).expect("fact");
        assert_eq!((record.size, record.article_count), (2, 2));
        assert_eq!(ids_of(&record.claims), vec![a, b]);
        // by bytes, as SQLite orders them: capitals first
        assert_eq!(record.sources, vec!["Valley Post", "river times"]);
        assert_eq!(record.conflicts_with, vec![other]);
        let conflicting = ids_of(&record.conflicting_claims);
        assert!(
            !conflicting.is_empty() && conflicting.iter().all(|x| [c, d].contains(x)),
            "{conflicting:?}"
        );
        assert!(!record.conflicts_truncated);
        let listed = rt.block_on(s.store.fact(fact, Some(1))).expect("fact");
        assert_eq!(ids_of(&listed.claims), vec![a]);
        assert_eq!(listed.conflicts_with, vec![other]);
    }

    #[test]
    fn facts_are_listed_largest_first_a_page_at_a_time() {
        let Some(db) = TestDb::create("facts_listed") else {
            return;
        };
        let rt = runtime();
        let s = stored(&db, &rt);
        let facts: Vec<Id> = [0, 2, 4].iter().filter_map(|i| s.facts[*i]).collect();
        let ids =
            |page: &Page<FactRecord>| -> Vec<Id> { page.items.iter().map(|f| f.id).collect() };
        let page = rt
            .block_on(s.store.list_facts(None, 2, None))
            .expect("page");
        assert_eq!(ids(&page), facts[..2]);
        let rest = rt
            .block_on(s.store.list_facts(None, 2, page.next))
            .expect("page");
        assert_eq!(ids(&rest), facts[2..]);
        assert!(rest.next.is_none());

        let mut client = db.client().expect("connect");
        let mut entity = |name: &str| -> Id {
            client
                .query_one("SELECT id FROM entities WHERE name = $1", &[&name])
                .expect("the entity")
                .get(0)
        };
        let (river, mayor) = (entity("Drava"), entity("Ana Kovač"));
        let about = rt.block_on(s.store.list_facts(Some(river), 10, None));
        assert_eq!(ids(&about.expect("page")), facts[2..]);
        let said = rt.block_on(s.store.list_facts(Some(mayor), 10, None));
        assert_eq!(ids(&said.expect("page")), facts[..2]);
    }

    #[test]
    fn a_fact_too_large_to_search_whole_is_listed_as_truncated() {
        let Some(db) = TestDb::create("facts_searched") else {
            return;
        };
        let config = db.config().clone();
        block_on(async move {
            let store = open(config).await;
            let big = SEARCHED_CLAIMS + 2;
            let mut batch: Vec<PreparedArticle> = (0..big)
                .map(|n| flood(&format!("Report {n}"), "300", &format!("Outlet {n}")))
                .collect();
            batch.push(flood("Revised", "500", "Other Outlet"));
            store.insert_batch(batch).await.expect("insert");
            let page = store.list_facts(None, 10, None).await.expect("page");
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
        });
    }

    #[test]
    fn ids_not_stored_are_not_found() {
        let Some(db) = TestDb::create("facts_missing") else {
            return;
        };
        let config = db.config().clone();
        let not_found = |e: PgError| matches!(e, PgError::Storage(StorageError::NotFound { .. }));
        block_on(async move {
            let store = open(config).await;
            assert!(not_found(store.claim_links(7).await.expect_err("no claim")));
            assert!(not_found(store.get_fact(7).await.expect_err("no fact")));
            let page = store.list_facts(None, 10, None).await.expect("page");
            assert!(page.items.is_empty() && page.next.is_none());
        });
    }
}
