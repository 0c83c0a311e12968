//! Who says what inside one sentence: cue verbs, their speakers, their content, the quotes
//! they attribute and the outlet the sentence cites.
//!
//! A cue verb is read in one of three shapes: "X said (that) CONTENT", "CONTENT, X said" /
//! "CONTENT, said X", and "according to X, CONTENT" / "CONTENT, according to X". A quotation
//! belongs to the cue right after it or right before it; a quotation in the middle of a
//! clause stays inside that clause's claim.

use crate::mentions::{content_words, Found, Registry};
use crate::model::{EntityKind, Mention, Span};
use crate::quotes::Quote;
use crate::rules;
use crate::tagger::Gender;
use crate::text::{flag, Kind, Tokens};

/// A claim found in one sentence, before article-level fallbacks.
#[derive(Debug, Clone)]
pub struct Draft {
    pub direct: bool,
    /// Token range of the content (quote inner range for a direct claim).
    pub a: usize,
    pub b: usize,
    pub speaker: Option<Mention>,
    pub via: Option<Mention>,
    /// The speaker talked to the `via` outlet ("told Radio Vell", "in an interview with
    /// …"), rather than the outlet relaying what was said elsewhere ("…, Radio Vell
    /// reported"): only a conversation goes on in the speaker's later quotes.
    pub spoke_to_via: bool,
    pub cue: Option<String>,
    /// The speaker is a pronoun or description that leans on the previous claim.
    pub leans_on_previous: bool,
    /// The quote spans its whole sentence and nothing in the sentence attributes it.
    pub orphan: bool,
    /// The place run the sentence opens with ("In X, reporters saw …"): the scene of the
    /// whole sentence, so of the claim too; set by the caller.
    pub scene: Option<usize>,
}

#[derive(Debug, Clone)]
struct Attr {
    cue: usize,
    cue_end: usize,
    /// Token where this attribution's own words begin (subject or cue).
    begin: usize,
    /// Token where this attribution's own words end (cue, object or inverted subject).
    finish: usize,
    speaker: Option<Mention>,
    leans: bool,
    content: Option<(usize, usize)>,
    /// Content lies to the left ("CONTENT, X said").
    trailing: bool,
    quote_only: bool,
    /// The attribution only names an outlet ("…, Xinhua reported").
    outlet_only: bool,
    /// Token range of the cue text reported for this attribution.
    cue_src: (usize, usize),
    /// Content starts right after the cue ("…, and that CONTENT").
    no_that_search: bool,
}

/// At most this many words outside the marks may sit beside quotes that a trailing
/// attribution owns ("“A,” in the north, “B,” X said") before the words make it a clause.
const QUOTE_FRAGMENT: usize = 5;

/// Which tokens of a sentence lie inside quotation marks.
struct QuoteMask {
    a: usize,
    mask: Vec<bool>,
}

impl QuoteMask {
    fn new(s: &Sentence) -> Self {
        let mut mask = vec![false; s.b.saturating_sub(s.a)];
        for q in s.quotes {
            for i in q.open.max(s.a)..q.outer_end().min(s.b) {
                if let Some(x) = mask.get_mut(i - s.a) {
                    *x = true;
                }
            }
        }
        QuoteMask { a: s.a, mask }
    }

    fn inside(&self, i: usize) -> bool {
        i >= self.a && self.mask.get(i - self.a).copied().unwrap_or(false)
    }
}

/// How a cue word attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// "said", "told", "announced".
    Plain,
    /// ", adding that …": continues the attribution before it.
    Participle,
    /// "described … as “…”": attributes only a following quotation.
    QuoteOnly,
    /// "saw": attributes only when a journalist or witness is the subject.
    Perception,
    /// "according to X".
    AccordingTo,
    /// "…, and that …": a second content of the attribution before it.
    AndThat,
}

pub struct Sentence<'s> {
    pub a: usize,
    pub b: usize,
    pub quotes: &'s [Quote],
}

fn mention_of(t: &Tokens, f: &Found) -> Mention {
    Mention {
        span: Span::new(t.start(f.a), t.end(f.b.saturating_sub(1).max(f.a))),
        name: f.name.clone(),
        kind: f.kind,
        roles: f.roles.clone(),
        place: None,
    }
}

fn span_mention(t: &Tokens, a: usize, b: usize, name: String, kind: EntityKind) -> Mention {
    Mention {
        span: Span::new(t.start(a), t.end(b.saturating_sub(1).max(a))),
        name,
        kind,
        roles: Vec::new(),
        place: None,
    }
}

fn is_left_boundary(t: &Tokens, i: usize) -> bool {
    if t.is(i, "and") && i > 0 && t.is_cap(i - 1) && t.is_cap(i + 1) {
        return false;
    }
    // "Dr. Elena Ruiz": the period of a title abbreviation stays inside the name.
    if t.is_punct(i, '.')
        && i > 0
        && !t.toks[i].space_before
        && (t.has(i - 1, flag::ABBREV | flag::TITLE) || t.s(i - 1).contains('.'))
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
        Some(Kind::Word) => matches!(
            t.lo(i),
            "that"
                | "who"
                | "which"
                | "where"
                | "while"
                | "and"
                | "but"
                | "as"
                | "when"
                | "after"
                | "because"
                | "since"
                | "whom"
                | "like"
                | "if"
                | "although"
                | "though"
        ),
        Some(Kind::Num) => false,
        None => true,
    }
}

fn is_right_boundary(t: &Tokens, i: usize) -> bool {
    match t.toks.get(i).map(|x| x.kind) {
        Some(Kind::Punct(c)) => matches!(c, ',' | ';' | ':' | '(' | '.' | '!' | '?' | '—' | '–'),
        Some(Kind::Quote(_)) => true,
        Some(Kind::Word) => t.lo(i) == "that" || t.has(i, flag::ADVERBIAL),
        _ => true,
    }
}

/// Words that make the rest of a cue's right side an adverbial, not content.
fn is_trailing_start(t: &Tokens, i: usize) -> bool {
    match t.toks.get(i).map(|x| x.kind) {
        None => true,
        Some(Kind::Punct(c)) => matches!(c, ',' | ';' | '.' | '!' | '?' | '(' | ')'),
        Some(Kind::Quote(_)) => false,
        Some(Kind::Num) => false,
        Some(Kind::Word) => t.has(i, flag::ADVERBIAL | flag::TRAILING | flag::WEEKDAY),
    }
}

pub struct Analyzer<'t, 'a> {
    pub t: &'t Tokens<'a>,
    pub reg: &'t Registry,
}

impl Analyzer<'_, '_> {
    /// Resolves a pronoun at token `i`.
    fn pronoun(&self, i: usize, prev: Option<&Mention>) -> Option<Mention> {
        let t = self.t;
        let lo = t.lo(i);
        // the entity a pronoun stands for, at the pronoun's place in the text
        let here = |mut m: Mention| {
            m.span = Span::new(t.start(i), t.end(i));
            m
        };
        match lo {
            // object forms: "according to her"
            "he" | "she" | "him" | "her" => {
                let sex = if matches!(lo, "he" | "him") {
                    Gender::Male
                } else {
                    Gender::Female
                };
                // Unknown sex agrees with either pronoun.
                let agrees = |name: &str, roles: &[String]| {
                    self.reg.gender_of(name, roles).is_none_or(|g| g == sex)
                };
                let last = self
                    .reg
                    .antecedent_person(t, i, |f: &Found| agrees(&f.name, &f.roles));
                // "A senior official confirmed …; “…,” he said": one unnamed person
                // ("Another said …. He said …": one of the group just counted)
                let one_unnamed = |p: &Mention| {
                    nominal_head(p).is_some_and(|w| {
                        rules::ROLE_NOUNS.contains(&w.as_str())
                            || matches!(w.as_str(), "another" | "one")
                    })
                };
                let prev = prev.filter(|p| {
                    (p.kind == EntityKind::Person && agrees(&p.name, &p.roles)) || one_unnamed(p)
                });
                // The previous speaker, unless a person was named after it in a later
                // sentence (one named in the speaker's own sentence is what they spoke of).
                let same_sentence = |p: &Mention, f: &Found| {
                    let from = self.token_at(p.span.start);
                    !(from..f.a).any(|k| t.is_punct(k, '.') || t.toks[k].para_break)
                };
                if let Some(p) = prev {
                    if last.is_none_or(|f| {
                        f.name == p.name || t.start(f.a) < p.span.start || same_sentence(p, f)
                    }) {
                        return Some(here(p.clone()));
                    }
                }
                last.map(|f| here(mention_of(t, f)))
            }
            "it" => {
                // a body, or a description of one ("The port agency says …. It says …")
                let body = |p: &Mention| {
                    matches!(p.kind, EntityKind::Organization | EntityKind::Outlet)
                        || nominal_head(p)
                            .is_some_and(|w| t.lex.is_org_head(&w) || rules::is_org_descriptor(&w))
                };
                if let Some(p) = prev.filter(|p| body(p)) {
                    return Some(here(p.clone()));
                }
                self.reg
                    .last_before(i, &[EntityKind::Organization, EntityKind::Outlet])
                    .map(|f| here(mention_of(t, f)))
            }
            // "Researchers finished a study. The study shows …. They say …": people, not
            // the document that spoke last
            "they" | "them" => prev
                .filter(|p| matches!(p.kind, EntityKind::Nominal | EntityKind::Organization))
                .filter(|p| {
                    !nominal_head(p).is_some_and(|w| rules::DOCUMENT_NOUNS.contains(&w.as_str()))
                })
                .map(|p| here(p.clone()))
                .or_else(|| plural_source_before(t, i).map(here)),
            _ => None,
        }
    }

    /// The organisation a bare description stands for: the last one named with that head
    /// word ("the ministry"), or the last organisation at all for generic heads.
    fn org_for_description(&self, head: &str, at: usize) -> Option<&Found> {
        let generic = rules::GENERIC_BODY_NOUNS.contains(&head);
        if !generic && !self.t.lex.is_org_head(head) {
            return None;
        }
        let last = self.reg.last_before(at, &[EntityKind::Organization])?;
        let named = last.name.split(' ').any(|w| w.eq_ignore_ascii_case(head));
        (generic || named).then_some(last)
    }

