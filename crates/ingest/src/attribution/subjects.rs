//! Where a cue's subject sits: the noun phrase before the cue (past appositions, relative
//! clauses and asides), or the inverted one after it ("…, said X").

use super::syntax::{
    is_auxiliary, is_described_person, is_determiner, is_past_tense, plural_apostrophe,
};
use super::types::{mention_of, span_mention, Analyzer, Attr};
use crate::model::{EntityKind, Mention};
use crate::rules;
use crate::text::{flag, Kind, Tokens};
use groups::group_apposition;

impl Analyzer<'_, '_> {
    /// "which Ana Ruiz said", "that engineers said": after an object relative pronoun at
    /// `x`, a name or a source noun opening `[start, end)` is the subject of the cue.
    fn object_relative_subject(
        &self,
        x: usize,
        start: usize,
        end: usize,
        prev: Option<&Mention>,
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        if !rules::OBJECT_RELATIVE_PRONOUNS.contains(&t.lo(x)) || start >= end {
            return None;
        }
        let named = self.reg.overlapping(start, end).iter().any(|f| {
            f.a == start && matches!(f.kind, EntityKind::Person | EntityKind::Organization)
        });
        let source = !t.is_cap(start) && t.has(start, flag::NOMINAL);
        if !(named || source) {
            return None;
        }
        self.speaker_of(start, end, prev)
    }

    /// The subject of the cue at `cue`, read leftwards from it no further than `sa`: past
    /// appositions, ages, participle and origin phrases and relative clauses, up to four
    /// comma-separated segments. Returns where the subject begins, the speaker and whether
    /// it leans on the previous claim.
    pub(super) fn subject_left(
        &self,
        cue: usize,
        sa: usize,
        prev: Option<&Mention>,
        attrs: &[Attr],
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let mut seg_end = subject_end(t, cue, sa);
        let mut after_gap = false;
        let mut past_origin = false;
        for _ in 0..4 {
            let (mut start, bound) = segment_before(t, seg_end, sa, after_gap || past_origin);
            // "X, who has in the past called for …": only auxiliaries and adverbials
            // between "who" and the cue
            if bound.is_some_and(|x| t.is(x, "who")) && opens_relative_verb(t, start) {
                start = seg_end;
            }
            if let Some(x) = bound {
                // "the dam, which Ana Ruiz said may open": the relative's own subject speaks
                if let Some(sp) = self.object_relative_subject(x, start, seg_end, prev) {
                    return Some((start, sp.0, sp.1));
                }
                // "a resident, who asked not to be named, told": skip the relative clause.
                // ("the bay, where some pilots say …": a clause with a subject of its own
                // is skipped only when a comma closes it before the cue)
                let opener = rules::RELATIVE_PRONOUNS.contains(&t.lo(x))
                    || (rules::RELATIVE_CLAUSE_OPENERS.contains(&t.lo(x))
                        && t.is_punct(seg_end, ','));
                if opener && x > sa && t.is_punct(x - 1, ',') && start < seg_end {
                    seg_end = x - 1;
                    after_gap = false;
                    continue;
                }
            }
            let comma_bound = bound.is_some_and(|x| t.is_punct(x, ','));
            let age = seg_end == start + 1 && t.toks[start].kind == Kind::Num;
            if age && comma_bound {
                seg_end = start - 1;
                continue;
            }
            if self.participle_or_origin(start, seg_end, sa) && comma_bound {
                // "Ana Ruiz, director at the University of Cork, Ireland, said": past
                // where a body is, the words before may still describe a name before them
                past_origin = !opens_participle(t, start, seg_end);
                seg_end = start - 1;
                after_gap = false;
                continue;
            }
            if start < seg_end {
                // closed by a comma before the cue: in "X plans cuts, the company
                // announced" the description is the subject itself
                if is_appositive(t, start, seg_end) && (after_gap || past_origin) && comma_bound {
                    if let Some(x) = self.named_before_appositive(start, sa) {
                        seg_end = x;
                        after_gap = true;
                        continue;
                    }
                }
                let found = self.segment_subject(start, seg_end, sa, after_gap, comma_bound, prev);
                return found.map(|(begin, sp, leans)| {
                    (described_before(t, begin, seg_end, sa, &sp), sp, leans)
                });
            }
            match bound {
                Some(x) if t.is_punct(x, ',') && !after_gap => {
                    // "The minister, who visited X and met Y, said": skip the whole
                    // relative clause back to its antecedent.
                    let relative = (x.saturating_sub(25).max(sa + 1)..x).rev().find(|&k| {
                        rules::RELATIVE_CLAUSE_OPENERS.contains(&t.lo(k)) && t.is_punct(k - 1, ',')
                    });
                    match relative {
                        Some(k) => seg_end = k - 1,
                        None => {
                            seg_end = x;
                            after_gap = true;
                        }
                    }
                }
                Some(x)
                    if t.is(x, "which")
                        && x > sa
                        && t.is_punct(x - 1, ',')
                        && !rules::ACT_CUES.contains(&t.lo(cue)) =>
                {
                    return self.body_before_which(x, sa, prev);
                }
                Some(x) if t.is(x, "who") => {
                    // "X, a chemist at Y who was not involved, said": the relative belongs
                    // to the apposition, which describes X
                    if let Some(end) = self.named_before_relative_apposition(x, sa) {
                        seg_end = end;
                        after_gap = true;
                        continue;
                    }
                    return self.who_antecedent(x, sa, prev, attrs);
                }
                Some(x) if rules::CLAUSE_COORDINATORS.contains(&t.lo(x)) => {
                    let sp = match attrs.last() {
                        Some(last) => last.speaker.clone()?,
                        None => self.sentence_subject(sa, x, prev)?,
                    };
                    return Some((x, sp, true));
                }
                _ => return None,
            }
        }
        None
    }

