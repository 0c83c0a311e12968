//! Names in the text: people, organisations, outlets and places, decided from local evidence.
//!
//! Two passes: the first reads every capitalised run with its surroundings (titles, role
//! words, cue verbs, place prepositions, region words) and learns the article's people,
//! their roles and its places; the second labels every run again with what the whole
//! article taught, so "Velt said" resolves to the full name introduced earlier and a town
//! seen once after "in" is a place everywhere.

use std::ops::ControlFlow;

use claimgraph_gazetteer::{fold, fold_into, CountryCode, Gazetteer, PlaceId};

use crate::model::{EntityKind, Mention, PlaceType, Span};
use crate::places::Resolved;
use crate::rules;
use crate::tagger::{self, Gender, NameType, Tagged};
use crate::text::{flag, word_hash, FnvMap, FnvSet, Kind, Tokens};

/// A person the article names, with what it says about them.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub roles: Vec<String>,
    /// Lower-case content words of the role phrases ("defense", "council").
    pub ctx: Vec<String>,
    /// Token where the person is first named.
    pub first: usize,
}

/// One labelled run of tokens.
#[derive(Debug, Clone)]
pub struct Found {
    /// Token range of the whole mention, titles included.
    pub a: usize,
    pub b: usize,
    pub kind: EntityKind,
    pub name: String,
    pub roles: Vec<String>,
}

/// What the article taught about its entities.
#[derive(Debug, Default)]
pub struct Registry {
    pub persons: Vec<Person>,
    by_name: FnvMap<String, usize>,
    by_surname: FnvMap<String, usize>,
    places: FnvMap<String, ()>,
    /// Every labelled run, in text order.
    pub found: Vec<Found>,
    /// Gazetteer identity and canonical name of each place name (lower case as written).
    pub geo: FnvMap<String, Resolved>,
    /// Hashes of the words the article writes in lower case ("reading", "mobile"): a capitalised one is
    /// not a place on the gazetteer's word alone.
    common: FnvSet<u64>,
    /// Countries the article names or whose large places it names: a smaller gazetteer
    /// place in one of them is a place without a context word ("troops entered X").
    countries: FnvSet<CountryCode>,
    /// Token ranges inside quotation marks, in text order: a person named inside a quote
    /// is not who "she said" after it means.
    quoted: Vec<(usize, usize)>,
    /// The trained tagger's reading of every token (`None` if the model did not load).
    tagged: Option<Tagged>,
    /// Hashes of capitalised words the article makes the subject of a verb at least twice
    /// and never puts after a locative preposition ("in", "at", "near"): a carmaker or a
    /// spacecraft that shares a city's name ("X has recalled …", "X later blamed …"), not
    /// the city.
    actors: FnvSet<u64>,
}

/// Longest capitalised run read as one name; longer runs are headings or noise.
const MAX_RUN: usize = 12;

/// At most this many people are remembered per article (bounds role look-ups).
const MAX_PERSONS: usize = 2000;

const CONNECTORS: &[&str] = &[
    "of", "for", "de", "du", "des", "la", "le", "del", "da", "di", "van", "von", "der", "al", "bin",
];

/// Whether `i` opens a sentence (first token of a paragraph or after a terminal or a quote).
fn sentence_initial(t: &Tokens, i: usize) -> bool {
    if i == 0 || t.toks[i].para_break {
        return true;
    }
    let mut k = i;
    while k > 0 && t.is_quote(k - 1) {
        k -= 1;
    }
    k == 0
        || t.toks[k].para_break
        || matches!(t.toks[k - 1].kind, Kind::Punct('.' | '!' | '?' | ':' | '…'))
}

fn strip_possessive(s: &str) -> &str {
    crate::text::strip_possessive(s).unwrap_or(s)
}

/// End of the capitalised run starting at `i` (exclusive), never past `limit`.
pub fn run_end(t: &Tokens, i: usize, limit: usize) -> usize {
    let mut j = i + 1;
    let limit = limit.min(i + MAX_RUN);
    while j < limit {
        // "Mr. Hollis", "Dr. Vik": the period of a title abbreviation stays in the run
        if t.is_punct(j, '.')
            && !t.toks[j].space_before
            && t.has(j - 1, flag::TITLE)
            && t.is_cap(j + 1)
            && t.toks.get(j + 1).is_some_and(|x| x.space_before)
        {
            j += 1;
            continue;
        }
        if t.is_cap(j) && t.toks[j].space_before {
            if t.is_possessive(j - 1) {
                // "Lisbon’s Water Board" stays one run only for organisations.
                if !(j..limit.min(j + 4)).any(|k| t.is_cap(k) && t.has(k, flag::ORG_HEAD)) {
                    break;
                }
            }
            j += 1;
            continue;
        }
        let lo = t.lo(j);
        let joins = (CONNECTORS.contains(&lo) || lo == "and") && t.is_word(j) && !t.toks[j].cap;
        if joins {
            let mut k = j + 1;
            if t.is(k, "the") {
                k += 1;
            }
            if k < limit && t.is_cap(k) {
                if lo == "and" {
                    let org_ahead = (k..limit.min(k + 5))
                        .take_while(|&x| t.is_cap(x))
                        .any(|x| t.has(x, flag::ORG_HEAD));
                    if !org_ahead {
                        break;
                    }
                }
                j = k + 1;
                continue;
            }
        }
        break;
    }
    j
}

/// A word of a person's name; "van", "de", "bin" count inside a name ("Jan van Dam").
fn is_person_word(t: &Tokens, i: usize) -> bool {
    if !t.toks[i].cap && CONNECTORS.contains(&t.lo(i)) && t.lo(i) != "of" && t.lo(i) != "for" {
        return i > 0 && t.is_cap(i - 1) && t.is_cap(i + 1);
    }
    t.is_cap(i)
        && !t.has(
            i,
            flag::NOT_NAME
                | flag::ORG_HEAD
                | flag::OUTLET_HEAD
                | flag::MONTH
                | flag::WEEKDAY
                | flag::TITLE
                | flag::GEO
                | flag::REGION
                | flag::NOMINAL
                | flag::ROLE,
        )
        && !t.has(i, flag::DEMONYM)
        && t.s(i).chars().skip(1).any(char::is_lowercase)
}

fn outlet_match(t: &Tokens, a: usize, b: usize) -> Option<(usize, usize)> {
    // The longest table entry that matches a sub-run; short entries ("AP") by exact case.
    for x in a..b {
        let candidates = t.lex.outlets_starting(strip_possessive(t.lo(x)));
        if candidates.is_empty() {
            continue;
        }
        for y in (x + 1..=b).rev() {
            let s = strip_possessive(t.span_text(x, y));
            let hit = candidates.iter().any(|o| {
                if o.len() <= 3 {
                    *o == s
                } else {
                    o.eq_ignore_ascii_case(s)
                        || (!o.is_ascii() && o.to_lowercase() == s.to_lowercase())
                }
            });
            if hit {
                return Some((x, y));
            }
        }
    }
    None
}

fn clean_name(t: &Tokens, a: usize, b: usize) -> String {
    let s = t.span_text(a, b);
    strip_possessive(s).to_string()
}

/// Lower-case content words of `[a, b)` for role matching.
pub fn content_words(t: &Tokens, a: usize, b: usize) -> Vec<String> {
    (a..b)
        .filter(|&i| t.is_word(i) && !t.has(i, flag::FUNCTION) && t.lo(i).chars().count() > 3)
        .map(|i| strip_possessive(t.lo(i)).to_string())
        .collect()
}

/// `f` of the lower case of `s`, without allocating for short ASCII names (most of them):
/// the per-article tables are keyed by lower-case names and probed many times.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if s.is_ascii() && s.len() <= buf.len() {
        let low = &mut buf[..s.len()];
        low.copy_from_slice(s.as_bytes());
        low.make_ascii_lowercase();
        if let Ok(low) = std::str::from_utf8(low) {
            return f(low);
        }
    }
    f(&s.to_lowercase())
}

impl Registry {
    /// The name and gazetteer place a labelled run stands for: the gazetteer's name for a
    /// place it knows, the name as written otherwise.
    pub fn place_of(&self, f: &Found) -> (String, Option<crate::model::PlaceRef>) {
        match self.resolved(f) {
            Some(r) => (r.name.clone(), r.place.clone()),
            None => (f.name.clone(), None),
        }
    }

