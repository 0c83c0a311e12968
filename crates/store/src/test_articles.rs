//! Hand-made articles for the store's tests: what a reader finds in a text, written out,
//! so the store is tested without the extractor's rules (the extractor's own tests and the
//! binary's cover those). The integration tests include this file too.

use claimgraph_graph::article::{prepare, signatures, ArticleText, NewArticle, PreparedArticle};
use claimgraph_model::{
    Claim, ClaimKind, EntityKind, ExtractOptions, Extraction, Figure, Gist, Measure, Mention,
    PlaceRef, Qualifier, Quantity, ReadArticle, Span,
};

/// Reads nothing: these tests put a hand-made extraction in place of what a reader finds.
pub struct Unread;

impl ReadArticle for Unread {
    fn read(&self, _: &str, _: &ExtractOptions) -> Extraction {
        Extraction::default()
    }
}

/// Gists of hand-made claims without the extractor's language rules: each claim's words
/// of four letters or more, lower-cased, and its numbers as figures. Claims in the same
/// words compare as the same; that is all these tests ask of a gist.
pub fn plain_gists(text: &str, extraction: &mut Extraction) {
    for c in &mut extraction.claims {
        let words = c.span.slice(text).unwrap_or("");
        let mut terms: Vec<String> = Vec::new();
        for w in words.split(|ch: char| !ch.is_alphanumeric()) {
            let w = w.to_lowercase();
            if w.chars().count() >= 4 && !terms.contains(&w) {
                terms.push(w);
            }
        }
        let figures = c
            .numbers
            .iter()
            .map(|q| Figure {
                unit: q.unit.clone(),
                value: q.value,
                context: Vec::new(),
                qualifier: q.qualifier,
            })
            .collect();
        c.gist = Gist {
            terms,
            negated: false,
            figures,
        };
    }
}

/// One claim of a hand-made article, each part as written in the text.
pub struct Said<'a> {
    /// The claim's words.
    pub words: &'a str,
    /// The person who says them, `None` for the article's own statement.
    pub speaker: Option<&'a str>,
    /// Places the claim is about, with the gazetteer's record when it has one.
    pub places: &'a [(&'a str, Option<PlaceRef>)],
    /// Figures: their words, value and unit.
    pub numbers: &'a [(&'a str, f64, &'a str)],
}

/// The span of `words` in `text`, which must hold them.
fn span_of(text: &str, words: &str) -> Span {
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} in the text"));
    Span::new(start, start + words.len())
}

fn mention(text: &str, words: &str, kind: EntityKind, place: Option<PlaceRef>) -> Mention {
    Mention {
        span: span_of(text, words),
        name: place
            .as_ref()
            .map_or(words, |p| p.name.as_str())
            .to_string(),
        kind,
        roles: Vec::new(),
        place,
    }
}

/// The claim `said` reads in `text`, with the mentions it makes.
fn claim(text: &str, said: &Said, mentions: &mut Vec<Mention>) -> Claim {
    let speaker = said
        .speaker
        .map(|s| mention(text, s, EntityKind::Person, None));
    let places: Vec<Mention> = said
        .places
        .iter()
        .map(|(w, geo)| mention(text, w, EntityKind::Place, geo.clone()))
        .collect();
    mentions.extend(speaker.iter().cloned());
    mentions.extend(places.iter().cloned());
    let numbers = said
        .numbers
        .iter()
        .map(|(w, value, unit)| Quantity {
            span: span_of(text, w),
            value: *value,
            unit: unit.to_string(),
            qualifier: Qualifier::Exact,
            normalized: Measure::of(*value, unit),
        })
        .collect();
    Claim {
        kind: if speaker.is_some() {
            ClaimKind::Indirect
        } else {
            ClaimKind::Statement
        },
        span: span_of(text, said.words),
        cue: speaker.as_ref().map(|_| "said".to_string()),
        speaker,
        via: None,
        places,
        numbers,
        gist: Gist::default(),
    }
}

/// An article of `text` from `source`, prepared with the claims `said` as its extraction.
pub fn article(text: &str, source: Option<&str>, said: &[Said]) -> PreparedArticle {
    let mut mentions = Vec::new();
    let claims = said.iter().map(|s| claim(text, s, &mut mentions)).collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup();
    let extraction = Extraction {
        headline: None,
        claims,
        mentions,
    };
    with_extraction(text, source, extraction)
}

/// An article of `text` from `source`, prepared with the hand-made `extraction` (its
/// claims given plain gists) in place of what a reader would find.
pub fn with_extraction(
    text: &str,
    source: Option<&str>,
    mut extraction: Extraction,
) -> PreparedArticle {
    let mut p = prepare(
        &Unread,
        NewArticle {
            text: ArticleText::parse(text.to_string()).expect("not blank"),
            title: None,
            source: source.map(str::to_string),
            url: None,
            published_at: None,
        },
    );
    plain_gists(text, &mut extraction);
    p.signatures = signatures(&extraction);
    p.extraction = extraction;
    p
}
