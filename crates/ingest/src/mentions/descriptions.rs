//! Places named by description: "the city", "the region", "it" in "it fell to …", "the
//! airport", and which regional capital's bare name is the city and which the region.

use crate::model::{EntityKind, PlaceType};
use crate::rules;
use crate::text::{flag, Kind, Tokens};

use super::registry::{with_lower, Found, Registry};

/// A regional capital's bare name ("Lviv") means the city or the region named after it.
/// The article settles it when it says which: a city word anywhere ("the city of X", "X, the
/// largest city", "X city", "the mayor of X", "X, Chile") makes every bare X the city; else
/// naming the region ("X region", "the region of X") makes every bare X the region.
/// Otherwise the mention keeps both readings for the store to settle across articles.
pub(super) fn read_seats(t: &Tokens, reg: &mut Registry) {
    let seats: Vec<(String, String)> = reg
        .geo
        .iter()
        .filter_map(|(low, r)| {
            let region = r.place.as_ref()?.or_region.as_ref()?;
            Some((low.clone(), region.key.clone()))
        })
        .collect();
    for (low, region_key) in seats {
        let written: Vec<&Found> = reg
            .found
            .iter()
            .filter(|f| f.kind == EntityKind::Place && with_lower(&f.name, |l| l == low))
            .collect();
        let city = written.iter().any(|f| city_word(t, reg, f));
        let region = written
            .iter()
            .any(|f| place_noun(t, f) == Some(Sort::Region))
            || reg.geo.values().any(|r| {
                r.place
                    .as_ref()
                    .is_some_and(|p| p.key == region_key && p.place_type == PlaceType::Region)
            });
        let Some(r) = reg.geo.get_mut(&low) else {
            continue;
        };
        let Some(place) = r.place.as_mut() else {
            continue;
        };
        if city {
            place.or_region = None;
        } else if region {
            if let Some(region) = place.or_region.take() {
                r.name = region.name.clone();
                r.place = Some(*region);
            }
        }
    }
}

/// Whether the text calls the place run `f` a city where it names it.
pub(super) fn city_word(t: &Tokens, reg: &Registry, f: &Found) -> bool {
    let marker = |k: usize| rules::CITY_MARKERS.contains(&t.lo(k));
    // "downtown X", "the mayor of X", "X city", "X's mayor"
    let before = f.a >= 1 && t.is(f.a - 1, "downtown");
    let of_before = f.a >= 2 && t.is(f.a - 1, "of") && marker(f.a - 2);
    let after = f.b < t.len() && marker(f.b) && !t.is(f.b, "downtown");
    // "X, Chile," / "X, Chile." : a country in apposition follows a city.
    let country_after = t.is_punct(f.b, ',')
        && reg.found.iter().any(|c| {
            c.a == f.b + 1
                && c.kind == EntityKind::Place
                && !t.is_possessive(c.b - 1)
                && (c.b >= t.len() || !t.is_word(c.b))
                && reg.geo_of(&c.name).is_some_and(|r| {
                    r.place
                        .as_ref()
                        .is_some_and(|p| p.place_type == PlaceType::Country)
                })
        });
    place_noun(t, f) == Some(Sort::Settlement) || before || of_before || after || country_after
}

/// What sort of place a description noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sort {
    Settlement,
    Region,
    Area,
}

pub(super) fn sort_of(noun: &str) -> Option<Sort> {
    if rules::SETTLEMENT_NOUNS.contains(&noun) {
        Some(Sort::Settlement)
    } else if rules::REGION_NOUNS.contains(&noun) {
        Some(Sort::Region)
    } else if rules::AREA_DESCRIPTION_NOUNS.contains(&noun) {
        Some(Sort::Area)
    } else {
        None
    }
}

/// The sort of place the text calls a place: "the town of X", "X, one of the villages".
pub(super) fn place_noun(t: &Tokens, f: &Found) -> Option<Sort> {
    let mut p = f.a;
    if p > 0 && t.is(p - 1, "the") {
        p -= 1;
    }
    if p >= 2 && t.is(p - 1, "of") {
        if let Some(s) = sort_of(t.lo(p - 2)) {
            return Some(s);
        }
    }
    if t.is_punct(f.b, ',') {
        let mut k = f.b + 1;
        while k < t.len() && k < f.b + 6 && t.is_word(k) {
            if let Some(s) = sort_of(t.lo(k)) {
                return Some(s);
            }
            // "X, the capital of the region": what follows "of" describes another place.
            if t.has(k, flag::PLACE_PREP) || (t.is(k, "of") && !t.is(k - 1, "one")) {
                break;
            }
            k += 1;
        }
    }
    None
}

