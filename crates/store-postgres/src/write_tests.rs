//! The writer's tests, and the helpers the store's other tests open a store with: the
//! synchronous driver cannot connect or close inside an async task, so tests are plain
//! `#[test]`s that run their async part on a runtime of their own.

use super::*;
use crate::test_articles::{article, Said};
use crate::testing::TestDb;

/// A runtime for a test's async half: the test's synchronous clients may not run
/// inside one (the postgres crate blocks on a runtime of its own).
pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// Runs `work` to its end on a [`runtime`] of its own.
pub(crate) fn block_on<F: std::future::Future>(work: F) -> F::Output {
    runtime().block_on(work)
}

/// A store dropped on a thread of its own: its connections, closing, block on a
/// runtime of their own, which a runtime's thread may not, even while a failed
/// assertion unwinds.
pub(crate) struct Held(Option<PgStore>);

impl std::ops::Deref for Held {
    type Target = PgStore;
    fn deref(&self) -> &PgStore {
        self.0.as_ref().expect("held until dropped")
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Some(store) = self.0.take() {
            let _ = std::thread::spawn(move || drop(store)).join();
        }
    }
}

/// A migrated store on the test's schema.
pub(crate) async fn open(config: postgres::Config) -> Held {
    Held(Some(PgStore::open_config(config).await.expect("open")))
}

/// How many rows `sql` (a `count(*)`) counts.
fn count(db: &TestDb, sql: &str) -> i64 {
    let mut client = db.client().expect("connect");
    client.query_one(sql, &[]).expect(sql).get(0)
}

const FLOOD: &str = "Water everywhere\nThe mayor Ana Kovač said the river destroyed 300 \
    homes in Dravograd on Sunday.";

fn flood(source: Option<&str>) -> PreparedArticle {
    article(
        FLOOD,
        source,
        &[Said {
            words: "the river destroyed 300 homes in Dravograd on Sunday",
            speaker: Some("Ana Kovač"),
            places: &[("Dravograd", None)],
            numbers: &[("300 homes", 300.0, "home")],
        }],
    )
}

#[test]
fn an_article_is_stored_once_with_code_point_offsets() {
    let Some(db) = TestDb::create("stored_once") else {
        return;
    };
    let a = flood(Some("Valley Post"));
    let config = db.config().clone();
    let hash = a.content_hash.clone();
    let (first, again, found, missing) = block_on(async move {
        let store = open(config).await;
        let first = store.insert(&a).await.expect("insert");
        let again = store.insert(&a).await.expect("insert again");
        let found = store.find_article_by_hash(&hash).await.expect("find");
        let missing = store.find_article_by_hash("0000").await.expect("find");
        (first, again, found, missing)
    });
    assert!(first.created);
    assert_eq!(
        again,
        Inserted {
            id: first.id,
            created: false
        }
    );
    assert_eq!((found, missing), (Some(first.id), None));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 1);
    assert_eq!(count(&db, "SELECT count(*) FROM claims"), 1);
    assert_eq!(count(&db, "SELECT count(*) FROM mentions"), 2);
    assert_eq!(count(&db, "SELECT count(*) FROM claim_places"), 1);
    assert_eq!(count(&db, "SELECT count(*) FROM claim_numbers"), 1);
    assert_eq!(count(&db, "SELECT count(*) FROM publications"), 1);
    let mut client = db.client().expect("connect");
    let row = client
        .query_one(
            "SELECT a.claim_count, a.mention_count, c.start, c.\"end\", c.kind,
                    c.speaker_text, e.name, e.mention_count, s.name
             FROM articles a JOIN claims c ON c.article_id = a.id
             JOIN entities e ON e.id = c.speaker_id JOIN sources s ON s.id = a.source_id",
            &[],
        )
        .expect("the article's rows");
    let claim = "the river destroyed 300 homes in Dravograd on Sunday";
    let start = FLOOD.chars().count() - claim.chars().count() - 1;
    assert_eq!(row.get::<_, i64>(0), 1);
    assert_eq!(row.get::<_, i64>(1), 2);
    assert_eq!(
        row.get::<_, i64>(2),
        start as i64,
        "offsets count code points"
    );
    assert_eq!(row.get::<_, i64>(3), (start + claim.len()) as i64);
    assert_eq!(row.get::<_, &str>(4), "indirect");
    assert_eq!(row.get::<_, Option<&str>>(5), Some("Ana Kovač"));
    assert_eq!(row.get::<_, &str>(6), "Ana Kovač");
    assert_eq!(row.get::<_, i64>(7), 1);
    assert_eq!(row.get::<_, &str>(8), "Valley Post");
    let number = client
        .query_one(
            "SELECT value, unit, qualifier, text FROM claim_numbers",
            &[],
        )
        .expect("the figure");
    assert_eq!(number.get::<_, f64>(0), 300.0);
    assert_eq!(number.get::<_, &str>(1), "home");
    assert_eq!(number.get::<_, &str>(2), "exact");
    assert_eq!(number.get::<_, &str>(3), "300 homes");
}

