use std::sync::{Arc, LazyLock};

use crate::{ExtractOptions, Extractor, Gazetteer, PlaceType};

static EXTRACTOR: LazyLock<Option<Extractor>> = LazyLock::new(|| {
    Gazetteer::load()
        .ok()
        .map(|g| Extractor::with_gazetteer(Arc::new(g)))
});

/// (name, key, type) of every place mention.
fn places(text: &str) -> Vec<(String, String, PlaceType)> {
    let Some(x) = EXTRACTOR.as_ref() else {
        return Vec::new();
    };
    x.extract(text, &ExtractOptions::default())
        .mentions
        .into_iter()
        .filter_map(|m| m.place.map(|p| (m.name, p.key, p.place_type)))
        .collect()
}

#[test]
fn spellings_and_region_forms_share_one_key() {
    let p = places(
        "Floods reached the city of Lvov on Monday. Rain fell in the Lviv region and \
         in the Lvov region, and roads near Lviv closed.",
    );
    let keys = |t: PlaceType| {
        let mut k: Vec<&str> = p
            .iter()
            .filter(|x| x.2 == t)
            .map(|x| x.1.as_str())
            .collect();
        k.dedup();
        k
    };
    assert_eq!(keys(PlaceType::City), ["gn:702550"], "{p:?}");
    assert_eq!(keys(PlaceType::Region).len(), 1, "{p:?}");
    assert!(keys(PlaceType::Region)[0].starts_with("adm1:UA."));
}

#[test]
fn hyphenated_names_the_gazetteer_knows_are_places_and_deities_are_not() {
    let names = |text: &str| -> Vec<String> { places(text).into_iter().map(|p| p.0).collect() };
    assert_eq!(
        names("Aid reached Aix-en-Provence and Stratford-upon-Avon on Monday."),
        ["Aix-en-Provence", "Stratford-upon-Avon"]
    );
    assert!(names("She prayed to God every day in the chapel.").is_empty());
    // two names joined by a hyphen are no one place
    assert!(names("The Franco-German border talks resumed.").is_empty());
}

/// (key, the region key it may also mean) of the mentions written `name`.
fn readings(text: &str, name: &str) -> Vec<(String, Option<String>)> {
    let Some(x) = EXTRACTOR.as_ref() else {
        return Vec::new();
    };
    x.extract(text, &ExtractOptions::default())
        .mentions
        .into_iter()
        .filter(|m| m.span.slice(text) == Some(name))
        .filter_map(|m| m.place)
        .map(|p| (p.key, p.or_region.map(|r| r.key)))
        .collect()
}

#[test]
fn a_regional_capital_alone_is_what_the_article_says_it_is() {
    if EXTRACTOR.is_none() {
        return;
    }
    // Neither said: the city, with the region it may stand for.
    let r = readings("Crews worked near Poltava on Sunday.", "Poltava");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].0.starts_with("gn:"), "{r:?}");
    assert!(
        r[0].1.as_deref().is_some_and(|k| k.starts_with("adm1:UA.")),
        "{r:?}"
    );
    // The region named and no city word: every bare name is the region.
    let text = "Crews worked near Poltava on Sunday. Power failed across the Poltava region.";
    let r = readings(text, "Poltava");
    assert!(r[0].0.starts_with("adm1:UA.") && r[0].1.is_none(), "{r:?}");
    // A city word anywhere settles it as the city.
    for text in [
        "Crews worked near Poltava. The mayor of Poltava thanked them. The Poltava region \
         was dark.",
        "Crews worked in Poltava, Ukraine, on Sunday. The Poltava region was dark.",
        "Crews worked near Poltava, the largest city of the area. The Poltava region was dark.",
    ] {
        let r = readings(text, "Poltava");
        assert!(
            r[0].0.starts_with("gn:") && r[0].1.is_none(),
            "{text}: {r:?}"
        );
    }
    // A national capital's name is the city: no region reading.
    let r = readings("Crews worked near Kyiv on Sunday.", "Kyiv");
    assert!(r[0].0.starts_with("gn:") && r[0].1.is_none(), "{r:?}");
}

