//! Curation on a fresh PostgreSQL schema with hand-made extractions (invented towns and
//! people, so the extractor's rules do not matter): a mention moved to the right place
//! takes its claims' places along and moves back, and a merge undone leaves every row the
//! merge touched as it was before.

use std::future::Future;

use claimgraph_model::{
    Claim, ClaimKind, EntityKind, Extraction, Mention, PlaceRef, PlaceType, Span,
};
use claimgraph_store_postgres::testing::TestDb;
use claimgraph_store_postgres::{Actor, ClaimFilter, ClaimRecord, PgError, PgStore, RelinkScope};

mod support;
use claimgraph_store_postgres::StorageError;
use support::with_extraction;

/// A town of the gazetteer that is not real: two share the name "Brenmoor".
fn town(key: &str, name: &str, country: &str) -> PlaceRef {
    PlaceRef {
        key: key.to_string(),
        name: name.to_string(),
        geonames_id: None,
        lat: Some(50.0),
        lon: Some(10.0),
        country: Some(country.to_string()),
        place_type: PlaceType::City,
        aliases: Default::default(),
        or_region: None,
        within: None,
    }
}

fn brenmoor_xa() -> PlaceRef {
    town("gn:990101", "Brenmoor", "XA")
}

fn brenmoor_xb() -> PlaceRef {
    town("gn:990102", "Brenmoor", "XB")
}

fn ostvik() -> PlaceRef {
    town("gn:990103", "Ostvik", "XA")
}

/// The span of the `nth` (from 0) occurrence of `needle` in `text`.
fn at(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} in {text:?}"));
    Span::new(start, start + needle.len())
}

fn person(text: &str, needle: &str, name: &str) -> Mention {
    Mention {
        span: at(text, needle, 0),
        name: name.to_string(),
        kind: EntityKind::Person,
        roles: vec!["mayor".to_string()],
        place: None,
    }
}

fn place(text: &str, nth: usize, place: PlaceRef) -> Mention {
    Mention {
        span: at(text, &place.name, nth),
        name: place.name.clone(),
        kind: EntityKind::Place,
        roles: Vec::new(),
        place: Some(place),
    }
}

fn claim(text: &str, words: &str, speaker: Option<&Mention>, places: &[&Mention]) -> Claim {
    Claim {
        kind: if speaker.is_some() {
            ClaimKind::Indirect
        } else {
            ClaimKind::Statement
        },
        span: at(text, words, 0),
        speaker: speaker.cloned(),
        via: None,
        cue: speaker.map(|_| "said".to_string()),
        places: places.iter().map(|m| (*m).clone()).collect(),
        numbers: Vec::new(),
        gist: Default::default(),
    }
}

/// The article whose town named "Brenmoor" the reader resolved to the wrong one (XB).
const WRONG: &str = "Brenmoor flooded on Monday. The river rose at night, mayor Edda Lindqvist \
said in Brenmoor. Brenmoor schools stay shut, Lindqvist said.";
/// Brenmoor in XA, with Ostvik.
const RIGHT: &str =
    "Ferries between Brenmoor and Ostvik run again, harbour master Pau Ferrer said.";
/// Brenmoor in XB, rightly.
const OTHER: &str = "Brenmoor hosts the border fair in June, organiser Rui Moreno said.";

/// Runs a test's async half on a runtime of its own: the postgres crate's synchronous
/// clients (the test schema's) may not block inside one.
fn block_on<F: Future>(work: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(work)
}

/// A store dropped on a thread of its own: its connections, closing, block on a runtime
/// of their own, which a runtime's thread may not, even while a failed assertion unwinds.
struct Held(Option<PgStore>);

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
async fn store(db: &TestDb) -> Held {
    Held(Some(
        PgStore::open_config(db.config().clone())
            .await
            .expect("open"),
    ))
}

async fn write(store: &PgStore, text: &str, source: &str, extraction: Extraction) {
    let p = with_extraction(text, Some(source), extraction);
    store.insert(&p).await.expect("insert");
}

