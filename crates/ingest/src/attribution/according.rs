//! "according to X": the source named after the phrase and where the content it
//! credits lies.

use super::syntax::{
    enclosing_clause, is_auxiliary, is_determiner, is_ed_participle, plural_apostrophe,
};
use super::types::{span_mention, Analyzer, Attr, QuoteMask, Sentence};
use crate::model::{EntityKind, Mention};
use crate::rules;
use crate::text::{flag, Kind, Tokens};

impl Analyzer<'_, '_> {
    /// "according to X": the source named after the phrase, then the content it credits:
    /// the rest of the sentence when the phrase opens it, the clause the aside interrupts
    /// ("A, according to X, B"), or else the words before it (a trailing attribution).
    /// `None` when nothing after the phrase names a source.
    pub(super) fn according_to(
        &self,
        s: &Sentence,
        mask: &QuoteMask,
        mut at: Attr,
        prev_sp: Option<&Mention>,
    ) -> Option<Attr> {
        let t = self.t;
        let (cue, cue_end) = (at.cue, at.cue_end);
        let e = source_end(t, s, cue_end);
        if e == cue_end + 1 && rules::MANNER_NOUNS.contains(&t.lo(cue_end)) {
            // "according to plan": how, not who says so
            return None;
        }
        let sp = match self.speaker_of(cue_end, e, prev_sp) {
            Some((sp, _)) => sp,
            None if e > cue_end && e - cue_end <= 8 => {
                let text = t.span_text(cue_end, e).to_string();
                span_mention(t, cue_end, e, text, EntityKind::Nominal)
            }
            None => return None,
        };
        // "according to the statistics agency, INDEC": the name after a description
        let (sp, e) = match self.named_in_apposition(s, &sp, e) {
            Some(named) => named,
            None => (sp, e),
        };
        at.speaker = Some(sp);
        at.finish = e;
        let sentence_start = (s.a..cue).all(|k| !t.is_word(k) || mask.inside(k));
        if sentence_start || (cue > s.a && !t.is_punct(cue - 1, ',')) && cue - s.a <= 1 {
            let mut c = e;
            while c < s.b && t.is_punct(c, ',') {
                c += 1;
            }
            at.content = Some((past_source_aside(t, s, c), s.b));
        } else if let Some(a) = enclosing_clause(t, s, cue, e) {
            // "A, according to X, B": the clause reads on through the aside.
            at.content = Some((a, s.b));
        } else {
            at.trailing = true;
        }
        Some(at)
    }
}

impl Analyzer<'_, '_> {
    /// A source described (`sp`, ending at `e`) and then named in apposition, the name
    /// closing the aside or the sentence ("according to the statistics agency, Statvell,"
    /// or "… Statvell."): the named body or person and where its name ends.
    fn named_in_apposition(
        &self,
        s: &Sentence,
        sp: &Mention,
        e: usize,
    ) -> Option<(Mention, usize)> {
        let t = self.t;
        if sp.kind != EntityKind::Nominal || !t.is_punct(e, ',') || !t.is_cap(e + 1) {
            return None;
        }
        let end = (e + 1..s.b.min(e + 8))
            .find(|&k| !t.is_cap(k))
            .unwrap_or(s.b);
        let closes = end == s.b || t.is_punct(end, ',') || t.is_punct(end, '.');
        if !closes {
            return None;
        }
        let (named, _) = self.speaker_of(e + 1, end, None)?;
        matches!(named.kind, EntityKind::Organization | EntityKind::Person).then_some((named, end))
    }
}

/// Where the source named after "according to" (ending at `cue_end`) ends: at
/// punctuation, a quotation mark, a new phrase or after 16 tokens; "(IUCN)" stays with
/// the name it abbreviates.
pub(super) fn source_end(t: &Tokens, s: &Sentence, cue_end: usize) -> usize {
    // "the farmers' union": a plural's possessive runs on into the noun it owns
    let possessive = |e: usize| plural_apostrophe(t, e) && t.is_word(e + 1) && !t.is_cap(e + 1);
    let mut e = cue_end;
    while e < s.b
        && (possessive(e)
            || (!matches!(
                t.toks[e].kind,
                Kind::Punct(',' | '.' | ';' | ':') | Kind::Quote(_)
            ) && (e == cue_end || t.toks[e].space_before)))
        && !(e > cue_end && (starts_new_phrase(t, e) || dates_the_source(t, e)))
        && e - cue_end < 16
    {
        // "(IUCN)" stays with the name it abbreviates.
        if t.is_punct(e, '(') {
            if let Some(close) = (e + 1..(e + 6).min(s.b)).find(|&k| t.is_punct(k, ')')) {
                e = close + 1;
                continue;
            }
        }
        e += 1;
    }
    e
}

