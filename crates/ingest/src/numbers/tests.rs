use super::*;
use crate::text::Lexicon;

fn nums(text: &str) -> Vec<(f64, String, Qualifier)> {
    let lex = Lexicon::new();
    let t = Tokens::new(text, &lex);
    let mut out = Vec::new();
    find(&t, 0, t.len(), &mut out);
    for q in &out {
        assert!(q.span.slice(text).is_some());
    }
    out.into_iter()
        .map(|q| (q.value, q.unit, q.qualifier))
        .collect()
}

fn vu(text: &str) -> Vec<(f64, String)> {
    nums(text).into_iter().map(|(v, u, _)| (v, u)).collect()
}

/// Each case: a text and the (value, unit) pairs read from it, in order.
fn check_vu(cases: &[(&str, &[(f64, &str)])]) {
    for (text, want) in cases {
        let want: Vec<(f64, String)> = want.iter().map(|(v, u)| (*v, u.to_string())).collect();
        assert_eq!(vu(text), want, "{text}");
    }
}

fn normalized(text: &str) -> Vec<Option<(f64, &'static str)>> {
    let lex = Lexicon::new();
    let t = Tokens::new(text, &lex);
    let mut out = Vec::new();
    find(&t, 0, t.len(), &mut out);
    out.iter()
        .map(|q| {
            q.normalized
                .map(|m| ((m.value * 1000.0).round() / 1000.0, m.unit))
        })
        .collect()
}

#[test]
fn spelled_numbers_in_words_and_hyphens() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        ("two hundred forty-one sheep were sold", &[(241.0, "sheep")]),
        ("three hundred and twelve boats sank", &[(312.0, "boat")]),
        (
            "five-hundred-thousand voters took part",
            &[(500_000.0, "voter")],
        ),
        ("it sold two dozen ferries", &[(24.0, "ferry")]),
        ("a hundred schools closed", &[(100.0, "school")]),
        ("three and a half million voters", &[(3_500_000.0, "voter")]),
        ("it took two and a half days", &[(2.5, "day")]),
        ("the ferry and a half-empty barge", &[]),
        ("the four-nation pact was signed", &[(4.0, "nation")]),
        // vague, shares and manners: no count
        ("several dozen farms flooded", &[]),
        ("two-thirds of the harbour froze", &[]),
        ("a one-sided match ended early", &[]),
        ("the twenty-first race was run", &[]),
    ];
    check_vu(cases);
}

#[test]
fn a_time_after_a_number_is_not_what_it_counts() {
    check_vu(&[
        (
            "the number of refugees rose to a record 117 million last year",
            &[(117e6, "refugee")],
        ),
        ("40 ferries sailed last week", &[(40.0, "ferry")]),
        // a small bare number before a time counts nothing
        ("the total rose to 40 last week", &[]),
        ("40 last-minute changes were made", &[(40.0, "change")]),
    ]);
}

#[test]
fn scales_abbreviated_as_wire_copy_writes_them() {
    check_vu(&[
        (
            "revenue of 160 bln to 165 bln euros",
            &[(160e9, "eur"), (165e9, "eur")],
        ),
        ("a loss of 2 bn euros", &[(2e9, "eur")]),
        ("a fine of 3 mln dollars", &[(3e6, "usd")]),
        ("a loss of £40bn", &[(40e9, "gbp")]),
        // spelled out, and a sign with its own glued scale, as before
        ("a loss of $3.2 billion", &[(3.2e9, "usd")]),
        ("a loss of $410m", &[(410e6, "usd")]),
    ]);
}

#[test]
fn south_asian_scales_and_rupees() {
    check_vu(&[
        ("1.5 lakh people left their homes", &[(150_000.0, "person")]),
        ("a budget of Rs 500 crore", &[(5e9, "inr")]),
        ("a fine of Rs. 2,000", &[(2_000.0, "inr")]),
        ("a fund of ₹2,000 crore", &[(2e10, "inr")]),
        ("a fee of 300 rupees", &[(300.0, "inr")]),
        // "Rs" before no number is no amount
        ("the Rs figure was not given", &[]),
    ]);
}

