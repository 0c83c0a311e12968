//! The claim reads on PostgreSQL: figures read per claim, fact counts kept by triggers,
//! dates read as SQLite reads them, and every filter and order a statement that runs.

use super::claims::CORROBORATIONS;
use super::claims_query::{epoch_ms, push_claims_query, Pass, PlaceFilters};
use crate::query_builder::QueryBuilder;
use crate::search::Search;
use crate::test_articles::{article, Said};
use crate::testing::TestDb;
use crate::{ClaimFilter, ClaimSort, NumberFilter, SpeakerRecord};
use crate::{Id, PgError, PgStore, Position, StorageError, LISTED_NUMBERS};
use claimgraph_model::ClaimKind;

/// Runs `work` to its end on a runtime of its own: the test database is made and dropped
/// outside it (its synchronous client may not block a runtime's thread).
fn block_on<F: std::future::Future>(work: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(work)
}

async fn store(db: &TestDb) -> PgStore {
    PgStore::open_config(db.config().clone())
        .await
        .expect("open")
}

/// Runs `sql` (statements without parameters) on the writer's connection.
async fn execute(store: &PgStore, sql: String) {
    let statements = sql.clone();
    store
        .write_rows(move |client| Ok(client.batch_execute(&statements)?))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
}

#[test]
fn a_claim_lists_its_first_figures() {
    let Some(db) = TestDb::create("claim_first_figures") else {
        return;
    };
    // made and dropped outside the runtime, as its connections close synchronously
    let store = block_on(store(&db));
    block_on(async {
        let run = |sql: String| execute(&store, sql);
        run("INSERT INTO articles (id, content_hash, text) VALUES (1, 'h1', 'figures')".into())
            .await;
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
        assert_eq!(
            page.items[0].numbers[3].base,
            Some((3.0, "km2".to_string()))
        );
        assert_eq!(page.items[1].numbers[0].base, None);
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
    })
}

/// Each fact's article count against counting its claims' articles.
async fn counts_agree(store: &PgStore) -> Vec<i64> {
    let rows: Vec<(i64, i64)> = store
        .read_with(|client| {
            let rows = client.query(
                "SELECT f.article_count,
                (SELECT count(DISTINCT article_id) FROM claims WHERE fact_id = f.id)
         FROM facts f ORDER BY f.id",
                &[],
            )?;
            Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
        })
        .await
        .expect("counts");
    for (kept, counted) in &rows {
        assert_eq!(kept, counted, "{rows:?}");
    }
    rows.into_iter().map(|(kept, _)| kept).collect()
}

