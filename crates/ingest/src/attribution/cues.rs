//! Cue words and the attributions they make: finding "said", "told", phrase and naming
//! cues outside quotations, and reading each cue's speaker.

use super::syntax::is_determiner;
use super::types::{Analyzer, Attr, CueKind, QuoteMask, Sentence};
use crate::model::{EntityKind, Mention};
use crate::rules;
use crate::text::{flag, Kind, Tokens};

impl Analyzer<'_, '_> {
    /// Cue words outside quotations: (first token, past the last token, kind).
    fn find_cues(&self, s: &Sentence, mask: &QuoteMask) -> Vec<(usize, usize, CueKind)> {
        let t = self.t;
        let mut out = Vec::new();
        let mut i = s.a;
        while i < s.b {
            if mask.inside(i) || !t.is_word(i) {
                i += 1;
                continue;
            }
            if t.is(i, "that") && i > s.a && t.is(i - 1, "and") {
                out.push((i, i + 1, CueKind::AndThat));
            } else if t.is(i, "according") && t.is(i + 1, "to") {
                out.push((i, i + 2, CueKind::AccordingTo));
                i += 1;
            } else if t.toks[i].cap {
                // Cue verbs are lower case; "Reports of …" opens a sentence with a noun.
            } else if rules::FINDING_CUES.contains(&t.lo(i)) && t.is(i + 1, "that") {
                // Reports and studies "found that" / "showed that".
                out.push((i, i + 1, CueKind::Plain));
            } else if let Some(colon) = made_statement(t, i, s.b) {
                // "made two announcements: …"
                out.push((i, colon + 1, CueKind::Plain));
                i = colon;
            } else if let Some(saying) = document_saying(t, i, s.b) {
                // "sent a letter to staff saying …": the sender says it.
                out.push((i, saying + 1, CueKind::Plain));
                i = saying;
            } else if let Some(showing) = shows_pictures(t, i, s.b) {
                // "shared photos on social networks showing …": the poster reports it.
                out.push((i, showing + 1, CueKind::Plain));
                i = showing;
            } else if let Some((end, from)) = phrase_cue(t, i) {
                // "made clear that …", "took responsibility for …"
                let kind = if t.lo(i).ends_with("ing") {
                    CueKind::Participle
                } else {
                    CueKind::Plain
                };
                out.push((i, from, kind));
                i = end - 1;
            } else if naming_cue(t, i, s.b) {
                // "called the plan a success": the object and what it was called
                out.push((i, i + 1, CueKind::Plain));
            } else if t.is(i, "called") && rules::CALLED_PARTICLES.contains(&t.lo(i + 1)) {
                out.push((i, i + 2, CueKind::Plain));
                i += 1;
            } else if t.has(i, flag::QUOTE_ONLY) {
                out.push((i, i + 1, CueKind::QuoteOnly));
            } else if t.has(i, flag::BASE_CUE) && t.has(i + 1, flag::CUE) && !t.is_cap(i + 1) {
                // "a Harbour Board report says": the plain form is a noun before the cue
            } else if t.has(i, flag::CUE) && !is_cue_noun(t, i, s.a) {
                out.push((i, i + 1, CueKind::Plain));
            } else if t.has(i, flag::PARTICIPLE) {
                out.push((i, i + 1, CueKind::Participle));
            } else if t.has(i, flag::PERCEPTION) {
                out.push((i, i + 1, CueKind::Perception));
            }
            i += 1;
        }
        out
    }

    /// Every cue of the sentence with its speaker, in text order.
    pub(super) fn collect_attrs(
        &self,
        s: &Sentence,
        mask: &QuoteMask,
        prev: Option<&Mention>,
    ) -> Vec<Attr> {
        let t = self.t;
        let cues = self.find_cues(s, mask);
        let mut attrs: Vec<Attr> = Vec::new();
        for &(cue, cue_end, kind) in &cues {
            let prev_sp = attrs.iter().rev().find_map(|x| x.speaker.as_ref()).or(prev);
            let at = new_attr(t, s, cue, cue_end, kind);
            let made = match kind {
                CueKind::AndThat => and_that(t, s, at, &attrs),
                CueKind::AccordingTo => self.according_to(s, mask, at, prev_sp),
                CueKind::Participle => continued(t, s, at.clone(), &attrs)
                    .or_else(|| self.said_by_main_subject(s, at, prev_sp)),
                _ if attributes_nothing(t, s, cue) => None,
                _ => self.subject_attr(s, at, kind, prev_sp, &attrs),
            };
            attrs.extend(made);
        }
        attrs
    }

