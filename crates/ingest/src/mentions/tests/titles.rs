//! Titles and roles before a name: several words ending in "Officer", hyphened to
//! "elect" or "ex", and an affiliation between the title and the name.

use super::found;
use crate::model::EntityKind;

#[test]
fn titles_are_roles_not_names() {
    let f = found("Flood Commissioner Mara Velt said the dam held. Velt said more rain was due.");
    assert_eq!(f[0], ("Mara Velt".to_string(), EntityKind::Person));
    assert_eq!(f[1], ("Mara Velt".to_string(), EntityKind::Person));
    // a title of several words ends in "Officer"; an agency's, a court's and a company's
    // titles too ("Administrator" is no body's name, "CEO" no outlet's)
    for text in [
        "Velto's Chief Executive Officer Mara Velt said the dam held.",
        "The port's Chief Operating Officer Mara Velt said the dam held.",
        "Port Administrator Mara Velt inspected the dam.",
        "Chief Prosecutor Mara Velt inspected the dam.",
        "Velto CEO Mara Velt inspected the dam.",
    ] {
        let f = found(text);
        assert!(
            f.contains(&("Mara Velt".to_string(), EntityKind::Person)),
            "{text}: {f:?}"
        );
    }
    // a title hyphened to "elect" or "ex" is the title: no body "Mayor-elect"
    for text in [
        "Mayor-elect Mara Velt said the dam held.",
        "The ex-minister Mara Velt said the dam held.",
    ] {
        let f = found(text);
        assert_eq!(f, [("Mara Velt".to_string(), EntityKind::Person)], "{text}");
    }
}

