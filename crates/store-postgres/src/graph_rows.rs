//! The rows the graph projection (`claimgraph-graph`) is built from: everything, or only
//! what was written after a [`Watermark`], read in one snapshot so the rows agree.
//!
//! Renames and fact changes are numbered by one sequence (`change_seq`) where SQLite keeps
//! a counter per table: each table's numbers still only grow, so the watermark keeps the
//! highest of each table and a delta reads each table's rows between its two marks, as on
//! SQLite; only the step between two marks is no longer 1. Ids and change numbers are
//! handed out before commit, so "after the mark" is "written after" only because every
//! transaction that writes these tables holds the writers' advisory lock (`write.rs`):
//! one writer at a time, as on SQLite, numbers in commit order.

use std::collections::HashMap;

use claimgraph_graph::{
    ArticleRow, ClaimRow, Delta, EdgeKind, EntityRow, FactChange, LinkRow, MentionRow, NumberRow,
    PlaceRow, Watermark,
};
use postgres::{GenericClient, IsolationLevel, Row};

use crate::{Id, PgError, PgStore};

impl PgStore {
    /// Where the store stands now, as a watermark of the graph projection.
    pub async fn graph_watermark(&self) -> Result<Watermark, PgError> {
        self.read_with(watermark).await
    }

    /// The rows written after `since`, or every row when `since` is the default watermark
    /// or the store changed rows already read (a merge, a moved mention, a deleted link:
    /// see the `graph_*` triggers of the schema); then the delta is a full one.
    pub async fn graph_rows(&self, since: Watermark) -> Result<Delta, PgError> {
        self.read_with(move |client| {
            // one snapshot for every statement: a writer committing meanwhile is either
            // wholly in or out (READ COMMITTED would take a snapshot per statement)
            let mut tx = client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let upto = watermark(&mut tx)?;
            let since = start(since, upto);
            let full = since == Watermark::default();
            let entities = entity_rows(&mut tx, since, upto, full)?;
            let articles = article_rows(&mut tx, since, upto)?;
            let mentions = mention_rows(&mut tx, since, upto)?;
            let claims = claim_rows(&mut tx, since, upto)?;
            let facts = fact_changes(&mut tx, since, upto, full)?;
            let links = link_rows(&mut tx, since, upto)?;
            tx.rollback()?;
            Ok(Delta {
                since,
                upto,
                entities,
                articles,
                claims,
                mentions,
                links,
                facts,
            })
        })
        .await
    }

    /// Writes one `claim_links` row as given (the ends in either order), for tests and
    /// tools; the schema refuses a kind other than corroborates or conflicts. The linker
    /// that finds links writes its own.
    ///
    /// It holds the writers' lock (`lock::begin`), as every writer does: ids are then
    /// given in the order their transactions commit, so a watermark taken between two
    /// writes never passes over a link committed after it with a lower id.
    pub async fn record_claim_link(
        &self,
        a: Id,
        b: Id,
        kind: EdgeKind,
        score: f64,
    ) -> Result<Id, PgError> {
        self.write_rows(move |client| {
            let mut tx = crate::lock::begin(client)?;
            let row = tx.query_one(
                "INSERT INTO claim_links (a, b, kind, score) VALUES ($1, $2, $3, $4) RETURNING id",
                &[&a.min(b), &a.max(b), &kind.as_str(), &score],
            )?;
            let id = row.try_get(0)?;
            tx.commit()?;
            Ok(id)
        })
        .await
    }
}

/// Where a read up to `upto` starts: `since`, or the default watermark (a full read) when
/// the store went back behind it or is another store.
fn start(since: Watermark, upto: Watermark) -> Watermark {
    let went_back = upto.article < since.article
        || upto.entity < since.entity
        || upto.link < since.link
        || upto.rename < since.rename
        || upto.fact < since.fact;
    if upto.epoch != since.epoch || went_back {
        Watermark::default()
    } else {
        since
    }
}

/// The entities created after `since`, and unless the read is full those renamed since.
fn entity_rows(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
    full: bool,
) -> Result<Vec<EntityRow>, PgError> {
    let rows = client.query(
        "SELECT id, kind, name, lat, lon, place_type, country_code, geonames_id FROM entities
         WHERE (id > $1 AND id <= $2)
            OR (NOT $5 AND id IN (SELECT entity_id FROM entity_renames
                                  WHERE seq > $3 AND seq <= $4))
         ORDER BY id",
        &[
            &since.entity,
            &upto.entity,
            &since.rename,
            &upto.rename,
            &full,
        ],
    )?;
    rows.iter().map(entity_row).collect()
}

