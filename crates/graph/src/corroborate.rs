//! When two claims of different articles report one fact, and when they disagree on a
//! figure. Pure: a claim's [`Signature`] is weighed into a [`Profile`] and compared;
//! `link.rs` stores the outcome.
//!
//! A signature is a set of tokens: the claim's comparison terms and figures as the
//! extractor read them (its [`Gist`]: reading them takes knowing the language, comparing
//! them does not), and prefixed tokens for the claim's places (`p:<entity>`), figures
//! (`n:<unit>:<value>`, base units where a conversion exists, with what a figure in a unit
//! of measure measures as `k:<unit>:<value>:<term>`), speaker (`s:<entity>`) and the
//! first-level regions its places lie in (`r:<region key>`).
//! Similarity is an IDF-weighted cosine of the terms plus bonuses for shared places, an
//! equal figure and the same speaker; two claims conflict when they give different values
//! in one unit while their words say they speak of the same thing.

use claimgraph_model::{is_scale, Gist, Qualifier};

mod frame;
pub use frame::{Frame, FrameFigure};

/// Similarity at which a claim joins the fact of its best match.
pub const CORROBORATES: f64 = 0.35;
/// Text similarity two claims need before their differing figures count as a conflict.
pub const SAME_SUBJECT: f64 = 0.2;
/// Relative difference below which two figures are the same figure given loosely.
const SAME_VALUE: f64 = 0.1;
/// Least text similarity of two claims of one fact: shared places and figures alone make
/// a place's news or a common number, not one fact.
pub const SAME_WORDS: f64 = 0.2;
/// Units whose equal figures tie two claims to nothing in particular: "for ten years"
/// recurs in unrelated stories.
const LOOSE_UNITS: &[&str] = &["hour"];

const PLACE_BONUS: f64 = 0.15;
const NUMBER_BONUS: f64 = 0.3;
const SPEAKER_BONUS: f64 = 0.1;

/// The token of a denied claim.
const NEGATED: &str = "x:neg";
/// The prefix of a figure's context terms: `k:<unit>:<value>:<term>`.
const CONTEXT: &str = "k:";
/// The prefix of the region a claim's place lies in: `r:<region key>`.
const REGION: &str = "r:";
/// The prefix of a figure the text gives as a bound, with the side left open:
/// `o:<unit>:<value>:+` ("more than 200", "at least 200") or `…:-` ("up to 200").
const OPEN: &str = "o:";

/// The comparison tokens of one claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    pub tokens: Vec<String>,
}

impl Signature {
    /// The tokens of a claim's gist: its terms, a denial, and each figure with the terms
    /// that say what it measures.
    pub fn of_gist(gist: &Gist) -> Signature {
        let mut sig = Signature {
            tokens: gist.terms.clone(),
        };
        if gist.negated {
            sig.tokens.push(NEGATED.to_string());
        }
        for f in &gist.figures {
            let (unit, value) = (&f.unit, round3(f.value));
            for term in &f.context {
                sig.push_new(format!("{CONTEXT}{unit}:{value}:{term}"));
            }
            sig.push_new(format!("n:{unit}:{value}"));
            if let Some(side) = Open::of(f.qualifier).sign() {
                sig.push_new(format!("{OPEN}{unit}:{value}:{side}"));
            }
        }
        sig
    }

    /// Adds `token` unless the signature holds it already.
    fn push_new(&mut self, token: String) {
        if !self.tokens.contains(&token) {
            self.tokens.push(token);
        }
    }

    /// Adds an entity token (`p:` place, `s:` speaker).
    pub fn push_entity(&mut self, prefix: char, id: i64) {
        self.push_new(format!("{prefix}:{id}"));
    }

    /// Adds the first-level region a place of the claim lies in (its key has no space).
    pub fn push_region(&mut self, key: &str) {
        if !key.contains(' ') {
            self.push_new(format!("{REGION}{key}"));
        }
    }

