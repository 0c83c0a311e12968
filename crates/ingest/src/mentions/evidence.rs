//! The evidence around a run that says what it names: role words before and after,
//! descriptions, cue verbs, the trained tagger's reading, gazetteer size and country.

use claimgraph_gazetteer::{fold, CountryCode, Gazetteer, PlaceId};

use crate::rules;
use crate::tagger::{self, sentence_initial, NameType};
use crate::text::{flag, FnvSet, Tokens};

use super::registry::Registry;
use super::words::{content_words, cue_follows, is_person_word, strip_possessive};

/// Role words and their context just before a name ("Harbour Authority spokesman"); a
/// capitalised one right before the name is its title ("Mayor Ana Ruiz").
pub(super) fn roles_before(t: &Tokens, a: usize, floor: usize) -> (Vec<String>, Vec<String>) {
    let mut roles = Vec::new();
    let mut k = a;
    while k > floor && k + 6 > a {
        let i = k - 1;
        if !t.is_word(i) || rules::ARTICLES.contains(&t.lo(i)) {
            break;
        }
        if t.has(i, flag::ROLE | flag::TITLE) && (!t.toks[i].cap || i + 1 == a) {
            roles.push(t.lo(i).to_string());
        }
        if !t.toks[i].cap && !t.has(i, flag::ROLE | flag::TITLE) && !t.s(i).ends_with("’s") {
            break;
        }
        k -= 1;
    }
    if roles.is_empty() {
        return (roles, Vec::new());
    }
    (roles, content_words(t, k, a))
}

/// Role words of an apposition right after a name (", adviser to the governor,").
pub(super) fn roles_after(t: &Tokens, b: usize, limit: usize) -> (Vec<String>, Vec<String>) {
    if !t.is_punct(b, ',') {
        return (Vec::new(), Vec::new());
    }
    let mut end = b + 1;
    while end < limit
        && end < b + 14
        && !t.is_punct(end, ',')
        && !t.is_punct(end, '.')
        && !t.is_quote(end)
    {
        end += 1;
    }
    let head_ok = (b + 1..(b + 5).min(end)).any(|i| t.has(i, flag::ROLE));
    // "… at Tesco, the head of the union said": a role phrase running on into a cue verb
    // is the subject of its clause, not an apposition of the name before the comma
    let clause = (b + 1..end).any(|i| t.has(i, flag::CUE));
    if !head_ok || clause {
        return (Vec::new(), Vec::new());
    }
    let roles: Vec<String> = (b + 1..end)
        .filter(|&i| t.has(i, flag::ROLE))
        .map(|i| t.lo(i).to_string())
        .take(2)
        .collect();
    (roles, content_words(t, b + 1, end))
}

/// "Ana Ruiz is a hydrologist at …", "… was the deputy director …", "… is with the
/// Harbour Board": a copula and a person's occupation (a role word, or a noun with an
/// agent ending) or membership right after a name.
pub(super) fn described_as_person(t: &Tokens, b: usize) -> bool {
    if !rules::SINGULAR_COPULAS.contains(&t.lo(b)) {
        return false;
    }
    if t.is(b + 1, "with") {
        return t.is(b + 2, "the") || t.is_cap(b + 2);
    }
    if !rules::ARTICLES.contains(&t.lo(b + 1)) {
        return false;
    }
    (b + 2..b + 6)
        .take_while(|&i| t.is_word(i) && !t.is_cap(i) && !t.has(i, flag::FUNCTION))
        .any(|i| t.has(i, flag::ROLE) || rules::AGENT_ENDINGS.iter().any(|e| t.lo(i).ends_with(e)))
}

/// "North America", "Northern Ireland": a capitalised compass word that names a region
/// with the name after it, not a word to drop before the name.
pub(super) fn compass_region(t: &Tokens, a: usize, b: usize) -> bool {
    b == a + 2
        && t.is_cap(a)
        && rules::COMPASS_WORDS.contains(&t.lo(a))
        && t.is_cap(a + 1)
        && !t.has(a + 1, flag::DEMONYM | flag::ORG_HEAD | flag::NOT_NAME)
}

