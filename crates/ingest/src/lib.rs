//! Text → claims. Pure functions over `&str`: no I/O, no async, no global state.
//!
//! The storage crate turns what this crate finds into canonical entities; this crate only
//! says *where* things are in the text and *what kind* of thing they look like.
//!
//! Pipeline: `text` tokenizes once; `sentences` finds paragraphs, boilerplate and sentence
//! bounds; `quotes` pairs quotation marks; `mentions` labels names with what the whole
//! article teaches; `attribution` reads cue verbs, speakers and content per sentence;
//! `numbers` reads quantities. Every word list lives in `rules`, each with its test.

mod attribution;
mod gist;
mod given_names;
mod hash;
mod lexicon;
mod mentions;
mod model;
mod numbers;
mod places;
mod quotes;
#[rustfmt::skip]
mod rules;
mod sentences;
pub mod tagger;
mod terms;
mod text;
mod transcript;

pub use claimgraph_gazetteer::Gazetteer;
pub use gist::gist;
pub use model::*;
/// Title and role words, shared with the store (they are `claimgraph-model`'s), which
/// strips them from names and queries.
pub use rules::{fate_of, is_counted, is_scale, ROLE_NOUNS, TITLES};
pub use terms::terms;

use std::sync::Arc;

use attribution::{Analyzer, Draft, Sentence};
use text::{flag, Kind, Lexicon, Tokens};

/// Extracts the claims and entity mentions of one article.
///
/// `text` is the article body; when `options.headline_is_first_line` is set, the first
/// line is treated as a headline and yields no claims (but its mentions are kept).
/// Builds its word tables on every call; hold an [`Extractor`] to reuse them.
pub fn extract(text: &str, options: &ExtractOptions) -> Extraction {
    Extractor::new().extract(text, options)
}

/// The word tables, built once and reused across articles (building them costs about as
/// much as extracting a short article).
pub struct Extractor {
    lex: Lexicon,
    /// Identifies places and finds large ones without context; `None` keeps places to
    /// what the text's own words show.
    gazetteer: Option<Arc<Gazetteer>>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// Builds the word tables; cheap enough per article, worth keeping across many.
    pub fn new() -> Self {
        Extractor {
            lex: Lexicon::new(),
            gazetteer: None,
        }
    }

    /// The word tables plus a gazetteer: place mentions then carry GeoNames identity,
    /// coordinates and alternate spellings.
    pub fn with_gazetteer(gazetteer: Arc<Gazetteer>) -> Self {
        Extractor {
            lex: Lexicon::new(),
            gazetteer: Some(gazetteer),
        }
    }

    /// Same as [`extract`], with the tables already built.
    pub fn extract(&self, text: &str, options: &ExtractOptions) -> Extraction {
        extract_with(&self.lex, self.gazetteer.as_deref(), text, options)
    }
}

/// The extractor is how the store and the HTTP edge read articles, handed to them as an
/// `Arc<dyn ReadArticle>` so that neither links this crate.
impl ReadArticle for Extractor {
    fn read(&self, text: &str, options: &ExtractOptions) -> Extraction {
        self.extract(text, options)
    }
}

fn extract_with(
    lex: &Lexicon,
    gaz: Option<&Gazetteer>,
    text: &str,
    options: &ExtractOptions,
) -> Extraction {
    let t = Tokens::new(text, lex);
    let paras = sentences::paragraphs(&t);
    let reg = mentions::build(&t, &paras, gaz);
    let mut mentions = mentions::to_mentions(&t, &reg);
    let headline = if options.headline_is_first_line {
        paras.first().map(|&(a, b)| (a, b))
    } else {
        None
    };
    let (mut drafts, statements) = read_paragraphs(&t, &reg, &paras, headline);
    drop_pull_quotes(&t, &paras, &mut drafts);
    credit_orphans(&t, &paras, &mut drafts);
    continue_outlets(&mut drafts);
    carry_outlets(&mut drafts);
    name_described_offices(&mut drafts, &mentions);
    let mut claims = claims_of(&t, &reg, drafts, statements);
    add_speaker_mentions(&claims, &mut mentions);
    // read last, once the article-level rules have settled each claim's words and figures
    for c in &mut claims {
        c.gist = gist::gist(text, c);
    }
    Extraction {
        headline: headline.and_then(|(a, b)| (b > a).then(|| Span::new(t.start(a), t.end(b - 1)))),
        claims,
        mentions,
    }
}

