//! The vocabulary every other crate speaks: spans, mentions, quantities, claims.
//!
//! Types only, with their small methods, what a name's initials are (an acronym must
//! match its name wherever names are read or resolved) and the title and role words that
//! stand before names (read off them by the extractor, stripped by the store): no text
//! reading, no storage, no HTTP. It depends on no crate of ours, so the HTTP edge can name a claim without linking
//! the extractor.

mod fnv;
mod names;
#[rustfmt::skip]
mod titles;

pub use fnv::{Fnv, FnvMap, FnvSet};
pub use names::{abbreviates, acronym_letters, initials};
pub use titles::{ROLE_NOUNS, TITLES};

use std::sync::Arc;

use serde::Serialize;

/// A half-open range of **byte** offsets into the article text.
///
/// Bytes, because that is what slicing a `&str` needs; the storage crate converts to
/// Unicode code points, which is what the API promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The spanned text; `None` when the span does not fall on char boundaries of `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What sort of thing a mention names. Decided from local evidence only (shape, cue words,
/// role phrases); the storage crate may refine places with a gazetteer later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    /// A news outlet or agency ("Reuters", "TASS", "The Guardian").
    Outlet,
    Place,
    /// An unnamed source kept as written ("a resident of Stryi", "Western experts"):
    /// never merged into a named entity.
    Nominal,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Outlet => "outlet",
            EntityKind::Place => "place",
            EntityKind::Nominal => "nominal",
        }
    }
}

/// A name in the text that refers to an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Where the reference stands in the text (for a resolved pronoun: the pronoun).
    pub span: Span,
    /// The name the reference resolves to, without titles or roles ("Ana Ruiz"
    /// for "General Ana Ruiz", "she" or "Ruiz" once introduced).
    pub name: String,
    pub kind: EntityKind,
    /// Roles the text gives this entity near the mention ("spokesman", "president").
    pub roles: Vec<String>,
    /// For a place the gazetteer knows: which one, where it is, and its other spellings.
    pub place: Option<PlaceRef>,
}

/// What sort of place a place entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceType {
    City,
    /// A first-level region: oblast, province, state.
    Region,
    Country,
    /// A place known from context only (a river, a historic region, an unlisted village).
    Other,
}

impl PlaceType {
    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceType::City => "city",
            PlaceType::Region => "region",
            PlaceType::Country => "country",
            PlaceType::Other => "other",
        }
    }
}

/// A gazetteer place a mention resolves to: the storage key that makes every spelling of
/// it one entity ("Kiev" and "Kyiv"), and what the API shows about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceRef {
    /// Stable identity: `gn:<geonameid>` for places and countries, `adm1:<CC>.<code>` for
    /// regions keyed by their GeoNames first-level code.
    pub key: String,
    /// The gazetteer's name ("Kyiv" for "Kiev"; "Lviv region" for "Lvov region").
    pub name: String,
    pub geonames_id: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166 alpha-2 code.
    pub country: Option<String>,
    pub place_type: PlaceType,
    /// Latin-script spellings the gazetteer lists (bounded), for name search. Shared:
    /// every mention of the place carries the same list, so copies are cheap.
    pub aliases: Arc<[String]>,
    /// The region a regional capital's bare name may stand for ("Lviv": the city, or
    /// the region named after it), when the article does not say which it means. The
    /// store settles it across articles (see `claimgraph_store`'s seat readings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub or_region: Option<Box<PlaceRef>>,
    /// The key of the first-level region the place lies in (a region's own key), so
    /// that the store can tell claims about one area ("Stryi" and "the Lviv region")
    /// from claims about two places far apart. `None` for countries and continents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
}

/// How sure a number is, as the text says it ("some 2,000", "at least 10").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    About,
    AtLeast,
    AtMost,
    MoreThan,
    LessThan,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
        }
    }
}

/// A quantity with its unit: `value` in the unit as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub span: Span,
    pub value: f64,
    /// A physical unit code (`km2`, `km`, `percent`, `hour` …) or the counted noun,
    /// singular and lower case (`village`, `inhabitant`).
    pub unit: String,
    pub qualifier: Qualifier,
    /// The value in its dimension's base unit (`km2`, `km`, `hour`) when a fixed
    /// conversion exists, so that "700 square miles" and "1,813 km2" can be compared.
    pub normalized: Option<Measure>,
}

/// Fixed conversions to each dimension's base unit: (unit, base unit, factor). Months and
/// years use the mean Gregorian lengths; currencies have no fixed rate and are left out.
///
/// Here and not among the extractor's word lists because [`Measure::of`] reads it: what a
/// unit is worth in its base unit is a fact about the measure, not about the text.
#[rustfmt::skip]
pub const CONVERSIONS: &[(&str, &str, f64)] = &[
    ("km2", "km2", 1.0), ("mi2", "km2", 2.589_988_110_336), ("ha", "km2", 0.01),
    ("m2", "km2", 1e-6), ("acre", "km2", 0.004_046_856_422_4),
    ("km", "km", 1.0), ("mi", "km", 1.609_344), ("m", "km", 0.001), ("cm", "km", 1e-5),
    ("ft", "km", 0.000_304_8), ("yd", "km", 0.000_914_4),
    ("second", "hour", 1.0 / 3600.0), ("minute", "hour", 1.0 / 60.0), ("hour", "hour", 1.0),
    ("day", "hour", 24.0), ("week", "hour", 168.0), ("month", "hour", 730.485),
    ("year", "hour", 8_765.82),
    ("km/h", "km/h", 1.0), ("mph", "km/h", 1.609_344),
];