    /// The speaker the segment `[start, seg_end)` left of the cue names; past a gap (an
    /// apposition or clause set off before the cue) only a person or body.
    fn segment_subject(
        &self,
        start: usize,
        seg_end: usize,
        sa: usize,
        after_gap: bool,
        comma_bound: bool,
        prev: Option<&Mention>,
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let body = |m: &Mention| {
            matches!(
                m.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Outlet
            )
        };
        if let Some(g) = group_apposition(t, start, sa).filter(|_| after_gap) {
            if let Some(found) = self.group_before(g, sa, prev) {
                return Some(found);
            }
        }
        // after a gap only a name, or a person described as sure as one
        let sure = |m: &Mention| body(m) || is_described_person(t, start, seg_end);
        match self.speaker_of(start, seg_end, prev) {
            Some((m, leans)) if !after_gap || sure(&m) => Some((start, m, leans)),
            // "The airlines, Nordair and Skyvell, argued": names set off in apposition
            // to the description before them, which is the subject
            None if after_gap && comma_bound && is_name_list(t, start, seg_end) => {
                self.described_before(start - 1, sa, prev)
            }
            _ => None,
        }
    }

    /// The description that ends at the comma `x` ("The airlines" of "The airlines, A and
    /// B, said") as the speaker, with where it begins.
    fn described_before(
        &self,
        x: usize,
        sa: usize,
        prev: Option<&Mention>,
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let s2 = segment_start(t, x, sa);
        let described = s2 < x && (s2..x).any(|i| t.has(i, flag::NOMINAL | flag::ROLE));
        if !described {
            return None;
        }
        let (sp, leans) = self.speaker_of(s2, x, prev)?;
        Some((s2, sp, leans))
    }

