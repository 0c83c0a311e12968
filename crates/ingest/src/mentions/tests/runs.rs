//! How whole runs read: bodies named after whom they gather or for their purpose, legal
//! forms, countries with a compass word or after "nation of", describing words, and
//! several capitalised words speaking.

use super::{found, found_with};
use crate::model::EntityKind;
use claimgraph_gazetteer::Gazetteer;

/// Each case: a sentence and every (name, kind) the runs of it give, in order.
fn check_runs(g: &Gazetteer, cases: &[(&str, &[(&str, EntityKind)])]) {
    for (text, want) in cases {
        let got = found_with(text, Some(g));
        let want: Vec<(String, EntityKind)> =
            want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_body_named_after_whom_it_gathers_is_one_organisation() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        // a place and a plural read as a person's names, after a body's head and "of"
        (
            "The Federation of Kenya Employers said wages would rise.",
            &[("Federation of Kenya Employers", EntityKind::Organization)],
        ),
        (
            "The Confederation of Norland Industry said wages would rise.",
            &[(
                "Confederation of Norland Industry",
                EntityKind::Organization,
            )],
        ),
        // a person after the body's full name, and a person with a role, stay people
        (
            "President of the Harbour Board Ana Ruiz said wages would rise.",
            &[
                ("Harbour Board", EntityKind::Organization),
                ("Ana Ruiz", EntityKind::Person),
            ],
        ),
        (
            "Ana Ruiz of the Harbour Board said wages would rise.",
            &[
                ("Ana Ruiz", EntityKind::Person),
                ("Harbour Board", EntityKind::Organization),
            ],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn a_body_named_for_its_purpose_is_one_name() {
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "The Committee to Protect Harbour Pilots said the arrests were unjust.",
            &[(
                "Committee to Protect Harbour Pilots",
                EntityKind::Organization,
            )],
        ),
        // "to" between two bodies, or before a single word, joins nothing
        (
            "Ana Ruiz moved from the Agency to Oster Police in May.",
            &[
                ("Ana Ruiz", EntityKind::Person),
                ("Agency", EntityKind::Organization),
                ("Oster Police", EntityKind::Organization),
            ],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, EntityKind)> =
            want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
        assert_eq!(found(text), want, "{text}");
    }
    for text in [
        "A letter from the Harbour Board to Ana Ruiz came in May.",
        "A letter from the Harbour Board to Mayor Ana Ruiz came in May.",
    ] {
        let names = found(text);
        assert!(
            names.contains(&("Harbour Board".to_string(), EntityKind::Organization)),
            "{text}: {names:?}"
        );
    }
}
#[test]
fn a_body_named_for_its_subject_with_on_is_one_name() {
    let org = EntityKind::Organization;
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "The Council on Harbour Safety said the pier was closed.",
            &[("Council on Harbour Safety", org)],
        ),
        // a portfolio's title word inside the subject is no person's title
        (
            "The Senate Committee on Foreign Relations said the deal was reviewed.",
            &[("Senate Committee on Foreign Relations", org)],
        ),
        // a day or a month after "on" is when, and a body's head word other than those
        // of [`ON_SUBJECT_HEADS`] takes no subject
        (
            "The Council on Monday said the pier was closed.",
            &[("Council", org)],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, EntityKind)> =
            want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
        assert_eq!(found(text), want, "{text}");
    }
    let text = "Velto Bank on Harbour Street said the pier was closed.";
    let names = found(text);
    assert!(
        names.contains(&("Velto Bank".to_string(), org)),
        "{text}: {names:?}"
    );
}

#[test]
fn a_country_after_nation_of_is_a_place_even_before_a_cue() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    for text in [
        "Officials in the island nation of Vanuatu said on Monday that roads were shut.",
        "Officials in the Andean country of Peru said that roads were shut.",
        "Roads in the nation of Vanuatu were shut on Monday.",
    ] {
        let f = found_with(text, Some(g));
        assert!(
            f.iter().any(|(_, k)| *k == EntityKind::Place),
            "{text}: {f:?}"
        );
    }
    // the name right before the cue, with no "of" phrase, speaks
    let f = found_with("Velto said on Monday that roads were shut.", Some(g));
    assert!(!f.iter().any(|(_, k)| *k == EntityKind::Place), "{f:?}");
}

