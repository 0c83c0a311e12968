//! What the article taught about its entities: the people it names with their roles, its
//! places and every labelled run, and the look-ups the later passes ask of them.

use claimgraph_gazetteer::CountryCode;

use crate::model::EntityKind;
use crate::places::Resolved;
use crate::rules;
use crate::tagger::{self, Gender, Tagged};
use crate::text::{flag, word_hash, FnvMap, FnvSet, Tokens};

use super::words::{cue_follows, surname_after_particle};

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
    pub(super) by_name: FnvMap<String, usize>,
    pub(super) by_surname: FnvMap<String, usize>,
    pub(super) places: FnvMap<String, ()>,
    /// Every labelled run, in text order.
    pub found: Vec<Found>,
    /// Gazetteer identity and canonical name of each place name (lower case as written).
    pub geo: FnvMap<String, Resolved>,
    /// Hashes of the words the article writes in lower case ("reading", "mobile"): a capitalised one is
    /// not a place on the gazetteer's word alone.
    pub(super) common: FnvSet<u64>,
    /// Countries the article names or whose large places it names: a smaller gazetteer
    /// place in one of them is a place without a context word ("troops entered X").
    pub(super) countries: FnvSet<CountryCode>,
    /// Countries the article names only by a nationality ("Ukrainian troops entered
    /// X"): a town of one of them is a place without a context word, as in `countries`,
    /// if it is a town of some size (`NATIONALITY_TOWN_MIN` in `evidence`): a
    /// nationality as common as "American" would otherwise make every small place
    /// named like a surname a place.
    pub(super) nationalities: FnvSet<CountryCode>,
    /// Token ranges inside quotation marks, in text order: a person named inside a quote
    /// is not who "she said" after it means.
    pub(super) quoted: Vec<(usize, usize)>,
    /// The trained tagger's reading of every token (`None` if the model did not load).
    pub(super) tagged: Option<Tagged>,
    /// Hashes of capitalised words the article makes the subject of a verb at least twice
    /// and never puts after a locative preposition ("in", "at", "near"): a carmaker or a
    /// spacecraft that shares a city's name ("X has recalled …", "X later blamed …"), not
    /// the city.
    pub(super) actors: FnvSet<u64>,
    /// Hashes of capitalised words the article makes, alone, the subject of a cue ("X
    /// said") and never puts after a locative preposition: a name the gazetteer lacks that
    /// speaks is a person or a body, wherever else it stands ("talks between X and Y").
    pub(super) speakers: FnvSet<u64>,
    /// The first word of each company the article names in full ("Velto" of "Velto Motor
    /// Corporation") → that full name: alone, the word is the company's short form, not a
    /// town that shares it ("faults in some Velto vehicles").
    pub(super) companies: FnvMap<u64, String>,
    /// The first word of each vessel, craft or storm the article names after its noun ("the
    /// tanker Nordic Star", "Hurricane Erin") → how many words its name has: those words
    /// name no place nor person.
    pub(super) vehicles: FnvMap<u64, usize>,
    /// Hashes of the lower case of acronyms the article defines as lower-case words'
    /// initials ("sea surface salinity (SSS)"): a term's short form, so no place ("data
    /// from SSS"), person nor body.
    pub(super) term_acronyms: FnvSet<u64>,
    /// Hashes of the lower-case names the first reading took for a city's team in a match
    /// report ("Porto beat Braga 2-1"): the team everywhere in the article but after a
    /// preposition of place ("Braga, the champions, have lost …"; "travel to Braga").
    pub(super) teams: FnvSet<u64>,
    /// Whether the article reports sport: a score, or sports nouns in several places
    /// ([`super::evidence::is_match_report`]); a sentence of it needs no score of its own
    /// for a team's verb to make a name a team ("Harwick host Denby next week").
    pub(super) match_report: bool,
    /// The initials of each body the first reading named in words ("RSF" of "Rapid
    /// Support Forces"): an acronym of those letters is that body wherever it stands,
    /// not only before a cue ("The RSF, led by …, claimed …").
    pub(super) body_initials: FnvSet<String>,
    /// Hashes of the lower-case names the first reading took for bodies and never for
    /// places: the same name elsewhere, with no evidence of its own, is that body.
    pub(super) body_names: FnvSet<u64>,
    /// The sex a pronoun after their own cue gives a person ("Ana Ruiz said she …"), by
    /// index in `persons` ([`super::genders::said_genders`]).
    pub(super) said_genders: FnvMap<usize, Gender>,
}

