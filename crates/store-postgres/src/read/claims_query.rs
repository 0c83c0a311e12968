//! The statement of a claim list: which index drives it, the filters checked per claim,
//! the cursor and the order.

use claimgraph_model::Measure;

use super::claims::CORROBORATIONS;
use crate::query_builder::QueryBuilder;
use crate::search::Search;
use crate::{ClaimFilter, ClaimSort, NumberFilter};
use crate::{Id, Position};

/// The milliseconds since 1970 (UTC) of the date text `expr` (an SQL text expression), as
/// SQLite's `julianday(upper(expr))` reads it, or `NULL` where SQLite finds no date: both
/// backends then date, order and filter articles alike. SQLite's own rules, not
/// PostgreSQL's timestamp input: a date without an offset is UTC whatever the session's
/// time zone, a day past the month's end runs into the next month (as SQLite counts), and
/// text that is no date is `NULL`, never an error that would fail the whole list.
pub(crate) fn epoch_ms(expr: &str) -> String {
    // the groups: sign, year, month, day, hour, minute, second, fraction, offset sign,
    // offset hours, offset minutes
    const DATE: &str = r"^(-?)(\d{4})-(\d{2})-(\d{2})[\sT]*(?:(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:Z|([+-])(\d{2}):(\d{2}))?\s*)?$";
    // SQLite's computeJD: the day number, with January and February counted as months
    // 13 and 14 of the year before
    let year = "(CASE WHEN m[1] = '-' THEN -1 ELSE 1 END * m[2]::int \
                - CASE WHEN m[3]::int <= 2 THEN 1 ELSE 0 END)";
    let month = "(m[3]::int + CASE WHEN m[3]::int <= 2 THEN 12 ELSE 0 END)";
    let day = format!(
        "(36525 * ({year} + 4716) / 100 + 306001 * ({month} + 1) / 10000 + m[4]::int \
         + 2 - {year} / 100 + {year} / 100 / 4)"
    );
    // seconds as SQLite adds them: whole seconds plus the fraction's digits over their scale
    let fraction =
        "coalesce(substr(m[8], 2, 15)::float8 / 10::float8 ^ length(substr(m[8], 2, 15)), 0)";
    let seconds = format!("(coalesce(m[7]::int, 0) + {fraction})");
    let time = format!(
        "coalesce(m[5]::bigint, 0) * 3600000 + coalesce(m[6]::bigint, 0) * 60000 \
         + floor({seconds} * 1000 + 0.5)::bigint"
    );
    let offset = "CASE WHEN m[9] IS NULL THEN 0 \
                  ELSE CASE WHEN m[9] = '-' THEN -1 ELSE 1 END \
                       * (m[10]::bigint * 60 + m[11]::bigint) * 60000 END";
    let valid = "m[3]::int BETWEEN 1 AND 12 AND m[4]::int BETWEEN 1 AND 31 \
                 AND coalesce(m[5]::int, 0) <= 24 AND coalesce(m[6]::int, 0) <= 59 \
                 AND coalesce(m[7]::int, 0) <= 59 AND coalesce(m[10]::int, 0) <= 14 \
                 AND coalesce(m[11]::int, 0) <= 59 \
                 AND CASE WHEN m[1] = '-' THEN -1 ELSE 1 END * m[2]::int >= -4713";
    // 1524.5 days before the day number, then 2440587.5 days to 1970 (in milliseconds)
    format!(
        "(SELECT CASE WHEN m IS NOT NULL AND {valid} THEN \
             {day}::bigint * 86400000 - 131716800000 + {time} - ({offset}) - 210866760000000 \
         END FROM (SELECT regexp_match(upper({expr}), '{DATE}') AS m) d)"
    )
}

/// An article's date as milliseconds since 1970: its publication time, else when it was
/// stored. Integer so that a cursor holds it exactly.
fn date_key() -> String {
    format!(
        "COALESCE({}, {})",
        epoch_ms("a.published_at"),
        epoch_ms("a.created_at")
    )
}