/// "Galway, Ireland", "Fresno, California": a name right before a comma and the
/// country or first-level region the gazetteer places a town of that name in. The
/// hierarchy itself is the evidence, at any size and at the start of a sentence.
pub(super) fn placed_by_what_follows(t: &Tokens, g: &Gazetteer, folded: &str, b: usize) -> bool {
    if !t.is_punct(b, ',') || !t.is_cap(b + 1) {
        return false;
    }
    let places = g.lookup(folded);
    if places.is_empty() {
        return false;
    }
    (1..=3).filter(|len| b + 1 + len <= t.len()).any(|len| {
        let after = fold(t.span_text(b + 1, b + 1 + len));
        let in_country = g.country_named(&after).map(|c| c.code);
        let regions = g.regions_named(&after);
        places.iter().any(|&p| {
            let place = g.place(p);
            in_country == Some(place.country)
                || g.region_of(place.country, &place.admin1)
                    .is_some_and(|r| regions.contains(&r))
        })
    })
}

/// "Tralee and Galway", "Tralee, Galway and …": a name joined by "and", "or" or a comma to
/// the next name when the gazetteer has towns of both names in one country. Two towns of
/// one country side by side are a list of places; given names, and two names that speak,
/// are people.
pub(super) fn paired_with_a_town(t: &Tokens, g: &Gazetteer, folded: &str, b: usize) -> bool {
    let joined = t.is(b, "and") || t.is(b, "or") || t.is_punct(b, ',');
    let next = b + 1;
    if !joined || !t.is_cap(next) || given_name_class(folded) >= 2 {
        return false;
    }
    let mut end = next;
    while end < t.len() && end < next + 3 && t.is_cap(end) {
        end += 1;
    }
    let other = fold(t.span_text(next, end));
    // "Jordan and Chase said": who speaks is people
    let speaking = t.has(end, flag::CUE);
    if speaking || given_name_class(t.lo(next)) >= 2 || g.country_named(&other).is_some() {
        return false;
    }
    let countries = |name: &str| -> Vec<CountryCode> {
        g.lookup(name).iter().map(|&p| g.place(p).country).collect()
    };
    let ours = countries(folded);
    !ours.is_empty() && countries(&other).iter().any(|c| ours.contains(c))
}

/// Where a country named after "of (the)" at `n` ends, if a name follows it before `b`.
pub(super) fn country_after_of(
    t: &Tokens,
    gaz: Option<&Gazetteer>,
    n: usize,
    b: usize,
) -> Option<usize> {
    if !t.is(n, "of") {
        return None;
    }
    let m = n + 1 + usize::from(t.is(n + 1, "the"));
    (1..=4)
        .rev()
        .map(|len| m + len)
        .find(|&e| e < b && rules::is_country_in(gaz, t.span_text(m, e)))
}

/// A name followed by an apposition that says what kind of body it is: "Velto, the German
/// carmaker,", "Kestrel, a Danish shipping group,", "Nordtel, Norway's second-largest
/// operator,".
pub(super) fn described_as_organization(t: &Tokens, b: usize) -> bool {
    let opens = rules::ARTICLES.contains(&t.lo(b + 1)) || t.is_possessive(b + 1);
    if !t.is_punct(b, ',') || !opens {
        return false;
    }
    // closed by a comma: in "cut jobs in Europe, the company said" the words are a subject
    let end = (b + 2..(b + 7).min(t.len()))
        .find(|&i| !t.is_word(i))
        .unwrap_or(t.len());
    // a noun phrase: "Norway, the company said, citing …" holds a verb, no apposition
    let verb = (b + 2..end).any(|i| t.has(i, flag::CUE | flag::COMMON_VERB));
    // the head noun comes before its complement: "Tomas Orsa, the head of the union," is
    // a person (a role heads the phrase), "Velto, the maker of ferries," a body
    let head = (b + 2..end)
        .find(|&i| rules::ROLE_COMPLEMENT_PREPOSITIONS.contains(&t.lo(i)))
        .unwrap_or(end);
    t.is_punct(end, ',')
        && !verb
        && !(b + 2..head).any(|i| t.has(i, flag::ROLE))
        && (b + 2..end).any(|i| !t.toks[i].cap && rules::is_org_descriptor(t.lo(i)))
}

/// Margin from which the tagger alone calls a name with a given name a person.
pub(super) const PERSON_MARGIN: f32 = 4.0;

/// Margin from which the tagger's "organisation" or "person" overrules a gazetteer hit.
pub(super) const NOT_PLACE_MARGIN: f32 = 15.0;

