//! Quantities: units, fates, number words, qualifiers, multipliers and plurals.

use crate::model::Qualifier;

/// Physical unit spellings (lower case, as tokens joined by one space) and their codes.
pub const UNITS: &[(&str, &str)] = &[
    ("square kilometers", "km2"), ("square kilometres", "km2"), ("square kilometer", "km2"),
    ("square kilometre", "km2"), ("sq km", "km2"), ("km²", "km2"), ("km2", "km2"), ("sqkm", "km2"),
    ("square miles", "mi2"), ("square mile", "mi2"), ("sq mi", "mi2"), ("mi²", "mi2"),
    ("mi2", "mi2"), ("km", "km"), ("kms", "km"), ("kilometers", "km"), ("kilometres", "km"),
    ("kilometer", "km"), ("kilometre", "km"), ("miles", "mi"), ("mile", "mi"), ("mi", "mi"),
    ("percent", "percent"), ("per cent", "percent"), ("pct", "percent"), ("hours", "hour"),
    ("hour", "hour"), ("hrs", "hour"), ("hr", "hour"), ("days", "day"), ("day", "day"),
    ("weeks", "week"), ("week", "week"), ("months", "month"), ("month", "month"),
    ("years", "year"), ("year", "year"), ("yrs", "year"),
    ("square metres", "m2"), ("square meters", "m2"), ("square metre", "m2"),
    ("square meter", "m2"), ("sq m", "m2"), ("m²", "m2"), ("m2", "m2"),
    ("hectares", "ha"), ("hectare", "ha"), ("ha", "ha"), ("acres", "acre"), ("acre", "acre"),
    ("metres", "m"), ("meters", "m"), ("metre", "m"), ("meter", "m"), ("m", "m"),
    ("centimetres", "cm"), ("centimeters", "cm"), ("cm", "cm"), ("feet", "ft"), ("foot", "ft"),
    ("ft", "ft"), ("yards", "yd"), ("yard", "yd"), ("minutes", "minute"), ("minute", "minute"),
    ("mins", "minute"), ("seconds", "second"), ("second", "second"),
    ("dollars", "usd"), ("dollar", "usd"), ("euros", "eur"), ("euro", "eur"),
    ("roubles", "rub"), ("rubles", "rub"), ("rouble", "rub"), ("ruble", "rub"),
    ("hryvnias", "uah"), ("hryvnia", "uah"), ("yuan", "cny"), ("yen", "jpy"),
    ("pounds sterling", "gbp"), ("rupees", "inr"), ("rupee", "inr"), ("magnitude", "magnitude"),
    ("mph", "mph"), ("kph", "km/h"), ("kmh", "km/h"), ("km/h", "km/h"),
];

/// A length unit that "per hour" or "/h" makes a speed ("km" → "km/h").
pub const SPEEDS: &[(&str, &str)] = &[("km", "km/h"), ("mi", "mph")];

/// Words for an hour after "per" or "/" in a speed.
pub const HOUR_WORDS: &[&str] = &["hour", "h", "hr"];

/// The speed code of a length unit's code, per hour.
pub fn speed_code(length: &str) -> Option<&'static str> {
    SPEEDS.iter().find(|(l, _)| *l == length).map(|(_, s)| *s)
}

/// Units written before their value: "a magnitude 6.8 quake", "a category 4 storm".
pub const PREFIX_UNITS: &[(&str, &str)] = &[("magnitude", "magnitude"), ("category", "category")];

/// Nouns that say, through "of", what the number after them counts: "a pre-war population
/// of 12,000" counts inhabitants.
pub const OF_UNITS: &[(&str, &str)] = &[("population", "inhabitant"), ("magnitude", "magnitude")];

/// What befell counted people, by the words that say it: a count of the injured and one of
/// the dead are two quantities. A number with no noun of its own next to one of these
/// words counts people ("230 were injured", "injuring more than 200", "a toll of 17").
pub const FATES: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed", "killing", "kill", "kills", "dead", "died", "die", "dies", "death",
            "deaths", "fatality", "fatalities", "lives", "toll",
        ],
    ),
    (
        "injured",
        &[
            "injured", "injuring", "injures", "injury", "injuries", "wounded", "wounding",
            "hurt",
        ],
    ),
    ("missing", &["missing"]),
    (
        "detained",
        &["arrested", "arrest", "arrests", "detained", "detention", "detentions"],
    ),
    ("displaced", &["displaced", "evacuated", "fled", "homeless", "uprooted"]),
];