/// The statement listing one page (`limit + 1` rows) of the claims matching `filter`
/// (and `search`, the filter's text looked up). A claim list narrowed to one place
/// (`about` a place, or `place`) is read from that place's `claim_places` index in claim
/// order, so its first page costs the page, not the place's claims; other filters, and
/// filters of several ids, are checked per claim.
#[allow(clippy::too_many_arguments)]
pub(super) fn push_claims_query(
    q: &mut QueryBuilder,
    filter: &ClaimFilter,
    search: Option<&Search>,
    sort: ClaimSort,
    cursor: Option<Position>,
    places: &PlaceFilters,
    limit: i64,
    pass: Pass,
) {
    let plan = plan(filter, places);
    // only the relevance order reads the score
    let scored = sort == ClaimSort::Relevance;
    push_with(q, search, scored, plan.driving_set, places);
    push_select_from(q, search.is_some(), sort, &plan, pass);
    push_where(q, filter, &plan, places, pass);
    push_cursor(q, cursor, sort, pass, plan.id_col);
    push_pass_order(q, pass, sort, search.is_some(), plan.id_col);
    q.push(" LIMIT ").push_bind(limit + 1);
}

/// What drives a claim list's statement, and what is left of the filter to check claim by
/// claim (see [`push_claims_query`]).
struct Plan<'f> {
    /// The place whose `claim_places` index drives the statement.
    driver: Option<Id>,
    /// Without a place, the entity filter whose claims drive it.
    driving_set: Option<DrivingSet>,
    /// The `about` ids checked per claim.
    about: &'f [Id],
    /// The `involving` ids checked per claim.
    involving: &'f [Id],
    /// The `place` ids checked per claim.
    place: &'f [Id],
    /// The claim id column the stored order and its cursor use.
    id_col: &'static str,
}

/// The one id of a filter given exactly one.
fn single(ids: &[Id]) -> Option<Id> {
    match ids {
        [id] => Some(*id),
        _ => None,
    }
}

/// Which index or rows drive the statement of `filter`, and what is left to check.
fn plan<'f>(filter: &'f ClaimFilter, places: &PlaceFilters) -> Plan<'f> {
    // the place whose index drives the statement, and what is left to check per claim
    let (driver, about, place): (Option<Id>, &[Id], &[Id]) =
        match (single(&filter.about), single(&filter.place)) {
            (Some(about), _) if places.is_place(about) => (Some(about), &[], &filter.place),
            (_, Some(place)) => (Some(place), &filter.about, &[]),
            _ => (None, &filter.about, &filter.place),
        };
    // Without a place to drive it, an entity filter drives the statement from the claims
    // it names (read by index, then sorted), rather than checking every claim for it.
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
    Plan {
        driver,
        driving_set,
        about,
        involving,
        place,
        id_col,
    }
}

