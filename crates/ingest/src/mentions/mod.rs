//! Names in the text: people, organisations, outlets and places, decided from local evidence.
//!
//! Two passes: the first reads every capitalised run with its surroundings (titles, role
//! words, cue verbs, place prepositions, region words) and learns the article's people,
//! their roles and its places; the second labels every run again with what the whole
//! article taught, so "Velt said" resolves to the full name introduced earlier and a town
//! seen once after "in" is a place everywhere.

mod bodies;
mod borders;
mod capitals;
mod classify;
mod descriptions;
mod evidence;
mod genders;
mod registry;
mod surnames;
#[cfg(test)]
mod tests;
mod titled;
mod words;

use claimgraph_gazetteer::{fold, fold_into, CountryCode, Gazetteer};

use crate::model::{EntityKind, Mention, Span};
use crate::rules;
use crate::tagger;
use crate::text::{flag, word_hash, FnvMap, FnvSet, Kind, Tokens};

use self::borders::name_borders;
use self::capitals::resolve_capitals;
use self::classify::classify;
use self::descriptions::{read_seats, resolve_place_descriptions};
use self::evidence::{roles_after, roles_before, sports_side, team_key, LARGE_PLACE};
use self::words::strip_possessive;

pub(crate) use self::bodies::{outlet_kind_end, outlet_service_end};
pub use self::evidence::is_common_given_name;
pub(crate) use self::evidence::names_a_kind;
pub use self::registry::{Found, Registry};
pub use self::words::{abbreviated_before, content_words, run_end};

/// See [`Registry::actors`] and [`Registry::speakers`], in that order. A verb is an
/// auxiliary other than a copula, a cue or a word ending in "-ed".
fn actors(t: &Tokens) -> (FnvSet<u64>, FnvSet<u64>) {
    // per word: (verbs it is the subject of, whether one is a cue, whether it is placed)
    let mut acts: FnvMap<u64, (u32, bool, bool)> = FnvMap::default();
    for i in 0..t.len() {
        // (a paragraph break parts two capitalised words: a headline's last and the first)
        let apart = |k: usize| k >= t.len() || t.toks[k].para_break;
        let single = t.is_cap(i)
            && (!t.is_cap(i + 1) || apart(i + 1))
            && (i == 0 || !t.is_cap(i - 1) || apart(i));
        if !single || t.has(i, flag::FUNCTION | flag::NOT_NAME | flag::PRONOUN) {
            continue;
        }
        // one adverb may come between: "X initially blamed"
        let v = if t.lo(i + 1).ends_with("ly") {
            i + 2
        } else {
            i + 1
        };
        // a copula does not count: places are described too ("X is a rail hub"), nor
        // does a "has" of what a place has ("X has an active cycling club")
        let copula = rules::COPULAS.contains(&t.lo(v)) || possession(t, v);
        let verb = t.is_word(v)
            && !t.is_cap(v)
            && !copula
            && (t.has(v, flag::COMMON_VERB | flag::CUE) || t.lo(v).ends_with("ed"));
        // "from" and "to" take bodies and things too ("a letter from X"); a name the
        // text says is a city is placed too ("X is Spain's third city")
        let placed = (i > 0 && rules::LOCATIVE_PREPOSITIONS.contains(&t.lo(i - 1)))
            || evidence::predicated_place(t, i + 1);
        let entry = acts.entry(word_hash(t.lo(i))).or_default();
        entry.0 += u32::from(verb);
        entry.1 |= verb && t.has(v, flag::CUE);
        entry.2 |= placed;
    }
    let pick = |keep: fn(&(u32, bool, bool)) -> bool| {
        acts.iter()
            .filter(|(_, a)| keep(a) && !a.2)
            .map(|(h, _)| *h)
            .collect()
    };
    (pick(|a| a.0 >= 2), pick(|a| a.1))
}

/// Whether the word at `v` is "has", "have" or "had" before what is had: a determiner,
/// a quantity or an adjective ("has a port", "has two bridges", "has mild winters").
fn possession(t: &Tokens, v: usize) -> bool {
    let had = t.lo(v + 1);
    matches!(t.lo(v), "has" | "have" | "had")
        && (rules::DETERMINERS.contains(&had)
            || rules::QUANTIFIERS.contains(&had)
            || t.toks.get(v + 1).is_some_and(|x| x.kind == Kind::Num)
            || t.lex.is_adjective(had))
}

