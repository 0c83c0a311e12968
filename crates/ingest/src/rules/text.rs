//! Words of the text itself: function words, stopwords, concepts, boilerplate, abbreviations.

/// Words that deny what the rest of a claim says: "was not taken", "never entered".
pub const NEGATIONS: &[&str] = &["not", "never", "no longer", "denied", "denies", "deny", "false"];

/// Words that end a counted-noun run after a number or never count as the noun.
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must",
    "should", "shall", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
    "it", "they", "he", "she", "we", "i", "you", "as", "than", "more", "less", "including",
    "after", "before", "since", "during", "into", "over", "under", "about", "ago", "later",
    "earlier", "each", "per", "there", "here", "so", "if", "when", "while", "not", "no", "all",
    "both", "also", "only", "just", "out", "up", "down", "off", "away", "back", "then", "now",
    "where", "what", "how", "why", "do", "does", "did", "along", "among", "against", "between",
    "through", "across", "toward", "towards", "around", "near", "within", "without", "until",
    "till", "because", "though", "although", "yet", "were", "am", "left", "like", "old", "long",
    "more", "most", "other", "such",
];

/// Words that say nothing about which fact a claim reports, besides [`FUNCTION_WORDS`]:
/// reporting verbs, days, vague quantifiers.
#[rustfmt::skip]
pub const TERM_STOPWORDS: &[&str] = &[
    "said", "says", "say", "told", "tell", "added", "according", "reported", "announced",
    "stated", "noted", "claimed", "some", "any", "very", "much", "many", "several", "own",
    "week", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "them", "him", "us", "me", "one", "which", "being", "even", "still",
    "already", "further", "however", "nevertheless", "perhaps", "able", "make",
    "made", "get", "got", "going",
];

/// Words that different outlets use for one thing in news of conflicts, disasters and
/// politics. Each row folds to its first word, so "retook" and "liberated" compare equal.
#[rustfmt::skip]
pub const CONCEPTS: &[&[&str]] = &[
    &["recapture", "recaptured", "recapturing", "retake", "retaken", "retook", "retaking",
      "regain", "regained", "reconquer", "reconquered", "reconquest", "liberate", "liberated",
      "liberating", "liberation", "capture", "captured", "conquer", "conquered", "seized",
      "seize", "taken", "took"],
    &["withdraw", "withdrawn", "withdrawing", "withdrawal", "withdrew", "retreat", "retreated",
      "retreating", "regroup", "regrouped", "regrouping", "reorganize", "reorganizing",
      "reorganise", "reorganising", "redeploy", "redeployed", "redeployment", "repositioning",
      "pullback", "pulled"],
    &["troops", "forces", "soldiers", "army", "armies", "formations", "units", "military",
      "servicemen", "fighters"],
    &["km", "kilometres", "kilometers", "kilometre", "kilometer"],
    &["villages", "localities", "towns", "settlements", "hamlets", "village", "locality",
      "town", "settlement"],
    &["supply", "supplies", "supplying", "logistics", "logistic", "logistical"],
    &["rail", "railway", "railways", "railroad", "train", "trains"],
    &["success", "progress", "advance", "advances", "advanced", "gains", "progression",
      "breakthrough"],
    &["defeat", "setback", "blow", "loss", "losses"],
    &["ammunition", "ammo", "weapons", "equipment", "arms", "munitions"],
    &["encircle", "encircled", "encirclement", "surround", "surrounded", "trapped",
      "isolated", "cut"],
    &["evacuate", "evacuated", "evacuation", "evacuating", "flee", "fled", "fleeing"],
    &["rocket", "rockets", "missile", "missiles", "shelling", "shelled", "bombard",
      "bombarded", "bombing", "airstrike", "airstrikes", "strike", "strikes"],
    &["injured", "wounded", "hurt", "injuring", "wounding"],
    &["killed", "dead", "died", "deaths", "killing", "fatalities"],
    &["flood", "floods", "flooding", "flooded", "inundated"],
    &["quake", "earthquake", "tremor"],
    &["election", "elections", "vote", "ballot", "polls"],
    &["percent", "percentage"],
    &["territory", "land", "ground"],
];