#[test]
fn a_word_describing_the_place_named_after_of_is_no_place() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let places = |text: &str| -> Vec<String> {
        found_with(text, Some(g))
            .into_iter()
            .filter(|(_, k)| *k == EntityKind::Place)
            .map(|(n, _)| n)
            .collect()
    };
    for (text, want) in [
        (
            "Roads were shut in the Pacific nation of Tonga.",
            vec!["Tonga"],
        ),
        (
            "Roads were shut in the Caribbean island of Dominica.",
            vec!["Dominica"],
        ),
        // a country stays a place, and is no region with the word after it
        ("Storms hit the US state of Texas.", vec!["US", "Texas"]),
        // a region's own name keeps its region word
        (
            "Storms hit the Lviv region of Ukraine.",
            vec!["Lviv region", "Ukraine"],
        ),
    ] {
        assert_eq!(places(text), want, "{text}");
    }
}

#[test]
fn a_company_s_legal_form_abroad_makes_it_a_body() {
    for (text, name) in [
        (
            "German carmaker Velto AG said on Monday its profit fell.",
            "Velto AG",
        ),
        ("Arkam Oyj said its profit fell.", "Arkam Oyj"),
    ] {
        let f = found(text);
        assert!(
            f.contains(&(name.to_string(), EntityKind::Organization)),
            "{text}: {f:?}"
        );
    }
}

#[test]
fn a_kind_of_body_before_a_short_name_makes_it_a_body() {
    for (text, name, want) in [
        (
            "A probe built by the private firm Orbal Vane landed.",
            "Orbal Vane",
            Some(EntityKind::Organization),
        ),
        (
            "Shares in the carmaker Velto Motors fell.",
            "Velto Motors",
            Some(EntityKind::Organization),
        ),
        // a given name first: a person, not the firm's name
        (
            "The probe was built by the firm Ana Ruiz founded.",
            "Ana Ruiz",
            Some(EntityKind::Person),
        ),
    ] {
        let f = found(text);
        let got = f.iter().find(|(n, _)| n == name).map(|(_, k)| *k);
        assert_eq!(got, want, "{text}: {f:?}");
    }
}

#[test]
fn an_occupation_opening_the_sentence_is_no_part_of_the_name() {
    for (text, name) in [
        (
            "The grass is gone. Herder Jon Bray says his goats died.",
            "Jon Bray",
        ),
        (
            "The grass is gone. Nurse Ana Ruiz said the clinic was full.",
            "Ana Ruiz",
        ),
        // a given name that is also a noun stays in the name
        ("Guy Bray said the clinic was full.", "Guy Bray"),
    ] {
        let f = found(text);
        assert!(
            f.contains(&(name.to_string(), EntityKind::Person)),
            "{text}: {f:?}"
        );
    }
}
#[test]
fn a_country_named_with_a_compass_word_is_one_place() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    for (text, name) in [
        ("Talks with South Korea would resume.", "South Korea"),
        ("North Korea said it had fired a missile.", "North Korea"),
        (
            "The Republic of Korea said the talks would resume.",
            "Republic of Korea",
        ),
        // a region's compass part stays in its name
        ("Storms hit Southern Oregon on Monday.", "Southern Oregon"),
    ] {
        let f = found_with(text, Some(g));
        assert!(
            f.contains(&(name.to_string(), EntityKind::Place)),
            "{text}: {f:?}"
        );
    }
}

#[test]
fn and_inside_what_a_body_is_of_or_for_joins_one_name() {
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "The Centers for Harbour Safety and Prevention said cases rose.",
            &[(
                "Centers for Harbour Safety and Prevention",
                EntityKind::Organization,
            )],
        ),
        (
            "The Department of Ports and Coastal Services said cases rose.",
            &[(
                "Department of Ports and Coastal Services",
                EntityKind::Organization,
            )],
        ),
        // two bodies, each with its own head word or article, or a body and a person
        (
            "The Ministry of Ports and the Red Cross said cases rose.",
            &[
                ("Ministry of Ports", EntityKind::Organization),
                ("Red Cross", EntityKind::Organization),
            ],
        ),
        (
            "The Department of Ports and Department of Roads said cases rose.",
            &[
                ("Department of Ports", EntityKind::Organization),
                ("Department of Roads", EntityKind::Organization),
            ],
        ),
        (
            "The Board of Trade and Ana Ruiz said cases rose.",
            &[
                ("Board of Trade", EntityKind::Organization),
                ("Ana Ruiz", EntityKind::Person),
            ],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, EntityKind)> =
            want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
        assert_eq!(found(text), want, "{text}");
    }
}
#[test]
fn several_capitalised_words_before_a_cue_are_a_body_speaking() {
    for (text, want) in [
        (
            "Medics Without Frontiers said the clinic was full.",
            Some(("Medics Without Frontiers", EntityKind::Organization)),
        ),
        (
            "Officials met on Monday, and Harbour Pilots Abroad said the quay was shut.",
            Some(("Harbour Pilots Abroad", EntityKind::Organization)),
        ),
        // a title, or a kind of people alone, is no body
        ("Prime Minister said the quay was shut.", None),
        ("Doctors said the clinic was full.", None),
    ] {
        let f = found(text);
        let bodies: Vec<&(String, EntityKind)> = f
            .iter()
            .filter(|(_, k)| *k == EntityKind::Organization)
            .collect();
        match want {
            Some((name, kind)) => assert!(f.contains(&(name.to_string(), kind)), "{text}: {f:?}"),
            None => assert!(bodies.is_empty(), "{text}: {f:?}"),
        }
    }
}