    /// The segment `[start, seg_end)` is a phrase set off before the cue that is not the
    /// subject: "The mayor, speaking in Vell, said" (a participle phrase), "Ana Ruiz, from
    /// Vell, Norland, said" (where the speaker comes from).
    fn participle_or_origin(&self, start: usize, seg_end: usize, sa: usize) -> bool {
        let t = self.t;
        // "The mayor, speaking in Vell, said", "The study, published on Monday, found":
        // the participle phrase is not the subject
        let participle = opens_participle(t, start, seg_end);
        // "Ana Ruiz, from Vell, Norland, said", "Ana Ruiz, of Vell, said": where the
        // speaker comes from; "Ana Ruiz, for the board, said": whom she speaks for
        let from_before = (start.saturating_sub(6).max(sa)..start).any(|k| t.is(k, "from"));
        // (asked only where it decides: the gazetteer lookup folds the words)
        let only_place = || {
            self.reg
                .overlapping(start, seg_end)
                .iter()
                .any(|f| f.kind == EntityKind::Place && f.a == start && f.b == seg_end)
                // a name read as a speaker there is still a place: "Oslo" is where the body is
                || (start < seg_end && rules::is_gazetteer_place(t.span_text(start, seg_end)))
                // "Officials in Fresno, Calif., said": a state's abbreviation and its period
                || (seg_end == start + 2 && is_city_state(t, start) && t.is_punct(start + 1, '.'))
        };
        // "X of the University of Texas, El Paso, said", "X of Velto Group, Oslo, said":
        // the place after a name says where that body is
        // (set off by commas on both sides: in "…, Oslo said" the capital speaks)
        let after_name = start >= sa + 2 && t.is_cap(start - 2) && t.is_punct(seg_end, ',');
        let origin = start < seg_end
            && (t.is(start, "from")
                || t.is(start, "of")
                || t.is(start, "for")
                || ((from_before || after_name) && only_place()));
        participle || origin
    }

    /// Before an appositive that starts at `start` ("Ana Ruiz, a Democrat from Ohio,
    /// said"): where the name it describes ends, hopping over an age ("Mara Velt, 45, a
    /// teacher, said"), if a name stands there.
    fn named_before_appositive(&self, start: usize, sa: usize) -> Option<usize> {
        let t = self.t;
        let mut x = start - 1;
        let mut s2 = segment_start(t, x, sa);
        // "Mara Velt, 45, a teacher, said": hop over the age.
        if x == s2 + 1 && t.toks[s2].kind == Kind::Num && s2 > sa && t.is_punct(s2 - 1, ',') {
            x = s2 - 1;
            s2 = segment_start(t, x, sa);
        }
        let unknown_name =
            x >= s2 + 2 && x - s2 <= 4 && (s2..x).all(|i| t.is_cap(i) && !t.has(i, flag::NOT_NAME));
        let named = unknown_name
            || is_described_person(t, s2, x)
            || self
                .reg
                .within(s2, x)
                .iter()
                .any(|f| matches!(f.kind, EntityKind::Person | EntityKind::Organization));
        named.then_some(x)
    }

    /// A "who" at `x` with no comma before it that ends an apposition set off by a comma
    /// ("Ana Ruiz, a chemist at Vell University who led the study, said"): where the name
    /// the apposition describes ends.
    fn named_before_relative_apposition(&self, x: usize, sa: usize) -> Option<usize> {
        let t = self.t;
        if x <= sa + 1 || t.is_punct(x - 1, ',') {
            return None;
        }
        let s2 = appositive_before(t, x, sa)?;
        self.named_before_appositive(s2, sa)
    }

    /// The name of one of `kinds` that ends right at `e` ("Velto" of "…with Velto, which").
    fn name_ending_at(&self, e: usize, kinds: &[EntityKind]) -> Option<Mention> {
        self.reg
            .overlapping(e.saturating_sub(1), e)
            .iter()
            .find(|f| f.b == e && kinds.contains(&f.kind))
            .map(|f| mention_of(self.t, f))
    }

    /// "sided with the union, which had argued that …": "which" after a comma stands for
    /// the body named or described right before it (a thing before it says nothing, and
    /// "…, which blamed the ice" acts on a thing: the caller leaves act cues out).
    fn body_before_which(
        &self,
        x: usize,
        sa: usize,
        prev: Option<&Mention>,
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let e = x - 1;
        if let Some(m) = self.name_ending_at(e, &[EntityKind::Organization]) {
            return Some((x, m, true));
        }
        let k = np_before(t, sa, e);
        let body_noun = rules::is_org_descriptor(t.lo(e - 1)) || t.has(e - 1, flag::ORG_HEAD);
        let described = k + 1 < e && is_determiner(t, k) && body_noun;
        if !described {
            return None;
        }
        let (m, leans) = self.speaker_of(k, e, prev)?;
        (m.kind != EntityKind::Place).then_some((x, m, leans))
    }

