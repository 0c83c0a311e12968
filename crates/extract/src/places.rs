//! Place names → gazetteer places: which GeoNames place each place name of an article
//! means, decided by the countries the article names, by distance to its other places and,
//! when nothing else decides, by population.
//!
//! "X region", "X Oblast", "X province" is the region named after X when X is the largest
//! place of a first-level region (keyed by its country and GeoNames code, so every form
//! of the name is one region); otherwise it is the area around the place X. A region the
//! gazetteer does not know ("the Westvale region") keeps its written name, or the bare name
//! when the article also names the bare form.

use std::sync::Arc;

use claimgraph_gazetteer::{
    distance_km, fold, Continent, CountryCode, Gazetteer, PlaceId, RegionId,
};

use crate::mentions::Registry;
use crate::model::{PlaceRef, PlaceType};
use crate::rules;
use crate::text::{FnvMap, FnvSet};

/// What one place name of the article stands for.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The name to give the entity (the gazetteer's, or as written).
    pub name: String,
    pub place: Option<PlaceRef>,
    /// A national capital, which news also uses for its government ("Kyiv said").
    pub capital: bool,
}

/// At most this many gazetteer spellings travel with a place.
const MAX_ALIASES: usize = 30;
/// Below this population a place far from everything else the article names is not
/// trusted to be the one meant.
const SMALL_PLACE: u32 = 15_000;
/// From this population a place's name means it over any much smaller namesake...
const METROPOLIS: u32 = 1_000_000;
/// ...this many times smaller, wherever the namesake lies.
const OUTWEIGHS: u64 = 100;
/// "Near" for disambiguation, in kilometres.
const NEAR_KM: f64 = 400.0;

#[derive(Debug, Clone, Copy)]
enum Cand {
    Place(PlaceId),
    Region(RegionId),
}

struct Name<'a> {
    written: &'a str,
    /// The region word when written "X region".
    region_word: Option<&'a str>,
    cands: Vec<Cand>,
}

fn coords(g: &Gazetteer, c: Cand) -> (f32, f32) {
    match c {
        Cand::Place(p) => (g.place(p).lat, g.place(p).lon),
        Cand::Region(r) => (g.region(r).lat, g.region(r).lon),
    }
}

fn country(g: &Gazetteer, c: Cand) -> CountryCode {
    match c {
        Cand::Place(p) => g.place(p).country,
        Cand::Region(r) => g.region(r).country,
    }
}

fn population(g: &Gazetteer, c: Cand) -> u32 {
    match c {
        Cand::Place(p) => g.place(p).population,
        Cand::Region(r) => g.region(r).seat.map_or(0, |s| g.place(s).population),
    }
}

fn split_region(name: &str) -> Option<(&str, &str)> {
    let (base, word) = name.rsplit_once(' ')?;
    rules::REGION_WORDS
        .iter()
        .any(|r| r.eq_ignore_ascii_case(word))
        .then_some((base, word))
}