    pub fn parse(stored: &str) -> Signature {
        Signature {
            tokens: stored
                .split(' ')
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    /// The stored form: tokens joined by spaces (no token holds one).
    pub fn stored(&self) -> String {
        self.tokens.join(" ")
    }

    fn text_terms(&self) -> impl Iterator<Item = &str> {
        self.tokens
            .iter()
            .map(String::as_str)
            .filter(|t| !is_prefixed(t))
    }

    fn with_prefix(&self, prefix: &'static str) -> impl Iterator<Item = &str> {
        self.tokens
            .iter()
            .map(String::as_str)
            .filter(move |t| t.starts_with(prefix))
    }

    /// What the tokens `<prefix><unit>:<value>:<note>` say of the figure of `unit` and
    /// stored value `value`: each note, in order.
    fn figure_notes<'s, 'u>(
        &'s self,
        prefix: &'static str,
        unit: &'u str,
        value: f64,
    ) -> impl Iterator<Item = &'s str> + use<'s, 'u> {
        self.with_prefix(prefix).filter_map(move |t| {
            let mut parts = t[prefix.len()..].splitn(3, ':');
            let (u, v, note) = (parts.next()?, parts.next()?, parts.next()?);
            (u == unit && v.parse::<f64>().ok()? == value).then_some(note)
        })
    }

    /// The context terms of the figure of `unit` and stored value `value`.
    fn context_of(&self, unit: &str, value: f64) -> Vec<&str> {
        self.figure_notes(CONTEXT, unit, value).collect()
    }

    /// Which side the text leaves open for the figure of `unit` and stored value `value`.
    fn open_of(&self, unit: &str, value: f64) -> Open {
        self.figure_notes(OPEN, unit, value)
            .next()
            .map_or(Open::Neither, Open::parse)
    }

    /// (unit, value) of each figure token (`n:<unit>:<value>`).
    fn figures(&self) -> Vec<(&str, f64)> {
        self.with_prefix("n:")
            .filter_map(|t| {
                let (unit, value) = t[2..].rsplit_once(':')?;
                Some((unit, value.parse().ok()?))
            })
            .collect()
    }

    /// The units of its figures.
    pub fn units(&self) -> std::collections::HashSet<String> {
        self.figures()
            .into_iter()
            .map(|(u, _)| u.to_string())
            .collect()
    }

    /// Tokens under which other claims can find this one: every token but figure contexts
    /// and regions (a region holds too many claims to find a match by), and each figure's
    /// unit (`u:km2`) so a different value in the same unit is found too.
    pub fn index_tokens(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .tokens
            .iter()
            .filter(|t| !t.starts_with(CONTEXT) && !t.starts_with(REGION) && !t.starts_with(OPEN))
            .cloned()
            .collect();
        for (unit, _) in self.figures() {
            let u = format!("u:{unit}");
            if !out.contains(&u) {
                out.push(u);
            }
        }
        out
    }
}

fn is_prefixed(t: &str) -> bool {
    t.len() > 2 && t.as_bytes()[1] == b':'
}

/// Three significant digits: "2,000" and "2000.0" are one figure, 1,813.0 and 1,812.98 too.
fn round3(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return "0".into();
    }
    let digits = v.abs().log10().floor() as i32;
    let scale = 10f64.powi(2 - digits);
    let r = (v * scale).round() / scale;
    format!("{r}")
}

/// How much a term tells: rarer terms weigh more. `df` is the number of claims holding
/// the term, `n` the number of claims.
pub fn idf(df: i64, n: i64) -> f64 {
    ((n.max(1) as f64 + 1.0) / (df.max(0) as f64 + 1.0))
        .ln()
        .max(IDF_FLOOR)
}

/// The least weight a term has, however common.
pub const IDF_FLOOR: f64 = 0.05;