    /// The speaker a subject relative "who" at `x` refers back to: the name right before
    /// its comma, the speaker of the attribution before, or the noun phrase before it.
    fn who_antecedent(
        &self,
        x: usize,
        sa: usize,
        prev: Option<&Mention>,
        attrs: &[Attr],
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let e = if x > sa && t.is_punct(x - 1, ',') {
            x - 1
        } else {
            x
        };
        // "concerns about Ana Ruiz, who has called for …": the name before
        // the comma, not the sentence's first speaker
        if let Some(m) = self.name_ending_at(e, &[EntityKind::Person, EntityKind::Organization]) {
            return Some((x, m, true));
        }
        // "local officials, who said": the relative clause's antecedent.
        if let Some(sp) = attrs.last().and_then(|l| l.speaker.clone()) {
            return Some((x, sp, true));
        }
        let mut s = e;
        while s > sa && !is_left_boundary(t, s - 1) && e - s < 10 {
            s -= 1;
        }
        // "The plan angered local fishermen, who say": the object after a verb in the past,
        // not the clause
        // (or after "by": "welcomed by local fishermen, who say")
        if let Some(verb) = (s..e).rev().find(|&i| is_past_tense(t, i)) {
            s = verb + 1;
            while s < e && t.has(s, flag::FUNCTION) && !is_determiner(t, s) {
                s += 1;
            }
        }
        // "who" refers to people or bodies, never to a place ("farmers near Dunmore, who")
        let speaker = |a: usize| {
            self.speaker_of(a, e, prev)
                .filter(|sp| sp.0.kind != EntityKind::Place)
        };
        if let Some(sp) = speaker(s) {
            return Some((x, sp.0, true));
        }
        // "anger among fishermen, who say": the noun phrase before the comma,
        // people by "who" even when no word list knows the noun
        let mut k = np_before(t, s, e);
        // "farmers near Dunmore, who say": the people, with where they are; a place alone
        // is no antecedent of "who"
        let place_only = self
            .reg
            .overlapping(k, e)
            .iter()
            .any(|f| f.a == k && f.b == e && f.kind == EntityKind::Place);
        let located = place_only && k > s + 1 && t.has(k - 1, flag::PLACE_PREP);
        if located {
            k = np_before(t, s, k - 1);
        }
        if let Some(sp) = speaker(k) {
            return Some((x, sp.0, true));
        }
        let people = k < e && e - k <= 6 && (located || !place_only);
        let text = t.span_text(k, e).to_string();
        people.then(|| (x, span_mention(t, k, e, text, EntityKind::Nominal), true))
    }

    pub(super) fn subject_right(
        &self,
        from: usize,
        sb: usize,
        prev: Option<&Mention>,
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let mut end = from;
        while end < sb && !is_right_boundary(t, end) && end - from < 14 {
            end += 1;
        }
        let (mut sp, leans) = self.speaker_of(from, end, prev)?;
        // "…, said the finding forces rivals to rethink": a clause, not an inverted subject
        if matches!(sp.kind, EntityKind::Nominal) && runs_into_clause(t, from, end) {
            return None;
        }
        let mut finish = end;
        // "said the head of the agency, Mara Velt, in …", "said the statistics office,
        // Statvell.": the apposition names the speaker (a body by a name alone).
        if matches!(sp.kind, EntityKind::Nominal) && t.is_punct(end, ',') {
            let mut e2 = end + 1;
            while e2 < sb && !is_right_boundary(t, e2) && e2 - end < 6 {
                e2 += 1;
            }
            let all_caps = (end + 1..e2).all(|k| !t.is_word(k) || t.is_cap(k));
            if let Some((m, _)) = self.speaker_of(end + 1, e2, prev) {
                let named = m.kind == EntityKind::Person
                    || (m.kind == EntityKind::Organization && all_caps);
                if named {
                    sp = m;
                    finish = e2;
                }
            }
        }
        Some((finish, sp, leans))
    }
}

/// The segment of words ending at `seg_end` (not before `sa`): where it starts and the
/// boundary token before it. Past a gap, "and" joins two descriptions of one apposition
/// ("X, the minister of A and a former mayor of B, said").
fn segment_before(t: &Tokens, seg_end: usize, sa: usize, past_gap: bool) -> (usize, Option<usize>) {
    let mut start = seg_end;
    while start > sa && !is_left_boundary(t, start - 1) && seg_end - start < 20 {
        start -= 1;
    }
    let bound = if start > sa { Some(start - 1) } else { None };
    let joined =
        past_gap && bound.is_some_and(|x| t.is(x, "and")) && is_appositive(t, start, seg_end);
    match joined
        .then(|| appositive_before(t, start - 1, sa))
        .flatten()
    {
        Some(s2) => (s2, Some(s2 - 1)),
        None => (start, bound),
    }
}