/// A sentence no cue attributes, with the transcript speaker of its paragraph if any.
type Statement = (usize, usize, Option<Mention>);

/// Every paragraph's sentences read: attributed drafts (with their paragraph's index) and
/// unattributed sentences that may be statements. The headline, boilerplate lines, a
/// repeated headline, bare transcript labels and questions are skipped.
fn read_paragraphs(
    t: &Tokens,
    reg: &mentions::Registry,
    paras: &[(usize, usize)],
    headline: Option<(usize, usize)>,
) -> (Vec<(Draft, usize)>, Vec<Statement>) {
    let headline_key = headline.map(|(a, b)| squeeze(t.span_text(a, b)));
    let an = Analyzer { t, reg };
    let spoken = transcript::speakers(t, paras, reg);
    // (draft, paragraph index)
    let mut drafts: Vec<(Draft, usize)> = Vec::new();
    // (sentence, the transcript's speaker of its paragraph)
    let mut statements: Vec<Statement> = Vec::new();
    let mut prev: Option<Mention> = None;
    for (pi, &(pa, pb)) in paras.iter().enumerate() {
        if headline.is_some() && pi == 0 {
            continue;
        }
        if sentences::is_boilerplate(t, pa, pb) {
            continue;
        }
        // A repeated headline (scraped pages often print it twice).
        if let (Some(h), Some((ha, hb))) = (&headline_key, headline) {
            if pb - pa == hb - ha && squeeze(t.span_text(pa, pb)) == *h {
                continue;
            }
        }
        let label = spoken.get(pi).and_then(Option::as_ref);
        if label.is_some_and(|s| s.label_only) {
            continue;
        }
        let pa = label.map_or_else(|| skip_dateline(t, pa, pb), |s| s.from.max(pa));
        let qs = quotes::find(t, pa, pb);
        let sents = sentences::split(t, pa, pb, &qs);
        let subhead = sents.len() == 1 && looks_like_subhead(t, pa, pb);
        let mut qi = 0;
        // orphan quotations of the sentence before, which this one may credit
        let mut orphans: Vec<usize> = Vec::new();
        for &(sa, sb) in &sents {
            if !orphans.is_empty() {
                if let Some(m) = an.source_named_after(sa, sb) {
                    for &k in &orphans {
                        drafts[k].0.speaker = Some(m.clone());
                        drafts[k].0.orphan = false;
                    }
                    prev = Some(m);
                }
            }
            orphans.clear();
            while qi < qs.len() && qs[qi].open < sa {
                qi += 1;
            }
            let mut qj = qi;
            while qj < qs.len() && qs[qj].open < sb {
                qj += 1;
            }
            let sq = &qs[qi..qj];
            if is_question(t, sa, sb) || sentences::is_sign_off(t, sa, sb) {
                continue;
            }
            let (found, credited) = an.sentence(
                &Sentence {
                    a: sa,
                    b: sb,
                    quotes: sq,
                },
                prev.as_ref(),
            );
            if found.is_empty() {
                if credited {
                    continue;
                }
                if subhead && !has_verb(t, sa, sb) {
                    continue;
                }
                statements.push((sa, sb, label.map(|s| s.speaker.clone())));
                continue;
            }
            let scene = scene_of(t, reg, sa);
            for mut d in found {
                // "In X, reporters saw …": what they saw was in X.
                d.scene = scene.filter(|&k| {
                    let b = reg.found[k].b;
                    b < d.a && (b..d.a).any(|i| t.has(i, flag::PERCEPTION))
                });
                if d.speaker.is_some() {
                    prev.clone_from(&d.speaker);
                }
                if d.orphan {
                    orphans.push(drafts.len());
                }
                drafts.push((d, pi));
            }
        }
    }

    (drafts, statements)
}