pub(super) fn is_region_name(name: &str) -> bool {
    name.rsplit(' ').next().is_some_and(|w| {
        rules::REGION_WORDS
            .iter()
            .any(|r| r.eq_ignore_ascii_case(w))
    })
}

/// A named feature ("the Baltic Sea", "the Vistula River"), never "the city" or "the area".
pub(super) fn is_feature_name(name: &str) -> bool {
    name.contains(' ')
        && name.rsplit(' ').next().is_some_and(|w| {
            let w = w.to_lowercase();
            rules::GEO_HEADS.contains(&w.as_str()) && !rules::REGION_WORDS.contains(&w.as_str())
        })
}

impl Registry {
    /// Whether the place run `f` can be what a description of sort `want` means.
    /// `noun` is the description's own word; `with_gaz` says places were resolved.
    pub(super) fn fits(
        &self,
        t: &Tokens,
        f: &Found,
        want: Sort,
        noun: &str,
        with_gaz: bool,
    ) -> bool {
        if f.kind != EntityKind::Place || is_feature_name(&f.name) || rules::is_country(&f.name) {
            return false;
        }
        let geo = self.geo_of(&f.name);
        let ty = geo.and_then(|r| r.place.as_ref()).map(|p| p.place_type);
        if ty == Some(PlaceType::Country) {
            return false;
        }
        let regionish = is_region_name(&f.name) || ty == Some(PlaceType::Region);
        let introduced = place_noun(t, f);
        if introduced.is_some_and(|s| s != want) {
            return false;
        }
        match want {
            // A village, town or locality is a known city that is not a capital standing
            // for its government; without a gazetteer, any place not named as a region.
            Sort::Settlement => {
                !regionish
                    && match geo {
                        Some(r) => ty == Some(PlaceType::City) && (!r.capital || noun == "city"),
                        None => !with_gaz || introduced == Some(Sort::Settlement),
                    }
            }
            // A region, or a place the gazetteer does not know as a city ("the Westvale").
            Sort::Region => regionish || (with_gaz && geo.is_none_or(|r| r.place.is_none())),
            Sort::Area => !regionish,
        }
    }
}

/// Whether the word after a description lets it stand alone ("the city, where", "the
/// town located", "the area around") rather than begin a compound ("the city hall").
pub(super) fn stands_alone(t: &Tokens, k: usize) -> bool {
    match t.toks.get(k).map(|x| x.kind) {
        None | Some(Kind::Punct(_)) => true,
        Some(Kind::Word) if t.is(k, "of") => t.toks.get(k + 1).is_some_and(|x| x.kind == Kind::Num),
        Some(Kind::Word) => {
            t.has(k, flag::FUNCTION | flag::COMMON_VERB | flag::CUE)
                || (!t.toks[k].cap && t.lo(k).len() > 4 && t.lo(k).ends_with("ed"))
        }
        _ => false,
    }
}

/// "the airport", "the main port" standing alone (not "the port of X", not "the airport
/// authority"): the end of the description, whose place is the city named last.
pub(super) fn city_facility(t: &Tokens, i: usize) -> Option<usize> {
    if !t.is(i, "the") {
        return None;
    }
    let mut n = i + 1;
    if rules::FACILITY_ADJECTIVES.contains(&t.lo(n)) && !t.is_cap(n) {
        n += 1;
    }
    (rules::CITY_FACILITY_NOUNS.contains(&t.lo(n)) && !t.is_cap(n) && stands_alone(t, n + 1))
        .then_some(n + 1)
}

/// "reportedly", "quickly": a word in "-ly" long enough to be an adverb ("rely" is not).
fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// "it fell to …", "it is located along …", "it was recaptured": the "it" is a place.
pub(super) fn it_is_place(t: &Tokens, i: usize) -> bool {
    let mut k = i + 1;
    let mut passive = false;
    while k < t.len() && k < i + 4 {
        match t.lo(k) {
            w if rules::PLACE_PREDICATE_AUXILIARIES.contains(&w) => passive = true,
            w if is_ly_adverb(w) => {}
            _ => break,
        }
        k += 1;
    }
    let w = t.lo(k);
    if !rules::PLACE_PREDICATES.contains(&w) {
        return false;
    }
    match w {
        // "it fell to the rebels", not "it fell to 4%".
        "fell" => {
            let mut n = k + 1;
            while n < k + 3 && is_ly_adverb(t.lo(n)) {
                n += 1;
            }
            rules::CAPTOR_PREPOSITIONS.contains(&t.lo(n))
                && t.toks.get(n + 1).is_some_and(|x| x.kind == Kind::Word)
        }
        _ if rules::LOCATION_PREDICATES.contains(&w) => true,
        _ => passive,
    }
}