#[test]
fn the_article_country_picks_among_same_name_places() {
    // Several places are called Paris; with the United States named, an American one.
    let p = places("Storms hit the United States. Power failed in Paris, officials said.");
    let paris = p.iter().find(|x| x.0 == "Paris").map(|x| x.1.as_str());
    assert_ne!(paris, Some("gn:2988507"), "{p:?}");
    let p = places("Storms hit France overnight. Power failed in Paris, officials said.");
    let paris = p.iter().find(|x| x.0 == "Paris").map(|x| x.1.as_str());
    assert_eq!(paris, Some("gn:2988507"), "{p:?}");
}

/// Place names of each claim, in claim order.
fn claim_places(text: &str) -> Vec<Vec<String>> {
    let Some(x) = EXTRACTOR.as_ref() else {
        return Vec::new();
    };
    x.extract(text, &ExtractOptions::default())
        .claims
        .into_iter()
        .map(|c| c.places.into_iter().map(|p| p.name).collect())
        .collect()
}

/// (name, text) of every place mention.
fn place_words(text: &str) -> Vec<(String, String)> {
    let Some(x) = EXTRACTOR.as_ref() else {
        return Vec::new();
    };
    x.extract(text, &ExtractOptions::default())
        .mentions
        .into_iter()
        .filter(|m| m.kind == crate::EntityKind::Place)
        .map(|m| (m.name, m.span.slice(text).unwrap_or("").to_string()))
        .collect()
}

#[test]
fn small_places_in_a_named_country_need_no_context_word() {
    let text = "Floods swept across Poland this week. Rescue teams entered Zakopane on \
                Friday, and crowds gathered in front of the town hall of Sandomierz.";
    let p = places(text);
    let names: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
    assert!(names.contains(&"Zakopane"), "{p:?}");
    assert!(names.contains(&"Sandomierz"), "{p:?}");
    assert_eq!(
        claim_places(text).last().cloned().unwrap_or_default(),
        ["Zakopane", "Sandomierz"]
    );
    // Without the country named, a small town after a plain verb is not trusted.
    let p = places("Rescue teams entered Zakopane on Friday.");
    assert!(p.is_empty(), "{p:?}");
    // Read as a speaker, it is no place.
    let p = places("Floods swept across Poland. The dam will hold, Zakopane said on Friday.");
    assert!(p.iter().all(|x| x.0 != "Zakopane"), "{p:?}");
}

#[test]
fn descriptions_pick_a_place_of_their_sort() {
    // "the locality" is the village, not the capital named after it.
    let w = place_words(
        "Rescuers reached the village of Tarnobrzeg, one of the towns helped from \
         Warsaw, on Monday. Police arrived in the locality on Tuesday.",
    );
    let loc = w
        .iter()
        .find(|x| x.1 == "the locality")
        .map(|x| x.0.as_str());
    assert_eq!(loc, Some("Tarnobrzeg"), "{w:?}");
    // "this town located …" stands alone; "the area around it" is not a sea.
    let w = place_words(
        "Trains stopped at Gdynia, on the Baltic Sea. The area around it flooded. In this \
         town located on the coast, 300 homes lost power.",
    );
    let descs: Vec<&str> = w
        .iter()
        .filter(|x| x.1.starts_with("this") || x.1.starts_with("The area"))
        .map(|x| x.0.as_str())
        .collect();
    assert_eq!(descs, ["Gdynia", "Gdynia"], "{w:?}");
}

