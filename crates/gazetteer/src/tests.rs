use super::*;
use std::collections::HashMap;

const SAMPLE: &str = "C\tNL\tNetherlands\tAmsterdam\t17000000\t2750405
C\tUS\tUnited States\tWashington\t327000000\t6252001
S\tUS\tVT\tVermont\t5242283
A\tNL\t04\tNoordmark
P\t1\tZuidhaven\t52.0000\t4.0000\tNL\t11\t90000\tZuid-Haven|Suidhaven
P\t2\tZuidhaven\t53.0000\t6.0000\tNL\t04\t1200\t
P\t3\tGroothorst\t53.1000\t6.1000\tNL\t04\t40000\tGroot Horst
P\t5\tAmsterdam\t52.3700\t4.8900\tNL\t07\t741636\t
P\t4\tBarre\t44.2000\t-72.5000\tUS\tVT\t8000\t
";

fn sample() -> Gazetteer {
    Gazetteer::parse(SAMPLE).expect("sample parses")
}

#[test]
fn lookup_by_any_folded_name_most_populous_first() {
    let g = sample();
    let ids = g.lookup(&fold("Zuidhaven"));
    let pop: Vec<u32> = ids.iter().map(|&i| g.place(i).population).collect();
    assert_eq!(pop, [90000, 1200]);
    assert_eq!(g.lookup("zuid haven").len(), 1);
    assert_eq!(g.lookup("groot horst").len(), 1);
    assert!(g.lookup("nowhere").is_empty());
}

#[test]
fn regions_are_named_after_their_largest_place_or_the_state_list() {
    let g = sample();
    let r = g.regions_named("groothorst");
    assert_eq!(r.len(), 1);
    let reg = g.region(r[0]);
    assert_eq!((&*reg.admin1, reg.country.as_str()), ("04", "NL"));
    assert!((reg.lat - 53.05).abs() < 1e-3);
    // The small Zuidhaven is not the seat of region 04, the large one is of 11.
    assert_eq!(g.regions_named("zuidhaven").len(), 1);
    let vt = g.regions_named("vermont");
    assert_eq!(g.region(vt[0]).geonames_id, Some(5242283));
    assert!(g.region(vt[0]).listed);
    assert!(g.regions_named("barre").is_empty());
    // a region named in its own right is found by that name, and still by its seat's
    let own = g.regions_named("noordmark");
    assert_eq!(own, g.regions_named("groothorst"));
    let reg = g.region(own[0]);
    assert!(reg.listed && reg.geonames_id.is_none() && &*reg.name == "Noordmark");
}

#[test]
fn countries_by_name_and_code() {
    let g = sample();
    let nl = g.country_named("netherlands").map(|c| &*c.capital);
    assert_eq!(nl, Some("Amsterdam"));
    let us = CountryCode::parse("us").and_then(|c| g.country(c));
    assert_eq!(us.map(|c| c.geonames_id), Some(6252001));
    assert!(g.is_capital("amsterdam") && !g.is_capital("zuidhaven"));
    assert!(Gazetteer::load().is_ok_and(|g| g.is_capital("kiev") && !g.is_capital("lviv")));
}

#[test]
fn malformed_lines_are_errors() {
    assert!(matches!(
        Gazetteer::parse("P\t1\tX\tnorth"),
        Err(GazetteerError::Malformed { line: 1, .. })
    ));
    assert!(Gazetteer::parse("Q\tx").is_err());
}

#[test]
fn no_two_names_of_the_embedded_data_share_a_key_hash() {
    let g = Gazetteer::load().expect("embedded data loads");
    let mut by_hash: HashMap<u64, String> = HashMap::new();
    let mut keys = 0;
    for p in g.places() {
        for name in std::iter::once(&*p.name).chain(p.aliases()) {
            let key = fold(name);
            let h = key_hash(&key);
            if let Some(other) = by_hash.insert(h, key.clone()) {
                assert_eq!(other, key, "two names share a key hash");
            } else {
                keys += 1;
            }
        }
    }
    assert!(keys > 300_000, "{keys}");
}

#[test]
fn embedded_data_loads_and_knows_transliterations() {
    let g = Gazetteer::load().expect("embedded data loads");
    assert!(g.places().len() > 100_000);
    let kiev = g.lookup("kiev");
    let kyiv = g.lookup("kyiv");
    assert_eq!(
        kiev.first().map(|&i| g.place(i).geonames_id),
        kyiv.first().map(|&i| g.place(i).geonames_id)
    );
    let paris = g.place(g.lookup("paris")[0]);
    assert_eq!(paris.country.as_str(), "FR");
    assert!(distance_km((paris.lat, paris.lon), (51.5, -0.13)) < 400.0);
    assert!(g.country_named("germany").is_some());
    // continents by their English names, a town listing one among its names aside
    let africa = g.continent_named("africa").map(|k| k.geonames_id);
    assert_eq!(africa, Some(6255146));
    assert!(g.continent_named("north america").is_some());
    assert!(g.continent_named("paris").is_none());
}