/// A signature in interned tokens (ids from the caller's vocabulary), sorted, so that
/// comparing it with many others is a merge of short integer lists, with no allocation.
/// The terms' weights are looked up at comparison: they change as the corpus grows, the
/// profile does not.
///
/// The writer keeps one for every claim a posting names, millions in a large graph, so its
/// lists share one allocation: terms, places, the first-level regions its places lie in,
/// and speakers, one after another.
#[derive(Debug, Clone)]
pub struct Profile {
    ids: Box<[u32]>,
    /// Where the places, the regions and the speakers start in `ids`.
    starts: [u32; 3],
    /// Each figure.
    figures: Box<[Figure]>,
    negated: bool,
}

/// A figure of a profile.
#[derive(Debug, Clone)]
struct Figure {
    unit: u32,
    value: f64,
    /// Read exactly ([`is_scale`]).
    scale: bool,
    /// Its context terms, sorted; `None` for a counted noun, which names its subject, and
    /// for a figure with nothing beside it (or stored before contexts were), which cannot
    /// be told apart.
    context: Option<Box<[u32]>>,
    /// The side of the value the text leaves open.
    open: Open,
    /// In one of [`LOOSE_UNITS`]: an equal one ties two claims to nothing.
    loose: bool,
}

/// The side of its value a figure leaves open: "more than 200" is 200 or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Neither,
    Above,
    Below,
}

impl Open {
    fn of(q: Qualifier) -> Open {
        match q {
            Qualifier::AtLeast | Qualifier::MoreThan => Open::Above,
            Qualifier::AtMost | Qualifier::LessThan => Open::Below,
            Qualifier::Exact | Qualifier::About => Open::Neither,
        }
    }

    fn sign(self) -> Option<char> {
        match self {
            Open::Above => Some('+'),
            Open::Below => Some('-'),
            Open::Neither => None,
        }
    }

    fn parse(side: &str) -> Open {
        match side {
            "+" => Open::Above,
            "-" => Open::Below,
            _ => Open::Neither,
        }
    }
}

impl Figure {
    /// Whether this figure disagrees with `others`: some of them measure the same thing in
    /// its unit and none of those is close to it. If so, whether the words beside both
    /// say what they measure (`Some(true)`). Counted without collecting: it runs for every
    /// figure of every pair the linker compares.
    fn disagreement(&self, others: &[Figure]) -> Option<bool> {
        let (mut any, mut all_differ, mut worded) = (false, true, false);
        for b in others
            .iter()
            .filter(|b| b.unit == self.unit && self.same_subject(b))
        {
            any = true;
            all_differ &= !self.agrees(b);
            worded |= self.context.is_some() && b.context.is_some();
        }
        (any && all_differ).then_some(worded)
    }

    /// Whether two figures in one unit can both be true: one value given twice within
    /// what it is written to, or a bound the other meets ("at least 23" and "25"; "more than
    /// 26,000" and "almost 30,000"; two lower bounds).
    fn agrees(&self, other: &Figure) -> bool {
        let (a, b) = (self.value, other.value);
        close(a, b, self.scale)
            || match (self.open, other.open) {
                (Open::Above, Open::Above) | (Open::Below, Open::Below) => true,
                (Open::Above, _) => b >= a,
                (Open::Below, _) => b <= a,
                (Open::Neither, Open::Above) => a >= b,
                (Open::Neither, Open::Below) => a <= b,
                (Open::Neither, Open::Neither) => false,
            }
    }

    /// Whether two figures in one unit measure the same thing: a counted noun always
    /// does; a unit of measure when the words beside them share a term, or when either
    /// has none.
    fn same_subject(&self, other: &Figure) -> bool {
        match (&self.context, &other.context) {
            (Some(a), Some(b)) => shared(a, b) > 0,
            _ => true,
        }
    }
}

/// Named things two articles must have in common (places but countries, speakers) for
/// their claims to be compared at all: one fact is reported in one story, and two stories
/// that share a single town ("a forum in New York", "came to New York to vote") are two
/// stories. The seeds' reports of one offensive share a dozen. An article that names
/// fewer things need share only what it names: a one-line brief about a town is judged by
/// the town.
pub const STORY_SHARED: usize = 2;

