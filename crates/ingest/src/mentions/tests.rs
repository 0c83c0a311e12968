use super::*;
use crate::sentences;
use crate::tagger::Gender;
use crate::text::Lexicon;

use super::registry::role_gender;

fn found(text: &str) -> Vec<(String, EntityKind)> {
    found_with(text, None)
}

/// (name, kind) of every labelled run, read with `gaz` or without a gazetteer.
fn found_with(text: &str, gaz: Option<&Gazetteer>) -> Vec<(String, EntityKind)> {
    let lex = Lexicon::new();
    let t = Tokens::new(text, &lex);
    let p = sentences::paragraphs(&t);
    let reg = build(&t, &p, gaz);
    reg.found.iter().map(|f| (f.name.clone(), f.kind)).collect()
}

/// `found`'s (name, kind) pairs, the names borrowed.
fn named(found: &[(String, EntityKind)]) -> Vec<(&str, EntityKind)> {
    found.iter().map(|(n, k)| (n.as_str(), *k)).collect()
}

/// The names `found` gives `kind`, in text order.
fn of_kind(found: &[(String, EntityKind)], kind: EntityKind) -> Vec<&str> {
    found
        .iter()
        .filter(|x| x.1 == kind)
        .map(|x| x.0.as_str())
        .collect()
}

#[test]
fn an_acronym_takes_the_name_the_article_spells_out() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let found = |text: &str| found_with(text, Some(g));
    let f = found("The Harbour Safety Board met. Crews from the HSB left on Monday.");
    let board = ("Harbour Safety Board".to_string(), EntityKind::Organization);
    assert_eq!(f, [board.clone(), board.clone()], "{f:?}");
    // other initials stay as written
    let f = found("The Harbour Safety Board met. Crews from the HSA left on Monday.");
    assert!(f.iter().any(|x| x.0 == "HSA"), "{f:?}");
    // an acronym speaking, with or without "the"
    for text in [
        "The Harbour Safety Board met. The HSB said 3 cranes failed.",
        "The Harbour Safety Board met. HSB reported that 3 cranes failed.",
    ] {
        assert_eq!(found(text), [board.clone(), board.clone()], "{text}");
    }
    let f = found("The HSA said 3 cranes failed.");
    assert_eq!(f, [("HSA".to_string(), EntityKind::Organization)]);
    // the acronym of a body named in words, wherever it stands; other capitals are no body
    let f = found("The Harbour Safety Board met. The HSB, led by a pilot, closed 3 berths.");
    assert_eq!(f, [board.clone(), board.clone()], "{f:?}");
    let f = found("The Harbour Safety Board met. The HSA, led by a pilot, closed 3 berths.");
    assert_eq!(f, std::slice::from_ref(&board), "{f:?}");
}

#[test]
fn a_party_affiliation_before_a_name_is_not_part_of_it() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let person = |name: &str| (name.to_string(), EntityKind::Person);
    for (text, want) in [
        (
            "Voters backed Democrat Nora Lindqvist on Monday. Lindqvist won 3 counties.",
            vec![person("Nora Lindqvist"), person("Nora Lindqvist")],
        ),
        (
            "Tory Adam Whitcombe lost his seat. Whitcombe said 2 recounts failed.",
            vec![person("Adam Whitcombe"), person("Adam Whitcombe")],
        ),
        // a nationality before a name is no body of its own
        (
            "Fans cheered Swedish Nora Lindqvist on Monday.",
            vec![person("Nora Lindqvist")],
        ),
    ] {
        assert_eq!(found_with(text, Some(g)), want, "{text}");
    }
    // a party's own name stays a body
    let f = found_with("The Labour Party said 4 seats changed hands.", Some(g));
    assert_eq!(f, [("Labour Party".to_string(), EntityKind::Organization)]);
}

#[test]
fn a_preposition_before_a_name_the_tagger_reads_as_an_event_is_no_place() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let place = |name: &str| (name.to_string(), EntityKind::Place);
    let f = found_with("Soldiers came home from the War in Velmora.", Some(g));
    assert_eq!(f, [place("Velmora")]);
    // an unknown name after a preposition is still a place
    let f = found_with("Crowds gathered in Velmora on Monday.", Some(g));
    assert_eq!(f, [place("Velmora")]);
}

