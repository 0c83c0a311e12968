//! Cue words and the attributions they make: finding "said", "told", phrase and naming
//! cues outside quotations, and reading each cue's speaker.

use super::syntax::{is_described_body, is_described_person, is_determiner};
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
            } else if (rules::FINDING_CUES.contains(&t.lo(i))
                && (that_after_when(t, i, s.b) || research_finds(t, i)))
                || (rules::RULING_CUES.contains(&t.lo(i))
                    && (that_after_when(t, i, s.b) || rules_after_comma(t, s, i)))
            {
                // Reports and studies "found that" / "showed that"; "studies showed a
                // link between …": what research finds is its report; "the court ruled
                // that …"
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
            } else if puts_a_figure(t, i, s.b) {
                // "Police put the crowd at 5,000": an estimate is what its giver says
                out.push((i, i + 1, CueKind::Plain));
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
            } else if quoting_participle(t, s, mask, i) {
                // "…, calling the ruling “a disgrace”": the main clause's subject said it
                out.push((i, i + 1, CueKind::Participle));
            } else if t.has(i, flag::QUOTE_ONLY) {
                out.push((i, i + 1, CueKind::QuoteOnly));
            } else if t.has(i, flag::BASE_CUE) && t.has(i + 1, flag::CUE) && !t.is_cap(i + 1) {
                // "a Harbour Board report says": the plain form is a noun before the cue
            } else if t.has(i, flag::CUE) && !is_cue_noun(t, i, s.a) && !adds_a_thing(t, i, s.b) {
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
            let mut at = new_attr(t, s, cue, cue_end, kind);
            // a quoting participle's quotation is all it reports
            at.quote_only |= rules::QUOTING_PARTICIPLES.contains(&t.lo(cue));
            let made = match kind {
                CueKind::AndThat => and_that(t, s, at, &attrs),
                CueKind::AccordingTo => self.according_to(s, mask, at, prev_sp),
                CueKind::Participle => self
                    .quoted_as_saying(s, at.clone(), prev_sp, &attrs)
                    .or_else(|| continued(t, s, at.clone(), &attrs))
                    .or_else(|| self.said_by_main_subject(s, at, prev_sp)),
                _ if attributes_nothing(t, s, cue) => None,
                _ => self.subject_attr(s, at, kind, prev_sp, &attrs),
            };
            attrs.extend(made);
        }
        attrs
    }

    /// "X was quoted as saying …", "X was quoted by Ekko as saying …", "“…,” X was quoted
    /// as saying by Ekko.": the subject of the passive "quoted" said it, as the object of
    /// the active one did ("Ekko quoted X as saying …"); with nothing but the outlet after
    /// the participle, what was said lies before.
    fn quoted_as_saying(
        &self,
        s: &Sentence,
        mut at: Attr,
        prev_sp: Option<&Mention>,
        attrs: &[Attr],
    ) -> Option<Attr> {
        let (t, cue) = (self.t, at.cue);
        if cue < s.a + 3 || !t.is(cue - 1, "as") {
            return None;
        }
        let from = cue.saturating_sub(QUOTED_REACH).max(s.a + 1);
        let quoted = (from..cue - 1)
            .rev()
            .find(|&k| rules::QUOTING_VERBS.contains(&t.lo(k)))?;
        let (begin, sp, leans) = if rules::COPULAS.contains(&t.lo(quoted - 1)) {
            self.subject_left(quoted - 1, s.a, prev_sp, attrs)?
        } else {
            // "Ekko quoted Ana Ruiz as saying …": the one quoted is the object
            let (sp, leans) = self.speaker_of(quoted + 1, cue - 1, prev_sp)?;
            (quoted + 1, sp, leans)
        };
        at.begin = begin;
        at.speaker = Some(sp);
        at.leans = leans;
        let mut k = at.cue_end;
        if t.is(k, "by") {
            k += 1;
            while k < s.b && (t.is_cap(k) || t.is(k, "the")) {
                k += 1;
            }
        }
        if k >= s.b || t.is_punct(k, '.') {
            at.trailing = true;
            at.finish = k;
        }
        Some(at)
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
        // ("Opposition economist Ana Ruiz disputed it, saying …"); a body's role word
        // before a person makes the person the subject ("Velto spokesman Ana Ruiz …")
        let named = || {
            let lead = self.reg.within(s.a, (s.a + SUBJECT_LEAD + 3).min(cue));
            let first = lead
                .iter()
                .position(|f| f.kind != EntityKind::Place && f.a <= s.a + SUBJECT_LEAD)
                .filter(|&k| (s.a..lead[k].a).all(|i| t.is_word(i)))?;
            let titled = lead.get(first + 1).filter(|p| {
                p.kind == EntityKind::Person
                    && p.a > lead[first].b
                    && (lead[first].b..p.a)
                        .all(|i| t.is_word(i) && !t.toks[i].cap && !t.has(i, flag::FUNCTION))
            });
            Some(titled.unwrap_or(&lead[first]).b)
        };
        // "The mayor praised the crews, saying …", "The city's water board kept fares, saying
        // …": a description of a person or a body
        let described = || {
            (s.a + 2..(s.a + 5).min(cue))
                .find(|&b| is_described_person(t, s.a, b) || is_described_body(t, s.a, b))
        };
        let end = if t.has(s.a, flag::PRONOUN) {
            s.a + 1
        } else {
            named().or_else(described)?
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
/// word within a few words, no punctuation between. "a town called Tarnova", "was described
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

/// Most tokens between "quoted" and "as saying" ("quoted by the Ekko news agency as
/// saying").
const QUOTED_REACH: usize = 8;

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
    // "Local reports said …": a plural right before a cue verb is that verb's subject
    let subject_of_cue = t.lo(i).ends_with('s') && t.has(i + 1, flag::CUE) && !t.is_cap(i + 1);
    (i > sa && t.lo(i).ends_with('s') && marked(i - 1))
        || subject_of_cue
        || is_noun_form(t, i, sa)
        || names_whose_noun(t, i, sa)
}

/// "above Wall Street estimates, betting on …", "missed Harbour Bank forecasts.": the
/// plural of a cue whose plain form is a noun ([`rules::NOUN_FORM_CUES`]), after a name
/// that follows a lower-case word and before punctuation, is whose estimates they are.
/// ("“…,” the board estimates." has its quotation before; "Lena Holm, the analyst,
/// estimates that" goes on; "…, the Harbour Board estimates." names its subject.)
fn names_whose_noun(t: &Tokens, i: usize, sa: usize) -> bool {
    let is_noun_plural = t
        .lo(i)
        .strip_suffix('s')
        .is_some_and(|stem| rules::NOUN_FORM_CUES.contains(&stem));
    if !is_noun_plural || i <= sa + 1 || !t.is_cap(i - 1) {
        return false;
    }
    let mut k = i - 1;
    while k > sa && t.is_cap(k - 1) && t.is_word(k - 1) {
        k -= 1;
    }
    // "…, the Harbour Board estimates.": after a comma, the name is the subject
    let trailing = k > sa && t.is(k - 1, "the") && (k - 1 == sa || t.is_punct(k - 2, ','));
    let object = k > sa
        && t.is_word(k - 1)
        && !t.is_cap(k - 1)
        && !rules::CLAUSE_COORDINATORS.contains(&t.lo(k - 1))
        && !trailing;
    let ends = t
        .toks
        .get(i + 1)
        .is_none_or(|x| matches!(x.kind, Kind::Punct(',' | '.' | ';')));
    object && ends && !(sa..i).any(|q| t.is_quote(q))
}

/// "added 27 firms to a blacklist", "adds to the pressure", "added 300 jobs": a form of
/// "add" that puts something somewhere: a number right after it, or a "to" within a few
/// words of it before any clause begins.
fn adds_a_thing(t: &Tokens, i: usize, limit: usize) -> bool {
    if !rules::ADDING_CUES.contains(&t.lo(i)) {
        return false;
    }
    let counted =
        t.toks.get(i + 1).is_some_and(|x| x.kind == Kind::Num) || t.has(i + 1, flag::NUMWORD);
    let to = (i + 1..(i + 7).min(limit))
        .take_while(|&k| t.is_word(k) && !t.is(k, "that") && !is_clause_word(t, k))
        .any(|k| t.is(k, "to"));
    counted || to
}

/// A word that opens or carries a clause: an auxiliary or a subject pronoun.
fn is_clause_word(t: &Tokens, k: usize) -> bool {
    t.has(k, flag::COMMON_VERB) || rules::CLAUSE_SUBJECT_PRONOUNS.contains(&t.lo(k))
}

/// "its forecast", "its annual profit forecast, blaming …": a cue whose plain form is a
/// noun ([`rules::NOUN_FORM_CUES`]) right after a determiner (or a determiner and a
/// ranking word, [`rules::RANKING_WORDS`]), or after a possessive and a
/// few lower-case words when no reported clause follows ("the company's economists forecast
/// that …" stays a verb).
fn is_noun_form(t: &Tokens, i: usize, sa: usize) -> bool {
    if !rules::NOUN_FORM_CUES.contains(&t.lo(i)) || i == sa {
        return false;
    }
    // "the claim", "the second claim"
    let ranked = i >= sa + 2
        && rules::RANKING_WORDS.contains(&t.lo(i - 1))
        && rules::DETERMINERS.contains(&t.lo(i - 2));
    if rules::NOUN_MARKERS.contains(&t.lo(i - 1)) || ranked {
        return true;
    }
    let reports = t.is(i + 1, "that")
        || matches!(
            t.toks.get(i + 1).map(|x| &x.kind),
            Some(Kind::Quote(_) | Kind::Punct(':'))
        );
    let modifier = |k: usize| t.is_word(k) && !t.toks[k].cap && !t.has(k, flag::FUNCTION);
    let mut k = i - 1;
    while k > sa && k + NOUN_MODIFIERS_MAX >= i && modifier(k) {
        k -= 1;
    }
    k + 1 < i && modifier(k + 1) && rules::POSSESSIVE_DETERMINERS.contains(&t.lo(k)) && !reports
}

/// Most lower-case words between a possessive and a cue's noun form ("its annual profit
/// forecast").
const NOUN_MODIFIERS_MAX: usize = 3;

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

/// Most words between a quoting participle and the quotation it attributes ("calling the
/// new toll on the bridge “…”").
const QUOTING_REACH: usize = 6;

/// Whether the participle at `i` opens a clause after a comma and attributes a quotation
/// within [`QUOTING_REACH`] words ("…, calling the ruling “a disgrace”").
fn quoting_participle(t: &Tokens, s: &Sentence, mask: &QuoteMask, i: usize) -> bool {
    rules::QUOTING_PARTICIPLES.contains(&t.lo(i))
        && i > s.a
        && t.is_punct(i - 1, ',')
        && (i + 1..(i + 2 + QUOTING_REACH).min(s.b))
            .take_while(|&k| !t.is_punct(k, ',') && !t.is_punct(k, '.'))
            .any(|k| t.is_quote(k) && mask.inside(k + 1))
}

/// Whether "put" at `i` gives an estimate: "put the death toll at 42", "puts its losses
/// at $2 billion" (a determiner, at most three words, "at" and a figure); "put the boxes
/// at the door" puts things somewhere.
fn puts_a_figure(t: &Tokens, i: usize, limit: usize) -> bool {
    if !rules::ESTIMATE_PUT_VERBS.contains(&t.lo(i))
        || !rules::ESTIMATE_DETERMINERS.contains(&t.lo(i + 1))
    {
        return false;
    }
    let number = |k: usize| k < limit && (t.toks[k].kind == Kind::Num || t.has(k, flag::NUMWORD));
    // "at $2 billion", "at about 5,000"
    let hedge = |k: usize| {
        !t.is_word(k)
            || rules::QUALIFIERS
                .iter()
                .any(|(words, _)| words.len() == 1 && t.is(k, words[0]))
    };
    let figure = |k: usize| number(k) || (k < limit && hedge(k) && number(k + 1));
    (i + 3..(i + 6).min(limit))
        .any(|k| t.is(k, "at") && figure(k + 1) && (i + 2..k).all(|w| t.is_word(w) && !t.is_cap(w)))
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
/// said to be"), a cue followed by "to" and a verb, consent ("agreed to a truce"), and
/// "read" with no document before it.
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
    if reduced_passive(t, s, cue) || consent(t, cue) {
        return true;
    }
    t.is(cue, "read") && !(s.a..cue).any(|k| rules::READING_DOCUMENTS.contains(&t.lo(k)))
}

/// "agreed to a truce", "agreed on the fares": consent to a thing, no report ("agreed
/// with the board that …" is one).
fn consent(t: &Tokens, cue: usize) -> bool {
    rules::CONSENT_CUES.contains(&t.lo(cue))
        && rules::CONSENT_PREPOSITIONS.contains(&t.lo(cue + 1))
        && !listener_then_that(t, cue + 1)
}

/// "The ban was lawful, a judge in Vell ruled on Friday.": a ruling cue closing its
/// sentence, a short subject after a comma before it, rules what the comma closes (a
/// time may follow the cue; "the board decided to wait" is no such cue).
fn rules_after_comma(t: &Tokens, s: &Sentence, i: usize) -> bool {
    let after: Vec<usize> = (i + 1..s.b).filter(|&k| t.is_word(k)).collect();
    let closes = after.len() <= 3
        && after.iter().all(|&k| {
            t.has(k, flag::WEEKDAY)
                || rules::CUE_PREPOSITIONS.contains(&t.lo(k))
                || rules::TIME_NOUNS.contains(&t.lo(k))
                || rules::TIME_DEICTICS.contains(&t.lo(k))
        });
    let subject = (s.a..i).rev().find(|&k| t.is_punct(k, ','));
    closes && subject.is_some_and(|c| c > s.a && (c + 1..i).filter(|&k| t.is_word(k)).count() <= 6)
}

/// "a statement read by an officer", "remarks quoted by the Vell Post": a participle
/// right after a noun, its agent after "by", describes the noun ("said by phone" is how
/// something was said, and "by" takes no determiner or name there).
fn reduced_passive(t: &Tokens, s: &Sentence, cue: usize) -> bool {
    let after_noun = cue > s.a
        && t.is_word(cue - 1)
        && !t.toks[cue - 1].cap
        && !t.has(cue - 1, flag::FUNCTION | flag::PRONOUN | flag::CUE_ADV);
    after_noun && t.is(cue + 1, "by") && (is_determiner(t, cue + 2) || t.is_cap(cue + 2))
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

/// Whether the finding cue at `i` follows a study, a survey or research right before it
/// ("studies showed a link …", "the survey found a rise …"): its object is the finding.
/// Most words of a time phrase between a finding or ruling verb and its "that".
const WHEN_BEFORE_THAT: usize = 4;

/// "that" right after the verb at `i`, or after a short phrase that only says when ("the
/// court ruled on Tuesday that …", "the survey found last year that …"); any other word
/// between them ("ruled the country that …", "ruled on the day that …") leaves "that" to
/// another clause.
fn that_after_when(t: &Tokens, i: usize, limit: usize) -> bool {
    let when = |k: usize| {
        t.has(k, flag::WEEKDAY | flag::MONTH)
            || t.toks[k].kind == Kind::Num
            || rules::TIME_NOUNS.contains(&t.lo(k))
            || (rules::WHEN_WORDS.contains(&t.lo(k)) && !t.is(k, "that") && !t.is(k, "the"))
    };
    let end = (i + 2 + WHEN_BEFORE_THAT).min(limit);
    (i + 1..end)
        .find(|&k| !when(k))
        .is_some_and(|k| t.is(k, "that"))
}

fn research_finds(t: &Tokens, i: usize) -> bool {
    i > 0 && rules::is_document_or_research(t.lo(i - 1))
}

#[cfg(test)]
mod tests;