/// See [`Registry::companies`]: capitalised runs ending in a company word ("Velto Motor
/// Corporation", "Arkam Holdings") whose first word stands alone elsewhere, single names
/// an apposition says are a body's ("Nordtel, Norway's largest operator,"), and names
/// after "shares of".
fn companies(t: &Tokens) -> FnvMap<u64, String> {
    let mut out = FnvMap::default();
    let mut i = 0;
    while i < t.len() {
        if !t.is_cap(i) || t.has(i, flag::FUNCTION | flag::NOT_NAME | flag::DEMONYM) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < t.len() && e < i + 4 && t.is_cap(e) && t.is_word(e) && !t.toks[e].para_break {
            e += 1;
        }
        // "shares of Velto", "Velto's shares": what trades on a market is a company
        let traded = i >= 2 && t.is(i - 1, "of") && rules::TRADED_NOUNS.contains(&t.lo(i - 2));
        let named = (e > i + 1 && rules::COMPANY_HEADS.contains(&t.lo(e - 1)))
            || (e == i + 1 && evidence::described_as_organization(t, e))
            || traded;
        let starts = i == 0 || !t.is_cap(i - 1) || t.toks[i].para_break;
        if named && starts {
            out.entry(word_hash(t.lo(i)))
                .or_insert_with(|| t.span_text(i, e).to_string());
        }
        i = e;
    }
    out
}

/// See [`Registry::vehicles`]: capitalised runs right after a lower-case vessel or craft
/// noun ("the tanker Nordic Star"), or a storm's word ("Hurricane Erin").
fn vehicles(t: &Tokens) -> FnvMap<u64, usize> {
    let mut out = FnvMap::default();
    for i in 1..t.len() {
        let after_noun = t.is_word(i - 1)
            && ((!t.toks[i - 1].cap && rules::VEHICLE_NOUNS.contains(&t.lo(i - 1)))
                || rules::STORM_WORDS.contains(&t.lo(i - 1)));
        // a heading ("By ferry") ends its line: the next paragraph's name is not the vessel's
        let named = after_noun && !t.toks[i].para_break;
        if !named || !t.is_cap(i) || t.has(i, flag::FUNCTION | flag::NOT_NAME) {
            continue;
        }
        let mut e = i + 1;
        while e < t.len() && e < i + 3 && t.is_cap(e) && t.is_word(e) && t.toks[e].space_before {
            e += 1;
        }
        out.entry(word_hash(t.lo(i))).or_insert(e - i);
    }
    out
}

/// See [`Registry::term_acronyms`]: acronyms defined in brackets right after the
/// lower-case words they abbreviate ("sea surface salinity (SSS)", "light-emitting diode
/// (LED)"), function words between them allowed ("soil moisture and ocean salinity").
fn term_acronyms(t: &Tokens) -> FnvSet<u64> {
    let mut out = FnvSet::default();
    for i in 1..t.len().saturating_sub(2) {
        let defined = t.is_punct(i, '(') && t.is_acronym(i + 1) && t.is_punct(i + 2, ')');
        if defined && abbreviates_lower_words(t, i, t.s(i + 1)) {
            out.insert(word_hash(t.lo(i + 1)));
        }
    }
    out
}

/// Whether `acronym` abbreviates the lower-case words (the sentence's first may be
/// capitalised) that end right before token `end`, as [`claimgraph_model::abbreviates`]
/// reads initials: each part of a hyphened word gives a letter, small words none.
fn abbreviates_lower_words(t: &Tokens, end: usize, acronym: &str) -> bool {
    let Some(letters) = claimgraph_model::acronym_letters(acronym) else {
        return false;
    };
    let mut j = end;
    while j > 0 && end - j < 2 * letters.len() {
        j -= 1;
        // a capital only where the sentence opens
        let opens = j == 0 || t.toks[j].para_break || t.is_punct(j - 1, '.');
        if !t.is_word(j) || (t.toks[j].cap && !opens) {
            return false;
        }
        if claimgraph_model::abbreviates(acronym, t.span_text(j, end)) {
            return true;
        }
    }
    false
}