    /// The body "the <head>" stands for: the one named last ([`Self::org_for_description`]),
    /// else, for a generic head ("the company"), the body that spoke last, named by a
    /// cue alone ("Velto blamed …. The company later faulted …").
    fn body_described(&self, head: &str, at: usize, prev: Option<&Mention>) -> Option<Mention> {
        if let Some(f) = self.org_for_description(head, at) {
            return Some(mention_of(self.t, f));
        }
        let generic = rules::GENERIC_BODY_NOUNS.contains(&head);
        prev.filter(|p| generic && p.kind == EntityKind::Organization)
            .cloned()
    }

    /// "The Velto CEO": a definite sole role ([`rules::SOLE_HEAD_ROLES`]) qualified by a
    /// name is the person the article named in that role; if it named nobody, the person
    /// quoted just before ("“…,” said Ada Okafor. The Velto CEO added …"), unless that
    /// person is known in another role.
    fn sole_role_holder(&self, a: usize, b: usize, prev: Option<&Mention>) -> Option<Mention> {
        let t = self.t;
        let role = t.lo(b - 1);
        let qualified = t.is(a, "the")
            && b > a + 2
            && (a + 1..b - 1).all(|k| t.is_cap(k) && !t.has(k, flag::DEMONYM));
        if !qualified || !rules::SOLE_HEAD_ROLES.contains(&role) {
            return None;
        }
        let span = Span::new(t.start(a), t.end(b - 1));
        if let Some(p) = self.reg.person_for_role(role, &[], a) {
            return Some(Mention {
                span,
                name: p.name.clone(),
                kind: EntityKind::Person,
                roles: p.roles.clone(),
                place: None,
            });
        }
        let p = prev.filter(|p| p.kind == EntityKind::Person)?;
        let fits = p.roles.is_empty() || p.roles.iter().any(|r| r.eq_ignore_ascii_case(role));
        fits.then(|| Mention { span, ..p.clone() })
    }

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
        if !matches!(t.lo(x), "which" | "that" | "whom") || start >= end {
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

    /// The speaker an NP `[a, b)` names, if it names one.
    fn speaker_of(&self, a: usize, b: usize, prev: Option<&Mention>) -> Option<(Mention, bool)> {
        let t = self.t;
        let mut a = a;
        let mut b = b;
        while a < b
            && (!t.is_word(a) || matches!(t.lo(a), "and" | "but" | "then" | "so" | "meanwhile"))
        {
            a += 1;
        }
        while b > a && (!t.is_word(b - 1) || t.has(b - 1, flag::CUE_ADV)) && !t.is_punct(b - 1, ')')
        {
            b -= 1;
        }
        if a >= b || b - a > 20 {
            return None;
        }
        // A speaker is a noun phrase: "would", "had", "is" mean a clause was caught.
        if (a..b).any(|i| !t.toks[i].cap && t.has(i, flag::COMMON_VERB)) {
            return None;
        }
        if b - a == 1 && (t.has(a, flag::PRONOUN) || matches!(t.lo(a), "him" | "her" | "them")) {
            return self.pronoun(a, prev).map(|m| (m, true));
        }
        if (a..b).any(|i| matches!(t.lo(i), "statement" | "communiqué" | "release")) && b - a <= 3
        {
            return prev.map(|p| (p.clone(), true));
        }
        let found = self.reg.overlapping(a, b);
        // The head noun of a description: the first source noun ("a journalist present in
        // the area held by the army" is a journalist).
        let lower_nominal =
            (a..b).find(|&i| t.has(i, flag::NOMINAL | flag::ROLE) && (!t.toks[i].cap || i == a));
        if let Some(f) = found.iter().rev().find(|f| f.kind == EntityKind::Person) {
            // "the chief of staff of X" describes someone else than X.
            let possessive = t.is_possessive(f.b - 1);
            let owned = lower_nominal.is_some_and(|n| {
                (n < f.a && (n..f.a).any(|i| matches!(t.lo(i), "of" | "for" | "to")))
                    || (possessive && n >= f.b)
            });
            if !owned {
                return Some((mention_of(t, f), false));
            }
        }
        // "The Velto CEO" with nobody named in that role: the person who spoke just before.
        if let Some(m) = self.sole_role_holder(a, b, prev) {
            return Some((m, false));
        }
        // "a spokesperson for the Harbour Board" speaks for the board.
        if let Some(n) = lower_nominal {
            if matches!(
                t.lo(n),
                "spokesperson" | "spokesman" | "spokeswoman" | "representative"
            ) {
                if let Some(f) = found
                    .iter()
                    .find(|f| f.a > n && f.kind == EntityKind::Organization)
                {
                    return Some((mention_of(t, f), false));
                }
            }
        }
        let org = found
            .iter()
            .find(|f| matches!(f.kind, EntityKind::Organization | EntityKind::Outlet));
        if let Some(f) = org {
            let report = (a..b).any(|i| matches!(t.lo(i), "report" | "reports"));
            if report && f.kind == EntityKind::Outlet {
                // "a report by Reuters": the outlet speaks; the span keeps "report" so the
                // caller can tell the outlet is also the channel.
                let mut m = mention_of(t, f);
                m.span = Span::new(t.start(a), t.end(b - 1));
                return Some((m, false));
            }
            let role_first = lower_nominal.is_some_and(|n| n < f.a && t.has(n, flag::ROLE));
            let outlet_noun = lower_nominal.is_some_and(|n| {
                n >= f.b && (t.is(n, "agency") || rules::OUTLET_KINDS.contains(&t.lo(n)))
            });
            if f.kind == EntityKind::Outlet && outlet_noun {
                return Some((mention_of(t, f), false));
            }
            // "the ministry's latest figures show", "a World Bank study": the body's own document
            let own_document = (t.is_possessive(f.b - 1) || f.b + 1 == b)
                && b > f.b
                && rules::DOCUMENT_NOUNS.contains(&t.lo(b - 1));
            if (lower_nominal.is_none_or(|n| n < f.a) && !role_first) || own_document {
                return Some((mention_of(t, f), false));
            }
        }
        let start_np = nominal_start(t, a, lower_nominal.map_or(b, |n| n + 1));
        if let Some(n) = lower_nominal {
            // "a statement from the ministry": the document's author speaks.
            let document = rules::DOCUMENT_NOUNS.contains(&t.lo(n));
            if document && matches!(t.lo(n + 1), "from" | "by" | "of") && n + 2 < b {
                if let Some(found) = self.speaker_of(n + 2, b, prev) {
                    return Some(found);
                }
            }
            // A name after the description names the speaker: "chief executive Ana Ruiz",
            // "the state weather agency AEMET".
            let mut c = b;
            while c > n + 1 && t.is_cap(c - 1) && !t.has(c - 1, flag::NOT_NAME) {
                c -= 1;
            }
            let lower_between =
                (n + 1..c).all(|i| t.is_word(i) && !t.is_cap(i) && !t.has(i, flag::FUNCTION));
            if c < b
                && lower_between
                && !t.toks[n].cap
                && b - c <= 4
                && (c..b).all(|i| !t.has(i, flag::DEMONYM))
            {
                let kind = if b - c >= 2 && t.has(n, flag::ROLE) {
                    EntityKind::Person
                } else {
                    EntityKind::Organization
                };
                let name = t.span_text(c, b).to_string();
                return Some((span_mention(t, c, b, name, kind), false));
            }
            if t.has(n, flag::ROLE) && t.is_word(n) {
                let ctx = content_words(t, start_np, b);
                let ctx: Vec<String> = ctx.into_iter().filter(|c| c != t.lo(n)).collect();
                let definite = t.is(start_np, "the")
                    || t.s(start_np).ends_with("’s")
                    || t.s(start_np).ends_with("'s")
                    || t.is_cap(start_np);
                // "A senior port official confirmed … “…,” the official said.": the unnamed
                // source just quoted, not someone named earlier with that role
                let same_source = prev.filter(|p| {
                    p.kind == EntityKind::Nominal
                        && p.name
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| w.eq_ignore_ascii_case(t.lo(n)))
                });
                if let (true, Some(p)) = (t.is(start_np, "the") && n == start_np + 1, same_source) {
                    let mut m = p.clone();
                    m.span = Span::new(t.start(start_np), t.end(n));
                    return Some((m, true));
                }
                if definite {
                    if let Some(p) = self.reg.person_for_role(t.lo(n), &ctx, a) {
                        let m = Mention {
                            span: Span::new(t.start(start_np), t.end(b - 1)),
                            name: p.name.clone(),
                            kind: EntityKind::Person,
                            roles: p.roles.clone(),
                            place: None,
                        };
                        return Some((m, false));
                    }
                }
            }
            // "the ministry", "the company": the organisation the article just named.
            if t.is(start_np, "the") && n == start_np + 1 && b == n + 1 {
                if let Some(mut m) = self.body_described(t.lo(n), a, prev) {
                    m.span = Span::new(t.start(start_np), t.end(n));
                    return Some((m, false));
                }
            }
            if let Some(m) = national_body(t, start_np, b) {
                return Some((m, false));
            }
            let text = t.span_text(start_np, b).to_string();
            return Some((
                span_mention(t, start_np, b, text, EntityKind::Nominal),
                false,
            ));
        }
        // "the Americans", "the pro-government separatists": a group named by nationality.
        let det = usize::from(t.is(a, "the"));
        if b == a + det + 1 && t.has(a + det, flag::DEMONYM) && t.lo(a + det).ends_with('s') {
            let text = t.span_text(a, b).to_string();
            return Some((span_mention(t, a, b, text, EntityKind::Nominal), false));
        }
        if let Some(f) = found.iter().find(|f| f.kind == EntityKind::Place) {
            if f.a <= a + 1 && f.b >= b {
                return Some((mention_of(t, f), false));
            }
        }
        // An unknown capitalised name right before or after a cue.
        let caps = (a..b).all(|i| {
            t.is_cap(i)
                && !t.has(
                    i,
                    flag::NOT_NAME | flag::DEMONYM | flag::MONTH | flag::WEEKDAY,
                )
        });
        if caps && b - a <= 4 && !t.has(a, flag::PRONOUN) {
            // one word is a body ("Velto said"), unless it is a common given name
            let kind = if b - a >= 2 || crate::mentions::is_common_given_name(t.lo(a)) {
                EntityKind::Person
            } else {
                EntityKind::Organization
            };
            let name = t.span_text(a, b).to_string();
            return Some((span_mention(t, a, b, name, kind), false));
        }
        // "the board", "the union": the organisation the article just named by that head
        if t.is(a, "the") && b == a + 2 && !t.is_cap(a + 1) {
            if let Some(mut m) = self.body_described(t.lo(a + 1), a, prev) {
                m.span = Span::new(t.start(a), t.end(a + 1));
                return Some((m, false));
            }
        }
        // "The terminal operator said that …": a short definite description of a body.
        // "Three callers said …", "One caller suggested …", "Another said …": a counted
        // group or one of it.
        let counted = rules::QUANTIFIERS.contains(&t.lo(a))
            || t.toks.get(a).is_some_and(|x| x.kind == Kind::Num);
        if counted && b == a + 1 && rules::QUANTIFIER_PRONOUNS.contains(&t.lo(a)) {
            let text = t.span_text(a, b).to_string();
            return Some((span_mention(t, a, b, text, EntityKind::Nominal), false));
        }
        let described = (matches!(t.lo(a), "the" | "a" | "an") || counted)
            && (2..=5).contains(&(b - a))
            && (a + 1..b).all(|i| t.is_word(i) && !t.has(i, flag::FUNCTION | flag::PRONOUN))
            && !t.s(b - 1).ends_with("ing");
        if described {
            let text = t.span_text(a, b).to_string();
            return Some((span_mention(t, a, b, text, EntityKind::Nominal), false));
        }
        None
    }