/// "crews worked there", "prices there doubled", "There, she met …": a "there" that points
/// at a place, not the existential one ("there is", "there have been", "is there any …")
/// nor a vague one ("out there", "here and there").
pub(super) fn there_is_place(t: &Tokens, i: usize) -> bool {
    if !t.is(i, "there") {
        return false;
    }
    let before = i.checked_sub(1).map(|k| t.lo(k));
    if before.is_some_and(|w| rules::VAGUE_THERE_BEFORE.contains(&w)) {
        return false;
    }
    let mut k = i + 1;
    while k < t.len() && k < i + 3 && is_adverb(t.lo(k)) {
        k += 1;
    }
    let after = t.lo(k);
    if rules::EXISTENTIAL_THERE_VERBS.contains(&after) {
        return false;
    }
    let asked = before.is_some_and(|w| rules::BE_FORMS.contains(&w))
        && (rules::EXISTENCE_ASKED.contains(&after)
            || t.toks.get(k).is_some_and(|x| x.kind == Kind::Num));
    !asked
}

/// "also", "still", "now", "reportedly": words between "there" and its verb.
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also" | "still" | "now" | "once" | "then" | "already" | "never" | "always"
    ) || is_ly_adverb(w)
}

/// "the city", "this region", "the locality", "city centre", "it" in "it fell to …" and
/// "its" in "its liberation": the most recent
/// place of a compatible sort (a village is not a capital, a region is not a town, a sea
/// is neither); a place the text introduced with a noun of another sort is skipped.
pub(super) fn resolve_place_descriptions(t: &Tokens, reg: &mut Registry, with_gaz: bool) {
    let mut extra = Vec::new();
    for i in 0..t.len().saturating_sub(1) {
        let n = i + 1;
        // "its liberation", "its residents" (not "its capture of …", which the place
        // did not undergo).
        let its =
            t.is(i, "its") && rules::PLACE_OWNED_NOUNS.contains(&t.lo(n)) && !t.is(n + 1, "of");
        // "the city centre", "city centre is free": the city the text is about.
        let centre = t.has(n, flag::PLACE_DESC)
            && !t.is_cap(n)
            && rules::CITY_PART_NOUNS.contains(&t.lo(n + 1))
            && matches!(sort_of(t.lo(n)), Some(Sort::Settlement));
        let (want, noun, from, upto_tok) = if there_is_place(t, i) {
            (Sort::Area, "there", i, i + 1)
        } else if (t.is(i, "it") && it_is_place(t, i)) || its {
            (Sort::Settlement, "it", i, i + 1)
        } else if let Some(end) = city_facility(t, i) {
            // a capital has an airport too: looked up as "city", which admits capitals
            (Sort::Settlement, "city", i, end)
        } else if centre {
            (Sort::Settlement, t.lo(n), n, n + 1)
        } else if rules::DESCRIPTION_DETERMINERS.contains(&t.lo(i))
            && t.has(n, flag::PLACE_DESC)
            && !t.is_cap(n)
            && stands_alone(t, n + 1)
        {
            let Some(want) = sort_of(t.lo(n)) else {
                continue;
            };
            (want, t.lo(n), i, n + 1)
        } else {
            continue;
        };
        let upto = reg.found.partition_point(|f| f.b <= i);
        // "Flights at Velmo Airport … the airport said": the facility named by its noun
        // a sentence or two before, rather than its city
        let named_facility = (noun == "city" && from < upto_tok)
            .then(|| facility_named_before(&reg.found[..upto], i, t.lo(upto_tok - 1)))
            .flatten();
        let target = named_facility.or_else(|| {
            reg.found[..upto]
                .iter()
                .rev()
                .take(80)
                // "it" and "there" look back a sentence or two only.
                .take_while(|f| !matches!(noun, "it" | "there") || f.b + 60 >= i)
                // "there" is whatever place was just named, a country or a sea too
                .find(|f| match noun {
                    "there" => f.kind == EntityKind::Place,
                    _ => reg.fits(t, f, want, noun, with_gaz),
                })
        });
        if let Some(f) = target {
            extra.push(Found {
                a: from,
                b: upto_tok,
                kind: EntityKind::Place,
                name: f.name.clone(),
                roles: Vec::new(),
            });
        }
    }
    reg.add_found(extra);
}

/// The place among `before` (the runs before token `at`) named a sentence or two earlier
/// whose name ends in the facility noun `head` ("Velmo Airport" for "the airport").
fn facility_named_before<'r>(before: &'r [Found], at: usize, head: &str) -> Option<&'r Found> {
    before
        .iter()
        .rev()
        .take_while(|f| f.b + 60 >= at)
        .find(|f| {
            f.kind == EntityKind::Place
                && f.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(head))
        })
}