/// Plural nouns of befallen people that a bare figure later in their clause counts, as
/// "toll" does ("deaths reached 300", "fatalities rose to 12").
pub const PEOPLE_COUNT_NOUNS: &[&str] =
    &["deaths", "fatalities", "casualties", "injuries", "arrests", "detentions"];

/// Whether a unit code is a scale read off as a level (a magnitude, a storm category):
/// the model's, since the store compares readings by it; [`PREFIX_UNITS`] names the same
/// codes.
pub use claimgraph_model::is_scale;

/// Whether a unit is a counted noun ("person", "village"), not a physical unit, a
/// currency, a share or a scale.
pub fn is_counted(unit: &str) -> bool {
    !unit.is_empty() && !UNITS.iter().any(|(_, code)| *code == unit) && !is_scale(unit)
}

/// The fate (first column of [`FATES`]) a word names.
pub fn fate_of(lower: &str) -> Option<&'static str> {
    FATES
        .iter()
        .find(|(_, forms)| forms.contains(&lower))
        .map(|(fate, _)| *fate)
}

/// Words after a length that make it an area written sloppily: "2,000 km of territory".
pub const AREA_NOUNS: &[&str] = &["territory", "land"];

/// Conjunctions past which the words beside a count speak of another count ("the storm
/// killed three and injured twelve", "two were hurt while others fled"): a count's fate
/// ([`fate_of`]) is looked for on its side of them.
pub const COUNT_SEPARATORS: &[&str] = &["and", "or", "but", "while", "whereas"];

/// Number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0),
    ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0),
    ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0), ("twenty", 20.0),
    ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0), ("seventy", 70.0),
    ("eighty", 80.0), ("ninety", 90.0), ("dozen", 12.0),
];

/// Words after a hyphenated number word that make it a share or a manner, not a count
/// ("two-thirds", "three-fold", "two-way", "second-hand").
pub const HYPHEN_NOT_COUNTED: &[&str] = &[
    "third", "thirds", "quarter", "quarters", "fifths", "tenths", "fold", "way", "sided",
    "time", "times", "faced", "handed", "dimensional",
];

/// Ordinals after a hyphenated number word that do not end in "-th" ("twenty-first",
/// "thirty-second"): the word is an ordinal, and counts nothing. ("-third" is a share,
/// in [`HYPHEN_NOT_COUNTED`].)
pub const ORDINALS_WITHOUT_TH: &[&str] = &["first", "second"];

/// Letters glued to the digits before them that make an ordinal or a decade ("the 17th
/// lock", "her 2nd term", "since the 1990s"): no count.
pub const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "s"];

/// The words after a number that add a half to it ("three and a half million", "two and a
/// half years").
pub const AND_A_HALF: &[&str] = &["and", "a", "half"];

/// Words that multiply the number before them ("2 thousand", "1.3 million").
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0), ("dozen", 12.0), ("thousand", 1_000.0), ("million", 1_000_000.0),
    ("billion", 1_000_000_000.0), ("trillion", 1_000_000_000_000.0),
    // as wire copy abbreviates them ("2.3 bln", "£40bn", "3 mln")
    ("mln", 1_000_000.0), ("mn", 1_000_000.0), ("bn", 1_000_000_000.0),
    ("bln", 1_000_000_000.0), ("tn", 1_000_000_000_000.0), ("trn", 1_000_000_000_000.0),
    // South Asian numbering ("1.5 lakh people", "500 crore rupees")
    ("lakh", 100_000.0), ("lakhs", 100_000.0), ("crore", 10_000_000.0), ("crores", 10_000_000.0),
];

/// Determiners between "of" and the number of a whole its part is counted in ("12 of the
/// 30 passengers", "40 of his 60 goats").
pub const WHOLE_DETERMINERS: &[&str] = &["the", "his", "her", "its", "their", "our", "my", "your"];

/// Words before a number that make it vague ("several thousand", "a few hundred").
pub const VAGUE_BEFORE: &[&str] = &[
    "several", "few", "many", "some", "tens", "hundreds", "dozens",
];

/// Words between a number and what it adds to a count already made ("four more
/// leaders", "two other ferries", "three further cases"): the noun after them is counted.
pub const COUNT_BRIDGES: &[&str] = &["more", "other", "further", "additional"];

/// Determiners after "of" in a partitive count ("six of the injured miners", "two of
/// its ferries"): the plural after them is counted.
pub const PARTITIVE_DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our",
];