#[test]
fn a_name_before_a_facility_noun_is_that_place() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let place = |name: &str| (name.to_string(), EntityKind::Place);
    let f = found_with(
        "He ran the grim Kessel Rock prison. A guard died at Kessel Rock in May.",
        Some(g),
    );
    assert_eq!(f, [place("Kessel Rock"), place("Kessel Rock")]);
    let f = found_with("Inspectors left its shut Varnok reactor complex.", Some(g));
    assert_eq!(f, [place("Varnok")]);
    let f = found_with("Trucks queued at the Dorvin crossing on Monday.", Some(g));
    assert_eq!(f, [place("Dorvin")]);
    // a body's plant stays the body; a facility word with a capital is a name's own
    let f = found_with("The Velto Company plant closed.", Some(g));
    assert!(f.iter().all(|x| x.1 != EntityKind::Place), "{f:?}");
    let f = found_with("Crowds met at Kessel Rock Prison on Monday.", Some(g));
    assert!(f.iter().all(|x| x.0 != "Kessel Rock"), "{f:?}");
    let f = found_with("Jailed Harbour Guard prison chief Ana Ruiz spoke.", Some(g));
    assert!(f.iter().all(|x| x.1 != EntityKind::Place), "{f:?}");
}

#[test]
fn gendered_titles_and_roles() {
    let cases = [
        ("Mrs", Some(Gender::Female)),
        ("spokeswoman", Some(Gender::Female)),
        ("Queen", Some(Gender::Female)),
        ("chairwoman", Some(Gender::Female)),
        ("mr", Some(Gender::Male)),
        ("Sir", Some(Gender::Male)),
        ("congressman", Some(Gender::Male)),
        ("police spokesman", Some(Gender::Male)),
        // no sex
        ("spokesperson", None),
        ("minister", None),
        ("dr", None),
        ("", None),
    ];
    for (role, want) in cases {
        assert_eq!(role_gender(role), want, "{role}");
    }
}

#[test]
fn a_name_that_acts_twice_and_is_never_a_location_is_no_city() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let places = |text: &str| -> Vec<String> {
        found_with(text, Some(g))
            .into_iter()
            .filter(|f| f.1 == EntityKind::Place)
            .map(|f| f.0)
            .collect()
    };
    // a probe named after a city: it acts, and is never where something happens
    let probe = "Boston has mapped the ice. On Monday, Boston quietly recorded a quake. \
                 Engineers said Boston sent its data on time.";
    assert!(places(probe).is_empty(), "{:?}", places(probe));
    let cases = [
        // described with a copula, and a city
        "Boston is a port. Boston was founded early. Boston is cold.",
        // acting, but also a location
        "Boston has voted. Boston decided to wait. Rain fell in Boston.",
        // a country acts as its government does, and stays a place
        "Norway has voted. Norway decided to wait. Norway signed the pact.",
        // what a place has is no act
        "Boston has a busy port. Boston has two old bridges. Boston has mild winters.",
    ];
    for text in cases {
        assert!(!places(text).is_empty(), "{text}");
    }
    // the text calls it a city, past a bracket and below a headline: a place wherever
    // it acts
    let called = [
        "Boston (pronounced BOSS-ton) is the region's largest city. Boston has \
         mapped its harbour. Boston has recorded a quake.",
        "Harbour News\n\nBoston is the region's largest city. Boston has mapped its \
         harbour. Boston has recorded a quake.",
    ];
    for text in called {
        assert_eq!(places(text), ["Boston", "Boston", "Boston"], "{text}");
    }
}