#[test]
fn a_capital_named_by_description_is_that_city() {
    // (text, what the description's mention is named, None: no mention)
    let cases = [
        // a demonym says whose capital
        (
            "Ferries to the Norwegian capital resumed on Friday.",
            "the Norwegian capital",
            Some("Oslo"),
        ),
        // a country's possessive says whose
        (
            "Peru's capital, which has 9 districts, stayed calm.",
            "Peru's capital",
            Some("Lima"),
        ),
        // alone: the capital the text named last, or its country's
        (
            "Storms raged in Lisbon. By noon the capital had no power.",
            "the capital",
            Some("Lisbon"),
        ),
        (
            "Storms hit Kenya. Trains to the capital stopped.",
            "the capital",
            Some("Nairobi"),
        ),
        (
            "Storms hit Kenya. Crowds filled the capital's parks.",
            "the capital's",
            Some("Nairobi"),
        ),
        // no country nearby: no guess
        (
            "Trains to the capital stopped at noon.",
            "the capital",
            None,
        ),
        // not a national capital, or no place at all
        (
            "Storms hit Kenya. The regional capital flooded.",
            "capital",
            None,
        ),
        (
            "Storms hit Kenya. Banks raised capital markets' hopes.",
            "capital",
            None,
        ),
        (
            "Storms hit Kenya. Nakuru is the capital of the county.",
            "the capital",
            None,
        ),
    ];
    for (text, words, want) in cases {
        let w = place_words(text);
        let got = w.iter().find(|x| x.1.contains(words)).map(|x| x.0.as_str());
        assert_eq!(got, want, "{text}: {w:?}");
    }
}

#[test]
fn two_places_dashed_before_border_name_the_border() {
    // (text, the words of a mention, the place it is named, None: no place mention)
    let cases = [
        (
            "Queues at the Chile–Peru border grew on Monday.",
            "Chile–Peru border",
            Some("Chile–Peru border"),
        ),
        // either order, one name
        (
            "Queues at the Peru-Chile border grew on Monday.",
            "Peru-Chile border",
            Some("Chile–Peru border"),
        ),
        // "the border" later is the border named
        (
            "Queues at the Peru-Chile border grew. Police said the border would reopen.",
            "the border",
            Some("Chile–Peru border"),
        ),
        // without a named border, "the border" is nobody's
        (
            "Police said the border would reopen on Friday.",
            "the border",
            None,
        ),
        // a compound of "border" is not the border
        (
            "Queues at the Peru-Chile border grew. The border guards left.",
            "The border",
            None,
        ),
    ];
    for (text, words, want) in cases {
        let w = place_words(text);
        let got = w.iter().find(|x| x.1 == words).map(|x| x.0.as_str());
        assert_eq!(got, want, "{text}: {w:?}");
    }
}

#[test]
fn it_is_the_place_when_a_place_predicate_follows() {
    let text = "Rebels besieged Mosul for weeks. It fell to the rebels on May 3, trapping \
                2,000 people.";
    assert_eq!(claim_places(text), [vec!["Mosul"], vec!["Mosul"]]);
    // "it fell to 4 percent" is a figure, not a place.
    let text = "Prices rose in Mosul in May. In June it fell to 4 percent.";
    assert_eq!(claim_places(text), [vec!["Mosul"], vec![] as Vec<&str>]);
}

#[test]
fn its_before_a_place_noun_and_city_centre_are_the_place() {
    let text =
        "Rebels held the town of Sandomierz for weeks. Officials said its liberation would take \
                2 days. Police said the city centre was calm.";
    assert_eq!(
        claim_places(text),
        [vec!["Sandomierz"], vec!["Sandomierz"], vec!["Sandomierz"]]
    );
    // "its capture of …" is something an army did, not the place.
    let w = place_words(
        "Rebels held the town of Sandomierz. The army said its capture of 3 hills helped.",
    );
    assert_eq!(w.len(), 1, "{w:?}");
}

#[test]
fn the_airport_or_port_alone_is_the_city_named_last() {
    let text = "Snow buried Trondheim on Monday. All flights out of the airport were \
                halted. The main port stayed shut for 2 days.";
    assert_eq!(
        claim_places(text),
        [vec!["Trondheim"], vec!["Trondheim"], vec!["Trondheim"]]
    );
    // "the port of X" names its own place; "the airport authority" is a body, not a place.
    let text = "Snow buried Trondheim on Monday. Ships left the port of Bergen. The \
                airport authority said 3 runways were closed.";
    assert_eq!(
        claim_places(text),
        [vec!["Trondheim"], vec!["Bergen"], vec![] as Vec<&str>]
    );
    // With no city named before, "the airport" is no place.
    let w = place_words("Flights out of the airport resumed after 4 hours.");
    assert!(w.is_empty(), "{w:?}");
    // an airport named just before is the one meant, not its city
    let text = "Snow buried Trondheim on Monday. Flights at Varnes Airport were halted. \
                The airport stayed shut for 2 days.";
    assert_eq!(
        claim_places(text),
        [
            vec!["Trondheim"],
            vec!["Varnes Airport"],
            vec!["Varnes Airport"]
        ]
    );
}

