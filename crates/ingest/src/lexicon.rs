//! The word tables of the extractor as one lexicon: every rule table folded into a map
//! from lower-case word to word-class flags, and the word lists shipped as data files
//! (adjectives, person nouns, verbs of saying), each read once.

use claimgraph_gazetteer::{FnvMap, FnvSet};

use crate::rules;

/// Word-class bits looked up once per token.
pub mod flag {
    pub const CUE: u32 = 1;
    pub const PARTICIPLE: u32 = 1 << 1;
    pub const QUOTE_ONLY: u32 = 1 << 2;
    pub const PERCEPTION: u32 = 1 << 3;
    pub const WITNESS: u32 = 1 << 4;
    pub const TITLE: u32 = 1 << 5;
    pub const ROLE: u32 = 1 << 6;
    pub const NOMINAL: u32 = 1 << 7;
    pub const PRONOUN: u32 = 1 << 8;
    pub const ORG_HEAD: u32 = 1 << 9;
    pub const OUTLET_HEAD: u32 = 1 << 10;
    pub const PLACE_PREP: u32 = 1 << 11;
    pub const PLACE_OF: u32 = 1 << 12;
    pub const REGION: u32 = 1 << 13;
    pub const PLACE_DESC: u32 = 1 << 14;
    pub const NOT_NAME: u32 = 1 << 15;
    pub const MONTH: u32 = 1 << 16;
    pub const WEEKDAY: u32 = 1 << 17;
    pub const DEMONYM: u32 = 1 << 18;
    pub const FUNCTION: u32 = 1 << 19;
    pub const VAGUE: u32 = 1 << 20;
    pub const ABBREV: u32 = 1 << 21;
    pub const STARTER: u32 = 1 << 22;
    pub const CUE_ADV: u32 = 1 << 23;
    pub const COMMON_VERB: u32 = 1 << 24;
    pub const NUMWORD: u32 = 1 << 25;
    pub const MULT: u32 = 1 << 26;
    pub const GEO: u32 = 1 << 27;
    pub const WEAK: u32 = 1 << 28;
    pub const ADVERBIAL: u32 = 1 << 29;
    pub const TRAILING: u32 = 1 << 30;
    pub const BASE_CUE: u32 = 1 << 31;
}

/// The word tables folded into one map from lower-case word to flags.
pub struct Lexicon {
    map: FnvMap<&'static str, u32>,
    /// Outlet names keyed by their lower-case first word.
    outlets: FnvMap<String, Vec<&'static str>>,
    /// Words that are adjectives in nearly every use (`data/adjectives.txt`, from GUM's
    /// part-of-speech tags; `scripts/adjectives.py`).
    adjectives: FnvSet<&'static str>,
    /// Nouns that name a kind of person, and their plurals (`data/person_nouns.tsv`,
    /// from WordNet's noun.person; `scripts/person_nouns.py`).
    person_nouns: FnvSet<&'static str>,
    person_plurals: FnvSet<&'static str>,
    /// Verbs of saying that take a "that" clause (`data/that_cues.txt`, from WordNet's
    /// verb.communication; `scripts/that_cues.py`): cues only before "that".
    that_cues: FnvSet<&'static str>,
}

/// The adjective list, one lower-case word per line.
const ADJECTIVES: &str = include_str!("../data/adjectives.txt");

/// Person nouns, one `singular<TAB>plural` pair of lower-case words per line.
const PERSON_NOUNS: &str = include_str!("../data/person_nouns.tsv");

/// Inflected verbs of saying that take a "that" clause, one lower-case word per line.
const THAT_CUES: &str = include_str!("../data/that_cues.txt");