#[test]
fn an_occupation_after_a_copula_makes_a_person() {
    let cases = [
        (
            "Tova Brannick is a hydrologist at the Marlow Institute.",
            true,
        ),
        ("Milo Ferrant was the lead soil scientist there.", true),
        ("Ivo Moe is with the Harbour Board.", true),
        // a place or a thing described: no person
        ("Upper Tarn is a quiet harbour town.", false),
        ("Green Lake is the largest in the region.", false),
    ];
    for (text, person) in cases {
        let people = found(text)
            .into_iter()
            .filter(|x| x.1 == EntityKind::Person)
            .count();
        assert_eq!(people > 0, person, "in {text:?}");
    }
}

#[test]
fn role_before_and_apposition_teach_people() {
    let f =
        found("Water board spokesman Piet Oster spoke. Anna Rijk, adviser to the mayor, agreed.");
    assert!(f.contains(&("Piet Oster".to_string(), EntityKind::Person)));
    assert!(f.contains(&("Anna Rijk".to_string(), EntityKind::Person)));
}

#[test]
fn a_compass_word_before_a_place_names_a_region() {
    let cases = [
        (
            "Storms hit towns in Northern Tarnland overnight.",
            vec!["Northern Tarnland"],
        ),
        (
            "Rain fell in North Vellmark and in Calvry.",
            vec!["North Vellmark", "Calvry"],
        ),
        // a compass word alone, or before a people, is no region
        ("North of Calvry, the road closed.", vec!["Calvry"]),
    ];
    for (text, want) in cases {
        let places: Vec<String> = found(text)
            .into_iter()
            .filter(|x| x.1 == EntityKind::Place)
            .map(|x| x.0)
            .collect();
        assert_eq!(places, want, "in {text:?}");
    }
}

#[test]
fn a_compass_region_of_a_large_place_needs_no_preposition() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let places = |text: &str| -> Vec<String> {
        found_with(text, Some(g))
            .into_iter()
            .filter(|x| x.1 == EntityKind::Place)
            .map(|x| x.0)
            .collect()
    };
    let cases = [
        ("Officials said Oregon had no rain.", vec!["Oregon"]),
        (
            "Officials said Southern Oregon had no rain.",
            vec!["Southern Oregon"],
        ),
        ("North Texas lost half its cattle.", vec!["North Texas"]),
        // negatives: a compass word before a people or an unknown name
        ("Officials said Western farmers had no rain.", vec![]),
        ("Officials said Southern Tarnland had no rain.", vec![]),
    ];
    for (text, want) in cases {
        assert_eq!(places(text), want, "in {text:?}");
    }
}

#[test]
fn an_ampersand_joins_one_name() {
    let f = found("Velto Power & Light said crews were on their way.");
    assert_eq!(
        f.first().map(|x| x.0.as_str()),
        Some("Velto Power & Light"),
        "{f:?}"
    );
}

#[test]
fn a_plural_possessive_stays_inside_a_body_name() {
    // (text, first name found): the apostrophe of "Growers'" is no closing quotation mark
    // inside a body's name; before a name that is no body, or after a lower-case word, it
    // ends the run
    let cases = [
        (
            "The Fruit Growers' Union said prices fell.",
            "Fruit Growers' Union",
        ),
        (
            "The Dock Workers’ Association said pay fell.",
            "Dock Workers’ Association",
        ),
        ("The Hendersons' Rob Lane said prices fell.", "Rob Lane"),
        ("The growers' Fruit Union said prices fell.", "Fruit Union"),
    ];
    for (text, want) in cases {
        let f = found(text);
        assert_eq!(f.first().map(|x| x.0.as_str()), Some(want), "{text}: {f:?}");
    }
}

#[test]
fn a_person_of_a_body_is_two_names() {
    let f = found("“We need boats,” said Maria Lund of the Harbour Safety Board in Vell.");
    let names: Vec<(&str, EntityKind)> = f.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert!(names.contains(&("Maria Lund", EntityKind::Person)), "{f:?}");
    assert!(
        names.contains(&("Harbour Safety Board", EntityKind::Organization)),
        "{f:?}"
    );
    // a body named "X of Y" stays whole
    let f = found("The Bank of Vell said rates would rise.");
    assert_eq!(
        f.first().map(|x| x.0.as_str()),
        Some("Bank of Vell"),
        "{f:?}"
    );
}

