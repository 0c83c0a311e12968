//! Claims: the records, the filter and order of a claim list, the list itself read a
//! page at a time, one claim, and the places, figures and entities claims are read with.

use std::collections::HashMap;

use postgres::{GenericClient, Row};

use super::claims_query::{push_claims_query, Pass, PlaceFilters};
use super::entities::{entity_kind, entity_summaries, require};
use crate::query_builder::QueryBuilder;
use crate::search::Search;
use crate::StorageError;
use crate::{
    ClaimFilter, ClaimPlace, ClaimRecord, ClaimSort, NumberRecord, Page, SpeakerRecord,
    LISTED_NUMBERS,
};
use crate::{Cursor, Id, Listing, PgError, PgStore, Position};

/// How many other articles report a claim's fact: the fact's article count, kept by
/// triggers, less the claim's own. One row read however large the fact.
pub(super) const CORROBORATIONS: &str =
    "COALESCE((SELECT f.article_count - 1 FROM facts f WHERE f.id = c.fact_id), 0)";

impl PgStore {
    pub async fn list_claims(
        &self,
        filter: &ClaimFilter,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ClaimRecord>, PgError> {
        self.list_claims_sorted(filter, ClaimSort::Stored, limit, cursor)
            .await
    }

    /// One page of the claims matching `filter` in `sort` order. A search query that
    /// cannot be read or exceeds a limit is [`StorageError::InvalidSearch`]; a cursor from
    /// another order is [`StorageError::InvalidCursor`].
    pub async fn list_claims_sorted(
        &self,
        filter: &ClaimFilter,
        sort: ClaimSort,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ClaimRecord>, PgError> {
        let cursor = Cursor::position(cursor, Listing::Claims(sort))?;
        if !cursor_fits(sort, cursor) {
            return Err(StorageError::InvalidCursor.into());
        }
        let mut filter = filter.clone();
        // With a search query, the ids the filter names are checked first (their errors
        // come before the query's), then the query is read and looked up as the tsquery
        // the statement runs; without one, one read does it all.
        let (places, search) = match filter.text.take() {
            Some(q) => {
                let ids = filter.clone();
                let places = self
                    .read_with(move |client| filter_places(client, &ids))
                    .await?;
                (Some(places), Some(self.fts_expression(&q).await?))
            }
            None => (None, None),
        };
        self.read_with(move |client| {
            let places = match places {
                Some(places) => places,
                None => filter_places(client, &filter)?,
            };
            let search = search.as_ref();
            let mut rows = claim_rows(client, &filter, search, sort, cursor, &places, limit)?;
            let next = next_claims_cursor(&mut rows, sort, limit)?;
            let items = hydrate_claims(client, rows)?;
            Ok(Page { items, next })
        })
        .await
    }

    pub async fn get_claim(&self, id: Id) -> Result<ClaimRecord, PgError> {
        self.read_with(move |client| {
            let sql = format!(
                "SELECT c.id, c.article_id, c.kind, c.text, c.start, c.\"end\", c.speaker_id,
                    c.speaker_text, c.via_id, c.cue, c.fact_id, {CORROBORATIONS} AS corroborations
             FROM claims c WHERE c.id = $1"
            );
            let rows = client
                .query(&sql, &[&id])?
                .iter()
                .map(|r| claim_row(r, false))
                .collect::<Result<Vec<_>, _>>()?;
            hydrate_claims(client, rows)?
                .pop()
                .ok_or(StorageError::NotFound { what: "claim", id }.into())
        })
        .await
    }
}

/// The entities of `filter`'s `about` and `involving` that are places, once each id
/// the filter names is found stored.
fn filter_places(
    client: &mut impl GenericClient,
    filter: &ClaimFilter,
) -> Result<PlaceFilters, PgError> {
    // one read per id: whether it exists and, for `about`/`involving`, its kind
    let mut places = PlaceFilters::default();
    for id in &filter.article {
        require(client, "article", *id)?;
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
            let is_place = entity_kind(client, id)?.as_str() == "place";
            if is_place && matches!(field, "about" | "involving") {
                places.0.push(id);
            }
        }
    }
    Ok(places)
}

/// A row of `claims c` as a claim list or [`PgStore::get_claim`] reads it: the claim's
/// columns, `fact_id` and `corroborations`, and for a list the keys of its cursor.
struct ClaimRow {
    id: Id,
    article_id: Id,
    kind: String,
    text: String,
    start: i64,
    end: i64,
    speaker_id: Option<Id>,
    speaker_text: Option<String>,
    via_id: Option<Id>,
    cue: Option<String>,
    fact_id: Option<Id>,
    corroborations: i64,
    /// The full-text score (`NULL` without a search query); lists only.
    score: Option<f64>,
    /// The article's date (`date_key` in `claims_query.rs`); lists only.
    date_key: Option<i64>,
}

/// A claim of a row with the columns of `claims c`, `fact_id` and `corroborations`, and
/// if `listed`, `score` and `date_key`.
fn claim_row(r: &Row, listed: bool) -> Result<ClaimRow, PgError> {
    Ok(ClaimRow {
        id: r.try_get("id")?,
        article_id: r.try_get("article_id")?,
        kind: r.try_get("kind")?,
        text: r.try_get("text")?,
        start: r.try_get("start")?,
        end: r.try_get("end")?,
        speaker_id: r.try_get("speaker_id")?,
        speaker_text: r.try_get("speaker_text")?,
        via_id: r.try_get("via_id")?,
        cue: r.try_get("cue")?,
        fact_id: r.try_get("fact_id")?,
        corroborations: r.try_get("corroborations")?,
        score: if listed { r.try_get("score")? } else { None },
        date_key: if listed { r.try_get("date_key")? } else { None },
    })
}

/// The rows of a built claim list statement.
fn fetch_claims(
    client: &mut impl GenericClient,
    q: &QueryBuilder,
) -> Result<Vec<ClaimRow>, PgError> {
    client
        .query(q.sql(), &q.params())?
        .iter()
        .map(|r| claim_row(r, true))
        .collect()
}

/// One page of the claims (`limit + 1` rows) in `sort` order from `cursor` on.
fn claim_rows(
    client: &mut impl GenericClient,
    filter: &ClaimFilter,
    search: Option<&Search>,
    sort: ClaimSort,
    cursor: Option<Position>,
    places: &PlaceFilters,
    limit: i64,
) -> Result<Vec<ClaimRow>, PgError> {
    let query = |pass: Pass, cursor: Option<Position>, limit: i64| {
        let mut q = QueryBuilder::new("");
        push_claims_query(&mut q, filter, search, sort, cursor, places, limit, pass);
        q
    };
    // Without an entity or a text to narrow it, the corroboration order is read fact by
    // fact, the most reported first, then the claims no other article reports, as the
    // SQLite store reads it (and pages it: the same cursors, the same pages).
    let by_facts = sort == ClaimSort::Corroboration
        && search.is_none()
        && filter.about.is_empty()
        && filter.place.is_empty()
        && filter.involving.is_empty();
    Ok(if by_facts {
        let (score, after) = match cursor {
            Some(Position::Ranked { score, id }) => (score, Some(id)),
            _ => (f64::INFINITY, None),
        };
        let mut rows = Vec::new();
        if score >= 1.0 {
            rows = fetch_claims(client, &query(Pass::InFacts, cursor, limit))?;
        }
        if rows.len() as i64 <= limit {
            let rest = if score >= 1.0 {
                None
            } else {
                after.map(Position::After)
            };
            let more = limit - rows.len() as i64;
            rows.extend(fetch_claims(client, &query(Pass::Alone, rest, more))?);
        }
        rows
    } else {
        fetch_claims(client, &query(Pass::All, cursor, limit))?
    })
}

/// Claim records from rows of `claims c` (its columns, `fact_id` and `corroborations`),
/// with their places, numbers and the entities they name.
fn hydrate_claims(
    client: &mut impl GenericClient,
    rows: Vec<ClaimRow>,
) -> Result<Vec<ClaimRecord>, PgError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let claim_ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let mut places = claim_places(client, &claim_ids)?;
    let mut numbers = claim_numbers(client, &claim_ids)?;
    let mut entity_ids: Vec<Id> = places.values().flatten().map(|(e, _)| *e).collect();
    for r in &rows {
        entity_ids.extend(r.speaker_id);
        entity_ids.extend(r.via_id);
    }
    entity_ids.sort_unstable();
    entity_ids.dedup();
    let entities = entity_summaries(client, &entity_ids)?;

