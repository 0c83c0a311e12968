//! When two claims of different articles report one fact, and when they disagree on a
//! figure. Pure: a claim's [`Signature`] is weighed into a [`Profile`] and compared;
//! `link.rs` stores the outcome.
//!
//! A signature is a set of tokens: the text's comparison terms (`claimgraph_extract::terms`),
//! and prefixed tokens for the claim's places (`p:<entity>`), figures
//! (`n:<unit>:<value>`, base units where a conversion exists) and speaker (`s:<entity>`).
//! Similarity is an IDF-weighted cosine of the terms plus bonuses for shared places, an
//! equal figure and the same speaker; two claims conflict when they give different values
//! in one unit while their words say they speak of the same thing.

use claimgraph_extract::{fate_of, is_counted, is_scale, terms};
use claimgraph_model::Quantity;

/// Similarity at which a claim joins the fact of its best match.
pub const CORROBORATES: f64 = 0.35;
/// Text similarity two claims need before their differing figures count as a conflict.
pub const SAME_SUBJECT: f64 = 0.2;
/// Relative difference below which two figures are the same figure given loosely.
const SAME_VALUE: f64 = 0.1;

const PLACE_BONUS: f64 = 0.15;
const NUMBER_BONUS: f64 = 0.3;
const SPEAKER_BONUS: f64 = 0.1;

/// Words after a length that make it an area written sloppily: "2,000 km of territory".
const AREA_NOUNS: &[&str] = &["territory", "land"];

/// Words that deny what the rest of the claim says: "was not taken", "never entered".
const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "no longer",
    "denied",
    "denies",
    "deny",
    "false",
];
/// The token of a denied claim.
const NEGATED: &str = "x:neg";
/// The prefix of a figure's context terms: `k:<unit>:<value>:<term>`.
const CONTEXT: &str = "k:";
/// How many terms on each side of a figure, within its clause, say what it measures.
const CONTEXT_TERMS: usize = 2;

/// How many words from a count its fate may be named.
const FATE_REACH: usize = 12;

/// The comparison tokens of one claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    pub tokens: Vec<String>,
}