/// Past an aside describing the source right after "According to X," (at `c`): "an
/// engineer at the board,", "released on Friday,", "which the council paid for,". The
/// content is the clause after it. An aside opens with a relative pronoun, or with an
/// indefinite article or a past participle and holds no auxiliary ("a ferry was lost,"
/// is the clause); it is short, and a clause, not a conjunction, follows its comma.
fn past_source_aside(t: &Tokens, s: &Sentence, c: usize) -> usize {
    let Some(comma) = (c..s.b.min(c + ASIDE_MAX)).find(|&k| t.is_punct(k, ',')) else {
        return c;
    };
    let next = (comma + 1..s.b).find(|&k| t.is_word(k));
    if next.is_none_or(|k| rules::CLAUSE_BOUNDARY_WORDS.contains(&t.lo(k))) {
        return c;
    }
    let first = t.lo(c);
    let relative = rules::RELATIVE_PRONOUNS.contains(&first);
    let described = rules::INDEFINITE_ARTICLES.contains(&first) || is_ed_participle(t, c);
    let finite = (c..comma).any(|k| is_auxiliary(t, k));
    if relative || (described && !finite) {
        comma + 1
    } else {
        c
    }
}

/// Most tokens of an aside after "According to X,".
const ASIDE_MAX: usize = 14;

/// "a statement released Monday", "data published on Tuesday": a participle after the
/// source's noun that tells when or where it appeared, not who made it (an author
/// follows "by", and "the armed forces" has no noun before its participle).
fn dates_the_source(t: &Tokens, e: usize) -> bool {
    let after_noun = t.is_word(e - 1) && !is_determiner(t, e - 1) && !t.has(e - 1, flag::FUNCTION);
    let when = t.has(e + 1, flag::WEEKDAY | flag::MONTH)
        || rules::TIME_DEICTICS.contains(&t.lo(e + 1))
        || rules::CUE_PREPOSITIONS.contains(&t.lo(e + 1));
    is_ed_participle(t, e) && after_noun && when
}