/// The articles written after `since`, with their outlet.
fn article_rows(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<ArticleRow>, PgError> {
    let rows = client.query(
        "SELECT a.id, a.title, s.entity_id, s.name AS source, a.url, a.published_at
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE a.id > $1 AND a.id <= $2 ORDER BY a.id",
        &[&since.article, &upto.article],
    )?;
    rows.iter()
        .map(|r| {
            Ok(ArticleRow {
                id: r.try_get("id")?,
                title: r.try_get("title")?,
                outlet: r.try_get("entity_id")?,
                source: r.try_get("source")?,
                url: r.try_get("url")?,
                published_at: r.try_get("published_at")?,
            })
        })
        .collect()
}

/// Which entities the articles written after `since` mention, once per article.
fn mention_rows(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<MentionRow>, PgError> {
    let rows = client.query(
        "SELECT DISTINCT article_id, entity_id FROM mentions
         WHERE article_id > $1 AND article_id <= $2 ORDER BY article_id, entity_id",
        &[&since.article, &upto.article],
    )?;
    rows.iter()
        .map(|r| {
            Ok(MentionRow {
                article: r.try_get("article_id")?,
                entity: r.try_get("entity_id")?,
            })
        })
        .collect()
}

/// The claims of the articles written after `since`, with their places and figures.
fn claim_rows(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<ClaimRow>, PgError> {
    let mut places = claim_places(client, since, upto)?;
    let mut numbers = claim_numbers(client, since, upto)?;
    let rows = client.query(
        "SELECT id, article_id, kind, text, start, \"end\", speaker_id, speaker_text, via_id,
                cue, fact_id
         FROM claims WHERE article_id > $1 AND article_id <= $2 ORDER BY id",
        &[&since.article, &upto.article],
    )?;
    rows.iter()
        .map(|r| {
            let id: Id = r.try_get("id")?;
            Ok(ClaimRow {
                id,
                article: r.try_get("article_id")?,
                kind: r.try_get("kind")?,
                text: r.try_get("text")?,
                start: r.try_get("start")?,
                end: r.try_get("end")?,
                speaker: r.try_get("speaker_id")?,
                speaker_text: r.try_get("speaker_text")?,
                via: r.try_get("via_id")?,
                cue: r.try_get("cue")?,
                places: places.remove(&id).unwrap_or_default(),
                fact: r.try_get("fact_id")?,
                numbers: numbers.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

/// The places of the claims of the articles written after `since`, by claim, each
/// claim's in the order they were written (`id`, SQLite's rowid).
fn claim_places(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
) -> Result<HashMap<Id, Vec<Id>>, PgError> {
    let mut places: HashMap<Id, Vec<Id>> = HashMap::new();
    let rows = client.query(
        "SELECT cp.claim_id, cp.entity_id FROM claim_places cp
         JOIN claims c ON c.id = cp.claim_id
         WHERE c.article_id > $1 AND c.article_id <= $2 ORDER BY cp.id",
        &[&since.article, &upto.article],
    )?;
    for r in rows {
        let claim: Id = r.try_get("claim_id")?;
        places
            .entry(claim)
            .or_default()
            .push(r.try_get("entity_id")?);
    }
    Ok(places)
}

/// The figures of the claims of the articles written after `since`, by claim.
fn claim_numbers(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
) -> Result<HashMap<Id, Vec<NumberRow>>, PgError> {
    let mut numbers: HashMap<Id, Vec<NumberRow>> = HashMap::new();
    let rows = client.query(
        "SELECT n.id, n.claim_id, n.value, n.unit, n.qualifier, n.text, n.base_value,
                n.base_unit
         FROM claim_numbers n JOIN claims c ON c.id = n.claim_id
         WHERE c.article_id > $1 AND c.article_id <= $2 ORDER BY n.id",
        &[&since.article, &upto.article],
    )?;
    for r in rows {
        let claim: Id = r.try_get("claim_id")?;
        numbers.entry(claim).or_default().push(number_row(&r)?);
    }
    Ok(numbers)
}

/// The claims read before whose fact moved since (a full read has them all anyway).
fn fact_changes(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
    full: bool,
) -> Result<Vec<FactChange>, PgError> {
    let rows = client.query(
        "SELECT c.id, c.fact_id FROM claim_fact_changes f JOIN claims c ON c.id = f.claim_id
         WHERE NOT $4 AND f.seq > $1 AND f.seq <= $2 AND c.article_id <= $3
         ORDER BY f.seq",
        &[&since.fact, &upto.fact, &since.article, &full],
    )?;
    rows.iter()
        .map(|r| {
            Ok(FactChange {
                claim: r.try_get("id")?,
                fact: r.try_get("fact_id")?,
            })
        })
        .collect()
}

/// The links between claims written after `since`, of the kinds the graph draws.
fn link_rows(
    client: &mut impl GenericClient,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<LinkRow>, PgError> {
    let rows = client.query(
        "SELECT id, a, b, kind, score FROM claim_links WHERE id > $1 AND id <= $2 ORDER BY id",
        &[&since.link, &upto.link],
    )?;
    let mut links = Vec::with_capacity(rows.len());
    for r in rows {
        let kind: String = r.try_get("kind")?;
        let Some(kind) = EdgeKind::link(&kind) else {
            continue;
        };
        links.push(LinkRow {
            id: r.try_get("id")?,
            a: r.try_get("a")?,
            b: r.try_get("b")?,
            kind,
            score: r.try_get("score")?,
        });
    }
    Ok(links)
}

/// The highest id of each append-only table, the epoch, and the highest change number of
/// each change table (numbers of one sequence, so the two never repeat each other's).
fn watermark(client: &mut impl GenericClient) -> Result<Watermark, PgError> {
    let r = client.query_one(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM articles) AS article,
                (SELECT COALESCE(MAX(id), 0) FROM entities) AS entity,
                (SELECT COALESCE(MAX(id), 0) FROM claim_links) AS link,
                (SELECT epoch FROM graph_epoch WHERE id = 1) AS epoch,
                (SELECT COALESCE(MAX(seq), 0) FROM entity_renames) AS rename,
                (SELECT COALESCE(MAX(seq), 0) FROM claim_fact_changes) AS fact",
        &[],
    )?;
    Ok(Watermark {
        article: r.try_get("article")?,
        entity: r.try_get("entity")?,
        link: r.try_get("link")?,
        epoch: r.try_get::<_, Option<i64>>("epoch")?.unwrap_or(0),
        rename: r.try_get("rename")?,
        fact: r.try_get("fact")?,
    })
}

fn entity_row(r: &Row) -> Result<EntityRow, PgError> {
    let kind: String = r.try_get("kind")?;
    let lat: Option<f64> = r.try_get("lat")?;
    let lon: Option<f64> = r.try_get("lon")?;
    let place = if kind == "place" {
        Some(PlaceRow {
            coordinates: lat.zip(lon),
            place_type: r.try_get("place_type")?,
            country: r.try_get("country_code")?,
            geonames_id: r.try_get("geonames_id")?,
        })
    } else {
        None
    };
    Ok(EntityRow {
        id: r.try_get("id")?,
        kind,
        name: r.try_get("name")?,
        place,
    })
}

fn number_row(r: &Row) -> Result<NumberRow, PgError> {
    let base_value: Option<f64> = r.try_get("base_value")?;
    let base_unit: Option<String> = r.try_get("base_unit")?;
    Ok(NumberRow {
        id: r.try_get("id")?,
        value: r.try_get("value")?,
        unit: r.try_get("unit")?,
        qualifier: r.try_get("qualifier")?,
        text: r.try_get("text")?,
        normalized: base_value.zip(base_unit),
    })
}

#[cfg(test)]
mod tests {
    use claimgraph_graph::{EdgeKind, Projection, Watermark};

    use crate::test_articles::{article, Said};
    use crate::testing::TestDb;
    use crate::write::tests::{block_on, open, Held};
    use crate::PgStore;

    /// Two articles about the same two places, by two speakers.
    async fn two_articles(db: &TestDb) -> Held {
        let store = open(db.config().clone()).await;
        let ferries = "Harbour master Luka Perić said on Monday that the ferries to Bled would \
             stop. Perić said the crews would move to Bohinj.";
        let buses = "Mayor Tina Zupan said on Tuesday that buses would run from Bled to Bohinj.";
        for article in [
            article(
                ferries,
                Some("Valley Post"),
                &[
                    Said {
                        words: "the ferries to Bled would stop",
                        speaker: Some("Luka Perić"),
                        places: &[("Bled", None)],
                        numbers: &[],
                    },
                    Said {
                        words: "the crews would move to Bohinj",
                        speaker: Some("Luka Perić"),
                        places: &[("Bohinj", None)],
                        numbers: &[],
                    },
                ],
            ),
            article(
                buses,
                Some("Valley Post"),
                &[Said {
                    words: "buses would run from Bled to Bohinj",
                    speaker: Some("Tina Zupan"),
                    places: &[("Bled", None), ("Bohinj", None)],
                    numbers: &[],
                }],
            ),
        ] {
            store.insert(&article).await.expect("insert");
        }
        store
    }

    async fn exec(store: &PgStore, sql: &str) {
        let owned = sql.to_string();
        store
            .write_rows(move |client| Ok(client.batch_execute(&owned)?))
            .await
            .expect(sql);
    }

    #[test]
    fn renames_are_reread_and_changes_to_read_rows_force_a_full_read() {
        let Some(db) = TestDb::create("renames_are_reread") else {
            return;
        };
        block_on(async {
            let store = two_articles(&db).await;
            let mut p = Projection::new();
            p.apply(store.graph_rows(Watermark::default()).await.expect("rows"))
                .expect("full");
            let at = p.watermark();

            exec(
                &store,
                "UPDATE entities SET name = 'Renamed One' WHERE id = 1",
            )
            .await;
            let delta = store.graph_rows(at).await.expect("rows");
            assert!(!delta.is_full());
            // one sequence numbers renames and fact changes: the step need not be 1
            assert!(delta.upto.rename > at.rename);
            assert_eq!(delta.upto.fact, at.fact);
            assert_eq!(delta.entities.len(), 1);
            assert_eq!(
                (delta.entities[0].id, delta.entities[0].name.as_str()),
                (1, "Renamed One")
            );
            p.apply(delta).expect("in step");
            let at = p.watermark();

            // a count changing is no change to the graph
            exec(
                &store,
                "UPDATE entities SET mention_count = mention_count + 1",
            )
            .await;
            exec(&store, "UPDATE articles SET claim_count = claim_count").await;
            assert!(!store.graph_rows(at).await.expect("rows").is_full());

            // a link added is new rows; a link deleted is a change to rows read
            let link = store
                .record_claim_link(2, 1, EdgeKind::Conflicts, 0.5)
                .await
                .expect("link");
            let delta = store.graph_rows(at).await.expect("rows");
            assert!(!delta.is_full());
            assert_eq!(delta.links.len(), 1);
            p.apply(delta).expect("in step");
            exec(
                &store,
                &format!("DELETE FROM claim_links WHERE id = {link}"),
            )
            .await;
            let delta = store.graph_rows(p.watermark()).await.expect("rows");
            assert!(delta.is_full());
            assert!(
                delta.links.iter().all(|l| l.id != link),
                "the deleted link is gone"
            );
            p.apply(delta).expect("full");

            // a place added to a claim of an older article, and a mention moved
            let at = p.watermark();
            exec(
                &store,
                "INSERT INTO claim_places (claim_id, entity_id)
             SELECT MIN(c.id), (SELECT MAX(id) FROM entities) FROM claims c WHERE c.article_id = 1",
            )
            .await;
            assert!(store.graph_rows(at).await.expect("rows").is_full());
            p.apply(store.graph_rows(at).await.expect("rows"))
                .expect("full");
            let at = p.watermark();
            exec(
                &store,
                "UPDATE mentions SET entity_id = (SELECT MAX(id) FROM entities)
             WHERE id = (SELECT MIN(id) FROM mentions)",
            )
            .await;
            assert!(store.graph_rows(at).await.expect("rows").is_full());
        });
    }

    #[test]
    fn a_claim_whose_fact_moved_is_read_again_with_its_whole_text_and_numbers() {
        use claimgraph_graph::{Detail, NodeKey};
        use claimgraph_model::{PlaceRef, PlaceType};

        let Some(db) = TestDb::create("fact_moved_read_again") else {
            return;
        };
        block_on(async {
            let store = two_articles(&db).await;
            let text = "Mayor Tina Zupan said on Wednesday in Ljubljana that about 40 buses and a \
             12 km tram line would run in Ljubljana from May.";
            let ljubljana = PlaceRef {
                key: "gn:3196359".into(),
                name: "Ljubljana".into(),
                geonames_id: Some(3_196_359),
                lat: Some(46.0511),
                lon: Some(14.5051),
                country: Some("SI".into()),
                place_type: PlaceType::City,
                aliases: Vec::new().into(),
                or_region: None,
                within: None,
            };
            let third = article(
                text,
                None,
                &[Said {
                    words: "about 40 buses and a 12 km tram line would run in Ljubljana from May",
                    speaker: Some("Tina Zupan"),
                    places: &[("Ljubljana", Some(ljubljana))],
                    numbers: &[("40 buses", 40.0, "bus"), ("12 km", 12.0, "km")],
                }],
            );
            store.insert(&third).await.expect("insert");
            let mut p = Projection::new();
            p.apply(store.graph_rows(Watermark::default()).await.expect("rows"))
                .expect("full");
            let claim = |p: &Projection, id| match p.node(NodeKey::Claim(id)).map(|n| &n.detail) {
                Some(Detail::Claim(c)) => (**c).clone(),
                other => panic!("claim {id}: {other:?}"),
            };
            let at = p.watermark();

            // a later ingest regroups facts: an old claim moves to another
            exec(&store, "INSERT INTO facts (id, size) VALUES (77, 1)").await;
            exec(&store, "UPDATE claims SET fact_id = 77 WHERE id = 1").await;
            let delta = store.graph_rows(at).await.expect("rows");
            assert!(!delta.is_full(), "a fact moving is no reason to rebuild");
            assert!(delta.upto.fact > at.fact);
            assert_eq!(delta.upto.rename, at.rename);
            assert_eq!(delta.facts.len(), 1);
            p.apply(delta).expect("in step");
            assert_eq!(claim(&p, 1).fact, Some(77));
            let full =
                Projection::build(store.graph_rows(Watermark::default()).await.expect("rows"));
            assert_eq!(p.nodes(), full.nodes(), "as if read at once");

            // the claim as stored: its whole text, its numbers in their units
            let text: String = store
                .read_with(|client| {
                    Ok(client
                        .query_one("SELECT text FROM claims WHERE id = 1", &[])?
                        .try_get(0)?)
                })
                .await
                .expect("text");
            assert_eq!(claim(&p, 1).text, text);
            let numbers: Vec<_> = p
                .nodes()
                .into_iter()
                .filter_map(|n| match &n.detail {
                    Detail::Claim(c) => Some(c.numbers.clone()),
                    _ => None,
                })
                .flatten()
                .collect();
            let tram = numbers.iter().find(|n| n.unit == "km").expect("12 km");
            assert_eq!(tram.value, 12.0);
            assert_eq!(tram.normalized, Some((12.0, "km".to_string())));
            let place = p
                .nodes()
                .into_iter()
                .find_map(|n| match &n.detail {
                    Detail::Entity(Some(place)) if place.coordinates.is_some() => {
                        Some(place.clone())
                    }
                    _ => None,
                })
                .expect("a gazetteer place with coordinates");
            assert!(place.geonames_id.is_some() && place.place_type.is_some());
        });
    }

    /// Renames and fact changes take their numbers from one sequence: each kind is still
    /// read only between its own marks, whatever the other did meanwhile.
    #[test]
    fn renames_and_fact_changes_interleaved_are_each_read_once() {
        let Some(db) = TestDb::create("renames_and_facts_once") else {
            return;
        };
        block_on(async {
            let store = two_articles(&db).await;
            let mut p = Projection::new();
            p.apply(store.graph_rows(Watermark::default()).await.expect("rows"))
                .expect("full");
            let before = p.watermark();
            exec(&store, "INSERT INTO facts (id, size) VALUES (88, 1)").await;
            exec(&store, "UPDATE claims SET fact_id = 88 WHERE id = 2").await;
            exec(
                &store,
                "UPDATE entities SET name = 'Renamed Two' WHERE id = 2",
            )
            .await;
            exec(&store, "UPDATE claims SET fact_id = 88 WHERE id = 1").await;

            let delta = store.graph_rows(before).await.expect("rows");
            assert!(!delta.is_full());
            let moved: Vec<(i64, Option<i64>)> =
                delta.facts.iter().map(|f| (f.claim, f.fact)).collect();
            assert_eq!(
                moved,
                [(2, Some(88)), (1, Some(88))],
                "in the order they moved"
            );
            assert_eq!(delta.entities.len(), 1);
            assert!(delta.upto.fact > delta.upto.rename && delta.upto.rename > before.fact);
            p.apply(delta).expect("in step");

            // nothing since: nothing read again
            let again = store.graph_rows(p.watermark()).await.expect("rows");
            assert!(!again.is_full());
            assert!(again.facts.is_empty() && again.entities.is_empty());
            assert_eq!(again.upto, p.watermark());
            let full =
                Projection::build(store.graph_rows(Watermark::default()).await.expect("rows"));
            assert_eq!(p.nodes(), full.nodes(), "as if read at once");
        });
    }
}
