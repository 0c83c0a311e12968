use std::collections::HashMap;

use claimgraph_model::{ClaimKind, Measure};
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite};

use crate::canon::{fold, person_key, query_keys, strip_qualifiers, translit_key};
use crate::resolve::prefix_range;
use crate::{Cursor, Id, Listing, Position, Store, StoreError};

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

/// One page of a list and where the next one starts.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<Cursor>,
}

/// An entity as it appears inside other records: enough to show it and to match it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitySummary {
    pub id: Id,
    pub kind: String,
    pub name: String,
    /// Every spelling seen for this entity, the canonical name included.
    pub aliases: Vec<String>,
    /// Titles and roles the articles give it ("general", "spokesman"), sorted.
    pub roles: Vec<String>,
    /// What the gazetteer says about a place; `None` for other kinds.
    pub place: Option<PlaceInfo>,
}

/// Where a place is and what sort of place it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    /// `(lat, lon)` in degrees, when the gazetteer knows the place.
    pub coordinates: Option<(f64, f64)>,
    /// ISO 3166 alpha-2 code.
    pub country: Option<String>,
    /// `city`, `region`, `country` or `other`.
    pub place_type: Option<String>,
    pub geonames_id: Option<i64>,
}

/// An entity with its counts, for `GET /v1/entities/{id}`.
#[derive(Debug, Clone)]
pub struct EntityRecord {
    pub entity: EntitySummary,
    pub mention_count: i64,
    pub article_count: i64,
    pub claim_count: i64,
    pub created_at: String,
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub enum SpeakerRecord {
    Entity(EntitySummary),
    /// An unnamed source, in the article's words ("a local official").
    Nominal(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberRecord {
    pub value: f64,
    pub unit: String,
    pub qualifier: String,
    pub text: String,
    pub start: i64,
    pub end: i64,
    /// The value in its dimension's base unit, when a fixed conversion exists.
    pub base: Option<(f64, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    pub id: Id,
    pub article_id: Id,
    pub kind: String,
    pub text: String,
    pub start: i64,
    pub end: i64,
    pub speaker: Option<SpeakerRecord>,
    pub via: Option<EntitySummary>,
    pub cue: Option<String>,
    pub places: Vec<ClaimPlace>,
    pub numbers: Vec<NumberRecord>,
    /// The fact the claim belongs to, when other articles report it too.
    pub fact_id: Option<Id>,
    /// How many other articles report the same fact.
    pub corroborations: i64,
}

/// A place a claim is about, with the mention in its article that named it: the handle a
/// curator moves to correct the place (`Store::relink_mention`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimPlace {
    pub entity: EntitySummary,
    /// `None` when no mention of the place has the span the claim's place was read at.
    pub mention_id: Option<Id>,
}

#[derive(Debug, Clone)]
pub struct ArticleRecord {
    pub id: Id,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published_at: Option<String>,
    pub created_at: String,
    pub content_hash: String,
    pub claim_count: i64,
    pub mention_count: i64,
    /// Only filled when one article is asked for: lists stay light.
    pub text: Option<String>,
}

/// Which claims to list. Every filter narrows; none set lists all claims. A filter of
/// several values matches a claim that fits any one of them (an empty one matches all).
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Claims about one of these entities: a place the claim is about, or any other
    /// entity mentioned inside the claim's words.
    pub about: Vec<Id>,
    pub speaker: Vec<Id>,
    pub via: Vec<Id>,
    pub article: Vec<Id>,
    pub kind: Vec<ClaimKind>,
    /// Claims involving one of the entities in any role: speaker, outlet cited, or about it.
    pub involving: Vec<Id>,
    /// Claims about one of these places (one of the places the claim is about).
    pub place: Vec<Id>,
    /// Claims in articles published by one of these outlets (the article's source).
    pub outlet: Vec<Id>,
    /// Articles published at or after this RFC 3339 timestamp or date (checked by the
    /// caller); articles without a publication time never match a date bound.
    pub published_after: Option<String>,
    /// Articles published strictly before this timestamp or date.
    pub published_before: Option<String>,
    /// `Some(true)`: claims giving at least one number; `Some(false)`: claims giving none.
    pub has_number: Option<bool>,
    /// Claims giving a number in a unit (or its dimension) within a range.
    pub number: Option<NumberFilter>,
    /// A full-text query over the claim text, in the search language of
    /// `crate::search` (not raw FTS5).
    pub text: Option<String>,
}

/// A number a claim must give: in `unit`, between `min` and `max` inclusive. A unit with
/// a base unit (`mi2` → `km2`) matches every unit of its dimension, compared on the
/// normalised value; other units (`person`, `usd`) compare the value as written.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberFilter {
    pub unit: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// The order of a claim list. Every order pages by keyset, so pages never repeat or skip
/// a claim while the data stays put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClaimSort {
    /// Article order, then text order within an article (the order they were stored).
    #[default]
    Stored,
    /// Oldest article first: its publication time, or when it was stored if it has none.
    DateAsc,
    /// Newest article first; text order within an article.
    DateDesc,
    /// Best full-text match first (bm25); needs [`ClaimFilter::text`].
    Relevance,
    /// Reported by the most other articles first (see `facts.rs`), then stored order.
    Corroboration,
}

/// The most mentioned entities (of kind `?1` if set), `?2` from `?3` on: read in the order
/// of index `entities_mentioned`.
const MOST_MENTIONED: &str = "SELECT id FROM entities WHERE ?1 IS NULL OR kind = ?1
    ORDER BY mention_count DESC, id LIMIT ?2 OFFSET ?3";

/// Entities with a name starting with (tier 3) or containing (tier 4) the folded key `?1`,
/// of kind `?2` if set, at most `?3`: found through the trigram index of alias keys
/// (migration `…0011`), not by reading every alias. A key of one or two letters has no
/// trigram, and FTS5 reads the keys to match it.
const CONTAINS_MATCHES: &str = "SELECT e.id, e.mention_count,
        MIN(CASE WHEN k.key LIKE ?1 || '%' THEN 3 ELSE 4 END) AS tier
    FROM alias_keys_fts k JOIN aliases a ON a.key = k.key JOIN entities e ON e.id = a.entity_id
    WHERE k.key LIKE '%' || ?1 || '%' AND (?2 IS NULL OR e.kind = ?2)
    GROUP BY e.id LIMIT ?3";

/// How many other articles report the fact of claim `c`: the fact's distinct articles, kept
/// by triggers (migration `…0011`), less the claim's own. One row read however large the
/// fact.
const CORROBORATIONS: &str =
    "COALESCE((SELECT f.article_count - 1 FROM facts f WHERE f.id = c.fact_id), 0)";

/// An article's date as milliseconds since 1970: its publication time, else when it was
/// stored. Integer so that a cursor holds it exactly.
const DATE_KEY: &str = "CAST(round((COALESCE(julianday(upper(a.published_at)), \
    julianday(a.created_at)) - 2440587.5) * 86400000.0) AS INTEGER)";

const ARTICLE_COLUMNS: &str = "a.id, a.title, s.name AS source, a.url, a.published_at,
    a.created_at, a.content_hash, a.claim_count, a.mention_count";

impl Store {
    pub async fn list_articles(
        &self,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ArticleRecord>, StoreError> {
        let before = Cursor::after_id(cursor, Listing::Articles)?;
        let rows = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
             WHERE ?1 IS NULL OR a.id < ?1 ORDER BY a.id DESC LIMIT ?2"
        ))
        .bind(before)
        .bind(limit + 1)
        .fetch_all(&self.read)
        .await?;
        let items: Vec<ArticleRecord> = rows.iter().map(|r| article_row(r, false)).collect();
        Ok(keyset_page(items, limit, Listing::Articles, |a| a.id))
    }

