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
        let mut tokens = gist.terms.clone();
        if gist.negated {
            tokens.push(NEGATED.to_string());
        }
        for f in &gist.figures {
            let (unit, value) = (&f.unit, round3(f.value));
            for term in &f.context {
                let token = format!("{CONTEXT}{unit}:{value}:{term}");
                if !tokens.contains(&token) {
                    tokens.push(token);
                }
            }
            let token = format!("n:{unit}:{value}");
            if !tokens.contains(&token) {
                tokens.push(token);
            }
            if let Some(side) = Open::of(f.qualifier).sign() {
                let token = format!("{OPEN}{unit}:{value}:{side}");
                if !tokens.contains(&token) {
                    tokens.push(token);
                }
            }
        }
        Signature { tokens }
    }

    /// Adds an entity token (`p:` place, `s:` speaker).
    pub fn push_entity(&mut self, prefix: char, id: i64) {
        let token = format!("{prefix}:{id}");
        if !self.tokens.contains(&token) {
            self.tokens.push(token);
        }
    }

    /// Adds the first-level region a place of the claim lies in (its key has no space).
    pub fn push_region(&mut self, key: &str) {
        let token = format!("{REGION}{key}");
        if !key.contains(' ') && !self.tokens.contains(&token) {
            self.tokens.push(token);
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

    /// The context terms of the figure of `unit` and stored value `value`.
    fn context_of(&self, unit: &str, value: f64) -> Vec<&str> {
        self.with_prefix(CONTEXT)
            .filter_map(|t| {
                let mut parts = t[CONTEXT.len()..].splitn(3, ':');
                let (u, v, term) = (parts.next()?, parts.next()?, parts.next()?);
                (u == unit && v.parse::<f64>().ok()? == value).then_some(term)
            })
            .collect()
    }

    /// Which side the text leaves open for the figure of `unit` and stored value `value`.
    fn open_of(&self, unit: &str, value: f64) -> Open {
        self.with_prefix(OPEN)
            .find_map(|t| {
                let mut parts = t[OPEN.len()..].splitn(3, ':');
                let (u, v, side) = (parts.next()?, parts.next()?, parts.next()?);
                (u == unit && v.parse::<f64>().ok()? == value).then(|| Open::parse(side))
            })
            .unwrap_or(Open::Neither)
    }

    /// (token, unit, value) of each figure token (`n:<unit>:<value>`).
    fn figure_tokens(&self) -> impl Iterator<Item = (&str, &str, f64)> {
        self.with_prefix("n:").filter_map(|t| {
            let (unit, value) = t[2..].rsplit_once(':')?;
            Some((t, unit, value.parse().ok()?))
        })
    }

    /// (unit, value) of each figure.
    fn figures(&self) -> Vec<(&str, f64)> {
        self.figure_tokens().map(|(_, u, v)| (u, v)).collect()
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
#[derive(Debug, Clone)]
pub struct Profile {
    terms: Vec<u32>,
    places: Vec<u32>,
    /// The first-level regions its places lie in.
    regions: Vec<u32>,
    numbers: Vec<u32>,
    /// The figures of `numbers` that can anchor a fact (not in [`LOOSE_UNITS`]).
    anchors: Vec<u32>,
    speakers: Vec<u32>,
    /// Each figure.
    figures: Vec<Figure>,
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
    context: Option<Vec<u32>>,
    /// The side of the value the text leaves open.
    open: Open,
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
    /// They give different values in one unit for what their words say is the same thing
    /// (some figure of one has no match within 10 % among the other's figures in its unit,
    /// and the other has one in that unit), or one denies what the other asserts about the
    /// same place in the same words ("X was taken" against "X was not taken").
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
        let mut ids = |tokens: &mut dyn Iterator<Item = &str>| {
            let mut v: Vec<u32> = tokens.map(&mut *intern).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let terms = ids(&mut sig.text_terms());
        let places = ids(&mut sig.with_prefix("p:"));
        let regions = ids(&mut sig.with_prefix(REGION));
        let numbers = ids(&mut sig.with_prefix("n:"));
        let anchors = ids(&mut sig
            .figure_tokens()
            .filter(|(_, unit, _)| !LOOSE_UNITS.contains(unit))
            .map(|(token, _, _)| token));
        let speakers = ids(&mut sig.with_prefix("s:"));
        let figures = sig
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
                    context: (!context.is_empty()).then_some(context),
                    open: sig.open_of(u, v),
                }
            })
            .collect();
        Profile {
            terms,
            places,
            regions,
            numbers,
            anchors,
            speakers,
            figures,
            negated: sig.tokens.iter().any(|t| t == NEGATED),
        }
    }

    /// What the claim names that tells one story from another: its places (no country)
    /// and its speaker, as interned tokens.
    pub fn story(&self) -> impl Iterator<Item = u32> + '_ {
        self.places.iter().chain(&self.speakers).copied()
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
        let shared: f64 = in_both(&self.terms, &other.terms).map(weight).sum();
        shared / (na * nb).sqrt()
    }

    /// The summed weight of its terms, which [`Profile::compare_normed`] takes so that a
    /// claim compared with many others weighs its own terms once.
    pub fn norm(&self, weight: &impl Fn(u32) -> f64) -> f64 {
        self.terms.iter().map(|t| weight(*t)).sum()
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
        let places = shared(&self.places, &other.places);
        let speakers = shared(&self.speakers, &other.speakers);
        let equal_figure = shared(&self.anchors, &other.anchors) > 0;
        let mut score = text + PLACE_BONUS * places as f64;
        if shared(&self.numbers, &other.numbers) > 0 {
            score += NUMBER_BONUS;
        }
        if speakers > 0 {
            score += SPEAKER_BONUS;
        }
        // a pair shows one fact in the same words about the same place, speaker or figure
        let anchored = places > 0 || speakers > 0 || equal_figure;
        // both give figures and none agree, even loosely: two things counted, not one fact
        // told twice
        let other_figures = !self.anchors.is_empty()
            && !other.anchors.is_empty()
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
            || in_both(&self.terms, &other.terms).nth(1).is_some();
        let similar = text >= SAME_SUBJECT || score >= CORROBORATES;
        Comparison {
            text,
            score,
            witnesses,
            conflicts: !elsewhere && (denies || (disagree && about_one_thing && similar)),
            other_figures,
            elsewhere,
        }
    }

    /// Whether both claims name places and none of them (`shared` is how many places
    /// they share) lie in a first-level region of the other's: a town and its region are
    /// one area, two towns of one region may be one event, towns of two regions are not.
    fn elsewhere(&self, other: &Profile, shared_places: usize) -> bool {
        !self.places.is_empty()
            && !other.places.is_empty()
            && shared_places == 0
            && shared(&self.regions, &other.regions) == 0
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
mod tests {
    use super::*;
    use claimgraph_model::Figure;

    /// A figure as the extractor reads it: its unit, value and the terms beside it.
    fn fig(unit: &str, value: f64, context: &[&str]) -> Figure {
        Figure {
            unit: unit.into(),
            value,
            context: context.iter().map(|t| t.to_string()).collect(),
            qualifier: Qualifier::Exact,
        }
    }

    fn sig(terms: &[&str], figures: Vec<Figure>) -> Signature {
        Signature::of_gist(&Gist {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            negated: false,
            figures,
        })
    }

    fn denial(terms: &[&str]) -> Signature {
        Signature::of_gist(&Gist {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            negated: true,
            figures: vec![],
        })
    }

    fn compare(a: &Signature, b: &Signature) -> Comparison {
        let mut vocab: std::collections::HashMap<String, u32> = Default::default();
        let mut intern = |t: &str| {
            let next = vocab.len() as u32;
            *vocab.entry(t.to_string()).or_insert(next)
        };
        let (pa, pb) = (Profile::new(a, &mut intern), Profile::new(b, &mut intern));
        pa.compare(&pb, &|_| 1.0)
    }

    fn similarity(a: &Signature, b: &Signature) -> f64 {
        compare(a, b).score
    }

    fn conflicts(a: &Signature, b: &Signature) -> bool {
        compare(a, b).conflicts
    }

    #[test]
    fn one_fact_in_two_wordings_is_similar_and_others_are_not() {
        let a = sig(
            &["troops", "recapture", "farmland", "port"],
            vec![fig("km2", 300.0, &["farmland"])],
        );
        let b = sig(
            &["troops", "recapture", "farmland"],
            vec![fig("km2", 300.0, &["recapture", "farmland"])],
        );
        let c = sig(&["harvest", "best", "decade"], vec![]);
        assert!(similarity(&a, &b) >= CORROBORATES);
        assert!(similarity(&a, &c) < CORROBORATES);
    }

    #[test]
    fn figures_are_compared_to_three_significant_digits() {
        let miles = sig(&["x"], vec![fig("km2", 258.998_811, &[])]);
        let km2 = sig(&["x"], vec![fig("km2", 259.0, &[])]);
        assert_eq!(miles.figures(), km2.figures());
        assert_eq!(round3(2000.0), "2000");
        assert_eq!(round3(0.0), "0");
        assert_eq!(round3(f64::NAN), "0");
    }

    #[test]
    fn figures_agree_within_what_they_are_written_to() {
        // (a, b, one figure given twice)
        let table = [
            (30_000.0, 30_000.0, true),
            (30_000.0, 29_000.0, true),
            (2_000.0, 2_050.0, true),
            (2_000.0, 1_813.0, true),
            (141.0, 144.0, false),
            (12.0, 13.0, false),
            (3_000_000.0, 3_500_000.0, false),
            (30_000.0, 26_000.0, false),
            (2.5, 2.6, false),
        ];
        for (a, b, same) in table {
            assert_eq!(close(a, b, false), same, "{a} and {b}");
            assert_eq!(close(b, a, false), same, "{b} and {a}");
        }
        assert_eq!(precision(30_000.0), 10_000.0);
        assert_eq!(precision(144.0), 1.0);
        assert!((precision(2.5) - 0.1).abs() < 1e-9);
    }

    #[test]
    fn different_figures_for_one_subject_conflict() {
        let farmland = |n: f64| {
            sig(
                &["rebel", "retook", "farmland"],
                vec![fig("km2", n, &["farmland"])],
            )
        };
        let (a, b, c) = (farmland(2000.0), farmland(2600.0), farmland(2050.0));
        let d = sig(&["lake", "froze"], vec![fig("km2", 2600.0, &[])]);
        let e = sig(
            &["rebel", "retook", "village"],
            vec![fig("village", 40.0, &[])],
        );
        assert!(conflicts(&a, &b));
        assert!(!conflicts(&a, &c), "within 10 %");
        assert!(!conflicts(&a, &d), "another subject");
        assert!(!conflicts(&a, &e), "another unit");
        // one unit of measure, two subjects: a rate and inflation
        let bank =
            |terms: &[&str], n: f64, context: &[&str]| sig(terms, vec![fig("percent", n, context)]);
        let rate = bank(&["bank", "rais", "rate"], 5.25, &["rais", "rate", "monday"]);
        let prices = bank(&["bank", "price", "rose"], 7.4, &["price", "rose", "may"]);
        let rate_later = bank(&["bank", "rais", "rate"], 6.0, &["rais", "rate"]);
        assert!(!conflicts(&rate, &prices), "{rate:?} {prices:?}");
        assert!(conflicts(&rate, &rate_later));
        // a figure with nothing recorded beside it (stored before contexts were) is not
        // told apart
        let stored_before = Signature::parse("rebel retook farmland n:km2:2600");
        assert!(conflicts(&a, &stored_before));
        // a scale is read exactly
        let quake = |m: f64| {
            sig(
                &["magnitude", "quake", "shook", "coast"],
                vec![fig("magnitude", m, &["magnitude", "quake", "shook"])],
            )
        };
        assert!(conflicts(&quake(6.8), &quake(6.9)));
        assert!(!conflicts(&quake(6.8), &quake(6.8)));
    }

    #[test]
    fn a_bound_the_other_figure_meets_is_no_conflict() {
        use Qualifier::{About, AtLeast, AtMost, Exact, LessThan, MoreThan};
        let toll = |n: f64, q: Qualifier| {
            let mut f = fig("person/killed", n, &[]);
            f.qualifier = q;
            sig(&["quake", "killed", "coast"], vec![f])
        };
        // (a, b, whether they conflict)
        let table = [
            ((23.0, AtLeast), (25.0, Exact), false),
            ((25.0, Exact), (23.0, MoreThan), false),
            ((26_000.0, MoreThan), (30_000.0, About), false),
            ((40.0, AtLeast), (90.0, MoreThan), false),
            ((100.0, AtMost), (80.0, Exact), false),
            ((100.0, LessThan), (60.0, AtMost), false),
            ((23.0, AtLeast), (50.0, AtMost), false),
            // a bound the other figure does not meet
            ((23.0, AtLeast), (12.0, Exact), true),
            ((100.0, AtMost), (140.0, Exact), true),
            ((50.0, AtLeast), (20.0, AtMost), true),
            // two exact tallies
            ((141.0, Exact), (144.0, Exact), true),
        ];
        for ((a, qa), (b, qb), apart) in table {
            let (x, y) = (toll(a, qa), toll(b, qb));
            assert_eq!(conflicts(&x, &y), apart, "{a} {qa:?} and {b} {qb:?}");
            assert_eq!(conflicts(&y, &x), apart, "{b} {qb:?} and {a} {qa:?}");
        }
        // the bound survives the stored form
        let stored = Signature::parse(&toll(23.0, AtLeast).stored());
        assert!(!conflicts(&stored, &toll(25.0, Exact)));
    }

    #[test]
    fn one_shared_word_does_not_make_two_counts_one_subject() {
        let count = |terms: &[&str], n: f64| sig(terms, vec![fig("person", n, &[])]);
        let crowd = count(&["people"], 80_000.0);
        let queue = count(&["people", "queue", "visa"], 2_000.0);
        let longer = count(&["people", "queue", "visa"], 9_000.0);
        assert!(compare(&crowd, &queue).text >= SAME_SUBJECT);
        assert!(!conflicts(&crowd, &queue), "only \"people\" in common");
        assert!(conflicts(&queue, &longer), "the same queue counted twice");
    }

    #[test]
    fn counts_of_people_differ_by_what_befell_them() {
        let count = |unit: &str, n: f64| sig(&["storm", "hit", "coast"], vec![fig(unit, n, &[])]);
        let injured = count("person/injured", 12.0);
        let killed = count("person/killed", 2.0);
        let more_killed = count("person/killed", 5.0);
        assert_eq!(injured.figures(), [("person/injured", 12.0)]);
        assert!(!conflicts(&injured, &killed), "two counts, not two figures");
        assert!(conflicts(&killed, &more_killed), "two death tolls");
    }

    #[test]
    fn a_denial_of_the_same_event_conflicts() {
        let mut a = sig(&["rebel", "taken", "port", "velmora"], vec![]);
        let mut b = denial(&["port", "velmora", "taken", "rebel"]);
        let mut c = sig(&["rebel", "shell", "port", "velmora"], vec![]);
        for s in [&mut a, &mut b, &mut c] {
            s.push_entity('p', 4);
        }
        assert!(conflicts(&a, &b));
        assert!(!conflicts(&a, &c), "both assert");
        let mut elsewhere = b.clone();
        elsewhere.tokens.retain(|t| t != "p:4");
        elsewhere.push_entity('p', 5);
        assert!(!conflicts(&a, &elsewhere), "another place");
    }

    #[test]
    fn a_pair_witnesses_a_fact_with_shared_words_and_something_named() {
        let ferry = |figures| sig(&["ferry", "cancel", "storm", "harbour"], figures);
        let (mut a, mut b) = (ferry(vec![]), ferry(vec![]));
        assert!(
            !compare(&a, &b).witnesses,
            "the same words about nothing named"
        );
        a.push_entity('p', 3);
        b.push_entity('p', 3);
        assert!(compare(&a, &b).witnesses, "the same words about one place");

        let boats = |terms: &[&str]| sig(terms, vec![fig("boat", 40.0, &[])]);
        let (c, d) = (
            boats(&["ferry", "cancel", "storm"]),
            boats(&["ferry", "cancel"]),
        );
        assert!(
            compare(&c, &d).witnesses,
            "the same words and an equal count"
        );
        let other = boats(&["bridge", "reopen", "traffic"]);
        assert!(
            !compare(&c, &other).witnesses,
            "an equal count in other words"
        );

        // a duration recurs in unrelated stories: it ties two claims to nothing
        let decade = |terms: &[&str]| sig(terms, vec![fig("hour", 87_658.2, &[])]);
        let (e, f) = (decade(&["drought", "worse"]), decade(&["drought", "price"]));
        assert!(compare(&e, &f).score >= CORROBORATES);
        assert!(!compare(&e, &f).witnesses);
    }

    #[test]
    fn claims_about_places_in_two_regions_are_two_events() {
        /// A claim's places as (entity, region).
        type Places<'a> = &'a [(i64, &'a str)];
        // (places of one claim, places of the other, elsewhere?)
        let cases: &[(Places, Places, bool)] = &[
            (&[(3, "adm1:XX.01")], &[(3, "adm1:XX.01")], false),
            // a town and its region; two towns of one region
            (&[(3, "adm1:XX.01")], &[(8, "adm1:XX.01")], false),
            (&[(3, "adm1:XX.01")], &[(4, "adm1:XX.01")], false),
            // one place in common among others
            (
                &[(3, "adm1:XX.01"), (5, "adm1:XX.02")],
                &[(5, "adm1:XX.02")],
                false,
            ),
            // towns of two regions
            (&[(3, "adm1:XX.01")], &[(5, "adm1:XX.02")], true),
            // a claim that names no place may be about any
            (&[(3, "adm1:XX.01")], &[], false),
        ];
        let ferries = |n: f64, places: &[(i64, &str)]| {
            let mut s = sig(
                &["ferry", "cancel", "storm", "harbour"],
                vec![fig("boat", n, &[])],
            );
            for (entity, region) in places {
                s.push_entity('p', *entity);
                s.push_region(region);
            }
            s
        };
        for (a, b, apart) in cases {
            let same = compare(&ferries(40.0, a), &ferries(40.0, b));
            let other = compare(&ferries(40.0, a), &ferries(90.0, b));
            assert_eq!(same.elsewhere, *apart, "{a:?} {b:?}");
            assert_eq!(same.witnesses, !apart, "one count of {a:?} {b:?}");
            assert_eq!(other.conflicts, !apart, "two counts of {a:?} {b:?}");
        }
        // signatures stored before regions were: only a shared place is one area
        let before = |place: &str| Signature::parse(&format!("ferry cancel n:boat:40 {place}"));
        assert!(compare(&before("p:3"), &before("p:4")).elsewhere);
        assert!(!compare(&before("p:3"), &before("p:3")).elsewhere);
    }

    #[test]
    fn a_region_is_compared_but_never_indexed() {
        let mut s = sig(&["ferry"], vec![]);
        s.push_region("adm1:XX.01");
        s.push_region("adm1:XX.01");
        s.push_region("not a key");
        assert_eq!(s.tokens, ["ferry", "r:adm1:XX.01"]);
        assert_eq!(s.index_tokens(), ["ferry"]);
    }

    #[test]
    fn sorted_lists_share_what_both_hold() {
        assert_eq!(
            in_both(&[1, 3, 5, 9], &[2, 3, 9, 10]).collect::<Vec<_>>(),
            [3, 9]
        );
        assert_eq!(shared(&[1, 2], &[3, 4]), 0);
        assert_eq!(shared(&[], &[1]), 0);
    }

    #[test]
    fn signatures_round_trip_through_storage() {
        let mut s = sig(
            &["rebel", "retook", "port"],
            vec![fig("km2", 1812.98, &["port"])],
        );
        s.push_entity('p', 7);
        s.push_entity('s', 9);
        assert!(s.tokens.contains(&"n:km2:1810".to_string()), "{s:?}");
        assert!(s.tokens.contains(&"k:km2:1810:port".to_string()), "{s:?}");
        assert_eq!(Signature::parse(&s.stored()), s);
        assert!(s.index_tokens().contains(&"u:km2".to_string()));
    }
}