/// Whether two articles' stories ([`Profile::story`] of all their claims, sorted and
/// deduplicated) are one story by [`STORY_SHARED`].
pub fn one_story(a: &[u32], b: &[u32]) -> bool {
    let need = STORY_SHARED.min(a.len()).min(b.len());
    need == 0 || in_both(a, b).nth(need - 1).is_some()
}

/// How two claims relate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// IDF-weighted cosine of their terms.
    pub text: f64,
    /// The text similarity plus the bonuses for a shared place, an equal figure and the
    /// same speaker: at [`CORROBORATES`] or more, one fact reported twice.
    pub score: f64,
    /// The pair alone shows one fact: it scores [`CORROBORATES`], and shares a place, a
    /// speaker or a figure and at least [`SAME_WORDS`] of its words. A claim stays in a
    /// fact only with such a pair inside it: similar neighbours gather a fact, but do not
    /// make a claim part of it.
    pub witnesses: bool,
    /// They name the same places (countries aside), or one names none, and give different
    /// values in one unit for what their words say is the same thing (some figure of one
    /// has no match within 10 % among the other's figures in its unit, and the other has
    /// one in that unit), or one denies what the other asserts about the same place in the
    /// same words ("X was taken" against "X was not taken").
    pub conflicts: bool,
    /// Both give figures and none of them agree: each counts something else, so the two
    /// are never one fact (and conflict only when `conflicts` says so).
    pub other_figures: bool,
    /// Both name places, and none of one's lies in a place or first-level region of the
    /// other's: two events as far as the pair shows, so it neither witnesses one fact nor
    /// gives two versions of one figure (claims of one fact may still name places far
    /// apart, "the offensive took X and Y": the facts' average linkage may group them).
    pub elsewhere: bool,
}

impl Profile {
    /// `intern` gives each distinct token (and unit) one id.
    pub fn new(sig: &Signature, intern: &mut impl FnMut(&str) -> u32) -> Profile {
        let mut sorted = |tokens: &mut dyn Iterator<Item = &str>| {
            let mut v: Vec<u32> = tokens.map(&mut *intern).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let terms = sorted(&mut sig.text_terms());
        let places = sorted(&mut sig.with_prefix("p:"));
        let regions = sorted(&mut sig.with_prefix(REGION));
        let speakers = sorted(&mut sig.with_prefix("s:"));
        let mut figures: Vec<Figure> = sig
            .figures()
            .into_iter()
            .map(|(u, v)| {
                // a counted noun has none: it names what it counts itself
                let mut context: Vec<u32> =
                    sig.context_of(u, v).into_iter().map(&mut *intern).collect();
                context.sort_unstable();
                context.dedup();
                Figure {
                    unit: intern(u),
                    value: v,
                    scale: is_scale(u),
                    context: (!context.is_empty()).then(|| context.into_boxed_slice()),
                    open: sig.open_of(u, v),
                    loose: LOOSE_UNITS.contains(&u),
                }
            })
            .collect();
        share_restated_context(&mut figures);
        let start = |v: &Vec<u32>| u32::try_from(v.len()).unwrap_or(u32::MAX);
        let places_at = start(&terms);
        let regions_at = places_at.saturating_add(start(&places));
        let speakers_at = regions_at.saturating_add(start(&regions));
        let mut ids = terms;
        ids.extend(places);
        ids.extend(regions);
        ids.extend(speakers);
        Profile {
            ids: ids.into_boxed_slice(),
            starts: [places_at, regions_at, speakers_at],
            figures: figures.into_boxed_slice(),
            negated: sig.tokens.iter().any(|t| t == NEGATED),
        }
    }

    /// Its comparison terms, sorted.
    fn terms(&self) -> &[u32] {
        &self.ids[..self.starts[0] as usize]
    }

    /// Its places, sorted.
    fn places(&self) -> &[u32] {
        &self.ids[self.starts[0] as usize..self.starts[1] as usize]
    }

    /// The first-level regions its places lie in, sorted.
    fn regions(&self) -> &[u32] {
        &self.ids[self.starts[1] as usize..self.starts[2] as usize]
    }

    /// Its speakers, sorted.
    fn speakers(&self) -> &[u32] {
        &self.ids[self.starts[2] as usize..]
    }

    /// What the claim names that tells one story from another: its places (no country)
    /// and its speaker, as interned tokens.
    pub fn story(&self) -> impl Iterator<Item = u32> + '_ {
        self.places().iter().chain(self.speakers()).copied()
    }