#[test]
fn a_country_adjective_names_a_people_but_stays_in_a_country_name() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let f = found_with(
        "Ghanaian fishermen sailed from the Dominican Republic to Tema.",
        Some(g),
    );
    let names: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
    assert!(names.contains(&"Dominican Republic"), "{f:?}");
    assert!(!names.iter().any(|n| n.contains("Ghanaian")), "{f:?}");
    // a region's own name too; the adjective alone before another place is stripped
    let f = found_with(
        "Loggers left British Columbia on Monday. British Leeds fans cheered.",
        Some(g),
    );
    let names: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
    assert!(names.contains(&"British Columbia"), "{f:?}");
    assert!(!names.iter().any(|n| n.contains("British Leeds")), "{f:?}");
}

#[test]
fn places_from_prepositions_regions_and_lists() {
    let f = found("Rain fell near Dunmore and Calvry, in the Westvale region. Dunmore flooded.");
    let places = of_kind(&f, EntityKind::Place);
    assert_eq!(places, ["Dunmore", "Calvry", "Westvale region", "Dunmore"]);
}

#[test]
fn a_sentence_opening_place_of_noun_is_the_cue_of_the_name_after_it() {
    // (text, name, kind): "Residents of X" opening a sentence is a cue, as mid-sentence;
    // an office ("Mayor of X") and a body ("Bank of X") keep their own reading
    check_kinds(&[
        (
            "Residents of Alfreton voted on Tuesday.",
            "Alfreton",
            Some(EntityKind::Place),
        ),
        (
            "Inhabitants of Alfreton voted on Tuesday.",
            "Alfreton",
            Some(EntityKind::Place),
        ),
        (
            "Some residents of Alfreton voted on Tuesday.",
            "Alfreton",
            Some(EntityKind::Place),
        ),
        (
            "Residents of Alfreton voted on Tuesday.",
            "Residents of Alfreton",
            None,
        ),
        ("Bank of Alfreton staff voted on Tuesday.", "Alfreton", None),
    ]);
}

#[test]
fn a_town_followed_by_its_country_or_region_is_a_place() {
    // (text, name, kind): a town the gazetteer places in the country or region named
    // after its comma is a place at any size; a person's name before a country is not
    check_kinds(&[
        (
            "Tralee, Ireland, was flooded on Monday.",
            "Tralee",
            Some(EntityKind::Place),
        ),
        (
            "Alfreton, England, was flooded on Monday.",
            "Alfreton",
            Some(EntityKind::Place),
        ),
        ("Tralee was flooded on Monday.", "Tralee", None),
        ("Tralee, Norway, was flooded on Monday.", "Tralee", None),
        (
            "Maria Lopez, Ireland's coach, was hurt.",
            "Maria Lopez",
            Some(EntityKind::Person),
        ),
    ]);
}

#[test]
fn two_towns_of_one_country_side_by_side_are_places() {
    // (text, name, kind): towns too small to need no context are places when joined to a
    // town of the same country; given names joined are people, not towns
    check_kinds(&[
        (
            "The storm hit Tralee and Listowel on Monday.",
            "Tralee",
            Some(EntityKind::Place),
        ),
        (
            "The storm hit Tralee and Listowel on Monday.",
            "Listowel",
            Some(EntityKind::Place),
        ),
        ("The storm hit Tralee on Monday.", "Tralee", None),
        (
            "The storm hit Tralee and Alfreton on Monday.",
            "Tralee",
            None,
        ),
    ]);
}

/// The kind given to `name` in `text`, read with the gazetteer.
fn kind_with_gazetteer(text: &str, name: &str) -> Option<EntityKind> {
    let gaz = Gazetteer::load().ok();
    let lex = Lexicon::new();
    let t = Tokens::new(text, &lex);
    let p = sentences::paragraphs(&t);
    let reg = build(&t, &p, gaz.as_ref());
    reg.found.iter().find(|f| f.name == name).map(|f| f.kind)
}