/// The three articles, in order.
async fn ingest(store: &PgStore) {
    let t = WRONG;
    let (b0, b1, b2) = (
        place(t, 0, brenmoor_xb()),
        place(t, 1, brenmoor_xb()),
        place(t, 2, brenmoor_xb()),
    );
    let (edda, lindqvist) = (
        person(t, "Edda Lindqvist", "Edda Lindqvist"),
        person(t, "Lindqvist said.", "Edda Lindqvist"),
    );
    let lindqvist = Mention {
        span: Span::new(
            lindqvist.span.start,
            lindqvist.span.start + "Lindqvist".len(),
        ),
        ..lindqvist
    };
    let claims = vec![
        claim(t, "Brenmoor flooded on Monday.", None, &[&b0]),
        claim(t, "The river rose at night", Some(&edda), &[&b1]),
        claim(t, "Brenmoor schools stay shut", Some(&lindqvist), &[&b2]),
    ];
    let mentions = vec![b0, edda, b1, b2, lindqvist];
    write(
        store,
        t,
        "Valley Courier",
        Extraction {
            headline: None,
            claims,
            mentions,
        },
    )
    .await;

    let t = RIGHT;
    let (b, o, pau) = (
        place(t, 0, brenmoor_xa()),
        place(t, 0, ostvik()),
        person(t, "Pau Ferrer", "Pau Ferrer"),
    );
    let claims = vec![claim(
        t,
        "Ferries between Brenmoor and Ostvik run again",
        Some(&pau),
        &[&b, &o],
    )];
    let mentions = vec![b, o, pau];
    write(
        store,
        t,
        "Coast Wire",
        Extraction {
            headline: None,
            claims,
            mentions,
        },
    )
    .await;

    let t = OTHER;
    let (b, rui) = (
        place(t, 0, brenmoor_xb()),
        person(t, "Rui Moreno", "Rui Moreno"),
    );
    let claims = vec![claim(
        t,
        "Brenmoor hosts the border fair in June",
        Some(&rui),
        &[&b],
    )];
    let mentions = vec![b, rui];
    write(
        store,
        t,
        "Valley Courier",
        Extraction {
            headline: None,
            claims,
            mentions,
        },
    )
    .await;
}

/// Every row curation may touch, as text, sorted within each table. (PostgreSQL keeps no
/// rowid: a claim's places are compared as rows.)
async fn snapshot(db: &TestDb) -> Vec<String> {
    let config = db.config().clone();
    tokio::task::spawn_blocking(move || {
        let mut client = config.connect(postgres::NoTls).expect("connect");
        let mut out = Vec::new();
        for (table, columns) in [
            ("entities", "t.*"),
            ("aliases", "t.*"),
            ("entity_roles", "t.*"),
            ("mentions", "t.*"),
            ("claims", "t.id, t.speaker_id, t.via_id"),
            ("claim_places", "t.*"),
            ("sources", "t.*"),
            ("manual_aliases", "t.*"),
            ("entity_redirects", "t.*"),
            ("seat_readings", "t.*"),
        ] {
            let sql = format!("SELECT ROW({columns})::text FROM {table} t");
            let mut rows: Vec<String> = client
                .query(&sql, &[])
                .expect("rows")
                .iter()
                .map(|r| format!("{table}: {}", r.get::<_, String>(0)))
                .collect();
            rows.sort();
            out.extend(rows);
        }
        out
    })
    .await
    .expect("snapshot")
}

async fn claims_of(store: &PgStore, text: &str) -> Vec<ClaimRecord> {
    let all = store
        .list_claims(&ClaimFilter::default(), 50, None)
        .await
        .expect("claims")
        .items;
    all.into_iter().filter(|c| text.contains(&c.text)).collect()
}

fn place_ids(c: &ClaimRecord) -> Vec<i64> {
    c.places.iter().map(|p| p.entity.id).collect()
}