/// Line openings of navigation and boilerplate that never carry claims (lower case).
pub const BOILERPLATE_PREFIXES: &[&str] = &[
    "also read", "read also", "read more", "see also", "related:", "related articles", "source:",
    "sources:", "author:", "authors:", "photo:", "image:", "credit:", "video:", "leave a reply",
    "leave a comment", "comments are closed", "about author", "about the author",
    "your email address", "share this", "share on", "follow us", "subscribe", "advertisement",
    "source site", "click here", "sign up", "copyright", "©", "all rights reserved", "editing by",
    "reporting by", "writing by", "additional reporting", "tags:", "filed under", "posted in",
    "published", "updated", "last updated", "you may", "recommended", "more from", "most read",
    "watch:", "listen:", "newsletter", "url:", "date:",
];

/// Phrases anywhere in a line that mark it as boilerplate (lower case).
pub const BOILERPLATE_CONTAINS: &[&str] = &[
    "contributed to this report", "all rights reserved", "will not be published",
    "required fields are marked",
];

/// Abbreviations that end in a period without ending the sentence (lower case, no period).
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov", "sen", "rep",
    "st", "prof", "jr", "sr", "no", "vs", "etc", "co", "corp", "inc", "ltd", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "dept",
    "univ", "mt", "ft", "pres", "rev", "hon", "messrs", "e.g", "i.e",
];

/// Words that start a sentence after a dotted abbreviation ("… in the U.S. The next …").
pub const SENTENCE_STARTERS: &[&str] = &[
    "the", "he", "she", "it", "they", "we", "i", "in", "but", "a", "an", "this", "that", "on",
    "at", "there", "his", "her", "their", "its", "after", "when", "as", "meanwhile", "however",
    "according",
];

/// Lower-case words a cue-less, short line needs to count as having a verb.
pub const COMMON_VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "does", "do", "did",
];

/// Words that make the noun phrase after them one phrase ("told the BBC", "in its
/// statement"): articles, possessives and demonstratives.
pub const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "these", "those",
    "last",
];

/// The articles. A noun phrase that opens with one is a description ("the harbour
/// master", "a ferry captain"), and a run of role words before a name ends at one.
pub const ARTICLES: &[&str] = &["a", "an", "the"];

/// The indefinite articles: a description that opens with one brings someone new into
/// the text ("a ferry captain said"), not someone it named before.
pub const INDEFINITE_ARTICLES: &[&str] = &["a", "an"];

/// Forms of "be": a verb after a name that describes it rather than says what it did
/// ("Varn is a river port" is no act of Varn's).
pub const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been"];

/// Copulas after one person's name that introduce what the person is ("Ana Ruiz is a
/// hydrologist", "Tom Hale was the ferry's captain").
pub const SINGULAR_COPULAS: &[&str] = &["is", "was"];

/// Conjunctions that join the items of a list ("Varn, Holt and Brea", "Varn or Holt"):
/// after one, the list ends with the next item.
pub const LIST_CONJUNCTIONS: &[&str] = &["and", "or"];

/// Conjunctions that join a clause or a verb to the one before ("Ruiz toured the dam, and
/// Hale said …", "but the council says …"): a clause of its own opens after them.
pub const CLAUSE_COORDINATORS: &[&str] = &["and", "but"];

/// Words that tie a clause to the one before and stand before its subject ("Then the
/// mayor said …", "Meanwhile the council said …"): no part of the speaker.
pub const LINKING_WORDS: &[&str] = &["and", "but", "then", "so", "meanwhile"];

/// Conjunctions that open a subordinate clause ("…, quoted by the radio, after the board
/// voted to close the pier"): what follows is another clause, with a source of its own.
pub const SUBORDINATORS: &[&str] =
    &["after", "before", "while", "when", "since", "because", "whereas"];

/// Relative pronouns that open a clause set off by commas ("the mayor, who toured the dam,
/// said …"): the clause is no part of the subject.
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "which"];

/// Words that open a relative clause set off by commas between a subject and its verb
/// ("Officials in Oster, where the outbreak began, said …", "Ana Ruiz, whose ferry sank,
/// said …"): the clause is skipped to find who speaks.
pub const RELATIVE_CLAUSE_OPENERS: &[&str] = &["who", "which", "where", "whose"];

