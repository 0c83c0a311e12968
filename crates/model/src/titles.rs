//! Words that stand before a name without being part of it: titles ("General", "Mr") and
//! role nouns ("spokesman"). The extractor reads them off names and keeps them as roles;
//! the store strips them from names and queries, so both must hold the same lists.

/// Titles stripped from a name and kept as roles ("General", "President", "Mr").
pub const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "general", "gen", "lieutenant", "lt", "colonel",
    "col", "major", "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "commander",
    "mr", "mrs", "ms", "miss", "dr", "doctor", "professor", "prof", "sir", "dame", "lord", "lady",
    "king", "queen", "prince", "princess", "pope", "sheikh", "senator", "sen", "governor", "gov",
    "mayor", "secretary", "deputy", "chancellor", "ambassador", "judge", "justice", "rep",
    "representative", "congressman", "congresswoman", "chairman", "chairwoman", "spokesman",
    "spokeswoman", "spokesperson", "chief", "director", "head", "marshal", "field", "brigadier",
    "father", "rev", "reverend", "imam", "rabbi", "bishop", "cardinal", "mp", "mep", "premier",
    "foreign", "defense", "defence", "interior", "state", "sergeant-major", "speaker", "commissioner",
    "executive", "officer", "strategist", "editor", "attorney", "activist", "inspector",
    "superintendent", "administrator", "prosecutor", "ceo",
    "councillor", "alderman", "investigator", "principal", "manager", "coach", "sheriff", "director-general",
    "secretary-general", "attorney-general", "governor-general", "vice-president",
    "vice-chairman", "editor-in-chief", "commander-in-chief", "lieutenant-general",
    "major-general", "lieutenant-colonel", "vice-admiral", "rear-admiral", "surgeon-general",
];

/// Role nouns a description may use to point back at a named person ("the spokesman").
pub const ROLE_NOUNS: &[&str] = &[
    "president", "minister", "general", "spokesman", "spokeswoman", "spokesperson", "secretary",
    "governor", "mayor", "adviser", "advisor", "head", "chief", "director", "commander",
    "official", "expert", "analyst", "journalist", "reporter", "correspondent", "resident",
    "leader", "ambassador", "envoy", "consultant", "chairman", "chairwoman", "chair", "ceo",
    "founder", "professor", "researcher", "senator", "chancellor", "premier", "diplomat",
    "representative", "deputy", "officer", "prosecutor", "judge", "lawyer", "economist",
    "scientist", "manager", "coordinator", "administrator", "councillor", "councilor", "lawmaker",
    "mp", "candidate", "negotiator", "colonel", "captain", "admiral", "marshal", "commissioner",
    "inspector", "superintendent", "engineer", "meteorologist", "forecaster", "executive",
    "nurse", "doctor", "teacher", "farmer", "student", "driver", "pilot", "owner", "shopkeeper",
    "fisherman", "volunteer", "worker", "survivor", "activist", "editor", "strategist",
    // post-nominal letters in apposition ("Ana Ruiz, KC, said"): a barrister's rank, a
    // member of a devolved parliament or assembly
    "kc", "qc", "msp", "mla",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn all_lower(table: &[&str]) -> bool {
        table.iter().all(|w| w.to_lowercase() == *w)
    }

    #[test]
    fn titles_and_roles_are_lower_case() {
        assert!(all_lower(TITLES) && all_lower(ROLE_NOUNS));
        assert!(TITLES.contains(&"gen") && TITLES.contains(&"mayor"));
        assert!(ROLE_NOUNS.contains(&"spokeswoman") && !ROLE_NOUNS.contains(&"river"));
    }
}
