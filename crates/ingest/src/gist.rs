//! A claim's [`Gist`]: what the store compares claims of different articles by. Read here,
//! because reading it takes knowing English: the comparison terms ([`terms`]), a denial
//! ("was not taken"), what befell counted people ("ten were injured"), a length that
//! measures territory ("2,000 km of territory") and the words that say what a figure in a
//! unit of measure measures ("inflation of 7.2 percent"). The store only compares.

use crate::model::{Claim, Figure, Gist, Qualifier, Quantity};
use crate::rules::{fate_of, is_counted, AREA_NOUNS, COUNT_SEPARATORS, NEGATIONS};
use crate::terms::terms;

/// How much text beside a figure its reading looks at.
const CONTEXT_BYTES: usize = 96;

/// How many words from a count its fate may be named.
const FATE_REACH: usize = 12;

/// How many terms on each side of a figure, within its clause, say what it measures.
const CONTEXT_TERMS: usize = 2;

/// The gist of `claim`, one of the claims of the article `text`: its terms and denial
/// from its own words, each figure read with the article text around it.
pub fn gist(text: &str, claim: &Claim) -> Gist {
    let words = claim.span.slice(text).unwrap_or_default();
    // the places a figure is given for, who gave it and through whom are compared as
    // such: their names beside it say nothing of what it measures ("40% of the schools in
    // X", "a dam near X held 40%", "Ruiz said 40% …")
    let names: Vec<String> = claim
        .places
        .iter()
        .chain(&claim.speaker)
        .chain(&claim.via)
        .flat_map(|p| terms(p.span.slice(text).unwrap_or_default()))
        .collect();
    Gist {
        terms: terms(words),
        negated: is_negated(words),
        figures: claim
            .numbers
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let before = near(text, q.span.start, Side::Before);
                let after = near(text, range_end(&claim.numbers, i), Side::After);
                figure(q, before, after, &names)
            })
            .collect(),
    }
}

/// Where the words after figure `i` begin: after the upper bound when it opens a range
/// ("45 to 50 people were killed": both bounds count the killed).
fn range_end(numbers: &[Quantity], i: usize) -> usize {
    let q = &numbers[i];
    match numbers.get(i + 1) {
        Some(upper)
            if q.qualifier == Qualifier::AtLeast
                && upper.qualifier == Qualifier::AtMost
                && upper.unit == q.unit =>
        {
            upper.span.end
        }
        _ => q.span.end,
    }
}

/// How a figure compares, given the text before and after it and the terms of the names
/// of the claim's places, speaker and cited outlet: "km of territory" is an area, "ten
/// were injured" a count of the injured.
fn figure(q: &Quantity, before: &str, after: &str, names: &[String]) -> Figure {
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
        // "144 deaths" and "141 fatalities" count the killed, as "144 people died" does
        if let Some(fate) = fate_of(&unit) {
            unit = format!("person/{fate}");
        } else if let Some(fate) = fate(before, after) {
            unit = format!("{unit}/{fate}");
        }
    }
    // what a figure in a unit of measure counts is said beside it ("inflation of 7.2
    // percent", "rate to 5.25%"); a counted noun says it itself
    let context = if is_counted(unit.split('/').next().unwrap_or_default()) {
        Vec::new()
    } else {
        context_terms(before, after, names)
    };
    Figure {
        unit,
        value,
        context,
        qualifier: q.qualifier,
    }
}

/// Which way from an offset [`near`] reads.
enum Side {
    Before,
    After,
}

