//! Entity search: ranking the entities whose names match a query, best match first.

use std::collections::HashMap;

use postgres::GenericClient;

use super::entities::entity_summaries;
use crate::{Cursor, Id, Listing, PgError, PgStore, Position};
use crate::{EntitySummary, Page};
use claimgraph_graph::canon::{fold, person_key, query_keys, strip_qualifiers, translit_key};
use claimgraph_graph::resolve::prefix_range;

/// At most this many entities are ranked per search query.
const MAX_MATCHES: i64 = 1000;
/// Similarity compares the query with at most this many aliases.
const MAX_SIMILAR_CANDIDATES: i64 = 5000;
/// Jaro-Winkler similarity of transliteration keys at or above which a name matches.
const MIN_SIMILARITY: f64 = 0.88;
/// Sub-phrases are tried for queries of at most this many words.
const MAX_QUERY_WORDS: usize = 8;
/// Rank of a match on a sub-phrase of the query; similarity ranks after it.
const PHRASE_TIER: u8 = 5;

/// Search matches by entity: the best tier each reached, its similarity and its mentions.
#[derive(Default)]
struct Matches(HashMap<Id, (u8, f64, i64)>);

impl Matches {
    fn add(&mut self, id: Id, tier: u8, score: f64, mentions: i64) {
        let e = self.0.entry(id).or_insert((tier, score, mentions));
        if (tier, -score) < (e.0, -e.1) {
            *e = (tier, score, mentions);
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn any_at_most(&self, tier: u8) -> bool {
        self.0.values().any(|(t, _, _)| *t <= tier)
    }

    /// Best tier first, then the most similar, the most mentioned, the oldest.
    fn ranked(self) -> Vec<Id> {
        let mut all: Vec<(Id, (u8, f64, i64))> = self.0.into_iter().collect();
        all.sort_by(|(ia, a), (ib, b)| {
            a.0.cmp(&b.0)
                .then(b.1.total_cmp(&a.1))
                .then(b.2.cmp(&a.2))
                .then(ia.cmp(ib))
        });
        all.into_iter().map(|(id, _)| id).collect()
    }
}

/// The most mentioned entities (of kind `$1` if set), `$2` from `$3` on: read in the order
/// of index `entities_mentioned`.
pub(super) const MOST_MENTIONED: &str = "SELECT id FROM entities
    WHERE $1::text IS NULL OR kind = $1::text
    ORDER BY mention_count DESC, id LIMIT $2 OFFSET $3";

/// Entities with a name starting with (tier 3) or containing (tier 4) the folded key `$1`,
/// of kind `$2` if set, at most `$3`, the oldest first when there are more (as SQLite's
/// grouping by id gives them). The distinct keys are scanned, not every alias: PostgreSQL
/// has no trigram index here without the `pg_trgm` extension, and there are far fewer keys
/// than aliases. `ESCAPE ''` makes a backslash in the key an ordinary character, as in
/// SQLite's `LIKE`; keys are folded to lower case, so the case of `LIKE` does not matter.
pub(super) const CONTAINS_MATCHES: &str = "SELECT e.id, e.mention_count,
        MIN(CASE WHEN k.key LIKE $1 || '%' ESCAPE '' THEN 3 ELSE 4 END)::bigint AS tier
    FROM alias_keys k JOIN aliases a ON a.key = k.key JOIN entities e ON e.id = a.entity_id
    WHERE k.key LIKE '%' || $1 || '%' ESCAPE '' AND ($2::text IS NULL OR e.kind = $2::text)
    GROUP BY e.id ORDER BY e.id LIMIT $3";

impl PgStore {
    /// Entities whose name or an alias matches `q`, best match first, then the most
    /// mentioned. Without `q`, the most mentioned entities; a `q` longer than
    /// `MAX_NAME_CHARS` is [`crate::StorageError::InvalidSearch`]. Match quality, in order: the
    /// exact folded key; a resolution key (transliteration, region words, org word set,
    /// surname); the query without titles, nationality, compass and area words; a name
    /// starting with or containing the query; the longest run of the query's words that
    /// names an entity; similarity of transliteration keys.
    pub async fn search_entities(
        &self,
        q: Option<&str>,
        kind: Option<&str>,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<EntitySummary>, PgError> {
        let offset = Cursor::offset(cursor, Listing::Entities)?;
        // a name's cost grows with its length (keys, similarity): names are short
        if q.is_some_and(|q| q.chars().count() > claimgraph_graph::search::MAX_NAME_CHARS) {
            return Err(claimgraph_graph::search::SearchError::NameTooLong.into());
        }
        let q = q.map(str::to_owned);
        let kind = kind.map(str::to_owned);
        self.read_with(move |client| {
            let kind = kind.as_deref();
            let ids: Vec<Id> = match q.as_deref().filter(|q| !fold(q).is_empty()) {
                None => {
                    let rows = client.query(MOST_MENTIONED, &[&kind, &(limit + 1), &offset])?;
                    rows.iter()
                        .map(|r| r.try_get(0))
                        .collect::<Result<_, _>>()?
                }
                Some(q) => {
                    let ranked = ranked_matches(client, q, kind)?;
                    let from = usize::try_from(offset).unwrap_or(usize::MAX);
                    let take = usize::try_from(limit + 1).unwrap_or(usize::MAX);
                    ranked.into_iter().skip(from).take(take).collect()
                }
            };
            let mut summaries = entity_summaries(client, &ids)?;
            let mut items: Vec<EntitySummary> =
                ids.iter().filter_map(|id| summaries.remove(id)).collect();
            let next = if items.len() as i64 > limit {
                items.truncate(limit as usize);
                Some(Cursor::new(
                    Listing::Entities,
                    Position::Offset(offset + limit),
                ))
            } else {
                None
            };
            Ok(Page { items, next })
        })
        .await
    }
}

/// Every entity matching `q`, in rank order (see [`PgStore::search_entities`]).
fn ranked_matches(
    client: &mut impl GenericClient,
    q: &str,
    kind: Option<&str>,
) -> Result<Vec<Id>, PgError> {
    let mut found = Matches::default();
    let key = fold(q);
    key_matches(
        client,
        std::slice::from_ref(&key),
        &query_keys(q),
        q,
        kind,
        0,
        &mut found,
    )?;
    if !found.any_at_most(1) {
        if let Some(stripped) = strip_qualifiers(q) {
            key_matches(
                client,
                std::slice::from_ref(&stripped),
                &query_keys(&stripped),
                &stripped,
                kind,
                2,
                &mut found,
            )?;
        }
    }
    for r in client.query(CONTAINS_MATCHES, &[&key, &kind, &MAX_MATCHES])? {
        found.add(
            r.try_get("id")?,
            r.try_get::<_, i64>("tier")? as u8,
            0.0,
            r.try_get("mention_count")?,
        );
    }
    if found.is_empty() {
        phrase_matches(client, &key, kind, &mut found)?;
    }
    if found.is_empty() {
        similar_matches(client, q, kind, &mut found)?;
    }
    Ok(found.ranked())
}

/// Entities with an alias whose folded key is one of `keys` (at `tier`) or whose
/// resolution key is one of `rkeys` (at `tier + 1`); a one-word query also matches
/// people by surname. Each part is read oldest first, as SQLite's grouping by id reads it,
/// so the same rows fall within the limit.
fn key_matches(
    client: &mut impl GenericClient,
    keys: &[String],
    rkeys: &[String],
    q: &str,
    kind: Option<&str>,
    tier: u8,
    found: &mut Matches,
) -> Result<(), PgError> {
    let surname = person_key(q)
        .filter(|p| p.given.is_none())
        .map(|p| p.surname);
    let rows = client.query(
        "(SELECT e.id, e.mention_count,
                 MIN(CASE WHEN a.key = ANY($1::text[]) THEN 0 ELSE 1 END)::bigint AS t
          FROM aliases a JOIN entities e ON e.id = a.entity_id
          WHERE (a.key = ANY($1::text[]) OR a.rkey = ANY($2::text[]))
            AND ($3::text IS NULL OR e.kind = $3::text)
          GROUP BY e.id ORDER BY e.id)
         UNION ALL
         (SELECT e.id, e.mention_count, 1::bigint AS t FROM entities e
          WHERE $4::text IS NOT NULL AND e.kind = 'person' AND e.skey = $4::text
            AND ($3::text IS NULL OR e.kind = $3::text)
          ORDER BY e.id)
         LIMIT $5",
        &[&keys, &rkeys, &kind, &surname, &MAX_MATCHES],
    )?;
    for r in rows {
        let t = r.try_get::<_, i64>("t")? as u8;
        found.add(r.try_get("id")?, tier + t, 0.0, r.try_get("mention_count")?);
    }
    Ok(())
}

/// The longest runs of the query's words that name an entity (exact or resolution
/// key): "Harbour mining basin" finds "Harbour".
fn phrase_matches(
    client: &mut impl GenericClient,
    key: &str,
    kind: Option<&str>,
    found: &mut Matches,
) -> Result<(), PgError> {
    let words: Vec<&str> = key.split(' ').take(MAX_QUERY_WORDS).collect();
    for len in (1..words.len()).rev() {
        let phrases: Vec<String> = words.windows(len).map(|w| w.join(" ")).collect();
        let mut rkeys: Vec<String> = phrases.iter().flat_map(|p| query_keys(p)).collect();
        rkeys.sort();
        rkeys.dedup();
        key_matches(client, &phrases, &rkeys, "", kind, PHRASE_TIER, found)?;
        if !found.is_empty() {
            break;
        }
    }
    Ok(())
}

/// Aliases whose transliteration key is close to the query's (Jaro-Winkler), among
/// those sharing its first two letters: a range of index `aliases_rkey`, which compares
/// bytes as SQLite does (`COLLATE "C"`), read in its order.
fn similar_matches(
    client: &mut impl GenericClient,
    q: &str,
    kind: Option<&str>,
    found: &mut Matches,
) -> Result<(), PgError> {
    let tkey = translit_key(q);
    let Some((lo, hi)) = prefix_range(&tkey, 2) else {
        return Ok(());
    };
    let rows = client.query(
        "SELECT e.id, e.mention_count, a.rkey FROM aliases a
             JOIN entities e ON e.id = a.entity_id
             WHERE a.rkey COLLATE \"C\" >= $1 AND a.rkey COLLATE \"C\" < $2
               AND ($3::text IS NULL OR e.kind = $3::text)
             ORDER BY a.rkey COLLATE \"C\", a.entity_id, a.alias LIMIT $4",
        &[&lo, &hi, &kind, &MAX_SIMILAR_CANDIDATES],
    )?;
    for r in rows {
        let rkey: String = r.try_get("rkey")?;
        let score = strsim::jaro_winkler(&tkey, &rkey);
        if score >= MIN_SIMILARITY {
            found.add(
                r.try_get("id")?,
                PHRASE_TIER + 1,
                score,
                r.try_get("mention_count")?,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::test_articles::{article, Said};
    use crate::testing::TestDb;
    use crate::write::tests::{block_on, open, Held};
    use crate::{Cursor, Listing, PgStore, Position, StorageError};

    /// Two articles naming a harbour master, a mayor and two lakeside places.
    async fn stored(db: &TestDb) -> Held {
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
                        speaker: Some("Perić"),
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

    async fn names(store: &PgStore, q: &str, kind: Option<&str>) -> Vec<String> {
        store
            .search_entities(Some(q), kind, 10, None)
            .await
            .expect("search")
            .items
            .into_iter()
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn names_match_by_key_prefix_inside_a_word_by_phrase_and_by_similarity() {
        let Some(db) = TestDb::create("entity_search_tiers") else {
            return;
        };
        block_on(async {
            let store = stored(&db).await;
            for q in ["Luka Perić", "luka peric", "PERIC", "Perić"] {
                assert_eq!(names(&store, q, None).await, ["Luka Perić"], "{q}");
            }
            assert_eq!(names(&store, "Zupan", Some("person")).await, ["Tina Zupan"]);
            assert!(names(&store, "Zupan", Some("place")).await.is_empty());
            // a name starting with the query ranks before one containing it
            assert_eq!(names(&store, "bo", Some("place")).await, ["Bohinj"]);
            assert_eq!(names(&store, "hinj", None).await, ["Bohinj"]);
            // the longest run of the query's words that names an entity
            assert_eq!(names(&store, "Bled lake shore", None).await, ["Bled"]);
            // a misspelling, by similarity of transliteration keys
            assert_eq!(names(&store, "Bohinjj", None).await, ["Bohinj"]);
            assert!(names(&store, "Ljubljana", None).await.is_empty());
        });
    }

    #[test]
    fn without_a_query_the_most_mentioned_come_first_a_page_at_a_time() {
        let Some(db) = TestDb::create("entity_search_listing") else {
            return;
        };
        block_on(async {
            let store = stored(&db).await;
            let mut seen = Vec::new();
            let mut cursor = None;
            loop {
                let page = store
                    .search_entities(None, None, 2, cursor)
                    .await
                    .expect("page");
                seen.extend(page.items);
                match page.next {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
            assert_eq!(
                seen.len() as i64,
                store.count_entities().await.expect("count")
            );
            let mut ranked = Vec::new();
            for e in &seen {
                let record = store.get_entity(e.id).await.expect("entity");
                ranked.push((-record.mention_count, e.id));
            }
            let mut sorted = ranked.clone();
            sorted.sort();
            assert_eq!(ranked, sorted, "most mentioned first, then the oldest");

            let places = store
                .search_entities(Some("  "), Some("place"), 10, None)
                .await
                .expect("places");
            let mut names: Vec<String> = places.items.into_iter().map(|e| e.name).collect();
            names.sort();
            assert_eq!(names, ["Bled", "Bohinj"]);
            // a page after the last is empty
            let past = Cursor::new(Listing::Entities, Position::Offset(50));
            let empty = store
                .search_entities(Some("Bled"), None, 10, Some(past))
                .await
                .expect("past the end");
            assert!(empty.items.is_empty() && empty.next.is_none());
        });
    }

    #[test]
    fn a_name_too_long_is_refused() {
        let Some(db) = TestDb::create("entity_search_too_long") else {
            return;
        };
        block_on(async {
            let store = open(db.config().clone()).await;
            let long = "a".repeat(claimgraph_graph::search::MAX_NAME_CHARS + 1);
            let err = store
                .search_entities(Some(&long), None, 10, None)
                .await
                .expect_err("too long");
            assert!(matches!(
                StorageError::from(err),
                StorageError::InvalidSearch(_)
            ));
        });
    }
}
