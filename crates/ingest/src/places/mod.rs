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
    distance_km, fold, Continent, Country, CountryCode, Gazetteer, PlaceId, Region, RegionId,
};

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
/// A region outranks a national capital of its name when its largest place is this many
/// times larger than the capital.
const CAPITAL_OUTWEIGHED: u64 = 20;
/// How much less a place weighs when the name is only one of its other names.
const ALIAS_DISCOUNT: u32 = 10;
/// "Near" for disambiguation, in kilometres.
const NEAR_KM: f64 = 400.0;
/// Beyond this distance from every other place of the article, candidates are all "far":
/// a namesake 2,500 km from the article's places is no likelier than one 7,800 km away
/// ("Washington" in a story about Moscow and Beijing), so population decides.
const FAR_KM: f64 = 1_000.0;

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

fn main_name(g: &Gazetteer, c: Cand) -> String {
    match c {
        Cand::Place(p) => g.place(p).name.to_string(),
        Cand::Region(r) => g.region(r).name.to_string(),
    }
}

/// Whether two folded names are unlike each other, not spellings of one name: half their
/// letters or more differ ("Kiev" and "Kyiv", "New York" and "New York City" are alike).
pub(crate) fn unlike_names(a: &str, b: &str) -> bool {
    2 * strsim::levenshtein(a, b) > a.chars().count().max(b.chars().count())
}

fn country_of(g: &Gazetteer, c: Cand) -> CountryCode {
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

/// Whether the candidate is called `key` by its main name, not only by one of its old or
/// foreign names ("Victoria" is a state's name and, among others, an old one of Hong
/// Kong). A region is always called so: it was found by its name or its seat's.
fn named_so(g: &Gazetteer, c: Cand, key: &str) -> bool {
    match c {
        Cand::Place(p) => fold(&g.place(p).name) == key,
        Cand::Region(_) => true,
    }
}

/// A candidate's weight when distance does not decide: its population, a tenth of it
/// when the name is only one of its other names.
fn weight(g: &Gazetteer, c: Cand, key: &str) -> u32 {
    let people = population(g, c);
    if named_so(g, c, key) {
        people
    } else {
        people / ALIAS_DISCOUNT
    }
}

fn split_region(name: &str) -> Option<(&str, &str)> {
    let (base, word) = name.rsplit_once(' ')?;
    rules::REGION_WORDS
        .iter()
        .any(|r| r.eq_ignore_ascii_case(word))
        .then_some((base, word))
}

/// Resolves every place name of the article, each written once, in order of first
/// appearance (keys: the name in lower case as written).
pub fn resolve(written: &[&str], g: &Gazetteer) -> FnvMap<String, Resolved> {
    let bare: FnvSet<String> = written.iter().map(|w| w.to_lowercase()).collect();
    let mut out = FnvMap::default();
    let mut ctx: FnvSet<CountryCode> = FnvSet::default();
    let mut names: Vec<Name> = Vec::new();
    for &w in written {
        let key = fold(w);
        if let Some(c) = g.country_named(&key) {
            ctx.insert(c.code);
            out.insert(w.to_lowercase(), country(c));
        } else if let Some(k) = g.continent_named(&key) {
            out.insert(w.to_lowercase(), continent(k));
        } else {
            names.push(candidates(g, w, &key));
        }
    }
    narrow(g, &mut names, &ctx);
    choose(g, &names, &ctx, &bare, &mut out);
    out
}

/// A country under GeoNames' name and id.
fn country(c: &Country) -> Resolved {
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
            within: None,
        }),
        capital: false,
    }
}

