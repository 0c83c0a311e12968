//! One capitalised run labelled: an outlet, a titled person, a body, a place or a person,
//! tried in that order of trust.

use std::ops::ControlFlow;

use claimgraph_gazetteer::{fold, Gazetteer};

use crate::model::EntityKind;
use crate::rules;
use crate::tagger::{sentence_initial, NameType};
use crate::text::{flag, word_hash, Kind, Tokens};

use super::bodies::{
    as_body, as_club, as_country_body, as_outlet, as_website, body_by_kind_after,
    company_after_its_trade, employer_of_staff, person_after_body, person_of_body,
};
use super::evidence::{
    acronym_of_no_place, acts_on_its_own, alias_abroad, compass_region, described_as_person,
    ends_in_a_site_noun, facility_after, given_name_class, in_named_country, is_common_given_name,
    is_large_place, large_place, modifies_people, names_a_kind, names_a_region, only_another_name,
    opens_a_body_name, opens_with_place_of_noun, paired_with_a_town, person_after_preposition,
    place_verb_after, placed_by_what_follows, predicated_place, reads_as_body, reads_as_person,
    region_word_after, roles_after, roles_before, speaks, sports_side, tagged_as, team_key,
    unknown_acronym_after_in, unlike_alias_only, NOT_PLACE_MARGIN,
};
use super::registry::{Found, Registry};
use super::titled::{as_regnal_person, as_titled_person};
use super::words::{
    clean_name, cue_follows, is_particle_surname, is_person_word, is_post_nominal, name_words,
    occupation_before_name, opening_participle, particle_at, strip_possessive, the_body,
};

/// Labels one capitalised run `[a, b)`: an outlet, a titled person, a body, a place or a
/// person, tried in that order; the first reading with its evidence wins.
pub(super) fn classify(
    t: &Tokens,
    reg: &Registry,
    a0: usize,
    b: usize,
    para_start: usize,
    prev_place_end: Option<usize>,
    gaz: Option<&Gazetteer>,
) -> Option<Found> {
    if surname_of_a_person(t, reg, a0, b) {
        let name = reg.person_name_lo(t.lo(a0)).unwrap_or(t.s(a0)).to_string();
        return Some(Found {
            a: a0,
            b,
            kind: EntityKind::Person,
            name,
            roles: Vec::new(),
        });
    }
    // "Helen Marsh KC": the letters after a person's name, a run of their own, name no
    // body; "L2", "G7": one or two capitals with a number glued on are a code, no name
    if b == a0 + 1 && (is_post_nominal(t, a0) || t.is_glued_code(a0)) {
        return None;
    }
    // "Union leaders said": a body's head word opening the sentence before a noun of
    // people says whom they lead, no body's name
    let lone_head = b == a0 + 1 && t.has(a0, flag::ORG_HEAD) && sentence_initial(t, a0);
    if rules::is_party_state(t.s(a0)) || (lone_head && modifies_people(t, b)) {
        return None;
    }
    if let Some(f) =
        company_after_its_trade(t, reg, a0, b).or_else(|| employer_of_staff(t, reg, gaz, a0, b))
    {
        return Some(f);
    }
    let a = trim_openers(t, a0, b)?;
    // "King Harald VII" before "Real Oster": a regnal number closes a person's name
    if let Some(f) = as_regnal_person(t, a, b).or_else(|| as_club(t, gaz, a, b)) {
        return Some(f);
    }
    if let Some(f) = as_outlet(t, reg, a0, a, b).or_else(|| as_website(t, a, b)) {
        // "Ana Ruiz of Bloomberg": the person named before the outlet is the run's first name
        if f.a > a {
            if let Some(person) = person_of_body(t, reg, a, b) {
                return Some(person);
            }
        }
        return Some(f);
    }
    if let Some(f) = as_titled_person(t, reg, a, b, gaz) {
        return Some(f);
    }
    if let Some(f) = person_after_body(t, gaz, a, b).or_else(|| as_country_body(t, gaz, a, b)) {
        return Some(f);
    }
    if let Some(f) = based_body(t, a0, a, b).or_else(|| body_by_kind_after(t, gaz, a, b)) {
        return Some(f);
    }
    // "Gaza and the West Bank": two places, not one body's name joined by "and"; the
    // gazetteer is asked only about a run the body rules would take
    let org_head = (a..b).any(|i| t.has(i, flag::ORG_HEAD));
    let and = (a + 1..b).find(|&k| t.is(k, "and")).filter(|_| org_head);
    if let Some(k) =
        and.filter(|&k| names_a_region(t, k + 1 + usize::from(t.is(k + 1, "the")), b, gaz))
    {
        return classify(t, reg, a0, k, para_start, prev_place_end, gaz);
    }
    if !(org_head && names_a_region(t, a, b, gaz)) {
        if let Some(f) = as_body(t, reg, a, b) {
            return Some(f);
        }
    }
    let pa = strip_modifiers(t, a, b)?;
    let run = Run {
        t,
        reg,
        gaz,
        a,
        pa,
        b,
        para_start,
    };
    match run.as_place(prev_place_end) {
        ControlFlow::Break(found) => found,
        ControlFlow::Continue(name) => run.as_person(&name).or_else(|| run.known_body(&name)),
    }
}