impl Lexicon {
    pub fn new() -> Self {
        let mut map: FnvMap<&'static str, u32> = FnvMap::default();
        map.reserve(2048);
        let mut add = |table: &[&'static str], f: u32| {
            for w in table {
                *map.entry(*w).or_insert(0) |= f;
            }
        };
        add(rules::CUE_VERBS, flag::CUE);
        add(rules::ACT_CUES, flag::CUE);
        add(rules::BASE_CUES, flag::CUE | flag::BASE_CUE);
        add(rules::PARTICIPLE_CUES, flag::PARTICIPLE);
        add(rules::QUOTE_ONLY_CUES, flag::QUOTE_ONLY);
        add(rules::PERCEPTION_CUES, flag::PERCEPTION);
        add(rules::WITNESS_NOUNS, flag::WITNESS);
        add(rules::TITLES, flag::TITLE);
        add(rules::ROLE_NOUNS, flag::ROLE);
        add(rules::NOMINAL_SOURCE_NOUNS, flag::NOMINAL);
        add(rules::PRONOUNS, flag::PRONOUN);
        add(rules::ORG_HEADS, flag::ORG_HEAD);
        add(rules::OUTLET_HEADS, flag::OUTLET_HEAD);
        add(rules::PLACE_PREPOSITIONS, flag::PLACE_PREP);
        add(rules::PLACE_OF_NOUNS, flag::PLACE_OF);
        add(rules::REGION_WORDS, flag::REGION);
        add(rules::PLACE_DESCRIPTIONS, flag::PLACE_DESC);
        add(rules::NOT_NAMES, flag::NOT_NAME);
        add(rules::MONTHS, flag::MONTH);
        add(rules::WEEKDAYS, flag::WEEKDAY);
        add(rules::DEMONYMS, flag::DEMONYM);
        add(rules::PARTY_AFFILIATIONS, flag::DEMONYM);
        add(rules::FUNCTION_WORDS, flag::FUNCTION);
        add(rules::VAGUE_BEFORE, flag::VAGUE);
        add(rules::ABBREVIATIONS, flag::ABBREV);
        add(rules::SENTENCE_STARTERS, flag::STARTER);
        add(rules::CUE_ADVERBS, flag::CUE_ADV);
        add(rules::GEO_HEADS, flag::GEO);
        add(rules::WEAK_CUES, flag::WEAK);
        add(rules::COMMON_VERBS, flag::COMMON_VERB);
        add(rules::ADVERBIAL_OPENERS, flag::ADVERBIAL);
        add(rules::TRAILING_OPENERS, flag::TRAILING);
        for (w, _) in rules::NUMBER_WORDS {
            *map.entry(*w).or_insert(0) |= flag::NUMWORD;
        }
        for (w, _) in rules::MULTIPLIERS {
            *map.entry(*w).or_insert(0) |= flag::MULT;
        }
        let mut outlets: FnvMap<String, Vec<&'static str>> = FnvMap::default();
        for o in rules::OUTLETS {
            let first = o.split([' ', '-']).next().unwrap_or(o).to_lowercase();
            outlets.entry(first).or_default().push(o);
        }
        let adjectives = ADJECTIVES.lines().filter(|w| !w.is_empty()).collect();
        let pairs = PERSON_NOUNS.lines().filter_map(|l| l.split_once('\t'));
        let (person_nouns, person_plurals) = pairs.unzip();
        let that_cues = THAT_CUES.lines().filter(|w| !w.is_empty()).collect();
        Lexicon {
            map,
            outlets,
            adjectives,
            person_nouns,
            person_plurals,
            that_cues,
        }
    }

    /// Whether a lower-case word is the plural of a noun naming a kind of person
    /// ("passengers", "fishermen"): a group of people, not a name, when it opens a sentence.
    pub fn is_person_plural(&self, lower: &str) -> bool {
        self.person_plurals.contains(lower)
    }

    /// Whether a lower-case word is a noun naming a kind of person, in the singular
    /// ("husband", "source"): a description of who speaks when it heads one.
    pub fn is_person_noun(&self, lower: &str) -> bool {
        self.person_nouns.contains(lower)
    }

    /// Whether a lower-case word is an adjective in nearly every use ("small", "local").
    pub fn is_adjective(&self, lower: &str) -> bool {
        self.adjectives.contains(lower)
    }