fn alice() -> Actor {
    Actor {
        label: "token:0badc0de".into(),
        name: Some("alice".into()),
    }
}

/// The ids of Brenmoor in XB (wrong for the first article) and in XA.
async fn brenmoors(store: &PgStore) -> (i64, i64) {
    let other = claims_of(store, OTHER).await;
    let right = claims_of(store, RIGHT).await;
    (other[0].places[0].entity.id, right[0].places[0].entity.id)
}

#[test]
fn claim_places_name_the_mention_they_were_read_from() {
    let Some(db) = TestDb::create("claim_places_name_the_me") else {
        return;
    };
    block_on(claim_places_name_the_mention_they_were_read_from_on(&db));
}

async fn claim_places_name_the_mention_they_were_read_from_on(db: &TestDb) {
    let store = store(db).await;
    ingest(&store).await;
    let (wrong, _) = brenmoors(&store).await;
    let mentions = store
        .entity_mentions(wrong, 50, None)
        .await
        .expect("mentions");
    assert_eq!(mentions.items.len(), 4, "{mentions:?}");
    for c in claims_of(&store, WRONG).await {
        let [p] = c.places.as_slice() else {
            panic!("one place: {c:?}")
        };
        let m = p.mention_id.expect("a mention id");
        let m = mentions
            .items
            .iter()
            .find(|x| x.id == m)
            .expect("a mention of the place");
        assert_eq!((m.article_id, m.text.as_str()), (c.article_id, "Brenmoor"));
    }
}

#[test]
fn a_mention_moved_to_the_right_place_moves_its_claims_and_moves_back() {
    let Some(db) = TestDb::create("a_mention_moved_to_the_r") else {
        return;
    };
    block_on(a_mention_moved_to_the_right_place_moves_its_claims_and_moves_back_on(&db));
}

async fn a_mention_moved_to_the_right_place_moves_its_claims_and_moves_back_on(db: &TestDb) {
    let store = store(db).await;
    ingest(&store).await;
    let (wrong, right) = brenmoors(&store).await;
    let before = snapshot(db).await;
    let first = claims_of(&store, WRONG).await;
    let mention = first[0].places[0].mention_id.expect("mention id");
    let counts = |e: i64| {
        let store = store.clone();
        async move { store.get_entity(e).await.expect("entity").mention_count }
    };
    let (wrong_count, right_count) = (counts(wrong).await, counts(right).await);

    let done = store
        .relink_mention(mention, right, RelinkScope::Article, &alice())
        .await
        .expect("relink");
    assert_eq!((done.from_place, done.to_place), (wrong, right));
    assert_eq!(
        done.mentions.len(),
        3,
        "every Brenmoor of the article: {done:?}"
    );
    assert_eq!(done.claims.len(), 3, "{done:?}");
    for c in claims_of(&store, WRONG).await {
        assert_eq!(place_ids(&c), vec![right], "{c:?}");
    }
    for c in claims_of(&store, OTHER).await {
        assert_eq!(
            place_ids(&c),
            vec![wrong],
            "the other article keeps its town: {c:?}"
        );
    }
    assert_eq!(counts(wrong).await, wrong_count - 3);
    assert_eq!(counts(right).await, right_count + 3);
    let e = store.get_entity(wrong).await.expect("the wrong town stays");
    assert!(e.entity.aliases.contains(&"Brenmoor".to_string()));

    let back = store
        .relink_mention(mention, wrong, RelinkScope::Article, &alice())
        .await
        .expect("relink back");
    assert_eq!(back.mentions, done.mentions);
    assert_eq!(
        snapshot(db).await,
        before,
        "moved back, every row is as it was"
    );
    let log = store.curation_log(10, None).await.expect("log").items;
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|e| e.action == "relink"
        && e.actor == "token:0badc0de"
        && e.actor_name.as_deref() == Some("alice")
        && e.mention_id == Some(mention)));
    assert_eq!(log[0].entity_id, Some(wrong), "newest first: {log:?}");
}