/// "speaking in Vell", "published on Monday": a segment `[start, end)` that opens with a
/// participle in lower case.
fn opens_participle(t: &Tokens, start: usize, end: usize) -> bool {
    start < end
        && !t.is_cap(start)
        && rules::PARTICIPLE_ENDINGS
            .iter()
            .any(|e| t.lo(start).ends_with(e))
}

/// Whether the words `[from, end)` after a cue hold an auxiliary or an infinitive ("will",
/// "to rethink"): the cue's content, where an inverted subject ("said the head of the
/// agency", "said the envoy to the talks") holds neither.
fn runs_into_clause(t: &Tokens, from: usize, end: usize) -> bool {
    (from..end).any(|i| {
        is_auxiliary(t, i)
            || (t.is(i, "to")
                && i + 1 < end
                && t.is_word(i + 1)
                && !t.is_cap(i + 1)
                && !t.has(i + 1, flag::FUNCTION))
    })
}

fn is_left_boundary(t: &Tokens, i: usize) -> bool {
    // "the growers' lawyer": a plural's apostrophe before a lower-case word is inside the
    // phrase, not a quotation mark
    if plural_apostrophe(t, i) && t.is_word(i + 1) && !t.is_cap(i + 1) {
        return false;
    }
    // "Nordair and Skyvell", "Ana Ruiz and her colleagues": one subject
    if t.is(i, "and")
        && i > 0
        && t.is_cap(i - 1)
        && (t.is_cap(i + 1) || rules::POSSESSIVE_DETERMINERS.contains(&t.lo(i + 1)))
    {
        return false;
    }
    // "Dr. Elena Ruiz": the period of a title abbreviation stays inside the name.
    if t.is_punct(i, '.')
        && i > 0
        && !t.toks[i].space_before
        && (t.has(i - 1, flag::ABBREV | flag::TITLE)
            || t.s(i - 1).contains('.')
            || rules::is_party_state(t.s(i - 1))
            || is_city_state(t, i - 1)
            || t.is_initial(i - 1))
    {
        return false;
    }
    match t.toks.get(i).map(|x| x.kind) {
        Some(Kind::Punct(c)) => {
            matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '.' | '!' | '?')
        }
        Some(Kind::Quote(_)) => true,
        // "the WHO said": the acronym, not the relative pronoun
        Some(Kind::Word) if t.is_acronym(i) => false,
        Some(Kind::Word) => rules::CLAUSE_BOUNDARY_WORDS.contains(&t.lo(i)),
        Some(Kind::Num) => false,
        None => true,
    }
}

/// "Fresno, Calif.": token `i` is a state's AP abbreviation after a comma and a
/// capitalised name, so the period after it is the abbreviation's.
fn is_city_state(t: &Tokens, i: usize) -> bool {
    i >= 2 && rules::ap_state(t.s(i)).is_some() && t.is_punct(i - 1, ',') && t.is_cap(i - 2)
}

fn is_right_boundary(t: &Tokens, i: usize) -> bool {
    match t.toks.get(i).map(|x| x.kind) {
        Some(Kind::Punct(c)) => matches!(c, ',' | ';' | ':' | '(' | '.' | '!' | '?' | '—' | '–'),
        Some(Kind::Quote(_)) => true,
        Some(Kind::Word) => t.lo(i) == "that" || t.has(i, flag::ADVERBIAL),
        _ => true,
    }
}