    /// "Ana Ruiz visited the dam, saying the repairs would take a year": a speech participle
    /// after a comma, with no attribution before it, is said by the subject that opens the
    /// sentence (a name, a description or a pronoun, right before its verb or apposition).
    fn said_by_main_subject(
        &self,
        s: &Sentence,
        mut at: Attr,
        prev_sp: Option<&Mention>,
    ) -> Option<Attr> {
        let (t, cue) = (self.t, at.cue);
        if cue == s.a
            || !t.is_punct(cue - 1, ',')
            || rules::PARTICIPLES_NEEDING_A_CUE.contains(&t.lo(cue))
        {
            return None;
        }
        // the subject: a pronoun, or a name after at most a few words of role
        // ("Opposition economist Ana Ruiz disputed it, saying …")
        let end = if t.has(s.a, flag::PRONOUN) {
            s.a + 1
        } else {
            self.reg
                .within(s.a, (s.a + SUBJECT_LEAD + 3).min(cue))
                .iter()
                .find(|f| f.kind != EntityKind::Place && f.a <= s.a + SUBJECT_LEAD)
                .filter(|f| (s.a..f.a).all(|i| t.is_word(i)))?
                .b
        };
        let opens_clause =
            end < cue && (t.is_punct(end, ',') || (t.is_word(end) && !t.toks[end].cap));
        if !opens_clause {
            return None;
        }
        let (sp, leans) = self.speaker_of(s.a, end, prev_sp)?;
        at.speaker = Some(sp);
        at.leans = leans;
        at.begin = cue - 1;
        Some(at)
    }

    /// A plain, quote-only or perception cue with the subject before it ("X said") or,
    /// when the cue opens its clause, after it ("…, said X"); `None` if it has neither.
    fn subject_attr(
        &self,
        s: &Sentence,
        mut at: Attr,
        kind: CueKind,
        prev_sp: Option<&Mention>,
        attrs: &[Attr],
    ) -> Option<Attr> {
        let t = self.t;
        let (cue, cue_end) = (at.cue, at.cue_end);
        match self.subject_left(cue, s.a, prev_sp, attrs) {
            Some((begin, sp, leans)) => {
                if kind == CueKind::Perception && !(begin..cue).any(|k| t.has(k, flag::WITNESS)) {
                    return None;
                }
                at.begin = begin;
                at.speaker = Some(sp);
                at.leans = leans;
            }
            None => {
                if kind == CueKind::Perception {
                    return None;
                }
                let mut k = cue;
                while k > s.a && t.has(k - 1, flag::CUE_ADV) {
                    k -= 1;
                }
                let inverted = k == s.a || t.is_punct(k - 1, ',') || t.is_quote(k - 1);
                // "…, told reporters": "told" takes its listener, never an inverted speaker
                if !inverted || rules::INSTRUCTING_CUES.contains(&t.lo(cue)) {
                    return None;
                }
                let (finish, sp, leans) = self.subject_right(cue_end, s.b, prev_sp)?;
                at.finish = finish;
                at.speaker = Some(sp);
                at.leans = leans;
                at.trailing = true;
            }
        }
        Some(at)
    }
}

/// A [`rules::NAMING_CUES`] verb at `i` with its frame: an object that opens with a
/// determiner, a pronoun or a name ("the plan", "it", "Velto"), then the judgement's first
/// word within a few words, no punctuation between. "a town called Lyman", "was described
/// as calm" and "called for calm" have no object there; "will call it a win" is no report.
fn naming_cue(t: &Tokens, i: usize, limit: usize) -> bool {
    let Some(&(_, opens)) = rules::NAMING_CUES.iter().find(|(v, _)| t.is(i, v)) else {
        return false;
    };
    // "will describe", "refused to call": no judgement was given yet
    if i > 0 && rules::BASE_CUE_BLOCKERS.contains(&t.lo(i - 1)) {
        return false;
    }
    let o = i + 1;
    let object = t.is_word(o)
        && (is_determiner(t, o) || t.has(o, flag::PRONOUN) || t.is_cap(o))
        && !opens.contains(&t.lo(o));
    // a quoted judgement ("described it as “grim”") is a direct claim of its own
    let quoted = (o..(o + 10).min(limit)).any(|k| t.is_quote(k));
    object
        && !quoted
        && (o + 1..(o + 7).min(limit))
            .take_while(|&k| t.is_word(k))
            .any(|k| opens.contains(&t.lo(k)))
}

