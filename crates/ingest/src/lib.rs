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
        for &(sa, sb) in &sents {
            while qi < qs.len() && qs[qi].open < sa {
                qi += 1;
            }
            let mut qj = qi;
            while qj < qs.len() && qs[qj].open < sb {
                qj += 1;
            }
            let sq = &qs[qi..qj];
            if is_question(t, sa, sb) {
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
/// person.
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
        if matches!(article.as_str(), "a" | "an")
            && rules::OFFICE_NOUNS.contains(&office.as_str())
            && !introduced
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
        let c = make_claim(t, reg, kind, span, sa, sb, said_by, None, None, None);
        if !c.places.is_empty() || !c.numbers.is_empty() {
            claims.push(c);
        }
    }
    claims.sort_by_key(|c| c.span.start);

    claims
}

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
    // "Residents in X say …", "Police in X said …": where an unnamed speaker is, the
    // claim is about (not "the head of the X region", whose office only names it)
    let located = |f: &&mentions::Found| {
        let before_the = usize::from(f.a > 0 && t.is(f.a - 1, "the"));
        f.a.checked_sub(1 + before_the)
            .is_some_and(|p| matches!(t.lo(p), "in" | "at" | "near" | "from"))
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
        if !places.iter().any(|p| p.name == name) && !reg.capital_as_actor(t, f) {
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

/// Skips a wire dateline at the start of a paragraph ("LISBON, Portugal (AP) —").
fn skip_dateline(t: &Tokens, pa: usize, pb: usize) -> usize {
    let caps = |i: usize| {
        t.is_word(i)
            && t.s(i).chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !t.s(i).chars().any(char::is_lowercase)
    };
    let mut i = pa;
    while i < pb && i < pa + 4 && caps(i) {
        i += 1;
    }
    if i == pa {
        return pa;
    }
    let limit = (pa + 14).min(pb);
    while i < limit {
        if matches!(t.toks[i].kind, Kind::Punct('—' | '–' | '-')) {
            return i + 1;
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
mod tests {
    use super::*;

    fn run(body: &str) -> (String, Extraction) {
        let text = format!("Storm Report\n{body}");
        let ex = extract(
            &text,
            &ExtractOptions {
                headline_is_first_line: true,
            },
        );
        (text, ex)
    }

    fn span_text(text: &str, s: Span) -> &str {
        s.slice(text).unwrap_or("<bad span>")
    }

    fn of_kind(ex: &Extraction, kind: ClaimKind) -> Vec<&Claim> {
        ex.claims.iter().filter(|c| c.kind == kind).collect()
    }

    fn speaker(c: &Claim) -> &str {
        c.speaker.as_ref().map_or("", |m| m.name.as_str())
    }

    /// (speaker, claim text) of every claim, in order.
    fn said<'a>(text: &'a str, ex: &'a Extraction) -> Vec<(&'a str, &'a str)> {
        ex.claims
            .iter()
            .map(|c| (speaker(c), span_text(text, c.span)))
            .collect()
    }

    #[test]
    fn interrupted_quote_is_two_claims_with_one_speaker() {
        let (text, ex) = run("“The levee held overnight,” Mayor Lena Okafor said, “but the east bank is still under water.”");
        let direct = of_kind(&ex, ClaimKind::Direct);
        assert_eq!(direct.len(), 2);
        assert_eq!(
            span_text(&text, direct[0].span),
            "The levee held overnight,"
        );
        assert_eq!(
            span_text(&text, direct[1].span),
            "but the east bank is still under water."
        );
        assert!(direct.iter().all(|c| speaker(c) == "Lena Okafor"));
        assert_eq!(
            direct[0].speaker.as_ref().map(|m| m.roles.clone()),
            Some(vec!["mayor".to_string()])
        );
    }

    #[test]
    fn unclosed_quote_takes_the_speaker_of_the_next_paragraph() {
        let (text, ex) = run("“We evacuated the school first. The water came fast.\n“By noon the bridge was closed,” said fire chief Tomas Berg.");
        let direct = of_kind(&ex, ClaimKind::Direct);
        assert_eq!(direct.len(), 2);
        assert_eq!(
            span_text(&text, direct[0].span),
            "We evacuated the school first. The water came fast."
        );
        assert_eq!(speaker(direct[0]), "Tomas Berg");
        assert_eq!(speaker(direct[1]), "Tomas Berg");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let (_, ex) =
            run("The town’s mayor Ada Kell said the farmers’ fields hadn’t drained by Sunday.");
        assert!(ex.claims.iter().all(|c| c.kind != ClaimKind::Direct));
        assert_eq!(ex.claims.len(), 1);
        assert_eq!(speaker(&ex.claims[0]), "Ada Kell");
    }

    #[test]
    fn a_role_in_apposition_resolves_later_and_pledges_are_claims() {
        let (_, ex) = run(
            "The mayor of the island, Tove Sand, opened the new ferry terminal on Friday.\n\
             Later the mayor said the old pier would close. Sand pledged that fares would \
             not rise.",
        );
        let said: Vec<(&str, ClaimKind)> = ex.claims.iter().map(|c| (speaker(c), c.kind)).collect();
        assert_eq!(
            said,
            [
                ("Tove Sand", ClaimKind::Indirect),
                ("Tove Sand", ClaimKind::Indirect)
            ]
        );
    }

    #[test]
    fn bodies_described_in_apposition_or_before_their_name_speak() {
        let (text, ex) = run(
            "Marlow, the Scottish shipbuilder, said on Monday it would hire 400 welders.\n\
             Danish brewer Holte plans to close two plants, the company announced.\n\
             The Harbour Board plans to dredge the channel, the board announced.",
        );
        let said = said(&text, &ex);
        assert_eq!(
            said,
            [
                ("Marlow", "it would hire 400 welders"),
                ("Holte", "Danish brewer Holte plans to close two plants"),
                (
                    "Harbour Board",
                    "The Harbour Board plans to dredge the channel"
                )
            ]
        );
    }

    #[test]
    fn object_pronouns_outlets_by_kind_and_weekdays_resolve() {
        let (_, ex) = run(
            "Port director Marta Vilar explained to the weekly La Voz del Sur that the cranes \
             would restart on Friday. According to her, two ships had already left.\n\
             Officials said Monday's storm had damaged the pier at Sines.",
        );
        let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
        assert_eq!(speakers, ["Marta Vilar", "Marta Vilar", "Officials"]);
        let via = ex.claims[0].via.as_ref().map(|m| m.name.as_str());
        assert_eq!(via, Some("La Voz del Sur"));
        let places: Vec<&str> = ex.claims[2]
            .places
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert!(!places.contains(&"Monday"), "{places:?}");
    }

    #[test]
    fn pronouns_and_role_descriptions_resolve() {
        let (_, ex) = run(
            "Harbour inspector Ines Duarte inspected the dock. “The cranes are safe,” she said.\n\
             Regional Water Authority spokesman Piet Vos said the dam at Orsa was stable. \
             Later, the spokesman added that repairs would take 3 weeks.",
        );
        let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
        assert_eq!(speakers, ["Ines Duarte", "Piet Vos", "Piet Vos"]);
        let last = &ex.claims[2];
        assert_eq!(last.numbers.len(), 1);
        assert_eq!(
            (last.numbers[0].value, last.numbers[0].unit.as_str()),
            (3.0, "week")
        );
    }

    #[test]
    fn a_pronoun_means_the_person_named_outside_quotes() {
        let cases = [
            // a person named inside the quote is not the one who said it
            (
                "Harbour pilot Ines Duarte met the ferry.\n\n\
                 “Captain Ola Berg trained me for 12 years,” she said.",
                "Ines Duarte",
            ),
            // the subject of the sentence before, not its object
            (
                "Harbour pilot Ines Duarte thanked Captain Ola Berg. She says 40 piles cracked.",
                "Ines Duarte",
            ),
            // a person introduced by what they do speaks next
            (
                "Ola Berg said the pier was shut. Tova Brannick is a hydrologist at the \
                 Marlow Institute. She says 40 wells have run dry.",
                "Tova Brannick",
            ),
        ];
        for (body, want) in cases {
            let (_, ex) = run(body);
            let last = ex.claims.last().map(speaker);
            assert_eq!(last, Some(want), "in {body:?}");
        }
    }

    #[test]
    fn a_pronoun_agrees_with_the_sex_of_its_person() {
        let cases = [
            // the subject of the sentence before, as without sex
            (
                "Lena Holm met Ivo Brandt. “We agreed,” she said.",
                Some("Lena Holm"),
            ),
            // "he" walks past a woman to the man
            (
                "Lena Holm met Ivo Brandt. “We agreed,” he said.",
                Some("Ivo Brandt"),
            ),
            (
                "Ivo Brandt met Lena Holm. “We agreed,” she said.",
                Some("Lena Holm"),
            ),
            (
                "Ivo Brandt met Lena Holm. “We agreed,” he said.",
                Some("Ivo Brandt"),
            ),
            // a gendered role tells the sex of a unisex name
            (
                "Harbour spokeswoman Robin Vale thanked Kim Dorsey. “We agreed,” he said.",
                Some("Kim Dorsey"),
            ),
            (
                "Mr Robin Vale thanked Kim Dorsey. “We agreed,” she said.",
                Some("Kim Dorsey"),
            ),
            // unisex names agree with either pronoun: the subject as before
            (
                "Robin Vale thanked Kim Dorsey. “We agreed,” he said.",
                Some("Robin Vale"),
            ),
            (
                "Robin Vale thanked Kim Dorsey. “We agreed,” she said.",
                Some("Robin Vale"),
            ),
            // the previous speaker only if the pronoun agrees with them
            (
                "Ivo Brandt met the crew. “The pier is shut,” said Lena Holm. \
                 “We will rebuild it,” he said.",
                Some("Ivo Brandt"),
            ),
            (
                "Ivo Brandt met the crew. “The pier is shut,” said Lena Holm. \
                 “We will rebuild it,” she said.",
                Some("Lena Holm"),
            ),
        ];
        for (body, want) in cases {
            let (_, ex) = run(body);
            let last = ex.claims.last().map(speaker);
            assert_eq!(last, want, "in {body:?}");
        }
    }

    #[test]
    fn according_to_an_outlet_and_told_an_outlet() {
        let (text, ex) = run(
            "According to Reuters, the river crested at 4.2 metres in Dornbirn.\n\
             “We lost everything,” a resident of Lower Brenn told the BBC.",
        );
        assert_eq!(ex.claims.len(), 2);
        let a = &ex.claims[0];
        assert_eq!(
            span_text(&text, a.span),
            "the river crested at 4.2 metres in Dornbirn"
        );
        assert_eq!(speaker(a), "Reuters");
        assert_eq!(
            a.places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Dornbirn"]
        );
        let b = &ex.claims[1];
        assert_eq!(
            b.speaker.as_ref().map(|m| m.kind),
            Some(EntityKind::Nominal)
        );
        assert_eq!(speaker(b), "a resident of Lower Brenn");
        assert_eq!(b.via.as_ref().map(|m| m.name.as_str()), Some("BBC"));
    }

    #[test]
    fn a_speaker_keeps_the_outlet_they_spoke_to() {
        let cases: &[(&str, &[Option<&str>])] = &[
            (
                "In an interview with Radio Vell, Lena Holm said 40 piles had cracked.\n\n\
                 “We will rebuild the pier,” Holm said.",
                &[Some("Radio Vell"), Some("Radio Vell")],
            ),
            // another speaker does not inherit it
            (
                "Lena Holm told Radio Vell that 40 piles had cracked.\n\n\
                 “We will rebuild the pier,” Ola Berg said.",
                &[Some("Radio Vell"), None],
            ),
            // an outlet that relayed one statement does not carry
            (
                "Lena Holm said 40 piles had cracked, Radio Vell reported.\n\n\
                 “We will rebuild the pier,” Holm said.",
                &[Some("Radio Vell"), None],
            ),
            // an outlet named later holds from there on
            (
                "“The pier is shut,” Lena Holm said.\n\n\
                 Lena Holm told Radio Vell that 40 piles had cracked.",
                &[None, Some("Radio Vell")],
            ),
        ];
        for (body, want) in cases {
            let (_, ex) = run(body);
            let got: Vec<Option<&str>> = ex
                .claims
                .iter()
                .map(|c| c.via.as_ref().map(|m| m.name.as_str()))
                .collect();
            assert_eq!(&got, want, "in {body:?}");
        }
    }

    #[test]
    fn trailing_attribution_and_outlet_as_via() {
        let (text, ex) = run(
            "Flood barriers were raised along 12 km of the Elde, the Environment Agency said on Monday.\n\
             The storm cut power to 40,000 homes, Governor Rita Salo told reporters, the Daily Clarion reported.",
        );
        let a = &ex.claims[0];
        assert_eq!(a.kind, ClaimKind::Indirect);
        assert_eq!(
            span_text(&text, a.span),
            "Flood barriers were raised along 12 km of the Elde"
        );
        assert_eq!(speaker(a), "Environment Agency");
        assert_eq!(a.cue.as_deref(), Some("said"));
        assert_eq!(
            (a.numbers[0].value, a.numbers[0].unit.as_str()),
            (12.0, "km")
        );
        let b = &ex.claims[1];
        assert_eq!(speaker(b), "Rita Salo");
        assert_eq!(
            b.via.as_ref().map(|m| m.name.as_str()),
            Some("Daily Clarion")
        );
    }

    #[test]
    fn two_that_clauses_are_two_claims() {
        let (text, ex) =
            run("Mayor Jon Ekdal said that the pumps were working, and that schools would reopen.");
        let spans: Vec<&str> = ex.claims.iter().map(|c| span_text(&text, c.span)).collect();
        assert_eq!(spans, ["the pumps were working", "schools would reopen"]);
    }

    #[test]
    fn that_after_a_cue_opens_the_content_only_before_any_verb() {
        let cases = [
            // adverbials between the cue and "that": the content starts after "that"
            (
                "Mayor Jon Ekdal said on Friday in a letter that the pumps were working.",
                "the pumps were working",
            ),
            // a verb before "that": the content starts right after the cue
            (
                "Mayor Jon Ekdal says it is vital that the pumps keep working.",
                "it is vital that the pumps keep working",
            ),
            (
                "Mayor Jon Ekdal said the council was told that the pumps were working.",
                "the council was told that the pumps were working",
            ),
        ];
        for (body, want) in cases {
            let (text, ex) = run(body);
            let spans: Vec<&str> = ex.claims.iter().map(|c| span_text(&text, c.span)).collect();
            assert_eq!(spans, [want], "in {body:?}");
        }
    }

    #[test]
    fn nominal_sources_stay_nominal() {
        let (_, ex) = run("Local officials said 300 people were evacuated from Tarn.");
        assert_eq!(ex.claims.len(), 1);
        let c = &ex.claims[0];
        assert_eq!(
            c.speaker.as_ref().map(|m| m.kind),
            Some(EntityKind::Nominal)
        );
        assert_eq!(speaker(c), "Local officials");
        assert_eq!(
            (c.numbers[0].value, c.numbers[0].unit.as_str()),
            (300.0, "person")
        );
    }

    #[test]
    fn counted_groups_and_one_of_them_are_nominal_speakers() {
        let cases = [
            (
                "Three listeners said the ferry was late.",
                "Three listeners",
            ),
            (
                "One shopkeeper suggested the market move indoors.",
                "One shopkeeper",
            ),
            ("Another said the ferry was late.", "Another"),
        ];
        for (body, want) in cases {
            let (_, ex) = run(body);
            let got: Vec<(Option<EntityKind>, &str)> = ex
                .claims
                .iter()
                .map(|c| (c.speaker.as_ref().map(|m| m.kind), speaker(c)))
                .collect();
            assert_eq!(got, [(Some(EntityKind::Nominal), want)], "in {body:?}");
        }
    }

    #[test]
    fn the_role_just_quoted_unnamed_stays_that_source() {
        let (_, ex) = run(
            "Harbour inspector Ines Duarte left in May. A senior port official confirmed that \
             12 piles had cracked. “We closed the pier at once,” the official said.",
        );
        let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
        assert_eq!(
            speakers,
            ["A senior port official", "A senior port official"]
        );
    }

    #[test]
    fn speakers_survive_adverbs_hyphenated_titles_and_acronyms() {
        let cases = [
            (
                "Lena Holm, however, stressed the closure does not mean the pier is unsafe.",
                "Lena Holm",
            ),
            (
                "Director-General Ana Ruiz said 40 piles had cracked.",
                "Ana Ruiz",
            ),
            (
                "Harbour Secretary-General Ivo Moe said 40 piles had cracked.",
                "Ivo Moe",
            ),
            // an apposition of several words ending in its role
            (
                "Ola Berg, the ferry company's longest-serving marine engineer, insists 40 piles cracked.",
                "Ola Berg",
            ),
            // an acronym that spells a common word
            ("The WHO says that 40 cases were confirmed.", "WHO"),
        ];
        for (body, want) in cases {
            let (_, ex) = run(body);
            let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
            assert_eq!(speakers, [want], "in {body:?}");
        }
    }

    #[test]
    fn adverbials_between_the_cue_and_a_quote_are_no_content() {
        let (text, ex) = run("Lena Holm noted in her speech, “We will reopen the pier in May.”");
        let got: Vec<(ClaimKind, &str, &str)> = ex
            .claims
            .iter()
            .map(|c| (c.kind, speaker(c), span_text(&text, c.span)))
            .collect();
        assert_eq!(
            got,
            [(
                ClaimKind::Direct,
                "Lena Holm",
                "We will reopen the pier in May."
            )]
        );
    }

    #[test]
    fn statements_need_a_place_or_a_number() {
        let (text, ex) = run(
            "The storm cut power to 40,000 homes in Marlow. It was a difficult night. Will the dam hold?",
        );
        assert_eq!(ex.claims.len(), 1);
        let c = &ex.claims[0];
        assert_eq!(c.kind, ClaimKind::Statement);
        assert!(c.speaker.is_none());
        assert_eq!(
            span_text(&text, c.span),
            "The storm cut power to 40,000 homes in Marlow."
        );
        assert_eq!(c.places[0].name, "Marlow");
    }

    #[test]
    fn where_an_unnamed_speaker_is_the_claim_is_about() {
        let places = |body: &str| -> Vec<Vec<String>> {
            let (_, ex) = run(body);
            ex.claims
                .iter()
                .map(|c| c.places.iter().map(|p| p.name.clone()).collect())
                .collect()
        };
        assert_eq!(
            places("Some ferry crews in Tromso complain that no spare parts have come."),
            [vec!["Tromso".to_string()]]
        );
        // an office named after a place does not put the claim there
        assert_eq!(
            places("The head of the Tromso harbour board said the cranes were safe."),
            [Vec::<String>::new()]
        );
    }

    #[test]
    fn a_transcript_speaker_asserts_the_sentences_under_the_label() {
        let (text, ex) = run(
            "\nMARTA OSK, Radio Vell:\n\nThe ferry sank with 12 crew aboard.\n\n100-million survivors.\n\n\
             JON BRAY, Harbour Board:\n\nWe lifted 40 tonnes of steel. It was hard work.",
        );
        let got: Vec<(ClaimKind, &str, &str)> = ex
            .claims
            .iter()
            .map(|c| (c.kind, speaker(c), span_text(&text, c.span)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    ClaimKind::Indirect,
                    "Marta Osk",
                    "The ferry sank with 12 crew aboard."
                ),
                // a line without a verb is speech too
                (ClaimKind::Indirect, "Marta Osk", "100-million survivors."),
                (
                    ClaimKind::Indirect,
                    "Jon Bray",
                    "We lifted 40 tonnes of steel."
                ),
            ]
        );
    }

    #[test]
    fn headline_and_boilerplate_yield_no_claims() {
        let text = "Flood hits Marlow, 3 dead\nAlso read: 5 dams in Marlow\nSource: Marlow Daily\nLeave a Reply";
        let ex = extract(
            text,
            &ExtractOptions {
                headline_is_first_line: true,
            },
        );
        assert!(ex.claims.is_empty());
        assert!(ex.headline.is_some());
        let ex = extract(
            "Rain fell on 12 villages in Marlow.",
            &ExtractOptions::default(),
        );
        assert_eq!(ex.claims.len(), 1);
        assert!(ex.headline.is_none());
    }

    #[test]
    fn mentions_are_in_text_order_with_resolved_names() {
        let (_, ex) =
            run("Mayor Lena Okafor visited homes in Marlow. Okafor said the town needed help.");
        let names: Vec<(&str, EntityKind)> = ex
            .mentions
            .iter()
            .map(|m| (m.name.as_str(), m.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("Lena Okafor", EntityKind::Person),
                ("Marlow", EntityKind::Place),
                ("Lena Okafor", EntityKind::Person),
                // "the town needed": the town is Marlow.
                ("Marlow", EntityKind::Place)
            ]
        );
        assert!(ex
            .mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start));
    }

    #[test]
    fn datelines_ages_and_adverbials_are_not_content() {
        let (text, ex) = run(
            "VELLMAR, Norland, May 4 (AP) — Ola Brandt, 61, a farmer from Vell, said the fields were lost.\n\
             The dairy, Nordmilk, said in a statement it would pay 300 farmers.",
        );
        let spans: Vec<&str> = ex.claims.iter().map(|c| span_text(&text, c.span)).collect();
        assert_eq!(spans, ["the fields were lost", "it would pay 300 farmers"]);
        assert_eq!(speaker(&ex.claims[0]), "Ola Brandt");
        assert_eq!(speaker(&ex.claims[1]), "Nordmilk");
    }

    #[test]
    fn any_source_after_according_to_and_owned_descriptions_stay_nominal() {
        let (_, ex) = run(
            "According to the emergency services, 1,200 people left Tarn.\n\
             The chief of staff of Mayor Ida Sund said the pumps had failed.",
        );
        assert_eq!(speaker(&ex.claims[0]), "the emergency services");
        assert_eq!(
            ex.claims[1].speaker.as_ref().map(|m| m.kind),
            Some(EntityKind::Nominal)
        );
    }

    #[test]
    fn place_descriptions_resolve_to_the_named_place() {
        let (_, ex) =
            run("Water reached the town of Orvel on Monday. Residents said the town had no power.");
        let last = ex
            .claims
            .last()
            .map(|c| c.places.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
        assert_eq!(last, Some(vec!["Orvel".to_string()]));
    }

    #[test]
    fn reports_that_find_things_are_sources() {
        let (text, ex) = run("The inspectors’ report found that 40% of dykes were weak.");
        assert_eq!(ex.claims.len(), 1);
        assert_eq!(
            span_text(&text, ex.claims[0].span),
            "40% of dykes were weak"
        );
        assert_eq!(ex.claims[0].numbers[0].unit, "percent");
    }

    #[test]
    fn according_to_without_a_comma() {
        let (text, ex) = run("According to police the fire started in a barn near Ulm.");
        assert_eq!(ex.claims.len(), 1);
        assert_eq!(speaker(&ex.claims[0]), "police");
        assert_eq!(
            span_text(&text, ex.claims[0].span),
            "the fire started in a barn near Ulm"
        );
    }

    #[test]
    fn title_abbreviations_and_acronyms_stay_in_names() {
        let (_, ex) = run(
            "\"The spring is new,\" lead author Dr. Ines Vall told AFP.\n\
             According to the Alpine Survey Office (ASO), 41% of springs are dry.",
        );
        assert_eq!(ex.claims.len(), 2);
        assert_eq!(speaker(&ex.claims[0]), "Ines Vall");
        assert_eq!(
            ex.claims[0].via.as_ref().map(|m| m.name.as_str()),
            Some("AFP")
        );
        assert_eq!(speaker(&ex.claims[1]), "Alpine Survey Office");
        assert_eq!(ex.claims[1].numbers[0].value, 41.0);
    }

    #[test]
    fn bare_descriptions_resolve_to_the_named_organisation() {
        let (_, ex) = run(
            "The Harbour Ministry said the port was closed. The ministry added that 12 ships waited.",
        );
        let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
        assert_eq!(speakers, ["Harbour Ministry", "Harbour Ministry"]);
    }

    #[test]
    fn passives_are_not_attributions_and_acronyms_told_are_outlets() {
        let (_, ex) = run("Residents of Vell were told to leave by boat.\n\
             “The dyke is holding,” water board spokesman Jan Mols told NRK.");
        assert_eq!(ex.claims.len(), 1);
        assert_eq!(
            ex.claims[0].via.as_ref().map(|m| m.name.as_str()),
            Some("NRK")
        );
    }

    #[test]
    fn subjects_survive_relative_clauses_participles_and_inversion() {
        let (text, ex) = run(
            "The engineer, who inspected the dyke and met farmers, said the wall would hold.\n\
             The mayor, speaking in Vell, said 30 homes were lost.\n\
             “It is a disaster,” says Mira Holm, a nurse in Vell.\n\
             Asked about the cost, Holm said: “Nobody knows.”",
        );
        let got = said(&text, &ex);
        assert_eq!(
            got,
            [
                ("The engineer", "the wall would hold"),
                ("The mayor", "30 homes were lost"),
                ("Mira Holm", "It is a disaster,"),
                ("Mira Holm", "Nobody knows."),
            ]
        );
    }

    #[test]
    fn documents_speak_for_their_authors() {
        let (_, ex) =
            run("According to a statement from the Harbour Board, 12 ships were stuck near Vell.");
        assert_eq!(speaker(&ex.claims[0]), "Harbour Board");
    }

    #[test]
    fn scare_quotes_stay_inside_their_clause_but_quoted_content_is_direct() {
        let (text, ex) = run(
            "Officials said the repairs in Vell were “on track” and would finish by June.\n\
             Mayor Ida Sund described the damage as “catastrophic”.",
        );
        let got: Vec<(ClaimKind, &str)> = ex
            .claims
            .iter()
            .map(|c| (c.kind, span_text(&text, c.span)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    ClaimKind::Indirect,
                    "the repairs in Vell were “on track” and would finish by June"
                ),
                (ClaimKind::Direct, "catastrophic"),
            ]
        );
        assert_eq!(speaker(&ex.claims[1]), "Ida Sund");
    }

    #[test]
    fn interviews_and_op_eds_name_the_outlet() {
        let (_, ex) = run(
            "In an interview with CNN, Mayor Ida Sund said the dam at Vell held.\n\
             Sund wrote in an op-ed for The Guardian that 3 dams had failed.",
        );
        let vias: Vec<Option<&str>> = ex
            .claims
            .iter()
            .map(|c| c.via.as_ref().map(|m| m.name.as_str()))
            .collect();
        assert_eq!(vias, [Some("CNN"), Some("The Guardian")]);
    }

    #[test]
    fn bylines_and_organisations_before_titles_are_mentions() {
        let (_, ex) = run(
            "Author: Lea Marin\nHarbour Board Secretary Ana Ruiz said the quay at Vell was safe.",
        );
        let names: Vec<(&str, EntityKind)> = ex
            .mentions
            .iter()
            .map(|m| (m.name.as_str(), m.kind))
            .collect();
        assert_eq!(
            names[..3],
            [
                ("Lea Marin", EntityKind::Person),
                ("Harbour Board", EntityKind::Organization),
                ("Ana Ruiz", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn pronoun_objects_are_not_content() {
        let (_, ex) = run("Mayor Ida Sund said this when she visited the dam at Vell.");
        assert!(ex.claims.iter().all(|c| c.kind != ClaimKind::Indirect));
    }

    #[test]
    fn object_taking_cues_need_a_clause() {
        let (_, ex) =
            run("Mayor Ida Sund posted a video of the flooded square. Residents felt the quake.");
        assert!(ex.claims.iter().all(|c| c.kind != ClaimKind::Indirect));
    }

    #[test]
    fn witnesses_and_capitals_as_sources() {
        let (_, ex) = run(
            "An AFP reporter in the area saw dozens of cars under water.\n\
             Ostrava said on Monday that the dam had been repaired.",
        );
        assert_eq!(ex.claims.len(), 2);
        let a = &ex.claims[0];
        assert_eq!(
            a.speaker.as_ref().map(|m| m.kind),
            Some(EntityKind::Nominal)
        );
        assert_eq!(a.via.as_ref().map(|m| m.name.as_str()), Some("AFP"));
        let b = &ex.claims[1];
        assert_eq!(speaker(b), "Ostrava");
        assert_ne!(b.speaker.as_ref().map(|m| m.kind), Some(EntityKind::Person));
    }

    #[test]
    fn a_quote_closing_its_own_phrase_is_a_direct_claim() {
        let (text, ex) = run(
            "The mayor, Ivan Petrenko, urged residents to leave for Lutsk, in order to \
             “stay safe”, reports the Tass agency.\n\
             The dam held through the night, which “saved the whole valley”, said the \
             head of the water board.\n\
             Since the start of May, crews rebuilt “forty kilometres of dykes” announced \
             the regional governor.",
        );
        let direct = of_kind(&ex, ClaimKind::Direct);
        let quotes: Vec<&str> = direct.iter().map(|c| span_text(&text, c.span)).collect();
        assert_eq!(quotes, ["stay safe", "saved the whole valley"]);
        assert_eq!(speaker(direct[0]), "Ivan Petrenko");
        assert_eq!(
            direct[0].via.as_ref().map(|m| m.name.as_str()),
            Some("Tass")
        );
        let indirect = of_kind(&ex, ClaimKind::Indirect);
        let reported: Vec<&str> = indirect.iter().map(|c| span_text(&text, c.span)).collect();
        // the framing before a trailing cue is not the speaker's; a quote that is the main
        // clause's object stays inside the reported claim
        assert_eq!(
            reported,
            [
                "residents to leave for Lutsk",
                "Since the start of May, crews rebuilt “forty kilometres of dykes”"
            ]
        );
    }

    #[test]
    fn a_pronoun_takes_the_speaker_named_at_the_end_of_its_sentence() {
        let (_, ex) = run(
            "A local newspaper first reported the closure of the pier.\n\
             Hours afterwards, it warned that the pier would stay shut for a month, the Tarn \
             Harbour Board said on its website.",
        );
        assert_eq!(ex.claims.len(), 2);
        assert_eq!(speaker(&ex.claims[1]), "Tarn Harbour Board");
    }

    #[test]
    fn an_outlet_carries_the_words_before_it_not_the_clause_after() {
        /// The speaker and outlet of one claim.
        type Attribution<'a> = (&'a str, Option<&'a str>);
        // (text, speaker and via of each claim)
        let cases: &[(&str, &[Attribution])] = &[
            (
                "“Nobody may moor there,” the Tarn Harbour Board said, quoted by Radio Vell, \
                 after the Norwegian Coast Guard reported that two piles had cracked.",
                &[
                    ("Tarn Harbour Board", Some("Radio Vell")),
                    ("Norwegian Coast Guard", None),
                ],
            ),
            (
                "The pier will stay shut for a month, the Tarn Harbour Board told reporters, \
                 speaking after the Coast Guard of Norland reported that two piles had cracked.",
                &[
                    ("Tarn Harbour Board", None),
                    ("Coast Guard of Norland", None),
                ],
            ),
        ];
        for (text, expected) in cases {
            let (_, ex) = run(text);
            let got: Vec<Attribution> = ex
                .claims
                .iter()
                .map(|c| (speaker(c), c.via.as_ref().map(|m| m.name.as_str())))
                .collect();
            assert_eq!(&got, expected, "in {text:?}");
        }
    }

    #[test]
    fn pictures_shared_report_what_they_show_and_long_subjects_keep_acronyms() {
        let (text, ex) = run(
            "Lena Holm, a spokeswoman for the harbour, shared a video online showing tugboats \
             pulling the stranded ferry off a sandbank near Oster.\n\
             Meanwhile the chairman of the Union of Independent Fishermen of the Northern \
             Coast (UIFNC) conceded that catches were “very poor” around Vell.",
        );
        assert_eq!(ex.claims.len(), 2);
        let a = &ex.claims[0];
        assert_eq!(
            span_text(&text, a.span),
            "tugboats pulling the stranded ferry off a sandbank near Oster"
        );
        assert_eq!(
            (speaker(a), a.cue.as_deref()),
            ("Lena Holm", Some("shared"))
        );
        let b = &ex.claims[1];
        assert_eq!(b.kind, ClaimKind::Indirect);
        assert!(speaker(b).starts_with("the chairman of the Union of Independent"));
        assert_eq!(
            b.speaker.as_ref().map(|m| m.kind),
            Some(EntityKind::Nominal)
        );
    }

    #[test]
    fn announcements_after_a_colon_and_commentary_after_the_content() {
        let (text, ex) = run(
            "On Monday, the Estonian army made two announcements: engineers had rebuilt the \
             bridge at Narva.\n\
             Local officials said the road would reopen within days, reflecting the \
             ten-year plan for the border.",
        );
        let got: Vec<(&str, &str, Option<&str>)> = ex
            .claims
            .iter()
            .map(|c| (span_text(&text, c.span), speaker(c), c.cue.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "engineers had rebuilt the bridge at Narva",
                    "Estonian army",
                    Some("made")
                ),
                (
                    "the road would reopen within days",
                    "Local officials",
                    Some("said")
                ),
            ]
        );
        // the writer's comment is outside the claim, and so is its "ten-year"
        assert!(ex.claims[1].numbers.is_empty());
    }

    #[test]
    fn plain_form_cues_attribute_unless_negated_modal_or_nouns() {
        let (text, ex) = run("Senior Latvian officials confirm this Estonian advance.\n\
             Engineers say the bridge at Narva will open in May.\n\
             The ministry could not confirm that the bridge at Narva was rebuilt.\n\
             The mayor refused to say whether the ferry to Narva would run.\n\
             The report by the ministry described the bridge at Narva as unsafe.");
        let got: Vec<(&str, &str)> = ex
            .claims
            .iter()
            .filter(|c| c.kind != ClaimKind::Statement)
            .map(|c| (span_text(&text, c.span), speaker(c)))
            .collect();
        assert_eq!(
            got,
            [
                ("this Estonian advance", "Senior Latvian officials"),
                ("the bridge at Narva will open in May", "Engineers"),
                // "report" is the document's noun, not a cue; the judgement it gives is
                // its author's
                ("the bridge at Narva as unsafe", "the ministry"),
            ]
        );
    }

    #[test]
    fn an_office_described_then_named_is_the_named_person() {
        let (_, ex) = run(
            "An official appointed by the port authority admitted that the cranes were idle. \
             “We lost two days,” Marta Kowal told state radio, reports The Guardian.\n\
             A resident of Gdynia said that the quay was empty. “Nobody came,” Piotr Nowak \
             told reporters.",
        );
        let who: Vec<&str> = ex.claims.iter().map(speaker).collect();
        assert_eq!(
            who,
            [
                "Marta Kowal",
                "Marta Kowal",
                "A resident of Gdynia",
                "Piotr Nowak"
            ]
        );
        assert_eq!(
            ex.claims[0].via.as_ref().map(|m| m.name.as_str()),
            Some("The Guardian")
        );
    }

    #[test]
    fn pull_quotes_repeating_the_body_are_not_claims() {
        let (text, ex) = run("The river rose all night in Brovary.\n\
             “A slow and very steady rise”\n\
             “A slow and very steady rising,” the flood chief Ana Ruiz said of the water.\n\
             “Nobody expected the second wave”\n\
             Residents left their homes before dawn.");
        let direct: Vec<&str> = of_kind(&ex, ClaimKind::Direct)
            .iter()
            .map(|c| span_text(&text, c.span))
            .collect();
        // the crosshead that repeats Ruiz's words goes; one that repeats nothing stays
        assert_eq!(
            direct,
            [
                "A slow and very steady rising,",
                "Nobody expected the second wave"
            ]
        );
    }

    fn check_spans(text: &str, ex: &Extraction) {
        for c in &ex.claims {
            let s = c.span.slice(text).expect("claim span on char boundaries");
            assert!(!s.is_empty() && s.trim() == s, "bad claim span {s:?}");
            if c.kind == ClaimKind::Direct {
                let marks = ['“', '”', '"', '«', '»', '„'];
                assert!(
                    !s.starts_with(marks) && !s.ends_with(marks),
                    "marks in {s:?}"
                );
            }
            for m in c.speaker.iter().chain(c.via.iter()).chain(c.places.iter()) {
                assert!(m.span.slice(text).is_some());
            }
            for q in &c.numbers {
                assert!(q.span.slice(text).is_some());
            }
        }
        for m in &ex.mentions {
            assert!(m.span.slice(text).is_some());
        }
    }

    #[test]
    fn random_token_soup_does_not_panic() {
        const VOCAB: &[&str] = &[
            "“",
            "”",
            "\"",
            "'",
            "‘",
            "’",
            "«",
            "»",
            "„",
            ",",
            ".",
            ":",
            ";",
            "(",
            ")",
            "—",
            "-",
            "?",
            "%",
            "$",
            "\n",
            "\n\n",
            "said",
            "told",
            "according",
            "to",
            "that",
            "and",
            "who",
            "he",
            "she",
            "it",
            "they",
            "the",
            "a",
            "of",
            "in",
            "near",
            "city",
            "region",
            "town",
            "Mayor",
            "Gen.",
            "Dr.",
            "U.S.",
            "Mr",
            "Ana",
            "Velt",
            "Orvel",
            "Reuters",
            "BBC",
            "Ministry",
            "Water",
            "Board",
            "officials",
            "residents",
            "spokesman",
            "adding",
            "read",
            "statement",
            "12",
            "3,500",
            "1.5",
            "km",
            "km2",
            "²",
            "thousand",
            "forty",
            "people",
            "March",
            "17th",
            "1990s",
            "at",
            "least",
            "some",
            "reported",
            "saw",
            "journalists",
            "🌊",
            "\u{200B}",
            "\u{202E}",
            "é",
            "Ünal",
            "x\u{0301}",
            "AFP",
            "(AP)",
            "VELL",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..1500 {
            let n = (next() % 80) as usize;
            let mut text = String::new();
            for _ in 0..n {
                let w = VOCAB[(next() % VOCAB.len() as u64) as usize];
                text.push_str(w);
                if next() % 4 != 0 {
                    text.push(' ');
                }
            }
            for headline in [true, false] {
                let ex = extract(
                    &text,
                    &ExtractOptions {
                        headline_is_first_line: headline,
                    },
                );
                check_spans(&text, &ex);
            }
        }
    }

    #[test]
    fn pathological_inputs_do_not_panic() {
        let mut inputs: Vec<String> = vec![
            String::new(),
            "\n\n\n".into(),
            "“".into(),
            "”,” said".into(),
            "'''''' ‘’‘’ «»„“ \"\"\"".into(),
            "🌊🌊 “Wasser 🌊 steigt,” sagte 👩‍🚒 Mayor Zoë Ünal.\u{200B}\u{200F}".into(),
            "مرحبا \u{202E}“نص” قال Mayor Ali Haddad said that 5 km² flooded.".into(),
            "Gen. U.S. Mr. Dr. 1.2.3 ,,, ... ??? 2,000,000km²km² 17th% %".into(),
            "According to\nAccording to ,\nsaid said said, he said, “".into(),
        ];
        inputs.push("“a” ".repeat(5_000));
        inputs.push("“".repeat(10_000));
        inputs.push("word ".repeat(200_000));
        inputs.push("Aaa Bbb said ".repeat(20_000));
        inputs.push("he said that, ".repeat(20_000));
        inputs.push("x\u{0301}".repeat(50_000));
        for text in &inputs {
            for headline in [true, false] {
                let ex = extract(
                    text,
                    &ExtractOptions {
                        headline_is_first_line: headline,
                    },
                );
                check_spans(text, &ex);
            }
        }
    }
}