/// Approximation words before a number, longest first, as lower-case word sequences.
pub const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["more", "than"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["nearly"], Qualifier::About),
    (&["almost"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["over"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["minimum"], Qualifier::AtLeast),
];

/// Words before "one" that make it a pronoun ("no one", "every one", "any one"), not a
/// count of one.
pub const PRONOUN_ONE_LEADS: &[&str] = &["no", "every", "any"];

/// Words after a preposition that make it part of a number's qualifier, not the start of
/// an adverbial ("Hale said at least 40 moorings broke", "at most", "to about 300"): each
/// is a word of [`QUALIFIERS`].
pub const PREPOSITION_QUALIFIERS: &[&str] = &["least", "most", "about", "around"];

/// Unit abbreviations that a "2" glued after them squares ("a 40 km2 reserve", which the
/// tokens split into "km" and "2"): "km2", "mi2".
pub const SQUARABLE_UNITS: &[&str] = &["km", "mi"];

/// Currency signs written before an amount ("$40", "£12") and the unit codes of
/// [`UNITS`] they stand for.
pub const CURRENCY_SIGNS: &[(char, &str)] =
    &[('$', "usd"), ('€', "eur"), ('£', "gbp"), ('¥', "jpy"), ('₹', "inr")];

/// Currency abbreviations written as a word before an amount ("Rs 500", "Rs. 500"), and
/// the unit codes of [`UNITS`] they stand for.
pub const CURRENCY_WORDS: &[(&str, &str)] = &[("rs", "inr")];

/// Letters glued after an amount with a currency sign that scale it ("£410m", "$2bn",
/// "€30k"), and their factors.
pub const CURRENCY_MAGNITUDES: &[(&str, f64)] = &[
    ("k", 1e3), ("m", 1e6), ("mn", 1e6), ("mln", 1e6), ("bn", 1e9), ("b", 1e9), ("tn", 1e12),
];

/// Endings of participles, which may lead the run of words naming what a number counts
/// but never end it ("120 planned moorings", "40 floating pontoons").
pub const PARTICIPLE_ENDINGS: &[&str] = &["ed", "ing"];

/// Words between a bare number and the fate that makes it a count of people ("14 were
/// killed", "nine have died", "230 people injured"): up to two of them are passed over.
pub const FATE_LEAD_WORDS: &[&str] = &["were", "was", "are", "have", "had", "been", "people"];

/// Irregular plurals of counted nouns.
pub const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "person"), ("children", "child"), ("men", "man"), ("women", "woman"),
    ("persons", "person"), ("feet", "foot"), ("teeth", "tooth"), ("mice", "mouse"),
    ("lives", "life"), ("wives", "wife"), ("knives", "knife"), ("geese", "goose"),
    ("police", "police"), ("staff", "staff"), ("sheep", "sheep"), ("cattle", "cattle"),
    ("series", "series"), ("species", "species"), ("news", "news"),
    // -us nouns: a plural in -uses is as often a -use noun ("houses"), so each is listed
    ("buses", "bus"), ("viruses", "virus"), ("campuses", "campus"), ("bonuses", "bonus"),
    ("censuses", "census"), ("statuses", "status"), ("surpluses", "surplus"),
];

/// The unit code of a physical unit spelling.
pub fn unit_code(spelling: &str) -> Option<&'static str> {
    UNITS
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(spelling) || (*s == spelling))
        .map(|(_, c)| *c)
}

/// The value of a number word ("thirty").
pub fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

/// The factor of a multiplier word ("thousand").
pub fn multiplier(word: &str) -> Option<f64> {
    MULTIPLIERS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

/// Whether a lower-case word looks like an English plural ("villages", "firemen",
/// "people"); [`singular`] gives its singular.
pub fn looks_plural(lo: &str) -> bool {
    (lo.ends_with('s') && !lo.ends_with("ss"))
        || lo.ends_with("men")
        || IRREGULAR_PLURALS.iter().any(|(p, _)| *p == lo)
}

/// Singular lower-case form of a counted noun ("localities" → "locality").
pub fn singular(word: &str) -> String {
    let low = word.to_lowercase();
    if let Some((_, s)) = IRREGULAR_PLURALS.iter().find(|(p, _)| *p == low) {
        return (*s).to_string();
    }
    if low.chars().count() <= 3 {
        return low;
    }
    if let Some(stem) = low.strip_suffix("men") {
        return format!("{stem}man");
    }
    if let Some(stem) = low.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes", "zzes"] {
        if low.ends_with(suffix) {
            return low[..low.len() - 2].to_string();
        }
    }
    // "blazes", "prizes": the e belongs to the word
    if let Some(stem) = low.strip_suffix("zes") {
        return format!("{stem}ze");
    }
    if low.ends_with("ss") || low.ends_with("us") || low.ends_with("is") {
        return low;
    }
    match low.strip_suffix('s') {
        Some(stem) => stem.to_string(),
        None => low,
    }
}