    /// What the place run `f` resolved to (`None` for other kinds and unresolved names).
    pub fn resolved(&self, f: &Found) -> Option<&Resolved> {
        if f.kind != EntityKind::Place {
            return None;
        }
        self.geo_of(&f.name)
    }

    /// The resolution of a place name as written.
    fn geo_of(&self, name: &str) -> Option<&Resolved> {
        with_lower(name, |low| self.geo.get(low))
    }

    /// Whether the place run `f` is a capital standing for its government rather than a
    /// location: the one acting ("taken by X", "X troops", "X said") or the origin of
    /// forces ("forces from X").
    pub fn capital_as_actor(&self, t: &Tokens, f: &Found) -> bool {
        let capital = self.geo_of(&f.name).is_some_and(|r| r.capital);
        if !capital || f.b <= f.a {
            return false;
        }
        let force = |k: usize| rules::FORCE_NOUNS.contains(&t.lo(k));
        let agent_before = f.a > 0 && t.is(f.a - 1, "by");
        let origin = f.a >= 2 && t.is(f.a - 1, "from") && force(f.a - 2);
        let possessive = t.is_possessive(f.b - 1);
        let acting_after = !possessive && (force(f.b) || cue_follows(t, f.b));
        agent_before || origin || acting_after
    }

    /// Adds runs found by a later pass (descriptions, borders), keeping text order.
    fn add_found(&mut self, extra: Vec<Found>) {
        if !extra.is_empty() {
            self.found.extend(extra);
            self.found.sort_by_key(|f| (f.a, f.b));
        }
    }

    /// Place names of the article in text order, each once.
    pub fn place_names(&self) -> Vec<&str> {
        let mut seen = FnvSet::default();
        self.found
            .iter()
            .filter(|f| f.kind == EntityKind::Place && seen.insert(f.name.to_lowercase()))
            .map(|f| f.name.as_str())
            .collect()
    }

    /// Whether a lower-case name is a place the article named.
    fn is_place_lo(&self, low: &str) -> bool {
        self.places.contains_key(low)
    }

    fn person_index(&self, name: &str) -> Option<usize> {
        with_lower(name, |low| self.person_index_lo(low))
    }

    fn person_index_lo(&self, low: &str) -> Option<usize> {
        if let Some(&i) = self.by_name.get(low) {
            return Some(i);
        }
        if !low.contains(' ') {
            return self.by_surname.get(low).copied();
        }
        None
    }

    /// The resolved full name for a lower-case name as written.
    fn person_name_lo(&self, low: &str) -> Option<&str> {
        self.person_index_lo(low)
            .and_then(|i| self.persons.get(i))
            .map(|p| p.name.as_str())
    }

    fn add_person(&mut self, name: &str, roles: Vec<String>, ctx: Vec<String>, at: usize) -> usize {
        let low = name.to_lowercase();
        if let Some(i) = self.person_index(name) {
            if let Some(p) = self.persons.get_mut(i) {
                for r in roles {
                    if !p.roles.contains(&r) {
                        p.roles.push(r);
                    }
                }
                for c in ctx {
                    if !p.ctx.contains(&c) {
                        p.ctx.push(c);
                    }
                }
            }
            return i;
        }
        let idx = self.persons.len();
        if idx >= MAX_PERSONS {
            return idx;
        }
        self.persons.push(Person {
            name: name.to_string(),
            roles,
            ctx,
            first: at,
        });
        if let Some(last) = low.rsplit(' ').next() {
            if low.contains(' ') {
                self.by_surname.insert(last.to_string(), idx);
            }
        }
        self.by_name.insert(low, idx);
        idx
    }

    /// The resolved full name for a person name as written.
    pub fn person_name(&self, name: &str) -> Option<&str> {
        self.person_index(name)
            .and_then(|i| self.persons.get(i))
            .map(|p| p.name.as_str())
    }

    /// The person a role description points at ("the Norwegian minister"), scored by
    /// shared role-context words; the nearest earlier mention wins ties, a later one is
    /// used only when none came before.
    pub fn person_for_role(&self, role: &str, ctx: &[String], at: usize) -> Option<&Person> {
        let mut best: Option<(usize, bool, usize, &Person)> = None;
        for p in &self.persons {
            if !p.roles.iter().any(|r| r == role) {
                continue;
            }
            let score = ctx.iter().filter(|c| p.ctx.contains(c)).count();
            if ctx.len() > 1 && score == 0 {
                continue;
            }
            let before = p.first <= at;
            let key = (
                score,
                before,
                if before {
                    p.first
                } else {
                    usize::MAX - p.first
                },
                p,
            );
            if best
                .as_ref()
                .is_none_or(|b| (key.0, key.1, key.2) > (b.0, b.1, b.2))
            {
                best = Some(key);
            }
        }
        best.map(|b| b.3)
    }

    /// The last labelled run of one of `kinds` that ends at or before token `at`.
    pub fn last_before(&self, at: usize, kinds: &[EntityKind]) -> Option<&Found> {
        let n = self.found.partition_point(|f| f.b <= at);
        self.found[..n]
            .iter()
            .rev()
            .take(400)
            .find(|f| kinds.contains(&f.kind))
    }

    /// The person a pronoun at token `at` most likely means: the last one named before it
    /// outside quotes or, when a sentence ends in between, the first one that sentence
    /// names: its subject is who the next sentence goes on about ("Ana Ruiz backs Ola
    /// Berg. She says …" is Ruiz). Only people `fits` accepts count, so a pronoun of
    /// one sex walks past people of the other.
    pub fn antecedent_person(
        &self,
        t: &Tokens,
        at: usize,
        fits: impl Fn(&Found) -> bool,
    ) -> Option<&Found> {
        let n = self.found.partition_point(|f| f.b <= at);
        let people = || {
            self.found[..n]
                .iter()
                .rev()
                .take(400)
                .filter(|f| f.kind == EntityKind::Person && !self.is_quoted(f.a) && fits(f))
        };
        let last = people().next()?;
        let ends = |a: usize, b: usize| {
            (a..b).any(|k| {
                t.is_punct(k, '.')
                    || t.is_punct(k, '!')
                    || t.is_punct(k, '?')
                    || t.toks[k].para_break
            })
        };
        if !ends(last.b, at) {
            return Some(last);
        }
        let mut pick = last;
        for f in people().skip(1) {
            if ends(f.b, pick.a) {
                break;
            }
            pick = f;
        }
        Some(pick)
    }

    /// A person's sex as the text or the name tells it: a gendered title or role
    /// ("Mrs", "spokesman") of this mention or of the person's earlier ones, else the
    /// first given name of a full name. `None` when unknown, unisex or contradictory.
    pub fn gender_of(&self, name: &str, roles: &[String]) -> Option<Gender> {
        let person = self.person_index(name).and_then(|i| self.persons.get(i));
        let known = person.map_or(&[][..], |p| p.roles.as_slice());
        let mut said = roles.iter().chain(known).filter_map(|r| role_gender(r));
        if let Some(first) = said.next() {
            return said.all(|g| g == first).then_some(first);
        }
        // A lone word may be a surname ("Mr Rose" later "Rose"): only full names count.
        let full = person.map_or(name, |p| p.name.as_str());
        let mut words = full.split(' ');
        match (words.next(), words.next()) {
            (Some(first), Some(_)) => tagger::given_name_gender(first),
            _ => None,
        }
    }

    fn is_quoted(&self, i: usize) -> bool {
        let k = self.quoted.partition_point(|&(open, _)| open < i);
        k > 0 && self.quoted[k - 1].1 > i
    }

    /// Labelled runs that overlap `[a, b)`.
    pub fn overlapping(&self, a: usize, b: usize) -> &[Found] {
        // Runs are short (a few tokens), so any overlapping run starts at most 32 before `a`.
        let lo = self.found.partition_point(|f| f.a + 32 < a);
        let hi = self.found.partition_point(|f| f.a < b).max(lo);
        let slice = self.found.get(lo..hi).unwrap_or(&[]);
        let skip = slice.iter().take_while(|f| f.b <= a).count();
        &slice[skip..]
    }