/// The gazetteer entries a written place name (folded: `key`) may stand for.
fn candidates<'a>(g: &Gazetteer, w: &'a str, key: &str) -> Name<'a> {
    let places = |name: &str| -> Vec<Cand> {
        g.lookup(&fold(name))
            .iter()
            .map(|&p| Cand::Place(p))
            .collect()
    };
    let regions = |name: &str| -> Vec<Cand> {
        g.regions_named(&fold(name))
            .iter()
            .map(|&r| Cand::Region(r))
            .collect()
    };
    let name = |region_word, cands| Name {
        written: w,
        region_word,
        cands,
    };
    // "Fresno, Calif.": the state the abbreviation stands for (the mention is read as a
    // place only where the text makes it one)
    if let Some(state) = rules::ap_state(w) {
        return name(None, regions(state));
    }
    // "X Pass": the mountain pass named after the town X is, for what a claim is about,
    // the surroundings of X.
    if let Some(base) = w.strip_suffix(" Pass").filter(|b| !b.contains(' ')) {
        let cands = places(base);
        if !cands.is_empty() {
            return name(None, cands);
        }
    }
    match split_region(w) {
        // "X area", "X district": the place X.
        Some((base, word))
            if !rules::ADMIN1_WORDS
                .iter()
                .any(|r| r.eq_ignore_ascii_case(word)) =>
        {
            name(None, places(base))
        }
        Some((base, word)) => {
            let regions = regions(base);
            // "X region" with X a place but no region seat: the area around the place X,
            // a place called X by a name like its own (a town that lists X among its old
            // names, unlike its own, is no centre of a province X the gazetteer lacks)
            let cands = if regions.is_empty() {
                let folded = fold(base);
                let like = |c: &Cand| !unlike_names(&fold(&main_name(g, *c)), &folded);
                places(base).into_iter().filter(like).collect()
            } else {
                regions
            };
            name(Some(word), cands)
        }
        None => name(None, bare_candidates(g, key)),
    }
}

/// Narrows each name's candidates: to the article's countries where it has one there, past
/// smaller places called so only by another name, and past namesakes a city of millions
/// outweighs.
fn narrow(g: &Gazetteer, names: &mut [Name], ctx: &FnvSet<CountryCode>) {
    for n in names.iter_mut() {
        if n.cands.iter().any(|&c| ctx.contains(&country_of(g, c))) {
            n.cands.retain(|&c| ctx.contains(&country_of(g, c)));
        }
        // A place's own name outranks another place's old or foreign name: a town once
        // called "New Jersey" is no reading of the state, however near it lies
        let key = fold(n.written);
        let own_top = n
            .cands
            .iter()
            .filter(|&&c| named_so(g, c, &key))
            .map(|&c| population(g, c))
            .max();
        if let Some(own_top) = own_top {
            n.cands
                .retain(|&c| named_so(g, c, &key) || population(g, c) > own_top);
        }
        // A city of millions outweighs a hamlet that merely shares its name, however near.
        let top = n.cands.iter().map(|&c| population(g, c)).max().unwrap_or(0);
        if top >= METROPOLIS {
            n.cands
                .retain(|&c| u64::from(population(g, c)) * OUTWEIGHS >= u64::from(top));
        }
    }
}