#[test]
fn decimals_spelled_out_as_broadcast_scripts_write_them() {
    check_vu(&[
        ("fares rose two-point-five percent", &[(2.5, "percent")]),
        (
            "one-point-two million voters took part",
            &[(1_200_000.0, "voter")],
        ),
        (
            "fares rose three point two five percent",
            &[(3.25, "percent")],
        ),
        ("a magnitude of six-point-four", &[(6.4, "magnitude")]),
        ("a magnitude of 5.9 was measured", &[(5.9, "magnitude")]),
        // "point" that is no decimal point
        (
            "nine ferries made the point that fares rose",
            &[(9.0, "ferry")],
        ),
        ("the six-point plan was signed", &[(6.0, "point")]),
    ]);
}

#[test]
fn digits_inside_codes_count_nothing() {
    for text in [
        "the H5N8 strain reached the farm",
        "a COVID-19 ward opened",
        "two F-16 jets landed",
        // a code in any case: a capitalised word closed by its hyphen
        "a Covid-19 ward opened",
        "a Tu-95 bomber landed",
    ] {
        assert!(
            vu(text).iter().all(|(v, _)| *v == 2.0),
            "{text}: {:?}",
            vu(text)
        );
    }
    assert_eq!(vu("it built 16 jets"), [(16.0, "jet".to_string())]);
    // the noun after a code is what the number before it counts
    assert_eq!(vu("two F-16 jets landed"), [(2.0, "jet".to_string())]);
    assert_eq!(
        vu("two Mi-8 helicopters landed"),
        [(2.0, "helicopter".to_string())]
    );
    assert_eq!(
        vu("the ward took 40 Covid-19 patients"),
        [(40.0, "patient".to_string())]
    );
}

#[test]
fn scales_before_their_value_and_people_counted_by_their_fate() {
    let person = |v: f64| (v, "person".to_string());
    assert_eq!(
        vu("a magnitude 5.9 tremor rattled the valley"),
        [(5.9, "magnitude".to_string())]
    );
    assert_eq!(
        vu("the 7.1-magnitude tremor"),
        [(7.1, "magnitude".to_string())]
    );
    assert_eq!(vu("a category 4 storm"), [(4.0, "category".to_string())]);
    assert_eq!(
        vu("at least 9 people died and 41 were hurt"),
        [person(9.0), person(41.0)]
    );
    assert_eq!(vu("the blast, injuring more than 60"), [person(60.0)]);
    assert_eq!(vu("the storm's death toll climbed to 12"), [person(12.0)]);
    assert_eq!(vu("12 missing after the ferry sank"), [person(12.0)]);
    // a bare number with no fate or toll in reach is still no quantity
    assert!(vu("the score was 3 after the break").is_empty());
    assert!(vu("the toll road reopened. Officials counted 40").is_empty());
}

#[test]
fn european_style_and_counted_thousands() {
    // one decimal comma elsewhere in the text makes the dots group thousands
    assert_eq!(
        vu("the lake covers 2.000 km² and rose 1,5 m"),
        [(2000.0, "km2".to_string()), (1.5, "m".to_string())]
    );
    // without it, a dotted value with a physical unit stays a decimal …
    assert_eq!(vu("the lake covers 2.000 km²"), [(2.0, "km2".to_string())]);
    // … but nobody counts thousandths of villages
    assert_eq!(
        vu("2.500 villages were cut off"),
        [(2500.0, "village".to_string())]
    );
    assert_eq!(
        vu("1.250.000 people fled"),
        [(1_250_000.0, "person".to_string())]
    );
    // "3m people" is not three metres
    assert!(vu("3m people fled").iter().all(|(_, u)| u != "m"));
}

