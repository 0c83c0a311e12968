//! Namesakes: distance to the story's other places, population and the home country
//! decide which place a name means.

use super::*;

#[test]
fn far_from_every_other_place_population_decides() {
    // (text, name, key): a namesake nearer to far-away places is no likelier for that
    let cases = [
        (
            "The envoy flew from Moscow to Beijing, then met ministers in Washington.",
            "Washington",
            "gn:4140963",
        ),
        (
            "Trade fell between Tokyo and Paris, and exporters in Washington complained.",
            "Washington",
            "gn:4140963",
        ),
        // near the other places, the nearer namesake still wins
        (
            "Storms hit Tuscaloosa and Birmingham on Monday.",
            "Birmingham",
            "gn:4049979",
        ),
    ];
    for (text, name, key) in cases {
        let p = places(text);
        let got = p.iter().find(|x| x.0 == name).map(|x| x.1.as_str());
        assert_eq!(got, Some(key), "{text}: {p:?}");
    }
}

#[test]
fn a_home_capital_outranks_namesakes_near_the_other_places() {
    // (text, name, key): a national capital, by its main name, of the country the
    // article's other places lie in is the capital, however near a namesake lies
    let cases = [
        // towns near these states share the name or once had it
        (
            "Growers in Ohio and Kentucky lost crops. Officials in Washington promised aid.",
            "Washington",
            "gn:4140963",
        ),
        (
            "WASHINGTON - A senator from West Virginia and one from Ohio met on Friday.",
            "Washington",
            "gn:4140963",
        ),
        // a capital alone bearing the name as its main one, with no home: the capital, and
        // the larger city whose other name it is keeps its own
        (
            "Talks in New Delhi ended on Monday.",
            "New Delhi",
            "gn:1261481",
        ),
        (
            "Traffic in Delhi was slow on Monday.",
            "Delhi",
            "gn:1273294",
        ),
        // another country's capital is no home capital: the nearer city stays
        (
            "Startups in Oakland and San Jose raised 40 million dollars.",
            "San Jose",
            "gn:5392171",
        ),
    ];
    for (text, name, key) in cases {
        let p = places(text);
        let got = p.iter().find(|x| x.0 == name).map(|x| x.1.as_str());
        assert_eq!(got, Some(key), "{text}: {p:?}");
    }
    // abroad the rule says nothing: a story set in England keeps an English Washington
    let text = "Buses ran late between Gateshead and Washington in England on Monday.";
    let p = places(text);
    let got = p.iter().find(|x| x.0 == "Washington").map(|x| x.1.as_str());
    assert!(got.is_some_and(|k| k != "gn:4140963"), "{text}: {p:?}");
}

#[test]
fn a_town_abroad_called_so_only_by_another_name_is_no_place_of_the_story() {
    let names = |text: &str| -> Vec<String> { places(text).into_iter().map(|p| p.0).collect() };
    // a district the gazetteer lacks, which a town on another continent has among its
    // other names: not that town
    assert_eq!(
        names("Police in Karachi said the shop in the Gulshan area had burned."),
        ["Karachi"]
    );
    // by its own name, or with no other place to weigh it against, the town stays
    assert_eq!(
        names("Police in Karachi said the road to Tabas had closed."),
        ["Karachi", "Tabas"]
    );
    assert_eq!(names("The shop in Gulshan had burned."), ["Tabas"]);
    // a short form of a city's own name is no other name: the city, however far
    assert_eq!(
        names("Police in Brussels said shares fell 2 percent in New York."),
        ["Brussels", "New York City"]
    );
}

#[test]
fn a_province_the_gazetteer_lacks_is_no_town_that_once_bore_its_name() {
    // a town of the same country lists the province's name among its old names
    let text = "Floods hit the Philippines on Monday. Rain fell across Cagayan province.";
    let p = places(text);
    assert!(!p.iter().any(|(_, key, _)| key == "gn:1721077"), "{p:?}");
    // still a place, by its own name
    let words = place_words(text);
    assert!(words.iter().any(|(name, _)| name == "Cagayan"), "{words:?}");
}

#[test]
fn a_place_s_own_name_outranks_a_smaller_place_s_other_name() {
    // (text, key): a town near the story's other places that was once called so
    // is no reading of the state that bears the name; a larger place called so by
    // another name still is one
    let cases = [
        (
            "Growers in Michigan and New Jersey lost crops to frost.",
            "adm1:US.NJ",
        ),
        (
            "Frost hit orchards near Kalamazoo, and growers in New Jersey were spared.",
            "adm1:US.NJ",
        ),
        ("Trains ran from Madras on Monday.", "gn:1264527"),
    ];
    for (text, key) in cases {
        let p = places(text);
        assert!(p.iter().any(|x| x.1 == key), "{text}: {p:?}");
    }
}

#[test]
fn a_name_unlike_a_town_s_own_is_that_town_only_when_large_or_near() {
    // (text, key, whether the key is found): a firm's or a ship's name that a town far
    // from the story once took is no place there; a city of millions keeps its old name
    let cases = [
        (
            "A letter from Google reached schools in Ohio.",
            "gn:4280539",
            false,
        ),
        (
            "The shuttle Columbia landed in Nevada.",
            "gn:5098095",
            false,
        ),
        (
            "Flights from Madras to Delhi were cancelled.",
            "gn:1264527",
            true,
        ),
    ];
    for (text, key, found) in cases {
        let p = places(text);
        assert_eq!(p.iter().any(|x| x.1 == key), found, "{text}: {p:?}");
    }
}
