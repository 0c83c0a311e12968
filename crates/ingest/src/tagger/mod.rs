//! A trained name tagger: which capitalised runs are people, places, organisations or
//! other names.
//!
//! An averaged perceptron, greedy left to right over BIO tags, on hashed features
//! ([`features`]): the word and its neighbours, shape, affixes, word-class flags, the
//! previous tags, and hits in the gazetteer, the given-name list and the outlet table.
//! Trained on GUM (see `data/ATTRIBUTION` and `TAGGER.md`) by
//! `cargo run --release -p claimgraph-ingest --example train_tagger`; the weights ship in
//! the binary as `data/tagger.bin`.
//!
//! Only capitalised tokens, and tokens right after a name token, are scored: every other
//! token is outside any name. That keeps the cost to the few tokens that can be names.

pub(crate) mod features;
#[doc(hidden)]
pub mod train;

use std::io::Read;
use std::sync::OnceLock;

use claimgraph_gazetteer::Gazetteer;

use crate::text::{Kind, Tokens};

pub(crate) use crate::given_names::{given_name_gender, given_names, Gender};
use features::{Features, Lists, Scratch, BUCKETS};

/// Name types the tagger tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameType {
    Person,
    Place,
    Organization,
    /// A name of something else: an event, a work, a product, a group of people.
    Other,
}

/// BIO tag of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Tag {
    O = 0,
    BPer,
    IPer,
    BPlace,
    IPlace,
    BOrg,
    IOrg,
    BOther,
    IOther,
}

/// Number of tags.
pub const TAGS: usize = 9;

impl Tag {
    pub const ALL: [Tag; TAGS] = [
        Tag::O,
        Tag::BPer,
        Tag::IPer,
        Tag::BPlace,
        Tag::IPlace,
        Tag::BOrg,
        Tag::IOrg,
        Tag::BOther,
        Tag::IOther,
    ];

    pub fn from_index(k: usize) -> Tag {
        Tag::ALL.get(k).copied().unwrap_or(Tag::O)
    }

    pub fn name_type(self) -> Option<NameType> {
        match self {
            Tag::O => None,
            Tag::BPer | Tag::IPer => Some(NameType::Person),
            Tag::BPlace | Tag::IPlace => Some(NameType::Place),
            Tag::BOrg | Tag::IOrg => Some(NameType::Organization),
            Tag::BOther | Tag::IOther => Some(NameType::Other),
        }
    }

    pub fn begin(ty: NameType) -> Tag {
        match ty {
            NameType::Person => Tag::BPer,
            NameType::Place => Tag::BPlace,
            NameType::Organization => Tag::BOrg,
            NameType::Other => Tag::BOther,
        }
    }

    pub fn inside(ty: NameType) -> Tag {
        Tag::from_index(Tag::begin(ty) as usize + 1)
    }

    fn is_inside(self) -> bool {
        matches!(self, Tag::IPer | Tag::IPlace | Tag::IOrg | Tag::IOther)
    }

    /// Whether this tag may follow `prev`: an I- tag continues a name of its own type.
    pub fn may_follow(self, prev: Tag) -> bool {
        !self.is_inside() || prev.name_type() == self.name_type()
    }
}

/// Why the model file did not load.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("tagger model: {0}")]
    Io(#[from] std::io::Error),
    #[error("tagger model: not a tagger file")]
    Magic,
    #[error("tagger model: truncated or corrupt at byte {0}")]
    Corrupt(usize),
}

const MAGIC: &[u8; 6] = b"CGTAG1";

/// Quantised weights: `BUCKETS` rows of `TAGS` values; a score is `sum * scale`.
pub struct Model {
    weights: Vec<i16>,
    scale: f32,
}

impl Model {
    /// Scores of every tag for the features `f`, into `out`.
    fn score(&self, f: &[u32], out: &mut [i32; TAGS]) {
        *out = [0; TAGS];
        for &id in f {
            let row = id as usize * TAGS;
            if let Some(w) = self.weights.get(row..row + TAGS) {
                for (o, &x) in out.iter_mut().zip(w) {
                    *o += i32::from(x);
                }
            }
        }
    }