/// A pull quote (a quoted crosshead repeating words the body quotes with their speaker) is
/// layout, not a second claim.
fn drop_pull_quotes(t: &Tokens, paras: &[(usize, usize)], drafts: &mut Vec<(Draft, usize)>) {
    let stems = |d: &Draft| -> Vec<String> {
        (d.a..d.b)
            .filter(|&i| t.is_word(i) && !t.has(i, flag::FUNCTION))
            .map(|i| t.lo(i).chars().take(5).collect())
            .collect()
    };
    let pull: Vec<bool> = drafts
        .iter()
        .map(|(d, pi)| {
            let (pa, pb) = paras.get(*pi).copied().unwrap_or((0, 0));
            if !d.orphan || !looks_like_subhead(t, pa, pb) {
                return false;
            }
            let own = stems(d);
            !own.is_empty()
                && drafts.iter().any(|(o, _)| {
                    let other = stems(o);
                    // the same words, give or take an ending, on both sides
                    o.direct && !o.orphan && {
                        let shared = own.iter().filter(|w| other.contains(w)).count();
                        shared * 4 >= own.len() * 3 && shared * 4 >= other.len() * 3
                    }
                })
        })
        .collect();
    let mut keep = pull.iter().map(|p| !p);
    drafts.retain(|_| keep.next().unwrap_or(true));
}

/// Orphan quotes: the speaker of the claim before them in the paragraph, else of the next
/// attributed claim within two paragraphs (after a subhead, the next first).
fn credit_orphans(t: &Tokens, paras: &[(usize, usize)], drafts: &mut [(Draft, usize)]) {
    for k in 0..drafts.len() {
        if !drafts[k].0.orphan {
            continue;
        }
        let pi = drafts[k].1;
        let before = drafts[..k]
            .iter()
            .rev()
            .take_while(|(_, p)| *p == pi || *p + 1 == pi)
            .take(64)
            .find(|(d, p)| d.speaker.is_some() && (*p == pi || d.direct))
            .map(|(d, _)| (d.speaker.clone(), d.cue.clone()));
        let after = || {
            drafts[k + 1..]
                .iter()
                .take_while(|(_, p)| *p <= pi + 2)
                .take(64)
                .find(|(d, _)| d.speaker.is_some() && !d.orphan)
                .map(|(d, _)| (d.speaker.clone(), d.cue.clone()))
        };
        let (pa, pb) = paras.get(pi).copied().unwrap_or((0, 0));
        let subhead = looks_like_subhead(t, pa, pb);
        let leans = !subhead && before.is_some();
        let found = if subhead {
            after().or(before)
        } else {
            before.or_else(after)
        };
        if let Some((speaker, cue)) = found {
            drafts[k].0.speaker = speaker;
            drafts[k].0.cue = cue;
        }
        drafts[k].0.leans_on_previous = leans;
    }
}

/// A pronoun that continues the previous speaker keeps that speaker's outlet.
fn continue_outlets(drafts: &mut [(Draft, usize)]) {
    for k in 1..drafts.len() {
        let (prev_d, cur) = {
            let (l, r) = drafts.split_at_mut(k);
            (&l[k - 1].0, &mut r[0].0)
        };
        if cur.via.is_none() && cur.leans_on_previous {
            if let (Some(a), Some(b)) = (&prev_d.speaker, &cur.speaker) {
                if a.name == b.name {
                    cur.via.clone_from(&prev_d.via);
                }
            }
        }
    }
}

/// "An official … admitted that A. “B,” Ana Ruiz told the radio.": an office described with
/// "a/an" and at once followed by a person the article names for the first time is that
/// person, unless the article gives that person another role ("…, a spokesman said.
/// Prosecutor Ana Ruiz said …": two people).
fn name_described_offices(drafts: &mut [(Draft, usize)], mentions: &[Mention]) {
    for k in 1..drafts.len() {
        let (l, r) = drafts.split_at_mut(k);
        let ((cur, pi), (next, pj)) = (&mut l[k - 1], &r[0]);
        if pi != pj || next.leans_on_previous {
            continue;
        }
        let (Some(sp), Some(named)) = (&cur.speaker, &next.speaker) else {
            continue;
        };
        if sp.kind != EntityKind::Nominal || named.kind != EntityKind::Person {
            continue;
        }
        let mut words = sp.name.split_whitespace().map(str::to_lowercase);
        let article = words.next().unwrap_or_default();
        let office = words.next().unwrap_or_default();
        let introduced = mentions
            .iter()
            .any(|m| m.name == named.name && m.span.start < sp.span.start);
        let same_office = named.roles.is_empty() || named.roles.contains(&office);
        if rules::INDEFINITE_ARTICLES.contains(&article.as_str())
            && rules::OFFICE_NOUNS.contains(&office.as_str())
            && !introduced
            && same_office
        {
            let mut m = named.clone();
            m.span = sp.span;
            cur.speaker = Some(m);
            if cur.via.is_none() {
                cur.via.clone_from(&next.via);
            }
        }
    }
}