/// At most this many people are remembered per article (bounds role look-ups).
pub(super) const MAX_PERSONS: usize = 2000;

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
    /// Whether the run `[pa, b)` names a vessel, craft or storm ([`Registry::vehicles`]) or
    /// is the short form of a term ([`Registry::term_acronyms`]): no place, person nor body.
    pub(super) fn names_a_thing(&self, t: &Tokens, pa: usize, b: usize) -> bool {
        let key = word_hash(t.lo(pa));
        let vehicle = self
            .vehicles
            .get(&key)
            .is_some_and(|&words| b - pa <= words);
        vehicle || (b == pa + 1 && self.term_acronyms.contains(&key))
    }

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
    pub(super) fn geo_of(&self, name: &str) -> Option<&Resolved> {
        with_lower(name, |low| self.geo.get(low))
    }

    /// Whether the place run `f` is a capital standing for its government rather than a
    /// location: the one acting ("taken by X", "X troops", "X said", "X would respond") or
    /// the origin of forces ("forces from X").
    pub fn capital_as_actor(&self, t: &Tokens, f: &Found) -> bool {
        let capital = self.geo_of(&f.name).is_some_and(|r| r.capital);
        if !capital || f.b <= f.a {
            return false;
        }
        let force = |k: usize| rules::FORCE_NOUNS.contains(&t.lo(k));
        let agent_before = f.a > 0 && t.is(f.a - 1, "by");
        let origin = f.a >= 2 && t.is(f.a - 1, "from") && force(f.a - 2);
        let possessive = t.is_possessive(f.b - 1);
        let located = f.a > 0 && t.has(f.a - 1, flag::PLACE_PREP);
        let modal = rules::ACTING_MODALS.contains(&t.lo(f.b)) && !located;
        let acting_after = !possessive && (force(f.b) || cue_follows(t, f.b) || modal);
        agent_before || origin || acting_after
    }

    /// Whether the place run `f` is a country owning what follows it rather than where the
    /// claim is: "North Korea's nuclear programme", "the country's army" are the state's, not
    /// a place ("Peru's capital", "Peru's northern coast" are in it).
    pub fn country_as_owner(&self, t: &Tokens, f: &Found) -> bool {
        if f.b <= f.a || !t.is_possessive(f.b - 1) || !rules::is_country(&f.name) {
            return false;
        }
        let in_it = |k: usize| {
            rules::PLACE_HAS_NOUNS.contains(&t.lo(k))
                || rules::COUNTRY_PART_NOUNS.contains(&t.lo(k))
                || t.has(k, flag::REGION | flag::GEO | flag::PLACE_DESC)
        };
        !(f.b..(f.b + 3).min(t.len()))
            .take_while(|&k| t.is_word(k) && !t.is_cap(k))
            .any(in_it)
    }

    /// Whether the place run `f` is a country naming whose people or bodies follow it ("U.S.
    /// President …", "Chad authorities", "U.S. athletes"): an attribute of them, not a
    /// place of the claim.
    pub fn country_as_modifier(&self, t: &Tokens, f: &Found) -> bool {
        if f.b <= f.a || t.is_possessive(f.b - 1) {
            return false;
        }
        // the closing period of an abbreviation ("U.S. athletes")
        let dotted = t.is_punct(f.b, '.') && t.s(f.b - 1).contains('.');
        let n = f.b + usize::from(dotted);
        if n >= t.len() || !t.is_word(n) || t.has(n, flag::FUNCTION) {
            return false;
        }
        let lo = t.lo(n);
        let of_people = t.has(n, flag::NOMINAL | flag::ROLE | flag::TITLE | flag::ORG_HEAD)
            || t.lex.is_person_plural(lo)
            || t.lex.is_person_noun(lo);
        of_people && rules::is_country(&f.name)
    }

    /// Adds runs found by a later pass (descriptions, borders), keeping text order.
    pub(super) fn add_found(&mut self, extra: Vec<Found>) {
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
    pub(super) fn is_place_lo(&self, low: &str) -> bool {
        self.places.contains_key(low)
    }

    pub(super) fn person_index(&self, name: &str) -> Option<usize> {
        with_lower(name, |low| self.person_index_lo(low))
    }

    pub(super) fn person_index_lo(&self, low: &str) -> Option<usize> {
        if let Some(&i) = self.by_name.get(low) {
            return Some(i);
        }
        // a surname alone, or with its particles ("van Dam", "de la Vega")
        self.by_surname.get(low).copied()
    }

    /// The resolved full name for a lower-case name as written.
    pub(super) fn person_name_lo(&self, low: &str) -> Option<&str> {
        self.person_index_lo(low)
            .and_then(|i| self.persons.get(i))
            .map(|p| p.name.as_str())
    }

    pub(super) fn add_person(
        &mut self,
        name: &str,
        roles: Vec<String>,
        ctx: Vec<String>,
        at: usize,
    ) -> usize {
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
                // "al-Burhan" is "Burhan" on its own too
                if let Some(bare) = surname_after_particle(last) {
                    self.by_surname.insert(bare.to_string(), idx);
                }
            }
        }
        // "Jan van Dam" is "Van Dam" opening a sentence, "van Dam" inside one
        if let Some(with_particles) = particle_surname(&low) {
            self.by_surname.insert(with_particles.to_string(), idx);
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

    /// The titles and roles the article gives the person `name` anywhere ("Our
    /// correspondent Ana Ruiz"), whichever mention of them is at hand.
    pub fn person_roles(&self, name: &str) -> &[String] {
        self.person_index(name)
            .and_then(|i| self.persons.get(i))
            .map_or(&[], |p| p.roles.as_slice())
    }

    /// The person a role description points at ("the Norwegian minister"), scored by
    /// shared role-context words; the nearest earlier mention wins ties, a later one is
    /// used only when none came before.
    pub fn person_for_role(&self, role: &str, ctx: &[String], at: usize) -> Option<&Person> {
        let mut best: Option<(usize, bool, usize, &Person)> = None;
        // "the Argentine president" is no Chilean president
        let wanted = nation_of(ctx);
        // "Argentine leader X … the Argentine president": one country's leader by either
        // word, when the nationality says whose
        let leads = |r: &str| {
            wanted.is_some()
                && rules::LEADER_ROLES.contains(&role)
                && rules::LEADER_ROLES.contains(&r)
        };
        for p in &self.persons {
            // the person's nationality is read only when the description names one
            let nation = wanted.and_then(|_| nation_of(&p.ctx));
            let holds = p.roles.iter().any(|r| r == role);
            let leads_it = nation == wanted && p.roles.iter().any(|r| leads(r));
            if !(holds || leads_it) || nation.is_some_and(|n| Some(n) != wanted) {
                continue;
            }
            let score = ctx.iter().filter(|c| p.ctx.contains(c)).count();
            if ctx.len() > 1 && score == 0 {
                continue;
            }
            // "the former president" is not the president, nor "the deputy minister" the
            // minister: a qualifier of the office is on both sides or on neither
            let qualified_alike = rules::OFFICE_QUALIFIERS
                .iter()
                .all(|q| ctx.iter().any(|c| c == q) == p.ctx.iter().any(|c| c == q));
            if !qualified_alike {
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
    /// The last run of one of `kinds` before token `at` that `fits` accepts.
    pub fn last_before_where(
        &self,
        at: usize,
        kinds: &[EntityKind],
        fits: impl Fn(&Found) -> bool,
    ) -> Option<&Found> {
        let n = self.found.partition_point(|f| f.b <= at);
        self.found[..n]
            .iter()
            .rev()
            .take(400)
            .find(|f| kinds.contains(&f.kind) && fits(f))
    }

    pub fn last_before(&self, at: usize, kinds: &[EntityKind]) -> Option<&Found> {
        self.last_before_where(at, kinds, |_| true)
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
    /// ("Mrs", "spokesman") of this mention or of the person's earlier ones, else a
    /// pronoun after the person's own cue ("X said she …"), else the first given name of
    /// a full name. `None` when unknown, unisex or contradictory.
    pub fn gender_of(&self, name: &str, roles: &[String]) -> Option<Gender> {
        let person = self.person_index(name).and_then(|i| self.persons.get(i));
        let known = person.map_or(&[][..], |p| p.roles.as_slice());
        let mut said = roles.iter().chain(known).filter_map(|r| role_gender(r));
        if let Some(first) = said.next() {
            return said.all(|g| g == first).then_some(first);
        }
        let index = self.person_index(name);
        if let Some(g) = index.and_then(|i| self.said_genders.get(&i)) {
            return Some(*g);
        }
        // A lone word may be a surname ("Mr Rose" later "Rose"): only full names count.
        let full = person.map_or(name, |p| p.name.as_str());
        let mut words = full.split(' ');
        match (words.next(), words.next()) {
            (Some(first), Some(_)) => tagger::given_name_gender(first),
            _ => None,
        }
    }

    pub(super) fn is_quoted(&self, i: usize) -> bool {
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
pub(super) fn role_gender(role: &str) -> Option<Gender> {
    role.split(|c: char| !c.is_alphanumeric()).find_map(|w| {
        let w = w.to_lowercase();
        if rules::MALE_ROLE_WORDS.contains(&w.as_str()) {
            Some(Gender::Male)
        } else if rules::FEMALE_ROLE_WORDS.contains(&w.as_str()) {
            Some(Gender::Female)
        } else {
            None
        }
    })
}

/// The country a nationality among `ctx` names ("argentine"), if any.
fn nation_of(ctx: &[String]) -> Option<claimgraph_gazetteer::CountryCode> {
    let g = claimgraph_gazetteer::embedded()?;
    ctx.iter()
        .find_map(|c| g.demonym_country(c).map(|k| k.code))
}

/// The surname of a lower-case full name from its first particle on ("van dam" of "jan van
/// dam", "de la vega" of "luis de la vega"), when a particle follows the given name.
fn particle_surname(low: &str) -> Option<&str> {
    let (_, rest) = low.split_once(' ')?;
    let (first, _) = rest.split_once(' ')?;
    rules::NAME_PARTICLES.contains(&first).then_some(rest)
}