/// A [`rules::PHRASE_CUES`] entry at `i`: where its words end and where the content may
/// start.
fn phrase_cue(t: &Tokens, i: usize) -> Option<(usize, usize)> {
    rules::PHRASE_CUES.iter().find_map(|&(verb, rest, opens)| {
        let fits = t.is(i, verb) && rest.iter().enumerate().all(|(k, w)| t.is(i + 1 + k, w));
        let end = i + 1 + rest.len();
        fits.then_some((end, if opens { i + 1 } else { end }))
    })
}

/// At most this many words of role may stand before the name that opens a sentence and
/// speaks through a participle later in it.
const SUBJECT_LEAD: usize = 3;

/// "such claims were false", "the reports say", "denied reports that", "six states": a
/// cue form in -s after a determiner ([`rules::NOUN_MARKERS`]), a cue verb in the past or
/// a number is a noun.
fn is_cue_noun(t: &Tokens, i: usize, sa: usize) -> bool {
    let marked = |p: usize| {
        rules::NOUN_MARKERS.contains(&t.lo(p))
            || (t.has(p, flag::CUE) && t.lo(p).ends_with("ed"))
            || t.toks[p].kind == Kind::Num
            || t.has(p, flag::NUMWORD)
    };
    (i > sa && t.lo(i).ends_with('s') && marked(i - 1)) || is_noun_form(t, i, sa)
}

/// "its forecast", "its profit forecast, blaming …": a cue whose plain form is a noun
/// ([`rules::NOUN_FORM_CUES`]) right after a determiner, or after a possessive and one
/// lower-case word when no reported clause follows ("the company's economists forecast
/// that …" stays a verb).
fn is_noun_form(t: &Tokens, i: usize, sa: usize) -> bool {
    if !rules::NOUN_FORM_CUES.contains(&t.lo(i)) || i == sa {
        return false;
    }
    if rules::NOUN_MARKERS.contains(&t.lo(i - 1)) {
        return true;
    }
    let reports = t.is(i + 1, "that")
        || matches!(
            t.toks.get(i + 1).map(|x| &x.kind),
            Some(Kind::Quote(_) | Kind::Punct(':'))
        );
    i > sa + 1
        && rules::POSSESSIVE_DETERMINERS.contains(&t.lo(i - 2))
        && t.is_word(i - 1)
        && !t.toks[i - 1].cap
        && !t.has(i - 1, flag::FUNCTION)
        && !reports
}

/// Where the colon stands after "made|issued (two) announcements:" starting at `i`.
fn made_statement(t: &Tokens, i: usize, limit: usize) -> Option<usize> {
    if !rules::MAKING_VERBS.contains(&t.lo(i)) {
        return None;
    }
    let noun = (i + 1..(i + 4).min(limit))
        .take_while(|&k| t.is_word(k))
        .find(|&k| rules::STATEMENT_NOUNS.contains(&t.lo(k)))?;
    (noun + 1 < limit && t.is_punct(noun + 1, ':')).then_some(noun + 1)
}

/// Where the participle cue stands after "sent/issued … a letter/statement …" starting at
/// `i` ("sent a letter to staff saying", "issued a statement on Monday stating").
pub(super) fn document_saying(t: &Tokens, i: usize, limit: usize) -> Option<usize> {
    if !rules::SENDING_VERBS.contains(&t.lo(i)) {
        return None;
    }
    let document = (i + 1..(i + 4).min(limit)).find(|&k| {
        rules::DOCUMENT_NOUNS.contains(&t.lo(k)) || rules::STATEMENT_NOUNS.contains(&t.lo(k))
    })?;
    (document + 1..(document + 7).min(limit))
        .take_while(|&k| t.is_word(k) || t.is_punct(k, ','))
        .find(|&k| t.has(k, flag::PARTICIPLE))
}

/// Where "showing" stands after "shared/posted … photos/video …" starting at `i`.
pub(super) fn shows_pictures(t: &Tokens, i: usize, limit: usize) -> Option<usize> {
    if !rules::SHARE_VERBS.contains(&t.lo(i)) {
        return None;
    }
    let media = (i + 1..(i + 4).min(limit)).find(|&k| rules::MEDIA_NOUNS.contains(&t.lo(k)))?;
    (media + 1..(media + 7).min(limit))
        .take_while(|&k| t.is_word(k))
        .find(|&k| t.is(k, "showing"))
}