#[test]
fn one_mention_moves_alone_with_only_the_claim_it_gave() {
    let Some(db) = TestDb::create("one_mention_moves_alone_") else {
        return;
    };
    block_on(one_mention_moves_alone_with_only_the_claim_it_gave_on(&db));
}

async fn one_mention_moves_alone_with_only_the_claim_it_gave_on(db: &TestDb) {
    let store = store(db).await;
    ingest(&store).await;
    let (wrong, right) = brenmoors(&store).await;
    let first = claims_of(&store, WRONG).await;
    let mention = first[1].places[0].mention_id.expect("mention id");
    let done = store
        .relink_mention(mention, right, RelinkScope::Mention, &Actor::anonymous())
        .await
        .expect("relink");
    assert_eq!(
        (done.mentions.clone(), done.claims.clone()),
        (vec![mention], vec![first[1].id])
    );
    let now: Vec<Vec<i64>> = claims_of(&store, WRONG)
        .await
        .iter()
        .map(place_ids)
        .collect();
    assert_eq!(now, vec![vec![wrong], vec![right], vec![wrong]]);
}

#[test]
fn corrections_that_make_no_sense_are_refused() {
    let Some(db) = TestDb::create("corrections_that_make_no") else {
        return;
    };
    block_on(corrections_that_make_no_sense_are_refused_on(&db));
}

async fn corrections_that_make_no_sense_are_refused_on(db: &TestDb) {
    let store = store(db).await;
    ingest(&store).await;
    let (wrong, right) = brenmoors(&store).await;
    let first = claims_of(&store, WRONG).await;
    let mention = first[0].places[0].mention_id.expect("mention id");
    let person = match &first[1].speaker {
        Some(claimgraph_store_postgres::SpeakerRecord::Entity(e)) => e.id,
        other => panic!("a named speaker: {other:?}"),
    };
    let person_mention = store
        .entity_mentions(person, 1, None)
        .await
        .expect("mentions")
        .items[0]
        .id;
    let a = Actor::anonymous();
    let cases = [
        (mention, wrong, "SamePlace"),
        (mention, person, "NotAPlace"),
        (person_mention, right, "NotAPlace"),
        (999_999, right, "NotFound"),
        (mention, 999_999, "NotFound"),
    ];
    for (m, p, want) in cases {
        let err = StorageError::from(
            store
                .relink_mention(m, p, RelinkScope::Article, &a)
                .await
                .expect_err("refused"),
        );
        assert!(format!("{err:?}").starts_with(want), "{m} -> {p}: {err:?}");
    }
    assert!(store
        .curation_log(10, None)
        .await
        .expect("log")
        .items
        .is_empty());
}

/// The id of the person named `name`.
async fn person_id(store: &PgStore, name: &str) -> i64 {
    let page = store
        .search_entities(Some(name), Some("person"), 5, None)
        .await
        .expect("search");
    page.items[0].id
}

#[test]
fn merges_undone_in_turn_leave_every_row_as_before() {
    let Some(db) = TestDb::create("merges_undone_in_turn_le") else {
        return;
    };
    block_on(merges_undone_in_turn_leave_every_row_as_before_on(&db));
}

