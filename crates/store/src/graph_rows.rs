//! The rows the graph projection (`claimgraph-graph`) is built from: everything, or only
//! what was written after a [`Watermark`], read in one snapshot so the rows agree.

use std::collections::HashMap;

use claimgraph_graph::{
    ArticleRow, ClaimRow, Delta, EdgeKind, EntityRow, FactChange, LinkRow, MentionRow, NumberRow,
    PlaceRow, Watermark,
};
use rusqlite::{Connection, Row};

use crate::{Id, Store, StoreError};

impl Store {
    /// Where the store stands now, as a watermark of the graph projection.
    pub async fn graph_watermark(&self) -> Result<Watermark, StoreError> {
        self.read_with(watermark).await
    }

    /// The rows written after `since`, or every row when `since` is the default watermark
    /// or the store changed rows already read (a merge, a moved mention, a deleted link:
    /// see migration `20261122000008_graph_changes.sql`); then the delta is a full one.
    pub async fn graph_rows(&self, since: Watermark) -> Result<Delta, StoreError> {
        self.read_with(move |conn| {
            // one read transaction: a writer committing meanwhile is either wholly in or out
            let tx = conn.unchecked_transaction()?;
            let upto = watermark(&tx)?;
            let since = start(since, upto);
            let full = since == Watermark::default();
            let entities = entity_rows(&tx, since, upto, full)?;
            let articles = article_rows(&tx, since, upto)?;
            let mentions = mention_rows(&tx, since, upto)?;
            let claims = claim_rows(&tx, since, upto)?;
            let facts = fact_changes(&tx, since, upto, full)?;
            let links = link_rows(&tx, since, upto)?;
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
    pub async fn record_claim_link(
        &self,
        a: Id,
        b: Id,
        kind: EdgeKind,
        score: f64,
    ) -> Result<Id, StoreError> {
        self.write_rows(move |conn| {
            Ok(conn.query_row(
                "INSERT INTO claim_links (a, b, kind, score) VALUES (?1, ?2, ?3, ?4) RETURNING id",
                (a.min(b), a.max(b), kind.as_str(), score),
                |r| r.get(0),
            )?)
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
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
    full: bool,
) -> Result<Vec<EntityRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, name, lat, lon, place_type, country_code, geonames_id FROM entities
         WHERE (id > ?1 AND id <= ?2)
            OR (?5 = 0 AND id IN (SELECT entity_id FROM entity_renames
                                  WHERE seq > ?3 AND seq <= ?4))
         ORDER BY id",
    )?;
    let rows = stmt.query_map(
        (since.entity, upto.entity, since.rename, upto.rename, full),
        entity_row,
    )?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The articles written after `since`, with their outlet.
fn article_rows(
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<ArticleRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, s.entity_id, s.name AS source, a.url, a.published_at
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE a.id > ?1 AND a.id <= ?2 ORDER BY a.id",
    )?;
    let rows = stmt.query_map((since.article, upto.article), |r| {
        Ok(ArticleRow {
            id: r.get("id")?,
            title: r.get("title")?,
            outlet: r.get("entity_id")?,
            source: r.get("source")?,
            url: r.get("url")?,
            published_at: r.get("published_at")?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Which entities the articles written after `since` mention, once per article.
fn mention_rows(
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<MentionRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT article_id, entity_id FROM mentions
         WHERE article_id > ?1 AND article_id <= ?2 ORDER BY article_id, entity_id",
    )?;
    let rows = stmt.query_map((since.article, upto.article), |r| {
        Ok(MentionRow {
            article: r.get("article_id")?,
            entity: r.get("entity_id")?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The claims of the articles written after `since`, with their places and figures.
fn claim_rows(
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<ClaimRow>, StoreError> {
    let mut places = claim_places(conn, since, upto)?;
    let mut numbers = claim_numbers(conn, since, upto)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, article_id, kind, text, start, \"end\", speaker_id, speaker_text, via_id,
                cue, fact_id
         FROM claims WHERE article_id > ?1 AND article_id <= ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map((since.article, upto.article), |r| {
        let id: Id = r.get("id")?;
        Ok(ClaimRow {
            id,
            article: r.get("article_id")?,
            kind: r.get("kind")?,
            text: r.get("text")?,
            start: r.get("start")?,
            end: r.get("end")?,
            speaker: r.get("speaker_id")?,
            speaker_text: r.get("speaker_text")?,
            via: r.get("via_id")?,
            cue: r.get("cue")?,
            places: places.remove(&id).unwrap_or_default(),
            fact: r.get("fact_id")?,
            numbers: numbers.remove(&id).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The places of the claims of the articles written after `since`, by claim.
fn claim_places(
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
) -> Result<HashMap<Id, Vec<Id>>, StoreError> {
    let mut places: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT cp.claim_id, cp.entity_id FROM claim_places cp
         JOIN claims c ON c.id = cp.claim_id
         WHERE c.article_id > ?1 AND c.article_id <= ?2 ORDER BY cp.rowid",
    )?;
    let rows = stmt.query_map((since.article, upto.article), |r| {
        Ok((r.get::<_, Id>("claim_id")?, r.get::<_, Id>("entity_id")?))
    })?;
    for r in rows {
        let (claim, entity) = r?;
        places.entry(claim).or_default().push(entity);
    }
    Ok(places)
}

/// The figures of the claims of the articles written after `since`, by claim.
fn claim_numbers(
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
) -> Result<HashMap<Id, Vec<NumberRow>>, StoreError> {
    let mut numbers: HashMap<Id, Vec<NumberRow>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT n.id, n.claim_id, n.value, n.unit, n.qualifier, n.text, n.base_value,
                n.base_unit
         FROM claim_numbers n JOIN claims c ON c.id = n.claim_id
         WHERE c.article_id > ?1 AND c.article_id <= ?2 ORDER BY n.id",
    )?;
    let rows = stmt.query_map((since.article, upto.article), |r| {
        Ok((r.get::<_, Id>("claim_id")?, number_row(r)?))
    })?;
    for r in rows {
        let (claim, number) = r?;
        numbers.entry(claim).or_default().push(number);
    }
    Ok(numbers)
}

/// The claims read before whose fact moved since (a full read has them all anyway).
fn fact_changes(
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
    full: bool,
) -> Result<Vec<FactChange>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.fact_id FROM claim_fact_changes f JOIN claims c ON c.id = f.claim_id
         WHERE ?4 = 0 AND f.seq > ?1 AND f.seq <= ?2 AND c.article_id <= ?3
         ORDER BY f.seq",
    )?;
    let rows = stmt.query_map((since.fact, upto.fact, since.article, full), |r| {
        Ok(FactChange {
            claim: r.get("id")?,
            fact: r.get("fact_id")?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The links between claims written after `since`, of the kinds the graph draws.
fn link_rows(
    conn: &Connection,
    since: Watermark,
    upto: Watermark,
) -> Result<Vec<LinkRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, a, b, kind, score FROM claim_links WHERE id > ?1 AND id <= ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map((since.link, upto.link), |r| {
        let kind: String = r.get("kind")?;
        let Some(kind) = EdgeKind::link(&kind) else {
            return Ok(None);
        };
        Ok(Some(LinkRow {
            id: r.get("id")?,
            a: r.get("a")?,
            b: r.get("b")?,
            kind,
            score: r.get("score")?,
        }))
    })?;
    Ok(rows
        .filter_map(Result::transpose)
        .collect::<Result<Vec<_>, _>>()?)
}

fn watermark(conn: &Connection) -> Result<Watermark, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM articles) AS article,
                (SELECT COALESCE(MAX(id), 0) FROM entities) AS entity,
                (SELECT COALESCE(MAX(id), 0) FROM claim_links) AS link,
                (SELECT epoch FROM graph_epoch WHERE id = 1) AS epoch,
                (SELECT COALESCE(MAX(seq), 0) FROM entity_renames) AS rename,
                (SELECT COALESCE(MAX(seq), 0) FROM claim_fact_changes) AS fact",
        )?
        .query_row([], |r| {
            Ok(Watermark {
                article: r.get("article")?,
                entity: r.get("entity")?,
                link: r.get("link")?,
                epoch: r.get::<_, Option<i64>>("epoch")?.unwrap_or(0),
                rename: r.get("rename")?,
                fact: r.get("fact")?,
            })
        })?)
}

fn entity_row(r: &Row) -> rusqlite::Result<EntityRow> {
    let kind: String = r.get("kind")?;
    let lat: Option<f64> = r.get("lat")?;
    let lon: Option<f64> = r.get("lon")?;
    let place = if kind == "place" {
        Some(PlaceRow {
            coordinates: lat.zip(lon),
            place_type: r.get("place_type")?,
            country: r.get("country_code")?,
            geonames_id: r.get("geonames_id")?,
        })
    } else {
        None
    };
    Ok(EntityRow {
        id: r.get("id")?,
        kind,
        name: r.get("name")?,
        place,
    })
}

fn number_row(r: &Row) -> rusqlite::Result<NumberRow> {
    let base_value: Option<f64> = r.get("base_value")?;
    let base_unit: Option<String> = r.get("base_unit")?;
    Ok(NumberRow {
        id: r.get("id")?,
        value: r.get("value")?,
        unit: r.get("unit")?,
        qualifier: r.get("qualifier")?,
        text: r.get("text")?,
        normalized: base_value.zip(base_unit),
    })
}

#[cfg(test)]
mod tests {
    use claimgraph_graph::{EdgeKind, Projection, Watermark};

    use crate::test_articles::{article, Said};
    use crate::Store;

    /// Two articles about the same two places, by two speakers.
    async fn two_articles() -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("t.db")).await.expect("open");
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
        (store, dir)
    }

    async fn exec(store: &Store, sql: &str) {
        let owned = sql.to_string();
        store
            .write_rows(move |conn| Ok(conn.execute_batch(&owned)?))
            .await
            .expect(sql);
    }

    #[tokio::test]
    async fn renames_are_reread_and_changes_to_read_rows_force_a_full_read() {
        let (store, _dir) = two_articles().await;
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
        assert_eq!(delta.upto.rename, at.rename + 1);
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
    }

    #[tokio::test]
    async fn a_claim_whose_fact_moved_is_read_again_with_its_whole_text_and_numbers() {
        use claimgraph_graph::{Detail, NodeKey};
        use claimgraph_model::{PlaceRef, PlaceType};

        let (store, _dir) = two_articles().await;
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
        assert_eq!(delta.upto.fact, at.fact + 1);
        assert_eq!(delta.facts.len(), 1);
        p.apply(delta).expect("in step");
        assert_eq!(claim(&p, 1).fact, Some(77));
        let full = Projection::build(store.graph_rows(Watermark::default()).await.expect("rows"));
        assert_eq!(p.nodes(), full.nodes(), "as if read at once");

        // the claim as stored: its whole text, its numbers in their units
        let text: String = store
            .read_with(|conn| {
                Ok(conn.query_row("SELECT text FROM claims WHERE id = 1", [], |r| r.get(0))?)
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
                Detail::Entity(Some(place)) if place.coordinates.is_some() => Some(place.clone()),
                _ => None,
            })
            .expect("a gazetteer place with coordinates");
        assert!(place.geonames_id.is_some() && place.place_type.is_some());
    }
}