    /// Labelled runs inside `[a, b)`.
    pub fn within(&self, a: usize, b: usize) -> &[Found] {
        let lo = self.found.partition_point(|f| f.a < a);
        let hi = self.found.partition_point(|f| f.a < b);
        let hi = hi.max(lo);
        let slice = self.found.get(lo..hi).unwrap_or(&[]);
        let keep = slice.iter().take_while(|f| f.b <= b).count();
        &slice[..keep]
    }
}

/// The sex a title or role word says ("Mrs", "spokeswoman", "king"), if any; a
/// multi-word role counts by any of its words.
fn role_gender(role: &str) -> Option<Gender> {
    role.split(|c: char| !c.is_alphanumeric())
        .find_map(|w| match w.to_lowercase().as_str() {
            "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "earl" | "baron" | "emperor"
            | "spokesman" | "chairman" | "congressman" | "councilman" | "assemblyman"
            | "businessman" | "policeman" | "fireman" | "alderman" | "countryman" | "father"
            | "son" | "brother" | "husband" | "uncle" | "nephew" | "grandfather" | "boyfriend"
            | "widower" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "duchess"
            | "countess" | "baroness" | "empress" | "spokeswoman" | "chairwoman"
            | "congresswoman" | "councilwoman" | "assemblywoman" | "businesswoman"
            | "policewoman" | "firewoman" | "countrywoman" | "mother" | "daughter" | "sister"
            | "wife" | "aunt" | "niece" | "grandmother" | "girlfriend" | "widow" | "actress" => {
                Some(Gender::Female)
            }
            _ => None,
        })
}