/// The claims of the drafts (attributed ones only) and of the statements that name a place
/// or a number, in text order.
fn claims_of(
    t: &Tokens,
    reg: &mentions::Registry,
    drafts: Vec<(Draft, usize)>,
    statements: Vec<Statement>,
) -> Vec<Claim> {
    let mut claims = Vec::with_capacity(drafts.len() + statements.len());
    for (d, _) in drafts {
        let trimmed = if d.direct {
            exact_span(t, d.a, d.b)
        } else {
            trimmed_span(t, d.a, d.b, true)
        };
        let Some(span) = trimmed else {
            continue;
        };
        // A claim is attributed: a quotation nobody in reach says is not one.
        if d.speaker.is_none() {
            continue;
        }
        let kind = if d.direct {
            ClaimKind::Direct
        } else {
            ClaimKind::Indirect
        };
        let scene = d.scene.and_then(|k| reg.found.get(k));
        claims.push(make_claim(
            t, reg, kind, span, d.a, d.b, d.speaker, d.via, d.cue, scene,
        ));
    }
    for (sa, sb, said_by) in statements {
        let Some(span) = trimmed_span(t, sa, sb, false) else {
            continue;
        };
        // in a transcript, what a sentence asserts is its speaker's
        let kind = if said_by.is_some() {
            ClaimKind::Indirect
        } else {
            ClaimKind::Statement
        };
        let spoken = said_by.is_some() && asserts_something(t, sa, sb);
        let c = make_claim(t, reg, kind, span, sa, sb, said_by, None, None, None);
        if spoken || !c.places.is_empty() || !c.numbers.is_empty() {
            claims.push(c);
        }
    }
    claims.sort_by_key(|c| c.span.start);

    claims
}

/// A transcript sentence with no place or number is its speaker's claim when it says
/// something: not a greeting or an aside ("Hi.", "Here we go."), shorter than
/// [`MIN_SPOKEN_WORDS`], nor a speaker introducing themselves ("I'm Ana Ruiz, …").
fn asserts_something(t: &Tokens, a: usize, b: usize) -> bool {
    let words = (a..b).filter(|&i| t.is_word(i)).count();
    let introduction = rules::SELF_INTRODUCTIONS.iter().any(|opener| {
        let n = opener.len();
        opener.iter().enumerate().all(|(k, w)| t.lo(a + k) == *w) && t.is_cap(a + n)
    });
    words >= MIN_SPOKEN_WORDS && !introduction
}

/// Fewer words than this make a greeting or an aside, not a claim.
const MIN_SPOKEN_WORDS: usize = 6;