/// "Oslo-based Velto", "London-headquartered Arkam Partners": the name after a place
/// compound that says where something is based is a body's, without the compound (which
/// opening a sentence is trimmed from the run `[a0, b)` as an opener already, to `a`).
fn based_body(t: &Tokens, a0: usize, a: usize, b: usize) -> Option<Found> {
    let based = |i: usize| {
        t.lo(i)
            .rsplit_once('-')
            .is_some_and(|(_, last)| rules::BASED_WORDS.contains(&last))
    };
    let from = if based(a) {
        a + 1
    } else if a > a0 && based(a - 1) {
        a
    } else {
        return None;
    };
    (from < b && t.is_cap(from)).then(|| Found {
        a: from,
        b,
        kind: EntityKind::Organization,
        name: clean_name(t, from, b),
        roles: Vec::new(),
    })
}

/// The run without the sentence openers and function words in front of it, `None` when
/// nothing is left.
/// "Winter said" after "Karl Winter": a word that is never a name alone (a season, here)
/// is the surname the article gave a person, inside a sentence or before a cue.
fn surname_of_a_person(t: &Tokens, reg: &Registry, a: usize, b: usize) -> bool {
    b == a + 1
        && t.has(a, flag::NOT_NAME)
        && !t.has(a, flag::FUNCTION)
        && (!sentence_initial(t, a) || cue_follows(t, b))
        && reg.person_name_lo(t.lo(a)).is_some()
}

/// Whether token `to` is the "to" of "according to": a name after it is a source, not a
/// place something went to.
fn closes_according_to(t: &Tokens, to: usize) -> bool {
    to > 0 && t.is(to, "to") && t.is(to - 1, "according")
}

/// "Recent reports said …": a derived adjective the lexicon knows, alone in its run at
/// the start of a sentence and before a lower-case word, opens a description.
fn derived_adjective_opening(t: &Tokens, a: usize, b: usize) -> bool {
    let lo = t.lo(a);
    b == a + 1
        && sentence_initial(t, a)
        && t.is_word(b)
        && !t.is_cap(b)
        && t.lex.is_adjective(lo)
        && rules::DERIVED_ADJECTIVE_ENDINGS
            .iter()
            .any(|e| lo.ends_with(e))
}

pub(super) fn trim_openers(t: &Tokens, a0: usize, b: usize) -> Option<usize> {
    let mut a = a0;
    while a < b
        && (t.has(a, flag::NOT_NAME | flag::FUNCTION)
            || opening_participle(t, a, b)
            // "Shares of Velto fell": what the company issued opens no name
            || (rules::TRADED_NOUNS.contains(&t.lo(a)) && t.is(a + 1, "of"))
            || opens_with_place_of_noun(t, a, b)
            || names_a_kind(t, a, b)
            || occupation_before_name(t, a, b)
            || derived_adjective_opening(t, a, b))
        && !(t.has(a, flag::ORG_HEAD) && a + 1 < b)
        && !opens_a_body_name(t, a, b)
        && !compass_region(t, a, b)
    {
        a += 1;
    }
    (a < b).then_some(a)
}

