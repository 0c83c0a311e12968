//! Claims: the records, the filter and order of a claim list, the list itself read a
//! page at a time, one claim, and the places, figures and entities claims are read with.

use std::collections::HashMap;

use rusqlite::{Connection, Row};

use super::claims_query::{push_claims_query, Pass, PlaceFilters, QueryBuilder};
use super::entities::{entity_kind, entity_summaries, require};
use super::{from_json, json_array, real, real_of, real_text};
use crate::StorageError;
use crate::{
    ClaimFilter, ClaimPlace, ClaimRecord, ClaimSort, NumberRecord, Page, SpeakerRecord,
    LISTED_NUMBERS,
};
use crate::{Cursor, Id, Listing, Position, Store, StoreError};

/// by triggers (migration `…0011`), less the claim's own. One row read however large the
/// fact.
pub(super) const CORROBORATIONS: &str =
    "COALESCE((SELECT f.article_count - 1 FROM facts f WHERE f.id = c.fact_id), 0)";

impl Store {
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
    /// cannot be read or exceeds a limit is [`StorageError::InvalidSearch`]; a cursor from another order is
    /// [`StorageError::InvalidCursor`].
    pub async fn list_claims_sorted(
        &self,
        filter: &ClaimFilter,
        sort: ClaimSort,
        limit: i64,
        cursor: Option<Cursor>,
    ) -> Result<Page<ClaimRecord>, StoreError> {
        let cursor = Cursor::position(cursor, Listing::Claims(sort))?;
        if !cursor_fits(sort, cursor) {
            return Err(StorageError::InvalidCursor.into());
        }
        let mut filter = filter.clone();
        // With a search query, the ids the filter names are checked first (their errors
        // come before the query's), then the query is read and looked up as the FTS5
        // expression the statement runs; without one, one read does it all.
        let places = match filter.text.take() {
            Some(q) => {
                let ids = filter.clone();
                let places = self
                    .read_with(move |conn| filter_places(conn, &ids))
                    .await?;
                filter.text = Some(self.fts_expression(&q).await?);
                Some(places)
            }
            None => None,
        };
        self.read_with(move |conn| {
            let places = match places {
                Some(places) => places,
                None => filter_places(conn, &filter)?,
            };
            let mut rows = claim_rows(conn, &filter, sort, cursor, &places, limit)?;
            let next = next_claims_cursor(&mut rows, sort, limit)?;
            let items = hydrate_claims(conn, rows)?;
            Ok(Page { items, next })
        })
        .await
    }

    pub async fn get_claim(&self, id: Id) -> Result<ClaimRecord, StoreError> {
        self.read_with(move |conn| {
            let sql = format!(
                "SELECT c.id, c.article_id, c.kind, c.text, c.start, c.\"end\", c.speaker_id,
                    c.speaker_text, c.via_id, c.cue, c.fact_id, {CORROBORATIONS} AS corroborations
             FROM claims c WHERE c.id = ?1"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([id], |r| claim_row(r, false))?;
            let rows = rows.collect::<Result<Vec<_>, _>>()?;
            hydrate_claims(conn, rows)?
                .pop()
                .ok_or(StorageError::NotFound { what: "claim", id }.into())
        })
        .await
    }
}

/// The entities of `filter`'s `about` and `involving` that are places, once each id
/// the filter names is found stored.
fn filter_places(conn: &Connection, filter: &ClaimFilter) -> Result<PlaceFilters, StoreError> {
    // one read per id: whether it exists and, for `about`/`involving`, its kind
    let mut places = PlaceFilters::default();
    for id in &filter.article {
        require(conn, "article", *id)?;
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
            let is_place = entity_kind(conn, id)?.as_str() == "place";
            if is_place && matches!(field, "about" | "involving") {
                places.0.push(id);
            }
        }
    }
    Ok(places)
}

/// A row of `claims c` as a claim list or [`Store::get_claim`] reads it: the claim's
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
    /// The article's date (`DATE_KEY` in `claims_query.rs`); lists only.
    date_key: Option<i64>,
}

