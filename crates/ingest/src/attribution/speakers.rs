//! The speaker a noun phrase names: a person or body found in it, a description that
//! stands for one named earlier, a country's institution, or an unnamed source.

use super::syntax::{is_body_head, is_determiner, is_ed_participle};
use super::types::{mention_of, span_mention, Analyzer};
use crate::mentions::{content_words, names_a_kind, Found};
use crate::model::{EntityKind, Mention, Span};
use crate::rules;
use crate::text::{flag, Kind, Tokens};

mod bodies;
use bodies::{name_holds, national_body, national_body_before, un_body};

impl Analyzer<'_, '_> {
    /// The organisation a bare description stands for: the last one named with that head
    /// word ("the agency" after "the Environment Agency and the Red Cross"), or the last
    /// organisation at all for generic heads.
    fn org_for_description(&self, head: &str, at: usize) -> Option<&Found> {
        // a trade ("the carmaker") stands for whichever body was named last, as "the
        // company" does; a head that names bodies ("the agency") for one of that name
        let generic = rules::GENERIC_BODY_NOUNS.contains(&head)
            || (rules::is_org_descriptor(head) && !self.t.lex.is_org_head(head));
        if !generic && !self.t.lex.is_org_head(head) {
            return None;
        }
        // "the company" is no police force or ministry, nor the employer given to place a
        // person quoted ("analyst Ana Ruiz of the firm Redline said")
        let business = rules::is_business_descriptor(head);
        self.reg
            .last_before_where(at, &[EntityKind::Organization], |f| {
                (generic && !(business && rules::is_public_body(&f.name)) && !self.employer(f))
                    || name_holds(&f.name, head)
            })
    }

    /// Whether body `f` is named as a person's employer: "Ana Ruiz of the firm Redline",
    /// "an analyst at Redline" (a person or a role, "of" or "at", and "the" or a kind of
    /// body between).
    fn employer(&self, f: &Found) -> bool {
        let t = self.t;
        let mut k = f.a;
        while k > 0 && (t.is(k - 1, "the") || rules::is_org_descriptor(t.lo(k - 1))) {
            k -= 1;
        }
        let linked = k >= 2 && (t.is(k - 1, "of") || t.is(k - 1, "at"));
        linked
            && (t.has(k - 2, flag::ROLE)
                || self
                    .reg
                    .overlapping(k - 2, k - 1)
                    .iter()
                    .any(|p| p.kind == EntityKind::Person && p.b == k - 1))
    }

    /// The body "the <head>" stands for: the one named last ([`Self::org_for_description`]),
    /// else the body that spoke last, for a generic head ("the company") or one its name
    /// holds, named by a cue alone ("Velto blamed …. The company later faulted …").
    fn body_described(&self, head: &str, at: usize, prev: Option<&Mention>) -> Option<Mention> {
        // "Algeria's foreign ministry rejected …. The ministry said …": a country's
        // institution described before counts as named there, the later of the two wins
        let national = national_body_before(self.t, at, head);
        if let Some(f) = self.org_for_description(head, at) {
            let named = mention_of(self.t, f);
            return Some(match national {
                Some(n) if n.span.start > named.span.start => n,
                _ => named,
            });
        }
        if national.is_some() {
            return national;
        }
        // or a body named by description that just spoke ("Peru's health ministry said
        // …, the ministry said")
        let generic = rules::GENERIC_BODY_NOUNS.contains(&head)
            && !(rules::is_business_descriptor(head)
                && prev.is_some_and(|p| rules::is_public_body(&p.name)));
        prev.filter(|p| {
            p.kind == EntityKind::Organization && (generic || name_holds(&p.name, head))
        })
        .cloned()
    }