/// Where a time phrase ending at `end` starts ("on Monday", "on Tuesday night", "last
/// week", "this month"), when a subject stands before it.
fn time_before(t: &Tokens, end: usize, sa: usize) -> Option<usize> {
    let part_of_day = |k: usize| {
        matches!(t.lo(k), "morning" | "afternoon" | "evening" | "night")
            && t.has(k - 1, flag::WEEKDAY)
    };
    let mut k = end;
    if k > sa + 2 && part_of_day(k - 1) {
        k -= 1;
    }
    let start = if k > sa + 1 && t.has(k - 1, flag::WEEKDAY) {
        if t.is(k - 2, "on") {
            k - 2
        } else {
            k - 1
        }
    } else if k > sa + 2
        && rules::TIME_NOUNS.contains(&t.lo(k - 1))
        && rules::TIME_DEICTICS.contains(&t.lo(k - 2))
    {
        k - 2
    } else {
        return None;
    };
    (start > sa && t.is_word(start - 1)).then_some(start)
}

/// Where the noun phrase that ends at `e` starts, no further left than `s`: content words
/// back to a function word, with one determiner before them ("some local farmers").
fn np_before(t: &Tokens, s: usize, e: usize) -> usize {
    let mut k = e;
    while k > s && t.is_word(k - 1) && !t.has(k - 1, flag::FUNCTION | flag::CUE) {
        k -= 1;
    }
    if k > s && (is_determiner(t, k - 1) || rules::QUANTIFIERS.contains(&t.lo(k - 1))) {
        k -= 1;
    }
    k
}

/// Where the subject of the cue at `cue` ends: before adverbs next to the cue, a
/// parenthetical adverb between commas ("Ana Ruiz, however, said"), but after an acronym
/// in brackets ("the leader of the People's Front (PF) admitted").
/// Where the segment that ends at `x` begins, no further left than `sa`.
fn segment_start(t: &Tokens, x: usize, sa: usize) -> usize {
    let mut s2 = x;
    while s2 > sa && !is_left_boundary(t, s2 - 1) {
        s2 -= 1;
    }
    s2
}

/// `[a, b)` is a short description of lower-case words after an article: "the harbour
/// master", "a retired pilot".
fn is_plain_description(t: &Tokens, a: usize, b: usize) -> bool {
    rules::ARTICLES.contains(&t.lo(a))
        && b > a + 1
        && b <= a + 5
        && (a + 1..b).all(|i| {
            t.is_word(i)
                && !t.is_cap(i)
                && !t.has(i, flag::COMMON_VERB | flag::CUE | flag::FUNCTION)
        })
}

/// `[a, b)` lists names and nothing else: "Nordair and Skyvell", "Ana Ruiz, Tor Vik and
/// Ida Berg".
fn is_name_list(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b).any(|i| t.is(i, "and"))
        && (a..b).all(|i| t.is_cap(i) || t.is(i, "and") || t.is_punct(i, ','))
}

/// Most words of a prepositional aside between a subject and its cue ("in a statement",
/// "in a statement on its website on Monday").
const PREPOSITIONAL_ASIDE: usize = 8;

/// Most words of an aside in brackets between a subject and its cue ("(not her real
/// name)", "(PF)").
const BRACKETED_ASIDE: usize = 6;

fn subject_end(t: &Tokens, cue: usize, sa: usize) -> usize {
    let mut end = cue;
    while end > sa && t.has(end - 1, flag::CUE_ADV) && end + 3 > cue {
        end -= 1;
    }
    // "The ministry on Monday accused", "Velto last week said": when, not who
    end = time_before(t, end, sa).unwrap_or(end);
    // "Ana Ruiz, however, said": a parenthetical adverb between commas
    if end >= sa + 4
        && t.is_punct(end - 1, ',')
        && rules::PARENTHETICAL_ADVERBS.contains(&t.lo(end - 2))
        && t.is_punct(end - 3, ',')
    {
        end -= 3;
    }
    // "Ana Ruiz, in a statement, said", "…, through a spokesman, denied": a short phrase
    // of a preposition between commas, where or how it was said
    if end >= sa + 4 && t.is_punct(end - 1, ',') {
        let open = (end.saturating_sub(PREPOSITIONAL_ASIDE + 2).max(sa + 1)..end - 2)
            .rev()
            .find(|&k| t.is_punct(k, ','));
        if let Some(open) = open {
            let aside = open + 1..end - 1;
            // "a statement posted on its website": a cue word after a document describes it
            let describes_document =
                |k: usize| t.has(k, flag::CUE) && rules::DOCUMENT_NOUNS.contains(&t.lo(k - 1));
            if rules::CUE_PREPOSITIONS.contains(&t.lo(open + 1))
                && aside.clone().all(|k| {
                    t.is_word(k)
                        && !t.has(k, flag::COMMON_VERB)
                        && (!t.has(k, flag::CUE) || describes_document(k))
                })
            {
                end = open;
            }
        }
    }
    // "the leader of the People's Front (PF) admitted", "Nadia Holm (not her real name)
    // says": an acronym or a short aside in brackets belongs to the subject, not a
    // boundary before it.
    if end > sa + 2 && t.is_punct(end - 1, ')') {
        if let Some(open) = (end.saturating_sub(BRACKETED_ASIDE + 2).max(sa)..end - 1)
            .rev()
            .find(|&k| t.is_punct(k, '('))
        {
            let aside = (open + 1..end - 1).all(|k| t.is_word(k) && !t.has(k, flag::CUE));
            if open > sa && aside {
                end = open;
            }
        }
    }
    end
}

