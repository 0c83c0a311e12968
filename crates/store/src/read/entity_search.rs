//! Entity search: ranking the entities whose names match a query, best match first.

use std::collections::HashMap;

use rusqlite::Connection;

use super::entities::entity_summaries;
use super::json_array;
use crate::{Cursor, Id, Listing, Position, Store, StoreError};
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

/// The most mentioned entities (of kind `?1` if set), `?2` from `?3` on: read in the order
/// of index `entities_mentioned`.
pub(super) const MOST_MENTIONED: &str = "SELECT id FROM entities WHERE ?1 IS NULL OR kind = ?1
    ORDER BY mention_count DESC, id LIMIT ?2 OFFSET ?3";

/// Entities with a name starting with (tier 3) or containing (tier 4) the folded key `?1`,
/// of kind `?2` if set, at most `?3`: found through the trigram index of alias keys
/// (migration `…0011`), not by reading every alias. A key of one or two letters has no
/// trigram, and FTS5 reads the keys to match it.
pub(super) const CONTAINS_MATCHES: &str = "SELECT e.id, e.mention_count,
        MIN(CASE WHEN k.key LIKE ?1 || '%' THEN 3 ELSE 4 END) AS tier
    FROM alias_keys_fts k JOIN aliases a ON a.key = k.key JOIN entities e ON e.id = a.entity_id
    WHERE k.key LIKE '%' || ?1 || '%' AND (?2 IS NULL OR e.kind = ?2)
    GROUP BY e.id LIMIT ?3";

/// How many other articles report the fact of claim `c`: the fact's distinct articles, kept
impl Store {
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
    ) -> Result<Page<EntitySummary>, StoreError> {
        let offset = Cursor::offset(cursor, Listing::Entities)?;
        // a name's cost grows with its length (trigrams, keys): names are short
        if q.is_some_and(|q| q.chars().count() > claimgraph_graph::search::MAX_NAME_CHARS) {
            return Err(claimgraph_graph::search::SearchError::NameTooLong.into());
        }
        let q = q.map(str::to_owned);
        let kind = kind.map(str::to_owned);
        self.read_with(move |conn| {
            let kind = kind.as_deref();
            let ids: Vec<Id> = match q.as_deref().filter(|q| !fold(q).is_empty()) {
                None => {
                    let mut stmt = conn.prepare_cached(MOST_MENTIONED)?;
                    let ids = stmt.query_map((kind, limit + 1, offset), |r| r.get(0))?;
                    ids.collect::<Result<_, _>>()?
                }
                Some(q) => {
                    let ranked = ranked_matches(conn, q, kind)?;
                    let from = usize::try_from(offset).unwrap_or(usize::MAX);
                    let take = usize::try_from(limit + 1).unwrap_or(usize::MAX);
                    ranked.into_iter().skip(from).take(take).collect()
                }
            };
            let mut summaries = entity_summaries(conn, &ids)?;
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

/// Every entity matching `q`, in rank order (see [`Store::search_entities`]).
fn ranked_matches(conn: &Connection, q: &str, kind: Option<&str>) -> Result<Vec<Id>, StoreError> {
    let mut found = Matches::default();
    let key = fold(q);
    key_matches(
        conn,
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
                conn,
                std::slice::from_ref(&stripped),
                &query_keys(&stripped),
                &stripped,
                kind,
                2,
                &mut found,
            )?;
        }
    }
    let mut stmt = conn.prepare_cached(CONTAINS_MATCHES)?;
    let mut rows = stmt.query((&key, kind, MAX_MATCHES))?;
    while let Some(r) = rows.next()? {
        found.add(
            r.get("id")?,
            r.get::<_, i64>("tier")? as u8,
            0.0,
            r.get("mention_count")?,
        );
    }
    if found.is_empty() {
        phrase_matches(conn, &key, kind, &mut found)?;
    }
    if found.is_empty() {
        similar_matches(conn, q, kind, &mut found)?;
    }
    Ok(found.ranked())
}

/// Entities with an alias whose folded key is one of `keys` (at `tier`) or whose
/// resolution key is one of `rkeys` (at `tier + 1`); a one-word query also matches
/// people by surname.
fn key_matches(
    conn: &Connection,
    keys: &[String],
    rkeys: &[String],
    q: &str,
    kind: Option<&str>,
    tier: u8,
    found: &mut Matches,
) -> Result<(), StoreError> {
    let surname = person_key(q)
        .filter(|p| p.given.is_none())
        .map(|p| p.surname);
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.mention_count,
                    MIN(CASE WHEN a.key IN (SELECT value FROM json_each(?1)) THEN 0 ELSE 1 END)
                        AS t
             FROM aliases a JOIN entities e ON e.id = a.entity_id
             WHERE (a.key IN (SELECT value FROM json_each(?1))
                    OR a.rkey IN (SELECT value FROM json_each(?2)))
               AND (?3 IS NULL OR e.kind = ?3)
             GROUP BY e.id
             UNION ALL
             SELECT e.id, e.mention_count, 1 AS t FROM entities e
             WHERE ?4 IS NOT NULL AND e.kind = 'person' AND e.skey = ?4
               AND (?3 IS NULL OR e.kind = ?3)
             LIMIT ?5",
    )?;
    let mut rows = stmt.query((
        json_array(keys),
        json_array(rkeys),
        kind,
        surname,
        MAX_MATCHES,
    ))?;
    while let Some(r) = rows.next()? {
        let t = r.get::<_, i64>("t")? as u8;
        found.add(r.get("id")?, tier + t, 0.0, r.get("mention_count")?);
    }
    Ok(())
}

/// The longest runs of the query's words that name an entity (exact or resolution
/// key): "Harbour mining basin" finds "Harbour".
fn phrase_matches(
    conn: &Connection,
    key: &str,
    kind: Option<&str>,
    found: &mut Matches,
) -> Result<(), StoreError> {
    let words: Vec<&str> = key.split(' ').take(MAX_QUERY_WORDS).collect();
    for len in (1..words.len()).rev() {
        let phrases: Vec<String> = words.windows(len).map(|w| w.join(" ")).collect();
        let mut rkeys: Vec<String> = phrases.iter().flat_map(|p| query_keys(p)).collect();
        rkeys.sort();
        rkeys.dedup();
        key_matches(conn, &phrases, &rkeys, "", kind, PHRASE_TIER, found)?;
        if !found.is_empty() {
            break;
        }
    }
    Ok(())
}

/// Aliases whose transliteration key is close to the query's (Jaro-Winkler), among
/// those sharing its first two letters.
fn similar_matches(
    conn: &Connection,
    q: &str,
    kind: Option<&str>,
    found: &mut Matches,
) -> Result<(), StoreError> {
    let tkey = translit_key(q);
    let Some((lo, hi)) = prefix_range(&tkey, 2) else {
        return Ok(());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.mention_count, a.rkey FROM aliases a
             JOIN entities e ON e.id = a.entity_id
             WHERE a.rkey >= ?1 AND a.rkey < ?2 AND (?3 IS NULL OR e.kind = ?3) LIMIT ?4",
    )?;
    let mut rows = stmt.query((lo, hi, kind, MAX_SIMILAR_CANDIDATES))?;
    while let Some(r) = rows.next()? {
        let rkey: String = r.get("rkey")?;
        let score = strsim::jaro_winkler(&tkey, &rkey);
        if score >= MIN_SIMILARITY {
            found.add(
                r.get("id")?,
                PHRASE_TIER + 1,
                score,
                r.get("mention_count")?,
            );
        }
    }
    Ok(())
}