#[test]
fn an_outlet_s_name_inside_a_body_s_name_is_the_body() {
    let f = found("The National Hurricane Center said the storm had weakened.");
    assert_eq!(
        f,
        [(
            "National Hurricane Center".to_string(),
            EntityKind::Organization
        )]
    );
    // a body's head word inside the name, not last ("Institute of …")
    let f = found("The National Institute of Harbour Safety said the storm had weakened.");
    assert_eq!(
        f,
        [(
            "National Institute of Harbour Safety".to_string(),
            EntityKind::Organization
        )]
    );
    let f = found("The National reported that the talks had stalled.");
    assert_eq!(f, [("The National".to_string(), EntityKind::Outlet)]);
}

#[test]
fn a_facility_or_a_storm_named_like_a_person_is_no_person() {
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        // a name that ends in a facility's noun is the facility
        (
            "Flights at Charlotte Douglas International Airport were cancelled.",
            &[("Charlotte Douglas International Airport", EntityKind::Place)],
        ),
        // a storm's name, there and later; a person of that given name stays one
        (
            "Hurricane Erin weakened overnight. Erin will reach land on Monday. \
             Erin Holt said she had left.",
            &[("Erin Holt", EntityKind::Person)],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, EntityKind)> =
            want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
        assert_eq!(found(text), want, "{text}");
    }
}

