//! Names that are no place, person nor body: vessels, craft and storms named after their
//! noun.

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