/// Unit codes that are scales read off as a level (a magnitude, a storm category): no
/// fixed conversion, and two readings differ when their values do at all.
///
/// Here beside [`CONVERSIONS`] for the same reason: how a reading in a unit compares is a
/// fact about the measure, which the store needs without knowing how the text wrote it.
pub const SCALES: &[&str] = &["magnitude", "category"];

/// Whether a unit code is a scale ([`SCALES`]).
pub fn is_scale(code: &str) -> bool {
    SCALES.contains(&code)
}

/// A value in a base unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Measure {
    pub value: f64,
    pub unit: &'static str,
}

impl Measure {
    /// `value` of `unit` in its base unit; `None` for counts, currencies and percentages.
    pub fn of(value: f64, unit: &str) -> Option<Measure> {
        CONVERSIONS
            .iter()
            .find(|(u, _, _)| *u == unit)
            .map(|(_, base, factor)| Measure {
                value: value * factor,
                unit: base,
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Verbatim words inside quotation marks, attributed to a speaker.
    Direct,
    /// Reported speech or an attributed assertion without quotation marks.
    Indirect,
    /// The article's own assertion that mentions a place or a number.
    Statement,
}

impl ClaimKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Statement => "statement",
        }
    }
}

/// One thing asserted in an article, with who asserts it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The claim's own words: inside the marks for `Direct`, the reported content for
    /// `Indirect`, the whole sentence for `Statement`.
    pub span: Span,
    pub speaker: Option<Mention>,
    /// The outlet the article cites for the claim ("told CNN", "TASS reported").
    pub via: Option<Mention>,
    /// The attribution verb as written ("said", "told", "admitted").
    pub cue: Option<String>,
    /// Places the claim's content is about.
    pub places: Vec<Mention>,
    pub numbers: Vec<Quantity>,
    /// How the claim compares with claims of other articles. Read by the extractor, which
    /// knows the language; never serialized, so no output shows it.
    #[serde(skip)]
    pub gist: Gist,
}

/// What a claim says in a form claims of different articles and wordings can be compared
/// in: reading it takes knowing the language, comparing it does not, so the extractor
/// reads it and the store compares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gist {
    /// The distinct comparison terms of the claim's words, in first-seen order: content
    /// words folded to lower case, endings cut, synonyms made one word.
    pub terms: Vec<String>,
    /// The claim denies what it says ("was not taken", "never entered").
    pub negated: bool,
    /// One reading per figure of the claim, in the order of `numbers`.
    pub figures: Vec<Figure>,
}

/// How one figure of a claim compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The unit compared: the base unit where a conversion exists, an area for a length
    /// that measures territory ("2,000 km of territory"), a counted noun with what befell
    /// what it counts ("person/killed").
    pub unit: String,
    /// The value in `unit`.
    pub value: f64,
    /// What a figure in a unit of measure measures: the comparison terms beside it within
    /// its clause ("rate", "inflation"). Empty for a counted noun, which names what it
    /// counts itself.
    pub context: Vec<String>,
    /// How sure the text is of the value: "at least 23 dead" and "25 dead" agree.
    pub qualifier: Qualifier,
}

/// Everything found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// The headline's span when the first line was treated as one.
    pub headline: Option<Span>,
    pub claims: Vec<Claim>,
    /// Every entity mention in the article, in text order, headline included.
    pub mentions: Vec<Mention>,
}

/// Knobs that depend on where the text came from, not on the text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The first line is a headline (plain-text files and bodies posted without a title).
    pub headline_is_first_line: bool,
}

/// Reads an article: its text in, its claims, mentions and each claim's [`Gist`] out.
///
/// The store and the HTTP edge take one as `Arc<dyn ReadArticle>` from whoever builds
/// them (the binary, tests) instead of linking the extractor that implements it: what
/// they store and serve does not depend on how the text is read.
pub trait ReadArticle: Send + Sync {
    /// The extraction of one article's `text`.
    fn read(&self, text: &str, options: &ExtractOptions) -> Extraction;
}

impl std::fmt::Debug for dyn ReadArticle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadArticle")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physical_units_convert_to_their_base_and_others_do_not() {
        let mi = Measure::of(2.0, "mi").expect("miles convert");
        assert_eq!(mi.unit, "km");
        assert!((mi.value - 3.218_688).abs() < 1e-9);
        assert_eq!(Measure::of(5.0, "km2").map(|m| m.value), Some(5.0));
        assert_eq!(Measure::of(5.0, "usd"), None);
        assert_eq!(Measure::of(5.0, "village"), None);
    }
}