/// Resolves every place name of the article (keys: the name in lower case as written).
pub fn resolve(reg: &Registry, g: &Gazetteer) -> FnvMap<String, Resolved> {
    let written: Vec<&str> = reg.place_names();
    let bare: FnvSet<String> = written.iter().map(|w| w.to_lowercase()).collect();
    let mut out = FnvMap::default();
    let mut ctx: FnvSet<CountryCode> = FnvSet::default();
    let mut names: Vec<Name> = Vec::new();
    for &w in &written {
        let key = fold(w);
        if let Some(c) = g.country_named(&key) {
            ctx.insert(c.code);
            out.insert(
                w.to_lowercase(),
                Resolved {
                    name: c.name.to_string(),
                    place: Some(PlaceRef {
                        key: format!("gn:{}", c.geonames_id),
                        name: c.name.to_string(),
                        geonames_id: Some(c.geonames_id),
                        lat: None,
                        lon: None,
                        country: Some(c.code.as_str().to_string()),
                        place_type: PlaceType::Country,
                        aliases: Arc::from([]),
                        or_region: None,
                    }),
                    capital: false,
                },
            );
            continue;
        }
        if let Some(k) = g.continent_named(&key) {
            out.insert(w.to_lowercase(), continent(k));
            continue;
        }
        // "X Pass": the mountain pass named after the town X is, for what a claim is
        // about, the surroundings of X.
        if let Some(base) = w.strip_suffix(" Pass").filter(|b| !b.contains(' ')) {
            let cands: Vec<Cand> = g
                .lookup(&fold(base))
                .iter()
                .map(|&p| Cand::Place(p))
                .collect();
            if !cands.is_empty() {
                names.push(Name {
                    written: w,
                    region_word: None,
                    cands,
                });
                continue;
            }
        }
        let (region_word, cands) = match split_region(w) {
            // "X area", "X district": the place X.
            Some((base, word))
                if !rules::ADMIN1_WORDS
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(word)) =>
            {
                (
                    None,
                    g.lookup(&fold(base))
                        .iter()
                        .map(|&p| Cand::Place(p))
                        .collect(),
                )
            }
            Some((base, word)) => {
                let regions = g.regions_named(&fold(base));
                if regions.is_empty() {
                    (Some(word), Vec::new())
                } else {
                    (
                        Some(word),
                        regions.iter().map(|&r| Cand::Region(r)).collect(),
                    )
                }
            }
            None => (None, bare_candidates(g, &key)),
        };
        names.push(Name {
            written: w,
            region_word,
            cands,
        });
    }
    // "X region" with X a place but no region seat: the area around the place X.
    for n in &mut names {
        if let (Some(_), true) = (n.region_word, n.cands.is_empty()) {
            if let Some((base, _)) = split_region(n.written) {
                n.cands = g
                    .lookup(&fold(base))
                    .iter()
                    .map(|&p| Cand::Place(p))
                    .collect();
            }
        }
    }
    // The article's countries narrow every name that has a candidate in them.
    for n in &mut names {
        if n.cands.iter().any(|&c| ctx.contains(&country(g, c))) {
            n.cands.retain(|&c| ctx.contains(&country(g, c)));
        }
    }
    // A city of millions outweighs a hamlet that merely shares its name, however near.
    for n in &mut names {
        let top = n.cands.iter().map(|&c| population(g, c)).max().unwrap_or(0);
        if top >= METROPOLIS {
            n.cands
                .retain(|&c| u64::from(population(g, c)) * OUTWEIGHS >= u64::from(top));
        }
    }
    // Names with one candidate left anchor the others by distance.
    let anchors: Vec<(usize, (f32, f32))> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| n.cands.len() == 1)
        .map(|(i, n)| (i, coords(g, n.cands[0])))
        .collect();
    for (i, n) in names.iter().enumerate() {
        let near = |c: Cand| {
            anchors
                .iter()
                .filter(|(j, _)| *j != i)
                .map(|(_, at)| distance_km(coords(g, c), *at))
                .fold(f64::INFINITY, f64::min)
        };
        // Nearest to the other places in 100 km steps, then the most populous.
        let best = n.cands.iter().copied().min_by(|&a, &b| {
            let (da, db) = ((near(a) / 100.0).floor(), (near(b) / 100.0).floor());
            da.total_cmp(&db)
                .then(population(g, b).cmp(&population(g, a)))
        });
        let Some(best) = best else {
            // An unknown region is named by its bare name, so "the Westvale region" and
            // "Westvale" are one place across articles; a capitalised region word is part
            // of a proper name ("Capital Region") unless the bare form is written too.
            if let Some((base, word)) = split_region(n.written) {
                let lower_word = word.chars().all(char::is_lowercase);
                if lower_word || bare.contains(&base.to_lowercase()) {
                    out.insert(
                        n.written.to_lowercase(),
                        Resolved {
                            name: base.to_string(),
                            place: None,
                            capital: false,
                        },
                    );
                }
            }
            continue;
        };
        let trusted = population(g, best) >= SMALL_PLACE
            || ctx.contains(&country(g, best))
            || near(best) <= NEAR_KM;
        if !trusted {
            continue;
        }
        let mut r = place_ref(g, best, n.region_word);
        r.capital = matches!(best, Cand::Place(_)) && g.is_capital(&fold(n.written));
        out.insert(n.written.to_lowercase(), r);
    }
    out
}

/// What a bare name may be: the places of that name and, when the source lists a
/// first-level region of that name in its own right (US states: "Florida", "Texas"), that
/// region, weighed by its largest place. A national capital of the name outranks such a
/// region ("Washington" is the capital, not the state), and so does the region's own
/// largest place when it answers to the name ("New York" is the city).
fn bare_candidates(g: &Gazetteer, key: &str) -> Vec<Cand> {
    let places = g.lookup(key);
    let mut cands: Vec<Cand> = places.iter().map(|&p| Cand::Place(p)).collect();
    if places.iter().any(|&p| g.is_capital_place(p)) {
        return cands;
    }
    cands.extend(
        g.regions_named(key)
            .iter()
            .filter(|&&r| {
                let reg = g.region(r);
                reg.geonames_id.is_some() && reg.seat.is_none_or(|s| !places.contains(&s))
            })
            .map(|&r| Cand::Region(r)),
    );
    cands
}

