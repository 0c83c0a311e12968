//! Seat readings on a fresh PostgreSQL schema, with hand-made extractions: a regional
//! capital's bare name goes to the city or the region by what the corpus says, whatever
//! order the articles arrive in.

use claimgraph_model::{
    Claim, ClaimKind, EntityKind, Extraction, Mention, PlaceRef, PlaceType, Span,
};
use std::future::Future;

use claimgraph_store_postgres::testing::TestDb;
use claimgraph_store_postgres::{ClaimFilter, PgStore, PreparedArticle};

mod support;
use support::with_extraction;

fn place_ref(key: &str, name: &str, place_type: PlaceType) -> PlaceRef {
    PlaceRef {
        key: key.to_string(),
        name: name.to_string(),
        geonames_id: None,
        lat: Some(10.0),
        lon: Some(20.0),
        country: Some("ZZ".into()),
        place_type,
        aliases: Default::default(),
        or_region: None,
        within: None,
    }
}

fn region() -> PlaceRef {
    place_ref("adm1:ZZ.01", "Velmora region", PlaceType::Region)
}

/// The city, as an article names it: left open (`open`) or settled as the city.
fn city(open: bool) -> PlaceRef {
    PlaceRef {
        or_region: open.then(|| Box::new(region())),
        ..place_ref("gn:990001", "Velmora", PlaceType::City)
    }
}

/// One article whose only claim is its whole text, about the place written `name`.
fn article(text: &str, name: &str, place: PlaceRef) -> PreparedArticle {
    let start = text.find(name).expect("name in text");
    let m = Mention {
        span: Span::new(start, start + name.len()),
        name: place.name.clone(),
        kind: EntityKind::Place,
        roles: Vec::new(),
        place: Some(place),
    };
    let extraction = Extraction {
        headline: None,
        claims: vec![Claim {
            kind: ClaimKind::Statement,
            span: Span::new(0, text.len()),
            speaker: None,
            via: None,
            cue: None,
            places: vec![m.clone()],
            numbers: vec![],
            gist: Default::default(),
        }],
        mentions: vec![m],
    };
    with_extraction(text, None, extraction)
}

const OPEN: &str = "Floods reached Velmora on Monday.";
const REGION: &str = "Rain fell across the Velmora region.";
const CITY: &str = "The mayor of Velmora asked for help.";

/// The id of the entity the claim of article `text` is about.
async fn about(store: &PgStore, text: &str) -> i64 {
    let page = store
        .list_claims(&ClaimFilter::default(), 50, None)
        .await
        .expect("claims");
    let claim = page
        .items
        .into_iter()
        .find(|c| c.text == text)
        .expect("claim stored");
    assert_eq!(claim.places.len(), 1, "{claim:?}");
    claim.places[0].entity.id
}

/// The id `GET /v1/entities?q=Velmora` puts first.
async fn first_hit(store: &PgStore) -> i64 {
    let page = store
        .search_entities(Some("Velmora"), None, 10, None)
        .await
        .expect("search");
    page.items.first().expect("a hit").id
}

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
async fn open_store(db: &TestDb) -> Held {
    Held(Some(
        PgStore::open_config(db.config().clone())
            .await
            .expect("open"),
    ))
}

#[test]
fn an_open_name_is_the_region_once_the_region_is_named_in_either_order() {
    for open_first in [true, false] {
        let Some(db) = TestDb::create("seats_either_order") else {
            return;
        };
        block_on(open_then_region(&db, open_first));
    }
}

async fn open_then_region(db: &TestDb, open_first: bool) {
    let store = open_store(db).await;
    let open = article(OPEN, "Velmora", city(true));
    let named = article(REGION, "Velmora region", region());
    let order = if open_first {
        [&open, &named]
    } else {
        [&named, &open]
    };
    let mut first_city = None;
    for a in order {
        store.insert(a).await.expect("insert");
        if first_city.is_none() {
            first_city = Some(about(&store, if open_first { OPEN } else { REGION }).await);
        }
    }
    let region_id = about(&store, REGION).await;
    assert_eq!(
        about(&store, OPEN).await,
        region_id,
        "open first: {open_first}"
    );
    assert_eq!(
        first_hit(&store).await,
        region_id,
        "open first: {open_first}"
    );
    let region_claims = store
        .list_claims(
            &ClaimFilter {
                about: vec![region_id],
                ..ClaimFilter::default()
            },
            50,
            None,
        )
        .await
        .expect("claims");
    assert_eq!(region_claims.items.len(), 2);
    if open_first {
        // The city entity the open name first made is gone; its id leads to the region.
        let gone = first_city.expect("first claim's place");
        assert_ne!(gone, region_id);
        assert_eq!(
            store.merged_into(gone).await.expect("redirect"),
            Some(region_id)
        );
    }
}

#[test]
fn a_city_word_anywhere_makes_the_open_names_the_city() {
    let Some(db) = TestDb::create("seats_city_word") else {
        return;
    };
    block_on(async {
        let store = open_store(&db).await;
        store
            .insert(&article(OPEN, "Velmora", city(true)))
            .await
            .expect("insert");
        store
            .insert(&article(REGION, "Velmora region", region()))
            .await
            .expect("insert");
        let region_id = about(&store, REGION).await;
        assert_eq!(about(&store, OPEN).await, region_id);
        store
            .insert(&article(CITY, "Velmora", city(false)))
            .await
            .expect("insert");
        let city_id = about(&store, CITY).await;
        assert_ne!(city_id, region_id);
        assert_eq!(about(&store, OPEN).await, city_id);
        assert_eq!(about(&store, REGION).await, region_id);
        assert_eq!(first_hit(&store).await, city_id);
        // An open name written after that is the city straight away.
        store
            .insert(&article(
                "Velmora counted its losses.",
                "Velmora",
                city(true),
            ))
            .await
            .expect("insert");
        assert_eq!(about(&store, "Velmora counted its losses.").await, city_id);
    });
}

#[test]
fn with_nothing_said_anywhere_an_open_name_is_the_city() {
    let Some(db) = TestDb::create("seats_nothing_said") else {
        return;
    };
    block_on(async {
        let store = open_store(&db).await;
        store
            .insert(&article(OPEN, "Velmora", city(true)))
            .await
            .expect("insert");
        let id = about(&store, OPEN).await;
        let e = store.get_entity(id).await.expect("entity");
        assert_eq!(e.entity.name, "Velmora");
    });
}
