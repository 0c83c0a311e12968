//! Names that are no place, person nor body: vessels, craft and storms named after their
//! noun, the short forms of terms the article defines, and codes ("L2", "G7").

use super::found_with;
use crate::model::EntityKind;

#[test]
fn a_vessel_or_craft_named_after_a_place_is_not_the_place() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    let place = |text: &str| {
        found_with(text, Some(g))
            .iter()
            .any(|(n, k)| n == "Halifax" && *k == EntityKind::Place)
    };
    // named after its noun, and later alone
    assert!(!place(
        "The tanker Halifax left port on Monday. The crew of Halifax said the sea was calm."
    ));
    assert!(!place(
        "Engineers checked the rover Halifax before the launch."
    ));
    // the noun before another word, or no noun: the place
    assert!(place("The tanker left Halifax on Monday with a full load."));
    assert!(place("Flooding closed roads in Halifax on Monday."));
    // a travel guide's heading names no vessel: the paragraph after it opens with the place
    assert!(place(
        "Visitors to Halifax stay a week.\n\nBy ferry\n\nHalifax can be reached from the islands."
    ));
}

#[test]
fn an_acronym_defined_by_lower_case_words_is_a_term_not_a_name() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    // (text, a name, how many mentions bear it)
    let cases: &[(&str, &str, usize)] = &[
        // a term's initials, then the term after a preposition of place
        (
            "Readings of river water clarity (RWC) improved. The model separates the rain \
             effect from RWC in shallow bays.",
            "RWC",
            0,
        ),
        // hyphened words give a letter per part; the sentence's first word may be capitalised
        (
            "Heat-resistant coating (HRC) panels failed. Engineers blamed flakes from HRC.",
            "HRC",
            0,
        ),
        (
            "Cold storage and freight (CSF) costs rose. Crates from CSF were late.",
            "CSF",
            0,
        ),
        // a body's initials after its capitalised name stay the body
        (
            "The Harbour Safety Board (HSB) said ships from HSB ports were checked.",
            "Harbour Safety Board",
            3,
        ),
        // letters that are not the initials of the words before the bracket define nothing
        (
            "Prices of river water (QZX) rose. Crates came from QZX in the spring.",
            "QZX",
            2,
        ),
    ];
    for (text, name, want) in cases {
        let found = found_with(text, Some(g));
        let got = found.iter().filter(|(n, _)| n == name).count();
        assert_eq!(got, *want, "{text}: {found:?}");
    }
}

#[test]
fn a_capital_with_a_number_glued_on_is_a_code() {
    let g = claimgraph_gazetteer::embedded().expect("embedded gazetteer");
    for (text, want) in [
        ("Exposure to the L2 fell after the course.", vec![]),
        (
            "Ministers of the G7 met in Bergen.",
            vec![("Bergen".to_string(), EntityKind::Place)],
        ),
        // with a space, the letters are a name of their own
        (
            "He moved to the US in 1990.",
            vec![("US".to_string(), EntityKind::Place)],
        ),
    ] {
        assert_eq!(found_with(text, Some(g)), want, "{text}");
    }
}