    /// Reads the gzip-compressed model format written by [`Model::to_bytes`].
    pub fn from_gzip(data: &[u8]) -> Result<Model, ModelError> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(data).read_to_end(&mut raw)?;
        Model::from_bytes(&raw)
    }

    /// Format: magic, scale (f32 LE), then per non-zero row: the gap to the previous row
    /// (varint) and `TAGS` zig-zag varints.
    fn from_bytes(raw: &[u8]) -> Result<Model, ModelError> {
        let body = raw.strip_prefix(MAGIC).ok_or(ModelError::Magic)?;
        let (scale, mut rest) = body
            .split_first_chunk::<4>()
            .ok_or(ModelError::Corrupt(6))?;
        let scale = f32::from_le_bytes(*scale);
        let mut weights = vec![0i16; BUCKETS * TAGS];
        let mut row = 0usize;
        let mut first = true;
        while !rest.is_empty() {
            let at = raw.len() - rest.len();
            let gap = varint(&mut rest).ok_or(ModelError::Corrupt(at))?;
            row = if first { gap } else { row + gap };
            first = false;
            let cells = weights
                .get_mut(row * TAGS..row * TAGS + TAGS)
                .ok_or(ModelError::Corrupt(at))?;
            for c in cells {
                let z = varint(&mut rest).ok_or(ModelError::Corrupt(at))?;
                let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
                *c = i16::try_from(v).map_err(|_| ModelError::Corrupt(at))?;
            }
        }
        Ok(Model { weights, scale })
    }

    /// The inverse of [`Model::from_bytes`] (before compression).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.scale.to_le_bytes());
        let mut last = None;
        for (row, cells) in self.weights.chunks(TAGS).enumerate() {
            if cells.iter().all(|&c| c == 0) {
                continue;
            }
            put_varint(&mut out, last.map_or(row, |l| row - l));
            last = Some(row);
            for &c in cells {
                let v = i64::from(c);
                put_varint(&mut out, ((v << 1) ^ (v >> 63)) as usize);
            }
        }
        out
    }
}

fn varint(rest: &mut &[u8]) -> Option<usize> {
    let mut v = 0usize;
    for shift in (0..63).step_by(7) {
        let (&b, tail) = rest.split_first()?;
        *rest = tail;
        v |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn put_varint(out: &mut Vec<u8>, mut v: usize) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

static MODEL_DATA: &[u8] = include_bytes!("../../data/tagger.bin");

/// The shipped model, loaded once per process; `None` if the embedded file is broken.
pub fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_gzip(MODEL_DATA).ok())
        .as_ref()
}

/// The tag of each token and how sure the model is of it (best minus second-best score;
/// 0 for tokens never scored).
#[derive(Debug, Default)]
pub struct Tagged {
    pub tags: Vec<Tag>,
    pub margins: Vec<f32>,
}

impl Tagged {
    /// The type of the name that is exactly `[a, b)` (begins at `a`, ends at `b`), with
    /// the smallest margin over its tokens.
    pub fn span_type(&self, a: usize, b: usize) -> Option<(NameType, f32)> {
        let ty = self.tags.get(a)?.name_type()?;
        let inside = Tag::inside(ty);
        let ends = self.tags.get(b).is_none_or(|&x| x != inside);
        let all = (a + 1..b).all(|k| self.tags.get(k) == Some(&inside));
        let margin = self
            .margins
            .get(a..b)?
            .iter()
            .fold(f32::MAX, |m, &x| m.min(x));
        (b > a && all && ends).then_some((ty, margin))
    }

    /// The name type the tagger gives the run `[a, b)`: the type of its longest name, with
    /// the smallest margin over that name's tokens. `None` if no token of it is a name.
    pub fn run_type(&self, a: usize, b: usize) -> Option<(NameType, f32)> {
        let mut best: Option<(NameType, usize, f32)> = None;
        let mut k = a;
        while k < b.min(self.tags.len()) {
            let Some(ty) = self.tags[k].name_type() else {
                k += 1;
                continue;
            };
            let start = k;
            let mut margin = self.margins[k];
            k += 1;
            while k < b.min(self.tags.len()) && self.tags[k] == Tag::inside(ty) {
                margin = margin.min(self.margins[k]);
                k += 1;
            }
            if best.is_none_or(|(_, len, _)| k - start > len) {
                best = Some((ty, k - start, margin));
            }
        }
        best.map(|(ty, _, m)| (ty, m))
    }
}