/// A determiner right after a noun opens a new phrase ("according to police the fire …").
fn starts_new_phrase(t: &Tokens, e: usize) -> bool {
    is_determiner(t, e) && e > 0 && !is_determiner(t, e - 1) && !t.has(e - 1, flag::FUNCTION)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;

    #[test]
    fn an_according_to_aside_leaves_its_clause_whole() {
        check(&[
            (
                "Most ferries kept running, but the oldest one, according to the harbour board, \
                 sank at its mooring.",
                &[(
                    "the harbour board",
                    "the oldest one, according to the harbour board, sank at its mooring",
                )],
            ),
            // at the end, or before an apposition or a relative clause: the words before it
            (
                "The oldest ferry sank at its mooring, according to Ilse Varga, head of the board.",
                &[("Ilse Varga", "The oldest ferry sank at its mooring")],
            ),
            (
                "The oldest ferry sank, according to the harbour board, which blamed the ice.",
                &[("the harbour board", "The oldest ferry sank")],
            ),
            // a participle describing the source: "known as", or after a whole clause
            (
                "The ferry was moored in Vell, according to the harbour authority, known as \
                 HAV.",
                &[("the harbour authority", "The ferry was moored in Vell")],
            ),
            (
                "The pier was shut, according to the trust, run by volunteers.",
                &[("the trust", "The pier was shut")],
            ),
            // a participle that is the clause's own verb
            (
                "Two old piers, according to the trust, collapsed overnight.",
                &[(
                    "the trust",
                    "Two old piers, according to the trust, collapsed overnight",
                )],
            ),
        ]);
    }

    #[test]
    fn according_to_an_owned_document_is_according_to_its_owner() {
        check(&[
            (
                "The Harbour Agency tested the water. According to its report, the lake \
                 is safe.",
                &[("Harbour Agency", "the lake is safe")],
            ),
            (
                "Lea Holm tested the water. According to her findings, the lake is safe.",
                &[("Lea Holm", "the lake is safe")],
            ),
            // with no owner named before, the document itself
            (
                "According to their report, the lake is safe.",
                &[("report", "the lake is safe")],
            ),
            // a person's office or campaign speaks for that person
            (
                "Mayor Lea Holm tested the water. Her office said the lake is safe.",
                &[("Lea Holm", "the lake is safe")],
            ),
            (
                "Mayor Lea Holm tested the water, according to a statement from her office.",
                &[("Lea Holm", "Mayor Lea Holm tested the water")],
            ),
        ]);
    }

    #[test]
    fn an_aside_describing_the_source_is_not_what_it_says() {
        check(&[
            (
                "According to the survey, released on Friday, two bridges in Vell were unsafe.",
                &[("the survey", "two bridges in Vell were unsafe")],
            ),
            (
                "According to Ilse Varga, an engineer at the harbour board, two bridges were \
                 unsafe.",
                &[("Ilse Varga", "two bridges were unsafe")],
            ),
            (
                "According to the survey, which the council paid for, two bridges were unsafe.",
                &[("the survey", "two bridges were unsafe")],
            ),
            // a clause of its own before the comma, or a conjunction after it: all content
            (
                "According to the board, a ferry was lost, the third this winter.",
                &[("the board", "a ferry was lost, the third this winter")],
            ),
            (
                "According to the board, a ferry sank at its mooring, and two were damaged.",
                &[(
                    "the board",
                    "a ferry sank at its mooring, and two were damaged",
                )],
            ),
        ]);
    }

    #[test]
    fn when_a_source_appeared_is_not_who_made_it() {
        check(&[
            (
                "Fares rose 4 percent in May, according to a report released Tuesday.",
                &[("a report", "Fares rose 4 percent in May")],
            ),
            (
                "Fares rose 4 percent in May, according to data published on Friday.",
                &[("data", "Fares rose 4 percent in May")],
            ),
            // the author after "by" is the source; a participle after a determiner is
            // part of the name
            (
                "Fares rose 4 percent in May, according to figures compiled by the Harbour \
                 Board.",
                &[("Harbour Board", "Fares rose 4 percent in May")],
            ),
            (
                "Two piers in Vell were shut, according to the armed forces.",
                &[("the armed forces", "Two piers in Vell were shut")],
            ),
        ]);
    }

    #[test]
    fn according_to_plan_names_no_source() {
        check(&[
            ("The new ferry is running according to plan.", &[]),
            ("According to tradition, the first boat sails at dawn.", &[]),
            // with a determiner or a plural it is a source again
            (
                "The ferry sails at dawn, according to the plan.",
                &[("the plan", "The ferry sails at dawn")],
            ),
            (
                "The ferry sails at dawn, according to officials.",
                &[("officials", "The ferry sails at dawn")],
            ),
        ]);
    }

    #[test]
    fn an_outlet_cited_first_lends_the_quotation_to_its_speaker() {
        check(&[
            (
                "According to Radio Vell, Ana Ruiz said, “The port will close on Monday.”",
                &[("Ana Ruiz", "The port will close on Monday.")],
            ),
            (
                "According to Radio Vell, Ana Ruiz sent a letter to the crews saying, \
                 “We stay ashore until the ice breaks.”",
                &[("Ana Ruiz", "We stay ashore until the ice breaks.")],
            ),
            // a lead-in of its own still opens the reported words
            (
                "According to Radio Vell, the ferry, Ana Ruiz said, will sail on Monday.",
                &[("Ana Ruiz", "the ferry, Ana Ruiz said, will sail on Monday")],
            ),
        ]);
    }

    #[test]
    fn a_source_described_then_named_is_the_name() {
        check(&[
            (
                "Rents rose 4%, according to the housing office, Domvell.",
                &[("Domvell", "Rents rose 4%")],
            ),
            (
                "According to the harbour agency, HVA, two cranes failed in May.",
                &[("HVA", "two cranes failed in May")],
            ),
            // an aside that names nothing, or a list of sources: the description stays
            (
                "Rents rose 4%, according to the office, which counts 300 flats.",
                &[("the office", "Rents rose 4%")],
            ),
            (
                "Rents rose 4%, according to the office, the bank and two brokers.",
                &[("the office", "Rents rose 4%")],
            ),
        ]);
    }

    #[test]
    fn a_document_published_by_someone_is_credited_to_its_author() {
        check(&[
            (
                "Fares rose 4 percent in May, according to figures published by the harbour board.",
                &[("the harbour board", "Fares rose 4 percent in May")],
            ),
            (
                "A survey compiled by the chamber of trade found that 40 shops had closed.",
                &[("the chamber of trade", "40 shops had closed")],
            ),
            (
                "Fares rose 4 percent, according to a study released by Velto Holdings.",
                &[("Velto Holdings", "Fares rose 4 percent")],
            ),
            // a plural's possessive runs on into the noun it owns
            (
                "Fares rose 4 percent, according to a survey by the growers' union.",
                &[("the growers' union", "Fares rose 4 percent")],
            ),
            // a participle without "by" says when or where, not who
            (
                "Fares rose 4 percent, according to data published on Friday.",
                &[("data", "Fares rose 4 percent")],
            ),
        ]);
    }
}