#[test]
fn ranges_bound_their_values() {
    let q = |text| {
        nums(text)
            .into_iter()
            .map(|(v, _, q)| (v, q))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        q("between 10 and 15 villages"),
        [(10.0, Qualifier::AtLeast), (15.0, Qualifier::AtMost)]
    );
    assert_eq!(
        q("10-15 sq km were flooded"),
        [(10.0, Qualifier::AtLeast), (15.0, Qualifier::AtMost)]
    );
    assert_eq!(
        q("from 3 to 5 days"),
        [(3.0, Qualifier::AtLeast), (5.0, Qualifier::AtMost)]
    );
    // a list is not a range
    assert_eq!(
        q("10, 12 and 15 villages"),
        [
            (10.0, Qualifier::Exact),
            (12.0, Qualifier::Exact),
            (15.0, Qualifier::Exact)
        ]
    );
}

#[test]
fn physical_units_convert_to_their_base_unit() {
    assert_eq!(
        normalized("some 700 square miles, 50 km (31 miles) and 300 hectares"),
        [
            Some((1812.992, "km2")),
            Some((50.0, "km")),
            Some((49.89, "km")),
            Some((3.0, "km2"))
        ]
    );
    assert_eq!(
        normalized("3 days, 40 villages, 12% and $5 million"),
        [Some((72.0, "hour")), None, None, None]
    );
}

#[test]
fn separators_and_decimals() {
    assert_eq!(
        vu("some 12,500 sandbags"),
        [(12500.0, "sandbag".to_string())]
    );
    assert_eq!(vu("the river rose 1.3 metres"), [(1.3, "m".to_string())]);
}

#[test]
fn word_numbers_and_multipliers() {
    assert_eq!(vu("forty households"), [(40.0, "household".to_string())]);
    assert_eq!(
        vu("two thousand sandbags"),
        [(2000.0, "sandbag".to_string())]
    );
    assert_eq!(
        vu("3 thousand volunteers"),
        [(3000.0, "volunteer".to_string())]
    );
    assert_eq!(vu("twenty-five ferries"), [(25.0, "ferry".to_string())]);
    assert_eq!(vu("nine children"), [(9.0, "child".to_string())]);
}

#[test]
fn glued_and_paired_units() {
    assert_eq!(vu("a 40km dyke"), [(40.0, "km".to_string())]);
    assert_eq!(
        vu("about 13-million passengers"),
        [(13_000_000.0, "passenger".to_string())]
    );
    // a range keeps its hyphen: no multiplier joins it
    assert_eq!(vu("12-14 metres").first().map(|x| x.0), Some(12.0));
    assert_eq!(vu("flooded 120km² of fields"), [(120.0, "km2".to_string())]);
    assert_eq!(
        vu("about 300 km2 (116 square miles)"),
        [(300.0, "km2".to_string()), (116.0, "mi2".to_string())]
    );
    assert_eq!(
        vu("moved 12 km (7 miles)"),
        [(12.0, "km".to_string()), (7.0, "mi".to_string())]
    );
}

#[test]
fn percentages_and_lists() {
    assert_eq!(vu("up to 60% of homes"), [(60.0, "percent".to_string())]);
    assert_eq!(vu("12 per cent"), [(12.0, "percent".to_string())]);
    // a singular in -sis describes the plural after it
    assert_eq!(
        vu("cut the rate by 25 basis points"),
        [(25.0, "point".to_string())]
    );
    assert_eq!(
        vu("two crisis centres opened"),
        [(2.0, "centre".to_string())]
    );
    assert_eq!(
        vu("the water rose 1, 2, 3 metres"),
        [
            (1.0, "m".to_string()),
            (2.0, "m".to_string()),
            (3.0, "m".to_string())
        ]
    );
    assert_eq!(
        vu("10-15 boats"),
        [(10.0, "boat".to_string()), (15.0, "boat".to_string())]
    );
}

#[test]
fn dates_years_ordinals_vague_are_not_numbers() {
    assert!(vu("on March 3 and 14 April in 2019").is_empty());
    assert!(vu("the 17th meeting, the second largest town").is_empty());
    // an ordinal or a decade glued to what it qualifies
    assert!(vu("a 19th-century mill, the 3rd-largest port, 1990s-era boats").is_empty());
    assert!(vu("thousands of residents and several thousand cows, tens of boats").is_empty());
    assert!(vu("one of the villages").is_empty());
    // a year before a listed number takes no unit from it
    check_vu(&[
        ("the ban starts by 2030, five years early", &[(5.0, "year")]),
        (
            "1,500, 2,000 and 2,500 people left",
            &[(1500.0, "person"), (2000.0, "person"), (2500.0, "person")],
        ),
    ]);
}