/// Relative pronouns that may be the object of the verb after them ("the dam, which Ana
/// Ruiz said will hold", "repairs that engineers said were done"): the name or source
/// noun after them is the speaker.
pub const OBJECT_RELATIVE_PRONOUNS: &[&str] = &["which", "that", "whom"];

/// Relative pronouns that may be the subject of the verb after them ("a rule that, Hale
/// says, will halve the fares", "the pier, which, Ruiz said, will shut"): after an aside
/// that follows one, only the relative's own verb phrase is what was said.
pub const SUBJECT_RELATIVE_PRONOUNS: &[&str] = &["that", "which", "who"];

/// Subject pronouns, and the "there" of "there is", that open a clause after a cue's
/// adverbials ("Hale said in a letter it would appeal", "said on Friday there was no leak").
pub const CLAUSE_SUBJECT_PRONOUNS: &[&str] = &["it", "he", "she", "they", "we", "there", "i"];

/// Determiners that open an apposition describing the name before it ("Ana Ruiz, a ferry
/// captain, said", "Tom Hale, another captain, said").
pub const INDEFINITE_DETERMINERS: &[&str] = &["a", "an", "another"];

/// Function words that may stand inside a noun phrase ("the head of the port authority",
/// "a spokesman for the council and the board"): a speaker's phrase does not start after
/// them, as it does after the other [`FUNCTION_WORDS`].
pub const NOUN_PHRASE_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "for", "in", "on", "at", "from", "by", "to", "with", "and",
];

/// Lower-case words a title keeps inside it ("Tides of the North Shore", "Bread and
/// Roses"): a short quotation of capitalised words and these is a title, not speech.
pub const TITLE_SMALL_WORDS: &[&str] = &["of", "the", "and", "for", "in", "on", "a", "to"];

/// Endings cut from a word so that wordings of one fact share their terms ("flooding",
/// "flooded" and "floods" all give "flood"), tried in this order: one at most, and only
/// when a stem of four letters or more is left.
pub const STEM_ENDINGS: &[&str] = &["ing", "ed", "es", "s"];


/// Words that name a channel of speech other than an outlet ("at a news conference", "a
/// briefing", "told reporters", "in a statement", "in a phone interview", "a post on
/// social media"): a claim made through one is no longer the earlier interview's.
pub const CHANNEL_WORDS: &[&str] = &[
    "conference", "briefing", "reporters", "journalists", "statement", "interview", "post",
    "speech", "rally", "hearing",
];

/// Top-level domains that make "Name.com" a website's name ("according to Vellwatch.org"),
/// a body that publishes figures, not a place called Name.
pub const WEB_DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "io", "info", "us", "uk", "eu", "co", "news", "tv",
];

#[cfg(test)]
mod tests {
    use crate::rules::*;