/// Countries the text names: capitalised words and pairs ("United States") that fold to a
/// country's name.
fn named_countries(t: &Tokens, g: &Gazetteer) -> FnvSet<CountryCode> {
    let mut out = FnvSet::default();
    // one key and one pair buffer for every capitalised word
    let mut key = String::new();
    let mut pair = String::new();
    for i in 0..t.len() {
        if !t.is_cap(i) || t.has(i, flag::NOT_NAME | flag::FUNCTION) {
            continue;
        }
        fold_into(strip_possessive(t.s(i)), &mut key);
        if let Some(c) = g.country_named(&key) {
            out.insert(c.code);
        } else if t.is_cap(i + 1) && t.toks[i + 1].space_before {
            pair.clear();
            pair.push_str(t.s(i));
            pair.push(' ');
            pair.push_str(strip_possessive(t.s(i + 1)));
            fold_into(&pair, &mut key);
            if let Some(c) = g.country_named(&key) {
                out.insert(c.code);
            }
        }
    }
    out
}

/// See [`Registry::nationalities`]: the countries of the nationalities the text writes
/// ("Ukrainian troops").
fn nationalities(t: &Tokens, g: &Gazetteer) -> FnvSet<CountryCode> {
    (0..t.len())
        .filter(|&i| t.is_cap(i) && t.has(i, flag::DEMONYM))
        .filter_map(|i| g.demonym_country(t.lo(i)))
        .map(|c| c.code)
        .collect()
}

/// Most words of an epithet after "U.N." ("agency for Palestinian refugees").
const EPITHET_WORDS: usize = 4;

/// "the U.N. refugee agency": the United Nations run `f` and the epithet after it, no
/// further than `limit`, are the body the epithet names ([`rules::un_epithet`]).
fn un_body_by_epithet(t: &Tokens, f: &mut Found, limit: usize) {
    // "U.N." may be read as any kind of name; its letters say what it is
    let un = matches!(f.name.replace('.', "").as_str(), "UN" | "United Nations");
    if !un {
        return;
    }
    // the closing period of "U.N."
    let from = f.b + usize::from(t.is_punct(f.b, '.') && !t.toks[f.b].space_before);
    let found = (1..=EPITHET_WORDS)
        .map(|k| from + k)
        .take_while(|&end| end <= limit && t.is_word(end - 1))
        .find_map(|end| rules::un_epithet(t.span_text(from, end)).map(|name| (end, name)));
    if let Some((end, name)) = found {
        f.b = end;
        f.kind = EntityKind::Organization;
        f.name = name.to_string();
    }
}

fn scan(
    t: &Tokens,
    reg: &Registry,
    paragraphs: &[(usize, usize)],
    gaz: Option<&Gazetteer>,
) -> Vec<Found> {
    let mut out = Vec::new();
    for &(pa, pb) in paragraphs {
        let mut i = pa;
        let mut prev_place_end = None;
        // where the run after a person "of" or "for" a body begins ("Ana Ruiz of …")
        let mut affiliation = None;
        while i < pb {
            if !t.is_cap(i) {
                i += 1;
                continue;
            }
            let e = run_end(t, i, pb);
            let read = classify(t, reg, i, e, pa, prev_place_end, gaz);
            if let Some(mut f) = read.or_else(|| unread_affiliation(t, affiliation, i, e)) {
                if let Some(body) = body_of_members(t, i, &f) {
                    f = body;
                }
                // what a person is "of" or speaks "for" is a body, whatever its words
                if affiliation == Some(i) && f.kind == EntityKind::Person {
                    f.kind = EntityKind::Organization;
                }
                un_body_by_epithet(t, &mut f, pb);
                if f.kind == EntityKind::Place {
                    prev_place_end = Some(f.b);
                }
                if f.kind == EntityKind::Person && f.a > i {
                    let mut o = i;
                    // "Swedish Ana Ruiz": a nationality or party before a name is no body,
                    // nor is what the person does ("Herder Ana Ruiz")
                    while o < f.a
                        && (t.has(o, flag::NOT_NAME | flag::FUNCTION | flag::DEMONYM)
                            || t.lex.is_person_noun(t.lo(o)))
                    {
                        o += 1;
                    }
                    // "Chief Financial Officer Ana Ruiz": words between two title words
                    // are part of the title, no body ("Harbour Board Secretary" opens
                    // with the body)
                    let inside_title =
                        t.has(f.a, flag::TITLE) && (i..o).any(|k| t.has(k, flag::TITLE));
                    if o < f.a && !inside_title {
                        let name = t.span_text(o, f.a).to_string();
                        // "Ambassador to Canada Ana Ruiz": a country stays one
                        let kind = if rules::is_country_in(gaz, &name) {
                            EntityKind::Place
                        } else {
                            EntityKind::Organization
                        };
                        out.push(Found {
                            a: o,
                            b: f.a,
                            kind,
                            name,
                            roles: Vec::new(),
                        });
                    }
                }
                // "the Harbour Board and the Port Union": the second body is a run of its
                // own, as is the body after a person "of" or "for" it ("Ana Ruiz of the Red
                // Cross")
                let of = rules::AFFILIATION_WORDS.contains(&t.lo(f.b));
                i = if f.b < e && (of || t.is(f.b, "and")) {
                    f.b + 1
                } else {
                    f.b.max(e)
                };
                affiliation = (f.kind == EntityKind::Person && f.b < e && of)
                    .then(|| i + usize::from(t.is(i, "the")));
                out.push(f);
            } else {
                i = e;
            }
        }
    }
    out
}

