//! Plans of the claim, fact and entity reads: each is read by index, a page at a time.

use super::claims::{claim_numbers_sql, CORROBORATIONS};
use super::claims_query::{push_claims_query, Pass, PlaceFilters, QueryBuilder};
use super::entity_search::{CONTAINS_MATCHES, MOST_MENTIONED};
use super::{real, real_of, real_text};
use crate::LISTED_NUMBERS;
use crate::{ClaimFilter, ClaimSort, NumberFilter};
use crate::{Position, Store};
use claimgraph_model::ClaimKind;

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("plans.db"))
        .await
        .expect("open");
    (store, dir)
}

/// SQLite's plan of a statement, one step a line.
async fn plan(store: &Store, q: QueryBuilder) -> String {
    store
        .read_with(move |conn| {
            let mut stmt = conn.prepare(q.sql())?;
            // a parameter left unbound (a statement's own `?1`) is NULL
            for (i, value) in q.values().iter().enumerate() {
                stmt.raw_bind_parameter(i + 1, value)?;
            }
            let mut rows = stmt.raw_query();
            let mut steps = Vec::new();
            while let Some(r) = rows.next()? {
                steps.push(r.get::<_, String>("detail")?);
            }
            Ok(steps)
        })
        .await
        .expect("explain")
        .join("\n")
}

/// Runs `sql` (statements without parameters) on the writer's connection.
async fn execute(store: &Store, sql: String) {
    let statements = sql.clone();
    store
        .write_rows(move |conn| Ok(conn.execute_batch(&statements)?))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
}

/// A plan whose cost follows the page: no table read in full and nothing sorted after
/// reading (the database holds no statistics, so plans do not depend on its rows).
fn assert_paged(plan: &str) {
    for step in plan.lines() {
        let scans_table = step.starts_with("SCAN") && !step.contains("VIRTUAL TABLE");
        assert!(!scans_table, "{step}\n{plan}");
        assert!(!step.contains("TEMP B-TREE"), "{step}\n{plan}");
    }
}

async fn claims_plan(store: &Store, filter: &ClaimFilter, cursor: Option<Position>) -> String {
    let mut q = QueryBuilder::new("EXPLAIN QUERY PLAN ");
    push_claims_query(
        &mut q,
        filter,
        ClaimSort::Stored,
        cursor,
        &PlaceFilters(vec![7]),
        50,
        Pass::All,
    );
    plan(store, q).await
}

#[tokio::test]
async fn claims_of_a_place_are_read_from_its_index_a_page_at_a_time() {
    let (store, _dir) = store().await;
    let about = ClaimFilter {
        about: vec![7],
        ..Default::default()
    };
    for cursor in [None, Some(Position::After(1000))] {
        let plan = claims_plan(&store, &about, cursor).await;
        assert_paged(&plan);
        // not a list of all the place's claims built first
        assert!(!plan.contains("LIST SUBQUERY"), "{plan}");
        assert!(
            plan.contains("claim_places_entity (entity_id=?")
                && plan.contains("claim_id>?") == cursor.is_some(),
            "{plan}"
        );
    }
    let place = ClaimFilter {
        place: vec![7],
        kind: vec![ClaimKind::Direct],
        ..Default::default()
    };
    let plan = claims_plan(&store, &place, None).await;
    assert_paged(&plan);
    assert!(plan.contains("claim_places_entity"), "{plan}");
}

#[tokio::test]
async fn number_filters_seek_each_claims_own_figures() {
    let (store, _dir) = store().await;
    let number = |unit: &str, min, max| NumberFilter {
        unit: unit.into(),
        min,
        max,
    };
    // (filter, the seek each claim checked costs)
    let cases = [
        (
            ClaimFilter {
                kind: vec![ClaimKind::Direct],
                number: Some(number("km", None, None)),
                ..Default::default()
            },
            "claim_numbers_claim_base (claim_id=? AND base_unit=?)",
        ),
        (
            ClaimFilter {
                has_number: Some(false),
                number: Some(number("hour", None, None)),
                ..Default::default()
            },
            "claim_numbers_claim_base (claim_id=? AND base_unit=?)",
        ),
        (
            ClaimFilter {
                number: Some(number("mi2", Some(10.0), Some(700.0))),
                ..Default::default()
            },
            "claim_numbers_claim_base (claim_id=? AND base_unit=? AND base_value>? AND base_value<?)",
        ),
        (
            ClaimFilter {
                number: Some(number("person", Some(100.0), None)),
                ..Default::default()
            },
            "claim_numbers_claim_unit (claim_id=? AND unit=? AND value>?)",
        ),
    ];
    for (filter, seek) in &cases {
        let plan = claims_plan(&store, filter, None).await;
        // the claims in id order until the page is full, nothing sorted
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        assert!(plan.contains(seek), "{plan}");
        // never the figures of a unit across the store
        for step in plan.lines().filter(|s| s.contains(" n ")) {
            assert!(step.contains("(claim_id=?"), "{step}\n{plan}");
        }
    }
}