/// The tagger's type for exactly `[a, b)` when its margin reaches `margin`.
pub(super) fn tagged_as(reg: &Registry, a: usize, b: usize, margin: f32) -> Option<NameType> {
    reg.tagged
        .as_ref()?
        .span_type(a, b)
        .filter(|&(_, m)| m >= margin)
        .map(|(ty, _)| ty)
}

/// A run of two to four name words the tagger reads as one person: sure of it, or
/// opening with a given name from the names list ("Marta Lindqvist" after a list of
/// places, which the place rules alone would take for one more place). A large place's
/// name ("Nova Scotia" opens with a given name too) needs the tagger sure of a person.
pub(super) fn reads_as_person(
    t: &Tokens,
    reg: &Registry,
    gaz: Option<&Gazetteer>,
    a: usize,
    b: usize,
) -> bool {
    if !(2..=4).contains(&(b - a))
        || !(a..b).all(|i| is_person_word(t, i))
        || (modifies_people(t, b) && rules::is_gazetteer_place(t.span_text(a, b)))
    {
        return false;
    }
    // a large place's name needs the tagger as sure as it must be to overrule the gazetteer
    if gaz.is_some_and(|g| is_large_place(g, &fold(t.span_text(a, b)))) {
        return tagged_as(reg, a, b, NOT_PLACE_MARGIN) == Some(NameType::Person);
    }
    let given = given_name_class(t.lo(a)) >= 1;
    let margin = if given { 0.0 } else { PERSON_MARGIN };
    tagged_as(reg, a, b, margin) == Some(NameType::Person)
}

/// A lower-case noun of people right after a name ("Santa Barbara officials", "Santa
/// Monica residents"): a place's name there says where they are (a person's, whom they
/// follow: "Ana Ruiz supporters").
pub(super) fn modifies_people(t: &Tokens, b: usize) -> bool {
    b < t.len()
        && t.is_word(b)
        && !t.is_cap(b)
        && (t.lex.is_person_plural(t.lo(b)) || (t.has(b, flag::NOMINAL) && t.lo(b).ends_with('s')))
}

/// A first name in the names list's most common class: one such word before a cue
/// ("Tony, from the coast, said") is a person who gave only a first name.
pub fn is_common_given_name(lower: &str) -> bool {
    given_name_class(lower) >= 3
}

/// How common `lower` is as a given name in the shipped names list, 0 (not one) to 3.
pub(super) fn given_name_class(lower: &str) -> u8 {
    tagger::features::given_class(tagger::given_names(), lower)
}

/// A run of name words without a title that names a body, not a person: written after
/// "the" ("the Red Cross said": people take no article), ending in a word only bodies'
/// names end in ("Amnesty International"), opening with a region's name of several words
/// ("Nova Scotia Power"), or read as an organisation by the tagger and not opening with a
/// given name.
pub(super) fn reads_as_body(t: &Tokens, reg: &Registry, a: usize, b: usize) -> bool {
    if a > 0 && t.is(a - 1, "the") {
        return true;
    }
    // "Amnesty International", "Orvik Co", "Velto Holdings": a body's or a company's tail
    if b > a + 1 && rules::is_body_tail(t.lo(b - 1)) {
        return true;
    }
    // "Amnesty International Kenya", "Red Cross Norway": a body's national branch ends in
    // the country; a person's name does not ("Ana Kenya" opens with a given name)
    if b > a + 1 && given_name_class(t.lo(a)) < 2 && rules::is_country(t.s(b - 1)) {
        return true;
    }
    // "Nova Scotia Power", "New South Wales Police": a country's or a first-level region's
    // name of several words opens a body's name of that place, no person's
    let place_led = (a + 2..b).any(|e| {
        let name = t.span_text(a, e);
        rules::is_country(name) || rules::is_named_region(name)
    });
    if place_led {
        return true;
    }
    given_name_class(t.lo(a)) < 2 && tagged_as(reg, a, b, 0.0) == Some(NameType::Organization)
}

/// "the Kessel Rock prison", "its Varnok reactor complex": a name before a lower-case
/// noun of a building or site is the place of that facility, named by its bare name so a
/// later "at Kessel Rock" is the same place. A name the tagger is sure is a body or a
/// person ("the Velto plant") is left to the other rules.
pub(super) fn facility_after(t: &Tokens, reg: &Registry, a: usize, b: usize) -> bool {
    t.is_word(b)
        && !t.toks[b].cap
        && rules::FACILITY_NOUNS.contains(&t.lo(b))
        // "the Harbour Guild prison chief": a role of the body that runs it
        && !t.has(b + 1, flag::ROLE | flag::TITLE)
        && !(a..b).any(|i| t.has(i, flag::ORG_HEAD | flag::TITLE | flag::DEMONYM))
        && !matches!(
            tagged_as(reg, a, b, NOT_PLACE_MARGIN),
            Some(NameType::Organization | NameType::Person)
        )
}