/// Where the description that ends at `end` begins, when it opens right after a comma and
/// is an apposition: before an "and" joining a second description ("X, the minister of A
/// and a former mayor of B, said"), or before a "who" closing it ("X, a chemist at Y who
/// led the study, said").
fn appositive_before(t: &Tokens, end: usize, sa: usize) -> Option<usize> {
    let s2 = segment_start(t, end, sa);
    (s2 > sa && s2 < end && t.is_punct(s2 - 1, ',') && is_appositive(t, s2, end)).then_some(s2)
}

/// Where a person's subject begins when a description in apposition comes first ("…, the
/// port director, Ana Ruiz, said"): at the description, so that nothing of the subject is
/// left to the content or between a quotation and its speaker.
fn described_before(t: &Tokens, begin: usize, seg_end: usize, sa: usize, sp: &Mention) -> usize {
    let set_off = begin > sa + 1 && t.is_punct(begin - 1, ',') && t.is_punct(seg_end, ',');
    if sp.kind != EntityKind::Person || !set_off {
        return begin;
    }
    // the description opens the clause: after a comma, a closing quotation mark or at the
    // sentence's start
    let mut s2 = segment_start(t, begin - 1, sa);
    // "the authors' lawyer": a plural's apostrophe is no boundary
    while s2 > sa + 1 && plural_apostrophe(t, s2 - 1) {
        s2 = segment_start(t, s2 - 2, sa);
    }
    let opens = s2 == sa || t.is_punct(s2 - 1, ',') || t.is_quote(s2 - 1);
    if s2 + 1 < begin && opens && is_appositive(t, s2, begin - 1) {
        s2
    } else {
        begin
    }
}

/// "The engineers who stayed behind said", "Residents who live nearby say": a lower-case
/// word right after "who" is the relative's verb (or an adverb before it).
fn opens_relative_verb(t: &Tokens, start: usize) -> bool {
    t.has(start, flag::COMMON_VERB)
        || is_auxiliary(t, start)
        || (t.is_word(start) && !t.is_cap(start) && !is_determiner(t, start))
}

