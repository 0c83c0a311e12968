//! Bodies a description names by a country or as the UN's ("Ukrainian forces", "Kenya's
//! health ministry", "the UN refugee agency"), and whether a body's name holds a noun.

use crate::model::{EntityKind, Mention};
use crate::rules;
use crate::text::{flag, Tokens};

use super::super::syntax::is_body_head;
use super::super::types::Analyzer;
use super::{span_mention, DESCRIPTION_LOOKBACK, DESCRIPTION_MODIFIERS};

/// "Ukrainian forces", "the Chilean army", "Peru's government", "Kenya's health
/// ministry": a country's institution speaks, an organisation named as written (without
/// the article), not an unnamed group.
pub(super) fn national_body(t: &Tokens, a: usize, b: usize) -> Option<Mention> {
    let k = if t.is(a, "the") { a + 1 } else { a };
    if k + 1 >= b || !t.is_cap(k) {
        return None;
    }
    let lo = t.lo(k);
    let country = if t.has(k, flag::DEMONYM) {
        !rules::COMPASS_ADJECTIVES.contains(&lo)
    } else {
        let stem = lo
            .strip_suffix("’s")
            .or_else(|| lo.strip_suffix("'s"))
            .unwrap_or("");
        !stem.is_empty() && rules::is_country(stem)
    };
    let head = t.span_text(k + 1, b).to_lowercase();
    if !country
        || !(rules::NATIONAL_BODIES.contains(&head.as_str()) || is_portfolio_body(t, k + 1, b))
    {
        return None;
    }
    let name = t.span_text(k, b).to_string();
    Some(span_mention(t, k, b, name, EntityKind::Organization))
}

/// The last country's institution with the head word `head` described before token `at`
/// ("Algeria's foreign ministry", "the Chilean army"), within [`DESCRIPTION_LOOKBACK`].
pub(super) fn national_body_before(t: &Tokens, at: usize, head: &str) -> Option<Mention> {
    (at.saturating_sub(DESCRIPTION_LOOKBACK)..at)
        .rev()
        .filter(|&k| t.lo(k) == head && !t.toks[k].cap)
        .find_map(|k| {
            (k.saturating_sub(DESCRIPTION_MODIFIERS)..k)
                .rev()
                .find_map(|a| national_body(t, a, k + 1))
        })
}

/// Whether a body's name holds the head noun of a description of it ("the ministry" and
/// "Peru's health ministry"), in any case.
pub(super) fn name_holds(name: &str, head: &str) -> bool {
    let agency_word = |w: &str| {
        rules::AGENCY_NAME_WORDS
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    };
    name.split(' ')
        .any(|w| w.eq_ignore_ascii_case(head) || (head == "agency" && agency_word(w)))
}

/// "the U.N. refugee agency", "the United Nations children's fund": a United Nations body
/// by the epithet wire copy gives it ([`rules::UN_EPITHETS`]), named by its acronym.
pub(super) fn un_body(t: &Tokens, a: usize, b: usize) -> Option<Mention> {
    let written = t.span_text(a, b).to_lowercase().replace('.', "");
    let body = written.strip_prefix("the ").unwrap_or(&written);
    let epithet = body
        .strip_prefix("united nations ")
        .or_else(|| body.strip_prefix("un "))?;
    let acronym = rules::un_epithet(epithet)?;
    // the epithet without its article is the alias a search finds it by
    let from = a + usize::from(t.is(a, "the"));
    Some(span_mention(
        t,
        from,
        b,
        acronym.to_string(),
        EntityKind::Organization,
    ))
}

/// "health ministry", "central bank": a few lower-case words and a body's head noun, which
/// after a country ("Kenya's health ministry") name one body.
pub(super) fn is_portfolio_body(t: &Tokens, a: usize, b: usize) -> bool {
    (2..=PORTFOLIO_WORDS_MAX + 1).contains(&(b - a))
        && is_body_head(t, b - 1)
        && (a..b).all(|i| t.is_word(i) && !t.toks[i].cap && !t.has(i, flag::FUNCTION))
}

/// Most words naming a portfolio before a body's head noun ("public health ministry").
const PORTFOLIO_WORDS_MAX: usize = 2;

impl Analyzer<'_, '_> {
    /// "Prime Minister Ana Ruiz's office", "Velto's campaign" (`[a, b)`): the office of
    /// a named person or body speaks for them; a described owner's ("the mayor's
    /// office") stays the office.
    pub(in super::super) fn office_owner(
        &self,
        a: usize,
        b: usize,
        prev: Option<&Mention>,
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        let office =
            b > a + 1 && rules::OWNER_OFFICE_NOUNS.contains(&t.lo(b - 1)) && t.is_possessive(b - 2);
        if !office {
            return None;
        }
        self.speaker_of(a, b - 1, prev)
            .filter(|(m, _)| matches!(m.kind, EntityKind::Person | EntityKind::Organization))
    }
}