/// Each case: a text, a name in it and the kind it must be found as, with the gazetteer.
fn check_kinds(cases: &[(&str, &str, Option<EntityKind>)]) {
    for (text, name, want) in cases {
        assert_eq!(kind_with_gazetteer(text, name), *want, "{name} in {text}");
    }
}

#[test]
fn tagger_reads_given_names_after_place_lists_as_people() {
    // (text, name, kind): a name after a list of places is a person when the tagger
    // reads it so; the places of the list stay places.
    let cases = [
        (
            "Crews worked in Bergen, Trondheim and Tromsø, Ingrid Solberg told the board.",
            "Ingrid Solberg",
            Some(EntityKind::Person),
        ),
        (
            "Crews worked in Bergen, Trondheim and Tromsø, Ingrid Solberg told the board.",
            "Trondheim",
            Some(EntityKind::Place),
        ),
        (
            "Voters in Cork, Galway and Sligo backed the plan, and Declan Moriarty welcomed it.",
            "Declan Moriarty",
            Some(EntityKind::Person),
        ),
        (
            "Voters in Cork, Galway and Sligo backed the plan, and Declan Moriarty welcomed it.",
            "Galway",
            Some(EntityKind::Place),
        ),
    ];
    check_kinds(&cases);
}

#[test]
fn a_given_name_and_a_surname_after_a_preposition_of_place_are_a_person() {
    let cases = [
        (
            "The letter from Anna Brand said the pier had cracked.",
            "Anna Brand",
            Some(EntityKind::Person),
        ),
        // a place the gazetteer knows by its whole name stays one
        (
            "Rescuers flew from Victoria Falls to Lusaka on Monday.",
            "Victoria Falls",
            Some(EntityKind::Place),
        ),
        // people take no article: "the Iris Garden" is no one
        (
            "The crew was honoured at a ceremony in the Iris Garden.",
            "Iris Garden",
            Some(EntityKind::Place),
        ),
    ];
    check_kinds(&cases);
}

#[test]
fn a_name_the_sentence_goes_on_from_is_no_list_item() {
    let cases = [
        ("In Dunmore, Calvry, Ellis Mark Tobin gave his reasons.", 2),
        (
            "Rain fell in Dunmore, Calvry and Westmoor Heath overnight.",
            3,
        ),
        ("Rain fell in Dunmore, Calvry, Westmoor Heath.", 3),
    ];
    for (text, n) in cases {
        let places = found(text)
            .iter()
            .filter(|x| x.1 == EntityKind::Place)
            .count();
        assert_eq!(places, n, "in {text:?}");
    }
}

#[test]
fn outlets_and_orgs() {
    let f = found("The Water Ministry told Reuters that the Daily Clarion was wrong.");
    assert!(f.contains(&("Water Ministry".to_string(), EntityKind::Organization)));
    assert!(f.contains(&("Reuters".to_string(), EntityKind::Outlet)));
    assert!(f.contains(&("Daily Clarion".to_string(), EntityKind::Outlet)));
}

#[test]
fn companies_are_known_by_the_word_their_names_end_in() {
    for (text, name) in [
        ("Velto Motors is recalling its vans.", "Velto Motors"),
        ("Shares in Arkam Holdings rose on Monday.", "Arkam Holdings"),
        ("Passengers of Nordair Airlines waited.", "Nordair Airlines"),
        // a head word before "of" keeps the whole name
        ("Ministry of Ports officials waited.", "Ministry of Ports"),
    ] {
        let f = found(text);
        assert!(
            f.contains(&(name.to_string(), EntityKind::Organization)),
            "{text}: {f:?}"
        );
    }
    // a plural that ends no name stays out
    let f = found("Velto makes motors for boats.");
    assert!(!f.iter().any(|x| x.0.contains("motors")), "{f:?}");
}