/// A claim of a row with the columns of `claims c`, `fact_id` and `corroborations`, and
/// if `listed`, `score` and `date_key`.
fn claim_row(r: &Row, listed: bool) -> rusqlite::Result<ClaimRow> {
    Ok(ClaimRow {
        id: r.get("id")?,
        article_id: r.get("article_id")?,
        kind: r.get("kind")?,
        text: r.get("text")?,
        start: r.get("start")?,
        end: r.get("end")?,
        speaker_id: r.get("speaker_id")?,
        speaker_text: r.get("speaker_text")?,
        via_id: r.get("via_id")?,
        cue: r.get("cue")?,
        fact_id: r.get("fact_id")?,
        corroborations: r.get("corroborations")?,
        score: if listed { r.get("score")? } else { None },
        date_key: if listed { r.get("date_key")? } else { None },
    })
}

/// The rows of a built claim list statement.
fn fetch_claims(conn: &Connection, q: &QueryBuilder) -> Result<Vec<ClaimRow>, StoreError> {
    let mut stmt = conn.prepare_cached(q.sql())?;
    let rows = stmt.query_map(q.params(), |r| claim_row(r, true))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// One page of the claims (`limit + 1` rows) in `sort` order from `cursor` on.
fn claim_rows(
    conn: &Connection,
    filter: &ClaimFilter,
    sort: ClaimSort,
    cursor: Option<Position>,
    places: &PlaceFilters,
    limit: i64,
) -> Result<Vec<ClaimRow>, StoreError> {
    let query = |pass: Pass, cursor: Option<Position>, limit: i64| {
        let mut q = QueryBuilder::new("");
        push_claims_query(&mut q, filter, sort, cursor, places, limit, pass);
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
    Ok(if by_facts {
        let (score, after) = match cursor {
            Some(Position::Ranked { score, id }) => (score, Some(id)),
            _ => (f64::INFINITY, None),
        };
        let mut rows = Vec::new();
        if score >= 1.0 {
            rows = fetch_claims(conn, &query(Pass::InFacts, cursor, limit))?;
        }
        if rows.len() as i64 <= limit {
            let rest = if score >= 1.0 {
                None
            } else {
                after.map(Position::After)
            };
            let more = limit - rows.len() as i64;
            rows.extend(fetch_claims(conn, &query(Pass::Alone, rest, more))?);
        }
        rows
    } else {
        fetch_claims(conn, &query(Pass::All, cursor, limit))?
    })
}

/// Claim records from rows of `claims c` (its columns, `fact_id` and `corroborations`),
/// with their places, numbers and the entities they name.
fn hydrate_claims(conn: &Connection, rows: Vec<ClaimRow>) -> Result<Vec<ClaimRecord>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let claim_ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let claim_json = json_array(&claim_ids);

    // one statement, one row
    let sql = format!(
        "SELECT
                (SELECT json_group_array(json_array(claim_id, entity_id, mention_id)
                                         ORDER BY rowid)
                 FROM claim_places WHERE claim_id IN (SELECT value FROM json_each(?1))),
                ({})",
        claim_numbers_sql(),
    );
    let (places_json, numbers_json): (String, String) = conn
        .prepare_cached(&sql)?
        .query_row([&claim_json], |r| Ok((r.get(0)?, r.get(1)?)))?;
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
        entity_ids.extend(r.speaker_id);
        entity_ids.extend(r.via_id);
    }
    entity_ids.sort_unstable();
    entity_ids.dedup();
    let entities = entity_summaries(conn, &entity_ids)?;

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
) -> Result<Option<Cursor>, StoreError> {
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
                StoreError::Convert(format!("claim {id}: its article has no date").into())
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

/// The first [`LISTED_NUMBERS`] figures of each claim in the JSON array `?1`, as one JSON
/// array of rows: each claim's are read from its own index in id order, up to the cap.
pub(super) fn claim_numbers_sql() -> String {
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