/// A fresh attribution for the cue `[cue, cue_end)` of kind `kind`, with no speaker or
/// content yet.
fn new_attr(t: &Tokens, s: &Sentence, cue: usize, cue_end: usize, kind: CueKind) -> Attr {
    Attr {
        cue,
        cue_end,
        begin: cue,
        finish: cue_end,
        speaker: None,
        leans: false,
        content: None,
        trailing: false,
        quote_only: kind == CueKind::QuoteOnly,
        outlet_only: false,
        // the verb alone names the cue ("shared", not "shared photos … showing")
        cue_src: (
            cue,
            if shows_pictures(t, cue, s.b).is_some()
                || made_statement(t, cue, s.b).is_some()
                || document_saying(t, cue, s.b).is_some()
            {
                cue + 1
            } else {
                cue_end
            },
        ),
        no_that_search: false,
    }
}

/// "said that A, and that B": B is a second claim of the same speaker; `None` when no
/// attribution with a speaker came before.
fn and_that(t: &Tokens, s: &Sentence, mut at: Attr, attrs: &[Attr]) -> Option<Attr> {
    let cue = at.cue;
    let last = attrs
        .iter()
        .rev()
        .find(|x| x.speaker.is_some() && !x.outlet_only)?;
    at.speaker.clone_from(&last.speaker);
    at.cue_src = last.cue_src;
    at.leans = true;
    at.begin = if cue > s.a && t.is(cue - 1, "and") {
        cue - 1
    } else {
        cue
    };
    at.no_that_search = true;
    Some(at)
}

/// ", adding that …" continues the attribution before it, with its speaker; `None` when
/// there is none or the participle does not follow a comma, "while" or "and".
fn continued(t: &Tokens, s: &Sentence, mut at: Attr, attrs: &[Attr]) -> Option<Attr> {
    let cue = at.cue;
    let sp = attrs.iter().rev().find_map(|x| x.speaker.clone())?;
    if cue == s.a || !(t.is_punct(cue - 1, ',') || rules::PARTICIPLE_LINKS.contains(&t.lo(cue - 1)))
    {
        return None;
    }
    at.speaker = Some(sp);
    at.leans = true;
    at.begin = cue - 1;
    Some(at)
}

/// Cues whose frame makes them attribute nothing: a plain form after a modal, a negation
/// or "to" ("could not confirm", "refused to say"), a passive ("were told to leave", "is
/// said to be"), a cue followed by "to" and a verb, and "read" with no document before it.
fn attributes_nothing(t: &Tokens, s: &Sentence, cue: usize) -> bool {
    // "could not confirm", "refused to say": a plain form after a modal, a
    // negation or "to" attributes nothing.
    if t.has(cue, flag::BASE_CUE)
        && cue > s.a
        && (rules::BASE_CUE_BLOCKERS.contains(&t.lo(cue - 1))
            || t.lo(cue - 1).ends_with("’s")
            || t.lo(cue - 1).ends_with("'s"))
    {
        return true;
    }
    // "were told to leave", "is said to be", "was being told": passive, not an
    // attribution. A form of "be" before the cue: the copulas, and "being", which that
    // table leaves out.
    let mut p = cue;
    while p > s.a && t.has(p - 1, flag::CUE_ADV) && !t.has(p - 1, flag::COMMON_VERB) {
        p -= 1;
    }
    if p > s.a && (rules::COPULAS.contains(&t.lo(p - 1)) || t.is(p - 1, "being")) {
        return true;
    }
    if denied_cue(t, s, cue) {
        return true;
    }
    if !rules::TOLD_CUES.contains(&t.lo(cue))
        && t.is(cue + 1, "to")
        && t.is_word(cue + 2)
        && !t.is_cap(cue + 2)
        && !t.has(cue + 2, flag::FUNCTION)
        && !listener_then_that(t, cue + 2)
    {
        return true;
    }
    t.is(cue, "read") && !(s.a..cue).any(|k| rules::READING_DOCUMENTS.contains(&t.lo(k)))
}