#[test]
fn a_kind_of_body_opening_a_headline_is_no_name() {
    let f = found("Carmaker recalls 40,000 vans\nVelto Motors is recalling 40,000 vans.");
    assert!(!f.iter().any(|x| x.0 == "Carmaker"), "{f:?}");
    let f = found("Airline says fares will rise\nNordair Airlines raised its fares.");
    assert!(!f.iter().any(|x| x.0 == "Airline"), "{f:?}");
    // a name alone before a cue still speaks
    let f = found("Velmar says the border stays open.");
    assert!(f.iter().any(|x| x.0 == "Velmar"), "{f:?}");
}

#[test]
fn demonyms_and_months_are_not_places() {
    let f = found("Help came from Dutch engineers in March.");
    assert!(f.iter().all(|x| x.1 != EntityKind::Place));
}

#[test]
fn role_description_resolves_by_context() {
    let lex = Lexicon::new();
    let text = "Harbour Council Secretary Ilse Brandt spoke. Treasury Secretary Tom Hale left.";
    let t = Tokens::new(text, &lex);
    let reg = build(&t, &sentences::paragraphs(&t), None);
    let p = reg.person_for_role(
        "secretary",
        &["harbour".to_string(), "council".to_string()],
        0,
    );
    assert_eq!(p.map(|p| p.name.as_str()), Some("Ilse Brandt"));
}

#[test]
fn a_place_before_a_trailing_cue_is_not_the_body_that_speaks() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let kind_of = |text: &str, name: &str| {
        found_with(text, Some(g))
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, k)| k)
    };
    // "the company said," after a place is an attribution, not an apposition
    assert_eq!(
        kind_of(
            "Fares rose 5% in Norway, the company said, citing fuel costs.",
            "Norway"
        ),
        Some(EntityKind::Place)
    );
    // an apposition that is a noun phrase still describes the body before it
    assert_eq!(
        kind_of(
            "Halvik, the shipping company, said fares would rise.",
            "Halvik"
        ),
        Some(EntityKind::Organization)
    );
}

#[test]
fn an_outlet_named_before_its_kind() {
    let kinds = |text: &str| found(text);
    for (text, name) in [
        (
            "Ana Ruiz told the Ekko news agency the talks had failed.",
            "Ekko",
        ),
        (
            "The Vell Courant newspaper reported the fire.",
            "Vell Courant",
        ),
        // a listener right after "told", without "the"
        ("Ana Ruiz told Ekko radio the talks had failed.", "Ekko"),
        // after "on" or "with", the kind closing the phrase
        (
            "Speaking on Ekko radio, Ana Ruiz said the talks had failed.",
            "Ekko",
        ),
        (
            "In an interview with Ekko television, Ana Ruiz said the talks had failed.",
            "Ekko",
        ),
        // before the cue that makes it speak, without "the"
        (
            "The ferries stopped for a day, Ekko news agency reported.",
            "Ekko",
        ),
        // a journal named after its kind is a publication, not a place
        (
            "The findings, published in the journal Coastal Letters, showed that 30 percent \
             of the dunes had eroded.",
            "Coastal Letters",
        ),
    ] {
        let f = kinds(text);
        assert!(
            f.contains(&(name.to_string(), EntityKind::Outlet)),
            "{text}: {f:?}"
        );
    }
    // the kind before another name: that name is the outlet, not the one before
    let f = kinds("The Vell daily Ekko reported the fire.");
    assert!(
        f.contains(&("Ekko".to_string(), EntityKind::Outlet)),
        "{f:?}"
    );
    assert!(
        !f.contains(&("Vell".to_string(), EntityKind::Outlet)),
        "{f:?}"
    );
    // a kind that goes on into a noun phrase: the name is what the stations are in
    let f = kinds("Drones fell on Ekko radio stations on Monday.");
    assert!(
        !f.contains(&("Ekko".to_string(), EntityKind::Outlet)),
        "{f:?}"
    );
    // before a cue, a word capitalised only because it opens the sentence is no name
    for (text, word) in [
        (
            "Local radio reported that the ferries had stopped.",
            "Local",
        ),
        ("State television said the ferries had stopped.", "State"),
        ("National radio said the ferries had stopped.", "National"),
    ] {
        let f = kinds(text);
        assert!(!f.iter().any(|(name, _)| name == word), "{text}: {f:?}");
    }
}