    Ok(rows
        .into_iter()
        .map(|r| {
            let id = r.id;
            let speaker = match (r.speaker_id.and_then(|s| entities.get(&s)), r.speaker_text) {
                (Some(e), _) => Some(SpeakerRecord::Entity(e.clone())),
                (None, Some(words)) => Some(SpeakerRecord::Nominal(words)),
                (None, None) => None,
            };
            ClaimRecord {
                id,
                article_id: r.article_id,
                kind: r.kind,
                text: r.text,
                start: r.start,
                end: r.end,
                speaker,
                via: r.via_id.and_then(|v| entities.get(&v).cloned()),
                cue: r.cue,
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
                fact_id: r.fact_id,
                corroborations: r.corroborations,
            }
        })
        .collect())
}

/// Each claim's places: the entity and the mention that named it.
type Places = HashMap<Id, Vec<(Id, Option<Id>)>>;

/// The places of each claim of `ids` (entity and mention), in the order they were
/// written. `claim_places` has no id column in this schema (SQLite orders by its rowid):
/// the physical row order stands in for it.
fn claim_places(client: &mut impl GenericClient, ids: &[Id]) -> Result<Places, PgError> {
    let mut places = Places::new();
    let rows = client.query(
        "SELECT claim_id, entity_id, mention_id FROM claim_places
         WHERE claim_id = ANY($1) ORDER BY id",
        &[&ids],
    )?;
    for r in rows {
        places
            .entry(r.try_get("claim_id")?)
            .or_default()
            .push((r.try_get("entity_id")?, r.try_get("mention_id")?));
    }
    Ok(places)
}