/// Population from which a gazetteer name is a place without any context word.
pub(super) const LARGE_PLACE: u32 = 100_000;

/// A country, a continent, a region the source lists by name (the US states) or names in
/// its own right in more than one word ("British Columbia"; one word, "Victoria" or
/// "Delta", is as often a person or a firm), or a place of at least [`LARGE_PLACE`] people
/// that is not a national capital (capitals stand for governments: "Moscow troops"), is
/// called `folded`.
pub(super) fn is_large_place(g: &Gazetteer, folded: &str) -> bool {
    let several_words = folded.contains(' ');
    g.country_named(folded).is_some()
        || g.continent_named(folded).is_some()
        || g.regions_named(folded).iter().any(|&r| {
            let reg = g.region(r);
            reg.geonames_id.is_some() || (several_words && reg.listed && fold(&reg.name) == folded)
        })
        || large_place(g, folded).is_some_and(|p| !g.is_capital_place(p))
}

/// "Hamas" in a story set in another country: a name that is only one of the other
/// names of towns in countries the article does not name (a German town lists it) is no
/// place of the story. Needs the article to name a country.
pub(super) fn alias_abroad(g: &Gazetteer, folded: &str, countries: &FnvSet<CountryCode>) -> bool {
    if countries.is_empty() || g.country_named(folded).is_some() {
        return false;
    }
    let places = g.lookup(folded);
    !places.is_empty()
        && g.regions_named(folded).is_empty()
        && places.iter().all(|&p| {
            let place = g.place(p);
            fold(&place.name) != folded && !countries.contains(&place.country)
        })
}

/// "chips used in AI data centres", "jobs in IT": an acronym `[a, b)` after "in" that
/// neither the gazetteer nor the country table knows is no place ("in the US" is known;
/// "retired from CERN" may name the lab's site, so only "in" counts).
pub(super) fn unknown_acronym_after_in(t: &Tokens, g: &Gazetteer, a: usize, b: usize) -> bool {
    if !(b == a + 1 && a > 0 && t.is(a - 1, "in") && t.is_acronym(a)) {
        return false;
    }
    let written = t.s(a);
    let key = fold(written);
    g.lookup(&key).is_empty()
        && g.country_named(&key).is_none()
        && g.regions_named(&key).is_empty()
        && !rules::is_country_in(Some(g), written)
}

/// "Google" (a town's name for a season), "Hamas": a name every place so called bears only
/// as another name, and one unlike its own ("Kiev" is a spelling of "Kyiv"; half the
/// letters or more differ here), is no place without context.
pub(super) fn unlike_alias_only(g: &Gazetteer, folded: &str) -> bool {
    let places = g.lookup(folded);
    g.country_named(folded).is_none()
        && !places.is_empty()
        && places.iter().all(|&p| {
            let own = fold(&g.place(p).name);
            own != folded && crate::places::unlike_names(&own, folded)
        })
}

/// A name the gazetteer gives its places only as another name of theirs, by either
/// reading: towns abroad ([`alias_abroad`]) or one unlike their own ([`unlike_alias_only`]).
pub(super) fn only_another_name(
    g: &Gazetteer,
    folded: &str,
    countries: &FnvSet<CountryCode>,
) -> bool {
    alias_abroad(g, folded, countries) || unlike_alias_only(g, folded)
}

/// The most populous place called `folded`, if it is a large one (capitals included).
pub(super) fn large_place(g: &Gazetteer, folded: &str) -> Option<PlaceId> {
    let p = *g.lookup(folded).first()?;
    (g.place(p).population >= LARGE_PLACE).then_some(p)
}

/// A populated place of one of `countries` (not a capital, which may stand for its
/// government, nor a country) is called `folded`.
pub(super) fn is_place_in(g: &Gazetteer, folded: &str, countries: &FnvSet<CountryCode>) -> bool {
    is_town_in(g, folded, countries, 0)
}

