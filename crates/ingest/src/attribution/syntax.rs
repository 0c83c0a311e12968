//! Small token-level tests the attribution passes share: determiners, auxiliaries, word
//! counts and the clause an aside interrupts.

use super::types::{QuoteMask, Sentence};
use crate::rules;
use crate::text::{flag, Kind, Mark, Tokens};

/// An auxiliary or modal, plain or fused with "not" ("is", "will", "can't").
pub(super) fn is_auxiliary(t: &Tokens, i: usize) -> bool {
    t.has(i, flag::COMMON_VERB) || rules::NEGATED_AUXILIARIES.contains(&t.lo(i))
}

pub(super) fn is_determiner(t: &Tokens, i: usize) -> bool {
    rules::DETERMINERS.contains(&t.lo(i))
}

/// A lower-case word in "-ed" that is no adjective ("angered", "was welcomed"): a verb in
/// the past, which no noun phrase holds. After a determiner or a preposition it opens a
/// noun phrase instead ("among retired fishermen").
pub(super) fn is_past_tense(t: &Tokens, i: usize) -> bool {
    let lo = t.lo(i);
    let after_noun_or_auxiliary = i > 0
        && t.is_word(i - 1)
        && !is_determiner(t, i - 1)
        && (!t.has(i - 1, flag::FUNCTION) || t.has(i - 1, flag::COMMON_VERB));
    !t.toks[i].cap
        && lo.len() > 4
        && lo.ends_with("ed")
        && !t.lex.is_adjective(lo)
        && after_noun_or_auxiliary
}

/// Words and numbers in `[a, b)`.
pub(super) fn words(t: &Tokens, a: usize, b: usize) -> usize {
    (a..b).filter(|&i| t.is_wordlike(i)).count()
}

/// Words and numbers in `[a, b)` outside quotation marks.
pub(super) fn loose_words(t: &Tokens, mask: &QuoteMask, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| t.is_wordlike(i) && !mask.inside(i))
        .count()
}

/// "…, according to the agency, known as AFAD", "The dam was shut, according to the
/// trust, run by volunteers": a participle after the aside describes the source when it
/// is "known as", or when the clause before the aside has its verb already ("Two bridges,
/// according to the board, collapsed" has not).
fn describes_the_source(t: &Tokens, s: &Sentence, cue: usize, next: usize) -> bool {
    let lo = t.lo(next);
    let participle = lo.ends_with("ed") || rules::IRREGULAR_PARTICIPLES.contains(&lo);
    participle && (t.is(next + 1, "as") || (s.a..cue).any(|k| is_auxiliary(t, k)))
}

/// Where the clause starts that an "according to X" aside set off by commas interrupts
/// ("the largest share, according to the agency, went to Chile"): the sentence start or
/// the word after the last ", but" / ", and" / ";" before it. `None` when nothing of the
/// clause's verb follows the aside ("…, according to X." or "…, according to X, who said
/// …", "…, according to X, head of Y").
pub(super) fn enclosing_clause(t: &Tokens, s: &Sentence, cue: usize, end: usize) -> Option<usize> {
    let aside = cue > s.a && t.is_punct(cue - 1, ',') && t.is_punct(end, ',');
    let next = end + 1;
    // The clause's verb comes next ("have come", "went", "will be"), not an apposition
    // ("president of …") or a relative clause about the source ("who said …").
    let other = flag::FUNCTION | flag::ROLE | flag::TITLE | flag::NOMINAL | flag::PRONOUN;
    let verb = is_auxiliary(t, next) || !(t.has(next, other) || t.lo(next).ends_with("ing"));
    let goes_on = next + 1 < s.b && t.is_word(next) && !t.is_cap(next) && verb;
    if !(aside && goes_on) || describes_the_source(t, s, cue, next) {
        return None;
    }
    let start = (s.a + 1..cue - 1)
        .rev()
        .find(|&k| {
            t.is_punct(k, ';')
                || (t.is_punct(k - 1, ',') && rules::CLAUSE_COORDINATORS.contains(&t.lo(k)))
        })
        .map_or(s.a, |k| k + 1);
    Some(start)
}

/// "Her neighbour", "The mayor": a short definite description of a person (a role or a
/// kind of person at its head), which an apposition may describe as it describes a name
/// ("Her neighbour, a retired teacher, said").
pub(super) fn is_described_person(t: &Tokens, a: usize, b: usize) -> bool {
    let last = b.saturating_sub(1);
    b >= a + 2
        && b - a <= 4
        && (t.is(a, "the") || rules::POSSESSIVE_DETERMINERS.contains(&t.lo(a)))
        && !t.is_cap(last)
        && (t.has(last, flag::ROLE) || t.lex.is_person_noun(t.lo(last)))
}

/// "The agency", "the city's water board", "Kenya's central bank", "a regional court": a
/// description of a body, lower-case words (possessives among them) up to a body's head
/// noun (a kind of organisation or a body's head word), opened by an article, a
/// possessive determiner or a name's possessive.
pub(super) fn is_described_body(t: &Tokens, a: usize, b: usize) -> bool {
    let opens = rules::ARTICLES.contains(&t.lo(a))
        || rules::POSSESSIVE_DETERMINERS.contains(&t.lo(a))
        || (t.is_cap(a) && t.is_possessive(a));
    let head = b.saturating_sub(1);
    b >= a + 2
        && opens
        && (a + 1..b).all(|k| t.is_word(k) && !t.is_cap(k) && !t.has(k, flag::FUNCTION))
        && is_body_head(t, head)
}

/// A body's head noun: a kind of organisation ("company", "ministry") or a body's head word
/// ("board", "council").
pub(super) fn is_body_head(t: &Tokens, i: usize) -> bool {
    rules::is_org_descriptor(t.lo(i)) || t.has(i, flag::ORG_HEAD)
}

/// The apostrophe of a plural's possessive ("the growers' lawyer"), glued to the word.
pub(super) fn plural_apostrophe(t: &Tokens, i: usize) -> bool {
    let single = matches!(
        t.toks.get(i).map(|x| x.kind),
        Some(Kind::Quote(Mark::StraightSingle | Mark::RightSingle))
    );
    i > 0 && single && !t.toks[i].space_before && t.lo(i - 1).ends_with('s')
}

/// A lower-case word in "-ed" that is no function word: a past participle ("published",
/// "released") or a past tense.
pub(super) fn is_ed_participle(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && !t.is_cap(i) && t.lo(i).ends_with("ed") && !t.has(i, flag::FUNCTION)
}