    /// "the ministry", "the Oslo-based company", "the German carmaker" (from "the" at `the`
    /// to the head word at `head`): the organisation named last before `at` that the
    /// description stands for ([`Self::body_described`]), spanning the description.
    fn described_body(
        &self,
        the: usize,
        head: usize,
        at: usize,
        prev: Option<&Mention>,
    ) -> Option<Mention> {
        let t = self.t;
        if !(t.is(the, "the") && head > the && describes_kind(t, the + 1, head)) {
            return None;
        }
        let named = self.body_described(t.lo(head), at, prev);
        // "the national rail operator … the operator": the body described before with that
        // head word (by its name, if it was given one), unless a body whose name holds the
        // word was named after it
        let earlier = earlier_description(t, the, head).filter(|e| {
            named
                .as_ref()
                .is_none_or(|m| m.span.start < t.start(e.start) || !name_holds(&m.name, t.lo(head)))
        });
        let mut m = match earlier {
            Some(e) => {
                let body = e.name.and_then(|n| {
                    let found = self.reg.overlapping(n, n + 1);
                    found
                        .iter()
                        .find(|f| f.kind == EntityKind::Organization)
                        .map(|f| mention_of(t, f))
                });
                body.unwrap_or_else(|| {
                    let text = t.span_text(e.start, e.head + 1).to_string();
                    span_mention(t, e.start, e.head + 1, text, EntityKind::Nominal)
                })
            }
            None => named?,
        };
        m.span = Span::new(t.start(the), t.end(head));
        Some(m)
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

    /// The speaker an NP `[a, b)` names, if it names one.
    pub(super) fn speaker_of(
        &self,
        a: usize,
        b: usize,
        prev: Option<&Mention>,
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        let mut a = a;
        let mut b = b;
        while a < b && (!t.is_word(a) || rules::LINKING_WORDS.contains(&t.lo(a))) {
            a += 1;
        }
        a = past_fronted_time(t, a, b);
        while b > a && (!t.is_word(b - 1) || t.has(b - 1, flag::CUE_ADV)) && !t.is_punct(b - 1, ')')
        {
            b -= 1;
        }
        if a >= b || b - a > 20 {
            return None;
        }
        // A speaker is a noun phrase: "would", "had", "is" mean a clause was caught.
        // ("do" inside "Mato Grosso do Sul" is a name's particle)
        let in_name = |i: usize| !self.reg.overlapping(i, i + 1).is_empty();
        if (a..b).any(|i| !t.toks[i].cap && t.has(i, flag::COMMON_VERB) && !in_name(i)) {
            return None;
        }
        if b - a == 1 && (t.has(a, flag::PRONOUN) || rules::OBJECT_PRONOUNS.contains(&t.lo(a))) {
            return self.pronoun(a, prev).map(|m| (m, true));
        }
        // "their report", "its findings", "her office": a document, or the office that
        // speaks for someone, stands for its owner
        let owned_document = b - a <= 3
            && rules::POSSESSIVE_DETERMINERS.contains(&t.lo(a))
            && (rules::DOCUMENT_NOUNS.contains(&t.lo(b - 1))
                || rules::OWNER_OFFICE_NOUNS.contains(&t.lo(b - 1)));
        if let Some(owner) = owned_document.then(|| self.possessor(a, prev)).flatten() {
            return Some((owner, true));
        }
        // "the agency's annual Global Trends report", "Velto's quarterly report": a named
        // owner's document stands for the owner
        if rules::DOCUMENT_NOUNS.contains(&t.lo(b - 1)) {
            if let Some(k) = (a..b - 1).find(|&k| t.is_possessive(k)) {
                if let Some(owner) = self.speaker_of(a, k + 1, prev) {
                    return Some(owner_of_document(owner, t.lo(k), prev));
                }
            }
        }
        if let Some(owner) = self.office_owner(a, b, prev) {
            return Some(owner);
        }
        if (a..b).any(|i| rules::PRESS_DOCUMENTS.contains(&t.lo(i))) && b - a <= 3 {
            return prev.map(|p| (p.clone(), true));
        }
        // "Ana Ruiz and her colleagues", "the Harbour Board and its partners": the named
        // person or body the others are with
        if let Some(and) = (a + 1..b).find(|&k| t.is(k, "and")) {
            let theirs = rules::POSSESSIVE_DETERMINERS.contains(&t.lo(and + 1)) && and + 3 == b;
            if theirs {
                let led = self.speaker_of(a, and, prev);
                let named =
                    |m: &Mention| matches!(m.kind, EntityKind::Person | EntityKind::Organization);
                if led.as_ref().is_some_and(|(m, _)| named(m)) {
                    return led;
                }
            }
        }
        let found = self.reg.overlapping(a, b);
        // The head noun of a description: the first source noun ("a journalist present in
        // the area held by the army" is a journalist).
        // (or a kind of people: "angry passengers", "her husband", "Fishermen" when it is
        // no name)
        let lower_nominal = (a..b).find(|&i| {
            let people = if t.toks[i].cap {
                names_a_kind(t, i, i + 1)
            } else {
                t.lex.is_person_plural(t.lo(i)) || t.lex.is_person_noun(t.lo(i))
            };
            // a capitalised source noun that is no kind of person, before another
            // capitalised word, opens a name ("Radio Vell said"; "Fisherman Ivo Brand
            // said" is a person described)
            let opens_name = i + 1 < b && t.toks[i + 1].cap && !people && !t.has(i, flag::ROLE);
            // ("the department", "the regional centre": a body's head word in lower case)
            let body = !t.toks[i].cap && is_body_head(t, i);
            (t.has(i, flag::NOMINAL | flag::ROLE) || people || body)
                && (!t.toks[i].cap || (i == a && !opens_name))
        });
        if let Some(found) = self.named_speaker(a, b, found, lower_nominal, prev) {
            return Some(found);
        }
        if let Some(n) = lower_nominal {
            return Some(self.described_speaker(a, b, n, prev));
        }
        self.unnamed_speaker(a, b, found, prev)
    }

    /// A person or body the registry found in the NP `[a, b)` that is the speaker itself,
    /// not something the description `lower_nominal` belongs to ("the chief of staff of X").
    fn named_speaker(
        &self,
        a: usize,
        b: usize,
        found: &[Found],
        lower_nominal: Option<usize>,
        prev: Option<&Mention>,
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        if let Some(f) = found.iter().rev().find(|f| f.kind == EntityKind::Person) {
            // "the chief of staff of X" describes someone else than X; "chief executive of
            // the Harbour Board X" names X, the body's holder of the role, after the body
            let possessive = t.is_possessive(f.b - 1);
            let after_body = found.iter().any(|g| {
                g.b == f.a && matches!(g.kind, EntityKind::Organization | EntityKind::Place)
            });
            let owned = lower_nominal.is_some_and(|n| {
                (n < f.a
                    && !after_body
                    && (n..f.a).any(|i| rules::ROLE_PREPOSITIONS.contains(&t.lo(i))))
                    || (possessive && n >= f.b)
                    // "Ana Ruiz supporters said": the group named after whom they follow
                    || (n == f.b && t.lo(n).ends_with('s') && t.lex.is_person_plural(t.lo(n)))
            });
            if !owned {
                return Some((mention_of(t, f), false));
            }
        }
        // "the Unite union", "the Green party": the body named right before its kind
        let kind_named = lower_nominal
            .filter(|&n| n + 1 == b && rules::is_org_descriptor(t.lo(n)))
            .and_then(|n| {
                found
                    .iter()
                    .find(|f| f.b == n && f.kind == EntityKind::Organization)
            });
        if let Some(f) = kind_named {
            return Some((mention_of(t, f), false));
        }
        // "The Velto CEO" with nobody named in that role: the person who spoke just before.
        if let Some(m) = self.sole_role_holder(a, b, prev) {
            return Some((m, false));
        }
        // "a spokesperson for the Harbour Board" speaks for the board.
        if let Some(n) = lower_nominal {
            if rules::SPOKESPERSON_ROLES.contains(&t.lo(n)) {
                if let Some(f) = found
                    .iter()
                    .find(|f| f.a > n && f.kind == EntityKind::Organization)
                {
                    return Some((mention_of(t, f), false));
                }
            }
        }
        let f = found
            .iter()
            .find(|f| matches!(f.kind, EntityKind::Organization | EntityKind::Outlet))?;
        self.body_speaker(a, b, f, lower_nominal)
    }

    /// The organisation or outlet `f` found in the NP `[a, b)`, when it is the one speaking:
    /// named before any description, an outlet's report, or the body's own document.
    fn body_speaker(
        &self,
        a: usize,
        b: usize,
        f: &Found,
        lower_nominal: Option<usize>,
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        let report = (a..b).any(|i| rules::REPORT_NOUNS.contains(&t.lo(i)));
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
        None
    }

    /// The speaker an NP `[a, b)` with the source noun `n` describes: a document's author,
    /// a name after the description, the person known in that role, the body the article
    /// just named, a country's institution, or else the unnamed source itself.
    fn described_speaker(
        &self,
        a: usize,
        b: usize,
        n: usize,
        prev: Option<&Mention>,
    ) -> (Mention, bool) {
        let t = self.t;
        let start_np = nominal_start(t, a, n + 1);
        // "a statement from the ministry", "figures published by the chamber": the
        // document's author speaks.
        let document = rules::DOCUMENT_NOUNS.contains(&t.lo(n));
        let author = author_after_document(t, n);
        if let Some(k) = author.filter(|&k| document && k < b) {
            if let Some(found) = self.speaker_of(k, b, prev) {
                return found;
            }
            // "compiled by the chamber of commerce": an author described, not named
            if is_determiner(t, k) {
                let text = t.span_text(k, b).to_string();
                return (span_mention(t, k, b, text, EntityKind::Nominal), false);
            }
        }
        if let Some(found) = name_after_description(t, n, b) {
            return found;
        }
        if t.has(n, flag::ROLE) && t.is_word(n) {
            if let Some(found) = self.role_holder(a, b, n, start_np, prev) {
                return found;
            }
        }
        if b == n + 1 {
            if let Some(m) = self.described_body(start_np, n, a, prev) {
                return (m, false);
            }
        }
        if let Some(m) = national_body(t, start_np, b) {
            return (m, false);
        }
        if let Some(m) = un_body(t, start_np, b) {
            return (m, false);
        }
        let text = t.span_text(start_np, b).to_string();
        (
            span_mention(t, start_np, b, text, EntityKind::Nominal),
            false,
        )
    }

    /// The person a role noun `n` stands for, the description starting at `start_np`: the
    /// unnamed source just quoted ("the official said" after "A senior port official …"),
    /// or for a definite description, the person the article named in that role.
    fn role_holder(
        &self,
        a: usize,
        b: usize,
        n: usize,
        start_np: usize,
        prev: Option<&Mention>,
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        let ctx = content_words(t, start_np, b);
        let ctx: Vec<String> = ctx.into_iter().filter(|c| c != t.lo(n)).collect();
        let definite = t.is(start_np, "the")
            || t.s(start_np).ends_with("’s")
            || t.s(start_np).ends_with("'s")
            || t.is_cap(start_np);
        // "A senior port official confirmed … “…,” the official said.": the unnamed
        // source just quoted, not someone named earlier with that role
        let same_source = prev.filter(|p| is_description_headed(p, t.lo(n)));
        // "A spokesperson for the Ferry Union said … “…,” the spokesperson said": the body
        // just quoted speaks through its spokespeople
        let body_spokesperson = prev.filter(|p| {
            p.kind == EntityKind::Organization && rules::SPOKESPERSON_ROLES.contains(&t.lo(n))
        });
        if let (true, Some(p)) = (
            t.is(start_np, "the") && n == start_np + 1,
            same_source.or(body_spokesperson),
        ) {
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
        // "X rejected the review. The former candidate said …": a definite role nobody
        // holds, with no body named in it ("the chairman of the Union …"), is the person
        // named just before; spokespeople are many
        let bare_role = t.is(start_np, "the")
            && n + 1 == b
            && (start_np + 1..n).all(|i| !t.is_cap(i))
            && !rules::SPOKESPERSON_ROLES.contains(&t.lo(n));
        if bare_role {
            let f = self.reg.last_before(a, &[EntityKind::Person])?;
            let mut m = self.resolved_mention(f);
            // a person the article gave another role is not the holder of an office
            // ("Spokesman Ilya Brand said … The governor said …" are two people; "the
            // former candidate" may be the opposition leader)
            // (the roles of any of the person's mentions: a transcript's label carries none)
            let office = rules::OFFICE_NOUNS.contains(&t.lo(n));
            let known = self.reg.person_roles(&m.name);
            let fits = !office
                || (m.roles.is_empty() && known.is_empty())
                || m.roles
                    .iter()
                    .chain(known)
                    .any(|r| r.eq_ignore_ascii_case(t.lo(n)));
            if f.b + ROLE_REACH >= a && fits {
                m.span = Span::new(t.start(start_np), t.end(b - 1));
                return Some((m, false));
            }
        }
        None
    }

    /// The speaker of an NP `[a, b)` with no source noun: a group named by nationality, a
    /// place, an unknown name, a body described by its head, or a counted or described
    /// group.
    fn unnamed_speaker(
        &self,
        a: usize,
        b: usize,
        found: &[Found],
        prev: Option<&Mention>,
    ) -> Option<(Mention, bool)> {
        let t = self.t;
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
        // "Kenya's central bank", "Peru's electoral commission"
        if let Some(m) = national_body(t, a, b) {
            return Some((m, false));
        }
        if let Some(m) = unknown_name(t, a, b) {
            return Some((m, false));
        }
        let head = b.saturating_sub(1);
        if !t.is_cap(head) {
            if let Some(m) = self.described_body(a, head, a, prev) {
                return Some((m, false));
            }
        }
        described_group(t, a, b).map(|m| (m, false))
    }
}

/// How many tokens back a description looks for the unnamed one it repeats.
const DESCRIPTION_LOOKBACK: usize = 400;

/// Most words between the determiner and the head of a repeated description ("the
/// national rail operator").
const DESCRIPTION_MODIFIERS: usize = 3;

/// A description of a body: its determiner, its head word and the name in apposition.
struct Described {
    start: usize,
    head: usize,
    /// A token of the name it is set beside ("the operator, Norail," "Norail, a rail
    /// operator,"), if one is: the body found there is the one described.
    name: Option<usize>,
}

/// The last description before token `the` with the head word at `head` ("the national
/// rail operator", "a state-run operator"). Only lower-case words stand between its
/// determiner and head.
fn earlier_description(t: &Tokens, the: usize, head: usize) -> Option<Described> {
    let word = t.lo(head);
    (the.saturating_sub(DESCRIPTION_LOOKBACK)..the)
        .rev()
        .find_map(|k| {
            if t.lo(k) != word || t.toks[k].cap || t.is_possessive(k) {
                return None;
            }
            let d = (k.saturating_sub(DESCRIPTION_MODIFIERS + 1)..k)
                .rev()
                .find(|&d| rules::ARTICLES.contains(&t.lo(d)))?;
            // no coordination ("the army and rebels") and no word that sets it apart from
            // another of its kind ("the higher court"): such a phrase names a second one
            let modifiers = (d + 1..k).all(|m| {
                t.is_wordlike(m)
                    && !t.toks[m].cap
                    && !rules::CLAUSE_COORDINATORS.contains(&t.lo(m))
                    && !t.is(m, "or")
                    && !rules::CONTRASTING_MODIFIERS.contains(&t.lo(m))
            });
            let next = if t.is_punct(k + 1, ',') { k + 2 } else { k + 1 };
            let name = if next < t.len() && t.is_cap(next) {
                Some(next)
            } else if d >= 2 && t.is_punct(d - 1, ',') && t.is_cap(d - 2) && t.is_punct(k + 1, ',')
            {
                // the name's last word: its run is found by overlap
                Some(d - 2)
            } else {
                None
            };
            // a bare "the operator" before stood for whatever it stood for: no new source
            (modifiers && (d + 1 < k || name.is_some())).then_some(Described {
                start: d,
                head: k,
                name,
            })
        })
}

/// Whether tokens `a..b` (at most three words) only say what kind of body follows: lower-
/// case words ("telecoms equipment"), nationality adjectives ("Norwegian") and place-based
/// compounds ("Oslo-based"), no name of another body.
fn describes_kind(t: &Tokens, a: usize, b: usize) -> bool {
    let words = (a..b).filter(|&k| t.is_word(k)).count();
    words <= 3
        && (a..b).all(|k| {
            let hyphen = t.is_punct(k, '-');
            let compound =
                t.s(k).contains('-') || t.is_punct(k + 1, '-') || (k > a && t.is_punct(k - 1, '-'));
            hyphen
                || (t.is_word(k)
                    && !t.has(k, flag::FUNCTION | flag::CUE)
                    && (!t.toks[k].cap || t.has(k, flag::DEMONYM) || compound))
        })
}

/// "On Monday officials said", "In March 2021 the board said": where the subject starts
/// past a time phrase fronted without a comma (a weekday, a month or a year after a
/// preposition), when words are left after it.
fn past_fronted_time(t: &Tokens, a: usize, b: usize) -> usize {
    if !rules::FRONTED_TIME_PREPOSITIONS.contains(&t.lo(a)) {
        return a;
    }
    let when = |k: usize| {
        t.has(k, flag::MONTH | flag::WEEKDAY)
            || (t.toks.get(k).is_some_and(|x| x.kind == Kind::Num) && t.s(k).len() == 4)
    };
    let mut k = a + 1;
    while k < b && when(k) {
        k += 1;
    }
    if k > a + 1 && k < b {
        k
    } else {
        a
    }
}

/// Where a nominal noun phrase starts inside `[a, b)`: after the last word that cannot be
/// part of it ("It comes like western intelligence" → "western intelligence").
fn nominal_start(t: &Tokens, a: usize, b: usize) -> usize {
    let mut start = a;
    for i in a..b {
        let np_word =
            rules::NOUN_PHRASE_FUNCTION_WORDS.contains(&t.lo(i)) || !t.has(i, flag::FUNCTION);
        if !np_word && t.is_word(i) {
            start = i + 1;
        }
    }
    if start >= b {
        return a;
    }
    // "[As] a result some residents say", "In the end most residents said": a phrase
    // fronted without a comma ends at the noun before the speaker's own determiner
    let opens_np = |i: usize| {
        rules::QUANTIFIERS.contains(&t.lo(i))
            || rules::ARTICLES.contains(&t.lo(i))
            || rules::POSSESSIVE_DETERMINERS.contains(&t.lo(i))
    };
    let noun_before = |i: usize| {
        let w = t.lo(i - 1);
        t.is_word(i - 1)
            && !t.is_cap(i - 1)
            && !t.has(i - 1, flag::FUNCTION)
            && !opens_np(i - 1)
            && !t.is_possessive(i - 1)
            && !t.lex.is_adjective(w)
    };
    (start + 1..b)
        .rev()
        .find(|&i| opens_np(i) && noun_before(i))
        .unwrap_or(start)
}

/// A name after the description `n` of the NP ending at `b` names the speaker: "chief
/// executive Ana Ruiz", "the state weather agency AEMET".
fn name_after_description(t: &Tokens, n: usize, b: usize) -> Option<(Mention, bool)> {
    let mut c = b;
    while c > n + 1 && t.is_cap(c - 1) && !t.has(c - 1, flag::NOT_NAME) {
        c -= 1;
    }
    let lower_between =
        (n + 1..c).all(|i| t.is_word(i) && !t.is_cap(i) && !t.has(i, flag::FUNCTION));
    // "Fisherman Ana Ruiz said": a kind of person capitalised only as the sentence opens
    let opens_sentence =
        n == 0 || t.toks[n].para_break || t.is_punct(n - 1, '.') || t.is_quote(n - 1);
    let names_person = t.has(n, flag::ROLE) || t.lex.is_person_noun(t.lo(n));
    if c < b
        && lower_between
        && (!t.toks[n].cap || (opens_sentence && names_person))
        && b - c <= 4
        && (c..b).all(|i| !t.has(i, flag::DEMONYM))
    {
        let kind = if b - c >= 2 && names_person {
            EntityKind::Person
        } else {
            EntityKind::Organization
        };
        let name = t.span_text(c, b).to_string();
        return Some((span_mention(t, c, b, name, kind), false));
    }
    None
}

/// An unknown capitalised name `[a, b)` right before or after a cue.
fn unknown_name(t: &Tokens, a: usize, b: usize) -> Option<Mention> {
    let caps = (a..b).all(|i| {
        t.is_cap(i)
            && !t.has(
                i,
                flag::NOT_NAME | flag::DEMONYM | flag::MONTH | flag::WEEKDAY,
            )
    });
    if caps && b - a <= 4 && !t.has(a, flag::PRONOUN) {
        // one word is a body ("Velto said"), unless it is a common given name; several are
        // a person, unless a company's or a body's tail ends them ("Orvik Co. said") or a
        // "which" follows ("Orvik Agri, which …, said")
        let body_tail = rules::is_body_tail(t.lo(b - 1)) || which_follows(t, b);
        let kind = if (b - a >= 2 && !body_tail) || crate::mentions::is_common_given_name(t.lo(a)) {
            EntityKind::Person
        } else {
            EntityKind::Organization
        };
        // "Velto's report": the owner, without the possessive
        let written = t.span_text(a, b);
        let name = crate::lexicon::strip_possessive(written)
            .unwrap_or(written)
            .to_string();
        return Some(span_mention(t, a, b, name, kind));
    }
    None
}

/// Where the author of the document named at `n` begins: after "from", "by" or "of", or
/// after a participle and "by" ("figures published by", "a survey compiled by").
fn author_after_document(t: &Tokens, n: usize) -> Option<usize> {
    if rules::AUTHOR_PREPOSITIONS.contains(&t.lo(n + 1)) {
        return Some(n + 2);
    }
    (is_ed_participle(t, n + 1) && t.is(n + 2, "by")).then_some(n + 3)
}

/// "Velto Agri, which is based in Bergen,": a relative "which" right after a name, which
/// speaks of a thing ("who" of a person), so the name is no person's.
fn which_follows(t: &Tokens, b: usize) -> bool {
    t.is(b, "which") || (t.is_punct(b, ',') && t.is(b + 1, "which"))
}

/// Whether `p` is an unnamed source described with the head noun `head` ("A senior port
/// official" for "official"): the description a later "the official" repeats.
fn is_description_headed(p: &Mention, head: &str) -> bool {
    p.kind == EntityKind::Nominal
        && p.name
            .split_whitespace()
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case(head))
}

/// The owner of a document as its speaker: a description without its possessive, or the
/// description just quoted that it repeats ("The refugee agency said …. …, according to
/// the agency's report": the same agency).
fn owner_of_document(
    (mut owner, leans): (Mention, bool),
    possessive: &str,
    prev: Option<&Mention>,
) -> (Mention, bool) {
    if owner.kind != EntityKind::Nominal {
        return (owner, leans);
    }
    let head = crate::text::strip_possessive(possessive).unwrap_or(possessive);
    let same = prev.filter(|p| is_description_headed(p, head));
    if let Some(p) = same {
        return (
            Mention {
                span: owner.span,
                ..p.clone()
            },
            true,
        );
    }
    if let Some(name) = crate::text::strip_possessive(&owner.name) {
        owner.name = name.to_string();
    }
    (owner, leans)
}

/// "The terminal operator said that …": a short definite description of a body.
/// "Three callers said …", "One caller suggested …", "Another said …": a counted group or
/// one of it.
fn described_group(t: &Tokens, a: usize, b: usize) -> Option<Mention> {
    let counted =
        rules::QUANTIFIERS.contains(&t.lo(a)) || t.toks.get(a).is_some_and(|x| x.kind == Kind::Num);
    if counted && b == a + 1 && rules::QUANTIFIER_PRONOUNS.contains(&t.lo(a)) {
        let text = t.span_text(a, b).to_string();
        return Some(span_mention(t, a, b, text, EntityKind::Nominal));
    }
    let described = (rules::ARTICLES.contains(&t.lo(a)) || counted)
        && (2..=5).contains(&(b - a))
        && (a + 1..b).all(|i| t.is_word(i) && !t.has(i, flag::FUNCTION | flag::PRONOUN))
        && !t.s(b - 1).ends_with("ing");
    // "Local traders said", "Angry residents say": a plural noun with its describing
    // words, all in lower case but the first
    let head = t.lo(b - 1);
    let plural_group = (2..=4).contains(&(b - a))
        && (head.ends_with('s') || head.ends_with("men") || head == "people")
        && (a..b).all(|i| t.is_word(i) && !t.has(i, flag::FUNCTION | flag::PRONOUN))
        && (a + 1..b).all(|i| !t.is_cap(i))
        && !t.has(a, flag::NUMWORD)
        && !t.lo(a).split('-').any(|w| rules::number_word(w).is_some());
    if described || plural_group {
        let text = t.span_text(a, b).to_string();
        return Some(span_mention(t, a, b, text, EntityKind::Nominal));
    }
    None
}

/// A definite role nobody holds points at a person named at most this many tokens
/// before it (about a sentence).
const ROLE_REACH: usize = 30;

#[cfg(test)]
mod tests;