async fn merges_undone_in_turn_leave_every_row_as_before_on(db: &TestDb) {
    let store = store(db).await;
    ingest(&store).await;
    let (wrong, right) = brenmoors(&store).await;
    let ostvik = claims_of(&store, RIGHT).await[0].places[1].entity.id;
    let (edda, pau) = (
        person_id(&store, "Edda Lindqvist").await,
        person_id(&store, "Pau Ferrer").await,
    );
    let before = snapshot(db).await;
    let a = alice();

    // Ostvik into Brenmoor: the claim naming both keeps one row for the survivor
    let m1 = store
        .merge_entities(right, ostvik, &a)
        .await
        .expect("merge")
        .merge_id;
    let m2 = store
        .merge_entities(edda, pau, &a)
        .await
        .expect("merge")
        .merge_id;
    let m3 = store
        .merge_entities(right, wrong, &a)
        .await
        .expect("merge")
        .merge_id;
    assert_ne!(snapshot(db).await, before);
    assert!(
        matches!(store.get_entity(pau).await, Err(PgError::Storage(StorageError::Merged { into, .. })) if into == edda)
    );

    match store.undo_merge(m1, &a).await {
        Err(PgError::Storage(StorageError::MergeNotUndoable { id, reason })) => {
            assert_eq!(id, m1);
            assert!(reason.contains(&format!("merge {m3}")), "{reason}");
        }
        other => panic!("a later merge of Brenmoor stands: {other:?}"),
    }
    let watermark = store.graph_watermark().await.expect("watermark");
    for m in [m3, m1, m2] {
        let undone = store.undo_merge(m, &a).await.expect("undo");
        assert!(undone.undone_at.is_some());
    }
    assert_eq!(
        snapshot(db).await,
        before,
        "every merge undone, every row is as it was"
    );
    assert!(store.graph_rows(watermark).await.expect("rows").is_full());
    assert_eq!(
        store.get_entity(pau).await.expect("back").entity.name,
        "Pau Ferrer"
    );
    assert!(
        matches!(store.undo_merge(m2, &a).await, Err(PgError::Storage(StorageError::MergeUndone { id })) if id == m2)
    );
    assert!(matches!(
        store.undo_merge(999, &a).await,
        Err(PgError::Storage(StorageError::NotFound { .. }))
    ));

    let merges = store.list_merges(10, None).await.expect("merges").items;
    assert_eq!(
        merges.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![m3, m2, m1]
    );
    assert!(merges
        .iter()
        .all(|m| m.undone_at.is_some() && m.actor_name.as_deref() == Some("alice")));
    let actions: Vec<String> = store
        .curation_log(50, None)
        .await
        .expect("log")
        .items
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        ["unmerge", "unmerge", "unmerge", "merge", "merge", "merge"]
    );
}

#[test]
fn an_undone_merge_gives_back_the_entities_merged_into_the_merged_one() {
    let Some(db) = TestDb::create("an_undone_merge_gives_ba") else {
        return;
    };
    block_on(an_undone_merge_gives_back_the_entities_merged_into_the_merged_one_on(&db));
}

async fn an_undone_merge_gives_back_the_entities_merged_into_the_merged_one_on(db: &TestDb) {
    let store = store(db).await;
    ingest(&store).await;
    let edda = person_id(&store, "Edda Lindqvist").await;
    let pau = person_id(&store, "Pau Ferrer").await;
    let rui = person_id(&store, "Rui Moreno").await;
    let a = Actor::anonymous();
    store.merge_entities(pau, rui, &a).await.expect("merge");
    let between = snapshot(db).await;
    let m = store.merge_entities(edda, pau, &a).await.expect("merge");
    assert_eq!(store.merged_into(rui).await.expect("redirect"), Some(edda));
    store.undo_merge(m.merge_id, &a).await.expect("undo");
    assert_eq!(store.merged_into(rui).await.expect("redirect"), Some(pau));
    assert_eq!(snapshot(db).await, between);
}

/// What `$1` (a key) is recorded as in `manual_aliases`: (alias, entity).
async fn manual_alias(db: &TestDb, key: String) -> Option<(String, i64)> {
    let config = db.config().clone();
    tokio::task::spawn_blocking(move || {
        let mut client = config.connect(postgres::NoTls).expect("connect");
        client
            .query_opt(
                "SELECT alias, entity_id FROM manual_aliases WHERE kind = 'person' AND key = $1",
                &[&key],
            )
            .expect("manual alias")
            .map(|r| (r.get(0), r.get(1)))
    })
    .await
    .expect("manual alias")
}

/// The `StorageError` a call failed with, as its debug text.
fn refusal<T: std::fmt::Debug>(out: Result<T, PgError>) -> String {
    format!("{:?}", StorageError::from(out.expect_err("refused")))
}