#[test]
fn qualifiers_and_time_units() {
    assert_eq!(nums("at least 10 people")[0].2, Qualifier::AtLeast);
    assert_eq!(
        nums("more than 5 months")[0],
        (5.0, "month".into(), Qualifier::MoreThan)
    );
    assert_eq!(
        nums("some fifty kilometers")[0],
        (50.0, "km".into(), Qualifier::About)
    );
    assert_eq!(vu("a six-month-old flood"), [(6.0, "month".to_string())]);
    assert_eq!(vu("72 hours ago"), [(72.0, "hour".to_string())]);
}

#[test]
fn currencies_clock_times_and_decades() {
    assert_eq!(
        vu("a $2.5 million grant"),
        [(2_500_000.0, "usd".to_string())]
    );
    assert_eq!(vu("€40 each"), [(40.0, "eur".to_string())]);
    assert_eq!(vu("profit of £410m"), [(410_000_000.0, "gbp".to_string())]);
    assert!(vu("at 10 pm, since the 1990s").is_empty());
    assert_eq!(vu("120 planned dykes"), [(120.0, "dyke".to_string())]);
}

#[test]
fn noun_runs_take_the_last_noun() {
    assert_eq!(
        vu("a 6.1 tremor shook the valley"),
        [(6.1, "tremor".to_string())]
    );
    assert_eq!(
        vu("400 Basque fishermen"),
        [(400.0, "fisherman".to_string())]
    );
    assert_eq!(
        vu("three bodies wrapped in sheets"),
        [(3.0, "body".to_string())]
    );
}

#[test]
fn words_describing_what_is_counted_are_not_its_unit() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        ("the city ordered 40 new electric buses", &[(40.0, "bus")]),
        ("builders finished 12 newly built homes", &[(12.0, "home")]),
        ("8 small fishing boats sank", &[(8.0, "boat")]),
        ("3 local residents", &[(3.0, "resident")]),
        ("300 police officers patrolled", &[(300.0, "officer")]),
        ("20 sheep farmers protested", &[(20.0, "farmer")]),
        ("300 police arrived", &[(300.0, "police")]),
        // negatives: no plural within reach, or a capitalised run, keeps the old reading
        ("the score was 3 nil", &[(3.0, "nil")]),
        ("1,300 Basque fishermen joined", &[(1300.0, "fisherman")]),
    ];
    check_vu(cases);
}

#[test]
fn one_before_a_verb_is_no_count() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        ("in the port one sells fish", &[]),
        ("one says the tide is late", &[]),
        ("the crews helped one another", &[]),
        // a count of one takes a singular noun
        ("one boat sank", &[(1.0, "boat")]),
        ("one bus was late", &[(1.0, "bus")]),
        ("only one crisis remains", &[(1.0, "crisis")]),
        ("one series ended", &[(1.0, "series")]),
        // "no one", "every one", "any one": pronouns
        ("debris fell but no one was hurt", &[]),
        ("every one of the crews came back", &[]),
        ("not one boat sank", &[(1.0, "boat")]),
    ];
    check_vu(cases);
}

#[test]
fn one_before_a_describing_word_is_a_determiner() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        ("the flood reached one small hamlet", &[]),
        ("they fished from one old pier", &[]),
        // "one" right before its noun, or before a noun and a verb, counts one
        (
            "the flood reached one hamlet near the coast",
            &[(1.0, "hamlet")],
        ),
        ("one sailor was hurt", &[(1.0, "sailor")]),
        ("one boat sank", &[(1.0, "boat")]),
        // other numbers count through describing words
        ("the flood reached two small hamlets", &[(2.0, "hamlet")]),
    ];
    check_vu(cases);
}