/// Where a place's or person's name begins after leading demonyms and "Dutch-built"-style
/// adjectives; `None` when a lone demonym, month or weekday is all there is.
pub(super) fn strip_modifiers(t: &Tokens, a: usize, b: usize) -> Option<usize> {
    // "Dominican Republic", "British Columbia": a country or a region named with an
    // adjective of its own
    let whole = t.span_text(a, b);
    if b > a + 1
        && t.has(a, flag::DEMONYM)
        && (rules::is_country(whole) || rules::is_named_region(whole))
    {
        return Some(a);
    }
    let mut pa = a;
    while pa < b
        && ((t.has(pa, flag::DEMONYM) && !compass_region(t, pa, b))
            || t.s(pa)
                .rsplit('-')
                .next()
                .is_some_and(|p| p.starts_with(char::is_lowercase)))
        && pa + 1 < b
    {
        pa += 1;
    }
    let lone = t.has(
        pa,
        flag::DEMONYM | flag::MONTH | flag::WEEKDAY | flag::NOT_NAME,
    ) && pa + 1 == b;
    (!lone).then_some(pa)
}

/// A run being read as a place or a person: `[pa, b)` is the name, `a` where the run
/// began before its modifiers, `para_start` the paragraph's first token.
pub(super) struct Run<'a> {
    t: &'a Tokens<'a>,
    reg: &'a Registry,
    gaz: Option<&'a Gazetteer>,
    a: usize,
    pa: usize,
    b: usize,
    para_start: usize,
}

/// The name of a run that was not read as a place, with what the person rules need.
pub(super) struct Name {
    written: String,
    lower: String,
    known_person: bool,
    tagger_person: bool,
}

/// The context words before a run that make it a place.
pub(super) struct PlaceCues {
    /// The word before the run, past "the" and one lower-case adjective.
    before: Option<usize>,
    /// "in X", "near the X", "the city of X", "west of the X".
    prep: bool,
    /// An item of a list of places ("A, B and C").
    listed: bool,
    /// Right after a verb whose object is a place ("ferries left X", "drones struck X").
    verb_object: bool,
    /// "the Savio River", "Lake Tana": a capitalised feature word ends the name, or opens
    /// it ([`rules::FEATURE_LEADS`]).
    geo_last: bool,
    /// A wire dateline: a name in capitals opening its paragraph before a bracket, a dash
    /// or a comma ("OSLO (Reuters) -", "OSLO —").
    dateline: bool,
    /// Said to be a place: "X is a small town", "X was the capital of …".
    predicated: bool,
}

