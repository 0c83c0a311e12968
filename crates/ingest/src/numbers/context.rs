//! Numbers whose unit is not written after them but read from their context: an age set
//! off by commas after a name, and a bare count (or "others") standing for a noun counted
//! just before.

use super::{is_year, number_at, spelled_value, unit_at, YEARS};
use crate::rules;
use crate::text::{flag, Tokens};

/// How many tokens back a bare count looks for what it counts: about two sentences.
const ELLIPSIS_REACH: usize = 60;

/// The smallest bare number read as an elided count; smaller bare numbers ("two were
/// there") are too often pronoun-like or list items to guess their noun.
const ELIDED_LEAST: f64 = 1000.0;

/// "Ana Reyes, 34, said": an age in apposition to a name, one number between commas after
/// a capitalised word and before a lower-case word. A list of names and figures
/// ("Oslo, 12, Bergen, 9") is no age.
pub(super) fn is_age(t: &Tokens, start: usize, j: usize, value: f64) -> bool {
    let whole = value.fract() == 0.0 && (1.0..=rules::OLDEST_AGE).contains(&value);
    whole
        && j == start + 1
        && start >= 2
        && t.is_punct(start - 1, ',')
        && t.is_punct(j, ',')
        && t.is_word(start - 2)
        && t.is_cap(start - 2)
        && !t.has(start - 2, flag::MONTH | flag::WEEKDAY)
        && t.is_word(j + 1)
        && !t.is_cap(j + 1)
}

/// "Nearly two million are in the camps": a bare large number before a verb, a comma or
/// "of them" counts what the nearest count before it counted ("3.5 million people …"), or
/// else the nearest plural noun before it in its own clause ("refugees have fled …, more
/// than three million …"). A number compared with a count, or ending a change "from 17
/// to 10" (`change`), does so whatever its size.
pub(super) fn elided_unit(
    t: &Tokens,
    start: usize,
    j: usize,
    value: f64,
    change: bool,
) -> Option<String> {
    let stands_alone = j >= t.len()
        || t.is_punct(j, ',')
        || t.is_punct(j, '.')
        || t.is_punct(j, ';')
        || (rules::ELIDED_COUNT_NEXT.contains(&t.lo(j))
            && (!t.is(j, "of") || rules::ELIDED_PARTITIVE_PRONOUNS.contains(&t.lo(j + 1))))
        // "rose to a record 117 million last year"
        || (rules::TIME_DEICTICS.contains(&t.lo(j))
            && (rules::TIME_NOUNS.contains(&t.lo(j + 1)) || t.has(j + 1, flag::WEEKDAY)));
    // "by 2030.", "by the end of two thousand ten": a year, even before punctuation
    let year = is_year(t.s(start), value)
        || (value.fract() == 0.0
            && YEARS.contains(&value)
            && start > 0
            && rules::YEAR_PREPOSITIONS.contains(&t.lo(start - 1)));
    // "47 drones, 39 of which were downed": a part of the count just made, whatever its size
    let part_of = t.is(j, "of") && rules::ELIDED_PARTITIVE_PRONOUNS.contains(&t.lo(j + 1));
    let related = compared(t, start) || change || part_of || number_of_before(t, start);
    if year || (!related && (value < ELIDED_LEAST || !stands_alone)) {
        return None;
    }
    let from = start.saturating_sub(ELLIPSIS_REACH);
    earlier_count(t, from, start).or_else(|| plural_in_clause(t, from, start))
}

/// "the number of refugees climbed to 2,000 by Friday": a figure its clause calls "the
/// number of" something counts that, whatever its size and whatever follows it.
fn number_of_before(t: &Tokens, start: usize) -> bool {
    (start.saturating_sub(NUMBER_OF_REACH)..start)
        .rev()
        .take_while(|&i| !t.is_punct(i, ',') && !t.is_punct(i, '.') && !t.is_punct(i, ';'))
        .any(|i| t.is(i, "number") && t.is(i + 1, "of"))
}

/// How far back in its clause a figure looks for "the number of".
const NUMBER_OF_REACH: usize = 12;

/// "Two guards were killed and ten others hurt": "others" counts more of what the count
/// before it counted; with no count before it, it stays "other".
pub(super) fn others_counted(t: &Tokens, start: usize, unit: String) -> String {
    if unit != rules::OTHERS {
        return unit;
    }
    earlier_count(t, start.saturating_sub(ELLIPSIS_REACH), start).unwrap_or(unit)
}

/// "42,000 cases, up from 941": a figure compared with a count before it counts the same,
/// whatever its size.
fn compared(t: &Tokens, start: usize) -> bool {
    start >= 2
        && rules::COMPARISON_LEADS
            .iter()
            .any(|(lead, prep)| t.is(start - 2, lead) && t.is(start - 1, prep))
}

/// The counted noun of the nearest count in tokens `[from, start)`.
fn earlier_count(t: &Tokens, from: usize, start: usize) -> Option<String> {
    (from..start).rev().find_map(|i| {
        let (first, is_digits) = number_at(t, i)?;
        let (_, j) = spelled_value(t, i, start, first, is_digits);
        unit_at(t, j, start)
            .map(|(u, _)| u)
            .filter(|u| rules::is_counted(u))
    })
}

/// The nearest lower-case plural noun before `start` in its own sentence that no figure
/// counts already: "doubled in two weeks to more than 4,000" counts no weeks.
fn plural_in_clause(t: &Tokens, from: usize, start: usize) -> Option<String> {
    let counted = |i: usize| i > 0 && number_at(t, i - 1).is_some();
    (from..start)
        .rev()
        .take_while(|&i| !t.is_punct(i, '.') && !t.is_punct(i, '?') && !t.is_punct(i, '!'))
        .find(|&i| {
            t.is_word(i)
                && !t.is_cap(i)
                && !t.has(i, flag::FUNCTION)
                && rules::looks_plural(t.lo(i))
                && !counted(i)
        })
        .map(|i| rules::singular(t.s(i)))
}
