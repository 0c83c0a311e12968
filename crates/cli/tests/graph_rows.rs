//! The rows of the graph projection: a projection fed only what followed its watermark
//! equals one built from everything, and a merge makes the next read a full one.

use std::sync::LazyLock;

use claimgraph_graph::{EdgeKind, NodeKey, Projection, Watermark};
use claimgraph_ingest::Extractor;
use claimgraph_store::{prepare, ArticleText, NewArticle, Store};

/// The extractor, handed to `prepare` as the binary hands it, built once.
static READER: LazyLock<Extractor> = LazyLock::new(|| {
    Extractor::with_gazetteer(claimgraph_gazetteer::shared().expect("embedded gazetteer"))
});

const ARTICLES: [(&str, &str); 3] = [
    (
        "Lake Bohinj Post",
        "Ferries on Lake Bohinj stop for the winter\n\n\
         “The boats will rest until April,” harbour master Luka Perić said on Monday. \
         Perić said that 40 crew members would move to the ski lifts in Kranjska Gora.",
    ),
    (
        "Carniola Courier",
        "Winter timetable on Lake Bohinj\n\n\
         Ferry service on Lake Bohinj ends on Sunday, harbour master Luka Perić told the \
         Carniola Courier. Mayor Tina Zupan said the town of Bohinj would pay for a bus.",
    ),
    (
        "Alpine Wire",
        "Buses replace ferries\n\n\
         Mayor Tina Zupan said on Tuesday that two buses would run to Ukanc every hour. \
         “Nobody will be stranded,” Zupan said.",
    ),
];

fn article(i: usize) -> claimgraph_store::PreparedArticle {
    let (source, text) = ARTICLES[i];
    prepare(
        &*READER,
        NewArticle {
            text: ArticleText::parse(text.to_string()).expect("not blank"),
            title: None,
            source: Some(source.into()),
            url: None,
            published_at: None,
        },
    )
}

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("g.db")).await.expect("open");
    (store, dir)
}

async fn claim_ids(store: &Store) -> Vec<i64> {
    let filter = claimgraph_store::ClaimFilter::default();
    let page = store.list_claims(&filter, 500, None).await.expect("claims");
    page.items.iter().map(|c| c.id).collect()
}

#[tokio::test]
async fn rows_after_a_watermark_bring_a_projection_to_the_full_one() {
    let (store, _dir) = store().await;
    let first = store.insert(&article(0)).await.expect("insert");
    let mut p = Projection::new();
    p.apply(store.graph_rows(Watermark::default()).await.expect("rows"))
        .expect("full");
    assert_eq!(p.watermark().article, first.id);
    let before = p.node_count();
    assert!(p.node(NodeKey::Article(first.id)).is_some());

    store.insert(&article(1)).await.expect("insert");
    store.insert(&article(2)).await.expect("insert");
    let claims = claim_ids(&store).await;
    assert!(claims.len() >= 4, "{claims:?}");
    let link = store
        .record_claim_link(claims[2], claims[0], EdgeKind::Corroborates, 0.8)
        .await
        .expect("link");

    let delta = store.graph_rows(p.watermark()).await.expect("rows");
    assert!(!delta.is_full());
    assert_eq!(delta.articles.len(), 2);
    assert_eq!(delta.links.len(), 1);
    assert_eq!((delta.links[0].a, delta.links[0].b), (claims[0], claims[2]));
    p.apply(delta).expect("in step");
    assert!(p.node_count() > before);
    assert_eq!(p.watermark().link, link);

    let full = Projection::build(store.graph_rows(Watermark::default()).await.expect("rows"));
    assert_eq!(p.nodes(), full.nodes());
    assert_eq!(p.edges(), full.edges());
    assert_eq!(p.watermark(), full.watermark());
    // every claim is a node, in its article
    for id in &claims {
        assert!(p.node(NodeKey::Claim(*id)).is_some(), "claim {id}");
    }
    assert!(p.edges().iter().any(|e| e.kind == EdgeKind::Corroborates
        && e.source == NodeKey::Claim(claims[0])
        && e.target == NodeKey::Claim(claims[2])));

    // nothing new: an empty delta that changes nothing
    let same = store.graph_rows(p.watermark()).await.expect("rows");
    assert!(!same.is_full());
    assert!(same.articles.is_empty() && same.entities.is_empty() && same.links.is_empty());
}

#[tokio::test]
async fn a_merge_makes_the_next_read_full() {
    let (store, _dir) = store().await;
    for i in 0..3 {
        store.insert(&article(i)).await.expect("insert");
    }
    let mut p = Projection::new();
    p.apply(store.graph_rows(Watermark::default()).await.expect("rows"))
        .expect("full");
    let people = store
        .search_entities(None, Some("person"), 50, None)
        .await
        .expect("people");
    assert!(people.items.len() >= 2, "{:?}", people.items);
    let (keep, gone) = (people.items[0].id, people.items[1].id);
    store
        .merge_entities(keep, gone, &claimgraph_store::Actor::anonymous())
        .await
        .expect("merge");

    let delta = store.graph_rows(p.watermark()).await.expect("rows");
    assert!(delta.is_full());
    p.apply(delta).expect("full");
    assert!(p.node(NodeKey::Entity(gone)).is_none());
    assert!(p.node(NodeKey::Entity(keep)).is_some());
    let full = Projection::build(store.graph_rows(Watermark::default()).await.expect("rows"));
    assert_eq!(p.edges(), full.edges());
}