/// Words after a number that make it a time of day ("10 pm", "9am GMT"): no count.
pub const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "edt", "bst",
];

/// The first letters of "a.m." and "p.m." when the tokenizer splits them ("at 6 p.m."):
/// with ".m" after them, the number is a time of day.
pub const CLOCK_LETTERS: &[&str] = &["a", "p"];

/// Words right after a bare large number that show it stands for a noun named before it
/// ("Nearly two million are in the camps", "more than 4,000 were reported", "about 3,000
/// of them live abroad"): the number counts what the last count before it counted. Not
/// after a noun ("2,000 tonnes") or a date ("by 2,000 BC" has a noun).
pub const ELIDED_COUNT_NEXT: &[&str] = &[
    "are", "were", "have", "had", "remain", "remained", "live", "lived", "of",
];

/// Words after "of" that make a bare number a part of a group named before it ("3,000 of
/// them"); a noun after "of" ("3,000 of the residents") is a partitive read elsewhere.
pub const ELIDED_PARTITIVE_PRONOUNS: &[&str] = &["them", "those", "these", "whom", "which"];

/// Prepositions before a bare number that make it a year when it could be one ("by the
/// end of two thousand ten", "since 1990."), not a count of something named before.
pub const YEAR_PREPOSITIONS: &[&str] = &[
    "of", "in", "by", "since", "until", "till", "before", "after", "from",
];

/// Two words before a bare figure that compare it with a count just made ("rose to 420
/// cases, up from 96", "down from 80", "compared with 61"): it counts the same thing.
pub const COMPARISON_LEADS: &[(&str, &str)] = &[
    ("up", "from"),
    ("down", "from"),
    ("compared", "with"),
    ("compared", "to"),
];

/// The oldest age read from a number set off by commas after a name ("Ana Reyes, 34,
/// said"); anything larger is no age.
pub const OLDEST_AGE: f64 = 120.0;

/// The unit of an age in apposition, as the scorer's gold and the unit table name it.
pub const AGE_UNIT: &str = "year";

/// The unit read off "others" ("ten others were hurt"), which stands for more of what was
/// counted before it.
pub const OTHERS: &str = "other";

#[cfg(test)]
mod tests {
    use crate::rules::*;
    use crate::model::Qualifier;

    #[test]
    fn units_numbers_and_qualifiers() {
        assert_eq!(unit_code("square kilometres"), Some("km2"));
        assert_eq!(unit_code("km²"), Some("km2"));
        assert_eq!(unit_code("Miles"), Some("mi"));
        assert_eq!(unit_code("per cent"), Some("percent"));
        assert_eq!(unit_code("village"), None);
        assert_eq!(number_word("Forty"), Some(40.0));
        assert_eq!(multiplier("thousand"), Some(1000.0));
        assert!(is_in(VAGUE_BEFORE, "several"));
        assert!(QUALIFIERS
            .iter()
            .any(|(w, q)| *w == ["at", "least"] && *q == Qualifier::AtLeast));
    }

    #[test]
    fn every_physical_unit_converts_and_conversions_name_known_units() {
        // the model converts; the unit table here must name every unit it converts
        use claimgraph_model::CONVERSIONS;
        let codes: Vec<&str> = UNITS.iter().map(|(_, c)| *c).collect();
        for (unit, base, factor) in CONVERSIONS {
            assert!(codes.contains(unit) && codes.contains(base), "{unit} → {base}");
            assert!(*factor > 0.0);
        }
        let converted = |u: &str| CONVERSIONS.iter().any(|(c, _, _)| *c == u);
        // shares, currencies and scale readings have no fixed conversion
        let unconverted = [
            "percent", "usd", "eur", "gbp", "rub", "uah", "cny", "jpy", "inr", "magnitude",
        ];
        for code in codes {
            assert!(converted(code) || unconverted.contains(&code), "{code}");
        }
    }