#[test]
fn a_title_with_an_affiliation_names_only_the_person() {
    let cases = [
        (
            "Professor Arne Vik of the University of Oster spoke.",
            "Arne Vik",
        ),
        ("President of the Harbour Council Ivo Moe spoke.", "Ivo Moe"),
        (
            "Lead Investigator Ola Berg of the Tarn Institute spoke.",
            "Ola Berg",
        ),
        // the period of an abbreviated title
        ("The pier must close, said Mr. Hollis on Monday.", "Hollis"),
        ("Dr. Vik spoke first.", "Vik"),
        // a body after the title, no name: no person
        ("President of the Harbour Council spoke.", ""),
        // a portfolio inside a body's name is no title: no person "Affairs" or "Trade"
        ("The Ministry of Foreign Affairs of Norland spoke.", ""),
        ("The Ministry of Foreign Trade spoke.", ""),
        // but a title after "of" that follows a title still names the person after it
        ("Secretary of State Ana Ruiz spoke.", "Ana Ruiz"),
        // an occupation opening the sentence, and a given name of the list's rarer ones
        (
            "Geologist Ola Berg of the Tarn Institute spoke.",
            "Ola Berg",
        ),
        (
            "The survey was led by Anneli Sund of the Tarn Institute.",
            "Anneli Sund",
        ),
        // two name words with no given name before "of" are no person
        ("Grand Harbour of the Tarn Institute spoke.", ""),
        // unless no table knows them and a cue is next to them
        (
            "The pier is shut, said Velmo Tarsk of the Tarn Institute.",
            "Velmo Tarsk",
        ),
        (
            "Velmo Tarsk of the Tarn Institute said the pier was shut.",
            "Velmo Tarsk",
        ),
        (
            "Grand Harbour of the Tarn Institute said the pier was shut.",
            "",
        ),
    ];
    for (text, want) in cases {
        let people: Vec<String> = found(text)
            .into_iter()
            .filter(|x| x.1 == EntityKind::Person)
            .map(|x| x.0)
            .collect();
        let want: Vec<&str> = [want].into_iter().filter(|w| !w.is_empty()).collect();
        assert_eq!(people, want, "in {text:?}");
    }
    // the occupation is no name of its own
    let f = found("Economist Ola Berg of the Tarn Institute spoke.");
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn a_portfolio_word_before_a_title_is_no_body() {
    // one word before the title is the portfolio
    let f = found("Energy Minister Mara Velt said the dam held.");
    assert_eq!(f, [("Mara Velt".to_string(), EntityKind::Person)]);
    // a body's name of several words before the title is a mention of its own
    let f = found("Harbour Board Secretary Mara Velt said the dam held.");
    assert_eq!(
        f,
        [
            ("Harbour Board".to_string(), EntityKind::Organization),
            ("Mara Velt".to_string(), EntityKind::Person)
        ]
    );
}

#[test]
fn a_role_phrase_running_into_a_cue_is_a_subject_not_an_apposition() {
    // (text, name, whether it is a person): ", the head of the union said" after a name
    // is the subject of its own clause, so the name before the comma is none of its
    // people; closed by a comma or the sentence's end, the phrase describes the name
    let cases = [
        (
            "Prices rose at Velmart, the head of the union said on Monday.",
            "Velmart",
            false,
        ),
        (
            "Posts spread on Quillo, a spokesman for the council said.",
            "Quillo",
            false,
        ),
        (
            "Tomas Orsa, the head of the union, said prices rose.",
            "Tomas Orsa",
            true,
        ),
        (
            "Prices rose, said Tomas Orsa, the head of the union.",
            "Tomas Orsa",
            true,
        ),
    ];
    check_person(&cases);
}

#[test]
fn an_apposition_headed_by_a_role_describes_a_person_not_a_body() {
    // a body word after "of" is the complement of the role that heads the phrase; one
    // that heads it makes the name a body
    let cases = [
        (
            "Tomas Orsa, the head of the union, said prices rose.",
            "Tomas Orsa",
            true,
        ),
        (
            "Tomas Orsa, a lawyer for the company, said fees rose.",
            "Tomas Orsa",
            true,
        ),
        (
            "Velto, the maker of ferries, said sales fell.",
            "Velto",
            false,
        ),
        (
            "Kestrel, a Danish shipping group, said fees rose.",
            "Kestrel",
            false,
        ),
    ];
    check_person(&cases);
}

/// Each case: a text, a name in it and whether it is found as a person.
fn check_person(cases: &[(&str, &str, bool)]) {
    for &(text, name, person) in cases {
        let kind = super::kind_with_gazetteer(text, name);
        assert_eq!(
            kind == Some(EntityKind::Person),
            person,
            "{name} in {text}: {kind:?}"
        );
    }
}

#[test]
fn a_person_named_after_a_country_in_a_title_is_split_from_it() {
    // (text, name, kind): "Ambassador to Chile Ana Ruiz": the country closing the title
    // and the person's name are two names in one capitalised run
    super::check_kinds(&[
        (
            "Norland's Ambassador to Canada Ana Ruiz spoke on Monday.",
            "Ana Ruiz",
            Some(EntityKind::Person),
        ),
        (
            "Norland's Ambassador to Canada Ana Ruiz spoke on Monday.",
            "Canada",
            Some(EntityKind::Place),
        ),
        // a name that goes on past the country is no person
        (
            "Canada Steel Holdings cut jobs on Monday.",
            "Canada Steel Holdings",
            Some(EntityKind::Organization),
        ),
    ]);
}

#[test]
fn an_occupation_before_a_less_common_given_name_is_a_role() {
    let g = claimgraph_gazetteer::embedded();
    let person = |name: &str| (name.to_string(), EntityKind::Person);
    for (text, want) in [
        (
            "Novelist Ivo Brenner opened the fair. Brenner read for an hour.",
            vec![person("Ivo Brenner"), person("Ivo Brenner")],
        ),
        (
            "Goalkeeper Kenji Marlow saved twice. Marlow was named man of the match.",
            vec![person("Kenji Marlow"), person("Kenji Marlow")],
        ),
        // a rarer given name before more than a surname: the run is no person's name
        (
            "Pilot Sky Harbour Services cut 40 jobs.",
            vec![(
                "Pilot Sky Harbour Services".to_string(),
                EntityKind::Organization,
            )],
        ),
    ] {
        assert_eq!(super::found_with(text, g), want, "{text}");
    }
}

#[test]
fn a_regnal_number_closes_a_monarch_s_name() {
    let g = claimgraph_gazetteer::embedded();
    let person = |name: &str| (name.to_string(), EntityKind::Person);
    for (text, want) in [
        (
            "King Harald VII opened the bridge.",
            vec![person("Harald VII")],
        ),
        (
            "Queen Margit II visited the harbour in May.",
            vec![person("Margit II")],
        ),
        (
            "Pope Leo XIV said the talks helped.",
            vec![person("Leo XIV")],
        ),
        // no given name before the numeral, or the pronoun "I": no monarch
        ("World War II ended in 1945.", vec![]),
        (
            "Phase III trials began in Bergen.",
            vec![("Bergen".to_string(), EntityKind::Place)],
        ),
    ] {
        assert_eq!(super::found_with(text, g), want, "{text}");
    }
}