#[test]
fn bridges_and_partitives_count_the_plural_after_them() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        (
            "the court will hear three more witnesses",
            &[(3.0, "witness")],
        ),
        ("two other trawlers ran aground", &[(2.0, "trawler")]),
        (
            "five additional pumping stations opened",
            &[(5.0, "station")],
        ),
        ("seven of the stranded hikers were found", &[(7.0, "hiker")]),
        ("two of its ferries were sold", &[(2.0, "ferry")]),
        ("two of the port's cranes failed", &[(2.0, "crane")]),
        // negatives: no plural after the bridge, a partitive of one, no determiner
        ("the tally rose by four more than expected", &[]),
        ("it is one of the busiest harbours", &[]),
        ("three of them swam ashore", &[]),
    ];
    check_vu(cases);
}

#[test]
fn a_noun_before_of_can_say_what_is_counted() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        (
            "a pre-war population of 12,000",
            &[(12_000.0, "inhabitant")],
        ),
        (
            "a population of about 900 lives there",
            &[(900.0, "inhabitant")],
        ),
        // another noun says nothing of what follows
        ("a share of 12 was paid", &[]),
    ];
    check_vu(cases);
}

#[test]
fn a_time_of_day_split_by_its_points_is_no_count() {
    assert_eq!(vu("open from 9 a.m. to 6 p.m. on Sunday"), []);
    assert_eq!(vu("crews fought 30 blazes"), [(30.0, "blaze".to_string())]);
}

#[test]
fn an_age_after_a_name_counts_years() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        ("Lena Marsh, 34, opened the bakery", &[(34.0, "year")]),
        ("her son Tobi, seven, was asleep", &[(7.0, "year")]),
        // negatives: a list of names and figures, a date, a number too large, no comma
        ("Oslo, 12, Bergen, 9", &[]),
        ("on Friday, 14, the vote", &[]),
        ("the firm Halden, 400, employs", &[]),
        ("Lena Marsh 34 opened", &[]),
    ];
    check_vu(cases);
}

#[test]
fn a_bare_large_number_counts_what_was_counted_before_it() {
    let cases: &[(&str, &[(f64, &str)])] = &[
        (
            "About 6,000 pilgrims camped by the river. Nearly two thousand were still there.",
            &[(6_000.0, "pilgrim"), (2_000.0, "pilgrim")],
        ),
        (
            "Many tenants have left every block, more than three and a half thousand, the council said.",
            &[(3_500.0, "tenant")],
        ),
        (
            "The fair drew 40,000 visitors; about 5,000 of them came by train.",
            &[(40_000.0, "visitor"), (5_000.0, "visitor")],
        ),
        // negatives: a small bare number, a noun after it, a partitive with a noun, a year
        ("Twelve boats sailed. Three were lost.", &[(12.0, "boat")]),
        (
            "Sales reached 9,000 cars. By 2030 the plant will close.",
            &[(9_000.0, "car")],
        ),
        (
            "Sales reached 9,000 cars and will double by 2030.",
            &[(9_000.0, "car")],
        ),
        (
            "Sales reached 9,000 cars and will double by the end of two thousand thirty.",
            &[(9_000.0, "car")],
        ),
        (
            "The club has 3,000 members and 4,000 of the children play.",
            &[(3_000.0, "member"), (4_000.0, "child")],
        ),
        ("Nobody knows why 5,000 is the limit.", &[]),
        // a figure compared with the count before it, whatever its size
        (
            "The clinic saw 420 cases, up from 96 a year earlier.",
            &[(420.0, "case"), (96.0, "case")],
        ),
        ("Gulls fell 40 percent, down from 12 a year ago.", &[(40.0, "percent")]),
        // a change from one figure to another, its noun before it
        (
            "The law cut polling days from 17 to 10.",
            &[(17.0, "day"), (10.0, "day")],
        ),
        // "others" counts more of the same; alone, it stays what it says
        (
            "Four guards were killed and eleven others were hurt.",
            &[(4.0, "guard"), (11.0, "guard")],
        ),
        ("Eleven others were hurt.", &[(11.0, "other")]),
        // a noun another figure counts is not what the bare number counts
        (
            "Measles cases in the valley tripled in three weeks to more than 2,000.",
            &[(3.0, "week"), (2_000.0, "case")],
        ),
    ];
    check_vu(cases);
}