/// Speakers found through pronouns and descriptions are mentions too.
fn add_speaker_mentions(claims: &[Claim], mentions: &mut Vec<Mention>) {
    let mut seen: text::FnvSet<Span> = mentions.iter().map(|m| m.span).collect();
    for c in claims {
        if let Some(sp) = &c.speaker {
            if seen.insert(sp.span) {
                mentions.push(sp.clone());
            }
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// A speaker who spoke to an outlet keeps it for what they say later in the article ("In an
/// interview with Radio Vell, Holm said …" … "“…,” Holm said."): the article cites one
/// conversation, not a new one per quote. An outlet that only relayed one statement
/// ("…, Radio Vell reported") does not carry. The latest outlet the speaker named holds.
fn carry_outlets(drafts: &mut [(Draft, usize)]) {
    let mut last: Vec<(String, Mention)> = Vec::new();
    for (d, _) in drafts.iter_mut() {
        let Some(name) = d.speaker.as_ref().map(|s| s.name.clone()) else {
            continue;
        };
        match &d.via {
            Some(via) => {
                let slot = last.iter().position(|(n, _)| *n == name);
                match (slot, d.spoke_to_via) {
                    (Some(k), true) => last[k].1 = via.clone(),
                    (Some(k), false) => {
                        last.remove(k);
                    }
                    (None, true) => last.push((name, via.clone())),
                    (None, false) => {}
                }
            }
            // another channel named ("at a news conference"): the conversation is over
            None if d.other_channel => last.retain(|(n, _)| *n != name),
            None => {
                if let Some((_, via)) = last.iter().find(|(n, _)| *n == name) {
                    d.via = Some(via.clone());
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn make_claim(
    t: &Tokens,
    reg: &mentions::Registry,
    kind: ClaimKind,
    span: Span,
    a: usize,
    b: usize,
    speaker: Option<Mention>,
    via: Option<Mention>,
    cue: Option<String>,
    scene: Option<&mentions::Found>,
) -> Claim {
    let mut places: Vec<Mention> = Vec::new();
    // "Residents in X say …", "Police in X said …", "Officials in the island nation of X
    // said …": where an unnamed speaker is, the claim is about (not "the head of the X
    // region", whose office only names it)
    let located = |f: &&mentions::Found| {
        let before_the = usize::from(f.a > 0 && t.is(f.a - 1, "the"));
        let named_kind = f.a >= 2
            && t.is(f.a - 1, "of")
            && (t.has(f.a - 2, flag::PLACE_DESC) || rules::NATION_NOUNS.contains(&t.lo(f.a - 2)));
        named_kind
            || f.a
                .checked_sub(1 + before_the)
                .is_some_and(|p| rules::SPEAKER_PLACE_PREPOSITIONS.contains(&t.lo(p)))
    };
    let speaker_places = speaker
        .as_ref()
        .filter(|m| m.kind == EntityKind::Nominal)
        .map(|m| {
            let from = t.toks.partition_point(|x| x.end <= m.span.start);
            let to = t.toks.partition_point(|x| x.start < m.span.end);
            reg.within(from, to)
        })
        .unwrap_or_default();
    for f in scene
        .into_iter()
        .chain(speaker_places.iter().filter(located))
        .chain(reg.within(a, b))
    {
        if f.kind != EntityKind::Place {
            continue;
        }
        // The name is compared before anything is copied: most runs repeat or are people.
        let resolved = reg.resolved(f);
        let name = resolved.map_or(f.name.as_str(), |r| r.name.as_str());
        let actor = || {
            reg.capital_as_actor(t, f)
                || reg.country_as_owner(t, f)
                || reg.country_as_modifier(t, f)
        };
        if !places.iter().any(|p| p.name == name) && !actor() {
            places.push(Mention {
                span: Span::new(t.start(f.a), t.end(f.b.saturating_sub(1).max(f.a))),
                name: name.to_string(),
                kind: f.kind,
                roles: Vec::new(),
                place: resolved.and_then(|r| r.place.clone()),
            });
        }
    }
    let mut numbers = Vec::new();
    numbers::find(t, a, b, &mut numbers);
    Claim {
        kind,
        span,
        speaker,
        via,
        cue,
        places,
        numbers,
        gist: Gist::default(),
    }
}

/// The place a sentence opens with, "In X, …" or "Near the X, …" (index into the
/// registry's runs): the scene of everything the sentence reports.
fn scene_of(t: &Tokens, reg: &mentions::Registry, sa: usize) -> Option<usize> {
    if !t.has(sa, flag::PLACE_PREP) || !t.is_cap(sa) {
        return None;
    }
    let at = if t.is(sa + 1, "the") { sa + 2 } else { sa + 1 };
    let k = reg.found.partition_point(|f| f.a < at);
    let f = reg.found.get(k)?;
    (f.a == at && f.kind == EntityKind::Place && t.is_punct(f.b, ',')).then_some(k)
}

/// Byte span of tokens `[a, b)`, without trailing commas/colons (and periods when `strip_period`).
fn trimmed_span(t: &Tokens, a: usize, b: usize, strip_period: bool) -> Option<Span> {
    let mut b = b.min(t.len());
    while b > a
        && matches!(t.toks[b - 1].kind, Kind::Punct(c) if c == ',' || c == ';' || c == ':' || (strip_period && c == '.'))
    {
        b -= 1;
    }
    if b <= a {
        return None;
    }
    let span = Span::new(t.start(a), t.end(b - 1));
    let s = span.slice(t.text)?;
    if s.trim().is_empty() {
        return None;
    }
    Some(span)
}

/// Byte span of tokens `[a, b)` as they stand (a quotation keeps its inner punctuation),
/// without stray quotation marks at either end.
fn exact_span(t: &Tokens, a: usize, b: usize) -> Option<Span> {
    let mut a = a;
    let mut b = b.min(t.len());
    while a < b && t.is_quote(a) {
        a += 1;
    }
    while b > a && t.is_quote(b - 1) {
        b -= 1;
    }
    (b > a).then(|| Span::new(t.start(a), t.end(b - 1)))
}

fn squeeze(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A short line without a final stop: a section subhead or a pulled quote.
fn looks_like_subhead(t: &Tokens, a: usize, b: usize) -> bool {
    b - a <= 14 && !ends_with_terminal(t, a, b)
}

fn ends_with_terminal(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b)
        .rev()
        .find(|&i| !t.is_quote(i) && !t.is_punct(i, ')'))
        .is_some_and(|i| matches!(t.toks[i].kind, Kind::Punct('.' | '!' | '?' | '…')))
}

fn is_question(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b)
        .rev()
        .find(|&i| !t.is_quote(i) && !t.is_punct(i, ')'))
        .is_some_and(|i| t.is_punct(i, '?'))
}

/// Skips a wire dateline at the start of a paragraph ("LISBON, Portugal (AP) —", "Lisbon,
/// Portugal —", "Lisbon, March 3 (Reuters) -"): names, figures, commas and brackets up to
/// a dash, opening with a name in capitals or, in title case, with a name set off by a
/// comma or bracket (a title-case run alone before a dash, or a name and an age, is a
/// sentence's subject).
fn skip_dateline(t: &Tokens, pa: usize, pb: usize) -> usize {
    if let Some(after) = skip_clock_stamp(t, pa, pb) {
        return after;
    }
    let mut i = pa;
    while i < pb && i < pa + 4 && t.is_acronym(i) {
        i += 1;
    }
    let title_case = i == pa && t.is_cap(pa);
    if i == pa && !title_case {
        return pa;
    }
    let limit = (pa + 14).min(pb);
    while i < limit {
        if matches!(t.toks[i].kind, Kind::Punct('—' | '–' | '-')) {
            // "Lisbon, Portugal", "Lisbon (AP)": a name set off by a name, not by an age
            let set_off =
                (pa..i).any(|k| (t.is_punct(k, ',') || t.is_punct(k, '(')) && t.is_cap(k + 1));
            return if !title_case || set_off { i + 1 } else { pa };
        }
        if !(t.is_cap(i)
            || t.toks[i].kind == Kind::Num
            || t.is_punct(i, ',')
            || t.is_punct(i, '(')
            || t.is_punct(i, ')')
            || t.is_punct(i, '.'))
        {
            return pa;
        }
        i += 1;
    }
    pa
}

/// A live report's time stamp opening a paragraph ("10:15 a.m. —", "14:05 GMT -"): a
/// clock time, its letters and zone, then a dash. Returns where the entry starts.
fn skip_clock_stamp(t: &Tokens, pa: usize, pb: usize) -> Option<usize> {
    let num = |i: usize| t.toks.get(i).is_some_and(|x| x.kind == Kind::Num);
    if !(num(pa) && t.is_punct(pa + 1, ':') && num(pa + 2)) {
        return None;
    }
    let limit = (pa + 10).min(pb);
    let mut i = pa + 3;
    while i < limit && (t.is_word(i) && t.s(i).len() <= 4 || t.is_punct(i, '.')) {
        i += 1;
    }
    (i < limit && matches!(t.toks[i].kind, Kind::Punct('—' | '–' | '-'))).then_some(i + 1)
}

/// Whether a short line has a verb (section subheads usually do not).
fn has_verb(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b).any(|i| {
        if !t.is_word(i) || t.toks[i].cap {
            return false;
        }
        let lo = t.lo(i);
        t.has(i, flag::COMMON_VERB | flag::CUE)
            || (lo.len() > 4 && lo.ends_with("ed"))
            || (i > a
                && t.is_word(i - 1)
                && t.lo(i - 1).ends_with('s')
                && !t.has(i, flag::FUNCTION | flag::DEMONYM))
    })
}

#[cfg(test)]
mod tests;