/// "has not commented on the losses", "had never said so", "hasn't confirmed it": a cue
/// its auxiliaries negate reports that nothing was said, so it credits no one.
fn denied_cue(t: &Tokens, s: &Sentence, cue: usize) -> bool {
    (s.a..cue)
        .rev()
        .take_while(|&k| t.has(k, flag::CUE_ADV) || rules::NEGATED_AUXILIARIES.contains(&t.lo(k)))
        .any(|k| {
            t.is(k, "not") || t.is(k, "never") || rules::NEGATED_AUXILIARIES.contains(&t.lo(k))
        })
}

/// At most this many words name a listener between "to" and "that" ("said to reporters
/// that", "indicated to the port's shippers that").
const LISTENER_WORDS_MAX: usize = 3;

/// "indicated to shippers that the port …": the words after "to" name a listener when a
/// "that" follows them and opens a clause (a function word, a name or a number next);
/// "agreed to sell that ferry" is an infinitive and its object.
fn listener_then_that(t: &Tokens, from: usize) -> bool {
    (from + 1..from + 1 + LISTENER_WORDS_MAX)
        .take_while(|&k| t.is_word(k))
        .find(|&k| t.is(k, "that"))
        .is_some_and(|k| {
            t.has(k + 1, flag::FUNCTION)
                || t.is_cap(k + 1)
                || t.toks.get(k + 1).is_some_and(|x| x.kind == Kind::Num)
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;

    #[test]
    fn a_negated_cue_credits_no_one() {
        check(&[
            // what an outlet reports is that nothing was said
            (
                "The harbour board has not commented on the closure, Radio Vell reported.",
                &[(
                    "Radio Vell",
                    "The harbour board has not commented on the closure",
                )],
            ),
            // the article's own statement that she has not
            (
                "Ana Ruiz hasn't confirmed that the ferry to Oster was late.",
                &[(
                    "",
                    "Ana Ruiz hasn't confirmed that the ferry to Oster was late.",
                )],
            ),
            (
                "Ana Ruiz, who has never said whether she will run, said the ferry was late.",
                &[("Ana Ruiz", "the ferry was late")],
            ),
            // the negation inside what was said, or an adverb alone, denies nothing
            (
                "Ana Ruiz said she had not seen the ferry to Oster.",
                &[("Ana Ruiz", "she had not seen the ferry to Oster")],
            ),
            (
                "Ana Ruiz has repeatedly said the ferry to Oster was late.",
                &[("Ana Ruiz", "the ferry to Oster was late")],
            ),
        ]);
    }

    #[test]
    fn a_cue_whose_plain_form_is_a_noun_reads_as_the_noun_after_a_possessive() {
        check(&[
            // the noun: the operator's forecast, no one reports anything
            (
                "The ferry operator cut its fare forecast on Monday, blaming the storms.",
                &[],
            ),
            (
                "The town cut its growth estimate to 2 percent.",
                &[("", "The town cut its growth estimate to 2 percent.")],
            ),
            // the verb: a reported clause follows, or no possessive stands before
            (
                "The board's economists forecast that fares would rise by 2 percent.",
                &[("The board's economists", "fares would rise by 2 percent")],
            ),
            (
                "Harbour economists forecast that fares would rise by 2 percent.",
                &[("Harbour economists", "fares would rise by 2 percent")],
            ),
        ]);
    }

    #[test]
    fn a_speech_participle_alone_is_said_by_the_sentence_subject() {
        check(&[
            (
                "Mayor Tilde Roos toured the dam on Monday, saying the repairs would take a year.",
                &[("Tilde Roos", "the repairs would take a year")],
            ),
            (
                "Marta Roos said the board would meet. She toured the dam, saying the pumps had failed.",
                &[
                    ("Marta Roos", "the board would meet"),
                    ("Marta Roos", "the pumps had failed"),
                ],
            ),
            (
                "The ferry company sent a letter to passengers saying the route would close.",
                &[("The ferry company", "the route would close")],
            ),
            (
                "Harbour economist Tilde Roos disputed the figure, saying the real cost was \
                 higher.",
                &[("Tilde Roos", "the real cost was higher")],
            ),
            // "telling" its listener what is so
            (
                "Mayor Tilde Roos left the stage on Sunday, telling supporters in Oster that \
                 she would respect the count.",
                &[("Tilde Roos", "she would respect the count")],
            ),
            // an act, not speech; no comma before the participle; no subject that can speak
            ("Mayor Tilde Roos wrote to the crew, telling them to go home early.", &[]),
            ("Tilde Roos worked all night, adding sandbags to the levee.", &[]),
            ("Tilde Roos left without saying goodbye to the crew.", &[]),
            ("Crews worked all night, saying little to anyone.", &[]),
        ]);
    }

    #[test]
    fn an_aside_of_attribution_keeps_the_quotation_in_the_content() {
        check(&[
            (
                "Tilde Roos said the checks, as she put it, “became sloppy” in the boom years.",
                &[(
                    "Tilde Roos",
                    "the checks, as she put it, “became sloppy” in the boom years",
                )],
            ),
            // after a plain comma, the quotation is not inside the reported words: it is
            // her own, a direct claim of its own
            (
                "Tilde Roos said the checks were late, “and nobody cared.”",
                &[
                    ("Tilde Roos", "the checks were late"),
                    ("Tilde Roos", "and nobody cared."),
                ],
            ),
        ]);
    }

    #[test]
    fn a_trailing_attribution_reports_a_clause_built_on_another_cue() {
        check(&[
            (
                "The port authority has warned shippers against night crossings, harbour \
                 officials said.",
                &[(
                    "harbour officials",
                    "The port authority has warned shippers against night crossings",
                )],
            ),
            (
                "The council promised new ferries by May, according to two councillors.",
                &[("two councillors", "The council promised new ferries by May")],
            ),
            // a plain speech verb keeps its own speaker
            (
                "Pilots said the runway was icy, airport officials told the inquiry.",
                &[("Pilots", "the runway was icy")],
            ),
        ]);
    }

    #[test]
    fn a_cue_form_after_a_determiner_is_a_noun() {
        check(&[
            (
                "The port authority said such claims were false and malicious.",
                &[("The port authority", "such claims were false and malicious")],
            ),
            // the object of a cue verb
            (
                "The port authority denied reports that the cranes were unsafe.",
                &[("The port authority", "the cranes were unsafe")],
            ),
            // counted, a cue form is a noun
            (
                "Velto Power & Light said crews from six states were helping to restore service.",
                &[(
                    "Velto Power & Light",
                    "crews from six states were helping to restore service",
                )],
            ),
            // a cue after a noun is still a verb
            (
                "The union claims the cranes are unsafe.",
                &[("The union", "the cranes are unsafe")],
            ),
        ]);
    }

    #[test]
    fn a_report_inside_reported_words_is_no_claim_of_its_own() {
        check(&[(
            "The harbour union said it had warned the port about the cranes for months.",
            &[(
                "The harbour union",
                "it had warned the port about the cranes for months",
            )],
        )]);
    }

    #[test]
    fn two_cues_over_the_same_words_make_one_claim() {
        check(&[(
            "“We still check every ship,” Lise Moe said, adding that some routes could stay \
             closed until Wednesday.",
            &[
                ("Lise Moe", "We still check every ship,"),
                ("Lise Moe", "some routes could stay closed until Wednesday"),
            ],
        )]);
    }

    #[test]
    fn a_request_for_anonymity_is_no_claim() {
        check(&[(
            "Two engineers, who asked not to be named because they were not allowed to \
             speak, said the bridge would hold.",
            &[("Two engineers", "the bridge would hold")],
        )]);
    }

    #[test]
    fn where_it_was_said_is_not_what_was_said() {
        check(&[
            (
                "“We will appeal,” the lawyer Ida Marsh said outside the courthouse.",
                &[("Ida Marsh", "We will appeal,")],
            ),
            (
                "“The dam is safe,” Mayor Ole Brandt said after the inspection.",
                &[("Ole Brandt", "The dam is safe,")],
            ),
            // a clause after the preposition is content
            (
                "Ida Marsh said outside the courthouse that she would appeal.",
                &[("Ida Marsh", "she would appeal")],
            ),
        ]);
    }

    #[test]
    fn whom_it_was_told_to_is_not_what_was_told() {
        check(&[
            // a listener with or without a determiner, and where or when
            (
                "“The count was fair,” Nora Vik told supporters in Dunmore.",
                &[("Nora Vik", "The count was fair,")],
            ),
            (
                "“The count was fair,” Nora Vik told the voters on Sunday.",
                &[("Nora Vik", "The count was fair,")],
            ),
            // what follows the listener is content when it is a clause
            (
                "Nora Vik told supporters in Dunmore that the count was fair.",
                &[("Nora Vik", "the count was fair")],
            ),
            // a pronoun right after "told" is who heard it
            (
                "Nora Vik told me the count was fair.",
                &[("Nora Vik", "the count was fair")],
            ),
            (
                "Nora Vik told them on Sunday that the count was fair.",
                &[("Nora Vik", "the count was fair")],
            ),
            // "her" before a noun is a possessive, and an order is no claim
            ("Nora Vik told her staff to go home early.", &[]),
            // a listener of any noun, without "that" before the clause
            (
                "Nora Vik told investors the merger would close in June.",
                &[("Nora Vik", "the merger would close in June")],
            ),
            (
                "Nora Vik told the committee it had not seen the accounts.",
                &[("Nora Vik", "it had not seen the accounts")],
            ),
            (
                "Nora Vik told waiting shareholders the vote was delayed.",
                &[("Nora Vik", "the vote was delayed")],
            ),
        ]);
    }

    #[test]
    fn a_listener_after_to_is_no_infinitive() {
        check(&[
            (
                "The ferry company indicated to travellers that no boats would sail on Sunday.",
                &[("The ferry company", "no boats would sail on Sunday")],
            ),
            (
                "Captain Ola Brenn explained to the harbour inspectors that the hull was sound.",
                &[("Ola Brenn", "the hull was sound")],
            ),
            // an infinitive, with or without a demonstrative after it
            ("The ferry company agreed to sell that old boat.", &[]),
            ("The ferry company promised to repair the pier.", &[]),
        ]);
    }

    #[test]
    fn calling_something_a_name_reports_a_judgement() {
        check(&[
            (
                "The ombudsman called the new toll a tax on the poor.",
                &[("The ombudsman", "the new toll a tax on the poor")],
            ),
            (
                "Dockworkers describe the overtime rules as unfair.",
                &[("Dockworkers", "the overtime rules as unfair")],
            ),
            // a name given, not a judgement; a passive; a future act
            ("Divers found a dog called Biscuit on the boat.", &[]),
            ("The overtime rules were described as unfair.", &[]),
            ("The ombudsman will call the toll a tax.", &[]),
        ]);
    }

    #[test]
    fn phrase_cues_report_like_cue_verbs() {
        check(&[
            (
                "Mayor Tilde Roos made clear she will not raise the ferry fares.",
                &[("Tilde Roos", "she will not raise the ferry fares")],
            ),
            (
                "The shipyard owner Karl Brenn took responsibility for the fire in the paint shop.",
                &[(
                    "Karl Brenn",
                    "responsibility for the fire in the paint shop",
                )],
            ),
            (
                "The harbour master Karl Brenn pointed out that the quay was too short.",
                &[("Karl Brenn", "the quay was too short")],
            ),
            // "made", "took" and "pointed" alone report nothing
            (
                "Karl Brenn made a model of the old lighthouse for the museum.",
                &[],
            ),
            ("Karl Brenn pointed at the old lighthouse on the hill.", &[]),
        ]);
    }

    #[test]
    fn a_description_stands_for_the_body_named_with_its_head_word() {
        check(&[(
            "The Harbour Agency and the Red Cross sent boats. \
             The agency said its divers had searched the wreck.",
            &[("Harbour Agency", "its divers had searched the wreck")],
        )]);
    }

    #[test]
    fn acts_of_speech_report_their_object() {
        check(&[
            (
                "The ferry operator Nordlink blamed the delays on a broken crane.",
                &[("Nordlink", "the delays on a broken crane")],
            ),
            (
                "Union leaders asked for calm ahead of the vote on Thursday.",
                &[("Union leaders", "calm ahead of the vote on Thursday")],
            ),
            (
                "Senator Ivo Marsh accused the harbour board of hiding its losses.",
                &[("Ivo Marsh", "the harbour board of hiding its losses")],
            ),
            // "the company" after a body named only by its cue is that body
            (
                "Velto blamed the rattling noise on loose panels. \
                 The company later faulted the worn brakes on its trucks.",
                &[
                    ("Velto", "the rattling noise on loose panels"),
                    ("Velto", "the worn brakes on its trucks"),
                ],
            ),
            // an act's object may be one word; a said-content may not
            (
                "The crew wanted more pay, while the owners asked for patience.",
                &[("the owners", "patience")],
            ),
            ("The owners said so.", &[]),
            // asked in the passive: the one asked says nothing
            (
                "The pilots were asked to wait on the runway for an hour.",
                &[],
            ),
        ]);
    }
}