impl Run<'_> {
    /// Index of the word before `[pa, b)`, skipping "the" and one lower-case adjective.
    fn before(&self) -> Option<usize> {
        let (t, para_start) = (self.t, self.para_start);
        let mut p = self.pa.checked_sub(1)?;
        if p < para_start {
            return None;
        }
        if t.is(p, "the") && p > para_start {
            p -= 1;
        } else if t.is_word(p)
            && !t.toks[p].cap
            && !t.has(p, flag::PLACE_PREP | flag::FUNCTION)
            && p > para_start
        {
            if t.is(p - 1, "the") && p - 1 > para_start {
                p -= 2;
            } else {
                p -= 1;
            }
        }
        Some(p)
    }

    fn place_cues(&self, prev_place_end: Option<usize>) -> PlaceCues {
        let (t, pa, b) = (self.t, self.pa, self.b);
        let last = b - 1;
        let before = self.before();
        // ("according to X" names a source, not where something went)
        let prep = before.is_some_and(|p| {
            (t.has(p, flag::PLACE_PREP)
                && (!t.toks[p].cap || sentence_initial(t, p))
                && !closes_according_to(t, p))
                || (t.is(p, "of") && p > 0 && t.has(p - 1, flag::PLACE_OF))
        });
        // A list item after a comma ends where the list goes on or the sentence does: a
        // run the sentence goes on from is its subject ("In A, B, Ana Ruiz gave …"); after
        // "and" the list has ended with it ("A, B and C overnight").
        let ends_item = |k: usize| {
            k >= t.len()
                || !t.is_word(k)
                || rules::LIST_CONJUNCTIONS.contains(&t.lo(k))
                || t.has(k, flag::PLACE_PREP)
        };
        let listed = prev_place_end.is_some_and(|e| {
            let conjunction = |k: usize| rules::LIST_CONJUNCTIONS.contains(&t.lo(k));
            let joined = (e..pa).any(conjunction);
            pa > e
                && pa - e <= 2
                && (e..pa).all(|k| t.is_punct(k, ',') || conjunction(k))
                && (joined || ends_item(b))
        });
        let verb_object = pa > self.para_start
            && t.is_word(pa - 1)
            && !t.toks[pa - 1].cap
            && rules::PLACE_OBJECT_VERBS.contains(&t.lo(pa - 1));
        let dateline = pa == self.para_start
            && (pa..b).all(|i| !t.s(i).chars().any(char::is_lowercase))
            && matches!(
                t.toks.get(b).map(|x| &x.kind),
                Some(Kind::Punct('(' | '—' | '–' | '-' | ','))
            );
        PlaceCues {
            before,
            prep,
            listed,
            verb_object,
            dateline,
            predicated: predicated_place(t, b),
            geo_last: (t.has(last, flag::GEO) && t.is_cap(last) && last > pa)
                || (rules::FEATURE_LEADS.contains(&t.lo(pa)) && b > pa + 1 && {
                    // "Mt. Orvik": past the abbreviation's period
                    let next = pa + 1 + usize::from(t.is_punct(pa + 1, '.'));
                    next < b && t.is_cap(next)
                }),
        }
    }

    /// The run read as a place, `Break(None)` when it can be no name at all, or
    /// `Continue` with its name for the person rules.
    fn as_place(&self, prev_place_end: Option<usize>) -> ControlFlow<Option<Found>, Name> {
        let (t, reg, pa, b) = (self.t, self.reg, self.pa, self.b);
        let written = clean_name(t, pa, b);
        let all_name_words = (pa..b).all(|i| {
            t.is_cap(i)
                || rules::is_name_connector(t.lo(i))
                || t.is(i, "the")
                || t.is(i, "and")
                || (i > pa && is_particle_surname(t.s(i)))
                || (t.is_punct(i, '.') && is_person_word(t, i))
                || (t.is_punct(i, '.')
                    && i > pa
                    && rules::NAME_ABBREVIATIONS.contains(&t.lo(i - 1)))
        });
        let compound = b - pa == 1
            && t.s(pa)
                .split('-')
                .filter(|p| p.starts_with(char::is_uppercase))
                .count()
                >= 2;
        // "Franco-German" is two names; "Port-de-Paix" one the gazetteer knows, and
        // "Duarte-Vidal" the surname of a person the article named in full
        let unknown_compound = compound
            && reg.person_name_lo(t.lo(pa)).is_none()
            && self
                .gaz
                .is_none_or(|g| g.lookup(&fold(&written)).is_empty());
        // "Highway 29", "Gate 4": a numbered road or facility, not a town of that name
        let numbered = b == pa + 1
            && t.toks.get(b).is_some_and(|x| x.kind == Kind::Num)
            && rules::NUMBERED_WAY_WORDS.contains(&t.lo(pa));
        // "the crew of Halifax" after "the tanker Halifax": a vessel, no place; "data from
        // SSS" after "sea surface salinity (SSS)": a term
        let vehicle = reg.names_a_thing(t, pa, b);
        // "Hurricane Erin", "Tropical Storm Erin": a storm, no place nor person
        let storm = (pa..b - 1).any(|k| rules::STORM_WORDS.contains(&t.lo(k)));
        if !all_name_words || unknown_compound || numbered || vehicle || storm {
            return ControlFlow::Break(None);
        }
        let possessive = t.is_possessive(b - 1);
        // "the Pacific nation of Tonga", "the Caribbean island of Dominica": a word that
        // describes the place named after "of", no place itself (a country stays one: "the
        // US state of Texas")
        let country = rules::is_country_in(self.gaz, &written);
        let describes_named_place = !possessive
            && !country
            && t.is_word(b)
            && !t.toks[b].cap
            && rules::DESCRIBED_PLACE_NOUNS.contains(&t.lo(b))
            && t.is(b + 1, "of")
            && t.is_cap(b + 2);
        if describes_named_place {
            return ControlFlow::Break(None);
        }
        // "Heathrow Airport", "Ana Ruiz Square": that place, whatever given names open it
        if b >= pa + 2 && ends_in_a_site_noun(t, b) && !possessive {
            return ControlFlow::Break(Some(self.place(b, written)));
        }
        // "Westvale region", "the Westvale and Calvry regions" (not after a country: "a US
        // state" is in the country)
        if let Some((word, end)) = region_word_after(t, b).filter(|_| !country && !possessive) {
            return ControlFlow::Break(Some(self.place(end, format!("{written} {word}"))));
        }
        let lower = written.to_lowercase();
        let known_person = reg.person_name_lo(&lower).is_some();
        let tagger_person = reads_as_person(t, reg, self.gaz, pa, b);
        if !possessive && !known_person && !tagger_person && facility_after(t, reg, pa, b) {
            return ControlFlow::Break(Some(self.place(b, written)));
        }
        let name = Name {
            written,
            lower,
            known_person,
            tagger_person,
        };
        // a company's short form ("Velto" of "Velto Motor Corporation")
        if b == pa + 1 && !known_person {
            if let Some(full) = reg.companies.get(&word_hash(t.lo(pa))) {
                return ControlFlow::Break(Some(Found {
                    a: pa,
                    b,
                    kind: EntityKind::Organization,
                    name: full.clone(),
                    roles: Vec::new(),
                }));
            }
        }
        // a city's team in a match report ("Porto beat Braga 2-1"); the token tests first,
        // the gazetteer only for the rare run they pass
        let gazetteer_name = || {
            self.gaz
                .is_some_and(|g| !g.lookup(&fold(strip_possessive(&name.written))).is_empty())
        };
        let cues = self.place_cues(prev_place_end);
        // a country's side is still read as the country: its name is the place's too
        let team = sports_side(t, pa, b, reg.match_report)
            || (!cues.prep && reg.teams.contains(&word_hash(&team_key(&name.written))));
        let country = || rules::is_country_in(self.gaz, &name.written);
        if !known_person && !tagger_person && team && gazetteer_name() && !country() {
            return ControlFlow::Break(Some(Found {
                a: pa,
                b,
                kind: EntityKind::Organization,
                name: strip_possessive(&name.written).to_string(),
                roles: Vec::new(),
            }));
        }
        if self.reads_as_place(&name, &cues) {
            let place_name = self.place_name(&name.written, &cues);
            return ControlFlow::Break(Some(self.place(b, place_name)));
        }
        ControlFlow::Continue(name)
    }

    fn place(&self, b: usize, name: String) -> Found {
        Found {
            a: self.pa,
            b,
            kind: EntityKind::Place,
            name,
            roles: Vec::new(),
        }
    }

    /// A place's name: as written with its feature or region word, "X region" for "the
    /// region of X", else without a possessive.
    fn place_name(&self, written: &str, cues: &PlaceCues) -> String {
        let t = self.t;
        // "the region of X", "the province of X": the region named after X, as "X region".
        let region_of = cues
            .before
            .filter(|&p| t.is(p, "of") && p > 0 && !t.toks[p - 1].cap)
            .map(|p| t.lo(p - 1))
            .filter(|w| rules::REGION_OF_NOUNS.contains(w))
            .filter(|_| !rules::is_country(written));
        if t.has(self.b - 1, flag::REGION) || cues.geo_last {
            written.to_string()
        } else if let Some(word) = region_of {
            format!("{} {}", strip_possessive(written), word)
        } else {
            strip_possessive(written).to_string()
        }
    }

    /// Read as a person or a body rather than a place: a title or role word around it, or
    /// a cue verb after it ("Kell said").
    fn personal(&self) -> bool {
        let (t, pa, b) = (self.t, self.pa, self.b);
        cue_follows(t, b)
            || !roles_before(t, pa, self.para_start).0.is_empty()
            || !roles_after(t, b, t.len()).0.is_empty()
    }
}