    #[test]
    fn boilerplate_and_abbreviations() {
        assert!(BOILERPLATE_PREFIXES.contains(&"also read"));
        // compared in place against lower-cased text
        assert!(BOILERPLATE_PREFIXES.iter().all(|p| p.to_lowercase() == *p));
        assert!(BOILERPLATE_CONTAINS.iter().all(|p| p.to_lowercase() == *p));
        assert!(is_in(ABBREVIATIONS, "Gen") && is_in(ABBREVIATIONS, "mr"));
        assert!(is_in(SENTENCE_STARTERS, "The") && is_in(CUE_ADVERBS, "finally"));
        assert!(is_in(COMMON_VERBS, "were") && is_in(FUNCTION_WORDS, "including"));
        assert!(all_lower(NEGATIONS) && is_in(NEGATIONS, "never"));
        assert!(all_lower(TERM_STOPWORDS) && is_in(TERM_STOPWORDS, "said"));
        for row in CONCEPTS {
            assert!(all_lower(row) && row.len() >= 2, "{row:?}");
        }
        let concept_words: Vec<&str> = CONCEPTS.iter().flat_map(|r| r.iter().copied()).collect();
        let mut unique = concept_words.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), concept_words.len(), "a word in two concept rows");
    }

    #[test]
    fn title_words_and_stem_endings() {
        assert!(all_lower(TITLE_SMALL_WORDS) && is_in(TITLE_SMALL_WORDS, "of"));
        assert!(!is_in(TITLE_SMALL_WORDS, "said"));
        assert!(all_lower(STEM_ENDINGS) && is_in(STEM_ENDINGS, "ed"));
        assert!(!is_in(STEM_ENDINGS, "ly"));
        // "-es" is tried before "-s", or "rushes" would keep its "e"
        let at = |e: &str| STEM_ENDINGS.iter().position(|w| *w == e);
        assert!(at("es").is_some() && at("es") < at("s"));
    }

    #[test]
    fn determiners() {
        assert!(all_lower(DETERMINERS) && is_in(DETERMINERS, "its"));
        assert!(!is_in(DETERMINERS, "some"));
    }

    #[test]
    fn articles_and_copulas() {
        assert!(all_lower(ARTICLES) && is_in(ARTICLES, "The") && !is_in(ARTICLES, "this"));
        assert!(INDEFINITE_ARTICLES.iter().all(|w| is_in(ARTICLES, w)));
        assert!(is_in(INDEFINITE_ARTICLES, "an") && !is_in(INDEFINITE_ARTICLES, "the"));
        assert!(all_lower(COPULAS) && is_in(COPULAS, "were") && !is_in(COPULAS, "has"));
        assert!(SINGULAR_COPULAS.iter().all(|w| is_in(COPULAS, w)));
        assert!(!is_in(SINGULAR_COPULAS, "were"));
    }

    #[test]
    fn conjunctions() {
        assert!(all_lower(LIST_CONJUNCTIONS) && all_lower(CLAUSE_COORDINATORS));
        assert!(is_in(LIST_CONJUNCTIONS, "or") && !is_in(LIST_CONJUNCTIONS, "but"));
        assert!(is_in(CLAUSE_COORDINATORS, "but") && !is_in(CLAUSE_COORDINATORS, "or"));
        assert!(all_lower(LINKING_WORDS) && all_lower(SUBORDINATORS));
        assert!(is_in(LINKING_WORDS, "meanwhile") && !is_in(LINKING_WORDS, "however"));
        assert!(is_in(SUBORDINATORS, "whereas") && !is_in(SUBORDINATORS, "and"));
    }

    #[test]
    fn relative_pronouns_and_noun_phrase_words() {
        assert!(is_in(RELATIVE_PRONOUNS, "who") && !is_in(RELATIVE_PRONOUNS, "that"));
        assert!(RELATIVE_PRONOUNS.iter().all(|w| is_in(RELATIVE_CLAUSE_OPENERS, w)));
        assert!(is_in(OBJECT_RELATIVE_PRONOUNS, "whom"));
        assert!(!is_in(OBJECT_RELATIVE_PRONOUNS, "who"));
        assert!(RELATIVE_PRONOUNS.iter().all(|w| is_in(SUBJECT_RELATIVE_PRONOUNS, w)));
        assert!(is_in(SUBJECT_RELATIVE_PRONOUNS, "that"));
        assert!(!is_in(SUBJECT_RELATIVE_PRONOUNS, "whom"));
        assert!(all_lower(CLAUSE_SUBJECT_PRONOUNS));
        assert!(PRONOUNS.iter().all(|w| is_in(CLAUSE_SUBJECT_PRONOUNS, w)));
        assert!(is_in(CLAUSE_SUBJECT_PRONOUNS, "there"));
        assert!(!is_in(CLAUSE_SUBJECT_PRONOUNS, "them"));
        assert!(is_in(INDEFINITE_DETERMINERS, "another"));
        assert!(!is_in(INDEFINITE_DETERMINERS, "the"));
        assert!(NOUN_PHRASE_FUNCTION_WORDS.iter().all(|w| is_in(FUNCTION_WORDS, w)));
        assert!(is_in(NOUN_PHRASE_FUNCTION_WORDS, "of"));
        assert!(!is_in(NOUN_PHRASE_FUNCTION_WORDS, "was"));
    }
}