#[test]
fn a_persons_possessive_ends_the_run_before_a_body() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Prime Minister Ana Ruiz's Harbour Party won the vote.",
            &[
                ("Ana Ruiz", EntityKind::Person),
                ("Harbour Party", EntityKind::Organization),
            ],
        ),
        (
            "Ana Ruiz's Harbour Party won the vote.",
            &[
                ("Ana Ruiz", EntityKind::Person),
                ("Harbour Party", EntityKind::Organization),
            ],
        ),
        // a place's possessive before a body stays in its name
        (
            "The Vellmark's Water Board said pipes burst.",
            &[("Vellmark's Water Board", EntityKind::Organization)],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn a_particle_joined_to_a_surname_goes_on_the_name() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "The envoy, Karim Yusuf al-Masri, said the talks had failed.",
            &[("Karim Yusuf al-Masri", EntityKind::Person)],
        ),
        // the surname alone, later, is the same person
        (
            "Karim Yusuf al-Masri said the talks had failed. Masri left on Monday.",
            &[
                ("Karim Yusuf al-Masri", EntityKind::Person),
                ("Karim Yusuf al-Masri", EntityKind::Person),
            ],
        ),
        // a lower-case word with a hyphen is no particle
        (
            "Karim Yusuf said the well-known talks had failed.",
            &[("Karim Yusuf", EntityKind::Person)],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn words_between_two_title_words_are_part_of_the_title() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Chief Financial Officer Ana Ruiz said costs rose.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
        // a body before the title is a body of its own
        (
            "Harbour Board Secretary Ana Ruiz said costs rose.",
            &[
                ("Harbour Board", EntityKind::Organization),
                ("Ana Ruiz", EntityKind::Person),
            ],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn a_portfolio_in_ing_opening_a_sentence_belongs_to_the_title_after_it() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Housing Minister Ana Ruiz said rents rose.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
        (
            "Shipping Commissioner Ana Ruiz said rents rose.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
        // before a name, an opening participle is still no part of it
        (
            "Speaking on Monday, Ana Ruiz said rents rose.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn a_title_word_written_out_before_a_period_ends_the_run() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "The pier shut, said the Ministry of Defense. Another pier stayed open.",
            &[("Ministry of Defense", EntityKind::Organization)],
        ),
        // an abbreviated title keeps its period in the run
        (
            "Capt. Ana Ruiz said the pier shut.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn an_ed_word_opening_a_bodys_name_is_part_of_it() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Allied Harbour Services Inc said fares would rise.",
            &[("Allied Harbour Services Inc", EntityKind::Organization)],
        ),
        // before a person's title it is still no part of the name
        (
            "Embattled President Ana Ruiz said fares would rise.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn a_large_place_named_in_full_stays_a_place_whatever_given_name_opens_it() {
    super::check_kinds(&[
        (
            "Gusts hit Nova Scotia on Friday.",
            "Nova Scotia",
            Some(EntityKind::Place),
        ),
        (
            "HALIFAX, Nova Scotia — Gusts hit the coast.",
            "Nova Scotia",
            Some(EntityKind::Place),
        ),
        // a region's name of several words opens a body's name
        (
            "New Brunswick Power said the pier was safe.",
            "New Brunswick Power",
            Some(EntityKind::Organization),
        ),
        // a given name and a surname that name no place stay a person
        (
            "Georgia Lindqvist said the pier was safe.",
            "Georgia Lindqvist",
            Some(EntityKind::Person),
        ),
    ]);
}

#[test]
fn according_to_names_a_source_not_a_destination() {
    super::check_kinds(&[
        (
            "A man was hurt, according to the HVKA.",
            "HVKA",
            Some(EntityKind::Organization),
        ),
        // "to" after a verb of motion leads to a place
        (
            "The convoy went to the HVKA.",
            "HVKA",
            Some(EntityKind::Place),
        ),
        (
            "The convoy went to Velmora.",
            "Velmora",
            Some(EntityKind::Place),
        ),
    ]);
}

#[test]
fn an_outlet_of_the_table_spans_an_and() {
    // "The Globe and Mail" is one outlet; two names joined by "and" otherwise stay two
    let f = found("Tomas Orsa told The Globe and Mail on Monday that the pier was unsafe.");
    assert!(
        f.contains(&("Globe and Mail".to_string(), EntityKind::Outlet)),
        "{f:?}"
    );
    let f = found("Crews from Bergen and Tromsø cleared the pier.");
    assert_eq!(
        f,
        [
            ("Bergen".to_string(), EntityKind::Place),
            ("Tromsø".to_string(), EntityKind::Place)
        ]
    );
}

#[test]
fn a_person_of_an_outlet_is_named_before_it() {
    // "Ana Ruiz of Bloomberg": the person, and the outlet after "of", as a body after "of"
    for (text, outlet) in [
        (
            "Tomas Orsa of Bloomberg said the pier was unsafe.",
            "Bloomberg",
        ),
        (
            "Tomas Orsa of The Guardian said the pier was unsafe.",
            "The Guardian",
        ),
    ] {
        let f = found(text);
        assert_eq!(
            f,
            [
                ("Tomas Orsa".to_string(), EntityKind::Person),
                (outlet.to_string(), EntityKind::Outlet)
            ],
            "{text}"
        );
    }
}

#[test]
fn a_derived_adjective_opening_a_sentence_is_no_name() {
    // (text, name, kind): "Recent reports …" opens a description; a plain adjective that
    // is also a surname ("Young said") may be the name
    super::check_kinds(&[
        (
            "Recent reports have shown that the pier is unsafe.",
            "Recent",
            None,
        ),
        (
            "Unconfirmed accounts put the toll at nine.",
            "Unconfirmed",
            None,
        ),
        (
            "Young said the pier was unsafe.",
            "Young",
            Some(EntityKind::Person),
        ),
    ]);
}

#[test]
fn a_person_for_a_body_is_two_names() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        // who speaks for a body, with or without a head word in its name
        (
            "Nora Vance for the Harbour Safety Board says the rules will change.",
            &[
                ("Nora Vance", EntityKind::Person),
                ("Harbour Safety Board", EntityKind::Organization),
            ],
        ),
        (
            "Nora Vance for Food Standards Tarvik says the rules will change.",
            &[
                ("Nora Vance", EntityKind::Person),
                ("Food Standards Tarvik", EntityKind::Organization),
            ],
        ),
        // a comma may close the long name before the cue
        (
            "Nora Vance for Food Standards Tarvik, says the rules will change.",
            &[
                ("Nora Vance", EntityKind::Person),
                ("Food Standards Tarvik", EntityKind::Organization),
            ],
        ),
        // a body named "X for Y" stays whole, as does a site named after a person
        (
            "The Fund for Clean Rivers says the rules will change.",
            &[("Fund for Clean Rivers", EntityKind::Organization)],
        ),
        (
            "Fans filled Nora Vance Stadium for the final.",
            &[("Nora Vance Stadium", EntityKind::Place)],
        ),
    ];
    check_runs(g, cases);
}

#[test]
fn a_number_a_hyphen_joins_to_a_name_is_part_of_it() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Nora Vance told the broadcaster Kanal-5 that the rules will change.",
            &[
                ("Nora Vance", EntityKind::Person),
                ("Kanal-5", EntityKind::Outlet),
            ],
        ),
        // a number after a space is no part of the name
        (
            "Nora Vance told the broadcaster Kanal 5 times that the rules will change.",
            &[
                ("Nora Vance", EntityKind::Person),
                ("Kanal", EntityKind::Outlet),
            ],
        ),
    ];
    check_runs(g, cases);
}
