//! The comparison rules' examples: figures, bounds, places, words, denials.

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

    // one speaker's words: a figure told twice, or two claims without one; not a figure
    // and a claim without one ("300 km2 retaken", "we will retake our land")
    let spoken = |terms: &[&str], figures| {
        let mut s = sig(terms, figures);
        s.push_entity('s', 9);
        s
    };
    let figured = spoken(
        &["troops", "retake", "land"],
        vec![fig("km2", 300.0, &["land"])],
    );
    let again = spoken(
        &["retake", "land", "farmland"],
        vec![fig("km2", 300.0, &["land"])],
    );
    let vow = spoken(&["troops", "retake", "land", "forward"], vec![]);
    let vow_again = spoken(&["troops", "retake", "land", "soon"], vec![]);
    assert!(
        compare(&figured, &again).witnesses,
        "one figure, one speaker"
    );
    assert!(
        compare(&vow, &vow_again).witnesses,
        "one speaker, no figures"
    );
    assert!(compare(&figured, &vow).score >= CORROBORATES);
    assert!(!compare(&figured, &vow).witnesses, "a figure and none");
    let mut placed = (figured.clone(), vow.clone());
    placed.0.push_entity('p', 3);
    placed.1.push_entity('p', 3);
    assert!(
        compare(&placed.0, &placed.1).witnesses,
        "a figure and none about one place"
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
        // two figures conflict for one scope only: the same places
        let scope = |p: Places| p.iter().map(|(e, _)| *e).collect::<Vec<_>>();
        let one_scope = scope(a) == scope(b) || a.is_empty() || b.is_empty();
        assert_eq!(other.conflicts, one_scope, "two counts of {a:?} {b:?}");
    }
    // signatures stored before regions were: only a shared place is one area
    let before = |place: &str| Signature::parse(&format!("ferry cancel n:boat:40 {place}"));
    assert!(compare(&before("p:3"), &before("p:4")).elsewhere);
    assert!(!compare(&before("p:3"), &before("p:3")).elsewhere);
}

#[test]
fn two_figures_conflict_only_for_the_same_places() {
    // (places of one, places of the other, conflict?), each a distance in one wording:
    // "the road from A to B is 120 km long" against "… 80 km long"
    let cases: &[(&[i64], &[i64], bool)] = &[
        (&[1, 2], &[1, 2], true),
        (&[2, 1], &[1, 2], true),
        (&[], &[], true),
        // "from C to B": one end in common is another road
        (&[1, 2], &[3, 2], false),
        // the town alone, or the town and another
        (&[1], &[1, 2], false),
        // a road of no named place may be any road
        (&[], &[1, 2], true),
        (&[1], &[], true),
    ];
    let road = |km: f64, places: &[i64]| {
        let mut s = sig(&["road", "long"], vec![fig("km", km, &["road", "long"])]);
        for p in places {
            s.push_entity('p', *p);
        }
        s
    };
    for (a, b, conflict) in cases {
        let cmp = compare(&road(120.0, a), &road(80.0, b));
        assert_eq!(cmp.conflicts, *conflict, "{a:?} against {b:?}");
    }
}

#[test]
fn a_figure_restated_in_brackets_measures_what_it_restates() {
    // "winds of up to 42 km (26 miles) an hour drove the flames towards X" and "X lies
    // 291 km (181 miles) from the coast": the bracketed figures have no words beside them
    let about_x = |terms: &[&str], figures| {
        let mut s = sig(terms, figures);
        s.push_entity('p', 7);
        s
    };
    let winds = about_x(
        &["wind", "mile", "hour", "flame"],
        vec![fig("km", 42.0, &["wind"]), fig("km", 41.8, &[])],
    );
    let lies = about_x(
        &["lies", "mile", "coast"],
        vec![fig("km", 291.0, &["lies"]), fig("km", 291.3, &[])],
    );
    assert!(!conflicts(&winds, &lies), "two things measured");
    let stronger = about_x(
        &["wind", "mile", "hour", "flame"],
        vec![fig("km", 90.0, &["wind"]), fig("km", 90.1, &[])],
    );
    assert!(conflicts(&winds, &stronger), "one wind measured twice");
}

#[test]
fn an_equal_figure_anchors_a_fact_only_when_it_measures_one_thing() {
    // "forces advanced 50 km along the front line" against "the town lies 50 km from the
    // front line": one value, two measures
    let advanced = sig(
        &["forces", "advance", "front", "line"],
        vec![fig("km", 50.0, &["advance"])],
    );
    let lies = sig(
        &["town", "lies", "front", "line"],
        vec![fig("km", 50.0, &["front", "line"])],
    );
    let cmp = compare(&advanced, &lies);
    assert!(!cmp.witnesses, "{cmp:?}");
    assert!(
        cmp.score < 0.5 + NUMBER_BONUS,
        "no bonus for another measure: {cmp:?}"
    );
    // the same advance, in other words
    let pushed = sig(
        &["troops", "advance", "front"],
        vec![fig("km", 50.0, &["advance"])],
    );
    assert!(compare(&advanced, &pushed).witnesses);
    // a count names what it counts: an equal count anchors
    let boats = |terms: &[&str]| sig(terms, vec![fig("boat", 40.0, &[])]);
    assert!(
        compare(
            &boats(&["ferry", "cancel", "storm"]),
            &boats(&["ferry", "cancel"])
        )
        .witnesses
    );
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