/// Picks each name's place: names with one candidate left anchor the others; nearest to
/// the anchors in 100 km steps up to [`FAR_KM`], then the most populous. A name left without a candidate
/// keeps its bare name when it is an unknown region.
fn choose(
    g: &Gazetteer,
    names: &[Name],
    ctx: &FnvSet<CountryCode>,
    bare: &FnvSet<String>,
    out: &mut FnvMap<String, Resolved>,
) {
    let anchors: Vec<(usize, (f32, f32))> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| n.cands.len() == 1)
        .map(|(i, n)| (i, coords(g, n.cands[0])))
        .collect();
    let home = home_countries(g, names, ctx);
    for (i, n) in names.iter().enumerate() {
        let key = fold(n.written);
        if let Some(capital) = home_capital(g, n, &key, &home) {
            let mut r = place_ref(g, capital, n.region_word);
            r.capital = true;
            out.insert(n.written.to_lowercase(), r);
            continue;
        }
        let near = |c: Cand| {
            anchors
                .iter()
                .filter(|(j, _)| *j != i)
                .map(|(_, at)| distance_km(coords(g, c), *at))
                .fold(f64::INFINITY, f64::min)
        };
        let best = n.cands.iter().copied().min_by(|&a, &b| {
            let step = |d: f64| (d.min(FAR_KM) / 100.0).floor();
            let (da, db) = (step(near(a)), step(near(b)));
            da.total_cmp(&db)
                .then(weight(g, b, &key).cmp(&weight(g, a, &key)))
        });
        let Some(best) = best else {
            if let Some(r) = unknown_region(n.written, bare) {
                out.insert(n.written.to_lowercase(), r);
            }
            continue;
        };
        // a small place in a country the article names, by its own name: an old or
        // foreign name of a small place ("Harmony" for a village once so called) is no
        // evidence on its own
        // a name unlike the place's own, one of its old or foreign names, is trusted for
        // a city of millions ("Bombay"), near the article's other places, or with no other
        // place to weigh it against ("Akkerman" alone); far from the article's places it is
        // no evidence: GeoNames also lists a city's nicknames and a firm's name a town once
        // took for a publicity stunt
        let unlike_alias =
            !named_so(g, best, &key) && unlike_names(&fold(&main_name(g, best)), &key);
        let trusted = if unlike_alias {
            let d = near(best);
            population(g, best) >= METROPOLIS || d <= NEAR_KM || d.is_infinite()
        } else {
            population(g, best) >= SMALL_PLACE
                || (ctx.contains(&country_of(g, best)) && named_so(g, best, &key))
                || near(best) <= NEAR_KM
        };
        // a town abroad called so only by one of its other names, one unlike its own
        // ("New York" is short for "New York City"), far from everything the article
        // places, is a namesake the gazetteer happens to list: a district of a city in
        // the article's country is written the same way
        let alias_abroad = !named_so(g, best, &key)
            && unlike_names(&fold(&main_name(g, best)), &key)
            && near(best) > FAR_KM
            && placed_elsewhere(g, names, i, ctx, country_of(g, best));
        if trusted && !alias_abroad {
            let mut r = place_ref(g, best, n.region_word);
            r.capital = matches!(best, Cand::Place(_)) && g.is_capital(&fold(n.written));
            out.insert(n.written.to_lowercase(), r);
        }
    }
}

/// Whether the other names of the article (all but `names[i]`) set it in some country,
/// and not in `country`.
fn placed_elsewhere(
    g: &Gazetteer,
    names: &[Name],
    i: usize,
    ctx: &FnvSet<CountryCode>,
    country: CountryCode,
) -> bool {
    let mut others = names
        .iter()
        .enumerate()
        .filter(|&(j, n)| j != i && n.cands.len() == 1)
        .map(|(_, n)| country_of(g, n.cands[0]))
        .chain(ctx.iter().copied())
        .peekable();
    others.peek().is_some() && others.all(|c| c != country)
}

/// The countries the article is set in: those it names, and those of the places and
/// regions only one reading of which is left.
fn home_countries(g: &Gazetteer, names: &[Name], ctx: &FnvSet<CountryCode>) -> FnvSet<CountryCode> {
    let mut home = ctx.clone();
    home.extend(
        names
            .iter()
            .filter(|n| n.cands.len() == 1)
            .map(|n| country_of(g, n.cands[0])),
    );
    home
}

/// A bare name that is, by its main name, the national capital of a country the article
/// is set in means that capital, however near a namesake lies to the article's other
/// places: a story naming two of a country's states and "Washington" means the capital,
/// not a town near those states that shares its name or once had it. Abroad the rule
/// says nothing ("Washington" in a story set in northern England), but where the capital
/// alone bears the name as its main one.
fn home_capital(g: &Gazetteer, n: &Name, key: &str, home: &FnvSet<CountryCode>) -> Option<Cand> {
    if n.region_word.is_some() {
        return None;
    }
    let capital =
        |c: Cand| matches!(c, Cand::Place(p) if g.is_capital_place(p)) && named_so(g, c, key);
    let found = n.cands.iter().copied().find(|&c| capital(c));
    // at home; or anywhere when every other candidate bears the name only among its other
    // names ("New Delhi" is the capital, though Delhi lists it too)
    found.filter(|&c| {
        home.contains(&country_of(g, c))
            || n.cands.iter().all(|&o| capital(o) || !named_so(g, o, key))
    })
}