impl Run<'_> {
    /// Whether the gazetteer and the context make the name a place: a large place, a
    /// smaller one in a country the article names, a place word or preposition before it,
    /// a list of places, or a name the article already took for a place.
    fn reads_as_place(&self, name: &Name, cues: &PlaceCues) -> bool {
        let (t, reg, gaz, pa, b) = (self.t, self.reg, self.gaz, self.pa, self.b);
        let lower = name.lower.as_str();
        let known_person = name.known_person;
        // a gazetteer name the tagger reads, with a wide margin, as a body or a person
        let tagger_not_place = matches!(
            tagged_as(reg, pa, b, NOT_PLACE_MARGIN),
            Some(NameType::Organization | NameType::Person)
        );
        // Folded at most once, when a gazetteer test below gets that far.
        let folded = std::cell::OnceCell::new();
        let key = || folded.get_or_init(|| fold(&name.written)).as_str();
        // said to be a place, or hosting or lying as one, it is one, whatever the tagger reads
        let hosts = || gaz.is_some_and(|g| place_verb_after(t, g, &name.written, b));
        if (cues.predicated || hosts()) && !known_person {
            return true;
        }
        if gaz.is_some_and(|g| !cues.dateline && acronym_of_no_place(g, &name.written)) {
            return false;
        }
        // A large gazetteer place needs no context, unless the run reads as a person.
        // countries and capitals act in news as their governments do, and stay places
        let actor = b - pa == 1
            && reg.actors.contains(&word_hash(lower))
            && gaz.is_some_and(|g| g.country_named(key()).is_none() && !g.is_capital(key()));
        let uncommon = b - pa > 1 || !reg.common.contains(&word_hash(lower));
        // "Southern Oregon" is as large a place as the region it is part of ("South Korea"
        // is a country of its own)
        let core = (compass_region(t, pa, b) && !rules::is_country_in(gaz, &name.written))
            .then(|| fold(t.s(pa + 1)));
        let gazetteer = gaz.is_some_and(|g| {
            !known_person
                && !tagger_not_place
                && !actor
                && b - pa <= 3
                && uncommon
                && is_large_place(g, core.as_deref().unwrap_or_else(key))
                && !only_another_name(g, key(), &reg.countries)
                && !self.personal()
        });
        // A smaller place in a country the article names, where it reads as a name of its
        // own: mid-sentence, not after "the", a word the article never writes in lower case.
        let after_the = pa > 0 && t.is(pa - 1, "the");
        let in_country = !gazetteer
            && !actor
            && (!reg.countries.is_empty() || !reg.nationalities.is_empty())
            && !known_person
            && !tagger_not_place
            && !after_the
            && b - pa <= 2
            && gaz.is_some_and(|g| {
                !sentence_initial(t, pa)
                    && t.s(pa).chars().count() >= 4
                    && t.s(pa).chars().skip(1).any(char::is_lowercase)
                    && uncommon
                    && in_named_country(g, key(), reg)
                    && !unlike_alias_only(g, key())
                    && !self.personal()
            });
        // "Lima's main airport", "Oslo's streets": what a place has makes even a capital a
        // place
        let owned = t.is_possessive(b - 1)
            && (b..(b + 3).min(t.len()))
                .take_while(|&k| t.is_word(k))
                .any(|k| rules::PLACE_HAS_NOUNS.contains(&t.lo(k)))
            && gaz.is_some_and(|g| large_place(g, key()).is_some());
        // "from the War in …": a preposition of place before a name the tagger is sure is
        // an event, a work or a product, and no gazetteer hit
        let tagger_thing = tagged_as(reg, pa, b, NOT_PLACE_MARGIN) == Some(NameType::Other)
            && gaz.is_some_and(|g| g.lookup(key()).is_empty() && g.country_named(key()).is_none());
        // "a letter from Anna Brand", "… and Lviv, Marta Lindqvist said": a common given
        // name and a surname the gazetteer does not know together are a person's name, which
        // a preposition of place or a list of places before it does not make a place
        let person_shaped = (2..=3).contains(&(b - pa))
            && !(pa > 0 && t.is(pa - 1, "the"))
            && is_common_given_name(t.lo(pa))
            && (pa..b).all(|i| is_person_word(t, i))
            && tagged_as(reg, pa, b, NOT_PLACE_MARGIN) != Some(NameType::Place)
            && gaz.is_some_and(|g| g.lookup(key()).is_empty());
        let unknown_acronym = gaz.is_some_and(|g| unknown_acronym_after_in(t, g, pa, b));
        let speaker_or_person = gaz.is_some_and(|g| {
            person_after_preposition(t, reg, g, cues.before, pa, b) || speaks(t, reg, g, pa, b)
        });
        // "data from UK Biobank": a country's name opening a run the gazetteer lacks names a
        // body or a thing of that country, no place of it
        let of_a_country = b > pa + 1
            && rules::is_country(t.s(pa))
            && gaz.is_some_and(|g| g.lookup(key()).is_empty());
        // "Galway, Ireland", "Fresno, California": placed by the country or region
        // "Tralee and Galway": two towns of one country side by side
        let placed = !known_person
            && b - pa <= 3
            && gaz.is_some_and(|g| {
                placed_by_what_follows(t, g, key(), b)
                    || (uncommon && paired_with_a_town(t, g, key(), b))
            });
        !known_person
            && !name.tagger_person
            && !speaker_or_person
            && (!actor || cues.prep)
            && (cues.geo_last
                || placed
                || (cues.prep
                    && !tagger_thing
                    && !person_shaped
                    && !unknown_acronym
                    && !of_a_country)
                || (cues.listed && !person_shaped)
                || gazetteer
                || ((cues.verb_object || cues.dateline)
                    && gaz.is_some_and(|g| {
                        large_place(g, key()).is_some() && !alias_abroad(g, key(), &reg.countries)
                    }))
                || in_country
                || owned
                || (reg.is_place_lo(lower)
                    && !gaz.is_some_and(|g| only_another_name(g, key(), &reg.countries))))
    }

    /// "Doctors Without Borders said …": a run of several capitalised words right before a
    /// cue that are no person's name words, no title or role and no date, is a body
    /// speaking ("Prime Minister said" is a title, read elsewhere).
    fn body_speaking(&self, pa: usize, b: usize) -> Option<Found> {
        let t = self.t;
        let not_body = flag::TITLE | flag::ROLE | flag::MONTH | flag::WEEKDAY | flag::DEMONYM;
        let body = (2..=5).contains(&(b - pa))
            && cue_follows(t, b)
            && t.is_cap(b - 1)
            && (pa..b)
                .all(|i| (t.is_cap(i) && !t.has(i, not_body)) || rules::is_name_connector(t.lo(i)));
        body.then(|| Found {
            a: pa,
            b,
            kind: EntityKind::Organization,
            name: strip_possessive(t.span_text(pa, b)).to_string(),
            roles: Vec::new(),
        })
    }

    /// A country speaking ("South Korea said …", whatever words its name holds), or an
    /// acronym that is a body: before a cue ("The HSB said", "ONS reported"), after
    /// "according to" or anywhere
    /// when a body the article names in words has those initials (named in full:
    /// `expand_acronyms`).
    fn country_or_acronym(&self, written: &str) -> Option<Found> {
        let (t, pa, b) = (self.t, self.pa, self.b);
        let found = |kind, name: &str| Found {
            a: pa,
            b,
            kind,
            name: name.to_string(),
            roles: Vec::new(),
        };
        if b - pa <= 4 && cue_follows(t, b) && rules::is_country_in(self.gaz, written) {
            return Some(found(EntityKind::Place, strip_possessive(written)));
        }
        let acronym = claimgraph_model::acronym_letters(written);
        let of_a_named_body = acronym
            .as_ref()
            .is_some_and(|l| self.reg.body_initials.contains(l));
        // "according to the NTSB": a source, as before a cue
        let the = usize::from(pa > 0 && t.is(pa - 1, "the"));
        let credited = pa > the && closes_according_to(t, pa - 1 - the);
        (b == pa + 1 && acronym.is_some() && (cue_follows(t, b) || credited || of_a_named_body))
            .then(|| found(EntityKind::Organization, written))
    }

    /// "Velto agreed to pay … Velto said …": a name the first reading took for a body
    /// elsewhere in the article is that body where nothing else says what it is.
    fn known_body(&self, name: &Name) -> Option<Found> {
        self.reg
            .body_names
            .contains(&word_hash(&name.lower))
            .then(|| Found {
                a: self.pa,
                b: self.b,
                kind: EntityKind::Organization,
                name: name.written.clone(),
                roles: Vec::new(),
            })
    }

    /// The run read as a person (or, before a cue, a body speaking): role words before, an
    /// apposition after, a cue verb after, a byline, or already known.
    fn as_person(&self, name: &Name) -> Option<Found> {
        let (t, reg, a, pa, b, para_start) =
            (self.t, self.reg, self.a, self.pa, self.b, self.para_start);
        let (written, written_lo) = (name.written.as_str(), name.lower.as_str());
        let (known_person, tagger_person) = (name.known_person, name.tagger_person);
        if let Some(found) = self.country_or_acronym(written) {
            return Some(found);
        }
        // People: role words before, an apposition after, a cue verb after, or already known.
        // ("Winter said" after "Karl Winter": a surname the article gave a person)
        if !(known_person || (pa..b).all(|i| is_person_word(t, i))) || name_words(t, pa, b) > 4 {
            return self.body_speaking(pa, b);
        }
        let (mut roles, _) = roles_before(t, pa, para_start);
        let (r_after, _) = roles_after(t, b, t.len());
        roles.extend(r_after);
        let multi = b - pa >= 2;
        let appositive = multi
            && pa >= 2
            && t.is_punct(pa - 1, ',')
            && (pa.saturating_sub(9)..pa - 1)
                .any(|i| t.has(i, flag::ROLE) && !t.toks[i].cap && i >= para_start);
        if appositive {
            // "The governor of the central bank, Henrik Aalto,": the roles before the comma
            let from = (pa.saturating_sub(9)..pa - 1)
                .rev()
                .find(|&i| !t.is_word(i))
                .map_or(pa.saturating_sub(9), |i| i + 1)
                .max(para_start);
            for i in from..pa - 1 {
                if t.has(i, flag::ROLE) && !t.toks[i].cap && !roles.contains(&t.lo(i).to_string()) {
                    roles.push(t.lo(i).to_string());
                }
            }
        }
        // "said Ana Ruiz", "says Dr Ana Ruiz": named right after a cue.
        let after_cue = multi && pa > 0 && t.has(pa - 1, flag::CUE) && !t.is_cap(pa - 1);
        // Bylines: "By Ana Ruiz", "Author: Ana Ruiz".
        let byline = multi
            && pa > para_start
            && ((t.is(pa - 1, "by") && pa - 1 == para_start)
                || (t.is_punct(pa - 1, ':')
                    && pa >= para_start + 2
                    && rules::BYLINE_LABELS.contains(&t.lo(pa - 2))));
        // "Swedish Nora Lindqvist", "Democrat Nora Lindqvist": a nationality or a party
        // before a given name and a surname
        let affiliated =
            multi && pa > a && t.has(pa - 1, flag::DEMONYM) && given_name_class(t.lo(pa)) >= 2;
        // "Luis de la Vega", "Ida van der Berg": a given name, then a surname with its
        // particles (the tagger, trained on English, reads "de la" as no name's)
        let particled = given_name_class(t.lo(pa)) >= 2
            && (pa + 1..b.saturating_sub(1)).any(|i| particle_at(t, i));
        let evidence = !roles.is_empty()
            || tagger_person
            || affiliated
            || particled
            || appositive
            || byline
            || after_cue
            || known_person
            || (cue_follows(t, b)
                && (multi
                    || (!reg.is_place_lo(written_lo)
                        // "Carmaker recalls …": a kind of body at the start is no name
                        && !rules::is_org_descriptor(written_lo)
                        && (pa == 0
                            || !t.is_word(pa - 1)
                            || the_body(t, pa, b)
                            || rules::CLAUSE_COORDINATORS.contains(&t.lo(pa - 1))))))
            || (!multi && acts_on_its_own(t, b))
            || (multi && t.is_punct(b, ',') && t.is(b + 1, "who"))
            || (multi && described_as_person(t, b))
            || (multi
                && t.is_punct(b, ',')
                && t.toks.get(b + 1).is_some_and(|x| x.kind == Kind::Num)
                && t.is_punct(b + 2, ','));
        if !evidence {
            return None;
        }
        // A lone unknown word before a cue is a capital or a body speaking ("Ottawa said"),
        // unless the article named a person by it.
        let kind = if rules::is_country(written) {
            EntityKind::Place
        } else if known_person
            || !roles.is_empty()
            || (multi && !reads_as_body(t, reg, pa, b))
            || (!multi && is_common_given_name(written_lo))
        {
            EntityKind::Person
        } else {
            EntityKind::Organization
        };
        // a person's full name for a surname; a country keeps its own ("Jordan" beside
        // "Michael Jordan")
        let name = match kind {
            EntityKind::Person => reg.person_name_lo(written_lo).unwrap_or(written),
            _ => written,
        }
        .to_string();
        Some(Found {
            a: pa,
            b,
            kind,
            name,
            roles,
        })
    }
}