#[test]
fn aliases_refusals_and_pages_of_merges_and_of_the_log() {
    let Some(db) = TestDb::create("aliases_refusals_pages") else {
        return;
    };
    block_on(aliases_refusals_and_pages_of_merges_and_of_the_log_on(&db));
}

async fn aliases_refusals_and_pages_of_merges_and_of_the_log_on(db: &TestDb) {
    let store = store(db).await;
    ingest(&store).await;
    let (wrong, _) = brenmoors(&store).await;
    let (edda, pau, rui) = (
        person_id(&store, "Edda Lindqvist").await,
        person_id(&store, "Pau Ferrer").await,
        person_id(&store, "Rui Moreno").await,
    );
    let a = Actor::anonymous();
    assert!(refusal(store.merge_entities(edda, edda, &a).await).starts_with("MergeIntoItself"));
    assert!(refusal(store.merge_entities(edda, wrong, &a).await).starts_with("KindMismatch"));
    assert!(refusal(store.merge_entities(edda, 999_999, &a).await).starts_with("NotFound"));
    assert!(refusal(store.add_alias(edda, "  ", &a).await).starts_with("EmptyAlias"));

    // two spellings of one key: the merge records the last in byte order, as SQLite does
    let key = claimgraph_graph::canon::fold("Lindqvist E.");
    assert_eq!(claimgraph_graph::canon::fold("LINDQVIST E."), key);
    for alias in [" Lindqvist E. ", "LINDQVIST E."] {
        let e = store.add_alias(edda, alias, &a).await.expect("alias");
        assert!(
            e.entity.aliases.contains(&alias.trim().to_string()),
            "{e:?}"
        );
    }
    assert_eq!(
        manual_alias(db, key.clone()).await,
        Some(("LINDQVIST E.".to_string(), edda))
    );
    let m1 = store.merge_entities(pau, edda, &a).await.expect("merge");
    assert!(m1
        .entity
        .entity
        .aliases
        .contains(&"Lindqvist E.".to_string()));
    assert_eq!(
        manual_alias(db, key).await,
        Some(("Lindqvist E.".to_string(), pau))
    );
    assert_eq!(store.merged_into(edda).await.expect("redirect"), Some(pau));
    assert!(refusal(store.add_alias(edda, "Edda L.", &a).await).starts_with("Merged"));
    assert!(refusal(store.merge_entities(rui, edda, &a).await).starts_with("Merged"));
    let m2 = store.merge_entities(pau, rui, &a).await.expect("merge");
    assert!(refusal(store.undo_merge(m1.merge_id, &a).await).starts_with("MergeNotUndoable"));

    let first = store.list_merges(1, None).await.expect("merges");
    assert_eq!(first.items[0].id, m2.merge_id);
    let second = store.list_merges(1, first.next).await.expect("merges");
    assert_eq!(second.items[0].id, m1.merge_id);
    assert!(second.next.is_none());
    let got = store.get_merge(m1.merge_id).await.expect("merge");
    assert_eq!(
        (
            got.into_id,
            got.from_id,
            got.actor.as_deref(),
            got.undone_at
        ),
        (pau, edda, Some("anonymous"), None)
    );
    assert!(refusal(store.get_merge(999).await).starts_with("NotFound"));

    let mut actions = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.curation_log(3, cursor).await.expect("log");
        assert!(page.items.len() <= 3);
        actions.extend(page.items.into_iter().map(|e| (e.action, e.detail)));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let alias = |s: &str| ("alias".to_string(), format!("{{\"alias\":\"{s}\"}}"));
    let merge = |into: i64, from: i64| {
        (
            "merge".to_string(),
            format!("{{\"from_id\":{from},\"into_id\":{into}}}"),
        )
    };
    assert_eq!(
        actions,
        vec![
            merge(pau, rui),
            merge(pau, edda),
            alias("LINDQVIST E."),
            alias("Lindqvist E."),
        ]
    );
}