    pub async fn get_article(&self, id: Id) -> Result<ArticleRecord, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS}, a.text FROM articles a
             LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1"
        ))
        .bind(id)
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound {
            what: "article",
            id,
        })?;
        Ok(article_row(&row, true))
    }

    /// The articles with these ids (without their text), by id; ids that name no article
    /// are left out. For lists of claims that show their article's title and source.
    pub async fn articles_by_id(
        &self,
        ids: &[Id],
    ) -> Result<HashMap<Id, ArticleRecord>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let rows = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
             WHERE a.id IN (SELECT value FROM json_each(?1))"
        ))
        .bind(json_array(ids))
        .fetch_all(&self.read)
        .await?;
        Ok(rows
            .iter()
            .map(|r| article_row(r, false))
            .map(|a| (a.id, a))
            .collect())
    }

    pub async fn list_claims(
        &self,
        filter: &ClaimFilter,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ClaimRecord>, StoreError> {
        self.list_claims_sorted(filter, ClaimSort::Stored, limit, cursor)
            .await
    }

    /// One page of the claims matching `filter` in `sort` order. A search query that
    /// cannot be read or exceeds a limit is [`StoreError::InvalidSearch`]; a cursor from another order is
    /// [`StoreError::InvalidCursor`].
    pub async fn list_claims_sorted(
        &self,
        filter: &ClaimFilter,
        sort: ClaimSort,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ClaimRecord>, StoreError> {
        let cursor = Cursor::position(cursor, Listing::Claims(sort))?;
        let cursor_fits = match (sort, cursor) {
            (_, None) => true,
            (ClaimSort::Stored, Some(Position::After(_))) => true,
            (ClaimSort::DateAsc, Some(Position::Dated { newest_first, .. })) => !newest_first,
            (ClaimSort::DateDesc, Some(Position::Dated { newest_first, .. })) => newest_first,
            (ClaimSort::Relevance | ClaimSort::Corroboration, Some(Position::Ranked { .. })) => {
                true
            }
            _ => false,
        };
        if !cursor_fits {
            return Err(StoreError::InvalidCursor);
        }
        // one read per id: whether it exists and, for `about`/`involving`, its kind
        let mut places = PlaceFilters::default();
        for id in &filter.article {
            self.require("article", *id).await?;
        }
        let entities = [
            ("about", &filter.about),
            ("speaker", &filter.speaker),
            ("via", &filter.via),
            ("involving", &filter.involving),
            ("place", &filter.place),
            ("outlet", &filter.outlet),
        ];
        for (field, ids) in entities {
            for &id in ids {
                let is_place = self.entity_kind(id).await?.as_str() == "place";
                if is_place && matches!(field, "about" | "involving") {
                    places.0.push(id);
                }
            }
        }
        // the search query, read and looked up, becomes the FTS5 expression the statement runs
        let searched;
        let filter = match filter.text.as_deref() {
            Some(q) => {
                let text = Some(self.fts_expression(q).await?);
                searched = ClaimFilter {
                    text,
                    ..filter.clone()
                };
                &searched
            }
            None => filter,
        };
        let query = |pass: Pass, cursor: Option<Position>, limit: i64| {
            let mut q = QueryBuilder::new("");
            push_claims_query(&mut q, filter, sort, cursor, &places, limit, pass);
            q
        };
        // Without an entity or a text to narrow it, the corroboration order is read fact by
        // fact, the most reported first, then the claims no other article reports: sorting
        // every claim by its fact's article count took seconds at 10k articles.
        let by_facts = sort == ClaimSort::Corroboration
            && filter.text.is_none()
            && filter.about.is_empty()
            && filter.place.is_empty()
            && filter.involving.is_empty();
        let mut rows = if by_facts {
            let (score, after) = match cursor {
                Some(Position::Ranked { score, id }) => (score, Some(id)),
                _ => (f64::INFINITY, None),
            };
            let mut rows = Vec::new();
            if score >= 1.0 {
                rows = query(Pass::InFacts, cursor, limit)
                    .build()
                    .fetch_all(&self.read)
                    .await?;
            }
            if rows.len() as i64 <= limit {
                let rest = if score >= 1.0 {
                    None
                } else {
                    after.map(Position::After)
                };
                let more = limit - rows.len() as i64;
                rows.extend(
                    query(Pass::Alone, rest, more)
                        .build()
                        .fetch_all(&self.read)
                        .await?,
                );
            }
            rows
        } else {
            query(Pass::All, cursor, limit)
                .build()
                .fetch_all(&self.read)
                .await?
        };
        let next = if rows.len() as i64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|last| {
                let id: Id = last.get("id");
                let at = match sort {
                    ClaimSort::Stored => Position::After(id),
                    ClaimSort::DateAsc | ClaimSort::DateDesc => Position::Dated {
                        key: last.get("date_key"),
                        id,
                        newest_first: sort == ClaimSort::DateDesc,
                    },
                    ClaimSort::Relevance => match last.get::<Option<f64>, _>("score") {
                        Some(score) => Position::Ranked { score, id },
                        None => Position::After(id),
                    },
                    ClaimSort::Corroboration => Position::Ranked {
                        score: last.get::<i64, _>("corroborations") as f64,
                        id,
                    },
                };
                Cursor::new(Listing::Claims(sort), at)
            })
        } else {
            None
        };
        let items = self.hydrate_claims(rows).await?;
        Ok(Page { items, next })
    }

    pub async fn get_claim(&self, id: Id) -> Result<ClaimRecord, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT c.id, c.article_id, c.kind, c.text, c.start, c.\"end\", c.speaker_id,
                    c.speaker_text, c.via_id, c.cue, c.fact_id, {CORROBORATIONS} AS corroborations
             FROM claims c WHERE c.id = ?1"
        ))
        .bind(id)
        .fetch_all(&self.read)
        .await?;
        self.hydrate_claims(rows)
            .await?
            .pop()
            .ok_or(StoreError::NotFound { what: "claim", id })
    }

    /// Entities whose name or an alias matches `q`, best match first, then the most
    /// mentioned. Without `q`, the most mentioned entities; a `q` longer than
    /// `MAX_NAME_CHARS` is [`StoreError::InvalidSearch`]. Match quality, in order: the
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
        if q.is_some_and(|q| q.chars().count() > crate::search::MAX_NAME_CHARS) {
            return Err(crate::search::SearchError::NameTooLong.into());
        }
        let ids: Vec<Id> = match q.filter(|q| !fold(q).is_empty()) {
            None => {
                sqlx::query_scalar(MOST_MENTIONED)
                    .bind(kind)
                    .bind(limit + 1)
                    .bind(offset)
                    .fetch_all(&self.read)
                    .await?
            }
            Some(q) => {
                let ranked = self.ranked_matches(q, kind).await?;
                let from = usize::try_from(offset).unwrap_or(usize::MAX);
                let take = usize::try_from(limit + 1).unwrap_or(usize::MAX);
                ranked.into_iter().skip(from).take(take).collect()
            }
        };
        let mut summaries = self.entity_summaries(&ids).await?;
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
    }

    /// Every entity matching `q`, in rank order (see [`Store::search_entities`]).
    async fn ranked_matches(&self, q: &str, kind: Option<&str>) -> Result<Vec<Id>, StoreError> {
        let mut found = Matches::default();
        let key = fold(q);
        self.key_matches(
            std::slice::from_ref(&key),
            &query_keys(q),
            q,
            kind,
            0,
            &mut found,
        )
        .await?;
        if !found.any_at_most(1) {
            if let Some(stripped) = strip_qualifiers(q) {
                self.key_matches(
                    std::slice::from_ref(&stripped),
                    &query_keys(&stripped),
                    &stripped,
                    kind,
                    2,
                    &mut found,
                )
                .await?;
            }
        }
        for r in sqlx::query(CONTAINS_MATCHES)
            .bind(&key)
            .bind(kind)
            .bind(MAX_MATCHES)
            .fetch_all(&self.read)
            .await?
        {
            found.add(
                r.get("id"),
                r.get::<i64, _>("tier") as u8,
                0.0,
                r.get("mention_count"),
            );
        }
        if found.is_empty() {
            self.phrase_matches(&key, kind, &mut found).await?;
        }
        if found.is_empty() {
            self.similar_matches(q, kind, &mut found).await?;
        }
        Ok(found.ranked())
    }

    /// Entities with an alias whose folded key is one of `keys` (at `tier`) or whose
    /// resolution key is one of `rkeys` (at `tier + 1`); a one-word query also matches
    /// people by surname.
    async fn key_matches(
        &self,
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
        let rows = sqlx::query(
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
        )
        .bind(json_array(keys))
        .bind(json_array(rkeys))
        .bind(kind)
        .bind(surname)
        .bind(MAX_MATCHES)
        .fetch_all(&self.read)
        .await?;
        for r in rows {
            let t = r.get::<i64, _>("t") as u8;
            found.add(r.get("id"), tier + t, 0.0, r.get("mention_count"));
        }
        Ok(())
    }

    /// The longest runs of the query's words that name an entity (exact or resolution
    /// key): "Harbour mining basin" finds "Harbour".
    async fn phrase_matches(
        &self,
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
            self.key_matches(&phrases, &rkeys, "", kind, PHRASE_TIER, found)
                .await?;
            if !found.is_empty() {
                break;
            }
        }
        Ok(())
    }

    /// Aliases whose transliteration key is close to the query's (Jaro-Winkler), among
    /// those sharing its first two letters.
    async fn similar_matches(
        &self,
        q: &str,
        kind: Option<&str>,
        found: &mut Matches,
    ) -> Result<(), StoreError> {
        let tkey = translit_key(q);
        let Some((lo, hi)) = prefix_range(&tkey, 2) else {
            return Ok(());
        };
        for r in sqlx::query(
            "SELECT e.id, e.mention_count, a.rkey FROM aliases a
             JOIN entities e ON e.id = a.entity_id
             WHERE a.rkey >= ?1 AND a.rkey < ?2 AND (?3 IS NULL OR e.kind = ?3) LIMIT ?4",
        )
        .bind(lo)
        .bind(hi)
        .bind(kind)
        .bind(MAX_SIMILAR_CANDIDATES)
        .fetch_all(&self.read)
        .await?
        {
            let score = strsim::jaro_winkler(&tkey, r.get::<&str, _>("rkey"));
            if score >= MIN_SIMILARITY {
                found.add(r.get("id"), PHRASE_TIER + 1, score, r.get("mention_count"));
            }
        }
        Ok(())
    }

    /// One entity with its counts; an id merged into another is [`StoreError::Merged`].
    pub async fn get_entity(&self, id: Id) -> Result<EntityRecord, StoreError> {
        if let Some(into) = self.merged_into(id).await? {
            return Err(StoreError::Merged { id, into });
        }
        let row = sqlx::query(
            "SELECT e.mention_count, e.created_at,
                    (SELECT COUNT(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id)
                        AS article_count,
                    (SELECT COUNT(*) FROM claims c WHERE c.speaker_id = e.id) AS claim_count
             FROM entities e WHERE e.id = ?1",
        )
        .bind(id)
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound { what: "entity", id })?;
        let entity = self
            .entity_summaries(&[id])
            .await?
            .remove(&id)
            .ok_or(StoreError::NotFound { what: "entity", id })?;
        Ok(EntityRecord {
            entity,
            mention_count: row.get("mention_count"),
            article_count: row.get("article_count"),
            claim_count: row.get("claim_count"),
            created_at: row.get("created_at"),
        })
    }

    /// The kind of a stored entity; an id not stored is the error [`Store::missing_entity`]
    /// gives.
    async fn entity_kind(&self, id: Id) -> Result<String, StoreError> {
        let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM entities WHERE id = ?1")
            .bind(id)
            .fetch_optional(&self.read)
            .await?;
        match kind {
            Some(kind) => Ok(kind),
            None => Err(self.missing_entity(id).await?),
        }
    }

    pub(crate) async fn require(&self, what: &'static str, id: Id) -> Result<(), StoreError> {
        let sql = match what {
            "article" => "SELECT 1 FROM articles WHERE id = ?1",
            _ => "SELECT 1 FROM entities WHERE id = ?1",
        };
        let found: Option<i64> = sqlx::query_scalar(sql)
            .bind(id)
            .fetch_optional(&self.read)
            .await?;
        if found.is_some() {
            return Ok(());
        }
        match what {
            "entity" => Err(self.missing_entity(id).await?),
            _ => Err(StoreError::NotFound { what, id }),
        }
    }

    /// The error for an entity id that is not stored: `Merged` when it was merged into
    /// another, else `NotFound`.
    pub async fn missing_entity(&self, id: Id) -> Result<StoreError, StoreError> {
        Ok(match self.merged_into(id).await? {
            Some(into) => StoreError::Merged { id, into },
            None => StoreError::NotFound { what: "entity", id },
        })
    }

    /// Claim records from rows of `claims c` (its columns, `fact_id` and `corroborations`),
    /// with their places, numbers and the entities they name.
    async fn hydrate_claims(&self, rows: Vec<SqliteRow>) -> Result<Vec<ClaimRecord>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let claim_ids: Vec<Id> = rows.iter().map(|r| r.get("id")).collect();
        let claim_json = json_array(&claim_ids);

        // one statement, one row: sqlx hands every row across threads, which cost more
        // than the reads themselves
        let (places_json, numbers_json): (String, String) = sqlx::query_as(&format!(
            "SELECT
                (SELECT json_group_array(json_array(claim_id, entity_id, mention_id)
                                         ORDER BY rowid)
                 FROM claim_places WHERE claim_id IN (SELECT value FROM json_each(?1))),
                ({})",
            claim_numbers_sql(),
        ))
        .bind(&claim_json)
        .fetch_one(&self.read)
        .await?;
        let mut places: HashMap<Id, Vec<(Id, Option<Id>)>> = HashMap::new();
        for (claim, entity, mention) in from_json::<Vec<(Id, Id, Option<Id>)>>(&places_json)? {
            places.entry(claim).or_default().push((entity, mention));
        }
        type NumberRow = (
            Id,
            String,
            String,
            String,
            String,
            i64,
            i64,
            Option<String>,
            Option<String>,
        );
        let mut numbers: HashMap<Id, Vec<NumberRecord>> = HashMap::new();
        for (claim, value, unit, qualifier, text, start, end, base_value, base_unit) in
            from_json::<Vec<NumberRow>>(&numbers_json)?
        {
            numbers.entry(claim).or_default().push(NumberRecord {
                value: real_of(&value)?,
                unit,
                qualifier,
                text,
                start,
                end,
                base: real(base_value.as_deref())?.zip(base_unit),
            });
        }
        let mut entity_ids: Vec<Id> = places.values().flatten().map(|(e, _)| *e).collect();
        for r in &rows {
            entity_ids.extend(r.get::<Option<Id>, _>("speaker_id"));
            entity_ids.extend(r.get::<Option<Id>, _>("via_id"));
        }
        entity_ids.sort_unstable();
        entity_ids.dedup();
        let entities = self.entity_summaries(&entity_ids).await?;

        Ok(rows
            .iter()
            .map(|r| {
                let id: Id = r.get("id");
                let speaker_id: Option<Id> = r.get("speaker_id");
                let speaker_text: Option<String> = r.get("speaker_text");
                let speaker = match (speaker_id.and_then(|s| entities.get(&s)), speaker_text) {
                    (Some(e), _) => Some(SpeakerRecord::Entity(e.clone())),
                    (None, Some(words)) => Some(SpeakerRecord::Nominal(words)),
                    (None, None) => None,
                };
                let via_id: Option<Id> = r.get("via_id");
                ClaimRecord {
                    id,
                    article_id: r.get("article_id"),
                    kind: r.get("kind"),
                    text: r.get("text"),
                    start: r.get("start"),
                    end: r.get("end"),
                    speaker,
                    via: via_id.and_then(|v| entities.get(&v).cloned()),
                    cue: r.get("cue"),
                    places: places
                        .remove(&id)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|(p, mention_id)| {
                            Some(ClaimPlace {
                                entity: entities.get(p)?.clone(),
                                mention_id: *mention_id,
                            })
                        })
                        .collect(),
                    numbers: numbers.remove(&id).unwrap_or_default(),
                    fact_id: r.get("fact_id"),
                    corroborations: r.get("corroborations"),
                }
            })
            .collect())
    }

    async fn entity_summaries(&self, ids: &[Id]) -> Result<HashMap<Id, EntitySummary>, StoreError> {
        let mut out: HashMap<Id, EntitySummary> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        type EntityRow = (
            Id,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<i64>,
            Vec<String>,
            Vec<String>,
        );
        // one statement, one row (see `hydrate_claims`)
        let found: String = sqlx::query_scalar(&format!(
            "SELECT json_group_array(json_array(e.id, e.kind, e.name, {}, {}, e.country_code,
                e.place_type, e.geonames_id,
                json((SELECT json_group_array(alias ORDER BY alias) FROM aliases
                      WHERE entity_id = e.id)),
                json((SELECT json_group_array(role ORDER BY role) FROM entity_roles
                      WHERE entity_id = e.id))))
             FROM entities e WHERE e.id IN (SELECT value FROM json_each(?1))",
            real_text("e.lat"),
            real_text("e.lon"),
        ))
        .bind(json_array(ids))
        .fetch_one(&self.read)
        .await?;
        for (id, kind, name, lat, lon, country, place_type, geonames_id, aliases, roles) in
            from_json::<Vec<EntityRow>>(&found)?
        {
            let coordinates = real(lat.as_deref())?.zip(real(lon.as_deref())?);
            let place = (kind == "place").then_some(PlaceInfo {
                coordinates,
                country,
                place_type,
                geonames_id,
            });
            out.insert(
                id,
                EntitySummary {
                    id,
                    kind,
                    name,
                    aliases,
                    roles,
                    place,
                },
            );
        }
        Ok(out)
    }
}