/// The segment `[start, seg_end)` describes someone rather than naming them: "Ana Ruiz, a
/// Democrat from Ohio, said", "X, the head of Y, said", "X, the port's longest-serving
/// engineer, insists", "Velto, the German carmaker, said".
fn is_appositive(t: &Tokens, start: usize, seg_end: usize) -> bool {
    // "Velto, Norway's largest carmaker, said": a possessive and lower-case words after it
    let owned = t.is_possessive(start)
        && seg_end > start + 1
        && (start + 1..seg_end).all(|i| t.is_word(i) && !t.is_cap(i));
    if owned {
        return true;
    }
    // "Ana Ruiz, D-Ohio, said", "Tom Hale, R-N.Y., said": party and state
    if rules::is_party_state(t.s(start))
        && (start + 1..seg_end).all(|i| t.is_punct(i, '.') || t.is_cap(i))
    {
        return true;
    }
    // "Ana Ruiz, a Democrat from Ohio, said", "X, the head of Y, said", "X, one of the
    // organisers, said".
    // ("Ana Ruiz, curator at the museum, said": any noun of a person's occupation)
    ((t.has(start, flag::ROLE | flag::NOMINAL) || t.lex.is_person_noun(t.lo(start)))
        && !t.is_cap(start))
        || (rules::QUANTIFIERS.contains(&t.lo(start)) && t.is(start + 1, "of"))
        || rules::INDEFINITE_DETERMINERS.contains(&t.lo(start))
        || (t.is(start, "the")
            && t.has(start + 1, flag::ROLE | flag::NOMINAL)
            && !t.is_cap(start + 1))
        // "X, the port's longest-serving engineer, insists", "the growers' lawyer", "the
        // Velto coach": a role or a noun of a kind of person at the head
        || (t.is(start, "the")
            && seg_end > start + 2
            && (t.has(seg_end - 1, flag::ROLE) || t.lex.is_person_noun(t.lo(seg_end - 1)))
            && !t.is_cap(seg_end - 1)
            && (start + 1..seg_end).all(|i| t.is_word(i) || plural_apostrophe(t, i)))
        // "X, (the) Harbour Board Spokesperson, said": a role capitalised after its body
        || capitalised_role_of_body(t, start, seg_end)
        || capitalised_role_with_complement(t, start, seg_end)
        // "Velto, the German carmaker, said"
        || (t.is(start, "the")
            && (start + 1..seg_end).all(|i| t.is_word(i))
            && (start + 1..seg_end)
                .any(|i| !t.is_cap(i) && rules::is_org_descriptor(t.lo(i))))
        // "Ivo Brand, the harbour master, said": a short description whose head is no
        // known role
        || is_plain_description(t, start, seg_end)
        || is_role_with_complement(t, start, seg_end)
}

/// Most tokens between "the" and the role of a described person ("the 54-year-old").
const ROLE_MODIFIERS: usize = 6;

/// "X, the 54-year-old mayor of Velmora, said": "the", modifiers (words and hyphenated
/// figures), a lower-case role, then nothing or a phrase of a preposition ("of Velmora",
/// "at the port").
fn is_role_with_complement(t: &Tokens, start: usize, seg_end: usize) -> bool {
    if !t.is(start, "the") {
        return false;
    }
    let modifier = |i: usize| {
        (t.is_word(i) && !t.is_cap(i)) || t.toks[i].kind == Kind::Num || t.is_punct(i, '-')
    };
    let role = (start + 1..seg_end.min(start + 2 + ROLE_MODIFIERS))
        .take_while(|&i| modifier(i))
        .find(|&i| t.has(i, flag::ROLE) && !t.is_cap(i));
    role.is_some_and(|r| {
        r + 1 == seg_end || rules::ROLE_COMPLEMENT_PREPOSITIONS.contains(&t.lo(r + 1))
    })
}

/// "the U.N. High Commissioner for Refugees", "the Deputy Minister of Health": "the", a
/// capitalised title (a role word among capitalised words), then nothing or a preposition
/// of a role and capitalised words.
fn capitalised_role_with_complement(t: &Tokens, start: usize, seg_end: usize) -> bool {
    if !t.is(start, "the") {
        return false;
    }
    let title_end = (start + 1..seg_end)
        .find(|&i| !t.is_cap(i) && !t.is_punct(i, '.'))
        .unwrap_or(seg_end);
    let role = (start + 1..title_end).any(|i| t.has(i, flag::ROLE) && t.is_cap(i));
    let complement = title_end == seg_end
        || (rules::ROLE_COMPLEMENT_PREPOSITIONS.contains(&t.lo(title_end))
            && (title_end + 1..seg_end).all(|i| t.is_cap(i) || t.is(i, "the")));
    title_end > start + 1 && role && complement
}

/// "the Harbour Board Spokesperson", "Harbour Board Spokesperson": capitalised words of a
/// body's name, then a role, after the article or not.
fn capitalised_role_of_body(t: &Tokens, start: usize, seg_end: usize) -> bool {
    let from = if t.is(start, "the") { start + 1 } else { start };
    seg_end > from + 1
        && t.has(seg_end - 1, flag::ROLE)
        && (from..seg_end).all(|i| t.is_cap(i))
        && (from..seg_end - 1).any(|i| t.has(i, flag::ORG_HEAD))
}

mod groups;
#[cfg(test)]
mod tests;