#[test]
fn a_continent_is_the_continent_not_a_town_of_that_old_name() {
    let p = places("Aid groups in Africa and South America sent 4 planes.");
    let got: Vec<(&str, &str)> = p.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        [("Africa", "gn:6255146"), ("South America", "gn:6255150")]
    );
}

#[test]
fn a_metropolis_outweighs_a_tiny_namesake_near_the_other_places() {
    // a small town lists "New York" among its names, near the state named beside it
    let p = places("Farmers in Wisconsin sold 3 tons of cheese. Traders in New York bought it.");
    let got: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(got, ["Wisconsin", "New York City"]);
}

#[test]
fn a_listed_state_outranks_a_smaller_town_of_its_name() {
    let p = places("Wildfires spread across Nevada and Florida on Monday.");
    let got: Vec<(&str, PlaceType)> = p.iter().map(|x| (x.0.as_str(), x.2)).collect();
    assert_eq!(
        got,
        [
            ("Nevada", PlaceType::Region),
            ("Florida", PlaceType::Region)
        ]
    );
    // The national capital keeps its name; a city of a state's name stays the city.
    for (text, want) in [
        ("Talks in Washington ended on Monday.", "Washington"),
        ("Rents rose in New York on Monday.", "New York City"),
    ] {
        let p = places(text);
        let got: Vec<(&str, PlaceType)> = p.iter().map(|x| (x.0.as_str(), x.2)).collect();
        assert_eq!(got, [(want, PlaceType::City)], "{text}");
    }
    // a state whose smaller capital also answers to its name stays the state, and the
    // capital written in full stays the city; a seat's other name is the seat, not the
    // region it heads
    for (text, want) in [
        (
            "Ships docked near Genova. Roads in Oklahoma City closed.",
            [
                ("Genoa", PlaceType::City),
                ("Oklahoma City", PlaceType::City),
            ],
        ),
        (
            "Storms hit northern Oklahoma. Roads in Oklahoma City closed.",
            [
                ("Oklahoma", PlaceType::Region),
                ("Oklahoma City", PlaceType::City),
            ],
        ),
        (
            "Roads in Oklahoma City closed as storms hit Oklahoma.",
            [
                ("Oklahoma City", PlaceType::City),
                ("Oklahoma", PlaceType::Region),
            ],
        ),
    ] {
        let p = places(text);
        let got: Vec<(&str, PlaceType)> = p.iter().map(|x| (x.0.as_str(), x.2)).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn regions_named_in_their_own_right_outside_the_us() {
    let p = places(
        "Storms flattened crops in Bavaria and in Punjab. Floods closed roads in \
         New South Wales. Rain is forecast in Victoria.",
    );
    let got: Vec<(&str, PlaceType)> = p.iter().map(|x| (x.0.as_str(), x.2)).collect();
    assert_eq!(
        got,
        [
            ("Bavaria", PlaceType::Region),
            ("Punjab", PlaceType::Region),
            ("New South Wales", PlaceType::Region),
            ("Victoria", PlaceType::Region)
        ]
    );
    // a region named after its city keeps the seat's naming; a capital by its main name
    // stays the capital
    for (text, want) in [
        (
            "Shelling hit the Lviv region on Monday.",
            ("Lviv region", PlaceType::Region),
        ),
        ("Prices rose in Lviv on Monday.", ("Lviv", PlaceType::City)),
        (
            "Talks in Victoria, Seychelles, ended.",
            ("Victoria", PlaceType::City),
        ),
    ] {
        let p = places(text);
        let got: Vec<(&str, PlaceType)> = p.iter().map(|x| (x.0.as_str(), x.2)).collect();
        assert_eq!(got.first(), Some(&want), "{text}");
    }
}

#[test]
fn an_old_name_of_a_small_place_is_no_evidence_alone() {
    // a village in the United States was once called Harmony
    let p = places("The United States said Harmony had finished its survey of the coast.");
    assert!(p.iter().all(|x| x.0 == "United States"), "{p:?}");
}

#[test]
fn a_numbered_road_is_no_place() {
    assert_eq!(
        claim_places("Winds pushed the fire toward Highway 29 and Route 9 near Napa on Friday."),
        [vec!["Napa"]]
    );
}

#[test]
fn a_city_in_a_match_report_is_its_team() {
    for text in [
        "Porto beat Braga 2-1 on Sunday.",
        "Braga have now won four of their last five games.",
        "The league leaders lost at home against Braga.",
        "Braga coach Ana Ruiz left 2 players out on Sunday.",
    ] {
        assert!(claim_places(text).iter().all(Vec::is_empty), "{text}");
    }
    // no match: the city is a place
    for text in [
        "Rain beat down on Braga for 2 hours on Sunday.",
        "Prices in Braga rose 2 percent.",
        "A coach from Braga said 2 passengers were hurt.",
    ] {
        assert_eq!(claim_places(text), [vec!["Braga"]], "{text}");
    }
}

#[test]
fn a_city_read_as_its_team_once_is_the_team_in_the_whole_report() {
    let text = "Porto beat Braga 2-1 on Sunday. Braga, the champions, have lost 3 times \
                since May. Ana Ruiz, the Braga coach, said 2 players were hurt. Porto \
                travel to Braga in June.";
    // after a preposition of place it is the city again
    assert_eq!(
        claim_places(text),
        [vec![], vec![], vec!["Braga"]],
        "{text}"
    );
    // a country's side is written as the country
    let p = places("Ana Ruiz, the Portugal coach, said 2 players were hurt.");
    assert!(p.iter().any(|x| x.0 == "Portugal"), "{p:?}");
}

#[test]
fn in_a_sports_report_a_city_with_a_teams_verb_is_its_team() {
    // the score is in another sentence: the report's, not the sentence's, makes it sport
    let text = "Porto beat Braga 2-1 on Sunday. Coimbra, who play Faro next week, are third \
                with 40 points.";
    let none: Vec<Vec<&str>> = vec![vec![]];
    assert_eq!(claim_places(text), none, "{text}");
    // a transfer: the club a player leaves, in a report on clubs, coaches and goals
    let text = "The club signed the striker from Coimbra for 5 million euros. The coach \
                said 12 goals in one season were enough.";
    assert_eq!(claim_places(text), [none[0].clone(), vec![]], "{text}");
    // with no sport in the article, the same words name places
    let text = "The family moved from Coimbra to Faro in 2010. Coimbra, who play host to \
                40 festivals a year, is busy.";
    assert_eq!(
        claim_places(text),
        [vec!["Coimbra", "Faro"], vec!["Coimbra"]],
        "{text}"
    );
}

#[test]
fn the_coast_of_an_island_is_a_place_without_a_gazetteer_entry() {
    for text in [
        "Storms hit the coast of Orvanesia, killing 5.",
        "Boats left the shores of Orvanesia with 80 people.",
    ] {
        assert_eq!(claim_places(text), [vec!["Orvanesia"]], "{text}");
    }
    // the office of a body is no place
    let text = "Storms hit the office of Orvanesia Shipping, killing 5.";
    assert_eq!(claim_places(text), [Vec::<&str>::new()], "{text}");
}

#[test]
fn an_acronym_no_table_knows_is_no_place_after_in() {
    let text = "Demand for chips used in AI data centres rose 40 percent.";
    assert_eq!(claim_places(text), [Vec::<&str>::new()], "{text}");
    let text = "Jobs in IT grew 4 percent in Vell.";
    assert_eq!(claim_places(text), [vec!["Vell"]], "{text}");
    // a country's acronym is known
    let text = "Prices in the UK rose 4 percent.";
    assert_eq!(claim_places(text), [vec!["United Kingdom"]], "{text}");
}

#[test]
fn the_region_of_x_is_the_region() {
    let p = places("Floods hit the region of Lviv and the Lviv region again.");
    let keys: Vec<(&str, PlaceType)> = p.iter().map(|x| (x.1.as_str(), x.2)).collect();
    assert_eq!(keys.len(), 2, "{p:?}");
    assert_eq!(keys[0], keys[1], "{p:?}");
    assert_eq!(keys[0].1, PlaceType::Region, "{p:?}");
}

#[test]
fn a_sentence_opening_in_x_is_the_scene_of_what_reporters_saw() {
    let text = "In Sandomierz, a market town of Poland, reporters saw 12 burnt cars. In \
                Warsaw, the minister said that 5 bridges were closed.";
    assert_eq!(
        claim_places(text),
        [vec!["Sandomierz"], vec![] as Vec<&str>],
        "where something was said is not what it is about"
    );
}

#[test]
fn capitals_acting_as_governments_are_not_what_a_claim_is_about() {
    let text = "Forces from Baghdad advanced 30 km towards Mosul on Monday. Shelling \
                continued in Baghdad, where 4 people died.";
    assert_eq!(claim_places(text), [vec!["Mosul"], vec!["Baghdad"]]);
    // a capital opening a clause before a modal acts; after "in" it is where
    for (text, want) in [
        (
            "Ferries left Oslo with 3 crews. The envoy said Oslo would reply within 3 days.",
            vec![vec!["Oslo"], vec![]],
        ),
        (
            "Ferries left Oslo with 3 crews. The envoy said talks in Oslo would resume \
             within 3 days.",
            vec![vec!["Oslo"], vec!["Oslo"]],
        ),
    ] {
        assert_eq!(claim_places(text), want, "{text}");
    }
}

#[test]
fn a_capital_after_a_verb_that_takes_a_place_is_the_city() {
    for (text, want) in [
        (
            "Ferries left Oslo on Monday as the strike ended.",
            vec!["Oslo"],
        ),
        ("Storms battered Lisbon for 3 days.", vec!["Lisbon"]),
        // a verb that takes an actor: the government
        ("The minister thanked Oslo for 3 ferries.", vec![]),
        // a name the gazetteer does not know as a large place is no place by the verb
        ("Ferries left Veltomar on Monday for 3 hours.", vec![]),
    ] {
        assert_eq!(claim_places(text), [want], "{text}");
    }
}

#[test]
fn a_region_whose_name_ends_in_a_body_word_is_the_region() {
    for (text, want) in [
        (
            "Aid trucks entered the West Bank on Monday with 3 tonnes of flour.",
            vec!["West Bank"],
        ),
        (
            "Aid trucks reached Gaza and the West Bank with 3 tonnes of flour.",
            vec!["Gaza", "West Bank"],
        ),
        // a body's name that is no region stays the body's
        ("The World Bank lent 3 billion dollars to the port.", vec![]),
    ] {
        assert_eq!(claim_places(text), [want], "{text}");
    }
}

#[test]
fn an_unknown_region_is_named_by_its_bare_name() {
    let p = places("Miners struck across the Velmora region on Monday.");
    assert!(p.is_empty(), "{p:?}");
    let w = place_words("Miners struck across the Velmora region on Monday.");
    assert_eq!(w.first().map(|x| x.0.as_str()), Some("Velmora"), "{w:?}");
}

#[test]
fn a_pass_named_after_a_town_is_that_town() {
    let p = places("Snow closed the Zakopane Pass, near the Polish border, on Sunday.");
    assert_eq!(
        p.first().map(|x| (x.1.as_str(), x.2)),
        Some(("gn:3080866", PlaceType::City)),
        "{p:?}"
    );
}

#[test]
fn capitals_and_common_words_need_context() {
    let p = places("Moscow said the talks failed. Reading the report took an hour of reading.");
    assert!(
        p.iter().all(|x| x.0 != "Moscow" && x.0 != "Reading"),
        "{p:?}"
    );
    let p = places("Engineers flew from Lagos to Rotterdam on Friday.");
    assert_eq!(p.len(), 2, "{p:?}");
    // what a place has makes a capital's possessive a place; its envoy does not
    let p = places("Oslo’s main airport stayed shut. Lisbon's envoy left.");
    let names: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(names, ["Oslo"], "{p:?}");
}

#[test]
fn a_place_knows_the_region_it_lies_in() {
    let Some(x) = EXTRACTOR.as_ref() else {
        return;
    };
    let text = "Snow closed roads near Poltava and in the Poltava region, and schools \
                shut in Lviv and across Ukraine.";
    let within: Vec<(String, Option<String>)> = x
        .extract(text, &ExtractOptions::default())
        .mentions
        .into_iter()
        .filter_map(|m| m.place.map(|p| (m.name, p.within)))
        .collect();
    let of = |name: &str| {
        within
            .iter()
            .find(|(n, _)| n.starts_with(name))
            .and_then(|(_, w)| w.clone())
    };
    assert!(
        of("Poltava").is_some_and(|k| k.starts_with("adm1:UA.")),
        "{within:?}"
    );
    // the town and the region named after it lie in one region; another city does not
    let regions: Vec<Option<String>> = within
        .iter()
        .filter(|(n, _)| n.starts_with("Poltava"))
        .map(|(_, w)| w.clone())
        .collect();
    assert!(
        regions.len() >= 2 && regions.iter().all(|r| *r == regions[0]),
        "{within:?}"
    );
    assert!(
        of("Lviv").is_some_and(|k| Some(&k) != regions[0].as_ref()),
        "{within:?}"
    );
    assert_eq!(
        of("Ukraine"),
        None,
        "a country lies in no region: {within:?}"
    );
}

#[test]
fn a_there_that_points_at_a_place_is_the_place_just_named() {
    // (text, the place each "there" stands for, in order; a "there" that names no place
    // has no mention)
    let cases: [(&str, &[&str]); 9] = [
        (
            "Barges reached Lyon at dawn. Crews unloaded grain there all day.",
            &["Lyon"],
        ),
        (
            "Tomas Vik runs a bakery in Bergen. Prices there doubled, he said.",
            &["Bergen"],
        ),
        (
            "The minister flew to Porto. There, she met the mayor.",
            &["Porto"],
        ),
        (
            "Ferries left Split. I was there when the last one sailed, he said.",
            &["Split"],
        ),
        // the existential "there", with or without an adverb before its verb
        (
            "Lyon flooded. There was no power and there have been no trains.",
            &[],
        ),
        (
            "Water reached Lyon. There still seem to be people on the roofs.",
            &[],
        ),
        // asking whether something exists
        ("Crews searched Lyon. Is there any hope, they asked.", &[]),
        // vague: no place
        (
            "Talks were held in Porto. Out there, nobody listens, she said.",
            &[],
        ),
        // nothing named before it
        ("Nobody goes there any more, the guide said.", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = place_words(text)
            .into_iter()
            .filter(|(_, surface)| surface.eq_ignore_ascii_case("there"))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_feature_word_that_opens_a_name_makes_it_a_place() {
    // (text, the place names read; a body whose name ends in its head word stays a body)
    let cases: [(&str, &[&str]); 7] = [
        (
            "Fishermen on Lake Orvik said the catch had fallen by half.",
            &["Lake Orvik"],
        ),
        (
            "Climbers on Mount Tarsk were rescued, police said.",
            &["Mount Tarsk"],
        ),
        (
            "The Lake Orvik Protection Association said the weed was spreading.",
            &[],
        ),
        // a feature word in lower case after the name, a glacier or a volcano too
        (
            "Crews measured the Tarsk glacier, officials said.",
            &["Tarsk glacier"],
        ),
        (
            "Ash fell from the Orvik volcano, officials said.",
            &["Orvik volcano"],
        ),
        // an abbreviation and its period inside the name
        (
            "Climbers on Mt. Orvik and tourists near St. Ives were rescued, police said.",
            &["Mt. Orvik", "St. Ives"],
        ),
        // a feature word that ends a name: a strip of land, heights, a plateau
        (
            "Shelling hit the Tarsk Strip and the Orvik Heights, officials said.",
            &["Tarsk Strip", "Orvik Heights"],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<String> = place_words(text)
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

/// Namesakes: which of the places called so the story means.
mod namesakes;
mod predicated;