/// The run right after a person "of" or "for" (`affiliation`) when no rule reads it
/// ("Ana Ruiz for Food Standards Oster, says …"): two or more capitalised words there
/// name the body the person belongs to or speaks for.
fn unread_affiliation(t: &Tokens, affiliation: Option<usize>, i: usize, e: usize) -> Option<Found> {
    let body = affiliation == Some(i) && e >= i + 2 && (i..e).all(|k| t.is_cap(k) && t.is_word(k));
    body.then(|| Found {
        a: i,
        b: e,
        kind: EntityKind::Organization,
        name: words::clean_name(t, i, e),
        roles: Vec::new(),
    })
}

/// "The Federation of Harbour Pilots": a name read as a person right after a body's head
/// word and "of", with no role of its own, is whom the body gathers, so the whole run from
/// `i` is one organisation (a person after the body's full name, "President of the Harbour
/// Board Ana Ruiz", follows a name, not "of").
fn body_of_members(t: &Tokens, i: usize, f: &Found) -> Option<Found> {
    let gathers = f.kind == EntityKind::Person
        && f.roles.is_empty()
        && f.a >= i + 2
        && t.is(f.a - 1, "of")
        && t.has(f.a - 2, flag::ORG_HEAD)
        && t.is_cap(f.a - 2);
    if !gathers {
        return None;
    }
    let a = (i..f.a - 2)
        .find(|&o| !t.has(o, flag::NOT_NAME | flag::FUNCTION | flag::DEMONYM))
        .unwrap_or(f.a - 2);
    Some(Found {
        a,
        b: f.b,
        kind: EntityKind::Organization,
        name: words::clean_name(t, a, f.b),
        roles: Vec::new(),
    })
}