/// The first [`LISTED_NUMBERS`] figures of each claim in the array `$1`, each claim's
/// read from its own index in id order, up to the cap.
pub(super) fn claim_numbers_sql() -> String {
    format!(
        "SELECT n.claim_id, n.value, n.unit, n.qualifier, n.text, n.start, n.\"end\",
                n.base_value, n.base_unit
         FROM unnest($1::bigint[]) j(claim_id)
         CROSS JOIN LATERAL (SELECT * FROM claim_numbers x WHERE x.claim_id = j.claim_id
                             ORDER BY x.id LIMIT {LISTED_NUMBERS}) n
         ORDER BY n.id"
    )
}

/// The figures of each claim of `ids` ([`claim_numbers_sql`]), by claim.
fn claim_numbers(
    client: &mut impl GenericClient,
    ids: &[Id],
) -> Result<HashMap<Id, Vec<NumberRecord>>, PgError> {
    let mut numbers: HashMap<Id, Vec<NumberRecord>> = HashMap::new();
    for r in client.query(&claim_numbers_sql(), &[&ids])? {
        let base_value: Option<f64> = r.try_get("base_value")?;
        let base_unit: Option<String> = r.try_get("base_unit")?;
        numbers
            .entry(r.try_get("claim_id")?)
            .or_default()
            .push(NumberRecord {
                value: r.try_get("value")?,
                unit: r.try_get("unit")?,
                qualifier: r.try_get("qualifier")?,
                text: r.try_get("text")?,
                start: r.try_get("start")?,
                end: r.try_get("end")?,
                base: base_value.zip(base_unit),
            });
    }
    Ok(numbers)
}

/// Whether a cursor was made by a list in `sort` order.
fn cursor_fits(sort: ClaimSort, cursor: Option<Position>) -> bool {
    match (sort, cursor) {
        (_, None) => true,
        (ClaimSort::Stored, Some(Position::After(_))) => true,
        (ClaimSort::DateAsc, Some(Position::Dated { newest_first, .. })) => !newest_first,
        (ClaimSort::DateDesc, Some(Position::Dated { newest_first, .. })) => newest_first,
        (ClaimSort::Relevance | ClaimSort::Corroboration, Some(Position::Ranked { .. })) => true,
        _ => false,
    }
}

/// Cuts the fetched `limit + 1` rows down to `limit` and says where the next page starts,
/// in `sort` order.
fn next_claims_cursor(
    rows: &mut Vec<ClaimRow>,
    sort: ClaimSort,
    limit: i64,
) -> Result<Option<Cursor>, PgError> {
    if rows.len() as i64 <= limit {
        return Ok(None);
    }
    rows.truncate(limit as usize);
    let Some(last) = rows.last() else {
        return Ok(None);
    };
    let id = last.id;
    let at = match sort {
        ClaimSort::Stored => Position::After(id),
        ClaimSort::DateAsc | ClaimSort::DateDesc => Position::Dated {
            key: last.date_key.ok_or_else(|| {
                PgError::Convert(format!("claim {id}: its article has no date").into())
            })?,
            id,
            newest_first: sort == ClaimSort::DateDesc,
        },
        ClaimSort::Relevance => match last.score {
            Some(score) => Position::Ranked { score, id },
            None => Position::After(id),
        },
        ClaimSort::Corroboration => Position::Ranked {
            score: last.corroborations as f64,
            id,
        },
    };
    Ok(Some(Cursor::new(Listing::Claims(sort), at)))
}