#[test]
fn a_country_is_meant_by_its_name_demonym_or_capital() {
    let Some(g) = embedded() else {
        panic!("embedded gazetteer");
    };
    let meant = |n: &str| g.country_meant(&fold(n)).map(|c| c.as_str().to_string());
    for (name, code) in [
        ("Ghana", "GH"),
        ("U.K.", "GB"),
        ("Ghanaian", "GH"),
        ("Accra", "GH"),
        ("Kiev", "UA"),
        ("Kyiv", "UA"),
    ] {
        assert_eq!(meant(name).as_deref(), Some(code), "{name}");
    }
    // a large city that is no capital, and a word that names no country
    assert_eq!(meant("Kumasi"), None);
    assert_eq!(meant("harbour"), None);
    assert!(shared().is_some_and(|a| std::ptr::eq(&*a, g)));
}

#[test]
fn demonyms_name_the_most_populous_country_sharing_them() {
    let g = sample().with_countries(
        "D\tDutch\tNL\nD\tYankee\tUS\nD\tYankee\tNL\nD\tLunar\tXX\n\nbroken\nN\tHolland\tNL",
    );
    let name = |d: &str| g.demonym_country(&fold(d)).map(|c| c.name.to_string());
    assert_eq!(name("Dutch").as_deref(), Some("Netherlands"));
    assert_eq!(name("yankee").as_deref(), Some("United States"));
    assert_eq!(name("Lunar"), None);
    assert_eq!(name("Danish"), None);
    let country = |n: &str| g.country_named(&fold(n)).map(|c| c.name.to_string());
    assert_eq!(country("Holland").as_deref(), Some("Netherlands"));
    // a populous country's initials, plain and dotted
    assert_eq!(country("US").as_deref(), Some("United States"));
    assert_eq!(country("U.S.").as_deref(), Some("United States"));
    assert_eq!(country("NL"), None);
}

#[test]
fn a_country_capital_is_its_place_of_that_name() {
    let g = sample();
    let nl = CountryCode::parse("nl").expect("code");
    let capital = g.capital_of(nl).map(|p| g.place(p).geonames_id);
    assert_eq!(capital, Some(5));
    // the sample has no place called Washington
    assert_eq!(g.capital_of(CountryCode::parse("US").expect("code")), None);
    let embedded = Gazetteer::load().expect("embedded data loads");
    let dk = embedded.demonym_country("danish").map(|c| c.code);
    let capital = dk.and_then(|c| embedded.capital_of(c));
    assert_eq!(
        capital.map(|p| &*embedded.place(p).name),
        Some("Copenhagen")
    );
    // an abbreviation opening a name is looked up spelled out when written so finds none
    let fort = embedded
        .lookup("ft wayne")
        .first()
        .map(|&p| &*embedded.place(p).name);
    assert_eq!(fort, Some("Fort Wayne"));
    assert!(embedded.lookup("ft nowhere at all").is_empty());
    // English exonyms news writes, which the country data lacks or drops
    let code = |n: &str| embedded.country_named(&fold(n)).map(|c| c.code);
    assert_eq!(code("Britain"), CountryCode::parse("GB"));
    assert_eq!(code("Burma"), CountryCode::parse("MM"));
    assert_eq!(code("Emirates"), None);
}

#[test]
fn a_capital_is_the_place_its_main_name_is() {
    let g = crate::Gazetteer::load().expect("embedded gazetteer");
    let code = g.country_named("india").expect("India").code;
    // Delhi is larger and lists the capital's name among its own
    let capital = g.capital_of(code).map(|p| g.place(p).name.to_string());
    assert_eq!(capital.as_deref(), Some("New Delhi"));
}

#[test]
fn a_state_named_as_a_town_once_was_keeps_its_own_name() {
    let g = Gazetteer::load().expect("embedded data loads");
    // a Brazilian state whose name a town of it held long ago: the state, and the town
    // under its own name
    let state = g.regions_named("rio grande do sul");
    assert_eq!(state.len(), 1);
    assert_eq!(g.region(state[0]).country.as_str(), "BR");
    let town = g.lookup("rio grande");
    assert!(town.iter().any(|&p| g.place(p).country.as_str() == "BR"));
    // a spelling of a city's own name is still the city's, not a region's
    assert!(g
        .regions_named("kiev")
        .iter()
        .all(|&r| fold(&g.region(r).name) != "kiev"));
}
