//! Name runs and their words: where a capitalised run ends, which words a person's name
//! may hold, outlet names from the table, and a run's written name.

use crate::rules;
use crate::tagger::sentence_initial;
use crate::text::{flag, Kind, Tokens};

use super::evidence::{given_name_class, is_common_given_name};

/// Longest capitalised run read as one name; longer runs are headings or noise.
pub(super) const MAX_RUN: usize = 12;

pub(super) fn strip_possessive(s: &str) -> &str {
    crate::text::strip_possessive(s).unwrap_or(s)
}

/// "Prime Minister Ana Ruiz’s", "Ana Ruiz’s": the run `[i, j)` up to a possessive names a
/// person: a title opens it, or a common given name opens two or more words.
fn person_before_possessive(t: &Tokens, i: usize, j: usize) -> bool {
    let mut k = i;
    while k < j && t.has(k, flag::TITLE) {
        k += 1;
    }
    let titled = k > i && k < j;
    titled || (j >= k + 2 && is_common_given_name(t.lo(k)))
}

/// "al-Burhan", "el-Sisi", "bin-Salman": a name particle joined by a hyphen to a
/// capitalised surname, one word in lower case that goes on a person's name.
pub(super) fn is_particle_surname(word: &str) -> bool {
    surname_after_particle(word).is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The surname a hyphened particle is joined to ("Burhan" of "al-Burhan", "burhan" of
/// "al-burhan"), if the word opens with such a particle.
pub(super) fn surname_after_particle(word: &str) -> Option<&str> {
    word.split_once('-')
        .filter(|(particle, _)| rules::HYPHENED_NAME_PARTICLES.contains(particle))
        .map(|(_, rest)| rest)
}

/// Most letters of a title's abbreviation ("Gen.", "Capt.", "Prof."): a longer title word
/// before a period is written out.
const TITLE_ABBREVIATION_MAX: usize = 4;

/// Whether the word before the period at `j` is one a name keeps abbreviated: a title's
/// ("Dr.", "Gen."), an initial ("K.") or a name's ("St."); after any other word the period
/// ends a sentence.
pub fn abbreviated_before(t: &Tokens, j: usize) -> bool {
    j > 0
        && ((t.has(j - 1, flag::TITLE) && t.s(j - 1).chars().count() <= TITLE_ABBREVIATION_MAX)
            || t.is_initial(j - 1)
            || rules::NAME_ABBREVIATIONS.contains(&t.lo(j - 1)))
}

/// End of the capitalised run starting at `i` (exclusive), never past `limit`.
pub fn run_end(t: &Tokens, i: usize, limit: usize) -> usize {
    let mut j = i + 1;
    let limit = limit.min(i + MAX_RUN);
    while j < limit {
        // "Mr. Hollis", "Dr. Vik": the period of a title abbreviation stays in the run, as
        // does a middle initial's ("Ana K. Ruiz", "J. K. Holt") and a name's ("St. Ives");
        // a title word written out ends a sentence ("… Ministry of Defense. Another …")
        if t.is_punct(j, '.')
            && !t.toks[j].space_before
            && abbreviated_before(t, j)
            && t.is_cap(j + 1)
            && t.toks.get(j + 1).is_some_and(|x| x.space_before)
        {
            j += 1;
            continue;
        }
        if dotted_acronym_before_body(t, j, limit) {
            j += 1;
            continue;
        }
        // "Kanal-5", "TVX-2": the number a hyphen joins to the name is part of it
        let coded = t.toks[j].kind == Kind::Num && !t.toks[j].space_before;
        if coded && t.is_hyphen_closed(j - 1) {
            j += 1;
            continue;
        }
        if t.is_cap(j) && t.toks[j].space_before {
            // "Helen Marsh KC": letters after two name words are the person's role
            if j >= i + 2 && is_post_nominal(t, j) {
                break;
            }
            if t.is_possessive(j - 1) {
                // "Lisbon’s Water Board" stays one run only for organisations, and not
                // after a person's name ("Ana Ruiz’s Harbour Party" is hers, not its name)
                let body = (j..limit.min(j + 4)).any(|k| t.is_cap(k) && t.has(k, flag::ORG_HEAD));
                if !body || person_before_possessive(t, i, j) {
                    break;
                }
            }
            j += 1;
            continue;
        }
        // "Abdel Fattah al-Burhan": a particle joined to the surname goes on the name
        if t.toks[j].space_before && is_particle_surname(t.s(j)) {
            j += 1;
            continue;
        }
        // "Florida Power & Light", "Marks & Spencer": an ampersand between capitalised
        // words joins one name
        if t.is_punct(j, '&') && j + 1 < limit && t.is_cap(j + 1) {
            j += 2;
            continue;
        }
        if purpose_name_goes_on(t, j, limit) {
            j += 2;
            continue;
        }
        let lo = t.lo(j);
        // "Rio Grande do Sul", but not "Why do Farmers", "Americans do Business": a plural
        // of more than three letters before it makes "do" a verb
        let plural_before = t.lo(j - 1).len() > 3 && rules::looks_plural(t.lo(j - 1));
        let verb_do = lo == "do" && (t.has(j - 1, flag::FUNCTION) || plural_before);
        let joins = (rules::is_name_connector(lo) || lo == "and" || on_subject(t, j, limit))
            && !verb_do
            && t.is_word(j)
            && !t.toks[j].cap;
        if joins {
            let mut k = j + 1;
            // "Luis de la Vega", "Ida van der Berg": a second particle
            if t.is(k, "the") || (particle_at(t, j) && particle_at(t, k)) {
                k += 1;
            }
            if k < limit && t.is_cap(k) {
                if lo == "and" {
                    let org_ahead = (k..limit.min(k + 5))
                        .take_while(|&x| t.is_cap(x))
                        .any(|x| t.has(x, flag::ORG_HEAD));
                    // "The Globe and Mail": an outlet of the table spans the "and"
                    let outlet = outlet_match(t, i, k + 1).is_some_and(|(x, y)| x < j && y > k);
                    if !org_ahead && !outlet && !in_body_complement(t, i, j, k) {
                        break;
                    }
                }
                j = k + 1;
                continue;
            }
        }
        break;
    }
    j
}

/// Letters after a person's name ([`rules::POST_NOMINALS`]): "MP", "KC".
pub(super) fn is_post_nominal(t: &Tokens, j: usize) -> bool {
    rules::is_post_nominal(t.s(j))
}

/// "the U.N. Security Council", "the U.S. Food and Drug Administration": the period
/// closing a dotted acronym (at `j`) stays in the run when a body's name follows it,
/// ending in a body's head word within a few words ("in the U.S. The talks …" ends the
/// run).
fn dotted_acronym_before_body(t: &Tokens, j: usize, limit: usize) -> bool {
    t.is_punct(j, '.')
        && !t.toks[j].space_before
        && t.s(j - 1).contains('.')
        && t.toks.get(j + 1).is_some_and(|x| x.space_before)
        && (j + 1..limit.min(j + 7))
            .take_while(|&k| {
                (t.is_cap(k) && !t.has(k, flag::FUNCTION))
                    || (k > j + 1 && rules::BODY_NAME_JOINS.contains(&t.lo(k)))
            })
            .any(|k| t.has(k, flag::ORG_HEAD))
}

/// "Centers for Disease Control and Prevention", "Department of Health and Human
/// Services": an "and" (at `j`, the next name at `k`) inside what a body's head word is
/// "of" or "for" joins its two parts; not before "the" or a given name ("the Ministry of
/// Health and the Red Cross", "the Board of Trade and Ana Ruiz").
fn in_body_complement(t: &Tokens, i: usize, j: usize, k: usize) -> bool {
    names_what_a_body_is(t, i, j) && k == j + 1 && super::evidence::given_name_class(t.lo(k)) == 0
}

/// Whether tokens `(a, b)` hold a body's capitalised head word followed by "of" or "for"
/// ("Department of …", "Centers for …"), or a subject's "on" ("Committee on …"): what
/// comes after is what the body is of or for.
pub(super) fn names_what_a_body_is(t: &Tokens, a: usize, b: usize) -> bool {
    (a + 1..b).any(|x| {
        ((t.is(x, "of") || t.is(x, "for")) && t.is_cap(x - 1) && t.has(x - 1, flag::ORG_HEAD))
            || on_subject(t, x, b)
    })
}

/// "Committee on Foreign Relations": an "on" at `j` after a capitalised head word of
/// [`rules::ON_SUBJECT_HEADS`], before a capitalised word that is no day or month.
fn on_subject(t: &Tokens, j: usize, limit: usize) -> bool {
    t.is(j, "on")
        && j > 0
        && j + 1 < limit
        && t.is_cap(j - 1)
        && rules::ON_SUBJECT_HEADS.contains(&t.lo(j - 1))
        && t.is_cap(j + 1)
        && !t.has(j + 1, flag::WEEKDAY | flag::MONTH)
}

/// "Committee to Protect Harbour Pilots", "Campaign to End Night Trawling": a body named
/// for its purpose goes on past "to" (at `j`) when a body's head word comes before it and
/// at least two capitalised words after it, none a body's head and the first no place,
/// title or given name ("moved from the Agency to Oster Police", "a letter from the Board to Ana
/// Ruiz" name two).
fn purpose_name_goes_on(t: &Tokens, j: usize, limit: usize) -> bool {
    let other_name =
        flag::GEO | flag::REGION | flag::ORG_HEAD | flag::DEMONYM | flag::OUTLET_HEAD | flag::TITLE;
    t.is(j, "to")
        && !t.toks[j].cap
        && t.is_cap(j - 1)
        && t.has(j - 1, flag::ORG_HEAD)
        && j + 2 < limit
        && t.is_cap(j + 1)
        && t.is_cap(j + 2)
        && !t.has(j + 1, other_name)
        && super::evidence::given_name_class(t.lo(j + 1)) == 0
        && !(j + 2..limit)
            .take_while(|&k| t.is_cap(k))
            .any(|k| t.has(k, flag::ORG_HEAD))
}

/// Whether token `i` is a name particle written in lower case ("van", "de", "la").
pub(super) fn particle_at(t: &Tokens, i: usize) -> bool {
    i < t.len() && !t.toks[i].cap && rules::NAME_PARTICLES.contains(&t.lo(i))
}

/// A word of a person's name; "van", "de", "bin" count inside a name ("Jan van Dam").
pub(super) fn is_person_word(t: &Tokens, i: usize) -> bool {
    if particle_at(t, i) {
        // one or two particles between capitalised words ("van Dam", "de la Vega")
        let before = if i > 1 && particle_at(t, i - 1) {
            i - 2
        } else {
            i.wrapping_sub(1)
        };
        let after = if particle_at(t, i + 1) { i + 2 } else { i + 1 };
        return i > 0 && before < i && t.is_cap(before) && t.is_cap(after);
    }
    if i > 0 && is_particle_surname(t.s(i)) {
        return t.is_cap(i - 1);
    }
    // a middle initial and its period ("Ana K. Ruiz"), whatever else the letter spells
    if t.is_punct(i, '.') {
        return i > 0 && !t.toks[i].space_before && t.is_initial(i - 1);
    }
    if t.is_initial(i) && t.is_punct(i + 1, '.') && !t.toks[i + 1].space_before {
        return true;
    }
    // "Karl Winter", "Ana Summer": a word never a name alone is a surname after a given name
    // (the names list asked only for such a word)
    let surname_after_given = i > 0
        && t.has(i, flag::NOT_NAME)
        && t.is_cap(i - 1)
        && !t.has(i, flag::FUNCTION)
        && super::evidence::given_name_class(t.lo(i - 1)) >= 2;
    let never_alone = if surname_after_given {
        0
    } else {
        flag::NOT_NAME
    };
    t.is_cap(i)
        && !t.has(
            i,
            never_alone
                | flag::ORG_HEAD
                | flag::OUTLET_HEAD
                | flag::MONTH
                | flag::WEEKDAY
                | flag::TITLE
                | flag::GEO
                | flag::REGION
                | flag::NOMINAL
                | flag::ROLE,
        )
        && !t.has(i, flag::DEMONYM)
        && t.s(i).chars().skip(1).any(char::is_lowercase)
}

pub(super) fn outlet_match(t: &Tokens, a: usize, b: usize) -> Option<(usize, usize)> {
    // The longest table entry that matches a sub-run; short entries ("AP") by exact case.
    for x in a..b {
        let candidates = t.lex.outlets_starting(strip_possessive(t.lo(x)));
        if candidates.is_empty() {
            continue;
        }
        for y in (x + 1..=b).rev() {
            let s = strip_possessive(t.span_text(x, y));
            let hit = candidates.iter().any(|o| {
                if o.len() <= 3 {
                    *o == s
                } else {
                    o.eq_ignore_ascii_case(s)
                        || (!o.is_ascii() && o.to_lowercase() == s.to_lowercase())
                }
            });
            if hit {
                return Some((x, y));
            }
        }
    }
    None
}

pub(super) fn clean_name(t: &Tokens, a: usize, b: usize) -> String {
    let s = t.span_text(a, b);
    strip_possessive(s).to_string()
}

/// Lower-case content words of `[a, b)` for role matching.
pub fn content_words(t: &Tokens, a: usize, b: usize) -> Vec<String> {
    (a..b)
        .filter(|&i| t.is_word(i) && !t.has(i, flag::FUNCTION) && t.lo(i).chars().count() > 3)
        .map(|i| strip_possessive(t.lo(i)).to_string())
        .collect()
}

/// A cue verb right after `b`, past up to two cue adverbs ("Ruiz later said").
pub(super) fn cue_follows(t: &Tokens, b: usize) -> bool {
    // ("Anna Holt KC said": past the letters after the name)
    let mut k = b + usize::from(b < t.len() && is_post_nominal(t, b));
    while t.has(k, flag::CUE_ADV) && k < b + 3 {
        k += 1;
    }
    t.has(k, flag::CUE | flag::QUOTE_ONLY | flag::PERCEPTION) && !t.is_cap(k)
}

/// "Herder Ana Ruiz says …", "Nurse Jon Bray said …": a kind of person, capitalised only
/// because it opens the sentence, before a given name and a surname, is what the person
/// does, not part of the name ("Guy Bray", whose given name is no name before another, stays).
/// A rarer given name counts only before a lone surname that ends the run ("Striker
/// Paulo Mendes"; "Phoenix Sky Harbor Airport" is no person).
pub(super) fn occupation_before_name(t: &Tokens, a: usize, b: usize) -> bool {
    let given = match given_name_class(t.lo(a + 1)) {
        0 => false,
        class if class >= 3 => true,
        _ => b == a + 3 && is_person_word(t, a + 2),
    };
    b >= a + 3
        && sentence_initial(t, a)
        && t.lex.is_person_noun(t.lo(a))
        && given
        && t.is_cap(a + 2)
}

/// How many words of a name are names, not particles ("Luiz Inacio Lula da Silva" has
/// four): what bounds the length of a person's name.
pub(super) fn name_words(t: &Tokens, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| !rules::NAME_PARTICLES.contains(&t.lo(i)))
        .count()
}

/// A participle opening the sentence ("Speaking on Monday, …", "Wounded in the attack, …"):
/// no part of the name `[a, b)` after it, unless it is a portfolio before a title
/// ("Housing Minister Ana Ruiz"), the first word of a body's name ("Allied Harbour
/// Services Inc") or written in capitals, as a dateline is ("UNITED NATIONS (AP) —").
pub(super) fn opening_participle(t: &Tokens, a: usize, b: usize) -> bool {
    let body = (a + 1..b).any(|k| t.is_cap(k) && t.has(k, flag::ORG_HEAD));
    sentence_initial(t, a)
        && (t.lo(a).ends_with("ing") || t.lo(a).ends_with("ed"))
        && !(t.is_cap(a + 1) && (t.has(a + 1, flag::TITLE) || body))
        && !t.is_acronym(a)
}

/// "the Treasury said": a lone capitalised word after "the" is a body, no person's name,
/// unless the gazetteer writes the place with its article ("The Hague").
pub(super) fn the_body(t: &Tokens, pa: usize, b: usize) -> bool {
    pa > 0 && t.is(pa - 1, "the") && !rules::is_gazetteer_place(t.span_text(pa - 1, b))
}