impl Signature {
    /// Text terms and figures of a claim; `around` gives the article text before and after
    /// a figure's span, to read "km of territory" as an area and "ten were injured" as a
    /// count of the injured.
    pub fn of_text<'t>(
        text: &str,
        numbers: &[Quantity],
        around: impl Fn(&Quantity) -> (&'t str, &'t str),
    ) -> Signature {
        let mut tokens = terms(text);
        if is_negated(text) {
            tokens.push(NEGATED.to_string());
        }
        for q in numbers {
            let (before, after) = around(q);
            let (mut unit, mut value) = match q.normalized {
                Some(m) => (m.unit.to_string(), m.value),
                None => (q.unit.clone(), q.value),
            };
            if unit == "km" && names_an_area(after) {
                unit = "km2".into();
            } else if unit == "mi" && names_an_area(after) {
                unit = "km2".into();
                value *= 2.589_988;
            } else if is_counted(&unit) {
                if let Some(fate) = fate(before, after) {
                    unit = format!("{unit}/{fate}");
                }
            }
            let value = round3(value);
            // what a figure in a unit of measure counts is said beside it ("inflation of
            // 7.2 percent", "rate to 5.25%"); a counted noun says it itself
            if !is_counted(unit.split('/').next().unwrap_or_default()) {
                for term in context_terms(before, after) {
                    let token = format!("{CONTEXT}{unit}:{value}:{term}");
                    if !tokens.contains(&token) {
                        tokens.push(token);
                    }
                }
            }
            let token = format!("n:{unit}:{value}");
            if !tokens.contains(&token) {
                tokens.push(token);
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

    /// (unit, value) of each figure.
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

    /// Tokens under which other claims can find this one: every token, and each figure's
    /// unit (`u:km2`) so a different value in the same unit is found too.
    pub fn index_tokens(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .tokens
            .iter()
            .filter(|t| !t.starts_with(CONTEXT))
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

fn is_negated(text: &str) -> bool {
    let low = text.to_lowercase().replace('’', "'");
    let words: Vec<&str> = low
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| w.ends_with("n't"))
        || NEGATIONS.iter().any(|n| {
            let parts: Vec<&str> = n.split(' ').collect();
            words
                .windows(parts.len())
                .any(|win| win == parts.as_slice())
        })
}

fn names_an_area(after: &str) -> bool {
    let mut words = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    if words.next().as_deref() != Some("of") {
        return false;
    }
    words.take(4).any(|w| AREA_NOUNS.contains(&w.as_str()))
}

/// The fate ([`fate_of`]) named nearest a count within its clause, after it on a tie.
fn fate(before: &str, after: &str) -> Option<&'static str> {
    let clause_end = |c: char| matches!(c, '.' | ';' | '!' | '?' | '\n');
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    // "killing 14 people and injuring 200": past a conjunction or another number, the
    // words speak of another count
    let other_count = |w: &String| {
        matches!(w.as_str(), "and" | "or" | "but" | "while" | "whereas")
            || w.chars().all(|c| c.is_ascii_digit())
    };
    let nearest = |ws: &mut dyn Iterator<Item = &String>| {
        ws.take(FATE_REACH)
            .take_while(|w| !other_count(w))
            .enumerate()
            .find_map(|(i, w)| Some((i, fate_of(w)?)))
    };
    let ahead = words(after.split(clause_end).next().unwrap_or_default());
    let behind = words(before.rsplit(clause_end).next().unwrap_or_default());
    match (
        nearest(&mut ahead.iter()),
        nearest(&mut behind.iter().rev()),
    ) {
        (Some((a, ahead)), Some((b, behind))) => Some(if b < a { behind } else { ahead }),
        (ahead, behind) => ahead.or(behind).map(|(_, fate)| fate),
    }
}

/// The terms beside a figure within its clause (cut at punctuation): the last
/// [`CONTEXT_TERMS`] before it and the first as many after it.
fn context_terms(before: &str, after: &str) -> Vec<String> {
    let stop = |c: char| matches!(c, '.' | ';' | '!' | '?' | '\n' | ',' | '(' | ')');
    let before = terms(before.rsplit(stop).next().unwrap_or_default());
    let after = terms(after.split(stop).next().unwrap_or_default());
    let from = before.len().saturating_sub(CONTEXT_TERMS);
    before[from..]
        .iter()
        .chain(after.iter().take(CONTEXT_TERMS))
        .cloned()
        .collect()
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
    numbers: Vec<u32>,
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
}

impl Figure {
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

/// How two claims relate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// IDF-weighted cosine of their terms.
    pub text: f64,
    /// The text similarity plus the bonuses for a shared place, an equal figure and the
    /// same speaker: at [`CORROBORATES`] or more, one fact reported twice.
    pub score: f64,
    /// They give different values in one unit for what their words say is the same thing
    /// (some figure of one has no match within 10 % among the other's figures in its unit,
    /// and the other has one in that unit), or one denies what the other asserts about the
    /// same place in the same words ("X was taken" against "X was not taken").
    pub conflicts: bool,
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
        let numbers = ids(&mut sig.with_prefix("n:"));
        let speakers = ids(&mut sig.with_prefix("s:"));
        let figures = sig
            .figures()
            .into_iter()
            .map(|(u, v)| {
                let base = u.split('/').next().unwrap_or_default();
                let mut context: Vec<u32> = if is_counted(base) {
                    Vec::new()
                } else {
                    sig.context_of(u, v).into_iter().map(&mut *intern).collect()
                };
                context.sort_unstable();
                context.dedup();
                Figure {
                    unit: intern(u),
                    value: v,
                    scale: is_scale(u),
                    context: (!context.is_empty()).then_some(context),
                }
            })
            .collect();
        Profile {
            terms,
            places,
            numbers,
            speakers,
            figures,
            negated: sig.tokens.iter().any(|t| t == NEGATED),
        }
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
        let mut score = text + PLACE_BONUS * places as f64;
        if shared(&self.numbers, &other.numbers) > 0 {
            score += NUMBER_BONUS;
        }
        if shared(&self.speakers, &other.speakers) > 0 {
            score += SPEAKER_BONUS;
        }
        // a denial of what the other asserts about the same place in the same words
        let denies = self.negated != other.negated && places > 0 && text >= CORROBORATES;
        let disagree = self.figures.iter().any(|a| {
            let mut same = other
                .figures
                .iter()
                .filter(|b| b.unit == a.unit && a.same_subject(b))
                .peekable();
            same.peek().is_some() && same.all(|b| !close(a.value, b.value, a.scale))
        });
        Comparison {
            text,
            score,
            conflicts: denies || (disagree && (text >= SAME_SUBJECT || score >= CORROBORATES)),
        }
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

/// Two values of one figure given loosely: within 10 %, or equal to a tenth on a scale
/// (a magnitude 6.8 and a 6.9 are two readings).
fn close(a: f64, b: f64, on_scale: bool) -> bool {
    if on_scale {
        return (a - b).abs() < 0.05;
    }
    let scale = a.abs().max(b.abs());
    scale == 0.0 || (a - b).abs() / scale <= SAME_VALUE
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimgraph_model::{Measure, Qualifier, Span};

    fn q(value: f64, unit: &str) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            value,
            unit: unit.into(),
            qualifier: Qualifier::Exact,
            normalized: Measure::of(value, unit),
        }
    }

    fn sig(text: &str, numbers: &[Quantity], after: &'static str) -> Signature {
        Signature::of_text(text, numbers, |_| ("", after))
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
            "Rebels retook 300 km2 of farmland near the port",
            &[q(300.0, "km2")],
            "",
        );
        let b = sig(
            "the insurgents recaptured some 300 km2 of farmland",
            &[q(300.0, "km2")],
            "",
        );
        let c = sig("the harvest was the best in a decade", &[], "");
        assert!(similarity(&a, &b) >= CORROBORATES);
        assert!(similarity(&a, &c) < CORROBORATES);
    }

    #[test]
    fn units_convert_and_sloppy_areas_read_as_areas() {
        let miles = sig("x", &[q(100.0, "mi2")], "");
        let km2 = sig("x", &[q(259.0, "km2")], "");
        assert_eq!(miles.figures(), km2.figures());
        let sloppy = sig(
            "x",
            &[q(2000.0, "km")],
            " of the country’s territory were freed",
        );
        assert_eq!(sloppy.figures(), [("km2", 2000.0)]);
        let road = sig("x", &[q(2000.0, "km")], " of road");
        assert_eq!(road.figures(), [("km", 2000.0)]);
    }

    #[test]
    fn different_figures_for_one_subject_conflict() {
        let a = sig(
            "rebels retook 2,000 km2 of farmland",
            &[q(2000.0, "km2")],
            " of farmland",
        );
        let b = sig(
            "rebels retook 2,600 km2 of farmland",
            &[q(2600.0, "km2")],
            " of farmland",
        );
        let c = sig(
            "rebels retook about 2,050 km2 of farmland",
            &[q(2050.0, "km2")],
            " of farmland",
        );
        let d = sig("a lake of 2,600 km2 froze", &[q(2600.0, "km2")], "");
        let e = sig("rebels retook 40 villages", &[q(40.0, "village")], "");
        assert!(conflicts(&a, &b));
        assert!(!conflicts(&a, &c), "within 10 %");
        assert!(!conflicts(&a, &d), "another subject");
        assert!(!conflicts(&a, &e), "another unit");
        // one unit of measure, two subjects: a rate and inflation
        let rate = Signature::of_text(
            "the bank raised its rate to 5.25%",
            &[q(5.25, "percent")],
            |_| ("the bank raised its rate to ", " on Monday"),
        );
        let prices = Signature::of_text(
            "the bank said prices rose 7.4%",
            &[q(7.4, "percent")],
            |_| ("the bank said prices rose ", " in May"),
        );
        let rate_later = Signature::of_text(
            "the bank raised its rate to 6%",
            &[q(6.0, "percent")],
            |_| ("the bank raised its rate to ", ""),
        );
        assert!(!conflicts(&rate, &prices), "{rate:?} {prices:?}");
        assert!(conflicts(&rate, &rate_later));
        // a figure with nothing recorded beside it (stored before contexts were) is not
        // told apart
        let stored_before = Signature::parse("rebels retook farmland n:km2:2600");
        assert!(conflicts(&a, &stored_before));
        // a scale is read exactly
        let quake = |m: f64| {
            Signature::of_text(
                "a magnitude quake shook the coast",
                &[q(m, "magnitude")],
                |_| ("a magnitude ", " quake shook the coast"),
            )
        };
        assert!(conflicts(&quake(6.8), &quake(6.9)));
        assert!(!conflicts(&quake(6.8), &quake(6.8)));
    }

    #[test]
    fn counts_of_people_differ_by_what_befell_them() {
        let count = |before: &'static str, after: &'static str, n: f64| {
            Signature::of_text("the storm hit the coast", &[q(n, "person")], |_| {
                (before, after)
            })
        };
        let injured = count("the storm hit the coast, where ", " people were hurt", 12.0);
        let killed = count("the storm hit the coast, killing at least ", " person", 2.0);
        let more_killed = count("the storm killed ", " people on the coast", 5.0);
        assert_eq!(injured.figures(), [("person/injured", 12.0)]);
        assert_eq!(killed.figures(), [("person/killed", 2.0)]);
        assert!(!conflicts(&injured, &killed), "two counts, not two figures");
        assert!(conflicts(&killed, &more_killed), "two death tolls");
        // the nearest fate wins, and a fate in another sentence is not read
        let both = count("8 dead and ", " injured in the crash", 30.0);
        assert_eq!(both.figures(), [("person/injured", 30.0)]);
        let toll = count(
            "The death toll from the storm on the northern coast has now risen to ",
            "",
            9.0,
        );
        assert_eq!(toll.figures(), [("person/killed", 9.0)]);
        let apart = count("Two died. Then ", " people gathered", 40.0);
        assert_eq!(apart.figures(), [("person", 40.0)]);
        assert_eq!(fate("", " villages were retaken"), None);
    }

    #[test]
    fn a_denial_of_the_same_event_conflicts() {
        let mut a = sig("Rebels have taken the port of Velmora", &[], "");
        let mut b = sig("the port of Velmora has not been taken by rebels", &[], "");
        let mut c = sig("Rebels shelled the port of Velmora", &[], "");
        for s in [&mut a, &mut b, &mut c] {
            s.push_entity('p', 4);
        }
        assert!(conflicts(&a, &b));
        assert!(!conflicts(&a, &c), "both assert");
        let mut elsewhere = b.clone();
        elsewhere.tokens.retain(|t| t != "p:4");
        elsewhere.push_entity('p', 5);
        assert!(!conflicts(&a, &elsewhere), "another place");
        assert!(is_negated("It wasn’t over"));
        assert!(!is_negated("Nothing else was announced"));
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
        let mut s = sig("Rebels retook the port", &[q(1812.98, "km2")], "");
        s.push_entity('p', 7);
        s.push_entity('s', 9);
        assert!(s.tokens.contains(&"n:km2:1810".to_string()), "{s:?}");
        assert_eq!(Signature::parse(&s.stored()), s);
        assert!(s.index_tokens().contains(&"u:km2".to_string()));
    }
}