    /// Text similarity: IDF-weighted cosine of the two claims' terms.
    fn text_similarity(
        &self,
        other: &Profile,
        weight: &impl Fn(u32) -> f64,
        (na, nb): (f64, f64),
    ) -> f64 {
        if na <= 0.0 || nb <= 0.0 {
            return 0.0;
        }
        let shared: f64 = in_both(self.terms(), other.terms()).map(weight).sum();
        shared / (na * nb).sqrt()
    }

    /// The summed weight of its terms, which [`Profile::compare_normed`] takes so that a
    /// claim compared with many others weighs its own terms once.
    pub fn norm(&self, weight: &impl Fn(u32) -> f64) -> f64 {
        self.terms().iter().map(|t| weight(*t)).sum()
    }

    /// How this claim and `other` relate; `weight` gives a term's weight (see [`idf`]).
    pub fn compare(&self, other: &Profile, weight: &impl Fn(u32) -> f64) -> Comparison {
        self.compare_normed(other, weight, (self.norm(weight), other.norm(weight)))
    }

    /// [`Profile::compare`] with both profiles' [`Profile::norm`] given.
    pub fn compare_normed(
        &self,
        other: &Profile,
        weight: &impl Fn(u32) -> f64,
        norms: (f64, f64),
    ) -> Comparison {
        let text = self.text_similarity(other, weight, norms);
        let places = shared(self.places(), other.places());
        let speakers = shared(self.speakers(), other.speakers());
        let equal_figure = self.gives_one_figure(other, true);
        let mut score = text + PLACE_BONUS * places as f64;
        if self.gives_one_figure(other, false) {
            score += NUMBER_BONUS;
        }
        if speakers > 0 {
            score += SPEAKER_BONUS;
        }
        // a pair shows one fact in the same words about the same place, speaker or figure;
        // a speaker alone does not tie a claim without a figure to one with one ("2,000 km2
        // retaken" and "we will retake our land" are two things one person said)
        let figured = (self.has_anchor(), other.has_anchor());
        let anchored = places > 0 || (speakers > 0 && figured.0 == figured.1) || equal_figure;
        // both give figures and none agree, even loosely: two things counted, not one fact
        // told twice
        let other_figures = figured.0
            && figured.1
            && !equal_figure
            && !self.figures.iter().any(|a| {
                other
                    .figures
                    .iter()
                    .any(|b| a.unit == b.unit && a.agrees(b))
            });
        let elsewhere = self.elsewhere(other, places);
        let witnesses = !elsewhere && score >= CORROBORATES && anchored && text >= SAME_WORDS;
        // a denial of what the other asserts about the same place in the same words
        let denies = self.negated != other.negated && places > 0 && text >= CORROBORATES;
        // (whether a figure of one disagrees with the other's in its unit, and whether the
        // words beside both figures say what they measure)
        let disagreement = self
            .figures
            .iter()
            .find_map(|a| a.disagreement(&other.figures));
        // two versions of one figure are about one thing: the words beside a measure say
        // so; a count needs a place, a speaker or another figure in common, or more than one
        // shared word ("people" alone is any count of people)
        let disagree = disagreement.is_some();
        let about_one_thing = disagreement == Some(true)
            || anchored
            || in_both(self.terms(), other.terms()).nth(1).is_some();
        let similar = text >= SAME_SUBJECT || score >= CORROBORATES;
        // two versions of one figure are given for one scope: "90 in the region" and "40 in
        // its capital", "151 km from A to B" and "127 km from C to B" can both be true; a
        // figure of no named place may be of any
        let same_scope = self.places() == other.places()
            || self.places().is_empty()
            || other.places().is_empty();
        Comparison {
            text,
            score,
            witnesses,
            conflicts: same_scope && (denies || (disagree && about_one_thing && similar)),
            other_figures,
            elsewhere,
        }
    }

