//! The store on a temporary SQLite file, fed hand-made extractions so these tests do not
//! depend on the extractor's rules.

use claimgraph_model::{
    Claim, ClaimKind, EntityKind, Extraction, Mention, Qualifier, Quantity, Span,
};
use claimgraph_store::{
    prepare, signatures, ArticleText, ClaimFilter, ClaimRecord, NewArticle, PreparedArticle,
    SpeakerRecord, Store,
};

mod support;
use support::{plain_gists, Unread};

const TEXT: &str = "Ólafsvík harbour closed.\n“Boats stay in,” harbour master Jón Þórsson said. \
Þórsson said 12 boats were damaged. A fisherman said nobody was hurt.";

fn span_of(needle: &str) -> Span {
    let start = TEXT.find(needle).expect("needle in TEXT");
    Span::new(start, start + needle.len())
}

fn mention(needle: &str, name: &str, kind: EntityKind) -> Mention {
    Mention {
        span: span_of(needle),
        name: name.to_string(),
        kind,
        roles: Vec::new(),
        place: None,
    }
}

/// `prepare` on TEXT, then the hand-made extraction put in place of the rule-based one.
fn prepared(text: &str) -> PreparedArticle {
    let mut p = prepare(
        &Unread,
        NewArticle {
            text: ArticleText::parse(text.to_string()).expect("not blank"),
            title: None,
            source: Some("Westfjords Weekly".into()),
            url: None,
            published_at: Some("2026-01-05".into()),
        },
    );
    let jon = mention("Jón Þórsson", "Jón Þórsson", EntityKind::Person);
    let surname = mention("Þórsson said 12", "Jón Þórsson", EntityKind::Person);
    let surname = Mention {
        span: Span::new(surname.span.start, surname.span.start + "Þórsson".len()),
        ..surname
    };
    let place = mention("Ólafsvík", "Ólafsvík", EntityKind::Place);
    p.extraction = Extraction {
        headline: Some(span_of("Ólafsvík harbour closed.")),
        claims: vec![
            Claim {
                kind: ClaimKind::Direct,
                span: span_of("Boats stay in,"),
                speaker: Some(jon.clone()),
                via: None,
                cue: Some("said".into()),
                places: vec![],
                numbers: vec![],
                gist: Default::default(),
            },
            Claim {
                kind: ClaimKind::Indirect,
                span: span_of("12 boats were damaged"),
                speaker: Some(surname.clone()),
                via: None,
                cue: Some("said".into()),
                places: vec![place.clone()],
                numbers: vec![Quantity {
                    span: span_of("12 boats"),
                    value: 12.0,
                    unit: "boat".into(),
                    qualifier: Qualifier::Exact,
                    normalized: None,
                }],
                gist: Default::default(),
            },
            Claim {
                kind: ClaimKind::Indirect,
                span: span_of("nobody was hurt"),
                speaker: Some(mention("A fisherman", "A fisherman", EntityKind::Nominal)),
                via: None,
                cue: Some("said".into()),
                places: vec![],
                numbers: vec![],
                gist: Default::default(),
            },
        ],
        mentions: vec![place, jon, surname],
    };
    plain_gists(text, &mut p.extraction);
    p.signatures = signatures(&p.extraction);
    p
}

/// Every claim matching `filter` (the tests stay under one page).
async fn claims(store: &Store, filter: ClaimFilter) -> Vec<ClaimRecord> {
    store
        .list_claims(&filter, 50, None)
        .await
        .expect("claims")
        .items
}

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("s.db")).await.expect("open");
    (store, dir)
}

#[tokio::test]
async fn an_article_is_stored_once_with_code_point_offsets() {
    let (store, _dir) = store().await;
    let p = prepared(TEXT);
    let first = store.insert(&p).await.expect("insert");
    assert!(first.created);
    let again = store.insert(&p).await.expect("insert again");
    assert_eq!((again.id, again.created), (first.id, false));

    let claims = claims(
        &store,
        ClaimFilter {
            article: vec![first.id],
            ..Default::default()
        },
    )
    .await;
    assert_eq!(claims.len(), 3);
    let chars: Vec<char> = TEXT.chars().collect();
    for c in &claims {
        let slice: String = chars[c.start as usize..c.end as usize].iter().collect();
        assert_eq!(slice, c.text);
    }
    let article = store.get_article(first.id).await.expect("article");
    assert_eq!(article.source.as_deref(), Some("Westfjords Weekly"));
    assert_eq!(article.title.as_deref(), Some("Ólafsvík harbour closed."));
    assert_eq!((article.claim_count, article.mention_count), (3, 3));
}

#[tokio::test]
async fn surnames_and_spellings_land_on_one_entity_and_nominals_on_none() {
    let (store, _dir) = store().await;
    store.insert(&prepared(TEXT)).await.expect("insert");
    for q in ["Þórsson", "thorsson", "JON THORSSON", "jón"] {
        let found = store
            .search_entities(Some(q), Some("person"), 10, None)
            .await
            .expect("search");
        assert_eq!(found.items.len(), 1, "{q}");
        assert_eq!(found.items[0].name, "Jón Þórsson");
        assert!(found.items[0].aliases.contains(&"Þórsson".to_string()));
    }
    let person = store
        .search_entities(Some("Þórsson"), None, 1, None)
        .await
        .expect("search")
        .items[0]
        .id;
    let by_him = claims(
        &store,
        ClaimFilter {
            speaker: vec![person],
            ..Default::default()
        },
    )
    .await;
    assert_eq!(by_him.len(), 2);
    let all = claims(&store, ClaimFilter::default()).await;
    assert_eq!(
        all[2].speaker,
        Some(SpeakerRecord::Nominal("A fisherman".into()))
    );
    assert!(store
        .search_entities(Some("fisherman"), None, 10, None)
        .await
        .expect("search")
        .items
        .is_empty());
    let entity = store.get_entity(person).await.expect("entity");
    assert_eq!(
        (
            entity.mention_count,
            entity.claim_count,
            entity.article_count
        ),
        (2, 2, 1)
    );
}