#[test]
fn a_length_per_hour_is_a_speed() {
    check_vu(&[
        ("winds of 180 km/h", &[(180.0, "km/h")]),
        ("gusts of 120 kilometres per hour", &[(120.0, "km/h")]),
        ("a top speed of 70 mph", &[(70.0, "mph")]),
        ("winds of 90 miles per hour", &[(90.0, "mph")]),
        // a length alone, or per another period, stays a length
        ("a 180 km road", &[(180.0, "km")]),
        ("40 km per day", &[(40.0, "km")]),
    ]);
    assert_eq!(
        normalized("70 mph and 180 km/h"),
        [Some((112.654, "km/h")), Some((180.0, "km/h"))]
    );
}

#[test]
fn a_ratio_counts_both_its_numbers_in_its_noun() {
    check_vu(&[
        (
            "one in ten buildings collapsed",
            &[(1.0, "building"), (10.0, "building")],
        ),
        ("one in every six homes", &[(1.0, "home"), (6.0, "home")]),
        ("1 in 4 adults", &[(1.0, "adult"), (4.0, "adult")]),
        // "in" before a year is when
        ("the 12 in 2023 were rebuilt", &[]),
        // a part of a counted whole
        (
            "12 of the 30 passengers were hurt",
            &[(12.0, "passenger"), (30.0, "passenger")],
        ),
        ("40 of his 60 goats died", &[(40.0, "goat"), (60.0, "goat")]),
        // the whole's owner between them
        (
            "Nine of the barge's 14 crates sank",
            &[(9.0, "crate"), (14.0, "crate")],
        ),
        // "of" before a year, or no number after it
        ("5 of the 2023 budget lines", &[]),
        ("a fine of 300 euros", &[(300.0, "eur")]),
    ]);
}

#[test]
fn a_bare_figure_counts_the_befallen_or_the_number_its_clause_names() {
    check_vu(&[
        // a fate verb before it, a count of deaths or injuries, "the number of" the dead
        ("the avalanche buried 30 and killed 11", &[(11.0, "person")]),
        ("injuries at the race reached 85", &[(85.0, "person")]),
        ("the number of wounded climbed to 26", &[(26.0, "person")]),
        // "the number of" anything, whatever the size and what follows
        (
            "the number of barges fell to 7 by Sunday",
            &[(7.0, "barge")],
        ),
        // a small bare figure with neither in its clause stays no count
        ("the total fell to 7 by Sunday", &[]),
        // a list after a count of the befallen takes its last item's unit
        (
            "injuries slowed the riders as they climbed 2 or 4 km a day",
            &[(2.0, "km"), (4.0, "km")],
        ),
        ("the fare jumped to 12 in May", &[]),
    ]);
}

#[test]
fn a_part_of_the_count_just_made_counts_its_noun() {
    check_vu(&[
        (
            "the crew sighted 47 whales, 39 of which were calves",
            &[(47.0, "whale"), (39.0, "whale")],
        ),
        (
            "of the 80 pilots, 12 of them were new",
            &[(80.0, "pilot"), (12.0, "pilot")],
        ),
        // no count before it: nothing to be part of
        ("12 of which were new", &[]),
    ]);
}

#[test]
fn a_number_that_names_a_thing_counts_nothing() {
    check_vu(&[
        // after a capitalised word inside the sentence: a designation
        ("The Velstar 9 crew landed after 12 days.", &[(12.0, "day")]),
        (
            "Users of Quillo 7 Classic lost 40 files.",
            &[(40.0, "file")],
        ),
        // glued to a word that is no unit: part of a name
        ("The forum 8chan lost 300 users.", &[(300.0, "user")]),
        // a unit glued on, and a number after a sentence's first word or a month, stay
        ("Crews ran 5km along the coast.", &[(5.0, "km")]),
        (
            "Oster 12 houses burned. Crews left on May 3.",
            &[(12.0, "house")],
        ),
    ]);
}