/// A continent: a region of the world, under GeoNames' name and id.
fn continent(k: &Continent) -> Resolved {
    Resolved {
        name: k.name.to_string(),
        place: Some(PlaceRef {
            key: format!("gn:{}", k.geonames_id),
            name: k.name.to_string(),
            geonames_id: Some(k.geonames_id),
            lat: Some(degrees(k.lat)),
            lon: Some(degrees(k.lon)),
            country: None,
            place_type: PlaceType::Region,
            aliases: Arc::from([]),
            or_region: None,
        }),
        capital: false,
    }
}

/// The first-level region named after `p`, when `p` is its seat ("Kherson" for Kherson
/// Oblast). A national capital is left out: its bare name is the city or its government.
fn seat_of(g: &Gazetteer, p: PlaceId) -> Option<RegionId> {
    let pl = g.place(p);
    let r = g.region_of(pl.country, &pl.admin1)?;
    let reg = g.region(r);
    let named_after = reg.seat == Some(p) && reg.geonames_id.is_none();
    (named_after && !g.is_capital_place(p)).then_some(r)
}

/// Degrees as the data gives them (4 decimals, about 10 m), without f32 noise.
fn degrees(x: f32) -> f64 {
    (f64::from(x) * 1e4).round() / 1e4
}

/// A national capital the text names only by description ("the Danish capital"): the city
/// itself, never the region named after it.
pub fn capital(g: &Gazetteer, p: PlaceId) -> Resolved {
    let mut r = place_ref(g, Cand::Place(p), None);
    r.capital = true;
    if let Some(pl) = r.place.as_mut() {
        pl.or_region = None;
    }
    r
}

fn place_ref(g: &Gazetteer, c: Cand, region_word: Option<&str>) -> Resolved {
    match c {
        Cand::Place(p) => {
            let pl = g.place(p);
            let mut seen: FnvSet<String> = FnvSet::from_iter([fold(&pl.name)]);
            let aliases: Vec<String> = pl
                .aliases()
                .filter(|a| seen.insert(fold(a)))
                .take(MAX_ALIASES)
                .map(str::to_string)
                .collect();
            Resolved {
                name: pl.name.to_string(),
                place: Some(PlaceRef {
                    key: format!("gn:{}", pl.geonames_id),
                    name: pl.name.to_string(),
                    geonames_id: Some(pl.geonames_id),
                    lat: Some(degrees(pl.lat)),
                    lon: Some(degrees(pl.lon)),
                    country: Some(pl.country.as_str().to_string()),
                    place_type: PlaceType::City,
                    aliases: aliases.into(),
                    or_region: seat_of(g, p)
                        .and_then(|r| place_ref(g, Cand::Region(r), Some("region")).place)
                        .map(Box::new),
                }),
                capital: false,
            }
        }
        Cand::Region(r) => {
            let reg = g.region(r);
            // A state keeps its own name; an oblast is "<seat> <word as written>".
            let name = match (reg.geonames_id, region_word) {
                (None, Some(word)) => format!("{} {}", reg.name, word),
                _ => reg.name.to_string(),
            };
            Resolved {
                name: name.clone(),
                place: Some(PlaceRef {
                    key: format!("adm1:{}.{}", reg.country.as_str(), reg.admin1),
                    name,
                    geonames_id: reg.geonames_id,
                    lat: Some(degrees(reg.lat)),
                    lon: Some(degrees(reg.lon)),
                    country: Some(reg.country.as_str().to_string()),
                    place_type: PlaceType::Region,
                    aliases: Arc::from([]),
                    or_region: None,
                }),
                capital: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
            "Floods reached the city of Kharkov on Monday. Rain fell in the Kharkiv region and \
             in the Kharkov region, and roads near Kharkiv closed.",
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
        assert_eq!(keys(PlaceType::City), ["gn:706483"], "{p:?}");
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
        let text = "Rebels held the town of Sandomierz for weeks. Officials said its liberation would take \
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
        let p =
            places("Farmers in Wisconsin sold 3 tons of cheese. Traders in New York bought it.");
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
    }

    #[test]
    fn the_region_of_x_is_the_region() {
        let p = places("Floods hit the region of Kharkiv and the Kharkiv region again.");
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
}