#[tokio::test]
async fn a_claim_lists_its_first_figures_read_by_its_index() {
    let (store, _dir) = store().await;
    let sql = format!("EXPLAIN QUERY PLAN {}", claim_numbers_sql());
    let plan = plan(&store, QueryBuilder::new(sql)).await;
    assert!(
        plan.contains("SEARCH x USING COVERING INDEX claim_numbers_claim (claim_id=?)"),
        "{plan}"
    );
    assert!(
        plan.contains("SEARCH n USING INTEGER PRIMARY KEY"),
        "{plan}"
    );
    // the claim's figures in id order from the index, never all of them sorted
    assert!(
        !plan.contains("SCAN n") && !plan.contains("SCAN x"),
        "{plan}"
    );
    assert!(!plan.contains("TEMP B-TREE FOR ORDER BY"), "{plan}");

    let run = |sql: String| execute(&store, sql);
    run("INSERT INTO articles (id, content_hash, text) VALUES (1, 'h1', 'figures')".into()).await;
    run(
        "INSERT INTO claims (id, article_id, kind, text, start, \"end\")
         VALUES (1, 1, 'statement', 'a', 0, 1), (2, 1, 'statement', 'b', 1, 2)"
            .into(),
    )
    .await;
    let rows: Vec<String> = (0..LISTED_NUMBERS + 50)
        .map(|i| format!("(1, {i}, 'km2', 'exact', '{i} km2', {i}, {i}, {i}, 'km2')"))
        .chain(["(2, 7, 'person', 'exact', '7 people', 0, 1, NULL, NULL)".to_string()])
        .collect();
    run(format!(
        "INSERT INTO claim_numbers (claim_id, value, unit, qualifier, text, start, \"end\",
                                    base_value, base_unit) VALUES {}",
        rows.join(", ")
    ))
    .await;
    let page = store
        .list_claims(&ClaimFilter::default(), 10, None)
        .await
        .expect("list");
    let values: Vec<Vec<f64>> = page
        .items
        .iter()
        .map(|c| c.numbers.iter().map(|n| n.value).collect())
        .collect();
    let first: Vec<f64> = (0..LISTED_NUMBERS).map(|i| i as f64).collect();
    assert_eq!(values, [first, vec![7.0]]);
    // a filter still sees the figures past the listed ones
    let beyond = ClaimFilter {
        number: Some(NumberFilter {
            unit: "km2".into(),
            min: Some((LISTED_NUMBERS + 10) as f64),
            max: None,
        }),
        ..Default::default()
    };
    let found = store.list_claims(&beyond, 10, None).await.expect("filter");
    assert_eq!(found.items.len(), 1);
}

#[tokio::test]
async fn claims_about_or_involving_an_entity_are_read_from_its_rows() {
    let (store, _dir) = store().await;
    let filters = [
        ClaimFilter {
            about: vec![7],
            ..Default::default()
        },
        ClaimFilter {
            involving: vec![7],
            kind: vec![ClaimKind::Direct],
            ..Default::default()
        },
    ];
    for filter in &filters {
        let mut q = QueryBuilder::new("EXPLAIN QUERY PLAN ");
        push_claims_query(
            &mut q,
            filter,
            ClaimSort::Stored,
            None,
            &PlaceFilters::default(),
            50,
            Pass::All,
        );
        let plan = plan(&store, q).await;
        // no claim is read but those the entity's rows name
        for step in plan.lines() {
            assert!(!step.starts_with("SCAN c"), "{step}\n{plan}");
            assert!(!step.starts_with("SCAN claims"), "{step}\n{plan}");
        }
        assert!(plan.contains("claim_places_entity (entity_id=?"), "{plan}");
    }
}