    fn subject_left(
        &self,
        cue: usize,
        sa: usize,
        prev: Option<&Mention>,
        attrs: &[Attr],
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let mut end = cue;
        while end > sa && t.has(end - 1, flag::CUE_ADV) && end + 3 > cue {
            end -= 1;
        }
        // "Ana Ruiz, however, said": a parenthetical adverb between commas
        if end >= sa + 4
            && t.is_punct(end - 1, ',')
            && rules::PARENTHETICAL_ADVERBS.contains(&t.lo(end - 2))
            && t.is_punct(end - 3, ',')
        {
            end -= 3;
        }
        // "the leader of the People's Front (PF) admitted": the acronym in brackets
        // belongs to the subject, not a boundary before it.
        if end > sa + 2 && t.is_punct(end - 1, ')') {
            if let Some(open) = (end.saturating_sub(5).max(sa)..end - 1)
                .rev()
                .find(|&k| t.is_punct(k, '('))
            {
                if open > sa && (open + 1..end - 1).all(|k| t.is_cap(k)) {
                    end = open;
                }
            }
        }
        let mut seg_end = end;
        let mut after_gap = false;
        for _ in 0..4 {
            let mut start = seg_end;
            while start > sa && !is_left_boundary(t, start - 1) && seg_end - start < 20 {
                start -= 1;
            }
            let bound = if start > sa { Some(start - 1) } else { None };
            // "X, who has in the past called for …": only auxiliaries and adverbials
            // between "who" and the cue
            if bound.is_some_and(|x| t.is(x, "who")) && t.has(start, flag::COMMON_VERB) {
                start = seg_end;
            }
            if let Some(x) = bound {
                // "the dam, which Ana Ruiz said may open": the relative's own subject speaks
                if let Some(sp) = self.object_relative_subject(x, start, seg_end, prev) {
                    return Some((start, sp.0, sp.1));
                }
                // "a resident, who asked not to be named, told": skip the relative clause.
                if matches!(t.lo(x), "who" | "which")
                    && x > sa
                    && t.is_punct(x - 1, ',')
                    && start < seg_end
                {
                    seg_end = x - 1;
                    after_gap = false;
                    continue;
                }
            }
            let age = seg_end == start + 1 && t.toks[start].kind == Kind::Num;
            if age && bound.is_some_and(|x| t.is_punct(x, ',')) {
                seg_end = start - 1;
                continue;
            }
            // "The mayor, speaking in Vell, said": the participle phrase is not the subject.
            let participle = start < seg_end && !t.is_cap(start) && t.lo(start).ends_with("ing");
            // "Ana Ruiz, from Vell, Norland, said": where the speaker comes from
            let from_before = (start.saturating_sub(6).max(sa)..start).any(|k| t.is(k, "from"));
            let origin = start < seg_end
                && (t.is(start, "from")
                    || from_before
                        && self.reg.overlapping(start, seg_end).iter().any(|f| {
                            f.kind == EntityKind::Place && f.a == start && f.b == seg_end
                        }));
            if (participle || origin) && bound.is_some_and(|x| t.is_punct(x, ',')) {
                seg_end = start - 1;
                after_gap = false;
                continue;
            }
            if start < seg_end {
                // "Ana Ruiz, a Democrat from Ohio, said", "X, the head of Y, said".
                let appositive = (t.has(start, flag::ROLE | flag::NOMINAL) && !t.is_cap(start))
                    || matches!(t.lo(start), "a" | "an" | "another")
                    || (t.is(start, "the")
                        && t.has(start + 1, flag::ROLE | flag::NOMINAL)
                        && !t.is_cap(start + 1))
                    // "X, the port's longest-serving engineer, insists": a role at the head
                    || (t.is(start, "the")
                        && seg_end > start + 2
                        && t.has(seg_end - 1, flag::ROLE)
                        && !t.is_cap(seg_end - 1)
                        && (start + 1..seg_end).all(|i| t.is_word(i)))
                    // "Velto, the German carmaker, said"
                    || (t.is(start, "the")
                        && (start + 1..seg_end).all(|i| t.is_word(i))
                        && (start + 1..seg_end).any(|i| {
                            !t.is_cap(i) && rules::is_org_descriptor(t.lo(i))
                        }));
                // closed by a comma before the cue: in "X plans cuts, the company
                // announced" the description is the subject itself
                if appositive && after_gap && bound.is_some_and(|x| t.is_punct(x, ',')) {
                    let mut x = start - 1;
                    let mut s2 = x;
                    while s2 > sa && !is_left_boundary(t, s2 - 1) {
                        s2 -= 1;
                    }
                    // "Mara Velt, 45, a teacher, said": hop over the age.
                    if x == s2 + 1
                        && t.toks[s2].kind == Kind::Num
                        && s2 > sa
                        && t.is_punct(s2 - 1, ',')
                    {
                        x = s2 - 1;
                        s2 = x;
                        while s2 > sa && !is_left_boundary(t, s2 - 1) {
                            s2 -= 1;
                        }
                    }
                    let unknown_name = x >= s2 + 2
                        && x - s2 <= 4
                        && (s2..x).all(|i| t.is_cap(i) && !t.has(i, flag::NOT_NAME));
                    let named = unknown_name
                        || self.reg.within(s2, x).iter().any(|f| {
                            matches!(f.kind, EntityKind::Person | EntityKind::Organization)
                        });
                    if named {
                        seg_end = x;
                        after_gap = true;
                        continue;
                    }
                }
                let sp = self.speaker_of(start, seg_end, prev)?;
                if after_gap
                    && !matches!(
                        sp.0.kind,
                        EntityKind::Person | EntityKind::Organization | EntityKind::Outlet
                    )
                {
                    return None;
                }
                return Some((start, sp.0, sp.1));
            }
            match bound {
                Some(x) if t.is_punct(x, ',') && !after_gap => {
                    // "The minister, who visited X and met Y, said": skip the whole
                    // relative clause back to its antecedent.
                    let relative = (x.saturating_sub(25).max(sa + 1)..x)
                        .rev()
                        .find(|&k| matches!(t.lo(k), "who" | "which") && t.is_punct(k - 1, ','));
                    match relative {
                        Some(k) => seg_end = k - 1,
                        None => {
                            seg_end = x;
                            after_gap = true;
                        }
                    }
                }
                Some(x) if t.is(x, "who") => {
                    let e = if x > sa && t.is_punct(x - 1, ',') {
                        x - 1
                    } else {
                        x
                    };
                    // "concerns about Ana Ruiz, who has called for …": the name before
                    // the comma, not the sentence's first speaker
                    let named = self
                        .reg
                        .overlapping(e.saturating_sub(1), e)
                        .iter()
                        .find(|f| {
                            f.b == e
                                && matches!(f.kind, EntityKind::Person | EntityKind::Organization)
                        });
                    if let Some(f) = named {
                        return Some((x, mention_of(t, f), true));
                    }
                    // "local officials, who said": the relative clause's antecedent.
                    if let Some(sp) = attrs.last().and_then(|l| l.speaker.clone()) {
                        return Some((x, sp, true));
                    }
                    let mut s = e;
                    while s > sa && !is_left_boundary(t, s - 1) && e - s < 10 {
                        s -= 1;
                    }
                    if let Some(sp) = self.speaker_of(s, e, prev) {
                        return Some((x, sp.0, true));
                    }
                    // "anger among fishermen, who say": the noun phrase before the comma,
                    // people by "who" even when no word list knows the noun
                    let k = np_before(t, s, e);
                    if let Some(sp) = self.speaker_of(k, e, prev) {
                        return Some((x, sp.0, true));
                    }
                    let people = k < e && e - k <= 4;
                    let text = t.span_text(k, e).to_string();
                    return people
                        .then(|| (x, span_mention(t, k, e, text, EntityKind::Nominal), true));
                }
                Some(x) if matches!(t.lo(x), "and" | "but") => {
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

    /// The subject that opens the sentence `[sa, x)`, for a cue coordinated with its first
    /// verb ("He was visiting the port when it flooded, and says …"): a pronoun, or a
    /// person or body named first.
    fn sentence_subject(&self, sa: usize, x: usize, prev: Option<&Mention>) -> Option<Mention> {
        let t = self.t;
        if t.has(sa, flag::PRONOUN) {
            return self.pronoun(sa, prev);
        }
        let from = sa + usize::from(t.is(sa, "the"));
        self.reg
            .overlapping(sa, x)
            .iter()
            .find(|f| {
                f.a == from && matches!(f.kind, EntityKind::Person | EntityKind::Organization)
            })
            .map(|f| mention_of(t, f))
    }

    fn subject_right(
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
        let mut finish = end;
        // "said the head of the agency, Mara Velt, in …": the apposition names the speaker.
        if matches!(sp.kind, EntityKind::Nominal) && t.is_punct(end, ',') {
            let mut e2 = end + 1;
            while e2 < sb && !is_right_boundary(t, e2) && e2 - end < 6 {
                e2 += 1;
            }
            if let Some((m, _)) = self.speaker_of(end + 1, e2, prev) {
                if m.kind == EntityKind::Person {
                    sp = m;
                    finish = e2;
                }
            }
        }
        Some((finish, sp, leans))
    }

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
            } else if matches!(t.lo(i), "found" | "finds" | "showed" | "shows" | "show")
                && t.is(i + 1, "that")
            {
                // Reports and studies "found that" / "showed that".
                out.push((i, i + 1, CueKind::Plain));
            } else if let Some(colon) = made_statement(t, i, s.b) {
                // "made two announcements: …"
                out.push((i, colon + 1, CueKind::Plain));
                i = colon;
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
            } else if t.is(i, "called") && matches!(t.lo(i + 1), "on" | "for") {
                out.push((i, i + 2, CueKind::Plain));
                i += 1;
            } else if t.has(i, flag::QUOTE_ONLY) {
                out.push((i, i + 1, CueKind::QuoteOnly));
            } else if t.has(i, flag::BASE_CUE) && t.has(i + 1, flag::CUE) && !t.is_cap(i + 1) {
                // "a Harbour Board report says": the plain form is a noun before the cue
            } else if t.has(i, flag::CUE) {
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

    /// Analyses one sentence; `prev` is the speaker of the claim before it.
    /// Analyses one sentence; `prev` is the speaker of the claim before it. Also says
    /// whether anyone is credited in the sentence at all (such a sentence is not the
    /// article's own voice even when it yields no claim).
    pub fn sentence(&self, s: &Sentence, prev: Option<&Mention>) -> (Vec<Draft>, bool) {
        let t = self.t;
        let mask = QuoteMask::new(s);
        let mut attrs = self.collect_attrs(s, &mask, prev);
        let via = self.sentence_via(s, &mask, &mut attrs);
        self.right_contents(s, &mut attrs);
        self.cataphora(&mut attrs);
        self.left_contents(s, &mask, &mut attrs);
        let mut drafts = self.quote_drafts(s, &mask, &mut attrs);
        for x in &attrs {
            if x.outlet_only || x.quote_only {
                continue;
            }
            let Some((c, e)) = x.content else { continue };
            let words = words(t, c, e);
            let only_quotes = (c..e).all(|i| mask.inside(i) || !t.is_word(i));
            // "asked for leniency": an act's object may be short
            let least = if rules::ACT_CUES.contains(&t.lo(x.cue)) && c > x.cue {
                1
            } else {
                3
            };
            if words < least || only_quotes || where_or_whom(t, x.cue_end, c, e) {
                continue;
            }
            drafts.push(Draft {
                direct: false,
                a: c,
                b: e,
                speaker: x.speaker.clone(),
                via: None,
                spoke_to_via: false,
                cue: Some(t.span_text(x.cue_src.0, x.cue_src.1).to_string()),
                leans_on_previous: x.leans,
                orphan: false,
                scene: None,
            });
        }
        self.split_closing_quotes(s, &attrs, &mut drafts);
        for d in drafts.iter_mut() {
            let Some(sp) = &d.speaker else { continue };
            if let Some((v, conversation)) = &via {
                // "…, X said, quoted by Interfax, after Y announced that …": the outlet
                // carried X's words, not the later clause's.
                let v_end = self.token_at(v.span.end);
                let later_clause = (v_end..d.a).any(|k| {
                    matches!(
                        t.lo(k),
                        "after" | "before" | "while" | "when" | "since" | "because" | "whereas"
                    )
                });
                if v.name != sp.name && !later_clause {
                    d.via = Some(v.clone());
                    d.spoke_to_via = *conversation;
                }
            }
            if d.via.is_none() {
                // "a Reuters journalist", "a report by Reuters": the outlet inside the speaker.
                let inner = self.reg.within(
                    self.token_at(sp.span.start),
                    self.token_at(sp.span.end)
                        .max(self.token_at(sp.span.start) + 1),
                );
                if let Some(f) = inner.iter().find(|f| f.kind == EntityKind::Outlet) {
                    if sp.kind == EntityKind::Nominal || sp.kind == EntityKind::Outlet {
                        let whole =
                            t.span_text(self.token_at(sp.span.start), self.token_at(sp.span.end));
                        if sp.kind == EntityKind::Nominal || whole.contains("report") {
                            d.via = Some(mention_of(t, f));
                        }
                    }
                }
            }
        }
        drafts.sort_by_key(|d| d.a);
        let credited = attrs
            .iter()
            .any(|x| x.speaker.is_some() && !x.outlet_only && !x.quote_only);
        (drafts, credited)
    }

    /// "urged residents to leave, in order to “stay safe”": a quotation that closes the
    /// reported content in a short clause of its own is the speaker's own words, a direct
    /// claim beside the reported one (a quoted word inside the clause stays a scare quote).
    /// Before a trailing cue ("A, which “B”, said X") only the quotation is X's: the rest
    /// is the article's framing.
    fn split_closing_quotes(&self, s: &Sentence, attrs: &[Attr], drafts: &mut Vec<Draft>) {
        let t = self.t;
        let mut extra = Vec::new();
        let mut framing = Vec::new();
        for (n, d) in drafts.iter_mut().enumerate() {
            if d.direct || d.speaker.is_none() {
                continue;
            }
            let Some(q) = s
                .quotes
                .iter()
                .find(|q| q.closed && q.open > d.a && q.open < d.b && q.outer_end() >= d.b)
            else {
                continue;
            };
            let (qa, qb) = q.inner();
            let Some(comma) = (d.a..q.open).rev().find(|&k| t.is_punct(k, ',')) else {
                continue;
            };
            if words(t, qa, qb) < 2 || words(t, d.a, comma) < 3 {
                continue;
            }
            let trailing = attrs
                .iter()
                .any(|x| x.trailing && x.content == Some((d.a, d.b)));
            // The quotation hangs on a phrase of its own ("…, in order to “…”"), not on
            // the main clause ("Since May, troops took “…”").
            let subordinate =
                t.is_word(comma + 1) && !t.is_cap(comma + 1) && t.has(comma + 1, flag::FUNCTION);
            if !subordinate || !(trailing || words(t, comma, q.open) <= 4) {
                continue;
            }
            extra.push(Draft {
                direct: true,
                a: qa,
                b: qb,
                speaker: d.speaker.clone(),
                via: None,
                spoke_to_via: false,
                cue: d.cue.clone(),
                leans_on_previous: d.leans_on_previous,
                orphan: false,
                scene: None,
            });
            if trailing {
                framing.push(n);
            } else {
                d.b = comma;
            }
        }
        for n in framing.into_iter().rev() {
            drafts.remove(n);
        }
        drafts.extend(extra);
    }

    /// Every cue of the sentence with its speaker, in text order.
    fn collect_attrs(&self, s: &Sentence, mask: &QuoteMask, prev: Option<&Mention>) -> Vec<Attr> {
        let t = self.t;
        let cues = self.find_cues(s, mask);
        let mut attrs: Vec<Attr> = Vec::new();
        for &(cue, cue_end, kind) in &cues {
            let prev_sp = attrs.iter().rev().find_map(|x| x.speaker.as_ref()).or(prev);
            let mut at = Attr {
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
                    {
                        cue + 1
                    } else {
                        cue_end
                    },
                ),
                no_that_search: false,
            };
            if kind == CueKind::AndThat {
                // "said that A, and that B": B is a second claim of the same speaker.
                let Some(last) = attrs
                    .iter()
                    .rev()
                    .find(|x| x.speaker.is_some() && !x.outlet_only)
                else {
                    continue;
                };
                at.speaker.clone_from(&last.speaker);
                at.cue_src = last.cue_src;
                at.leans = true;
                at.begin = if cue > s.a && t.is(cue - 1, "and") {
                    cue - 1
                } else {
                    cue
                };
                at.no_that_search = true;
                attrs.push(at);
                continue;
            }
            if kind == CueKind::AccordingTo {
                // according to X
                let mut e = cue_end;
                while e < s.b
                    && !matches!(
                        t.toks[e].kind,
                        Kind::Punct(',' | '.' | ';' | ':') | Kind::Quote(_)
                    )
                    && (e == cue_end || t.toks[e].space_before)
                    && !(e > cue_end && starts_new_phrase(t, e))
                    && e - cue_end < 16
                {
                    // "(IUCN)" stays with the name it abbreviates.
                    if t.is_punct(e, '(') {
                        if let Some(close) = (e + 1..(e + 6).min(s.b)).find(|&k| t.is_punct(k, ')'))
                        {
                            e = close + 1;
                            continue;
                        }
                    }
                    e += 1;
                }
                let sp = match self.speaker_of(cue_end, e, prev_sp) {
                    Some((sp, _)) => sp,
                    None if e > cue_end && e - cue_end <= 8 => {
                        let text = t.span_text(cue_end, e).to_string();
                        span_mention(t, cue_end, e, text, EntityKind::Nominal)
                    }
                    None => continue,
                };
                at.speaker = Some(sp);
                at.finish = e;
                let sentence_start = (s.a..cue).all(|k| !t.is_word(k) || mask.inside(k));
                if sentence_start || (cue > s.a && !t.is_punct(cue - 1, ',')) && cue - s.a <= 1 {
                    let mut c = e;
                    while c < s.b && t.is_punct(c, ',') {
                        c += 1;
                    }
                    at.content = Some((c, s.b));
                } else if let Some(a) = enclosing_clause(t, s, cue, e) {
                    // "A, according to X, B": the clause reads on through the aside.
                    at.content = Some((a, s.b));
                } else {
                    at.trailing = true;
                }
                attrs.push(at);
                continue;
            }
            if kind == CueKind::Participle {
                // ", adding that …" continues the attribution before it.
                let Some(sp) = attrs.iter().rev().find_map(|x| x.speaker.clone()) else {
                    continue;
                };
                if cue == s.a
                    || !(t.is_punct(cue - 1, ',') || t.is(cue - 1, "while") || t.is(cue - 1, "and"))
                {
                    continue;
                }
                at.speaker = Some(sp);
                at.leans = true;
                at.begin = cue - 1;
                attrs.push(at);
                continue;
            }
            // "could not confirm", "refused to say": a plain form after a modal, a
            // negation or "to" attributes nothing.
            if t.has(cue, flag::BASE_CUE)
                && cue > s.a
                && (rules::BASE_CUE_BLOCKERS.contains(&t.lo(cue - 1))
                    || t.lo(cue - 1).ends_with("’s")
                    || t.lo(cue - 1).ends_with("'s"))
            {
                continue;
            }
            // "were told to leave", "is said to be": passive, not an attribution.
            let mut p = cue;
            while p > s.a && t.has(p - 1, flag::CUE_ADV) && !t.has(p - 1, flag::COMMON_VERB) {
                p -= 1;
            }
            if p > s.a
                && matches!(
                    t.lo(p - 1),
                    "is" | "are" | "was" | "were" | "be" | "been" | "being"
                )
            {
                continue;
            }
            if !matches!(t.lo(cue), "told" | "tells")
                && t.is(cue + 1, "to")
                && t.is_word(cue + 2)
                && !t.is_cap(cue + 2)
                && !t.has(cue + 2, flag::FUNCTION)
            {
                continue;
            }
            if t.is(cue, "read")
                && !(s.a..cue).any(|k| {
                    matches!(
                        t.lo(k),
                        "statement" | "message" | "letter" | "post" | "communiqué"
                    )
                })
            {
                continue;
            }
            match self.subject_left(cue, s.a, prev_sp, &attrs) {
                Some((begin, sp, leans)) => {
                    if kind == CueKind::Perception && !(begin..cue).any(|k| t.has(k, flag::WITNESS))
                    {
                        continue;
                    }
                    at.begin = begin;
                    at.speaker = Some(sp);
                    at.leans = leans;
                }
                None => {
                    if kind == CueKind::Perception {
                        continue;
                    }
                    let mut k = cue;
                    while k > s.a && t.has(k - 1, flag::CUE_ADV) {
                        k -= 1;
                    }
                    let inverted = k == s.a || t.is_punct(k - 1, ',') || t.is_quote(k - 1);
                    if !inverted {
                        continue;
                    }
                    let Some((finish, sp, leans)) = self.subject_right(cue_end, s.b, prev_sp)
                    else {
                        continue;
                    };
                    at.finish = finish;
                    at.speaker = Some(sp);
                    at.leans = leans;
                    at.trailing = true;
                    attrs.push(at);
                    continue;
                }
            }
            attrs.push(at);
        }
        attrs
    }

    /// "It announced that A, “B,” the ministry said": a pronoun subject takes the named
    /// speaker that closes its own sentence before it looks back at earlier ones.
    fn cataphora(&self, attrs: &mut [Attr]) {
        let t = self.t;
        let Some((named_cue, named)) = attrs
            .iter()
            .rev()
            .find(|x| x.trailing && !x.leans && !x.outlet_only)
            .and_then(|x| Some((x.cue, x.speaker.clone()?)))
        else {
            return;
        };
        for x in attrs.iter_mut().filter(|x| x.cue < named_cue && x.leans) {
            let pronoun_subject = t.has(x.begin, flag::PRONOUN)
                && (x.begin + 1..x.cue).all(|k| t.has(k, flag::CUE_ADV));
            let agrees = match t.lo(x.begin) {
                "it" => named.kind == EntityKind::Organization,
                "he" | "she" => named.kind == EntityKind::Person,
                _ => false,
            };
            if pronoun_subject && agrees {
                x.speaker = Some(named.clone());
                x.leans = false;
            }
        }
    }

    /// The outlet the sentence cites; marks attributions that only name that outlet.
    /// The outlet the sentence cites, and whether the speaker talked to it.
    fn sentence_via(
        &self,
        s: &Sentence,
        mask: &QuoteMask,
        attrs: &mut [Attr],
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        // Outlet-only attributions become the via of the others.
        let has_person_like = attrs.iter().any(|x| {
            x.speaker
                .as_ref()
                .is_some_and(|m| m.kind != EntityKind::Outlet || x.leans)
        });
        let mut via: Option<(Mention, bool)> = None;
        for x in attrs.iter_mut() {
            if let Some(m) = &x.speaker {
                if m.kind == EntityKind::Outlet && has_person_like && !x.quote_only && !x.leans {
                    via.get_or_insert_with(|| (m.clone(), false));
                    x.outlet_only = true;
                }
            }
        }
        // Outlets after "told", "quoted by", "reported by", "in", "on".
        for f in self.reg.within(s.a, s.b) {
            // a programme named in quotation marks: "told “Morning Call” listeners"
            let title = s
                .quotes
                .iter()
                .find(|q| q.open < f.a && f.b <= q.close && q.is_title(t));
            if f.kind != EntityKind::Outlet || (mask.inside(f.a) && title.is_none()) {
                continue;
            }
            let mut p = title.map_or(f.a, |q| q.open);
            // "told the daily El Comercio"
            if p > s.a && rules::OUTLET_KINDS.contains(&t.lo(p - 1)) {
                p -= 1;
            }
            if p > s.a && t.is(p - 1, "the") {
                p -= 1;
            }
            // "in an interview with CNN", "in an op-ed for The Times".
            let interview = p > s.a + 1
                && matches!(t.lo(p - 1), "with" | "for")
                && matches!(
                    t.lo(p - 2),
                    "interview"
                        | "conversation"
                        | "podcast"
                        | "op-ed"
                        | "column"
                        | "article"
                        | "piece"
                        | "essay"
                );
            let before = if p > s.a { t.lo(p - 1) } else { "" };
            let talked = interview || matches!(before, "told" | "tells" | "to");
            if talked || matches!(before, "by" | "in" | "on" | "reports") {
                via.get_or_insert_with(|| (mention_of(t, f), talked));
            }
        }
        via
    }

    /// Content on the right of each cue, cut at the next attribution's own words.
    fn right_contents(&self, s: &Sentence, attrs: &mut [Attr]) {
        let t = self.t;
        let n = attrs.len();
        for k in 0..n {
            if attrs[k].trailing || attrs[k].content.is_some() || attrs[k].outlet_only {
                continue;
            }
            let limit = attrs[k + 1..]
                .iter()
                .map(|x| {
                    if x.trailing && !x.outlet_only {
                        x.cue
                    } else {
                        x.begin
                    }
                })
                .find(|&b| b > attrs[k].cue_end)
                .unwrap_or(s.b);
            let mut c = attrs[k].cue_end;
            if matches!(t.lo(attrs[k].cue), "told" | "tells" | "informed") {
                // "told the Guardian that", "told state television": skip the listener.
                let mut d = c;
                while d < limit {
                    if let Some(f) = self.reg.overlapping(d, d + 1).first() {
                        if f.a == d {
                            d = f.b;
                            break;
                        }
                    }
                    let listener_word = |i: usize| {
                        t.is_cap(i)
                            || matches!(
                                t.lo(i),
                                "state"
                                    | "local"
                                    | "national"
                                    | "reporters"
                                    | "journalists"
                                    | "television"
                                    | "radio"
                                    | "media"
                                    | "news"
                                    | "agency"
                                    | "parliament"
                                    | "lawmakers"
                            )
                    };
                    // An article belongs to the listener only when a listener word follows
                    // ("told the BBC"), not to the content ("told reporters the vote …").
                    let listener = listener_word(d)
                        || (matches!(t.lo(d), "the" | "a" | "an")
                            && d == c
                            && listener_word(d + 1));
                    if !listener {
                        break;
                    }
                    d += 1;
                }
                c = d;
            }
            let mut that = None;
            let mut d = if attrs[k].no_that_search { limit } else { c };
            // a verb before "that" opens the content itself: "says it is vital that …"
            let title_mark = |d: usize| {
                s.quotes
                    .iter()
                    .any(|q| (q.open == d || q.close == d) && q.is_title(t))
            };
            while d < limit
                && d < c + 12
                && (!t.is_quote(d) || title_mark(d))
                && !t.is_punct(d, '.')
                && !t.has(d, flag::COMMON_VERB)
            {
                if t.is(d, "that") {
                    that = Some(d);
                    break;
                }
                d += 1;
            }
            attrs[k].finish = c;
            let past_adverbials = skip_adverbials(t, c, limit);
            // "the dam, which Ana Ruiz said this week may open, …": what the relative clause
            // says of its antecedent, up to the clause's closing comma
            let b = attrs[k].begin;
            let relative = b >= 2
                && matches!(t.lo(b - 1), "which" | "that" | "whom")
                && t.is_punct(b - 2, ',')
                && past_adverbials < limit;
            let weak = t.has(attrs[k].cue, flag::WEAK)
                && that.is_none()
                && shows_pictures(t, attrs[k].cue, s.b).is_none();
            if weak && !(c..(c + 3).min(limit)).any(|x| t.is_quote(x) || t.is_punct(x, ':')) {
                // "posted a video": no reported content on the right.
                let right_words = (c..limit).filter(|&x| t.is_word(x)).count();
                if right_words > 0 && !is_trailing_start(t, c) {
                    continue;
                }
            }
            if let Some(th) = that {
                // "says that cannot go on": "that" is the subject of the content
                c = if is_demonstrative_that(t, th) {
                    th
                } else {
                    th + 1
                };
            } else if past_adverbials > c && opens_clause(t, past_adverbials, limit) {
                // "said in a statement it was …", "announced on Friday the capture of …".
                c = past_adverbials;
            } else if !relative && (is_trailing_start(t, c) || c >= limit) {
                // Nothing but adverbials on the right: the content is on the left, unless
                // the left holds only a short lead-in ("Hours later, X announced in a
                // statement the capture of …").
                let starts_quote = (c..(c + 3).min(limit)).any(|x| t.is_quote(x));
                let left_from = attrs[..k]
                    .iter()
                    .rev()
                    .find(|x| !x.outlet_only)
                    .map_or(s.a, |x| x.finish.max(x.cue_end));
                let left_words = words(t, left_from, attrs[k].begin);
                let left_quote = (left_from..attrs[k].begin).any(|i| t.is_quote(i));
                let right_words = words(t, c, limit);
                let short_lead = left_words <= 4 && !left_quote && right_words >= 3 && c < limit;
                if !starts_quote && !short_lead {
                    attrs[k].trailing = true;
                    continue;
                }
                // "The bridge, the mayor said, will reopen": the subject before the aside
                // belongs to the clause.
                let b = attrs[k].begin;
                if short_lead && t.is_punct(c, ',') && b > left_from && t.is_punct(b - 1, ',') {
                    c = left_from;
                }
            }
            if relative {
                c = c.max(past_adverbials);
            }
            let mut e = limit;
            if relative {
                e = (c..limit).find(|&x| t.is_punct(x, ',')).unwrap_or(limit);
            }
            // Stop before ", adding", ", according to", ", “" and a closing "and".
            for x in c..limit {
                let commentary = t.is_word(x + 1)
                    && !t.is_cap(x + 1)
                    && rules::COMMENTARY_PARTICIPLES.contains(&t.lo(x + 1));
                if t.is_punct(x, ',')
                    && (t.is_quote(x + 1) || t.is(x + 1, "according") || commentary)
                {
                    e = x;
                    break;
                }
                if t.is_punct(x, ':') && t.is_quote(x + 1) {
                    e = x;
                    break;
                }
            }
            e = trim_joins(t, c, e, &["and", "but", "while", "as", "where"]);
            // "noted in her speech, “…”": only adverbials before the quote, which is what
            // was said
            let quote_next = (e..(e + 3).min(s.b)).any(|x| t.is_quote(x));
            if quote_next && e > c && skip_adverbials(t, c, e) >= e {
                attrs[k].finish = e;
                continue;
            }
            // "He said this when …", "she said so": a pronoun object, not reported content.
            let pronoun_object = matches!(t.lo(c), "this" | "so" | "it" | "nothing")
                && (c + 1 >= e
                    || !t.is_word(c + 1)
                    || matches!(
                        t.lo(c + 1),
                        "when"
                            | "as"
                            | "while"
                            | "after"
                            | "before"
                            | "because"
                            | "during"
                            | "in"
                            | "at"
                            | "on"
                            | "to"
                            | "again"
                    ));
            if e > c && !pronoun_object {
                attrs[k].content = Some((c, e));
            }
        }
    }

    /// Content on the left of each trailing cue ("CONTENT, X said").
    fn left_contents(&self, s: &Sentence, mask: &QuoteMask, attrs: &mut [Attr]) {
        let t = self.t;
        let n = attrs.len();
        let mut floor = s.a;
        for k in 0..n {
            if attrs[k].trailing && !attrs[k].outlet_only {
                let mut e = attrs[k].begin;
                if attrs[k].begin == attrs[k].cue {
                    e = attrs[k].cue;
                }
                while e > floor && matches!(t.toks[e - 1].kind, Kind::Punct(',' | ';' | ':' | '.'))
                {
                    e -= 1;
                }
                let mut c = floor;
                for p in attrs[..k].iter().rev() {
                    if p.outlet_only {
                        continue;
                    }
                    c = c.max(p.content.map_or(p.finish, |x| x.1.max(p.finish)));
                    break;
                }
                while c < e && matches!(t.toks[c].kind, Kind::Punct(',' | ';' | ':')) {
                    c += 1;
                }
                let has_quote = (c..e).any(|i| t.is_quote(i));
                let loose = loose_words(t, mask, c, e);
                let limit = attrs[k + 1..]
                    .iter()
                    .find(|x| !x.outlet_only)
                    .map_or(s.b, |x| x.begin.min(x.cue));
                let aside = s
                    .quotes
                    .is_empty()
                    .then(|| self.aside_content(s, c, limit, &attrs[k]))
                    .flatten();
                if let Some(content) = aside {
                    attrs[k].content = Some(content);
                } else if e > c && !(has_quote && loose <= QUOTE_FRAGMENT) {
                    attrs[k].content = Some((c, e));
                }
            }
            floor = floor.max(
                attrs[k]
                    .content
                    .map_or(attrs[k].finish, |x| x.1)
                    .max(attrs[k].finish),
            );
        }
    }

    /// "A, X said, B" with B the clause's verb: the clause from `from` through the aside
    /// is X's ("The bridge, the mayor said, will reopen"); after a relative word only what
    /// follows the aside is ("rules that, X says, will cut traffic").
    /// The content ends where the next attribution begins (`limit`), before its joining
    /// words (", where some say …").
    fn aside_content(
        &self,
        s: &Sentence,
        from: usize,
        limit: usize,
        at: &Attr,
    ) -> Option<(usize, usize)> {
        let t = self.t;
        let a = at.begin.min(at.cue);
        if a <= from + 1 || limit <= at.finish + 2 {
            return None;
        }
        let clause = enclosing_clause(t, s, a, at.finish)?.max(from);
        let relative = matches!(t.lo(a - 2), "that" | "which" | "who");
        let joins = ["and", "but", "while", "as", "where", "when"];
        let e = trim_joins(t, at.finish + 2, limit, &joins);
        Some(if relative {
            (at.finish + 1, e)
        } else {
            (clause, e)
        })
    }

    /// Direct claims: each quotation attached to the attribution right after or right
    /// before it; unattributed quotations that stand alone are kept as orphans.
    fn quote_drafts(&self, s: &Sentence, mask: &QuoteMask, attrs: &mut [Attr]) -> Vec<Draft> {
        let t = self.t;
        let quotes = s.quotes;
        let mut drafts = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        let main_speaker = attrs
            .iter()
            .filter(|x| !x.outlet_only)
            .find_map(|x| x.speaker.clone());
        for q in quotes
            .iter()
            .filter(|q| q.open >= s.a && q.open < s.b && !q.is_title(t))
        {
            let (qa, qb) = q.inner();
            let qend = q.outer_end();
            let mut owner: Option<usize> = None;
            // Attributions are in text order: look only at the few around the quote.
            let k0 = attrs.partition_point(|x| x.cue < q.open);
            let near = &attrs[k0.saturating_sub(3)..k0];
            let mut embedded = near.iter().any(|x| {
                !x.trailing
                    && !x.quote_only
                    && x.content.is_some_and(|(c, e)| {
                        c < q.open
                            && qend <= e + 1
                            && (c.max(q.open.saturating_sub(64))..q.open)
                                .filter(|&i| t.is_word(i) && !mask.inside(i))
                                .count()
                                > 2
                    })
            });
            // After: only punctuation between the quote and the attribution.
            let k1 = attrs.partition_point(|x| x.cue < qend);
            let after = attrs
                .get(k1)
                .filter(|x| x.begin >= qend || x.trailing)
                .map(|_| k1);
            if let Some(k) = after {
                let x = &attrs[k];
                let from = if x.trailing && x.begin == x.cue {
                    x.cue
                } else {
                    x.begin
                };
                if from >= qend && words(t, qend, from) == 0 {
                    owner = Some(k);
                    if let (true, Some((c, _))) = (x.trailing, x.content) {
                        let before_words = loose_words(t, mask, c, q.open);
                        embedded = before_words > QUOTE_FRAGMENT;
                    }
                }
            }
            if owner.is_none() {
                // Before: the cue (and its subject) right before the quote.
                if let Some(k) = k0.checked_sub(1) {
                    let x = &attrs[k];
                    let gap = words(t, x.finish.max(x.cue_end), q.open);
                    let limit = if x.quote_only { 8 } else { 2 };
                    let no_that = !(x.cue_end..q.open).any(|i| t.is(i, "that"));
                    let ends_clause =
                        words(t, qend, s.b) <= 5 || t.is_punct(qend, ',') || t.is_punct(qend, '.');
                    if gap <= limit && no_that && (ends_clause || gap == 0) {
                        owner = Some(k);
                    }
                }
            }
            if embedded {
                continue;
            }
            match owner {
                Some(k) => {
                    let x = &mut attrs[k];
                    if let Some((c, e)) = x.content {
                        if c <= q.open && q.close <= e + 1 {
                            x.content = None;
                        }
                    }
                    let (speaker, leans) = if x.outlet_only {
                        (main_speaker.clone(), false)
                    } else {
                        (x.speaker.clone(), x.leans)
                    };
                    drafts.push(Draft {
                        direct: true,
                        a: qa,
                        b: qb,
                        speaker,
                        via: None,
                        spoke_to_via: false,
                        cue: Some(t.span_text(x.cue_src.0, x.cue_src.1).to_string()),
                        leans_on_previous: leans,
                        orphan: false,
                        scene: None,
                    });
                }
                None => {
                    let lead = loose_words(t, mask, s.a, q.open);
                    let lead_ok = lead == 0
                        || (lead <= 4
                            && q.open > s.a
                            && matches!(t.toks[q.open - 1].kind, Kind::Punct(',' | ':')));
                    let in_claim = near
                        .iter()
                        .any(|x| x.content.is_some_and(|(c, e)| c <= q.open && qend <= e + 1));
                    if lead_ok && !in_claim {
                        pending.push(drafts.len());
                        drafts.push(Draft {
                            direct: true,
                            a: qa,
                            b: qb,
                            speaker: None,
                            via: None,
                            spoke_to_via: false,
                            cue: None,
                            leans_on_previous: false,
                            orphan: true,
                            scene: None,
                        });
                    }
                }
            }
        }
        // A quote that opens the sentence shares the attribution of the next quote in it.
        if !pending.is_empty() {
            let mut next: Option<(Option<Mention>, Option<String>, bool)> = None;
            for d in drafts.iter_mut().rev() {
                if !d.orphan {
                    next = Some((d.speaker.clone(), d.cue.clone(), d.leans_on_previous));
                } else if let Some((sp, cue, leans)) = &next {
                    d.speaker.clone_from(sp);
                    d.cue.clone_from(cue);
                    d.leans_on_previous = *leans;
                    d.orphan = false;
                }
            }
        }
        drafts
    }

    /// Index of the first token that ends after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.t.toks.partition_point(|x| x.end <= pos)
    }
}

/// "reports from the State Department", "told the tribunal on Tuesday": what follows the
/// cue at once is where it was said or to whom, a short noun phrase with a time at most,
/// no verb. Not content.
fn where_or_whom(t: &Tokens, cue_end: usize, c: usize, e: usize) -> bool {
    // only "told" has a listener; "told a news conference on …": its first words were
    // skipped as such
    let told = matches!(t.lo(cue_end - 1), "told" | "tells");
    let rest_of_listener =
        c > cue_end && told && !is_determiner(t, c) && t.is_word(c) && !t.is_cap(c);
    if (c != cue_end && !rest_of_listener) || e <= c {
        return false;
    }
    let place_prep = matches!(t.lo(c), "from" | "at" | "in" | "to");
    let mut k = c + usize::from(place_prep);
    if is_determiner(t, k) {
        k += 1;
    }
    let head = k;
    while k < e && t.is_word(k) && k < head + 3 && !t.has(k, flag::FUNCTION) {
        k += 1;
    }
    let when = k + 2 == e
        && matches!(t.lo(k), "on" | "this" | "last")
        && (t.has(k + 1, flag::WEEKDAY) || rules::TIME_NOUNS.contains(&t.lo(k + 1)));
    let verb = (c..e).any(|i| {
        is_auxiliary(t, i) || t.has(i, flag::CUE) || (t.lo(i).len() > 3 && t.lo(i).ends_with("ed"))
    });
    let listener = (told && is_determiner(t, c)) || rest_of_listener;
    k > head && !verb && ((place_prep && k == e) || (listener && when))
}

/// How far back "they" looks for the people a sentence opened with.
const THEY_LOOKBACK: usize = 80;

/// The plural source noun that opened one of the last sentences before `i` ("Researchers
/// have completed …"): what "they" means when the last speaker was a document.
fn plural_source_before(t: &Tokens, i: usize) -> Option<Mention> {
    (i.saturating_sub(THEY_LOOKBACK)..i).rev().find_map(|k| {
        let opens = k == 0 || t.is_punct(k - 1, '.') || t.toks[k].para_break;
        let lo = t.lo(k);
        let people = lo
            .strip_suffix('s')
            .is_some_and(|one| rules::ROLE_NOUNS.contains(&one))
            || (lo.ends_with('s') && rules::NOMINAL_SOURCE_NOUNS.contains(&lo));
        (opens && t.is_cap(k) && people).then(|| {
            let text = t.s(k).to_string();
            span_mention(t, k, k + 1, text, EntityKind::Nominal)
        })
    })
}

/// The head word of an unnamed speaker's description, in lower case ("A senior port
/// officer" → "officer"); `None` for a named one.
fn nominal_head(m: &Mention) -> Option<String> {
    (m.kind == EntityKind::Nominal)
        .then(|| m.name.split_whitespace().last().map(str::to_lowercase))
        .flatten()
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

/// "that" as a pronoun rather than a conjunction: a verb follows it at once ("that is
/// why", "that cannot go on"), where a conjunction needs a subject first.
fn is_demonstrative_that(t: &Tokens, i: usize) -> bool {
    is_auxiliary(t, i + 1)
}

/// `e` moved back, no further than `floor`, past the punctuation and the joining words
/// (`joins`) a content span must not end with ("…, and", "… where").
fn trim_joins(t: &Tokens, floor: usize, mut e: usize, joins: &[&str]) -> usize {
    while e > floor
        && (joins.contains(&t.lo(e - 1))
            || matches!(t.toks[e - 1].kind, Kind::Punct(',' | '.' | ';' | ':')))
    {
        e -= 1;
    }
    e
}

/// An auxiliary or modal, plain or fused with "not" ("is", "will", "can't").
fn is_auxiliary(t: &Tokens, i: usize) -> bool {
    t.has(i, flag::COMMON_VERB) || rules::NEGATED_AUXILIARIES.contains(&t.lo(i))
}

/// Where the colon stands after "made|issued (two) announcements:" starting at `i`.
fn made_statement(t: &Tokens, i: usize, limit: usize) -> Option<usize> {
    if !matches!(t.lo(i), "made" | "makes" | "issued" | "issues") {
        return None;
    }
    let noun = (i + 1..(i + 4).min(limit))
        .take_while(|&k| t.is_word(k))
        .find(|&k| rules::STATEMENT_NOUNS.contains(&t.lo(k)))?;
    (noun + 1 < limit && t.is_punct(noun + 1, ':')).then_some(noun + 1)
}

/// Where "showing" stands after "shared/posted … photos/video …" starting at `i`.
fn shows_pictures(t: &Tokens, i: usize, limit: usize) -> Option<usize> {
    if !rules::SHARE_VERBS.contains(&t.lo(i)) {
        return None;
    }
    let media = (i + 1..(i + 4).min(limit)).find(|&k| rules::MEDIA_NOUNS.contains(&t.lo(k)))?;
    (media + 1..(media + 7).min(limit))
        .take_while(|&k| t.is_word(k))
        .find(|&k| t.is(k, "showing"))
}

/// "Ukrainian forces", "the Chilean army", "Peru's government": a country's institution
/// speaks, an organisation named as written (without the article), not an unnamed group.
fn national_body(t: &Tokens, a: usize, b: usize) -> Option<Mention> {
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
        rules::COUNTRIES.contains(&stem)
    };
    let head = t.span_text(k + 1, b).to_lowercase();
    if !country || !rules::NATIONAL_BODIES.contains(&head.as_str()) {
        return None;
    }
    let name = t.span_text(k, b).to_string();
    Some(span_mention(t, k, b, name, EntityKind::Organization))
}

fn is_determiner(t: &Tokens, i: usize) -> bool {
    matches!(
        t.lo(i),
        "a" | "an"
            | "the"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "last"
    )
}

/// Words and numbers in `[a, b)`.
fn words(t: &Tokens, a: usize, b: usize) -> usize {
    (a..b).filter(|&i| t.is_wordlike(i)).count()
}

/// Words and numbers in `[a, b)` outside quotation marks.
fn loose_words(t: &Tokens, mask: &QuoteMask, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| t.is_wordlike(i) && !mask.inside(i))
        .count()
}

/// Where the clause starts that an "according to X" aside set off by commas interrupts
/// ("the largest share, according to the agency, went to Chile"): the sentence start or
/// the word after the last ", but" / ", and" / ";" before it. `None` when nothing of the
/// clause's verb follows the aside ("…, according to X." or "…, according to X, who said
/// …", "…, according to X, head of Y").
fn enclosing_clause(t: &Tokens, s: &Sentence, cue: usize, end: usize) -> Option<usize> {
    let aside = cue > s.a && t.is_punct(cue - 1, ',') && t.is_punct(end, ',');
    let next = end + 1;
    // The clause's verb comes next ("have come", "went", "will be"), not an apposition
    // ("president of …") or a relative clause about the source ("who said …").
    let other = flag::FUNCTION | flag::ROLE | flag::TITLE | flag::NOMINAL | flag::PRONOUN;
    let verb = is_auxiliary(t, next) || !(t.has(next, other) || t.lo(next).ends_with("ing"));
    let goes_on = next + 1 < s.b && t.is_word(next) && !t.is_cap(next) && verb;
    if !(aside && goes_on) {
        return None;
    }
    let start = (s.a + 1..cue - 1)
        .rev()
        .find(|&k| {
            t.is_punct(k, ';') || (t.is_punct(k - 1, ',') && matches!(t.lo(k), "but" | "and"))
        })
        .map_or(s.a, |k| k + 1);
    Some(start)
}

/// A determiner right after a noun opens a new phrase ("according to police the fire …").
fn starts_new_phrase(t: &Tokens, e: usize) -> bool {
    is_determiner(t, e) && e > 0 && !is_determiner(t, e - 1) && !t.has(e - 1, flag::FUNCTION)
}

/// Index past the prepositional phrases right after a cue ("in a statement on Sunday").
fn skip_adverbials(t: &Tokens, c: usize, limit: usize) -> usize {
    let mut k = c;
    for _ in 0..3 {
        // "this week", "last month", "next Tuesday"
        if k + 1 < limit
            && matches!(t.lo(k), "this" | "last" | "next")
            && (rules::TIME_NOUNS.contains(&t.lo(k + 1)) || t.has(k + 1, flag::WEEKDAY))
        {
            k += 2;
            continue;
        }
        let prep = matches!(
            t.lo(k),
            "in" | "on"
                | "at"
                | "during"
                | "late"
                | "earlier"
                | "to"
                | "via"
                | "with"
                | "after"
                | "before"
                | "through"
                | "over"
                | "while"
        );
        if k >= limit || !prep {
            break;
        }
        let mut j = k + 1;
        if matches!(t.lo(j), "least" | "most" | "about" | "around") {
            break;
        }
        if is_determiner(t, j) {
            j += 1;
        }
        let st = j;
        while j < limit
            && j < st + 5
            && t.is_word(j)
            && !t.has(j, flag::FUNCTION)
            && !is_determiner(t, j)
        {
            j += 1;
        }
        if j == st {
            break;
        }
        k = j;
    }
    k
}

/// Whether a clause of at least three words starts at `i` (not an adverbial tail).
fn opens_clause(t: &Tokens, i: usize, limit: usize) -> bool {
    if i + 3 > limit {
        return false;
    }
    let starts = is_determiner(t, i)
        || matches!(t.lo(i), "it" | "he" | "she" | "they" | "we" | "there" | "i")
        || t.is_cap(i)
        || t.toks.get(i).is_some_and(|x| x.kind == Kind::Num);
    starts && (i..limit).filter(|&x| t.is_word(x)).count() >= 3
}

/// Where a nominal noun phrase starts inside `[a, b)`: after the last word that cannot be
/// part of it ("It comes like western intelligence" → "western intelligence").
fn nominal_start(t: &Tokens, a: usize, b: usize) -> usize {
    let mut start = a;
    for i in a..b {
        let lo = t.lo(i);
        let np_word = matches!(
            lo,
            "the"
                | "a"
                | "an"
                | "of"
                | "for"
                | "in"
                | "on"
                | "at"
                | "from"
                | "by"
                | "to"
                | "with"
                | "and"
        ) || !t.has(i, flag::FUNCTION);
        if !np_word && t.is_word(i) {
            start = i + 1;
        }
    }
    if start >= b {
        a
    } else {
        start
    }
}

#[cfg(test)]
mod tests {
    use crate::{ExtractOptions, Extractor, Gazetteer};
    use std::sync::{Arc, OnceLock};