/// A place of a country the article names, or a town of one it names by a nationality.
pub(super) fn in_named_country(g: &Gazetteer, folded: &str, reg: &Registry) -> bool {
    is_place_in(g, folded, &reg.countries)
        || is_town_in(g, folded, &reg.nationalities, NATIONALITY_TOWN_MIN)
}

/// Least population of a town that a nationality alone places ([`Registry::nationalities`]).
const NATIONALITY_TOWN_MIN: u64 = 15_000;

/// [`is_place_in`], for places of `min_population` or more.
fn is_town_in(
    g: &Gazetteer,
    folded: &str,
    countries: &FnvSet<CountryCode>,
    min_population: u64,
) -> bool {
    let places = g.lookup(folded);
    g.country_named(folded).is_none()
        && !places.first().is_some_and(|&p| g.is_capital_place(p))
        && places.iter().any(|&p| {
            let place = g.place(p);
            countries.contains(&place.country) && u64::from(place.population) >= min_population
        })
}

/// How far around a name a match report's score or sports noun is looked for.
const MATCH_REACH: usize = 30;

/// "Porto beat Braga 2-1", "Leeds have won five of their last six matches": a name right
/// before a result verb, or right after a word naming the opponent, in a sentence about a
/// match (a score such as "2-1", or a sports noun), is a team, not a place; so is a name
/// before a team role and its holder ("Braga coach Ana Ruiz"), or after "the" and before
/// the role ("the Braga coach").
pub(super) fn sports_side(t: &Tokens, a: usize, b: usize, match_report: bool) -> bool {
    // "Braga coach Ana Ruiz", "Ana Ruiz, the Braga coach,": a role of the team's and the
    // person holding it
    let staff = t.is_word(b)
        && !t.toks[b].cap
        && rules::SPORTS_STAFF_WORDS.contains(&t.lo(b))
        && (t.is_cap(b + 1) || (a > 0 && t.is(a - 1, "the")));
    if staff {
        return true;
    }
    // "Harwick, who play Denby on Sunday,": the relative clause's verb is the team's
    let mut k = if t.is_punct(b, ',') && t.is(b + 1, "who") {
        b + 2
    } else {
        b
    };
    let lead = k;
    while k < t.len() && k < lead + 2 && rules::SPORTS_VERB_LEAD_WORDS.contains(&t.lo(k)) {
        k += 1;
    }
    // "Harwick host Denby", but "Athens hosted the 2004 Games": a host's team plays a name;
    // "X has played a critical role": no match (asked only after a result verb)
    let no_match = || {
        let plays_a_role = (k + 1..(k + 5).min(t.len()))
            .take_while(|&x| t.is_word(x))
            .any(|x| rules::PLAYED_ROLE_NOUNS.contains(&t.lo(x)));
        (rules::HOSTING_VERBS.contains(&t.lo(k)) && !t.is_cap(k + 1)) || plays_a_role
    };
    let result_after = k < t.len() && rules::SPORTS_RESULT_VERBS.contains(&t.lo(k)) && !no_match();
    let opponent_before = a > 0 && rules::SPORTS_OPPONENT_WORDS.contains(&t.lo(a - 1));
    let sold_by = match_report && sold_by_club(t, a);
    ((result_after || opponent_before) && (match_report || about_a_match(t, a, b))) || sold_by
}

/// "signed the striker from Harwick", "joins from Harwick": the name after "from" in a
/// clause of a transfer is the club the player leaves.
fn sold_by_club(t: &Tokens, a: usize) -> bool {
    a > 0
        && t.is(a - 1, "from")
        && (a.saturating_sub(TRANSFER_REACH)..a - 1)
            .rev()
            .take_while(|&i| t.is_word(i))
            .any(|i| rules::TRANSFER_VERBS.contains(&t.lo(i)))
}

/// How many words before "from" a transfer verb is looked for ("signed the Brazilian
/// forward Ana Ruiz from …").
const TRANSFER_REACH: usize = 8;

/// Whether the article reports sport: a score of small numbers anywhere ("2-1", not
/// "2014-2022"), or [`rules::SPORTS_REPORT_NOUNS`] at least [`MATCH_REPORT_NOUNS`] times,
/// two of them different words.
pub(super) fn is_match_report(t: &Tokens) -> bool {
    let small_score =
        |i: usize| is_score(t, i) && t.s(i).split('-').all(|x| x.len() <= 3) && t.s(i).len() <= 7;
    let mut nouns: Vec<&str> = Vec::new();
    for i in 0..t.len() {
        if small_score(i) {
            return true;
        }
        if t.is_word(i) && rules::SPORTS_REPORT_NOUNS.contains(&t.lo(i)) {
            nouns.push(t.lo(i));
        }
    }
    let first = nouns.first().copied();
    nouns.len() >= MATCH_REPORT_NOUNS && nouns.iter().any(|&n| Some(n) != first)
}

