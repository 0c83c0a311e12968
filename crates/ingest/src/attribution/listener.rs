//! Whom it was told to: the listener after "told" ("told the council", "told state
//! television", "told BBC Radio Wales"), which is no part of what was said.

use super::types::Analyzer;
use crate::mentions::{outlet_kind_end, outlet_service_end};
use crate::model::EntityKind;
use crate::rules;
use crate::text::{flag, Kind, Tokens};

impl Analyzer<'_, '_> {
    /// Past the listener after "told" at `c` ("told the Guardian that", "told state
    /// television"), no further than `limit`.
    pub(super) fn past_listener(&self, c: usize, limit: usize) -> usize {
        let t = self.t;
        let mut d = c;
        // "told me the pumps …", "told him that …"
        if d < limit && rules::LISTENER_PRONOUNS.contains(&t.lo(d)) {
            d += 1;
        }
        let common = common_listener_end(t, d, limit);
        while d < limit {
            if let Some(f) = self.reg.overlapping(d, d + 1).first() {
                if f.a == d {
                    // "told the NTB news agency …": the outlet's kind after its name;
                    // "told BBC Radio Wales …": one of its services
                    let service = (f.kind == EntityKind::Outlet)
                        .then(|| outlet_service_end(t, f.b, limit))
                        .flatten();
                    d = outlet_kind_end(t, f.b).or(service).unwrap_or(f.b);
                    break;
                }
            }
            // "told public broadcaster RTBF", "told the dpa news agency": a kind of outlet
            // or a listener word, and a word describing it
            let outlet_kind = |i: usize| rules::OUTLET_KINDS.contains(&t.lo(i));
            let listener_word = |i: usize| {
                t.is_cap(i)
                    || rules::LISTENER_WORDS.contains(&t.lo(i))
                    || outlet_kind(i)
                    || (t.is_word(i)
                        && !t.has(i, flag::FUNCTION)
                        && (outlet_kind(i + 1) || rules::LISTENER_WORDS.contains(&t.lo(i + 1))))
            };
            // An article belongs to the listener only when a listener word follows
            // ("told the BBC"), not to the content ("told reporters the vote …").
            let listener = listener_word(d)
                || d < common
                || (rules::ARTICLES.contains(&t.lo(d)) && d == c && listener_word(d + 1));
            if !listener {
                break;
            }
            d += 1;
        }
        d
    }
}

/// Where a listener of common nouns right after "told" (at `c`) ends: "told investors the
/// merger …", "told the committee it …", "told waiting shareholders that …". A listener
/// is a few open-class words, after an article or not, that a clause follows (an article,
/// a subject pronoun, "that", a preposition, a name or the sentence's end); `c` when there
/// is none, so "told lies about …" keeps what the sentence says.
fn common_listener_end(t: &Tokens, c: usize, limit: usize) -> usize {
    let mut first = if c < limit && rules::ARTICLES.contains(&t.lo(c)) {
        c + 1
    } else {
        c
    };
    // "told the 15-member board": a figure joined to its noun by a hyphen describes it
    let joined = |i: usize| t.is_punct(i, '-') && !t.toks[i].space_before;
    if t.toks.get(first).is_some_and(|x| x.kind == Kind::Num) && joined(first + 1) {
        first += 2;
    }
    let open = |i: usize| {
        t.is_word(i)
            && !t.is_cap(i)
            && !t.has(i, flag::FUNCTION)
            && !rules::WHERE_SAID_PREPOSITIONS.contains(&t.lo(i))
    };
    let words_from = |from: usize| {
        let most = limit.min(from + rules::COMMON_LISTENER_WORDS_MAX);
        (from..most).find(|&i| !open(i)).unwrap_or(most)
    };
    let mut end = words_from(first);
    // "told a group of reporters the …": the listener goes on after "of"
    if end > first && end + 1 < limit && t.is(end, "of") {
        let from = end + 1 + usize::from(rules::ARTICLES.contains(&t.lo(end + 1)));
        let of_end = words_from(from);
        if of_end > from {
            end = of_end;
        }
    }
    // "told the players to rest" is an order, which the caller tells apart from a listener
    let clause_follows = end >= limit
        || !t.is_word(end)
        || t.is_cap(end)
        || [
            rules::ARTICLES,
            rules::CLAUSE_SUBJECT_PRONOUNS,
            rules::CUE_PREPOSITIONS,
            &["that"],
        ]
        .iter()
        .any(|words| words.contains(&t.lo(end)))
            && t.lo(end) != "to";
    if end > first && clause_follows {
        end
    } else {
        c
    }
}