#[test]
fn facts_count_their_articles_as_claims_join_leave_and_go() {
    let Some(db) = TestDb::create("facts_count_articles") else {
        return;
    };
    // made and dropped outside the runtime, as its connections close synchronously
    let store = block_on(store(&db));
    block_on(async {
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
            .read_with(|client| {
                let sql = format!("SELECT {CORROBORATIONS} FROM claims c WHERE c.id = 2");
                Ok(client.query_one(&sql, &[])?.get(0))
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
    })
}

#[test]
fn dates_read_as_sqlite_julianday_reads_them() {
    let Some(db) = TestDb::create("dates_as_julianday") else {
        return;
    };
    // made and dropped outside the runtime, as its connections close synchronously
    let store = block_on(store(&db));
    block_on(async {
        // (text, SQLite's CAST(round((julianday(upper(text)) - 2440587.5) * 86400000.0) AS
        // INTEGER), as SQLite 3.40 answers it)
        let cases: [(&str, Option<i64>); 18] = [
            ("2024-03-01", Some(1_709_251_200_000)),
            // SQLite runs a day past the month's end into the next month
            ("2024-02-30", Some(1_709_251_200_000)),
            ("2024-03-01T10:00:00+02:00", Some(1_709_280_000_000)),
            ("2024-03-01 10:00:00.1234z", Some(1_709_287_200_123)),
            ("2024-03-01t10:00", Some(1_709_287_200_000)),
            ("garbage", None),
            ("2024-13-01", None),
            ("2024-03-01T24:00:00", Some(1_709_337_600_000)),
            ("0000-01-01", Some(-62_167_219_200_000)),
            ("-4713-11-24T12:00:00", Some(-210_866_760_000_000)),
            ("2024-03-01T10:00:00.9995", Some(1_709_287_201_000)),
            ("2024-03-01T10:00:00 -14:00 ", Some(1_709_337_600_000)),
            ("2024-03-01TT  10:00", Some(1_709_287_200_000)),
            ("2024-03-01T10:00:00+15:00", None),
            ("2024-03-01T10:60", None),
            ("2024-03-01 ", Some(1_709_251_200_000)),
            ("1969-12-31T23:59:59.999Z", Some(-1)),
            (
                "2024-02-29T23:59:59.123456789012345678901234567890Z",
                Some(1_709_251_199_123),
            ),
        ];
        for (text, want) in cases {
            let got: Option<i64> = store
                .read_with(move |client| {
                    let sql = format!("SELECT {}", epoch_ms("$1::text"));
                    Ok(client.query_one(&sql, &[&text])?.get(0))
                })
                .await
                .expect("date");
            assert_eq!(got, want, "{text:?}");
        }
    })
}

/// Runs the statement of one page of claims with `filter` (and `search`) in `sort` order
/// from `cursor`.
async fn runs(
    store: &PgStore,
    filter: ClaimFilter,
    search: Option<Search>,
    sort: ClaimSort,
    cursor: Option<Position>,
) {
    let what = format!("{filter:?} {search:?} {sort:?} {cursor:?}");
    let result = store
        .read_with(move |client| {
            // the corroboration order without an entity is read fact by fact, in two passes
            let by_facts = sort == ClaimSort::Corroboration
                && search.is_none()
                && filter.about.is_empty()
                && filter.place.is_empty()
                && filter.involving.is_empty();
            let passes: &[Pass] = if by_facts {
                &[Pass::InFacts, Pass::Alone]
            } else {
                &[Pass::All]
            };
            for &pass in passes {
                let mut q = QueryBuilder::new("");
                let places = PlaceFilters(vec![7]);
                let search = search.as_ref();
                push_claims_query(&mut q, &filter, search, sort, cursor, &places, 50, pass);
                client.query(q.sql(), &q.params())?;
            }
            Ok(())
        })
        .await;
    assert!(result.is_ok(), "{what}: {result:?}");
}

#[test]
fn every_filter_order_and_cursor_makes_a_statement_that_runs() {
    let Some(db) = TestDb::create("claim_statements_run") else {
        return;
    };
    // made and dropped outside the runtime, as its connections close synchronously
    let store = block_on(store(&db));
    block_on(async {
        let number = |unit: &str, min, max| NumberFilter {
            unit: unit.into(),
            min,
            max,
        };
        let filters = [
            ClaimFilter::default(),
            ClaimFilter {
                about: vec![7],
                ..Default::default()
            },
            ClaimFilter {
                about: vec![8],
                speaker: vec![1, 2],
                via: vec![3],
                article: vec![4],
                kind: vec![ClaimKind::Direct, ClaimKind::Statement],
                ..Default::default()
            },
            ClaimFilter {
                place: vec![7],
                involving: vec![8, 9],
                outlet: vec![10],
                ..Default::default()
            },
            ClaimFilter {
                involving: vec![7],
                published_after: Some("2024-01-01".into()),
                published_before: Some("2024-02-01T10:00:00+02:00".into()),
                has_number: Some(true),
                number: Some(number("mi2", Some(10.0), Some(700.0))),
                ..Default::default()
            },
            ClaimFilter {
                about: vec![7, 8],
                place: vec![7, 9],
                has_number: Some(false),
                number: Some(number("person", Some(100.0), None)),
                ..Default::default()
            },
        ];
        let orders = [
            (ClaimSort::Stored, Some(Position::After(10))),
            (
                ClaimSort::DateAsc,
                Some(Position::Dated {
                    key: 1_700_000_000_000,
                    id: 3,
                    newest_first: false,
                }),
            ),
            (
                ClaimSort::DateDesc,
                Some(Position::Dated {
                    key: 1_700_000_000_000,
                    id: 3,
                    newest_first: true,
                }),
            ),
            (
                ClaimSort::Corroboration,
                Some(Position::Ranked { score: 3.0, id: 10 }),
            ),
            // relevance without a query is the stored order, and pages by no rank
            (ClaimSort::Relevance, None),
        ];
        let search = store
            .fts_expression("NEAR(ferry quay) OR strik* NOT \"the port\"")
            .await
            .expect("search");
        for filter in &filters {
            for (sort, cursor) in orders {
                for search in [None, Some(search.clone())] {
                    // a ranked cursor of the relevance order needs a query to rank by
                    let cursor = cursor.or(match (sort, &search) {
                        (ClaimSort::Relevance, Some(_)) => {
                            Some(Position::Ranked { score: -1.5, id: 2 })
                        }
                        _ => None,
                    });
                    runs(&store, filter.clone(), search.clone(), sort, None).await;
                    runs(&store, filter.clone(), search, sort, cursor).await;
                }
            }
        }
    })
}

/// Two articles: a port's closure with a speaker, a place and a figure, then a later one.
async fn two_articles(store: &PgStore) -> (Id, Id) {
    let first = article(
        "Port closed\nThe harbour master Ana Lind said 12 boats were damaged in Brest. \
         The storm passed overnight.",
        Some("Coast Weekly"),
        &[
            Said {
                words: "12 boats were damaged in Brest",
                speaker: Some("Ana Lind"),
                places: &[("Brest", None)],
                numbers: &[("12 boats", 12.0, "boat")],
            },
            Said {
                words: "The storm passed overnight.",
                speaker: None,
                places: &[],
                numbers: &[],
            },
        ],
    );
    let second = article(
        "Ferries back\nFerries to Brest sailed again on Friday.",
        None,
        &[Said {
            words: "Ferries to Brest sailed again on Friday.",
            speaker: None,
            places: &[("Brest", None)],
            numbers: &[],
        }],
    );
    let first = store.insert(&first).await.expect("first").id;
    let second = store.insert(&second).await.expect("second").id;
    (first, second)
}

async fn listed(store: &PgStore, filter: ClaimFilter, sort: ClaimSort) -> Vec<String> {
    let page = store
        .list_claims_sorted(&filter, sort, 50, None)
        .await
        .expect("claims");
    page.items.into_iter().map(|c| c.text).collect()
}

#[test]
fn articles_list_newest_first_a_page_at_a_time() {
    let Some(db) = TestDb::create("articles_listed") else {
        return;
    };
    let store = block_on(store(&db));
    block_on(async {
        let (first, second) = two_articles(&store).await;
        let page = store.list_articles(1, None).await.expect("first page");
        assert_eq!(
            page.items.iter().map(|a| a.id).collect::<Vec<_>>(),
            [second]
        );
        assert!(page.items[0].text.is_none() && page.items[0].publications.is_none());
        let next = store.list_articles(1, page.next).await.expect("next page");
        assert_eq!(next.items.iter().map(|a| a.id).collect::<Vec<_>>(), [first]);
        assert!(next.next.is_none());

        let article = store.get_article(first).await.expect("article");
        assert_eq!(article.source.as_deref(), Some("Coast Weekly"));
        assert_eq!((article.claim_count, article.mention_count), (2, 2));
        assert!(article.text.as_deref().is_some_and(|t| t.contains("storm")));
        let publications = article.publications.expect("publications");
        assert_eq!(publications.len(), 1);
        assert_eq!(publications[0].source.as_deref(), Some("Coast Weekly"));
        let missing = store.get_article(second + 100).await;
        assert!(
            matches!(
                missing,
                Err(PgError::Storage(StorageError::NotFound {
                    what: "article",
                    ..
                }))
            ),
            "{missing:?}"
        );

        let by_id = store
            .articles_by_id(&[first, second + 100])
            .await
            .expect("by id");
        assert_eq!(by_id.len(), 1);
        assert_eq!(by_id[&first].source.as_deref(), Some("Coast Weekly"));
        assert!(store.articles_by_id(&[]).await.expect("none").is_empty());
    })
}

#[test]
fn claims_come_with_their_speaker_places_and_figures_and_filter_by_them() {
    let Some(db) = TestDb::create("claims_filtered") else {
        return;
    };
    let store = block_on(store(&db));
    block_on(async {
        let (first, _) = two_articles(&store).await;
        let all = store
            .list_claims(&ClaimFilter::default(), 50, None)
            .await
            .expect("claims");
        assert_eq!(all.items.len(), 3);
        let damaged = &all.items[0];
        let claim = store.get_claim(damaged.id).await.expect("claim");
        assert_eq!(&claim, damaged);
        let Some(SpeakerRecord::Entity(speaker)) = &claim.speaker else {
            panic!("{:?}", claim.speaker);
        };
        assert_eq!(speaker.name, "Ana Lind");
        let brest = claim.places[0].entity.id;
        assert_eq!(claim.places[0].entity.name, "Brest");
        assert!(claim.places[0].mention_id.is_some());
        assert_eq!(claim.numbers[0].value, 12.0);
        assert_eq!(claim.numbers[0].text, "12 boats");
        let missing = store.get_claim(damaged.id + 100).await;
        assert!(
            matches!(
                missing,
                Err(PgError::Storage(StorageError::NotFound {
                    what: "claim",
                    ..
                }))
            ),
            "{missing:?}"
        );

        let about_brest = ClaimFilter {
            about: vec![brest],
            ..Default::default()
        };
        let by_speaker = ClaimFilter {
            speaker: vec![speaker.id],
            ..Default::default()
        };
        let boats = ClaimFilter {
            number: Some(NumberFilter {
                unit: "boat".into(),
                min: Some(10.0),
                max: Some(12.0),
            }),
            ..Default::default()
        };
        let without_figures = ClaimFilter {
            has_number: Some(false),
            article: vec![first],
            ..Default::default()
        };
        let statements = ClaimFilter {
            kind: vec![ClaimKind::Statement],
            involving: vec![brest],
            ..Default::default()
        };
        let stored = ClaimSort::Stored;
        let damaged_text = damaged.text.clone();
        let ferries = "Ferries to Brest sailed again on Friday.".to_string();
        assert_eq!(
            listed(&store, about_brest, stored).await,
            [damaged_text.clone(), ferries.clone()]
        );
        assert_eq!(
            listed(&store, by_speaker, stored).await,
            std::slice::from_ref(&damaged_text)
        );
        assert_eq!(
            listed(&store, boats, stored).await,
            std::slice::from_ref(&damaged_text)
        );
        assert_eq!(
            listed(&store, without_figures, stored).await,
            ["The storm passed overnight."]
        );
        assert_eq!(listed(&store, statements, stored).await, [ferries]);
        // ids the filter names must be stored
        let unknown = ClaimFilter {
            about: vec![brest + 1000],
            ..Default::default()
        };
        let refused = store.list_claims(&unknown, 10, None).await;
        assert!(
            matches!(
                refused,
                Err(PgError::Storage(StorageError::NotFound {
                    what: "entity",
                    ..
                }))
            ),
            "{refused:?}"
        );
    })
}

#[test]
fn claims_order_and_page_by_their_articles_dates() {
    let Some(db) = TestDb::create("claims_by_date") else {
        return;
    };
    let store = block_on(store(&db));
    block_on(async {
        let (first, second) = two_articles(&store).await;
        // the later article was published first, at an offset; the other has no date
        execute(
            &store,
            format!(
                "UPDATE articles SET published_at = '2020-05-01T12:00:00+02:00' WHERE id = {second};
                 UPDATE articles SET created_at = '2021-01-01T00:00:00.000Z' WHERE id = {first}"
            ),
        )
        .await;
        let texts = |page: &crate::Page<crate::ClaimRecord>| {
            page.items
                .iter()
                .map(|c| c.text.clone())
                .collect::<Vec<_>>()
        };
        let asc = store
            .list_claims_sorted(&ClaimFilter::default(), ClaimSort::DateAsc, 2, None)
            .await
            .expect("oldest first");
        assert_eq!(texts(&asc)[0], "Ferries to Brest sailed again on Friday.");
        let rest = store
            .list_claims_sorted(&ClaimFilter::default(), ClaimSort::DateAsc, 2, asc.next)
            .await
            .expect("next page");
        assert_eq!(texts(&rest), ["The storm passed overnight."]);
        assert!(rest.next.is_none());
        let desc = listed(&store, ClaimFilter::default(), ClaimSort::DateDesc).await;
        assert_eq!(desc[2], "Ferries to Brest sailed again on Friday.");
        // a date bound reads the publication time only, in UTC
        let after = ClaimFilter {
            published_after: Some("2020-05-01T10:00:00Z".into()),
            ..Default::default()
        };
        assert_eq!(listed(&store, after, ClaimSort::Stored).await.len(), 1);
        let later = ClaimFilter {
            published_after: Some("2020-05-01T10:00:01Z".into()),
            ..Default::default()
        };
        assert!(listed(&store, later, ClaimSort::Stored).await.is_empty());
        let before = ClaimFilter {
            published_before: Some("2020-05-02".into()),
            ..Default::default()
        };
        assert_eq!(listed(&store, before, ClaimSort::Stored).await.len(), 1);
    })
}
