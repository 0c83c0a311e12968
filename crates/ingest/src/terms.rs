//! Claim text → comparison terms, so claims from different outlets can be compared by
//! what they say rather than by their exact words: lower-case content words without
//! diacritics, function and reporting words dropped, plurals and verb endings cut, and the
//! synonyms of [`rules::CONCEPTS`] folded to one word.

use std::collections::HashMap;
use std::sync::LazyLock;

use claimgraph_gazetteer::fold;

use crate::rules;

static CONCEPT_OF: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rules::CONCEPTS
        .iter()
        .flat_map(|row| row.iter().map(move |w| (*w, row[0])))
        .collect()
});

/// Shortest word kept: shorter ones are initials, units or noise.
const MIN_LEN: usize = 3;

/// The distinct comparison terms of a text, in first-seen order.
pub fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        // "Ukraine’s" → "ukraine"; "don't" is a function word either way.
        let word = raw.split(['\'', '’']).next().unwrap_or_default();
        if word.chars().count() < MIN_LEN || word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let low = fold(word);
        if rules::FUNCTION_WORDS.contains(&low.as_str())
            || rules::TERM_STOPWORDS.contains(&low.as_str())
            || is_number_word(&low)
        {
            continue;
        }
        let term = match CONCEPT_OF.get(low.as_str()) {
            Some(concept) => (*concept).to_string(),
            None => stem(&low).to_string(),
        };
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// Number names ("two", "hundred", "million") are read as figures, which are compared as
/// figures; as words they would make any two counts alike.
fn is_number_word(word: &str) -> bool {
    rules::NUMBER_WORDS
        .iter()
        .chain(rules::MULTIPLIERS)
        .any(|(w, _)| *w == word)
}

/// Cuts one common ending ([`rules::STEM_ENDINGS`]) from a word long enough to keep a stem
/// of four letters or more.
fn stem(word: &str) -> &str {
    for suffix in rules::STEM_ENDINGS {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.chars().count() > 3 {
                return base;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordings_of_one_fact_share_terms() {
        let a = terms("Rebel fighters retook the port of Velmora, the governor said.");
        let b = terms("Soldiers recaptured Velmora’s port on Tuesday");
        let shared: Vec<&String> = a.iter().filter(|t| b.contains(t)).collect();
        assert_eq!(shared, ["troops", "recapture", "port", "velmora"]);
    }

    #[test]
    fn function_words_numbers_and_endings_go() {
        assert_eq!(
            terms("They were flooding 30 homes; it's the floods"),
            ["flood", "home"]
        );
        assert_eq!(terms("the of and said"), Vec::<String>::new());
        assert_eq!(terms("two hundred boats, a million tons"), ["boat", "tons"]);
        assert_eq!(stem("talks"), "talk");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(terms("Bogotá"), ["bogota"]);
    }
}