/// Sports nouns that make an article without a score a sports report.
const MATCH_REPORT_NOUNS: usize = 3;

/// Whether the sentence around `[a, b)` has a score or a sports noun.
fn about_a_match(t: &Tokens, a: usize, b: usize) -> bool {
    let ends = |i: usize| t.is_punct(i, '.') || t.is_punct(i, '?') || t.is_punct(i, '!');
    let before = (a.saturating_sub(MATCH_REACH)..a)
        .rev()
        .take_while(|&i| !ends(i));
    let after = (b..(b + MATCH_REACH).min(t.len())).take_while(|&i| !ends(i));
    before
        .chain(after)
        .any(|i| is_score(t, i) || rules::SPORTS_NOUNS.contains(&t.lo(i)))
}

/// "2-1", "92-85": a score, written as one token or as digits around a hyphen.
fn is_score(t: &Tokens, i: usize) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let one = t
        .s(i)
        .split_once('-')
        .is_some_and(|(x, y)| digits(x) && digits(y));
    let split = i + 2 < t.len()
        && digits(t.s(i))
        && t.is_punct(i + 1, '-')
        && !t.toks[i + 1].space_before
        && !t.toks[i + 2].space_before
        && digits(t.s(i + 2));
    one || split
}

/// "the West Bank": a run of several words that is a region's own name in the gazetteer
/// is that region, though a word of it heads bodies' names too ("Bank", "Council").
pub(super) fn names_a_region(t: &Tokens, a: usize, b: usize, gaz: Option<&Gazetteer>) -> bool {
    b > a + 1
        && gaz.is_some_and(|g| {
            let key = fold(strip_possessive(t.span_text(a, b)));
            g.regions_named(&key).iter().any(|&r| {
                let region = g.region(r);
                region.listed && fold(&region.name) == key
            })
        })
}

/// "Velto launched its rocket", "Velto cut its forecast": a lone name whose verb acts on
/// "its" own thing is a body (a person's is "his" or "her"; a place the gazetteer knows
/// was read before the person rules).
pub(super) fn acts_on_its_own(t: &Tokens, b: usize) -> bool {
    t.is_word(b) && !t.is_cap(b) && !t.has(b, flag::FUNCTION | flag::PRONOUN) && t.is(b + 1, "its")
}

/// The key of a team's name in [`Registry::teams`]: its lower-case name without a
/// possessive.
pub(super) fn team_key(written: &str) -> String {
    strip_possessive(written).to_lowercase()
}

/// Most names of a list a plural region word after it shares out ("the A, B, C and D
/// regions").
const LISTED_REGIONS: usize = 6;

/// The region or feature word a place's name (ending at `b`) takes, and where the name
/// then ends: the lower-case word right after it ("Westvale region", "the Savio river"),
/// or the plural closing the list it is in ([`listed_region_word`]).
pub(super) fn region_word_after<'t>(t: &'t Tokens, b: usize) -> Option<(&'t str, usize)> {
    let after = t.is_word(b)
        && !t.toks[b].cap
        && t.has(b, flag::REGION | flag::GEO)
        && t.toks[b].space_before;
    if after {
        Some((t.s(b), b + 1))
    } else {
        listed_region_word(t, b).map(|w| (w, b))
    }
}

/// "the Westvale and Calvry regions", "the Lviv, Volyn and Rivne provinces": a name (ending
/// at `b`) in a list that a plural region word closes is a region of that word, as
/// "X region" is; the singular word.
fn listed_region_word(t: &Tokens, b: usize) -> Option<&'static str> {
    let mut k = b;
    for _ in 0..LISTED_REGIONS {
        if let Some(word) = plural_region_word(t, k) {
            return Some(word);
        }
        let joined = t.is_punct(k, ',') || t.is(k, "and") || t.is(k, "or");
        if !joined {
            return None;
        }
        k += 1;
        if t.is(k, "and") || t.is(k, "or") {
            k += 1;
        }
        if !t.is_cap(k) {
            return None;
        }
        while t.is_cap(k) {
            k += 1;
        }
    }
    None
}