/// An unknown region is named by its bare name, so "the Westvale region" and "Westvale"
/// are one place across articles; a capitalised region word is part of a proper name
/// ("Capital Region") unless the bare form is written too.
fn unknown_region(written: &str, bare: &FnvSet<String>) -> Option<Resolved> {
    let (base, word) = split_region(written)?;
    let lower_word = word.chars().all(char::is_lowercase);
    (lower_word || bare.contains(&base.to_lowercase())).then(|| Resolved {
        name: base.to_string(),
        place: None,
        capital: false,
    })
}

/// What a bare name may be: the places of that name and, when the source names a
/// first-level region so in its own right ("Florida", "Bavaria", "New South Wales"), that
/// region, weighed by its largest place. A national capital of the name outranks such a
/// region when that is its main name ("Washington" is the capital, not the state; Hong
/// Kong, once called Victoria, is not the state of Victoria) unless the region's largest
/// place outweighs it many times (the state of Victoria over the capital of the Seychelles);
/// the region's own largest place outranks it when it answers to the name and is a city of
/// millions (a state named like its metropolis means the metropolis; "Oklahoma" stays the
/// state though its capital lists the name: a seat of less weight is written with its
/// "City").
fn bare_candidates(g: &Gazetteer, key: &str) -> Vec<Cand> {
    let places = g.lookup(key);
    let mut cands: Vec<Cand> = places.iter().map(|&p| Cand::Place(p)).collect();
    let capital = places
        .iter()
        .filter(|&&p| g.is_capital_place(p) && named_so(g, Cand::Place(p), key))
        .map(|&p| u64::from(g.place(p).population))
        .max();
    cands.extend(
        g.regions_named(key)
            .iter()
            .filter(|&&r| {
                let reg = g.region(r);
                let outweighs = capital.is_none_or(|c| {
                    u64::from(population(g, Cand::Region(r)))
                        >= c.saturating_mul(CAPITAL_OUTWEIGHED)
                });
                // a region found by its seat's name ("Genova") is the seat's; one so
                // named itself only when the seat is a metropolis
                let own_name = fold(&reg.name) == key;
                let seat_answers = reg.seat.is_some_and(|s| {
                    places.contains(&s) && (!own_name || g.place(s).population >= METROPOLIS)
                });
                reg.listed && outweighs && !seat_answers
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
            within: None,
        }),
        capital: false,
    }
}

/// The first-level region named after `p`, when `p` is its seat ("Lviv" for Lviv
/// Oblast). A national capital is left out: its bare name is the city or its government.
fn seat_of(g: &Gazetteer, p: PlaceId) -> Option<RegionId> {
    let pl = g.place(p);
    let r = g.region_of(pl.country, &pl.admin1)?;
    let reg = g.region(r);
    let named_after = reg.seat == Some(p) && !reg.listed;
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
                    within: g
                        .region_of(pl.country, &pl.admin1)
                        .map(|r| region_key(g.region(r))),
                }),
                capital: false,
            }
        }
        Cand::Region(r) => {
            let reg = g.region(r);
            // A state keeps its own name; an oblast is "<seat> <word as written>".
            let name = match (reg.listed, region_word) {
                (false, Some(word)) => format!("{} {}", reg.name, word),
                _ => reg.name.to_string(),
            };
            Resolved {
                name: name.clone(),
                place: Some(PlaceRef {
                    key: region_key(reg),
                    name,
                    geonames_id: reg.geonames_id,
                    lat: Some(degrees(reg.lat)),
                    lon: Some(degrees(reg.lon)),
                    country: Some(reg.country.as_str().to_string()),
                    place_type: PlaceType::Region,
                    aliases: Arc::from([]),
                    or_region: None,
                    within: Some(region_key(reg)),
                }),
                capital: false,
            }
        }
    }
}

/// A first-level region's key: `adm1:<CC>.<code>`.
fn region_key(reg: &Region) -> String {
    format!("adm1:{}.{}", reg.country.as_str(), reg.admin1)
}

#[cfg(test)]
mod tests;