#[test]
fn a_group_of_people_opening_a_sentence_is_no_name() {
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        ("Commuters said the line was slow.", &[]),
        ("Fishermen in Vell said the nets were empty.", &[]),
        ("Estimates suggest the nets were empty.", &[]),
        // a name of its own, and a word the article capitalises inside a sentence
        (
            "Commuters Union said the line was slow.",
            &[("Commuters Union", EntityKind::Organization)],
        ),
        (
            "Wanderers said the pitch was wet. The club beat Wanderers in May.",
            &[("Wanderers", EntityKind::Organization)],
        ),
    ];
    for (text, want) in cases {
        let f = found(text);
        let names: Vec<(&str, EntityKind)> = f
            .iter()
            .filter(|x| x.1 != EntityKind::Place)
            .map(|x| (x.0.as_str(), x.1))
            .take(1)
            .collect();
        assert_eq!(names, *want, "in {text:?}: {f:?}");
    }
}

#[test]
fn a_compass_word_opening_a_body_name_stays_in_it() {
    let cases: &[(&str, &str)] = &[
        ("The Central Bank said rates would rise.", "Central Bank"),
        (
            "The Central Election Commission of Norland said turnout was low.",
            "Central Election Commission of Norland",
        ),
        (
            "Northern Harbour Authority staff met on Monday.",
            "Northern Harbour Authority",
        ),
    ];
    for (text, want) in cases {
        let f = found(text);
        let bodies = of_kind(&f, EntityKind::Organization);
        assert_eq!(bodies, [*want], "in {text:?}: {f:?}");
    }
    // before a place it still names a region, and alone it is no name
    let f = found("Rain fell in central Vell and in Central Norland on Monday.");
    assert!(f.iter().all(|x| x.1 != EntityKind::Organization), "{f:?}");
}

#[test]
fn a_body_and_the_person_or_role_after_it_are_apart() {
    // (text, the names found, in order, with their kinds)
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Jon Bray, the Harbour Board Spokesperson, spoke.",
            &[
                ("Jon Bray", EntityKind::Person),
                ("Harbour Board", EntityKind::Organization),
            ],
        ),
        (
            "The Harbour Board Chairman spoke.",
            &[("Harbour Board", EntityKind::Organization)],
        ),
        (
            "Envoy to the Harbour Board Jon Bray spoke.",
            &[
                ("Harbour Board", EntityKind::Organization),
                ("Jon Bray", EntityKind::Person),
            ],
        ),
        // a body named after a person, and a portfolio after "of", stay in the name
        (
            "The Jon Bray Foundation spoke.",
            &[("Jon Bray Foundation", EntityKind::Organization)],
        ),
        (
            "The Norland Ministry of Defense spoke.",
            &[("Norland Ministry of Defense", EntityKind::Organization)],
        ),
    ];
    for (text, want) in cases {
        let f = found(text);
        let got: Vec<(&str, EntityKind)> = f.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(got, *want, "in {text:?}");
    }
}

mod names;
mod runs;
mod things;
mod titles;

#[test]
fn an_outlet_that_is_a_title_word_before_a_title_is_the_title() {
    let f = found("Former Vice President Ana Ruiz said the count was slow.");
    assert!(
        f.contains(&("Ana Ruiz".to_string(), EntityKind::Person)),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|(_, kind)| *kind == EntityKind::Outlet),
        "{f:?}"
    );
    // the outlet alone is still one
    let f = found("The video was first published by Vice on Monday.");
    assert!(
        f.contains(&("Vice".to_string(), EntityKind::Outlet)),
        "{f:?}"
    );
}

#[test]
fn a_nationality_places_the_towns_of_its_country() {
    check_kinds(&[
        // the country named only by its people's adjective
        (
            "Norwegian police entered Kongsberg on Saturday.",
            "Kongsberg",
            Some(EntityKind::Place),
        ),
        // a small place named like a surname needs more than a common nationality
        (
            "American officials met Williams on Friday.",
            "Williams",
            None,
        ),
    ]);
}