    #[test]
    fn counted_nouns_are_neither_units_nor_scales() {
        assert!(is_counted("person") && is_counted("village"));
        for code in ["km2", "usd", "percent", "magnitude", "category", ""] {
            assert!(!is_counted(code), "{code}");
        }
        assert_eq!(fate_of("wounded"), Some("injured"));
        assert_eq!(fate_of("toll"), Some("killed"));
        assert_eq!(fate_of("village"), None);
        // the model's scales are the codes written before their value
        let prefixed: Vec<&str> = PREFIX_UNITS.iter().map(|(_, c)| *c).collect();
        assert!(claimgraph_model::SCALES.iter().all(|c| prefixed.contains(c)));
        assert!(prefixed.iter().all(|c| is_scale(c)));
        assert!(all_lower(AREA_NOUNS));
    }

    #[test]
    fn singular_forms() {
        assert_eq!(singular("blazes"), "blaze");
        assert_eq!(singular("buzzes"), "buzz");
        assert_eq!(singular("localities"), "locality");
        assert_eq!(singular("Villages"), "village");
        assert_eq!(singular("children"), "child");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("cease-fires"), "cease-fire");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("buses"), "bus");
        assert_eq!(singular("viruses"), "virus");
        assert_eq!(singular("houses"), "house");
        assert_eq!(singular("causes"), "cause");
    }

    #[test]
    fn preposition_qualifiers_are_qualifier_words() {
        let words: Vec<&str> = QUALIFIERS.iter().flat_map(|(w, _)| w.iter().copied()).collect();
        assert!(PREPOSITION_QUALIFIERS.iter().all(|w| words.contains(w)));
        assert!(is_in(PREPOSITION_QUALIFIERS, "least") && !is_in(PREPOSITION_QUALIFIERS, "than"));
    }

    #[test]
    fn ordinals_and_number_phrases() {
        assert!(all_lower(ORDINALS_WITHOUT_TH) && all_lower(ORDINAL_SUFFIXES));
        assert!(is_in(ORDINALS_WITHOUT_TH, "second") && !is_in(ORDINALS_WITHOUT_TH, "two"));
        assert!(is_in(HYPHEN_NOT_COUNTED, "third"));
        assert!(is_in(ORDINAL_SUFFIXES, "th") && !is_in(ORDINAL_SUFFIXES, "m"));
        assert_eq!(AND_A_HALF.last(), Some(&"half"));
        assert!(!is_in(AND_A_HALF, "quarter"));
    }

    #[test]
    fn currencies_squared_units_and_fate_lead_words() {
        for unit in SQUARABLE_UNITS {
            assert!(unit_code(&format!("{unit}2")).is_some(), "{unit}");
        }
        assert!(is_in(SQUARABLE_UNITS, "km") && !is_in(SQUARABLE_UNITS, "miles"));
        let codes: Vec<&str> = UNITS.iter().map(|(_, c)| *c).collect();
        assert!(CURRENCY_SIGNS.iter().all(|(_, code)| codes.contains(code)));
        assert!(CURRENCY_SIGNS.iter().any(|(sign, _)| *sign == '£'));
        assert!(!CURRENCY_SIGNS.iter().any(|(sign, _)| *sign == '%'));
        let factor = |w: &str| CURRENCY_MAGNITUDES.iter().find(|(m, _)| *m == w).map(|(_, f)| *f);
        assert_eq!(factor("bn"), Some(1e9));
        assert_eq!(factor("km"), None);
        assert!(is_in(PARTICIPLE_ENDINGS, "ing") && !is_in(PARTICIPLE_ENDINGS, "ly"));
        assert!(all_lower(FATE_LEAD_WORDS) && is_in(FATE_LEAD_WORDS, "been"));
        assert!(!is_in(FATE_LEAD_WORDS, "remain") && is_in(ELIDED_COUNT_NEXT, "remain"));
    }

    #[test]
    fn count_separators() {
        assert!(all_lower(COUNT_SEPARATORS) && is_in(COUNT_SEPARATORS, "whereas"));
        assert!(!is_in(COUNT_SEPARATORS, "of") && !is_in(COUNT_SEPARATORS, "then"));
    }

    #[test]
    fn clock_words() {
        assert!(all_lower(CLOCK_WORDS) && is_in(CLOCK_WORDS, "p.m"));
        assert!(!is_in(CLOCK_WORDS, "hours"));
    }
}