/// The statement listing one page (`limit + 1` rows) of the claims matching `filter`.
/// A claim list narrowed to one place (`about` a place, or `place`) is read from that
/// place's `claim_places` index in claim order, so its first page costs the page, not the
/// place's claims; other filters, and filters of several ids, are checked per claim.
fn push_claims_query<'a>(
    q: &mut QueryBuilder<'a, Sqlite>,
    filter: &'a ClaimFilter,
    sort: ClaimSort,
    cursor: Option<Position>,
    places: &PlaceFilters,
    limit: i64,
    pass: Pass,
) {
    let text = filter.text.as_deref();
    let single = |ids: &[Id]| match ids {
        [id] => Some(*id),
        _ => None,
    };
    // the place whose index drives the statement, and what is left to check per claim
    let (driver, about, place): (Option<Id>, &[Id], &[Id]) =
        match (single(&filter.about), single(&filter.place)) {
            (Some(about), _) if places.is_place(about) => (Some(about), &[], &filter.place),
            (_, Some(place)) => (Some(place), &filter.about, &[]),
            _ => (None, &filter.about, &filter.place),
        };
    // Without a place to drive it, an entity filter drives the statement from the claims
    // it names (read by index, then sorted): checked claim by claim instead, a rare
    // entity's page scanned every claim of the store.
    let driving_set = match (
        driver,
        single(about),
        about.is_empty(),
        single(&filter.involving),
    ) {
        (Some(_), ..) => None,
        (None, Some(id), ..) => Some(DrivingSet::About(id)),
        (None, None, true, Some(id)) => Some(DrivingSet::Involving(id, places.is_place(id))),
        _ => None,
    };
    let about: &[Id] = if matches!(driving_set, Some(DrivingSet::About(_))) {
        &[]
    } else {
        about
    };
    let involving: &[Id] = if matches!(driving_set, Some(DrivingSet::Involving(..))) {
        &[]
    } else {
        &filter.involving
    };
    // the claim id column the stored order and its cursor use: the index's when it drives
    let id_col = if driver.is_some() {
        "cp.claim_id"
    } else {
        "c.id"
    };
    if let Some(text) = text {
        // materialised: bm25() only works in the query on the FTS table itself
        q.push(
            "WITH hits AS MATERIALIZED (SELECT rowid AS id, bm25(claims_fts) AS score \
             FROM claims_fts WHERE claims_fts MATCH ",
        )
        .push_bind(text.to_string())
        .push(") ");
    }
    if let Some(set) = driving_set {
        q.push(if text.is_some() { ", " } else { "WITH " });
        q.push("driving(id) AS MATERIALIZED (");
        match set {
            DrivingSet::About(id) => push_about_set(q, id, places.is_place(id)),
            DrivingSet::Involving(id, is_place) => {
                q.push("SELECT id FROM claims WHERE speaker_id = ")
                    .push_bind(id)
                    .push(" UNION SELECT id FROM claims WHERE via_id = ")
                    .push_bind(id)
                    .push(" UNION ");
                push_about_set(q, id, is_place);
            }
        }
        q.push(") ");
    }
    q.push(
        "SELECT c.id, c.article_id, c.kind, c.text, c.start, c.\"end\", c.speaker_id,
                c.speaker_text, c.via_id, c.cue, c.fact_id, ",
    );
    q.push(if text.is_some() { "h.score" } else { "NULL" });
    q.push(" AS score, ")
        .push(CORROBORATIONS)
        .push(" AS corroborations, ")
        .push(DATE_KEY)
        .push(" AS date_key FROM ");
    if driver.is_some() {
        q.push("claim_places cp JOIN claims c ON c.id = cp.claim_id ");
    } else if pass == Pass::InFacts {
        // the facts, most reported first, drive the claims
        q.push("facts fc CROSS JOIN claims c ON c.fact_id = fc.id ");
    } else if driving_set.is_some() {
        q.push("driving d JOIN claims c ON c.id = d.id ");
    } else {
        q.push("claims c ");
    }
    // the article's source and dates from its head, not from after its text
    q.push("JOIN articles a INDEXED BY articles_head ON a.id = c.article_id");
    if text.is_some() {
        q.push(" JOIN hits h ON h.id = c.id");
    }
    q.push(" WHERE 1 = 1");
    if let Some(id) = driver {
        q.push(" AND cp.entity_id = ").push_bind(id);
    }
    if pass == Pass::Alone {
        q.push(" AND c.fact_id IS NULL");
    }
    push_in(q, "c.article_id", &filter.article);
    push_in(q, "c.speaker_id", &filter.speaker);
    push_in(q, "c.via_id", &filter.via);
    if !filter.kind.is_empty() {
        q.push(" AND c.kind IN (");
        let mut list = q.separated(", ");
        for kind in &filter.kind {
            list.push_bind(kind.as_str());
        }
        q.push(")");
    }
    if !about.is_empty() {
        q.push(" AND (");
        for (i, &id) in about.iter().enumerate() {
            q.push(if i == 0 { "(" } else { " OR (" });
            push_about(q, id, places.is_place(id));
            q.push(")");
        }
        q.push(")");
    }
    if !involving.is_empty() {
        q.push(" AND (1 = 0");
        for &id in involving {
            q.push(" OR c.speaker_id = ")
                .push_bind(id)
                .push(" OR c.via_id = ")
                .push_bind(id)
                .push(" OR (");
            push_about(q, id, places.is_place(id));
            q.push(")");
        }
        q.push(")");
    }
    if !place.is_empty() {
        q.push(" AND c.id IN (SELECT claim_id FROM claim_places WHERE entity_id IN (");
        push_list(q, place);
        q.push("))");
    }
    push_claim_filters(q, filter);
    match cursor {
        Some(Position::After(after)) => {
            q.push(format!(" AND {id_col} > ")).push_bind(after);
        }
        Some(Position::Dated {
            key,
            id,
            newest_first,
        }) => {
            let beyond = if newest_first { " < " } else { " > " };
            q.push(" AND (")
                .push(DATE_KEY)
                .push(beyond)
                .push_bind(key)
                .push(" OR (")
                .push(DATE_KEY)
                .push(" = ")
                .push_bind(key)
                .push(" AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Ranked { score, id }) if pass == Pass::InFacts => {
            q.push(" AND (fc.article_count - 1 < ")
                .push_bind(score)
                .push(" OR (fc.article_count - 1 = ")
                .push_bind(score)
                .push(" AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Ranked { score, id }) if sort == ClaimSort::Corroboration => {
            q.push(" AND (")
                .push(CORROBORATIONS)
                .push(" < ")
                .push_bind(score)
                .push(" OR (")
                .push(CORROBORATIONS)
                .push(" = ")
                .push_bind(score)
                .push(" AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Ranked { score, id }) => {
            q.push(" AND (h.score > ")
                .push_bind(score)
                .push(" OR (h.score = ")
                .push_bind(score)
                .push(" AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Offset(_)) | None => {}
    }
    match (pass, sort) {
        (Pass::InFacts, _) => {
            q.push(" ORDER BY fc.article_count DESC, c.id");
        }
        (Pass::Alone, _) => {
            q.push(" ORDER BY c.id");
        }
        (Pass::All, sort) => push_order(q, sort, text.is_some(), id_col),
    }
    q.push(" LIMIT ").push_bind(limit + 1);
}

/// The entities of `about` and `involving` that are places (their claims are then read
/// from `claim_places` alone).
#[derive(Debug, Clone, Default)]
struct PlaceFilters(Vec<Id>);

impl PlaceFilters {
    fn is_place(&self, id: Id) -> bool {
        self.0.contains(&id)
    }
}

/// ` AND {column} IN (ids…)`, or nothing for no ids.
fn push_in(q: &mut QueryBuilder<Sqlite>, column: &str, ids: &[Id]) {
    if ids.is_empty() {
        return;
    }
    q.push(format!(" AND {column} IN ("));
    push_list(q, ids);
    q.push(")");
}

/// The ids, bound and separated by commas.
fn push_list(q: &mut QueryBuilder<Sqlite>, ids: &[Id]) {
    let mut list = q.separated(", ");
    for &id in ids {
        list.push_bind(id);
    }
}

/// Which claims one statement of a claim list reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Every claim the filter matches, in the list's order.
    All,
    /// Of those, the claims in a fact, by the fact's article count, then claim id.
    InFacts,
    /// Of those, the claims in no fact, by claim id.
    Alone,
}

/// The `ORDER BY` of a claim list read in one statement.
fn push_order(q: &mut QueryBuilder<Sqlite>, sort: ClaimSort, text: bool, id_col: &str) {
    match sort {
        ClaimSort::DateAsc => q.push(" ORDER BY date_key, c.id"),
        ClaimSort::DateDesc => q.push(" ORDER BY date_key DESC, c.id"),
        ClaimSort::Relevance if text => q.push(" ORDER BY h.score, c.id"),
        ClaimSort::Corroboration => q.push(" ORDER BY corroborations DESC, c.id"),
        // relevance without a query has nothing to rank by: stored order
        ClaimSort::Stored | ClaimSort::Relevance => q.push(format!(" ORDER BY {id_col}")),
    };
}

/// The entity filter whose claims drive a claim list (see `push_claims_query`).
#[derive(Debug, Clone, Copy)]
enum DrivingSet {
    /// Claims about a person or organisation.
    About(Id),
    /// Claims involving an entity (whether it is a place).
    Involving(Id, bool),
}

/// The ids of the claims about an entity (see [`push_about`]), read by index: its
/// `claim_places` rows, and unless it is a place, the claims of the articles it is
/// mentioned in whose span holds the mention.
fn push_about_set(q: &mut QueryBuilder<Sqlite>, id: Id, is_place: bool) {
    q.push("SELECT claim_id FROM claim_places WHERE entity_id = ")
        .push_bind(id);
    if !is_place {
        q.push(
            " UNION SELECT x.id FROM mentions m JOIN claims x ON x.article_id = m.article_id \
             AND x.start <= m.start AND x.\"end\" >= m.\"end\" WHERE m.entity_id = ",
        )
        .push_bind(id);
    }
}

/// Claims about an entity: a place the claim is about, or a mention of the entity that
/// stands inside the claim's words. Mentions of a place never count (its claims are in
/// `claim_places`), so for a place the per-claim mention check is left out: it would run
/// for every claim scanned and cost a busy place's first page ~30 times as much.
fn push_about(q: &mut QueryBuilder<Sqlite>, id: Id, is_place: bool) {
    q.push("c.id IN (SELECT claim_id FROM claim_places WHERE entity_id = ")
        .push_bind(id);
    if is_place {
        q.push(")");
        return;
    }
    q.push(") OR EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id")
        .push(" WHERE m.entity_id = ")
        .push_bind(id)
        .push(" AND e.kind <> 'place' AND m.article_id = c.article_id")
        .push(" AND m.start >= c.start AND m.\"end\" <= c.\"end\")");
}

/// The filters of [`ClaimFilter`] on outlet, publication date and numbers.
fn push_claim_filters(q: &mut QueryBuilder<Sqlite>, filter: &ClaimFilter) {
    if !filter.outlet.is_empty() {
        q.push(" AND a.source_id IN (SELECT id FROM sources WHERE entity_id IN (");
        push_list(q, &filter.outlet);
        q.push("))");
    }
    if let Some(after) = &filter.published_after {
        q.push(" AND julianday(upper(a.published_at)) >= julianday(")
            .push_bind(after.to_ascii_uppercase())
            .push(")");
    }
    if let Some(before) = &filter.published_before {
        q.push(" AND julianday(upper(a.published_at)) < julianday(")
            .push_bind(before.to_ascii_uppercase())
            .push(")");
    }
    match filter.has_number {
        Some(true) => {
            q.push(" AND EXISTS (SELECT 1 FROM claim_numbers n WHERE n.claim_id = c.id)");
        }
        Some(false) => {
            q.push(" AND NOT EXISTS (SELECT 1 FROM claim_numbers n WHERE n.claim_id = c.id)");
        }
        None => {}
    }
    if let Some(number) = &filter.number {
        push_number_filter(q, number);
    }
}

/// A claim lists at most this many of its figures, the first in text order: more than a
/// real claim gives, while a claim of 100,000 repeated figures costs its page a hundred
/// rows instead of 15 MB of JSON. Number filters still see every figure.
pub const LISTED_NUMBERS: i64 = 100;

/// The first [`LISTED_NUMBERS`] figures of each claim in the JSON array `?1`, as one JSON
/// array of rows: each claim's are read from its own index in id order, up to the cap.
fn claim_numbers_sql() -> String {
    format!(
        "SELECT json_group_array(json_array(n.claim_id, {}, n.unit, n.qualifier, n.text,
                                            n.start, n.\"end\", {}, n.base_unit) ORDER BY n.id)
         FROM json_each(?1) j CROSS JOIN claim_numbers n
         WHERE n.id IN (SELECT x.id FROM claim_numbers x INDEXED BY claim_numbers_claim
                        WHERE x.claim_id = j.value ORDER BY x.id LIMIT {LISTED_NUMBERS})",
        real_text("n.value"),
        real_text("n.base_value"),
    )
}

/// Index of each claim's figures by unit and value as written (`person`, `usd`).
const NUMBERS_BY_UNIT: &str = "claim_numbers_claim_unit";
/// Index of each claim's figures by base unit and normalised value (`km2`, `hour`).
const NUMBERS_BY_BASE: &str = "claim_numbers_claim_base";

/// The claim gives a figure in the filter's unit (its dimension, for a unit with a base)
/// within its range. The claim's own figures are read by an index that starts with the
/// claim: one seek per claim checked, never the unit's figures across the store nor all of
/// a claim's figures (see migration `…0017`).
fn push_number_filter(q: &mut QueryBuilder<Sqlite>, number: &NumberFilter) {
    // a unit with a base compares on the base value, so `mi2` finds figures in km2
    let (index, unit_col, value_col, unit, factor) = match Measure::of(1.0, &number.unit) {
        Some(base) => (
            NUMBERS_BY_BASE,
            "n.base_unit",
            "n.base_value",
            base.unit.to_string(),
            base.value,
        ),
        None => (
            NUMBERS_BY_UNIT,
            "n.unit",
            "n.value",
            number.unit.clone(),
            1.0,
        ),
    };
    q.push(format!(
        " AND EXISTS (SELECT 1 FROM claim_numbers n INDEXED BY {index} \
         WHERE n.claim_id = c.id AND {unit_col} = "
    ))
    .push_bind(unit);
    if let Some(min) = number.min {
        q.push(format!(" AND {value_col} >= "))
            .push_bind(min * factor);
    }
    if let Some(max) = number.max {
        q.push(format!(" AND {value_col} <= "))
            .push_bind(max * factor);
    }
    q.push(")");
}

pub(crate) fn article_row(r: &SqliteRow, with_text: bool) -> ArticleRecord {
    ArticleRecord {
        id: r.get("id"),
        title: r.get("title"),
        source: r.get("source"),
        url: r.get("url"),
        published_at: r.get("published_at"),
        created_at: r.get("created_at"),
        content_hash: r.get("content_hash"),
        claim_count: r.get("claim_count"),
        mention_count: r.get("mention_count"),
        text: if with_text { r.get("text") } else { None },
    }
}

/// Cuts a fetched `limit + 1` rows down to `limit` and says where the next page starts.
pub(crate) fn keyset_page<T>(
    mut items: Vec<T>,
    limit: i64,
    listing: Listing,
    id: impl Fn(&T) -> Id,
) -> Page<T> {
    let next = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items
            .last()
            .map(|last| Cursor::new(listing, Position::After(id(last))))
    } else {
        None
    };
    Page { items, next }
}

/// SQL rendering REAL column `col` as text that parses back to the same `f64`: SQLite's
/// JSON keeps only 15 significant digits, 17 round-trip.
fn real_text(col: &str) -> String {
    format!("CASE WHEN {col} IS NULL THEN NULL ELSE printf('%!.17g', {col}) END")
}

/// A number [`real_text`] rendered.
fn real_of(text: &str) -> Result<f64, StoreError> {
    text.parse::<f64>()
        .map_err(|e| StoreError::Database(sqlx::Error::Decode(Box::new(e))))
}

/// A nullable number [`real_text`] rendered.
fn real(text: Option<&str>) -> Result<Option<f64>, StoreError> {
    text.map(real_of).transpose()
}

/// Rows SQLite built as JSON, read back; a shape that does not fit is a decoding fault.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Database(sqlx::Error::Decode(Box::new(e))))
}

/// A JSON array (of ids, strings or rows of them), bound as one parameter and unpacked
/// with `json_each`: one statement instead of one per item.
pub(crate) fn json_array<T: serde::Serialize + ?Sized>(items: &T) -> String {
    // ids, numbers and strings always serialise
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// How many canonical entities the graph holds.
    pub async fn count_entities(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM entities")
            .fetch_one(&self.read)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn store() -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.db"))
            .await
            .expect("open");
        (store, dir)
    }

    /// SQLite's plan of a statement, one step a line.
    async fn plan(store: &Store, mut q: QueryBuilder<'_, Sqlite>) -> String {
        q.build()
            .fetch_all(&store.read)
            .await
            .expect("explain")
            .iter()
            .map(|r| r.get::<String, _>("detail"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A plan whose cost follows the page: no table read in full and nothing sorted after
    /// reading (the database holds no statistics, so plans do not depend on its rows).
    fn assert_paged(plan: &str) {
        for step in plan.lines() {
            let scans_table = step.starts_with("SCAN") && !step.contains("VIRTUAL TABLE");
            assert!(!scans_table, "{step}\n{plan}");
            assert!(!step.contains("TEMP B-TREE"), "{step}\n{plan}");
        }
    }

    async fn claims_plan(store: &Store, filter: &ClaimFilter, cursor: Option<Position>) -> String {
        let mut q = QueryBuilder::new("EXPLAIN QUERY PLAN ");
        push_claims_query(
            &mut q,
            filter,
            ClaimSort::Stored,
            cursor,
            &PlaceFilters(vec![7]),
            50,
            Pass::All,
        );
        plan(store, q).await
    }

    #[tokio::test]
    async fn claims_of_a_place_are_read_from_its_index_a_page_at_a_time() {
        let (store, _dir) = store().await;
        let about = ClaimFilter {
            about: vec![7],
            ..Default::default()
        };
        for cursor in [None, Some(Position::After(1000))] {
            let plan = claims_plan(&store, &about, cursor).await;
            assert_paged(&plan);
            // not a list of all the place's claims built first
            assert!(!plan.contains("LIST SUBQUERY"), "{plan}");
            assert!(
                plan.contains("claim_places_entity (entity_id=?")
                    && plan.contains("claim_id>?") == cursor.is_some(),
                "{plan}"
            );
        }
        let place = ClaimFilter {
            place: vec![7],
            kind: vec![ClaimKind::Direct],
            ..Default::default()
        };
        let plan = claims_plan(&store, &place, None).await;
        assert_paged(&plan);
        assert!(plan.contains("claim_places_entity"), "{plan}");
    }

    #[tokio::test]
    async fn number_filters_seek_each_claims_own_figures() {
        let (store, _dir) = store().await;
        let number = |unit: &str, min, max| NumberFilter {
            unit: unit.into(),
            min,
            max,
        };
        // (filter, the seek each claim checked costs)
        let cases = [
            (
                ClaimFilter {
                    kind: vec![ClaimKind::Direct],
                    number: Some(number("km", None, None)),
                    ..Default::default()
                },
                "claim_numbers_claim_base (claim_id=? AND base_unit=?)",
            ),
            (
                ClaimFilter {
                    has_number: Some(false),
                    number: Some(number("hour", None, None)),
                    ..Default::default()
                },
                "claim_numbers_claim_base (claim_id=? AND base_unit=?)",
            ),
            (
                ClaimFilter {
                    number: Some(number("mi2", Some(10.0), Some(700.0))),
                    ..Default::default()
                },
                "claim_numbers_claim_base (claim_id=? AND base_unit=? AND base_value>? AND base_value<?)",
            ),
            (
                ClaimFilter {
                    number: Some(number("person", Some(100.0), None)),
                    ..Default::default()
                },
                "claim_numbers_claim_unit (claim_id=? AND unit=? AND value>?)",
            ),
        ];
        for (filter, seek) in &cases {
            let plan = claims_plan(&store, filter, None).await;
            // the claims in id order until the page is full, nothing sorted
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
            assert!(plan.contains(seek), "{plan}");
            // never the figures of a unit across the store
            for step in plan.lines().filter(|s| s.contains(" n ")) {
                assert!(step.contains("(claim_id=?"), "{step}\n{plan}");
            }
        }
    }

    #[tokio::test]
    async fn a_claim_lists_its_first_figures_read_by_its_index() {
        let (store, _dir) = store().await;
        let sql = format!("EXPLAIN QUERY PLAN {}", claim_numbers_sql());
        let plan = plan(&store, QueryBuilder::new(sql)).await;
        assert!(
            plan.contains("SEARCH x USING COVERING INDEX claim_numbers_claim (claim_id=?)"),
            "{plan}"
        );
        assert!(
            plan.contains("SEARCH n USING INTEGER PRIMARY KEY"),
            "{plan}"
        );
        // the claim's figures in id order from the index, never all of them sorted
        assert!(
            !plan.contains("SCAN n") && !plan.contains("SCAN x"),
            "{plan}"
        );
        assert!(!plan.contains("TEMP B-TREE FOR ORDER BY"), "{plan}");

        let run = |sql: String| {
            let pool = store.write.clone();
            async move {
                sqlx::query(&sql).execute(&pool).await.expect("insert");
            }
        };
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
    }

    #[tokio::test]
    async fn claims_about_or_involving_an_entity_are_read_from_its_rows() {
        let (store, _dir) = store().await;
        let filters = [
            ClaimFilter {
                about: vec![7],
                ..Default::default()
            },
            ClaimFilter {
                involving: vec![7],
                kind: vec![ClaimKind::Direct],
                ..Default::default()
            },
        ];
        for filter in &filters {
            let mut q = QueryBuilder::new("EXPLAIN QUERY PLAN ");
            push_claims_query(
                &mut q,
                filter,
                ClaimSort::Stored,
                None,
                &PlaceFilters::default(),
                50,
                Pass::All,
            );
            let plan = plan(&store, q).await;
            // no claim is read but those the entity's rows name
            for step in plan.lines() {
                assert!(!step.starts_with("SCAN c"), "{step}\n{plan}");
                assert!(!step.starts_with("SCAN claims"), "{step}\n{plan}");
            }
            assert!(plan.contains("claim_places_entity (entity_id=?"), "{plan}");
        }
    }

    #[tokio::test]
    async fn facts_are_read_from_their_claims_and_links_by_index() {
        let (store, _dir) = store().await;
        for sql in [
            crate::facts::ENTITY_FACTS.to_string(),
            crate::facts::conflicting_sql(),
            crate::facts::claim_conflicts_sql(),
            crate::facts::FACT_SOURCES.to_string(),
        ] {
            let plan = plan(
                &store,
                QueryBuilder::new(format!("EXPLAIN QUERY PLAN {sql}")),
            )
            .await;
            for step in plan.lines() {
                // neither every link, nor every claim, nor every fact
                let whole = ["l", "q", "claim_links", "c", "claims", "facts"]
                    .iter()
                    .any(|t| {
                        step == format!("SCAN {t}") || step.starts_with(&format!("SCAN {t} "))
                    });
                assert!(!whole, "{step}\n{plan}");
                assert!(!step.contains("fact_id>?"), "{step}\n{plan}");
                // an article's row holds its source after its text
                assert!(
                    !(step.contains("SEARCH a ") && step.contains("PRIMARY KEY")),
                    "{step}\n{plan}"
                );
            }
        }
        // the list of all facts reads its page from the rank index, sorting nothing
        let sql = format!("EXPLAIN QUERY PLAN {}", crate::facts::ALL_FACTS);
        let plan = plan(&store, QueryBuilder::new(sql)).await;
        assert!(plan.contains("facts_rank"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }

    #[tokio::test]
    async fn the_corroboration_order_is_read_fact_by_fact() {
        let (store, _dir) = store().await;
        let filter = ClaimFilter {
            kind: vec![ClaimKind::Direct],
            ..Default::default()
        };
        let cursor = Some(Position::Ranked { score: 3.0, id: 10 });
        let by_corroboration = |cursor, pass| {
            let mut q = QueryBuilder::new("EXPLAIN QUERY PLAN ");
            let sort = ClaimSort::Corroboration;
            let places = PlaceFilters::default();
            push_claims_query(&mut q, &filter, sort, cursor, &places, 50, pass);
            q
        };
        for cursor in [None, cursor] {
            let plan = plan(&store, by_corroboration(cursor, Pass::InFacts)).await;
            assert!(plan.contains("facts_corroboration"), "{plan}");
            assert!(plan.contains("claims_fact_article (fact_id=?)"), "{plan}");
            // ties are sorted a fact count at a time, never the whole list
            assert!(!plan.contains("USE TEMP B-TREE FOR ORDER BY"), "{plan}");
        }
        // the claims in no fact, in id order: read in that order, sorted by nothing
        let plan = plan(&store, by_corroboration(None, Pass::Alone)).await;
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }

    #[tokio::test]
    async fn corroborations_read_one_fact_row() {
        let (store, _dir) = store().await;
        let sql =
            format!("EXPLAIN QUERY PLAN SELECT {CORROBORATIONS} FROM claims c WHERE c.id = 1");
        let plan = plan(&store, QueryBuilder::new(sql)).await;
        assert_paged(&plan);
        assert!(
            plan.contains("SEARCH f USING INTEGER PRIMARY KEY"),
            "{plan}"
        );
        assert!(!plan.contains("count(DISTINCT)"), "{plan}");
    }

    /// Each fact's article count against counting its claims' articles.
    async fn counts_agree(store: &Store) -> Vec<i64> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT f.article_count,
                    (SELECT count(DISTINCT article_id) FROM claims WHERE fact_id = f.id)
             FROM facts f ORDER BY f.id",
        )
        .fetch_all(&store.read)
        .await
        .expect("counts");
        for (kept, counted) in &rows {
            assert_eq!(kept, counted, "{rows:?}");
        }
        rows.into_iter().map(|(kept, _)| kept).collect()
    }

    #[tokio::test]
    async fn facts_count_their_articles_as_claims_join_leave_and_go() {
        let (store, _dir) = store().await;
        let run = |sql: &'static str| {
            let pool = store.write.clone();
            async move {
                sqlx::query(sql).execute(&pool).await.expect(sql);
            }
        };
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
        let corroborations: i64 = sqlx::query_scalar(&format!(
            "SELECT {CORROBORATIONS} FROM claims c WHERE c.id = 2"
        ))
        .fetch_one(&store.read)
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
    }

    #[tokio::test]
    async fn reals_read_through_json_keep_every_bit() {
        let (store, _dir) = store().await;
        let values: [f64; 8] = [
            0.1 + 0.2,
            700.0 * 2.589988110336,
            1.0 / 3.0,
            -36.395_800_000_000_01,
            5e-324,
            1.797_693_134_862_315_7e308,
            589_300_000_000.0,
            0.0,
        ];
        for v in values {
            let text: String = sqlx::query_scalar(&format!("SELECT {}", real_text("?1")))
                .bind(v)
                .fetch_one(&store.read)
                .await
                .expect("render");
            assert_eq!(
                real_of(&text).expect("parse").to_bits(),
                v.to_bits(),
                "{text}"
            );
        }
        let none: Option<String> = sqlx::query_scalar(&format!("SELECT {}", real_text("NULL")))
            .fetch_one(&store.read)
            .await
            .expect("render");
        assert_eq!(real(none.as_deref()).expect("null"), None);
    }

    #[tokio::test]
    async fn entity_search_uses_the_trigram_index_and_lists_by_index() {
        let (store, _dir) = store().await;
        let contains = plan(
            &store,
            QueryBuilder::new(format!("EXPLAIN QUERY PLAN {CONTAINS_MATCHES}")),
        )
        .await;
        assert!(contains.contains("SCAN k VIRTUAL TABLE"), "{contains}");
        assert!(
            contains.contains("SEARCH a USING COVERING INDEX aliases_key"),
            "{contains}"
        );
        assert!(!contains.contains("SCAN a") && !contains.contains("SCAN e"));
        let listed = plan(
            &store,
            QueryBuilder::new(format!("EXPLAIN QUERY PLAN {MOST_MENTIONED}")),
        )
        .await;
        assert!(listed.contains("entities_mentioned"), "{listed}");
        assert!(!listed.contains("TEMP B-TREE"), "{listed}");
    }
}
