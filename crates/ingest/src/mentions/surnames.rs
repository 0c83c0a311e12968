//! Lone surnames the article never introduces: news names the best-known people by
//! surname alone ("Lagarde said …"), which local evidence reads as a body speaking, like
//! "Eurostat said". What tells them apart is what the article goes on to write: a body is
//! never "he" or "she".

use claimgraph_gazetteer::{fold, Gazetteer};

use crate::model::EntityKind;
use crate::tagger::sentence_initial;
use crate::text::{flag, Tokens};

use super::evidence::large_place;
use super::registry::{Found, Registry};
use super::words::cue_follows;

/// Sentences after a lone name within which its "he" or "she" must speak.
const PRONOUN_REACH: usize = 2;

/// Of `found`, the lone names read as bodies speaking that the next sentences go on
/// quoting as "he" or "she", with no person named between: they are people's surnames.
pub(super) fn people_by_pronoun(
    t: &Tokens,
    reg: &Registry,
    found: &[Found],
    gaz: Option<&Gazetteer>,
) -> Vec<(String, usize)> {
    found
        .iter()
        .enumerate()
        .filter(|(_, f)| is_lone_speaking_body(t, reg, f, gaz))
        .filter(|&(k, f)| !person_just_before(t, f.a, found.get(..k).unwrap_or(&[])))
        .filter(|&(k, f)| personal_pronoun_speaks(t, f.b, found.get(k + 1..).unwrap_or(&[])))
        .map(|(_, f)| (f.name.clone(), f.a))
        .collect()
}

/// Whether one of `earlier` is a person named within [`PRONOUN_REACH`] sentences before
/// `at`: the "he" or "she" after the lone name may be that person's ("Mayor Ana Ruiz
/// spoke. Velto said …. She said …").
fn person_just_before(t: &Tokens, at: usize, earlier: &[Found]) -> bool {
    let mut from = at;
    let mut sentences = 0;
    while from > 0 && sentences <= PRONOUN_REACH {
        from -= 1;
        if sentence_initial(t, from) {
            sentences += 1;
        }
    }
    earlier
        .iter()
        .any(|f| f.kind == EntityKind::Person && f.b > from)
}

/// One word read as a body, right before a cue verb, that is no acronym, company, place
/// or capital.
fn is_lone_speaking_body(t: &Tokens, reg: &Registry, f: &Found, gaz: Option<&Gazetteer>) -> bool {
    let word = t.s(f.a);
    f.kind == EntityKind::Organization
        && f.b == f.a + 1
        && cue_follows(t, f.b)
        && !t.has(f.a, flag::PRONOUN | flag::FUNCTION | flag::NOT_NAME)
        && word.chars().skip(1).any(char::is_lowercase)
        && !reg
            .companies
            .contains_key(&crate::text::word_hash(t.lo(f.a)))
        && gaz.is_none_or(|g| {
            let key = fold(word);
            large_place(g, &key).is_none() && g.country_named(&key).is_none()
        })
}

/// Whether a sentence opening with "he" or "she" and a cue verb (or a ", she said" aside)
/// follows `from` within [`PRONOUN_REACH`] sentences, before any of `later` names a person.
fn personal_pronoun_speaks(t: &Tokens, from: usize, later: &[Found]) -> bool {
    let next_person = later
        .iter()
        .find(|f| f.kind == EntityKind::Person)
        .map_or(t.len(), |f| f.a);
    let mut sentences = 0;
    for j in from..next_person.min(t.len()) {
        if j > from && sentence_initial(t, j) {
            sentences += 1;
            if sentences > PRONOUN_REACH {
                return false;
            }
        }
        if !(t.is(j, "he") || t.is(j, "she")) {
            continue;
        }
        let opens = sentence_initial(t, j) && (j + 1..j + 4).any(|k| t.has(k, flag::CUE));
        let aside = j > 0 && t.is_punct(j - 1, ',') && cue_follows(t, j + 1);
        if opens || aside {
            return true;
        }
    }
    false
}