/// Role words and their context just before a name ("Harbour Authority spokesman").
fn roles_before(t: &Tokens, a: usize, floor: usize) -> (Vec<String>, Vec<String>) {
    let mut roles = Vec::new();
    let mut k = a;
    while k > floor && k + 6 > a {
        let i = k - 1;
        if !t.is_word(i) || t.is(i, "the") || t.is(i, "a") || t.is(i, "an") {
            break;
        }
        if t.has(i, flag::ROLE | flag::TITLE) && !t.toks[i].cap {
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
fn roles_after(t: &Tokens, b: usize, limit: usize) -> (Vec<String>, Vec<String>) {
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
    if !head_ok {
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
fn described_as_person(t: &Tokens, b: usize) -> bool {
    if !matches!(t.lo(b), "is" | "was") {
        return false;
    }
    if t.is(b + 1, "with") {
        return t.is(b + 2, "the") || t.is_cap(b + 2);
    }
    if !matches!(t.lo(b + 1), "a" | "an" | "the") {
        return false;
    }
    (b + 2..b + 6)
        .take_while(|&i| t.is_word(i) && !t.is_cap(i) && !t.has(i, flag::FUNCTION))
        .any(|i| t.has(i, flag::ROLE) || rules::AGENT_ENDINGS.iter().any(|e| t.lo(i).ends_with(e)))
}

/// "North America", "Southern California": a capitalised compass word that names a region
/// with the name after it, not a word to drop before the name.
fn compass_region(t: &Tokens, a: usize, b: usize) -> bool {
    b == a + 2
        && t.is_cap(a)
        && rules::COMPASS_WORDS.contains(&t.lo(a))
        && t.is_cap(a + 1)
        && !t.has(a + 1, flag::DEMONYM | flag::ORG_HEAD | flag::NOT_NAME)
}

/// Whether the gazetteer names a country so ("North Korea" is read as it always was).
fn is_country_name(gaz: Option<&Gazetteer>, name: &str) -> bool {
    gaz.is_some_and(|g| g.country_named(&fold(name)).is_some())
}

/// Where a country named after "of (the)" at `n` ends, if a name follows it before `b`.
fn country_after_of(t: &Tokens, gaz: Option<&Gazetteer>, n: usize, b: usize) -> Option<usize> {
    if !t.is(n, "of") {
        return None;
    }
    let m = n + 1 + usize::from(t.is(n + 1, "the"));
    (1..=4)
        .rev()
        .map(|len| m + len)
        .find(|&e| e < b && is_country_name(gaz, t.span_text(m, e)))
}

fn cue_follows(t: &Tokens, b: usize) -> bool {
    let mut k = b;
    while t.has(k, flag::CUE_ADV) && k < b + 3 {
        k += 1;
    }
    t.has(k, flag::CUE | flag::QUOTE_ONLY | flag::PERCEPTION) && !t.is_cap(k)
}

/// A name followed by an apposition that says what kind of body it is: "Velto, the German
/// carmaker,", "Kestrel, a Danish shipping group,".
fn described_as_organization(t: &Tokens, b: usize) -> bool {
    if !t.is_punct(b, ',') || !matches!(t.lo(b + 1), "the" | "a" | "an") {
        return false;
    }
    // closed by a comma: in "cut jobs in Europe, the company said" the words are a subject
    let end = (b + 2..(b + 7).min(t.len()))
        .find(|&i| !t.is_word(i))
        .unwrap_or(t.len());
    t.is_punct(end, ',')
        && (b + 2..end).any(|i| !t.toks[i].cap && rules::is_org_descriptor(t.lo(i)))
}

/// Margin from which the tagger alone calls a name with a given name a person.
const PERSON_MARGIN: f32 = 4.0;
/// Margin from which the tagger's "organisation" or "person" overrules a gazetteer hit.
const NOT_PLACE_MARGIN: f32 = 15.0;

/// The tagger's type for exactly `[a, b)` when its margin reaches `margin`.
fn tagged_as(reg: &Registry, a: usize, b: usize, margin: f32) -> Option<NameType> {
    reg.tagged
        .as_ref()?
        .span_type(a, b)
        .filter(|&(_, m)| m >= margin)
        .map(|(ty, _)| ty)
}

/// A run of two to four name words the tagger reads as one person: sure of it, or
/// opening with a given name from the names list ("Marta Lindqvist" after a list of
/// places, which the place rules alone would take for one more place).
fn reads_as_person(t: &Tokens, reg: &Registry, a: usize, b: usize) -> bool {
    if !(2..=4).contains(&(b - a)) || !(a..b).all(|i| is_person_word(t, i)) {
        return false;
    }
    let given = given_name_class(t.lo(a)) >= 2;
    let margin = if given { 0.0 } else { PERSON_MARGIN };
    tagged_as(reg, a, b, margin) == Some(NameType::Person)
}

/// A first name in the names list's most common class: one such word before a cue
/// ("Tony, from the coast, said") is a person who gave only a first name.
pub fn is_common_given_name(lower: &str) -> bool {
    given_name_class(lower) >= 3
}

/// How common `lower` is as a given name in the shipped names list, 0 (not one) to 3.
fn given_name_class(lower: &str) -> u8 {
    tagger::features::given_class(tagger::given_names(), lower)
}

/// A run of name words without a title that names a body, not a person: written after
/// "the" ("the Red Cross said": people take no article), or read as an organisation by
/// the tagger and not opening with a given name.
fn reads_as_body(t: &Tokens, reg: &Registry, a: usize, b: usize) -> bool {
    if a > 0 && t.is(a - 1, "the") {
        return true;
    }
    given_name_class(t.lo(a)) < 2 && tagged_as(reg, a, b, 0.0) == Some(NameType::Organization)
}

/// Labels one capitalised run `[a, b)`: an outlet, a titled person, a body, a place or a
/// person, tried in that order; the first reading with its evidence wins.
fn classify(
    t: &Tokens,
    reg: &Registry,
    a0: usize,
    b: usize,
    para_start: usize,
    prev_place_end: Option<usize>,
    gaz: Option<&Gazetteer>,
) -> Option<Found> {
    let a = trim_openers(t, a0, b, gaz)?;
    if let Some(f) = as_outlet(t, a0, a, b) {
        return Some(f);
    }
    if let Some(f) = as_titled_person(t, reg, a, b, gaz) {
        return Some(f);
    }
    if let Some(f) = as_body(t, a, b) {
        return Some(f);
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
        ControlFlow::Continue(name) => run.as_person(&name),
    }
}

/// The run without the sentence openers and function words in front of it, `None` when
/// nothing is left.
fn trim_openers(t: &Tokens, a0: usize, b: usize, gaz: Option<&Gazetteer>) -> Option<usize> {
    let mut a = a0;
    while a < b
        && (t.has(a, flag::NOT_NAME | flag::FUNCTION)
            || (sentence_initial(t, a) && (t.lo(a).ends_with("ing") || t.lo(a).ends_with("ed"))))
        && !(t.has(a, flag::ORG_HEAD) && a + 1 < b)
        && (!compass_region(t, a, b) || is_country_name(gaz, t.span_text(a, b)))
    {
        a += 1;
    }
    (a < b).then_some(a)
}

/// An outlet: introduced by its kind ("the daily El Comercio"), an unknown acronym someone
/// talks to ("told ERT"), or a name of the outlet table.
fn as_outlet(t: &Tokens, a0: usize, a: usize, b: usize) -> Option<Found> {
    let acronym = b == a + 1
        && (2..=6).contains(&t.s(a).chars().count())
        && t.s(a)
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.has(a, flag::ORG_HEAD);
    let introduced = a > 0
        && !t.is_cap(a - 1)
        && (rules::OUTLET_KINDS.contains(&t.lo(a - 1))
            || (a > 1 && t.is(a - 1, "agency") && t.is(a - 2, "news")));
    let (x, y) = if introduced || (acronym && a > 0 && t.is(a - 1, "told")) {
        (a, b)
    } else {
        // "The Guardian" keeps its article when the table spells it so.
        let from = if a == a0 + 1 && t.is(a0, "the") {
            a0
        } else {
            a
        };
        outlet_match(t, from, b)?
    };
    Some(Found {
        a: x,
        b: y,
        kind: EntityKind::Outlet,
        name: clean_name(t, x, y),
        roles: Vec::new(),
    })
}

/// Where the name after the run's last title begins: "Deputy Water Minister Lena Ekdal",
/// "President of the Republic of Norland Ana Ruiz", "President of the Harbour Board Ana
/// Ruiz" (the name follows the body's head word).
fn after_title(t: &Tokens, tt: usize, b: usize, gaz: Option<&Gazetteer>) -> usize {
    let mut n = tt + 1;
    if t.is_punct(n, '.') {
        n += 1;
    }
    if t.is(n, "of") && t.is_cap(n + 1) && n + 2 < b {
        n += 2;
    } else if let Some(end) = country_after_of(t, gaz, n, b) {
        n = end;
    }
    if t.is(tt + 1, "of") {
        if let Some(h) = (n..b)
            .rev()
            .find(|&i| t.has(i, flag::ORG_HEAD) && t.is_cap(i))
        {
            n = n.max(h + 1);
        }
    }
    n
}

/// A person named after a title inside the run, with the titles and roles around.
fn as_titled_person(
    t: &Tokens,
    reg: &Registry,
    a: usize,
    b: usize,
    gaz: Option<&Gazetteer>,
) -> Option<Found> {
    let tt = (a..b)
        .rev()
        .find(|&i| t.has(i, flag::TITLE) && t.is_cap(i))?;
    let n = after_title(t, tt, b, gaz);
    // "Professor Ana Ruiz of the University of Oster": the person ends before "of"
    let b = (n..b)
        .find(|&i| t.is(i, "of"))
        .filter(|&o| o > n && (n..o).all(|i| is_person_word(t, i)))
        .unwrap_or(b);
    if n >= b || !(n..b).all(|i| is_person_word(t, i)) || b - n > 4 {
        return None;
    }
    let mut roles: Vec<String> = (a..n)
        .filter(|&i| t.has(i, flag::TITLE | flag::ROLE))
        .map(|i| t.lo(i).to_string())
        .collect();
    roles.extend(roles_after(t, b, t.len()).0);
    let written = clean_name(t, n, b);
    let name = reg.person_name(&written).unwrap_or(&written).to_string();
    // "Harbour Board Secretary Ana Ruiz": the board is a mention of its own.
    let start = (a..n)
        .rev()
        .find(|&i| t.has(i, flag::ORG_HEAD) && t.is_cap(i))
        .map_or(a, |i| i + 1);
    Some(Found {
        a: start,
        b,
        kind: EntityKind::Person,
        name,
        roles,
    })
}

/// An outlet by its head word ("… Television"), or a body: a head word ("Ministry"), a
/// kind of body right before it ("German carmaker Velto") or described after it.
fn as_body(t: &Tokens, a: usize, b: usize) -> Option<Found> {
    let org_head = |i: usize| t.has(i, flag::ORG_HEAD) && t.is_cap(i);
    let has_org = (a..b).any(org_head);
    let has_outlet = (a..b).any(|i| t.has(i, flag::OUTLET_HEAD) && t.is_cap(i));
    if has_outlet && !has_org && b - a >= 2 {
        return Some(Found {
            a,
            b,
            kind: EntityKind::Outlet,
            name: clean_name(t, a, b),
            roles: Vec::new(),
        });
    }
    let introduced_org =
        b == a + 1 && a > 0 && !t.toks[a - 1].cap && rules::is_org_descriptor(t.lo(a - 1));
    if !(has_org || introduced_org || described_as_organization(t, b)) {
        return None;
    }
    // two bodies joined by "and", each with its head word, are two names
    let b = (a + 1..b)
        .find(|&k| t.is(k, "and") && (a..k).any(org_head) && (k + 1..b).any(org_head))
        .unwrap_or(b);
    Some(Found {
        a,
        b,
        kind: EntityKind::Organization,
        name: strip_possessive(t.span_text(a, b)).to_string(),
        roles: Vec::new(),
    })
}

/// Where a place's or person's name begins after leading demonyms and "Dutch-built"-style
/// adjectives; `None` when a lone demonym, month or weekday is all there is.
fn strip_modifiers(t: &Tokens, a: usize, b: usize) -> Option<usize> {
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
struct Run<'a> {
    t: &'a Tokens<'a>,
    reg: &'a Registry,
    gaz: Option<&'a Gazetteer>,
    a: usize,
    pa: usize,
    b: usize,
    para_start: usize,
}

/// The name of a run that was not read as a place, with what the person rules need.
struct Name {
    written: String,
    lower: String,
    known_person: bool,
    tagger_person: bool,
}

/// The context words before a run that make it a place.
struct PlaceCues {
    /// The word before the run, past "the" and one lower-case adjective.
    before: Option<usize>,
    /// "in X", "near the X", "the city of X", "west of the X".
    prep: bool,
    /// An item of a list of places ("A, B and C").
    listed: bool,
    /// "the Savio River": a capitalised feature word ends the name.
    geo_last: bool,
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
        let prep = before.is_some_and(|p| {
            (t.has(p, flag::PLACE_PREP) && (!t.toks[p].cap || sentence_initial(t, p)))
                || (t.is(p, "of") && p > 0 && t.has(p - 1, flag::PLACE_OF))
        });
        // A list item after a comma ends where the list goes on or the sentence does: a
        // run the sentence goes on from is its subject ("In A, B, Ana Ruiz gave …"); after
        // "and" the list has ended with it ("A, B and C overnight").
        let ends_item = |k: usize| {
            k >= t.len()
                || !t.is_word(k)
                || matches!(t.lo(k), "and" | "or")
                || t.has(k, flag::PLACE_PREP)
        };
        let listed = prev_place_end.is_some_and(|e| {
            let joined = (e..pa).any(|k| t.is(k, "and") || t.is(k, "or"));
            pa > e
                && pa - e <= 2
                && (e..pa).all(|k| t.is_punct(k, ',') || t.is(k, "and") || t.is(k, "or"))
                && (joined || ends_item(b))
        });
        PlaceCues {
            before,
            prep,
            listed,
            geo_last: t.has(last, flag::GEO) && t.is_cap(last) && last > pa,
        }
    }

    /// The run read as a place, `Break(None)` when it can be no name at all, or
    /// `Continue` with its name for the person rules.
    fn as_place(&self, prev_place_end: Option<usize>) -> ControlFlow<Option<Found>, Name> {
        let (t, reg, pa, b) = (self.t, self.reg, self.pa, self.b);
        let written = clean_name(t, pa, b);
        let all_name_words = (pa..b).all(|i| {
            t.is_cap(i) || CONNECTORS.contains(&t.lo(i)) || t.is(i, "the") || t.is(i, "and")
        });
        let compound = b - pa == 1
            && t.s(pa)
                .split('-')
                .filter(|p| p.starts_with(char::is_uppercase))
                .count()
                >= 2;
        // "Franco-German" is two names; "Port-de-Paix" one the gazetteer knows
        let unknown_compound = compound
            && self
                .gaz
                .is_none_or(|g| g.lookup(&fold(&written)).is_empty());
        if !all_name_words || unknown_compound {
            return ControlFlow::Break(None);
        }
        let possessive = t.is_possessive(b - 1);
        // "Westvale region", "the Savio river": a lower-case region or feature word after it.
        let region_after = t.is_word(b)
            && !t.toks[b].cap
            && t.has(b, flag::REGION | flag::GEO)
            && t.toks[b].space_before;
        if region_after && !possessive {
            let name = format!("{} {}", written, t.s(b));
            return ControlFlow::Break(Some(self.place(b + 1, name)));
        }
        let lower = written.to_lowercase();
        let known_person = reg.person_name_lo(&lower).is_some();
        let tagger_person = reads_as_person(t, reg, pa, b);
        if !possessive && !known_person && !tagger_person && facility_after(t, reg, pa, b) {
            return ControlFlow::Break(Some(self.place(b, written)));
        }
        let name = Name {
            written,
            lower,
            known_person,
            tagger_person,
        };
        let cues = self.place_cues(prev_place_end);
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
            .filter(|w| matches!(*w, "region" | "province" | "oblast" | "governorate"))
            .filter(|_| {
                !rules::COUNTRIES
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(written))
            });
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
        // A large gazetteer place needs no context, unless the run reads as a person.
        // countries and capitals act in news as their governments do, and stay places
        let actor = b - pa == 1
            && reg.actors.contains(&word_hash(lower))
            && gaz.is_some_and(|g| g.country_named(key()).is_none() && !g.is_capital(key()));
        let uncommon = b - pa > 1 || !reg.common.contains(&word_hash(lower));
        let gazetteer = gaz.is_some_and(|g| {
            !known_person
                && !tagger_not_place
                && !actor
                && b - pa <= 3
                && uncommon
                && is_large_place(g, key())
                && !self.personal()
        });
        // A smaller place in a country the article names, where it reads as a name of its
        // own: mid-sentence, not after "the", a word the article never writes in lower case.
        let after_the = pa > 0 && t.is(pa - 1, "the");
        let in_country = !gazetteer
            && !actor
            && !reg.countries.is_empty()
            && !known_person
            && !tagger_not_place
            && !after_the
            && b - pa <= 2
            && gaz.is_some_and(|g| {
                !sentence_initial(t, pa)
                    && t.s(pa).chars().count() >= 4
                    && t.s(pa).chars().skip(1).any(char::is_lowercase)
                    && uncommon
                    && is_place_in(g, key(), &reg.countries)
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
        !known_person
            && !name.tagger_person
            && (!actor || cues.prep)
            && (cues.geo_last
                || (cues.prep && !tagger_thing)
                || cues.listed
                || gazetteer
                || in_country
                || owned
                || reg.is_place_lo(lower))
    }

    /// The run read as a person (or, before a cue, a body speaking): role words before, an
    /// apposition after, a cue verb after, a byline, or already known.
    fn as_person(&self, name: &Name) -> Option<Found> {
        let (t, reg, a, pa, b, para_start) =
            (self.t, self.reg, self.a, self.pa, self.b, self.para_start);
        let (written, written_lo) = (name.written.as_str(), name.lower.as_str());
        let (known_person, tagger_person) = (name.known_person, name.tagger_person);
        // People: role words before, an apposition after, a cue verb after, or already known.
        if !(pa..b).all(|i| is_person_word(t, i)) || b - pa > 4 {
            return None;
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
                    && matches!(
                        t.lo(pa - 2),
                        "author" | "authors" | "by" | "reporter" | "writer"
                    )));
        // "Swedish Nora Lindqvist", "Democrat Nora Lindqvist": a nationality or a party
        // before a given name and a surname
        let affiliated =
            multi && pa > a && t.has(pa - 1, flag::DEMONYM) && given_name_class(t.lo(pa)) >= 2;
        let evidence = !roles.is_empty()
            || tagger_person
            || affiliated
            || appositive
            || byline
            || after_cue
            || known_person
            || (cue_follows(t, b)
                && (multi
                    || (!reg.is_place_lo(written_lo)
                        && (pa == 0
                            || !t.is_word(pa - 1)
                            || matches!(t.lo(pa - 1), "and" | "but")))))
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
        let kind = if rules::COUNTRIES
            .iter()
            .any(|c| c.eq_ignore_ascii_case(written))
        {
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
        let name = reg
            .person_name_lo(written_lo)
            .unwrap_or(written)
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

/// "the Kessel Rock prison", "its Varnok reactor complex": a name before a lower-case
/// noun of a building or site is the place of that facility, named by its bare name so a
/// later "at Kessel Rock" is the same place. A name the tagger is sure is a body or a
/// person ("the Velto plant") is left to the other rules.
fn facility_after(t: &Tokens, reg: &Registry, a: usize, b: usize) -> bool {
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
const LARGE_PLACE: u32 = 100_000;

/// A country, a continent, or a place of at least [`LARGE_PLACE`] people that is not a
/// national capital (capitals stand for governments: "Moscow troops"), is called `folded`.
fn is_large_place(g: &Gazetteer, folded: &str) -> bool {
    g.country_named(folded).is_some()
        || g.continent_named(folded).is_some()
        || large_place(g, folded).is_some_and(|p| !g.is_capital_place(p))
}

/// The most populous place called `folded`, if it is a large one (capitals included).
fn large_place(g: &Gazetteer, folded: &str) -> Option<PlaceId> {
    let p = *g.lookup(folded).first()?;
    (g.place(p).population >= LARGE_PLACE).then_some(p)
}

/// A populated place of one of `countries` (not a capital, which may stand for its
/// government, nor a country) is called `folded`.
fn is_place_in(g: &Gazetteer, folded: &str, countries: &FnvSet<CountryCode>) -> bool {
    let places = g.lookup(folded);
    g.country_named(folded).is_none()
        && !places.first().is_some_and(|&p| g.is_capital_place(p))
        && places
            .iter()
            .any(|&p| countries.contains(&g.place(p).country))
}

/// See [`Registry::actors`]. A verb is an auxiliary other than a copula, a cue or a word
/// ending in "-ed".
fn actors(t: &Tokens) -> FnvSet<u64> {
    let mut acts: FnvMap<u64, (u32, bool)> = FnvMap::default();
    for i in 0..t.len() {
        let single = t.is_cap(i) && !t.is_cap(i + 1) && (i == 0 || !t.is_cap(i - 1));
        if !single || t.has(i, flag::FUNCTION | flag::NOT_NAME | flag::PRONOUN) {
            continue;
        }
        // one adverb may come between: "X initially blamed"
        let v = if t.lo(i + 1).ends_with("ly") {
            i + 2
        } else {
            i + 1
        };
        // a copula does not count: places are described too ("X is a rail hub")
        let copula = matches!(t.lo(v), "is" | "are" | "was" | "were" | "be" | "been");
        let verb = t.is_word(v)
            && !t.is_cap(v)
            && !copula
            && (t.has(v, flag::COMMON_VERB | flag::CUE) || t.lo(v).ends_with("ed"));
        // "from" and "to" take bodies and things too ("a letter from X")
        let placed = i > 0 && matches!(t.lo(i - 1), "in" | "at" | "near" | "outside" | "across");
        let entry = acts.entry(word_hash(t.lo(i))).or_default();
        entry.0 += u32::from(verb);
        entry.1 |= placed;
    }
    acts.into_iter()
        .filter(|&(_, (verbs, placed))| verbs >= 2 && !placed)
        .map(|(h, _)| h)
        .collect()
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
        while i < pb {
            if !t.is_cap(i) {
                i += 1;
                continue;
            }
            let e = run_end(t, i, pb);
            if let Some(f) = classify(t, reg, i, e, pa, prev_place_end, gaz) {
                if f.kind == EntityKind::Place {
                    prev_place_end = Some(f.b);
                }
                if f.kind == EntityKind::Person && f.a > i {
                    let mut o = i;
                    // "Swedish Ana Ruiz": a nationality or party before a name is no body
                    while o < f.a && t.has(o, flag::NOT_NAME | flag::FUNCTION | flag::DEMONYM) {
                        o += 1;
                    }
                    if o < f.a {
                        let name = t.span_text(o, f.a).to_string();
                        out.push(Found {
                            a: o,
                            b: f.a,
                            kind: EntityKind::Organization,
                            name,
                            roles: Vec::new(),
                        });
                    }
                }
                // "the Harbour Board and the Port Union": the second body is a run of its own
                i = if f.b < e && t.is(f.b, "and") {
                    f.b + 1
                } else {
                    f.b.max(e)
                };
                out.push(f);
            } else {
                i = e;
            }
        }
    }
    out
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
        reg.actors = actors(t);
    }
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
        if round == 1 {
            reg.found = found;
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
        reg.geo = crate::places::resolve(&reg, g);
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

/// A regional capital's bare name ("Kherson") means the city or the region named after it.
/// The article settles it when it says which: a city word anywhere ("the city of X", "X, the
/// largest city", "X city", "the mayor of X", "X, Chile") makes every bare X the city; else
/// naming the region ("X region", "the region of X") makes every bare X the region.
/// Otherwise the mention keeps both readings for the store to settle across articles.
fn read_seats(t: &Tokens, reg: &mut Registry) {
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
fn city_word(t: &Tokens, reg: &Registry, f: &Found) -> bool {
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
enum Sort {
    Settlement,
    Region,
    Area,
}

fn sort_of(noun: &str) -> Option<Sort> {
    if rules::SETTLEMENT_NOUNS.contains(&noun) {
        Some(Sort::Settlement)
    } else if rules::REGION_NOUNS.contains(&noun) {
        Some(Sort::Region)
    } else if matches!(noun, "area" | "areas") {
        Some(Sort::Area)
    } else {
        None
    }
}

/// The sort of place the text calls a place: "the town of X", "X, one of the villages".
fn place_noun(t: &Tokens, f: &Found) -> Option<Sort> {
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

fn is_region_name(name: &str) -> bool {
    name.rsplit(' ').next().is_some_and(|w| {
        rules::REGION_WORDS
            .iter()
            .any(|r| r.eq_ignore_ascii_case(w))
    })
}

/// A named feature ("the Black Sea", "the Dnipro River"), never "the city" or "the area".
fn is_feature_name(name: &str) -> bool {
    name.contains(' ')
        && name.rsplit(' ').next().is_some_and(|w| {
            let w = w.to_lowercase();
            rules::GEO_HEADS.contains(&w.as_str()) && !rules::REGION_WORDS.contains(&w.as_str())
        })
}

impl Registry {
    /// Whether the place run `f` can be what a description of sort `want` means.
    /// `noun` is the description's own word; `with_gaz` says places were resolved.
    fn fits(&self, t: &Tokens, f: &Found, want: Sort, noun: &str, with_gaz: bool) -> bool {
        if f.kind != EntityKind::Place
            || is_feature_name(&f.name)
            || rules::COUNTRIES
                .iter()
                .any(|c| c.eq_ignore_ascii_case(&f.name))
        {
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
fn stands_alone(t: &Tokens, k: usize) -> bool {
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
fn city_facility(t: &Tokens, i: usize) -> Option<usize> {
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

/// "it fell to …", "it is located along …", "it was recaptured": the "it" is a place.
fn it_is_place(t: &Tokens, i: usize) -> bool {
    let mut k = i + 1;
    let mut passive = false;
    while k < t.len() && k < i + 4 {
        match t.lo(k) {
            "is" | "was" | "has" | "had" | "been" => passive = true,
            w if w.len() > 4 && w.ends_with("ly") => {}
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
            while n < k + 3 && t.lo(n).len() > 4 && t.lo(n).ends_with("ly") {
                n += 1;
            }
            matches!(t.lo(n), "to" | "into")
                && t.toks.get(n + 1).is_some_and(|x| x.kind == Kind::Word)
        }
        "lies" | "sits" | "borders" | "located" | "situated" => true,
        _ => passive,
    }
}

/// "the city", "this region", "the locality", "city centre", "it" in "it fell to …" and
/// "its" in "its liberation": the most recent
/// place of a compatible sort (a village is not a capital, a region is not a town, a sea
/// is neither); a place the text introduced with a noun of another sort is skipped.
fn resolve_place_descriptions(t: &Tokens, reg: &mut Registry, with_gaz: bool) {
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
            && matches!(t.lo(n + 1), "centre" | "center" | "limits")
            && matches!(sort_of(t.lo(n)), Some(Sort::Settlement));
        let (want, noun, from, upto_tok) = if (t.is(i, "it") && it_is_place(t, i)) || its {
            (Sort::Settlement, "it", i, i + 1)
        } else if let Some(end) = city_facility(t, i) {
            // a capital has an airport too: looked up as "city", which admits capitals
            (Sort::Settlement, "city", i, end)
        } else if centre {
            (Sort::Settlement, t.lo(n), n, n + 1)
        } else if matches!(t.lo(i), "the" | "this" | "that")
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
        let target = reg.found[..upto]
            .iter()
            .rev()
            .take(80)
            // "it" looks back a sentence or two only.
            .take_while(|f| noun != "it" || f.b + 60 >= i)
            .find(|f| reg.fits(t, f, want, noun, with_gaz));
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

/// How far back (in tokens) "the border" looks for the border the text named.
const BORDER_LOOKBACK: usize = 600;

/// "the Chile–Peru border", "the U.S.-Mexico border": two places joined by a dash before
/// "border" name one place, the border, under one name whichever order the text writes
/// (the two names sorted, joined by an en dash). A later "the border" standing alone is
/// the border the text named last.
fn name_borders(t: &Tokens, reg: &mut Registry, gaz: Option<&Gazetteer>) {
    let mut borders: Vec<Found> = gaz.map_or_else(Vec::new, |g| hyphened_borders(t, g));
    reg.found
        .retain(|f| !borders.iter().any(|x| f.a < x.b && x.a < f.b));
    reg.add_found(borders.clone());
    let mut k = 1;
    while k < reg.found.len() {
        let (x, y) = (&reg.found[k - 1], &reg.found[k]);
        let places = x.kind == EntityKind::Place && y.kind == EntityKind::Place;
        let joint = t.text.get(t.end(x.b - 1)..t.start(y.a)).unwrap_or(" ");
        let dashed = !joint.is_empty()
            && joint.chars().all(|c| matches!(c, '.' | '-' | '–'))
            && joint.contains(['-', '–']);
        if places && dashed && t.is(y.b, "border") && !t.is_cap(y.b) {
            let border = border(x.a, y.b + 1, [reg.place_of(x).0, reg.place_of(y).0]);
            reg.found.splice(k - 1..=k, [border.clone()]);
            borders.push(border);
            continue;
        }
        k += 1;
    }
    // "named last" in the text: the written and the hyphenated ones in one order
    borders.sort_by_key(|f| f.a);
    let described = (1..t.len())
        .filter(|&i| t.is(i, "border") && t.is(i - 1, "the") && stands_alone(t, i + 1))
        .filter_map(|i| {
            let named = borders
                .iter()
                .rev()
                .find(|f| f.b <= i && f.b + BORDER_LOOKBACK >= i && f.a != i - 1)?;
            Some(Found {
                a: i - 1,
                b: i + 1,
                ..named.clone()
            })
        })
        .collect();
    reg.add_found(described);
}

/// The border between two places, named the same whichever order the text writes them.
fn border(a: usize, b: usize, mut names: [String; 2]) -> Found {
    names.sort();
    Found {
        a,
        b,
        kind: EntityKind::Place,
        name: format!("{}–{} border", names[0], names[1]),
        roles: Vec::new(),
    }
}

/// "the Peru-Chile border" written as one hyphenated word: both halves must be countries
/// or large places of the gazetteer.
fn hyphened_borders(t: &Tokens, g: &Gazetteer) -> Vec<Found> {
    let name = |w: &str| -> Option<String> {
        let key = fold(w);
        if let Some(c) = g.country_named(&key) {
            return Some(c.name.to_string());
        }
        large_place(g, &key).map(|p| g.place(p).name.to_string())
    };
    (1..t.len())
        .filter(|&i| t.is(i, "border") && t.is_cap(i - 1))
        .filter_map(|i| {
            let (x, y) = t.s(i - 1).split_once('-')?;
            Some(border(i - 1, i + 1, [name(x)?, name(y)?]))
        })
        .collect()
}

/// How far back (in tokens) "the capital" looks for the capital or country it means.
const CAPITAL_LOOKBACK: usize = 150;

/// "the capital", "the Danish capital", "Peru's capital", "the capital city": a national
/// capital named by description. A demonym or a country's possessive says whose; alone, it
/// is the capital the text named last, or the capital of the country it named last, within
/// a few sentences. "the capital of X", "a regional capital" and compounds ("capital
/// markets") are left alone.
fn resolve_capitals(t: &Tokens, reg: &mut Registry, g: &Gazetteer) {
    let mut extra = Vec::new();
    for i in 1..t.len() {
        let possessive = crate::text::strip_possessive(t.lo(i)) == Some("capital");
        if !(t.is(i, "capital") || possessive) || t.is_cap(i) {
            continue;
        }
        let b = if t.is(i + 1, "city") { i + 2 } else { i + 1 };
        if !possessive && (!stands_alone(t, b) || t.is(b, "of")) {
            continue;
        }
        let Some((from, owner)) = capital_owner(t, i, g) else {
            continue;
        };
        let code = owner.or_else(|| recent_capital_country(reg, from));
        let Some(p) = code.and_then(|c| g.capital_of(c)) else {
            continue;
        };
        let r = crate::places::capital(g, p);
        let name = r.name.clone();
        reg.geo.entry(name.to_lowercase()).or_insert(r);
        extra.push(Found {
            a: from,
            b,
            kind: EntityKind::Place,
            name,
            roles: Vec::new(),
        });
    }
    reg.add_found(extra);
}

/// Where the description of the capital at `i` starts and whose capital it names: a country
/// (demonym, possessive) or `None` for the one the text is talking about ("the capital",
/// "its capital", "the country's capital"). Not a description at all: `None` overall.
fn capital_owner(t: &Tokens, i: usize, g: &Gazetteer) -> Option<(usize, Option<CountryCode>)> {
    let p = i - 1;
    if matches!(t.lo(p), "the" | "its") {
        return Some((p, None));
    }
    if let Some(stem) = crate::text::strip_possessive(t.lo(p)) {
        if matches!(stem, "country" | "nation") {
            return Some((p.saturating_sub(1), None));
        }
        return g.country_named(&fold(stem)).map(|c| (p, Some(c.code)));
    }
    let demonym = t.is_cap(p) && p > 0 && t.is(p - 1, "the");
    demonym
        .then(|| g.demonym_country(&fold(t.lo(p))))
        .flatten()
        .map(|c| (p - 1, Some(c.code)))
}

/// The country of the capital or country the text named last before `at`, nearby.
fn recent_capital_country(reg: &Registry, at: usize) -> Option<CountryCode> {
    let upto = reg.found.partition_point(|f| f.b <= at);
    reg.found[..upto]
        .iter()
        .rev()
        .take_while(|f| f.b + CAPITAL_LOOKBACK >= at)
        .filter_map(|f| reg.resolved(f))
        .filter_map(|r| {
            let pl = r.place.as_ref()?;
            (r.capital || pl.place_type == PlaceType::Country).then_some(pl)
        })
        .find_map(|pl| pl.country.as_deref().and_then(CountryCode::parse))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences;
    use crate::text::Lexicon;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        found_with(text, None)
    }

    /// (name, kind) of every labelled run, read with `gaz` or without a gazetteer.
    fn found_with(text: &str, gaz: Option<&Gazetteer>) -> Vec<(String, EntityKind)> {
        let lex = Lexicon::new();
        let t = Tokens::new(text, &lex);
        let p = sentences::paragraphs(&t);
        let reg = build(&t, &p, gaz);
        reg.found.iter().map(|f| (f.name.clone(), f.kind)).collect()
    }

    #[test]
    fn an_acronym_takes_the_name_the_article_spells_out() {
        let g = claimgraph_gazetteer::Gazetteer::load().expect("embedded gazetteer");
        let found = |text: &str| found_with(text, Some(&g));
        let f = found("The Harbour Safety Board met. Crews from the HSB left on Monday.");
        let board = ("Harbour Safety Board".to_string(), EntityKind::Organization);
        assert_eq!(f, [board.clone(), board], "{f:?}");
        // other initials stay as written
        let f = found("The Harbour Safety Board met. Crews from the HSA left on Monday.");
        assert!(f.iter().any(|x| x.0 == "HSA"), "{f:?}");
    }

    #[test]
    fn a_party_affiliation_before_a_name_is_not_part_of_it() {
        let g = claimgraph_gazetteer::Gazetteer::load().expect("embedded gazetteer");
        let person = |name: &str| (name.to_string(), EntityKind::Person);
        for (text, want) in [
            (
                "Voters backed Democrat Nora Lindqvist on Monday. Lindqvist won 3 counties.",
                vec![person("Nora Lindqvist"), person("Nora Lindqvist")],
            ),
            (
                "Tory Adam Whitcombe lost his seat. Whitcombe said 2 recounts failed.",
                vec![person("Adam Whitcombe"), person("Adam Whitcombe")],
            ),
            // a nationality before a name is no body of its own
            (
                "Fans cheered Swedish Nora Lindqvist on Monday.",
                vec![person("Nora Lindqvist")],
            ),
        ] {
            assert_eq!(found_with(text, Some(&g)), want, "{text}");
        }
        // a party's own name stays a body
        let f = found_with("The Labour Party said 4 seats changed hands.", Some(&g));
        assert_eq!(f, [("Labour Party".to_string(), EntityKind::Organization)]);
    }

    #[test]
    fn a_preposition_before_a_name_the_tagger_reads_as_an_event_is_no_place() {
        let g = claimgraph_gazetteer::Gazetteer::load().expect("embedded gazetteer");
        let place = |name: &str| (name.to_string(), EntityKind::Place);
        let f = found_with("Soldiers came home from the War in Velmora.", Some(&g));
        assert_eq!(f, [place("Velmora")]);
        // an unknown name after a preposition is still a place
        let f = found_with("Crowds gathered in Velmora on Monday.", Some(&g));
        assert_eq!(f, [place("Velmora")]);
    }

    #[test]
    fn a_name_before_a_facility_noun_is_that_place() {
        let g = claimgraph_gazetteer::Gazetteer::load().expect("embedded gazetteer");
        let place = |name: &str| (name.to_string(), EntityKind::Place);
        let f = found_with(
            "He ran the grim Kessel Rock prison. A guard died at Kessel Rock in May.",
            Some(&g),
        );
        assert_eq!(f, [place("Kessel Rock"), place("Kessel Rock")]);
        let f = found_with("Inspectors left its shut Varnok reactor complex.", Some(&g));
        assert_eq!(f, [place("Varnok")]);
        // a body's plant stays the body; a facility word with a capital is a name's own
        let f = found_with("The Velto Company plant closed.", Some(&g));
        assert!(f.iter().all(|x| x.1 != EntityKind::Place), "{f:?}");
        let f = found_with("Crowds met at Kessel Rock Prison on Monday.", Some(&g));
        assert!(f.iter().all(|x| x.0 != "Kessel Rock"), "{f:?}");
        let f = found_with(
            "Jailed Harbour Guard prison chief Ana Ruiz spoke.",
            Some(&g),
        );
        assert!(f.iter().all(|x| x.1 != EntityKind::Place), "{f:?}");
    }

    #[test]
    fn gendered_titles_and_roles() {
        let cases = [
            ("Mrs", Some(Gender::Female)),
            ("spokeswoman", Some(Gender::Female)),
            ("Queen", Some(Gender::Female)),
            ("chairwoman", Some(Gender::Female)),
            ("mr", Some(Gender::Male)),
            ("Sir", Some(Gender::Male)),
            ("congressman", Some(Gender::Male)),
            ("police spokesman", Some(Gender::Male)),
            // no sex
            ("spokesperson", None),
            ("minister", None),
            ("dr", None),
            ("", None),
        ];
        for (role, want) in cases {
            assert_eq!(role_gender(role), want, "{role}");
        }
    }

    #[test]
    fn a_name_that_acts_twice_and_is_never_a_location_is_no_city() {
        let g = claimgraph_gazetteer::Gazetteer::load().expect("embedded gazetteer");
        let places = |text: &str| -> Vec<String> {
            found_with(text, Some(&g))
                .into_iter()
                .filter(|f| f.1 == EntityKind::Place)
                .map(|f| f.0)
                .collect()
        };
        // a probe named after a city: it acts, and is never where something happens
        let probe = "Boston has mapped the ice. On Monday, Boston quietly recorded a quake. \
                     Engineers said Boston sent its data on time.";
        assert!(places(probe).is_empty(), "{:?}", places(probe));
        let cases = [
            // described with a copula, and a city
            "Boston is a port. Boston was founded early. Boston is cold.",
            // acting, but also a location
            "Boston has voted. Boston decided to wait. Rain fell in Boston.",
            // a country acts as its government does, and stays a place
            "Norway has voted. Norway decided to wait. Norway signed the pact.",
        ];
        for text in cases {
            assert!(!places(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn titles_are_roles_not_names() {
        let f =
            found("Flood Commissioner Mara Velt said the dam held. Velt said more rain was due.");
        assert_eq!(f[0], ("Mara Velt".to_string(), EntityKind::Person));
        assert_eq!(f[1], ("Mara Velt".to_string(), EntityKind::Person));
    }

    #[test]
    fn a_title_with_an_affiliation_names_only_the_person() {
        let cases = [
            (
                "Professor Arne Vik of the University of Oster spoke.",
                "Arne Vik",
            ),
            ("President of the Harbour Council Ivo Moe spoke.", "Ivo Moe"),
            (
                "Lead Investigator Ola Berg of the Tarn Institute spoke.",
                "Ola Berg",
            ),
            // the period of an abbreviated title
            ("The pier must close, said Mr. Hollis on Monday.", "Hollis"),
            ("Dr. Vik spoke first.", "Vik"),
            // a body after the title, no name: no person
            ("President of the Harbour Council spoke.", ""),
        ];
        for (text, want) in cases {
            let people: Vec<String> = found(text)
                .into_iter()
                .filter(|x| x.1 == EntityKind::Person)
                .map(|x| x.0)
                .collect();
            let want: Vec<&str> = [want].into_iter().filter(|w| !w.is_empty()).collect();
            assert_eq!(people, want, "in {text:?}");
        }
    }

    #[test]
    fn an_occupation_after_a_copula_makes_a_person() {
        let cases = [
            (
                "Tova Brannick is a hydrologist at the Marlow Institute.",
                true,
            ),
            ("Milo Ferrant was the lead soil scientist there.", true),
            ("Ivo Moe is with the Harbour Board.", true),
            // a place or a thing described: no person
            ("Upper Tarn is a quiet harbour town.", false),
            ("Green Lake is the largest in the region.", false),
        ];
        for (text, person) in cases {
            let people = found(text)
                .into_iter()
                .filter(|x| x.1 == EntityKind::Person)
                .count();
            assert_eq!(people > 0, person, "in {text:?}");
        }
    }

    #[test]
    fn role_before_and_apposition_teach_people() {
        let f = found(
            "Water board spokesman Piet Oster spoke. Anna Rijk, adviser to the mayor, agreed.",
        );
        assert!(f.contains(&("Piet Oster".to_string(), EntityKind::Person)));
        assert!(f.contains(&("Anna Rijk".to_string(), EntityKind::Person)));
    }

    #[test]
    fn a_compass_word_before_a_place_names_a_region() {
        let cases = [
            (
                "Storms hit towns in Northern Tarnland overnight.",
                vec!["Northern Tarnland"],
            ),
            (
                "Rain fell in North Vellmark and in Calvry.",
                vec!["North Vellmark", "Calvry"],
            ),
            // a compass word alone, or before a people, is no region
            ("North of Calvry, the road closed.", vec!["Calvry"]),
        ];
        for (text, want) in cases {
            let places: Vec<String> = found(text)
                .into_iter()
                .filter(|x| x.1 == EntityKind::Place)
                .map(|x| x.0)
                .collect();
            assert_eq!(places, want, "in {text:?}");
        }
    }

    #[test]
    fn places_from_prepositions_regions_and_lists() {
        let f =
            found("Rain fell near Dunmore and Calvry, in the Westvale region. Dunmore flooded.");
        let places: Vec<_> = f
            .iter()
            .filter(|x| x.1 == EntityKind::Place)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(places, ["Dunmore", "Calvry", "Westvale region", "Dunmore"]);
    }

    /// The kind given to `name` in `text`, read with the gazetteer.
    fn kind_with_gazetteer(text: &str, name: &str) -> Option<EntityKind> {
        let gaz = Gazetteer::load().ok();
        let lex = Lexicon::new();
        let t = Tokens::new(text, &lex);
        let p = sentences::paragraphs(&t);
        let reg = build(&t, &p, gaz.as_ref());
        reg.found.iter().find(|f| f.name == name).map(|f| f.kind)
    }

    #[test]
    fn tagger_reads_given_names_after_place_lists_as_people() {
        // (text, name, kind): a name after a list of places is a person when the tagger
        // reads it so; the places of the list stay places.
        let cases = [
            (
                "Crews worked in Bergen, Trondheim and Tromsø, Ingrid Solberg told the board.",
                "Ingrid Solberg",
                Some(EntityKind::Person),
            ),
            (
                "Crews worked in Bergen, Trondheim and Tromsø, Ingrid Solberg told the board.",
                "Trondheim",
                Some(EntityKind::Place),
            ),
            (
                "Voters in Cork, Galway and Sligo backed the plan, and Declan Moriarty welcomed it.",
                "Declan Moriarty",
                Some(EntityKind::Person),
            ),
            (
                "Voters in Cork, Galway and Sligo backed the plan, and Declan Moriarty welcomed it.",
                "Galway",
                Some(EntityKind::Place),
            ),
        ];
        for (text, name, want) in cases {
            assert_eq!(kind_with_gazetteer(text, name), want, "{name} in {text}");
        }
    }

    #[test]
    fn a_name_the_sentence_goes_on_from_is_no_list_item() {
        let cases = [
            ("In Dunmore, Calvry, Ellis Mark Tobin gave his reasons.", 2),
            (
                "Rain fell in Dunmore, Calvry and Westmoor Heath overnight.",
                3,
            ),
            ("Rain fell in Dunmore, Calvry, Westmoor Heath.", 3),
        ];
        for (text, n) in cases {
            let places = found(text)
                .iter()
                .filter(|x| x.1 == EntityKind::Place)
                .count();
            assert_eq!(places, n, "in {text:?}");
        }
    }

    #[test]
    fn outlets_and_orgs() {
        let f = found("The Water Ministry told Reuters that the Daily Clarion was wrong.");
        assert!(f.contains(&("Water Ministry".to_string(), EntityKind::Organization)));
        assert!(f.contains(&("Reuters".to_string(), EntityKind::Outlet)));
        assert!(f.contains(&("Daily Clarion".to_string(), EntityKind::Outlet)));
    }

    #[test]
    fn demonyms_and_months_are_not_places() {
        let f = found("Help came from Dutch engineers in March.");
        assert!(f.iter().all(|x| x.1 != EntityKind::Place));
    }

    #[test]
    fn role_description_resolves_by_context() {
        let lex = Lexicon::new();
        let text = "Harbour Council Secretary Ilse Brandt spoke. Treasury Secretary Tom Hale left.";
        let t = Tokens::new(text, &lex);
        let reg = build(&t, &sentences::paragraphs(&t), None);
        let p = reg.person_for_role(
            "secretary",
            &["harbour".to_string(), "council".to_string()],
            0,
        );
        assert_eq!(p.map(|p| p.name.as_str()), Some("Ilse Brandt"));
    }
}