/// The `WITH` clauses: the full-text hits and the claims of the driving entity.
fn push_with(
    q: &mut QueryBuilder,
    search: Option<&Search>,
    scored: bool,
    driving_set: Option<DrivingSet>,
    places: &PlaceFilters,
) {
    if let Some(search) = search {
        // materialised: every hit is found (and scored) once, whatever the rest of the plan
        q.push("WITH ");
        search.push_hits(q, scored);
        q.push(" ");
    }
    if let Some(set) = driving_set {
        q.push(if search.is_some() { ", " } else { "WITH " });
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
}

/// The columns every claim list reads, and the rows it reads them from. The article's
/// date is read only for a date order (its cursor and order need it): reading it is two
/// regular expressions per row, most of the cost of a page in any other order.
fn push_select_from(q: &mut QueryBuilder, text: bool, sort: ClaimSort, plan: &Plan, pass: Pass) {
    q.push(
        "SELECT c.id, c.article_id, c.kind, c.text, c.start, c.\"end\", c.speaker_id,
                c.speaker_text, c.via_id, c.cue, c.fact_id, ",
    );
    q.push(if text { "h.score" } else { "NULL::float8" });
    q.push(" AS score, ")
        .push(CORROBORATIONS)
        .push(" AS corroborations, ");
    if matches!(sort, ClaimSort::DateAsc | ClaimSort::DateDesc) {
        q.push(date_key());
    } else {
        q.push("NULL::bigint");
    }
    q.push(" AS date_key FROM ");
    if plan.driver.is_some() {
        q.push("claim_places cp JOIN claims c ON c.id = cp.claim_id ");
    } else if pass == Pass::InFacts {
        // the facts, most reported first, drive the claims
        q.push("facts fc JOIN claims c ON c.fact_id = fc.id ");
    } else if plan.driving_set.is_some() {
        q.push("driving d JOIN claims c ON c.id = d.id ");
    } else {
        q.push("claims c ");
    }
    q.push("JOIN articles a ON a.id = c.article_id");
    if text {
        q.push(" JOIN hits h ON h.id = c.id");
    }
}

/// The `WHERE` clause: the driving place, the pass and every filter checked per claim.
fn push_where(
    q: &mut QueryBuilder,
    filter: &ClaimFilter,
    plan: &Plan,
    places: &PlaceFilters,
    pass: Pass,
) {
    q.push(" WHERE 1 = 1");
    if let Some(id) = plan.driver {
        q.push(" AND cp.entity_id = ").push_bind(id);
    }
    if pass == Pass::Alone {
        q.push(" AND c.fact_id IS NULL");
    }
    push_id_filters(q, filter, plan, places);
    push_claim_filters(q, filter);
}

/// The filters of [`ClaimFilter`] on article, speaker, outlet cited, kind and the entities
/// a claim is about or involves, less those that drive the statement.
fn push_id_filters(q: &mut QueryBuilder, filter: &ClaimFilter, plan: &Plan, places: &PlaceFilters) {
    push_in(q, "c.article_id", &filter.article);
    push_in(q, "c.speaker_id", &filter.speaker);
    push_in(q, "c.via_id", &filter.via);
    if !filter.kind.is_empty() {
        let kinds: Vec<String> = filter.kind.iter().map(|k| k.as_str().to_owned()).collect();
        q.push(" AND c.kind = ANY(").push_bind(kinds).push(")");
    }
    if !plan.about.is_empty() {
        q.push(" AND (");
        for (i, &id) in plan.about.iter().enumerate() {
            q.push(if i == 0 { "(" } else { " OR (" });
            push_about(q, id, places.is_place(id));
            q.push(")");
        }
        q.push(")");
    }
    if !plan.involving.is_empty() {
        q.push(" AND (1 = 0");
        for &id in plan.involving {
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
    if !plan.place.is_empty() {
        q.push(" AND c.id IN (SELECT claim_id FROM claim_places WHERE entity_id = ANY(");
        push_list(q, plan.place);
        q.push("))");
    }
}

/// Where the page starts: past the cursor's claim in the list's order.
fn push_cursor(
    q: &mut QueryBuilder,
    cursor: Option<Position>,
    sort: ClaimSort,
    pass: Pass,
    id_col: &str,
) {
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
            let date_key = date_key();
            q.push(" AND (")
                .push(&date_key)
                .push(beyond)
                .push_bind(key)
                .push(" OR (")
                .push(&date_key)
                .push(" = ")
                .push_bind(key)
                .push(" AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Ranked { score, id }) if pass == Pass::InFacts => {
            q.push(" AND (fc.article_count - 1 < ")
                .push_bind(score)
                .push("::float8 OR (fc.article_count - 1 = ")
                .push_bind(score)
                .push("::float8 AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Ranked { score, id }) if sort == ClaimSort::Corroboration => {
            q.push(" AND (")
                .push(CORROBORATIONS)
                .push(" < ")
                .push_bind(score)
                .push("::float8 OR (")
                .push(CORROBORATIONS)
                .push(" = ")
                .push_bind(score)
                .push("::float8 AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Ranked { score, id }) => {
            q.push(" AND (h.score > ")
                .push_bind(score)
                .push("::float8 OR (h.score = ")
                .push_bind(score)
                .push("::float8 AND c.id > ")
                .push_bind(id)
                .push("))");
        }
        Some(Position::Offset(_)) | None => {}
    }
}

/// The `ORDER BY` of one pass of a claim list.
fn push_pass_order(q: &mut QueryBuilder, pass: Pass, sort: ClaimSort, text: bool, id_col: &str) {
    match (pass, sort) {
        (Pass::InFacts, _) => {
            q.push(" ORDER BY fc.article_count DESC, c.id");
        }
        (Pass::Alone, _) => {
            q.push(" ORDER BY c.id");
        }
        (Pass::All, sort) => push_order(q, sort, text, id_col),
    }
}

/// The entities of `about` and `involving` that are places (their claims are then read
/// from `claim_places` alone).
#[derive(Debug, Clone, Default)]
pub(super) struct PlaceFilters(pub(super) Vec<Id>);

impl PlaceFilters {
    fn is_place(&self, id: Id) -> bool {
        self.0.contains(&id)
    }
}

/// ` AND {column} = ANY(ids)`, or nothing for no ids.
fn push_in(q: &mut QueryBuilder, column: &str, ids: &[Id]) {
    if ids.is_empty() {
        return;
    }
    q.push(format!(" AND {column} = ANY("));
    push_list(q, ids);
    q.push(")");
}

/// The ids, bound as one array.
fn push_list(q: &mut QueryBuilder, ids: &[Id]) {
    q.push_bind(ids.to_vec());
}

/// Which claims one statement of a claim list reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pass {
    /// Every claim the filter matches, in the list's order.
    All,
    /// Of those, the claims in a fact, by the fact's article count, then claim id.
    InFacts,
    /// Of those, the claims in no fact, by claim id.
    Alone,
}

/// The `ORDER BY` of a claim list read in one statement.
fn push_order(q: &mut QueryBuilder, sort: ClaimSort, text: bool, id_col: &str) {
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
fn push_about_set(q: &mut QueryBuilder, id: Id, is_place: bool) {
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
/// for every claim scanned.
fn push_about(q: &mut QueryBuilder, id: Id, is_place: bool) {
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
fn push_claim_filters(q: &mut QueryBuilder, filter: &ClaimFilter) {
    if !filter.outlet.is_empty() {
        q.push(" AND a.source_id IN (SELECT id FROM sources WHERE entity_id = ANY(");
        push_list(q, &filter.outlet);
        q.push("))");
    }
    if let Some(after) = &filter.published_after {
        push_date_bound(q, ">=", after);
    }
    if let Some(before) = &filter.published_before {
        push_date_bound(q, "<", before);
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

/// The article's publication time compared (`op`) with `bound`, both read as SQLite's
/// `julianday` reads them: an article without a readable date never matches.
fn push_date_bound(q: &mut QueryBuilder, op: &str, bound: &str) {
    let bound = q.bind(bound.to_ascii_uppercase());
    q.push(format!(
        " AND {} {op} {}",
        epoch_ms("a.published_at"),
        epoch_ms(&format!("{bound}::text"))
    ));
}

/// The claim gives a figure in the filter's unit (its dimension, for a unit with a base)
/// within its range. The claim's own figures are read by an index that starts with the
/// claim (`claim_numbers_claim_unit` or `claim_numbers_claim_base`): one seek per claim
/// checked, never the unit's figures across the store.
fn push_number_filter(q: &mut QueryBuilder, number: &NumberFilter) {
    // a unit with a base compares on the base value, so `mi2` finds figures in km2
    let (unit_col, value_col, unit, factor) = match Measure::of(1.0, &number.unit) {
        Some(base) => (
            "n.base_unit",
            "n.base_value",
            base.unit.to_string(),
            base.value,
        ),
        None => ("n.unit", "n.value", number.unit.clone(), 1.0),
    };
    q.push(format!(
        " AND EXISTS (SELECT 1 FROM claim_numbers n WHERE n.claim_id = c.id AND {unit_col} = "
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