#[tokio::test]
async fn names_are_found_by_any_part_of_them_long_or_short() {
    let (store, _dir) = store().await;
    store.insert(&prepared(TEXT)).await.expect("insert");
    let names = |q: &'static str| {
        let store = store.clone();
        async move {
            let mut names: Vec<String> = store
                .search_entities(Some(q), None, 10, None)
                .await
                .expect("search")
                .items
                .into_iter()
                .map(|e| e.name)
                .collect();
            names.sort();
            names
        }
    };
    // inside a word, through the trigram index
    assert_eq!(names("HORSS").await, ["Jón Þórsson"]);
    assert_eq!(names("fjords week").await, ["Westfjords Weekly"]);
    // two letters have no trigram: still matched, in every name holding them
    assert_eq!(names("or").await, ["Jón Þórsson", "Westfjords Weekly"]);
    assert!(names("zq").await.is_empty());
}

#[tokio::test]
async fn claims_about_a_place_come_with_their_numbers() {
    let (store, _dir) = store().await;
    store.insert(&prepared(TEXT)).await.expect("insert");
    let place = store
        .search_entities(Some("olafsvik"), Some("place"), 1, None)
        .await
        .expect("search")
        .items;
    let about = claims(
        &store,
        ClaimFilter {
            about: vec![place[0].id],
            ..Default::default()
        },
    )
    .await;
    assert_eq!(about.len(), 1);
    assert_eq!(about[0].numbers[0].value, 12.0);
    assert_eq!(about[0].numbers[0].unit, "boat");
    assert_eq!(about[0].numbers[0].text, "12 boats");
}

#[tokio::test]
async fn the_same_text_twice_in_one_batch_is_stored_once() {
    let (store, _dir) = store().await;
    let good = prepared(TEXT);
    let other = prepared("Another text.\nWith its own words.");
    let out = store
        .insert_batch(vec![good.clone(), other, good])
        .await
        .expect("batch");
    assert_eq!(
        out.iter().map(|i| i.created).collect::<Vec<_>>(),
        [true, true, false]
    );
    assert_eq!(out[0].id, out[2].id);
    let articles = store.list_articles(10, None).await.expect("list").items;
    assert_eq!(articles.len(), 2);
}

#[tokio::test]
async fn a_place_named_apart_from_its_spelling_is_found_by_the_spelling() {
    const BORDER: &str = "Trucks waited at the Fjord-Heath border. By noon the border opened.";
    let at = |needle: &str, from: usize| {
        let start = BORDER[from..].find(needle).expect("needle") + from;
        Span::new(start, start + needle.len())
    };
    let place = |span: Span| Mention {
        span,
        name: "Fjordland–Heathland border".into(),
        kind: EntityKind::Place,
        roles: Vec::new(),
        place: None,
    };
    let mut p = prepare(
        &Unread,
        NewArticle {
            text: ArticleText::parse(BORDER.to_string()).expect("not blank"),
            title: None,
            source: None,
            url: None,
            published_at: None,
        },
    );
    let written = place(at("Fjord-Heath border", 0));
    let described = place(at("the border", 30));
    p.extraction = Extraction {
        headline: None,
        claims: vec![],
        mentions: vec![written, described],
    };
    p.signatures = signatures(&p.extraction);
    let (store, _dir) = store().await;
    store.insert(&p).await.expect("insert");
    let found = store
        .search_entities(Some("Fjord-Heath border"), Some("place"), 10, None)
        .await
        .expect("search");
    assert_eq!(found.items.len(), 1);
    let entity = &found.items[0];
    assert_eq!(entity.name, "Fjordland–Heathland border");
    assert!(entity.aliases.contains(&"Fjord-Heath border".to_string()));
    // a description is no spelling of the name
    assert!(!entity.aliases.iter().any(|a| a.contains("the border")));
}

#[tokio::test]
async fn an_acronym_read_as_its_body_finds_the_body() {
    const BOARD: &str = "The Harbour Safety Board met. Later the HSB said the quay was safe.";
    let at = |needle: &str| {
        let start = BOARD.find(needle).expect("needle");
        Span::new(start, start + needle.len())
    };
    let board = |span: Span| Mention {
        span,
        name: "Harbour Safety Board".into(),
        kind: EntityKind::Organization,
        roles: Vec::new(),
        place: None,
    };
    let mut p = prepare(
        &Unread,
        NewArticle {
            text: ArticleText::parse(BOARD.to_string()).expect("not blank"),
            title: None,
            source: None,
            url: None,
            published_at: None,
        },
    );
    p.extraction = Extraction {
        headline: None,
        claims: vec![],
        mentions: vec![board(at("Harbour Safety Board")), board(at("HSB"))],
    };
    p.signatures = signatures(&p.extraction);
    let (store, _dir) = store().await;
    store.insert(&p).await.expect("insert");
    for q in ["HSB", "H.S.B.", "Harbour Safety Board"] {
        let found = store
            .search_entities(Some(q), Some("organization"), 10, None)
            .await
            .expect("search");
        let names: Vec<&str> = found.items.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Harbour Safety Board"], "{q}");
    }
}

#[tokio::test]
async fn a_commit_changes_the_data_version_and_a_read_does_not() {
    let (store, _dir) = store().await;
    let before = store.data_version().await.expect("version");
    assert_eq!(store.data_version().await.expect("version"), before);
    store.insert(&prepared(TEXT)).await.expect("insert");
    assert_ne!(store.data_version().await.expect("version"), before);
}