#[test]
fn the_same_text_twice_in_one_batch_is_stored_once() {
    let Some(db) = TestDb::create("twice_in_batch") else {
        return;
    };
    let config = db.config().clone();
    let written = block_on(async move {
        let store = open(config).await;
        let written = store.insert_batch(vec![flood(None), flood(None)]).await;
        written
    })
    .expect("insert");
    assert_eq!(written.len(), 2);
    assert!(written[0].created && !written[1].created);
    assert_eq!(written[0].id, written[1].id);
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 1);
    // no outlet and no address: nothing to record as a publication
    assert_eq!(count(&db, "SELECT count(*) FROM publications"), 0);
}

#[test]
fn a_text_published_again_elsewhere_gains_only_the_publication() {
    let Some(db) = TestDb::create("published_again") else {
        return;
    };
    let config = db.config().clone();
    let (first, again) = block_on(async move {
        let store = open(config).await;
        let first = store.insert(&flood(Some("Valley Post"))).await;
        let again = store.insert(&flood(Some("River Times"))).await;
        (first.expect("insert"), again.expect("insert again"))
    });
    assert_eq!((again.id, again.created), (first.id, false));
    assert_eq!(count(&db, "SELECT count(*) FROM publications"), 2);
    assert_eq!(count(&db, "SELECT count(*) FROM sources"), 2);
    assert_eq!(count(&db, "SELECT count(*) FROM claims"), 1);
    let outlets = "SELECT count(*) FROM entities WHERE kind = 'outlet'";
    assert_eq!(count(&db, outlets), 2);
}

#[test]
fn two_writers_resolve_one_after_the_other() {
    let Some(db) = TestDb::create("two_writers") else {
        return;
    };
    let config = db.config().clone();
    block_on(async move {
        // two stores: two writer connections, as two ingest processes have
        let (one, two) = (open(config.clone()).await, open(config).await);
        let other = article(
            "Dry spell\nThe mayor Ana Kovač said the wells of Dravograd ran dry in August.",
            Some("River Times"),
            &[Said {
                words: "the wells of Dravograd ran dry in August",
                speaker: Some("Ana Kovač"),
                places: &[("Dravograd", None)],
                numbers: &[],
            }],
        );
        for _ in 0..3 {
            let (a, b) = tokio::join!(
                one.insert_batch(vec![flood(Some("Valley Post")), other.clone()]),
                two.insert_batch(vec![other.clone(), flood(Some("Valley Post"))]),
            );
            let (a, b) = (a.expect("first writer"), b.expect("second writer"));
            assert_eq!((a[0].id, a[1].id), (b[1].id, b[0].id));
        }
    });
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
    let people = "SELECT count(*) FROM entities WHERE kind = 'person'";
    assert_eq!(count(&db, people), 1, "one entity for the one mayor");
    let places = "SELECT count(*) FROM entities WHERE kind = 'place'";
    assert_eq!(count(&db, places), 1);
}

#[test]
fn a_warmed_writer_links_to_what_another_writer_stored() {
    let Some(db) = TestDb::create("warm_writer") else {
        return;
    };
    let config = db.config().clone();
    block_on(async move {
        let first = open(config.clone()).await;
        first
            .insert(&flood(Some("Valley Post")))
            .await
            .expect("insert");
        let second = open(config).await;
        second.warm_writer();
        let text = "Homes lost\nThe river destroyed 300 homes in Dravograd on Sunday, the \
            mayor Ana Kovač said.";
        let retold = article(
            text,
            Some("River Times"),
            &[Said {
                words: "The river destroyed 300 homes in Dravograd on Sunday",
                speaker: Some("Ana Kovač"),
                places: &[("Dravograd", None)],
                numbers: &[("300 homes", 300.0, "home")],
            }],
        );
        second.insert(&retold).await.expect("insert");
    });
    let in_one = "SELECT count(*) FROM claims WHERE fact_id IS NOT NULL";
    assert_eq!(count(&db, in_one), 2, "both claims in one fact");
    assert_eq!(count(&db, "SELECT count(*) FROM facts"), 1);
}