    /// The flags of `word`, written as `lower` in lower case.
    pub(crate) fn flags(&self, word: &str, lower: &str) -> u32 {
        let mut f = self.map.get(lower).copied().unwrap_or(0);
        // "U.N", "E.U": a dotted acronym is the acronym ("UN" heads a body's name)
        if f == 0 && lower.contains('.') && spells_acronym(word) {
            let plain: String = lower.chars().filter(|c| *c != '.').collect();
            f = self.map.get(plain.as_str()).copied().unwrap_or(0) & flag::ORG_HEAD;
        }
        // "Tuesday's earthquake": the possessive of a word that is never a name is not one
        if let Some(base) = strip_possessive(lower) {
            let base_flags = self.map.get(base).copied().unwrap_or(0);
            let heads = flag::ORG_HEAD | flag::OUTLET_HEAD;
            let mut kept = flag::MONTH | flag::WEEKDAY | flag::NOT_NAME | flag::DEMONYM;
            // "the Ministry's figures", "UNICEF's tally" (but "who's" is "who is")
            if base_flags & flag::FUNCTION == 0 {
                kept |= heads;
            }
            f |= base_flags & kept;
            // "the WHO's tally": an acronym's possessive is a name with the acronym's head
            // word, whatever common word it spells
            if strip_possessive(word).is_some_and(spells_acronym) {
                f = (f & !(flag::NOT_NAME | flag::FUNCTION)) | (base_flags & heads);
            }
        }
        // "Mayor-elect", "ex-minister", "Ambassador-designate": the office's title or role
        if f == 0 {
            if let Some(office) = office_of_hyphened(lower) {
                f = self.map.get(office).copied().unwrap_or(0) & (flag::TITLE | flag::ROLE);
            }
        }
        if f & flag::DEMONYM == 0 && (country_demonym(word, lower) || guessed_demonym(word, lower))
        {
            f |= flag::DEMONYM;
        }
        f
    }

    /// Whether a lower-case word is a verb of saying that takes a "that" clause, a cue
    /// where "that" follows it ("recommended", "testifies").
    pub fn is_that_cue(&self, lower: &str) -> bool {
        self.that_cues.contains(lower)
    }

    /// Whether a lower-case word heads organisation names ("ministry", "council").
    pub fn is_org_head(&self, lower: &str) -> bool {
        self.map.get(lower).is_some_and(|f| f & flag::ORG_HEAD != 0)
    }

    /// Outlet names whose first word is `lower`.
    pub fn outlets_starting(&self, lower: &str) -> &[&'static str] {
        let key = lower.split('-').next().unwrap_or(lower);
        self.outlets.get(key).map_or(&[], Vec::as_slice)
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

/// A word a demonym's ending makes a nationality ("Estonian", "Congolese"), unless it is
/// a common given name ("Adrian", "Julian") or a surname with an inner capital ("McKinnon").
/// A capitalised country demonym of the gazetteer's data, or its plural ("Kenyans").
fn country_demonym(word: &str, lower: &str) -> bool {
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let Some(g) = claimgraph_gazetteer::embedded() else {
        return false;
    };
    g.demonym_country(lower).is_some()
        || lower
            .strip_suffix('s')
            .is_some_and(|one| g.demonym_country(one).is_some())
}

fn guessed_demonym(word: &str, lower: &str) -> bool {
    rules::has_demonym_suffix(lower)
        && !word.chars().skip(1).any(char::is_uppercase)
        && crate::given_names::given_class(crate::given_names::given_names(), lower) < 2
}

/// Two or more letters, none of them lower case.
pub(crate) fn spells_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
}
/// The word without its possessive ending ("Board's" → "Board"), if it has one.
pub(crate) fn strip_possessive(word: &str) -> Option<&str> {
    if let Some(w) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        return Some(w);
    }
    // "Growers'": a plural's apostrophe alone
    word.strip_suffix('\'')
        .or_else(|| word.strip_suffix('’'))
        .filter(|w| w.ends_with('s'))
}

/// The office in a hyphened title ("mayor" of "mayor-elect", "minister" of
/// "ex-minister"), by [`rules::OFFICE_AFFIXES`].
fn office_of_hyphened(lower: &str) -> Option<&str> {
    let (head, tail) = lower.split_once('-')?;
    if rules::OFFICE_AFFIXES.contains(&tail) {
        Some(head)
    } else if rules::OFFICE_AFFIXES.contains(&head) {
        Some(tail)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_keys_fit_the_probe_limit() {
        let lex = Lexicon::new();
        assert!(lex.map.keys().all(|k| k.len() <= 24));
        assert!(lex.map.keys().all(|k| k.to_lowercase() == *k));
    }
}