/// The singular of a lower-case plural region word at `k` ("regions" → "region").
fn plural_region_word(t: &Tokens, k: usize) -> Option<&'static str> {
    if !t.is_word(k) || t.toks[k].cap {
        return None;
    }
    let singular = t.lo(k).strip_suffix('s')?;
    rules::REGION_WORDS.iter().copied().find(|w| *w == singular)
}

/// "Central Bank", "Northern Harbour Authority": a capitalised compass word right before
/// the capitalised words of a body's name is part of that name.
pub(super) fn opens_a_body_name(t: &Tokens, a: usize, b: usize) -> bool {
    t.is_cap(a)
        && rules::COMPASS_WORDS.contains(&t.lo(a))
        && t.is_cap(a + 1)
        && (a + 1..b)
            .take_while(|&i| t.is_cap(i) || t.is(i, "of"))
            .any(|i| t.has(i, flag::ORG_HEAD))
}

/// "Passengers said …", "Fishermen in the bay …", "Estimates suggest …": a plural of a
/// person noun or a kind of document opening a sentence, alone in its run, names a kind,
/// not an entity. A word the article also capitalises inside a sentence is a name
/// ("Rangers said …" after "… against Rangers").
pub(crate) fn names_a_kind(t: &Tokens, a: usize, b: usize) -> bool {
    b == a + 1
        && sentence_initial(t, a)
        && (t.lex.is_person_plural(t.lo(a)) || rules::DOCUMENT_NOUNS.contains(&t.lo(a)))
        && !(0..t.len())
            .any(|j| j != a && t.is_cap(j) && t.lo(j) == t.lo(a) && !sentence_initial(t, j))
}

/// "Residents of Dunmore …", "Streets of Calvry …": a sentence-initial place-of noun that
/// is no title ("Mayor of …" names an office) and the "of" after it open the sentence, and
/// the name after them is read with that noun as its cue.
pub(super) fn opens_with_place_of_noun(t: &Tokens, a: usize, b: usize) -> bool {
    a + 2 < b
        && sentence_initial(t, a)
        && t.is(a + 1, "of")
        && t.has(a, flag::PLACE_OF)
        && !t.has(a, flag::TITLE | flag::ROLE | flag::ORG_HEAD)
}

/// Whether the words from `b` say that the name before them is a place: a copula, "a" or
/// "the" (or a possessive: "Spain's third city"), at most four modifiers and a noun of
/// [`rules::PREDICATED_PLACE_NOUNS`] that heads its phrase ("is a city councillor" names a
/// person's post).
pub(super) fn predicated_place(t: &Tokens, b: usize) -> bool {
    // past a bracket right after the name ("X (pronounced …) is a city")
    let b = past_bracket(t, b);
    if !rules::PLACE_COPULAS.contains(&t.lo(b)) {
        return false;
    }
    let opens =
        |k: usize| matches!(t.lo(k), "a" | "an" | "the") || (t.is_possessive(k) && t.is_cap(k));
    if !opens(b + 1) {
        return false;
    }
    let heads = |k: usize| {
        rules::PREDICATED_PLACE_NOUNS.contains(&t.lo(k))
            && (k + 1 >= t.len() || !t.is_word(k + 1) || t.has(k + 1, flag::FUNCTION))
    };
    (b + 2..(b + 7).min(t.len()))
        .take_while(|&k| t.is_word(k) && !t.is_cap(k))
        .any(heads)
}

/// Most tokens of a bracket passed over after a name.
const BRACKET_MAX: usize = 12;

/// The token after a bracket opening at `k` and closing within [`BRACKET_MAX`] tokens on
/// its line; `k` itself when none opens there.
fn past_bracket(t: &Tokens, k: usize) -> usize {
    if !t.is_punct(k, '(') {
        return k;
    }
    (k + 1..(k + BRACKET_MAX).min(t.len()))
        .take_while(|&j| !t.toks[j].para_break)
        .find(|&j| t.is_punct(j, ')'))
        .map_or(k, |j| j + 1)
}