#[tokio::test]
async fn facts_are_read_from_their_claims_and_links_by_index() {
    let (store, _dir) = store().await;
    for sql in [
        crate::facts::ENTITY_FACTS.to_string(),
        crate::facts::conflicting_sql(),
        crate::facts::claim_conflicts_sql(),
        crate::facts::FACT_SOURCES.to_string(),
    ] {
        let plan = plan(
            &store,
            QueryBuilder::new(format!("EXPLAIN QUERY PLAN {sql}")),
        )
        .await;
        for step in plan.lines() {
            // neither every link, nor every claim, nor every fact
            let whole = ["l", "q", "claim_links", "c", "claims", "facts"]
                .iter()
                .any(|t| step == format!("SCAN {t}") || step.starts_with(&format!("SCAN {t} ")));
            assert!(!whole, "{step}\n{plan}");
            assert!(!step.contains("fact_id>?"), "{step}\n{plan}");
            // an article's row holds its source after its text
            assert!(
                !(step.contains("SEARCH a ") && step.contains("PRIMARY KEY")),
                "{step}\n{plan}"
            );
        }
    }
    // the list of all facts reads its page from the rank index, sorting nothing
    let sql = format!("EXPLAIN QUERY PLAN {}", crate::facts::ALL_FACTS);
    let plan = plan(&store, QueryBuilder::new(sql)).await;
    assert!(plan.contains("facts_rank"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

#[tokio::test]
async fn the_corroboration_order_is_read_fact_by_fact() {
    let (store, _dir) = store().await;
    let filter = ClaimFilter {
        kind: vec![ClaimKind::Direct],
        ..Default::default()
    };
    let cursor = Some(Position::Ranked { score: 3.0, id: 10 });
    let by_corroboration = |cursor, pass| {
        let mut q = QueryBuilder::new("EXPLAIN QUERY PLAN ");
        let sort = ClaimSort::Corroboration;
        let places = PlaceFilters::default();
        push_claims_query(&mut q, &filter, sort, cursor, &places, 50, pass);
        q
    };
    for cursor in [None, cursor] {
        let plan = plan(&store, by_corroboration(cursor, Pass::InFacts)).await;
        assert!(plan.contains("facts_corroboration"), "{plan}");
        assert!(plan.contains("claims_fact_article (fact_id=?)"), "{plan}");
        // ties are sorted a fact count at a time, never the whole list
        assert!(!plan.contains("USE TEMP B-TREE FOR ORDER BY"), "{plan}");
    }
    // the claims in no fact, in id order: read in that order, sorted by nothing
    let plan = plan(&store, by_corroboration(None, Pass::Alone)).await;
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

#[tokio::test]
async fn corroborations_read_one_fact_row() {
    let (store, _dir) = store().await;
    let sql = format!("EXPLAIN QUERY PLAN SELECT {CORROBORATIONS} FROM claims c WHERE c.id = 1");
    let plan = plan(&store, QueryBuilder::new(sql)).await;
    assert_paged(&plan);
    assert!(
        plan.contains("SEARCH f USING INTEGER PRIMARY KEY"),
        "{plan}"
    );
    assert!(!plan.contains("count(DISTINCT)"), "{plan}");
}

/// Each fact's article count against counting its claims' articles.
async fn counts_agree(store: &Store) -> Vec<i64> {
    let rows: Vec<(i64, i64)> = store
        .read_with(|conn| {
            let mut stmt = conn.prepare(
                "SELECT f.article_count,
                (SELECT count(DISTINCT article_id) FROM claims WHERE fact_id = f.id)
         FROM facts f ORDER BY f.id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
        .expect("counts");
    for (kept, counted) in &rows {
        assert_eq!(kept, counted, "{rows:?}");
    }
    rows.into_iter().map(|(kept, _)| kept).collect()
}

#[tokio::test]
async fn facts_count_their_articles_as_claims_join_leave_and_go() {
    let (store, _dir) = store().await;
    let run = |sql: &'static str| execute(&store, sql.to_string());
    run("INSERT INTO articles (id, content_hash, text) VALUES (1, 'h1', 'one'), (2, 'h2', 'two')")
        .await;
    run(
        "INSERT INTO claims (id, article_id, kind, text, start, \"end\") VALUES
         (1, 1, 'statement', 'a', 0, 1), (2, 1, 'statement', 'b', 1, 2),
         (3, 2, 'statement', 'c', 0, 1)",
    )
    .await;
    run("INSERT INTO facts (id, size) VALUES (1, 0), (2, 0)").await;
    run("UPDATE claims SET fact_id = 1 WHERE id = 1").await;
    assert_eq!(counts_agree(&store).await, [1, 0]);
    // a second claim of the same article: still one article
    run("UPDATE claims SET fact_id = 1 WHERE id = 2").await;
    assert_eq!(counts_agree(&store).await, [1, 0]);
    run("UPDATE claims SET fact_id = 1 WHERE id = 3").await;
    assert_eq!(counts_agree(&store).await, [2, 0]);
    let corroborations: i64 = store
        .read_with(|conn| {
            let sql = format!("SELECT {CORROBORATIONS} FROM claims c WHERE c.id = 2");
            Ok(conn.query_row(&sql, [], |r| r.get(0))?)
        })
        .await
        .expect("corroborations");
    assert_eq!(corroborations, 1);
    // moving one of article 1's two claims keeps article 1 in fact 1
    run("UPDATE claims SET fact_id = 2 WHERE id = 1").await;
    assert_eq!(counts_agree(&store).await, [2, 1]);
    run("DELETE FROM claims WHERE id = 2").await;
    assert_eq!(counts_agree(&store).await, [1, 1]);
    run(
        "INSERT INTO claims (id, article_id, kind, text, start, \"end\", fact_id)
         VALUES (4, 1, 'statement', 'd', 2, 3, 2)",
    )
    .await;
    assert_eq!(counts_agree(&store).await, [1, 1]);
    run("DELETE FROM articles WHERE id = 1").await;
    assert_eq!(counts_agree(&store).await, [1, 0]);
}

#[tokio::test]
async fn reals_read_through_json_keep_every_bit() {
    let (store, _dir) = store().await;
    let values: [f64; 8] = [
        0.1 + 0.2,
        700.0 * 2.589988110336,
        1.0 / 3.0,
        -36.395_800_000_000_01,
        5e-324,
        1.797_693_134_862_315_7e308,
        589_300_000_000.0,
        0.0,
    ];
    for v in values {
        let text: String = store
            .read_with(move |conn| {
                let sql = format!("SELECT {}", real_text("?1"));
                Ok(conn.query_row(&sql, [v], |r| r.get(0))?)
            })
            .await
            .expect("render");
        assert_eq!(
            real_of(&text).expect("parse").to_bits(),
            v.to_bits(),
            "{text}"
        );
    }
    let none: Option<String> = store
        .read_with(|conn| {
            let sql = format!("SELECT {}", real_text("NULL"));
            Ok(conn.query_row(&sql, [], |r| r.get(0))?)
        })
        .await
        .expect("render");
    assert_eq!(real(none.as_deref()).expect("null"), None);
}

#[tokio::test]
async fn entity_search_uses_the_trigram_index_and_lists_by_index() {
    let (store, _dir) = store().await;
    let contains = plan(
        &store,
        QueryBuilder::new(format!("EXPLAIN QUERY PLAN {CONTAINS_MATCHES}")),
    )
    .await;
    assert!(contains.contains("SCAN k VIRTUAL TABLE"), "{contains}");
    assert!(
        contains.contains("SEARCH a USING COVERING INDEX aliases_key"),
        "{contains}"
    );
    assert!(!contains.contains("SCAN a") && !contains.contains("SCAN e"));
    let listed = plan(
        &store,
        QueryBuilder::new(format!("EXPLAIN QUERY PLAN {MOST_MENTIONED}")),
    )
    .await;
    assert!(listed.contains("entities_mentioned"), "{listed}");
    assert!(!listed.contains("TEMP B-TREE"), "{listed}");
}