    /// The extractor as the service runs it, with the embedded gazetteer, loaded once.
    fn extractor() -> &'static Extractor {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        EXTRACTOR.get_or_init(|| {
            Extractor::with_gazetteer(Arc::new(Gazetteer::load().expect("embedded gazetteer")))
        })
    }

    /// (speaker, claim text) of every claim of a one-paragraph article.
    fn said(body: &str) -> Vec<(String, String)> {
        let text = format!("Harbour News\n{body}");
        let ex = extractor().extract(
            &text,
            &ExtractOptions {
                headline_is_first_line: true,
            },
        );
        ex.claims
            .iter()
            .map(|c| {
                let who = c.speaker.as_ref().map_or("", |m| m.name.as_str());
                (
                    who.to_string(),
                    c.span.slice(&text).unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    /// Each case: a sentence and the (speaker, claim) pairs it must yield, in order.
    fn check(cases: &[(&str, &[(&str, &str)])]) {
        for (body, want) in cases {
            let got = said(body);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(w, c)| (w.to_string(), c.to_string()))
                .collect();
            assert_eq!(got, want, "{body}");
        }
    }

    #[test]
    fn a_sole_role_of_a_named_body_is_the_person_just_quoted() {
        check(&[
            (
                "“Every bus will run,” said Mira Holt. The Velto CEO added that 30 buses were \
                 repaired.",
                &[
                    ("Mira Holt", "Every bus will run,"),
                    ("Mira Holt", "30 buses were repaired"),
                ],
            ),
            // spokespeople are many; a holder named elsewhere wins
            (
                "“Every bus will run,” said Mira Holt. The Velto spokesman added that 30 buses \
                 were repaired.",
                &[
                    ("Mira Holt", "Every bus will run,"),
                    ("The Velto spokesman", "30 buses were repaired"),
                ],
            ),
            (
                "Ivo Brand, the Velto CEO, spoke on Monday. “Every bus will run,” said Mira \
                 Holt. The Velto CEO added that 30 buses were repaired.",
                &[
                    ("Mira Holt", "Every bus will run,"),
                    ("Ivo Brand", "30 buses were repaired"),
                ],
            ),
        ]);
    }

    #[test]
    fn adverbs_of_time_between_subject_and_cue() {
        check(&[
            (
                "The quay was closed. Dock workers have long argued that the quay is too short \
                 for ships.",
                &[("Dock workers", "the quay is too short for ships")],
            ),
            // "long" as an adjective is no adverb before a cue
            ("The long quay was closed again.", &[]),
        ]);
    }

    #[test]
    fn a_relative_clause_with_its_own_speaker() {
        check(&[
            // the subject after "which" speaks, about the antecedent, up to the comma
            (
                "The toll bridge, which Ivo Brand said last week could close for repairs, \
                 carries 9,000 cars a day.",
                &[("Ivo Brand", "could close for repairs")],
            ),
            // a subject relative is no speaker of its own
            (
                "Ivo Brand, who owns the toll bridge, said the bridge could close.",
                &[("Ivo Brand", "the bridge could close")],
            ),
        ]);
    }

    #[test]
    fn they_after_a_document_are_the_people_behind_it() {
        check(&[
            (
                "Engineers inspected the old dam for a year. The report says the dam is \
                 sound. They say the spillway will need work within a decade.",
                &[
                    ("The report", "the dam is sound"),
                    ("Engineers", "the spillway will need work within a decade"),
                ],
            ),
            // after people, "they" stays with them; no people opened a sentence: no one
            (
                "Local farmers say the harvest fell short. They say the fields flooded twice.",
                &[
                    ("Local farmers", "the harvest fell short"),
                    ("Local farmers", "the fields flooded twice"),
                ],
            ),
            (
                "The report says the dam is sound. They say the spillway will need work.",
                &[("The report", "the dam is sound")],
            ),
        ]);
    }

    #[test]
    fn where_or_to_whom_something_was_said_is_no_content() {
        check(&[
            ("The harbour master told a press briefing on Monday.", &[]),
            ("Mira Holt told the inquiry on Friday.", &[]),
            ("Our correspondent reports from the harbour office.", &[]),
            // content after the listener, and after a plain cue, stays
            (
                "Mira Holt told reporters the ferry sank on Friday.",
                &[("Mira Holt", "the ferry sank on Friday")],
            ),
            (
                "Mira Holt said the ferry sank on Friday.",
                &[("Mira Holt", "the ferry sank on Friday")],
            ),
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
    fn a_speaker_set_off_by_commas_keeps_the_clause_around_it() {
        check(&[
            // the subject before the aside is part of what was said
            (
                "The night ferry, the skipper said, will sail again on Monday.",
                &[(
                    "the skipper",
                    "The night ferry, the skipper said, will sail again on Monday",
                )],
            ),
            // after a relative word, only what follows the aside; up to the next speaker
            (
                "The board passed a rule that, Vera Lund says, will halve the fares on the \
                 bay, where some pilots say 40 boats cross daily.",
                &[
                    ("Vera Lund", "will halve the fares on the bay"),
                    ("some pilots", "40 boats cross daily"),
                ],
            ),
            // no verb after the aside: the words before it
            (
                "The night ferry will sail again, the skipper said, to the delight of many.",
                &[("the skipper", "The night ferry will sail again")],
            ),
        ]);
    }

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
        ]);
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
            // "made" and "took" alone report nothing
            (
                "Karl Brenn made a model of the old lighthouse for the museum.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_pronoun_that_opens_the_content() {
        check(&[
            (
                "Dr. Ada Pell says that cannot go on much longer.",
                &[("Ada Pell", "that cannot go on much longer")],
            ),
            (
                "Dr. Ada Pell says that the ward will close in June.",
                &[("Ada Pell", "the ward will close in June")],
            ),
        ]);
    }

    #[test]
    fn speakers_behind_relative_and_origin_phrases() {
        check(&[
            (
                "Anger is growing among fishermen, who say the new quotas will ruin them.",
                &[("fishermen", "the new quotas will ruin them")],
            ),
            (
                "Greta Lund, from Tromso, Norway, said she came to see the regatta.",
                &[("Greta Lund", "she came to see the regatta")],
            ),
            (
                "Piet Vos, another harbour pilot, told Reuters that two cranes had fallen.",
                &[("Piet Vos", "two cranes had fallen")],
            ),
            (
                "Trawler crews distrust Minister Lea Holm, who had earlier demanded \
                 stricter quotas for the bay.",
                &[("Lea Holm", "stricter quotas for the bay")],
            ),
            // a place that opens the sentence is no apposition of the speaker
            (
                "In Tromso, police said the ferry would sail again on Monday.",
                &[("police", "the ferry would sail again on Monday")],
            ),
        ]);
    }

    #[test]
    fn a_title_in_quotation_marks_is_no_quote() {
        check(&[
            (
                "Dana Kline told \"Harbour Hour\" listeners on Monday that the docks would reopen.",
                &[("Dana Kline", "the docks would reopen")],
            ),
            (
                "\"The docks will reopen,\" Dana Kline said on Monday.",
                &[("Dana Kline", "The docks will reopen,")],
            ),
        ]);
    }

    #[test]
    fn a_body_speaks_through_its_documents() {
        check(&[
            (
                "The Coastal Survey Institute's latest tally says 40 boats sank this year.",
                &[("Coastal Survey Institute", "40 boats sank this year")],
            ),
            (
                "A Harbour Board report says the quay needs new piles.",
                &[("Harbour Board", "the quay needs new piles")],
            ),
            // a person of the body is not the body
            (
                "A Harbour Board engineer says the quay needs new piles.",
                &[("A Harbour Board engineer", "the quay needs new piles")],
            ),
        ]);
    }

    #[test]
    fn pronouns_and_coordinated_cues_keep_their_speaker() {
        check(&[
            (
                "A senior port officer confirmed that three cranes fell. \
                 “Nobody was hurt,” he said.",
                &[
                    ("A senior port officer", "three cranes fell"),
                    ("A senior port officer", "Nobody was hurt,"),
                ],
            ),
            (
                "Captain Ola Brekke runs two trawlers. He was at sea when the storm hit, \
                 and says the harbour must be dredged.",
                &[
                    ("", "Captain Ola Brekke runs two trawlers."),
                    ("Ola Brekke", "the harbour must be dredged"),
                ],
            ),
            // a clause without a person or body in front gives "and says" no speaker
            (
                "The storm hit at dawn, and says nothing about the harbour.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_first_name_alone_and_one_of_a_group_keep_their_pronouns() {
        check(&[
            (
                "Sarah, a nurse from the valley, said the clinic closed early. \
                 She said the roads were cut.",
                &[
                    ("Sarah", "the clinic closed early"),
                    ("Sarah", "the roads were cut"),
                ],
            ),
            (
                "Some listeners praised the show. Another wrote that the signal was weak. \
                 He said it faded every evening.",
                &[
                    ("Another", "the signal was weak"),
                    ("Another", "it faded every evening"),
                ],
            ),
        ]);
    }

    #[test]
    fn a_title_of_a_country_is_no_part_of_the_name() {
        check(&[(
            "Prime Minister of the United Kingdom Dana Whitfield said the talks would go on.",
            &[("Dana Whitfield", "the talks would go on")],
        )]);
    }

    #[test]
    fn a_multi_word_name_after_the_is_a_body() {
        check(&[(
            "The Harbour Board and Port Workers Union report they moved 300 tonnes.",
            &[("Harbour Board", "they moved 300 tonnes")],
        )]);
        check(&[(
            "The Sea Rescue Alliance said it had saved twelve sailors this week.",
            &[(
                "Sea Rescue Alliance",
                "it had saved twelve sailors this week",
            )],
        )]);
    }
}