/// The tag of the period after a name's middle initial ("Ruth K. Zwicker"): inside the
/// name the initial is in, so the surname after it continues that name. Not scored: it
/// says nothing of its own, and a period would otherwise end the name.
fn initial_period(t: &Tokens, i: usize, prev: Tag) -> Option<Tag> {
    let ty = prev.name_type()?;
    crate::sentences::closes_initial(t, i).then(|| Tag::inside(ty))
}

/// Whether the token may open or continue a name and so is scored.
fn scored(t: &Tokens, i: usize, prev: Tag) -> bool {
    t.is_cap(i) || (prev != Tag::O && matches!(t.toks[i].kind, Kind::Word | Kind::Num))
}

/// Whether `i` opens a sentence: the first token, after a line break, a terminal or a
/// quote that follows one.
pub(crate) fn sentence_initial(t: &Tokens, i: usize) -> bool {
    if i == 0 || t.toks[i].para_break {
        return true;
    }
    let mut k = i;
    while k > 0 && t.is_quote(k - 1) {
        k -= 1;
    }
    k == 0
        || t.toks[k].para_break
        || (matches!(t.toks[k - 1].kind, Kind::Punct('.' | '!' | '?' | ':' | '…'))
            && !crate::sentences::closes_initial(t, k - 1))
        || after_dateline_dash(t, k)
}

/// "BERLIN (Reuters) - Shares of …", "OSLO — Police said …": the word after a wire
/// dateline's dash opens the sentence (a dash after a bracket or a word in capitals).
fn after_dateline_dash(t: &Tokens, k: usize) -> bool {
    let dash = matches!(t.toks[k - 1].kind, Kind::Punct('—' | '–' | '-')) && t.toks[k].space_before;
    dash && k >= 2 && (t.is_punct(k - 2, ')') || t.is_acronym(k - 2))
}

/// Tags every token of `t` with `model`.
pub(crate) fn tag(model: &Model, t: &Tokens, gazetteer: Option<&Gazetteer>) -> Tagged {
    let lists = Lists {
        gazetteer,
        given: given_names(),
    };
    let mut scratch = Scratch::new();
    let mut f = Features::new();
    let mut tags = vec![Tag::O; t.len()];
    let mut margins = vec![0f32; t.len()];
    let mut scores = [0i32; TAGS];
    for i in 0..t.len() {
        let p1 = if i > 0 { tags[i - 1] } else { Tag::O };
        if let Some(inside) = initial_period(t, i, p1) {
            tags[i] = inside;
            margins[i] = margins[i - 1];
            continue;
        }
        if !scored(t, i, p1) {
            continue;
        }
        let p2 = if i > 1 { tags[i - 2] } else { Tag::O };
        features::token_features(t, i, sentence_initial(t, i), &lists, &mut scratch, &mut f);
        let word = f.ids[1];
        features::tag_features(p1, p2, word, &mut f);
        model.score(f.as_slice(), &mut scores);
        let (best, margin) = best_two(&scores, p1);
        tags[i] = best;
        margins[i] = margin as f32 * model.scale;
    }
    Tagged { tags, margins }
}

/// The best tag allowed after `prev` and its lead over the runner-up.
fn best_two(scores: &[i32; TAGS], prev: Tag) -> (Tag, i32) {
    let mut best = (Tag::O, i32::MIN);
    let mut second = i32::MIN;
    for (k, &s) in scores.iter().enumerate() {
        let tag = Tag::from_index(k);
        if !tag.may_follow(prev) {
            continue;
        }
        if s > best.1 {
            second = best.1;
            best = (tag, s);
        } else if s > second {
            second = s;
        }
    }
    (best.0, best.1.saturating_sub(second))
}

#[cfg(test)]
mod tests;