    /// Whether it gives a figure that can anchor a fact (not in [`LOOSE_UNITS`]).
    fn has_anchor(&self) -> bool {
        self.figures.iter().any(|f| !f.loose)
    }

    /// Whether the two give one figure for one thing: the same value in one unit (with
    /// `anchoring`, not a loose one), the words beside both sharing a term when both have
    /// some ("fifty kilometres from the front" and "advanced 50 km" are two measures).
    fn gives_one_figure(&self, other: &Profile, anchoring: bool) -> bool {
        self.figures.iter().any(|a| {
            !(anchoring && a.loose)
                && other
                    .figures
                    .iter()
                    .any(|b| a.unit == b.unit && a.value == b.value && a.same_subject(b))
        })
    }

    /// Whether both claims name places and none of them (`shared` is how many places
    /// they share) lie in a first-level region of the other's: a town and its region are
    /// one area, two towns of one region may be one event, towns of two regions are not.
    fn elsewhere(&self, other: &Profile, shared_places: usize) -> bool {
        !self.places().is_empty()
            && !other.places().is_empty()
            && shared_places == 0
            && shared(self.regions(), other.regions()) == 0
    }
}

/// A figure given again in another unit ("42 km (26 miles)") measures what the figure it
/// restates measures, though its brackets cut it off from the words beside it: it takes
/// that figure's context, or it would be "the same subject" as any figure in its unit.
fn share_restated_context(figures: &mut [Figure]) {
    for i in 0..figures.len() {
        if figures[i].context.is_some() {
            continue;
        }
        let f = &figures[i];
        let restated = figures
            .iter()
            .find(|o| o.context.is_some() && o.unit == f.unit && close(o.value, f.value, f.scale))
            .and_then(|o| o.context.clone());
        figures[i].context = restated;
    }
}

/// How many items two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    in_both(a, b).count()
}

/// The items two sorted, deduplicated lists share, by one merge of the two.
fn in_both<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

/// Two values of one figure given loosely: within what the rounder of the two is written
/// to (half its last non-zero place: "30,000" covers 25,001 to 34,999), and never more than
/// 10 % apart; or equal to a tenth on a scale (a magnitude 6.8 and a 6.9 are two readings).
/// Two exact counts differ when they differ: 141 deaths against 144 are two tallies.
fn close(a: f64, b: f64, on_scale: bool) -> bool {
    if on_scale {
        return (a - b).abs() < 0.05;
    }
    let scale = a.abs().max(b.abs());
    let written_to = precision(a).max(precision(b)) / 2.0;
    scale == 0.0 || (a - b).abs() <= written_to.min(SAME_VALUE * scale)
}

/// The place value of a figure's last non-zero digit: 30,000 → 10,000; 144 → 1; 2.5 → 0.1.
fn precision(v: f64) -> f64 {
    let a = v.abs();
    if a == 0.0 || !a.is_finite() {
        return 1.0;
    }
    let whole = |x: f64| (x - x.round()).abs() < 1e-6 * x.max(1.0);
    let mut place = 1.0;
    if whole(a) {
        while place * 10.0 <= a && whole(a / (place * 10.0)) {
            place *= 10.0;
        }
    } else {
        while place > 1e-6 && !whole(a / place) {
            place /= 10.0;
        }
    }
    place
}

#[cfg(test)]
mod tests;