/// Up to [`CONTEXT_BYTES`] of `text` on one side of byte offset `at`, cut at char
/// boundaries.
fn near(text: &str, at: usize, side: Side) -> &str {
    let at = at.min(text.len());
    let (mut from, mut to) = match side {
        Side::Before => (at.saturating_sub(CONTEXT_BYTES), at),
        Side::After => (at, text.len().min(at + CONTEXT_BYTES)),
    };
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(from..to.max(from)).unwrap_or_default()
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
        COUNT_SEPARATORS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit())
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
/// [`CONTEXT_TERMS`] before it and the first as many after it, less the `names` among
/// them (the window does not reach further for them: words further off speak of more
/// than the figure).
fn context_terms(before: &str, after: &str, names: &[String]) -> Vec<String> {
    let stop = |c: char| matches!(c, '.' | ';' | '!' | '?' | '\n' | ',' | '(' | ')');
    let before = terms(before.rsplit(stop).next().unwrap_or_default());
    let after = terms(after.split(stop).next().unwrap_or_default());
    let from = before.len().saturating_sub(CONTEXT_TERMS);
    before[from..]
        .iter()
        .chain(after.iter().take(CONTEXT_TERMS))
        .filter(|t| !names.contains(t))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimKind, EntityKind, Measure, Mention, Span};

    fn q(value: f64, unit: &str) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            value,
            unit: unit.into(),
            qualifier: Qualifier::Exact,
            normalized: Measure::of(value, unit),
        }
    }

    /// (unit, value) of a figure read between `before` and `after`.
    fn read(n: f64, unit: &str, before: &str, after: &str) -> (String, f64) {
        let f = figure(&q(n, unit), before, after, &[]);
        (f.unit, f.value)
    }

    #[test]
    fn units_convert_and_sloppy_areas_read_as_areas() {
        let (unit, value) = read(100.0, "mi2", "", "");
        assert_eq!(unit, "km2");
        assert!((value - 258.998_811).abs() < 1e-3);
        let sloppy = read(2000.0, "km", "", " of the country’s territory were freed");
        assert_eq!(sloppy, ("km2".to_string(), 2000.0));
        assert_eq!(
            read(2000.0, "km", "", " of road"),
            ("km".to_string(), 2000.0)
        );
        // miles are kilometres by then, and read as an area in kilometres
        let miles = read(10.0, "mi", "", " of land");
        assert_eq!(miles.0, "km2");
        assert!((miles.1 - 16.093_44).abs() < 1e-9);
    }

    #[test]
    fn counts_of_people_carry_what_befell_them() {
        let person = |before: &str, after: &str| read(1.0, "person", before, after).0;
        assert_eq!(
            person("the storm hit the coast, where ", " people were hurt"),
            "person/injured"
        );
        assert_eq!(
            person("the storm hit the coast, killing at least ", " person"),
            "person/killed"
        );
        // the nearest fate wins, and a fate in another sentence is not read
        assert_eq!(
            person("8 dead and ", " injured in the crash"),
            "person/injured"
        );
        assert_eq!(
            person(
                "The death toll from the storm on the northern coast has now risen to ",
                ""
            ),
            "person/killed"
        );
        assert_eq!(person("Two died. Then ", " people gathered"), "person");
        // a noun that names the fate counts people it befell
        for (unit, read_as) in [
            ("death", "person/killed"),
            ("fatality", "person/killed"),
            ("injury", "person/injured"),
            ("arrest", "person/detained"),
            ("village", "village"),
        ] {
            assert_eq!(read(3.0, unit, "the storm left ", " behind").0, read_as);
        }
        assert_eq!(fate("", " villages were retaken"), None);
    }

    #[test]
    fn a_unit_of_measure_keeps_the_terms_beside_it_and_a_count_does_not() {
        let context = |n: f64, unit: &str, before: &str, after: &str| {
            figure(&q(n, unit), before, after, &[]).context
        };
        let rate = context(
            5.25,
            "percent",
            "the bank raised its rate to ",
            " on Monday",
        );
        let prices = context(7.4, "percent", "the bank said prices rose ", " in May");
        assert!(rate.contains(&"rate".to_string()), "{rate:?}");
        assert!(
            !rate.iter().any(|t| prices.contains(t)),
            "{rate:?} {prices:?}"
        );
        assert!(context(12.0, "person", "the storm hurt ", " people").is_empty());
        // cut at the clause: "(" and "," end what a figure's words can say
        let cut = context(3.0, "km", "the flood, ", " (rising)");
        assert!(cut.is_empty(), "{cut:?}");
    }

    /// A mention of `name` where `text` first holds it.
    fn named(text: &str, name: &str, kind: EntityKind) -> Mention {
        let at = text.find(name).expect("name in text");
        Mention {
            span: Span::new(at, at + name.len()),
            name: name.into(),
            kind,
            roles: vec![],
            place: None,
        }
    }

    #[test]
    fn names_beside_a_figure_are_not_what_it_measures() {
        // (text, place named, speaker named, a context term it keeps, a term beyond its
        // window), the figure "61"
        let table = [
            (
                "61% of the schools in Marlow stayed shut",
                Some("Marlow"),
                None,
                "school",
                "shut",
            ),
            (
                "the dam above Marlow held 61% more water",
                Some("Marlow"),
                None,
                "water",
                "dam",
            ),
            (
                "Port Essing drew 61% of its power",
                Some("Port Essing"),
                None,
                "power",
                "port",
            ),
            (
                "Vela Oduya said 61% of the schools were shut",
                None,
                Some("Vela Oduya"),
                "school",
                "vela",
            ),
            (
                "Rents in Marlow rose 61% last year",
                Some("Marlow"),
                None,
                "rose",
                "rent",
            ),
        ];
        for (text, place, speaker, kept, far) in table {
            let figure_at = text.find("61").expect("figure in text");
            let claim = Claim {
                kind: ClaimKind::Statement,
                span: Span::new(figure_at, text.len()),
                speaker: speaker.map(|n| named(text, n, EntityKind::Person)),
                via: None,
                cue: None,
                places: place
                    .map(|n| named(text, n, EntityKind::Place))
                    .into_iter()
                    .collect(),
                numbers: vec![Quantity {
                    span: Span::new(figure_at, figure_at + 2),
                    ..q(61.0, "percent")
                }],
                gist: Gist::default(),
            };
            let context = &gist(text, &claim).figures[0].context;
            let names = terms(place.or(speaker).unwrap_or_default());
            assert!(
                !context.iter().any(|t| names.contains(t)),
                "{text}: {context:?}"
            );
            assert!(context.iter().any(|t| t == kept), "{text}: {context:?}");
            assert!(!context.iter().any(|t| t == far), "{text}: {context:?}");
        }
        // a name the claim does not hold as a place or speaker stays a word like any other
        let bare = figure(&q(61.0, "percent"), "schools in Marlow: ", " shut", &[]);
        assert!(bare.context.contains(&"marlow".to_string()), "{bare:?}");
    }

    #[test]
    fn denials_are_read() {
        assert!(is_negated(
            "the port of Velmora has not been taken by rebels"
        ));
        assert!(is_negated("It wasn’t over"));
        assert!(is_negated("the army no longer holds the bridge"));
        assert!(!is_negated("Rebels have taken the port of Velmora"));
        assert!(!is_negated("Nothing else was announced"));
    }

    #[test]
    fn the_text_beside_a_figure_is_cut_at_char_boundaries() {
        let text = format!("{}12 injured {}", "é".repeat(40), "ü".repeat(40));
        let at = text.find("12").expect("figure in text");
        let before = near(&text, at, Side::Before);
        let after = near(&text, at + 2, Side::After);
        assert!(before.len() <= CONTEXT_BYTES && before.chars().all(|c| c == 'é'));
        assert!(after.starts_with(" injured ") && after.len() <= CONTEXT_BYTES);
        assert_eq!(near("ab", 9, Side::After), "");
        assert_eq!(near("ab", 1, Side::Before), "a");
    }

    #[test]
    fn a_claim_reads_its_own_words_and_the_text_around_its_figures() {
        let text = "Officials said 12 people were hurt. The harbour is closed.";
        let words = "12 people were hurt";
        let start = text.find(words).expect("claim in text");
        let claim = Claim {
            kind: ClaimKind::Indirect,
            span: Span::new(start, start + words.len()),
            speaker: None,
            via: None,
            cue: Some("said".into()),
            places: vec![],
            numbers: vec![Quantity {
                span: Span::new(start, start + 2),
                ..q(12.0, "person")
            }],
            gist: Gist::default(),
        };
        let g = gist(text, &claim);
        assert!(
            !g.negated && !g.terms.iter().any(|t| t == "harbour"),
            "{g:?}"
        );
        assert_eq!(g.figures.len(), 1);
        assert_eq!(g.figures[0].unit, "person/injured");
        // an extraction reads every claim's gist, one figure per number
        let x = crate::extract(text, &Default::default());
        assert!(x.claims.iter().all(|c| c.gist == gist(text, c)));
    }

    #[test]
    fn both_bounds_of_a_range_count_what_befell_them() {
        let x = crate::extract(
            "Between 20 and 30 people were injured, police said.",
            &Default::default(),
        );
        let units: Vec<Vec<String>> = x
            .claims
            .iter()
            .map(|c| c.gist.figures.iter().map(|f| f.unit.clone()).collect())
            .collect();
        assert_eq!(units[0], ["person/injured", "person/injured"], "{units:?}");
    }
}