/// "talks between Ruiz and Lind", "a letter from Maria": right after a preposition that
/// takes people too (`before`, its index), a lone word no gazetteer knows that the tagger
/// reads as a person, or a common given name no large place bears, is no place.
pub(super) fn person_after_preposition(
    t: &Tokens,
    reg: &Registry,
    g: &Gazetteer,
    before: Option<usize>,
    a: usize,
    b: usize,
) -> bool {
    b == a + 1
        && before
            .is_some_and(|p| p + 1 == a && rules::PERSON_OR_PLACE_PREPOSITIONS.contains(&t.lo(p)))
        && {
            let key = fold(t.s(a));
            // "a letter from Maria": a common given name no large place bears
            let given = is_common_given_name(t.lo(a)) && !bears_a_large_place(g, &key);
            given
                || (tagged_as(reg, a, b, 0.0) == Some(NameType::Person) && gazetteer_lacks(g, &key))
        }
}

/// "X said … talks between X and Y": a lone word no gazetteer knows that the article makes
/// the subject of a cue ([`Registry::speakers`]) is no place anywhere in it.
pub(super) fn speaks(t: &Tokens, reg: &Registry, g: &Gazetteer, a: usize, b: usize) -> bool {
    b == a + 1
        && reg.speakers.contains(&crate::text::word_hash(t.lo(a)))
        && gazetteer_lacks(g, &fold(t.s(a)))
}

/// "DAB", "KPA", "CoM": a short name in capitals, or with a capital after a small letter,
/// that the gazetteer knows only written otherwise (a town's alternate name "Dab") is a
/// body's or a thing's initials, no place. A place written so in the gazetteer, a
/// country's initials and a region so named stay places.
pub(super) fn acronym_of_no_place(g: &Gazetteer, written: &str) -> bool {
    let written = strip_possessive(written);
    let letters = written.chars().count();
    // capitals throughout, or a capital after a small letter ("CoM", "GaN"): initials
    let capitals = written.chars().filter(char::is_ascii_uppercase).count();
    let initials = written.chars().all(|c| c.is_ascii_alphabetic())
        && written.starts_with(|c: char| c.is_ascii_uppercase())
        && capitals >= 2;
    if !(2..=5).contains(&letters) || !initials {
        return false;
    }
    let key = fold(written);
    let places = g.lookup(&key);
    !places.is_empty()
        && g.country_named(&key).is_none()
        && g.regions_named(&key)
            .iter()
            .all(|&r| &*g.region(r).name != written)
        && places.iter().all(|&p| {
            let place = g.place(p);
            &*place.name != written && place.aliases().all(|a| a != written)
        })
}

/// Whether a country, a continent, a region or a town of [`LARGE_PLACE`] people bears the
/// folded name: a given name after a preposition is then the place ("sailed to Florence");
/// smaller namesakes do not outweigh the person. Unlike [`is_large_place`], a capital and
/// any region so called count: after a preposition they are the place.
fn bears_a_large_place(g: &Gazetteer, folded: &str) -> bool {
    g.country_named(folded).is_some()
        || g.continent_named(folded).is_some()
        || !g.regions_named(folded).is_empty()
        || large_place(g, folded).is_some()
}

/// Whether the name ending at `b` ends in a facility's or a landmark's noun ("Heathrow
/// Airport", "Charlotte Douglas International Airport", "Ana Ruiz Square"), the place
/// whatever given names open it, unless it speaks ("… Street said" is an office).
pub(super) fn ends_in_a_site_noun(t: &Tokens, b: usize) -> bool {
    let last = t.lo(b - 1);
    rules::FACILITY_NOUNS.contains(&last)
        || (rules::LANDMARK_NOUNS.contains(&last) && !cue_follows(t, b))
}

/// "Doha hosted the talks", "X will host the summit", "X lies on a lake": a name the
/// gazetteer knows (as `written`) as the subject of a verb only a place takes, or of
/// hosting, is the place, even a capital, which without context may stand for its
/// government. The verb is tested first: the name is folded only for a run it passes.
pub(super) fn place_verb_after(t: &Tokens, g: &Gazetteer, written: &str, b: usize) -> bool {
    let v = b + usize::from(rules::PLACE_VERB_AUXILIARIES.contains(&t.lo(b)));
    let verb = t.lo(v);
    (rules::HOSTING_VERBS.contains(&verb) || rules::LOCATION_PREDICATES.contains(&verb))
        && !gazetteer_lacks(g, &fold(written))
}

/// Whether the gazetteer knows no place, region, country or continent of this folded name.
fn gazetteer_lacks(g: &Gazetteer, folded: &str) -> bool {
    g.lookup(folded).is_empty()
        && g.regions_named(folded).is_empty()
        && g.country_named(folded).is_none()
        && g.continent_named(folded).is_none()
}
