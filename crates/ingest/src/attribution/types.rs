//! The types the attribution passes share: the draft claims they produce, the sentence
//! they read, and the per-cue attribution record they fill in step by step.

use crate::mentions::{Found, Registry};
use crate::model::{EntityKind, Mention, Span};
use crate::quotes::Quote;
use crate::text::Tokens;

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
    /// With no outlet cited, the sentence names another channel the speaker used ("at a
    /// news conference", "told reporters", "in a statement"): an outlet the speaker talked
    /// to earlier is not carried to this claim.
    pub other_channel: bool,
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
pub(super) struct Attr {
    pub(super) cue: usize,
    pub(super) cue_end: usize,
    /// Token where this attribution's own words begin (subject or cue).
    pub(super) begin: usize,
    /// Token where this attribution's own words end (cue, object or inverted subject).
    pub(super) finish: usize,
    pub(super) speaker: Option<Mention>,
    pub(super) leans: bool,
    pub(super) content: Option<(usize, usize)>,
    /// Content lies to the left ("CONTENT, X said").
    pub(super) trailing: bool,
    pub(super) quote_only: bool,
    /// The attribution only names an outlet ("…, Xinhua reported").
    pub(super) outlet_only: bool,
    /// Token range of the cue text reported for this attribution.
    pub(super) cue_src: (usize, usize),
    /// Content starts right after the cue ("…, and that CONTENT").
    pub(super) no_that_search: bool,
}

/// At most this many words outside the marks may sit beside quotes that a trailing
/// attribution owns ("“A,” in the north, “B,” X said") before the words make it a clause.
pub(super) const QUOTE_FRAGMENT: usize = 5;

/// Which tokens of a sentence lie inside quotation marks.
pub(super) struct QuoteMask {
    a: usize,
    mask: Vec<bool>,
}

impl QuoteMask {
    pub(super) fn new(s: &Sentence) -> Self {
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

    pub(super) fn inside(&self, i: usize) -> bool {
        i >= self.a && self.mask.get(i - self.a).copied().unwrap_or(false)
    }
}

/// How a cue word attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
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

pub struct Analyzer<'t, 'a> {
    pub t: &'t Tokens<'a>,
    pub reg: &'t Registry,
}

impl Analyzer<'_, '_> {
    /// Index of the first token that ends after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.t.toks.partition_point(|x| x.end <= pos)
    }

    /// The mention of a found name under the name the article resolves it to (a surname
    /// alone under the full name it stands for).
    pub(super) fn resolved_mention(&self, f: &Found) -> Mention {
        let mut m = mention_of(self.t, f);
        if let Some(r) = self.reg.resolved(f) {
            m.name.clone_from(&r.name);
        }
        m
    }
}

pub(super) fn mention_of(t: &Tokens, f: &Found) -> Mention {
    Mention {
        span: Span::new(t.start(f.a), t.end(f.b.saturating_sub(1).max(f.a))),
        name: f.name.clone(),
        kind: f.kind,
        roles: f.roles.clone(),
        place: None,
    }
}

pub(super) fn span_mention(
    t: &Tokens,
    a: usize,
    b: usize,
    name: String,
    kind: EntityKind,
) -> Mention {
    Mention {
        span: Span::new(t.start(a), t.end(b.saturating_sub(1).max(a))),
        name,
        kind,
        roles: Vec::new(),
        place: None,
    }
}