/// Reads the whole article twice and labels every name in it.
pub fn build(t: &Tokens, paragraphs: &[(usize, usize)], gaz: Option<&Gazetteer>) -> Registry {
    let mut reg = Registry {
        tagged: tagger::shipped().map(|m| tagger::tag(m, t, gaz)),
        ..Registry::default()
    };
    if gaz.is_some() {
        reg.common = (0..t.len())
            .filter(|&i| t.is_word(i) && !t.toks[i].cap)
            .map(|i| word_hash(t.lo(i)))
            .collect();
    }
    if let Some(g) = gaz {
        reg.countries = named_countries(t, g);
        reg.nationalities = nationalities(t, g);
        (reg.actors, reg.speakers) = actors(t);
    }
    reg.match_report = evidence::is_match_report(t);
    reg.companies = companies(t);
    reg.vehicles = vehicles(t);
    reg.term_acronyms = term_acronyms(t);
    reg.quoted = paragraphs
        .iter()
        .flat_map(|&(pa, pb)| crate::quotes::find(t, pa, pb))
        .map(|q| (q.open, q.close))
        .collect();
    for round in 0..2 {
        let found = scan(t, &reg, paragraphs, gaz);
        for (k, f) in found.iter().enumerate() {
            match f.kind {
                EntityKind::Place => {
                    reg.places.insert(f.name.to_lowercase(), ());
                }
                EntityKind::Person => {
                    let (_, ctx_b) = roles_before(t, f.a, f.a.saturating_sub(6));
                    let (_, ctx_a) = roles_after(t, f.b, t.len());
                    // The organisation in the title ("Harbour Board Secretary …") is context.
                    let org_before = k
                        .checked_sub(1)
                        .and_then(|p| found.get(p))
                        .filter(|p| p.kind == EntityKind::Organization && p.b == f.a);
                    let from = org_before.map_or(f.a, |p| p.a);
                    let mut ctx = content_words(t, from, f.b);
                    ctx.extend(ctx_b);
                    ctx.extend(ctx_a);
                    let name_lo = f.name.to_lowercase();
                    ctx.retain(|c| !name_lo.contains(c.as_str()));
                    reg.add_person(&f.name, f.roles.clone(), ctx, f.a);
                }
                _ => {}
            }
        }
        if round == 0 {
            for (name, at) in surnames::people_by_pronoun(t, &reg, &found, gaz) {
                reg.add_person(&name, Vec::new(), Vec::new(), at);
            }
            reg.teams = found
                .iter()
                .filter(|f| {
                    f.kind == EntityKind::Organization && sports_side(t, f.a, f.b, reg.match_report)
                })
                .map(|f| word_hash(&team_key(&f.name)))
                .collect();
            reg.body_names = found
                .iter()
                .filter(|f| f.kind == EntityKind::Organization)
                .map(|f| f.name.to_lowercase())
                .filter(|n| !reg.places.contains_key(n))
                .map(|n| word_hash(&n))
                .collect();
            reg.body_initials = found
                .iter()
                .filter(|f| f.kind == EntityKind::Organization && f.name.contains(' '))
                .map(|f| claimgraph_model::initials(&f.name))
                .filter(|i| i.len() >= 2)
                .collect();
        }
        if round == 1 {
            reg.found = found;
            reg.said_genders = genders::said_genders(t, &reg);
        } else if let Some(g) = gaz {
            // The country of a large place the text names is context too.
            for f in found.iter().filter(|f| f.kind == EntityKind::Place) {
                let large = g.lookup(&fold(&f.name)).first().map(|&p| g.place(p));
                if let Some(p) = large.filter(|p| p.population >= LARGE_PLACE) {
                    reg.countries.insert(p.country);
                }
            }
        }
    }
    if let Some(g) = gaz {
        reg.geo = crate::places::resolve(&reg.place_names(), g);
        read_seats(t, &mut reg);
    }
    name_borders(t, &mut reg, gaz);
    resolve_place_descriptions(t, &mut reg, gaz.is_some());
    if let Some(g) = gaz {
        resolve_capitals(t, &mut reg, g);
    }
    expand_acronyms(&mut reg);
    reg
}

/// "the UN" in an article that names the United Nations is the United Nations: an
/// organisation's acronym takes the name of the organisation the article spells out with
/// those initials.
fn expand_acronyms(reg: &mut Registry) {
    let full: Vec<(String, String)> = reg
        .found
        .iter()
        .filter(|f| f.kind == EntityKind::Organization && f.name.contains(' '))
        .map(|f| (claimgraph_model::initials(&f.name), f.name.clone()))
        .collect();
    for f in reg.found.iter_mut() {
        // an acronym the gazetteer happens to know ("HSB") is the body all the same
        if !matches!(f.kind, EntityKind::Organization | EntityKind::Place) {
            continue;
        }
        let Some(letters) = claimgraph_model::acronym_letters(&f.name) else {
            continue;
        };
        if let Some((_, name)) = full.iter().find(|(i, _)| *i == letters) {
            f.name.clone_from(name);
            f.kind = EntityKind::Organization;
        }
    }
}

/// Turns labelled runs into public mentions.
pub fn to_mentions(t: &Tokens, reg: &Registry) -> Vec<Mention> {
    reg.found
        .iter()
        .map(|f| {
            let roles = match f.kind {
                EntityKind::Person => reg
                    .person_index(&f.name)
                    .and_then(|i| reg.persons.get(i))
                    .map(|p| p.roles.clone())
                    .unwrap_or_else(|| f.roles.clone()),
                _ => f.roles.clone(),
            };
            let (name, place) = reg.place_of(f);
            Mention {
                span: Span::new(t.start(f.a), t.end(f.b.saturating_sub(1).max(f.a))),
                name,
                kind: f.kind,
                roles,
                place,
            }
        })
        .collect()
}
