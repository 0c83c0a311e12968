//! Names: titles, organisations, demonyms, and capitalised words that are no names.

/// Head nouns that describe any body ("the company", "the group"): they stand for the
/// last organisation named, whatever its name's head word.
pub const GENERIC_BODY_NOUNS: &[&str] = &["company", "firm", "group", "organisation", "organization"];

/// Titles and role nouns live with the shared types: the store strips them from names too.
pub use claimgraph_model::{ROLE_NOUNS, TITLES};

/// Roles a body has one holder of ("the Velto CEO", "the Harbour Board chairwoman"): a
/// definite one the article never named is the person just quoted. Spokespeople and
/// officials are many, and stay unnamed.
pub const SOLE_HEAD_ROLES: &[&str] = &[
    "ceo", "president", "chairman", "chairwoman", "chair", "founder", "director", "head",
    "chief", "executive", "leader", "owner", "premier", "chancellor",
];

/// Capitalised words that make a capitalised run an organisation.
pub const ORG_HEADS: &[&str] = &[
    "ministry", "council", "institute", "agency", "army", "forces", "force", "brigade", "party",
    "committee", "department", "office", "union", "bank", "commission", "organization",
    "organisation", "court", "police", "service", "services", "government", "parliament",
    "kremlin", "pentagon", "assembly", "senate", "congress", "corporation", "company", "group",
    "association", "foundation", "university", "center", "centre", "centers", "centres", "guard",
    "navy", "command",
    "administration", "authority", "bureau", "secretariat", "cabinet", "regiment", "battalion",
    "division", "corps", "staff", "fund", "alliance", "nato", "un", "eu", "inc", "ltd", "plc",
    "federation", "coalition", "movement", "front", "church", "board", "directorate",
    "prosecutor's", "red", "cross", "crescent", "duma", "rada", "knesset", "bundestag", "who",
    "unicef", "unhcr", "iaea", "opec", "imf", "survey", "observatory", "institution", "house", "palace",
    "system", "network", "programme", "program", "initiative", "project", "watch", "forum",
    "trust", "society", "academy", "laboratory", "hospital", "museum", "college", "school",
    "nations", "league", "tribunal", "chamber", "confederation", "consortium", "cooperative",
    "syndicate", "guild", "enforcement", "protection", "community",
    // companies, by the word their names end in ("Velto Motors", "Arkam Holdings")
    "motors", "airlines", "airways", "holdings", "industries", "technologies",
    "pharmaceuticals", "corp", "llc", "gmbh", "communications", "telecom", "entertainment",
    "studios", "enterprises", "brands", "petroleum", "electric", "insurance", "financial",
    "labs", "robotics", "software", "semiconductor", "steel", "mining", "chemicals", "foods",
    "logistics", "shipping", "railways", "partners", "capital", "ventures", "energy",
    "systems", "solutions", "media", "investments", "securities", "resources", "pharma",
    "biotech", "therapeutics",
    // legal forms of companies abroad ("Velto AG", "Arkam Oyj")
    "ag", "nv", "spa", "oyj", "asa", "bhd", "pty",
];

/// Lower-case nouns that say a name in apposition is an organisation: "Velto, the German
/// carmaker,".
pub const ORG_DESCRIPTORS: &[&str] = &[
    "company", "firm", "group", "carmaker", "automaker", "maker", "manufacturer", "producer",
    "retailer", "airline", "bank", "lender", "insurer", "operator", "giant", "conglomerate",
    "startup", "chain", "utility", "developer", "supplier", "exporter", "importer", "miner",
    "refiner", "club", "charity", "organisation", "organization", "party", "union",
    "association", "agency", "ministry", "institute", "foundation", "corporation", "subsidiary",
    "regulator", "watchdog", "provider", "distributor", "shipper", "builder", "brewer",
];

/// Descriptions of a business ("the company", "the utility", "the lender", and the trades'
/// compounds of [`is_org_descriptor`]): they never stand for a public body named before
/// them ("Police said …. The company said …" are two speakers).
pub const BUSINESS_DESCRIPTORS: &[&str] = &[
    "company", "firm", "carmaker", "automaker", "maker", "manufacturer", "producer", "retailer",
    "airline", "lender", "insurer", "operator", "conglomerate", "startup", "chain", "utility",
    "developer", "supplier", "exporter", "importer", "miner", "refiner", "provider",
    "distributor", "shipper", "builder", "brewer",
];

/// Last words of a public body's name ("Oster Police", "the Harbour Ministry", "the
/// Supreme Court"): what a business's description cannot stand for.
pub const PUBLIC_BODY_HEADS: &[&str] = &[
    "police", "army", "forces", "force", "navy", "guard", "command", "ministry", "government",
    "parliament", "court", "tribunal", "council", "senate", "congress", "cabinet",
    "administration", "department", "kremlin", "pentagon", "prosecutor's", "duma", "rada",
    "knesset", "bundestag", "assembly", "directorate", "secretariat",
];

/// Whether "the <head>" describes a business ([`BUSINESS_DESCRIPTORS`], or a trade's
/// compound such as "chipmaker").
pub fn is_business_descriptor(head: &str) -> bool {
    BUSINESS_DESCRIPTORS.contains(&head)
        || (is_org_descriptor(head) && !ORG_DESCRIPTORS.contains(&head))
}

/// Whether a body's name ends in a word of [`PUBLIC_BODY_HEADS`].
pub fn is_public_body(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| PUBLIC_BODY_HEADS.contains(&w.to_lowercase().as_str()))
}

/// Whether a lower-case noun says what kind of body a name is: one of
/// [`ORG_DESCRIPTORS`], or a compound of one of the trades' endings ("chipmaker",
/// "shipbuilder", "steelmaker").
pub fn is_org_descriptor(lower: &str) -> bool {
    ORG_DESCRIPTORS.contains(&lower)
        || ["maker", "builder", "producer", "manufacturer", "operator", "retailer"]
            .iter()
            .any(|end| lower.len() > end.len() + 2 && lower.ends_with(end))
}

/// Capitalised words that are never names on their own.
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "of", "for", "from",
    "to", "by", "with", "and", "but", "or", "as", "after", "before", "since", "during", "while",
    "when", "if", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "my", "your", "there", "here", "what", "which", "who", "why", "how", "where", "according",
    "meanwhile", "however", "also", "currently", "despite", "some", "many", "several", "most",
    "more", "one", "two", "three", "all", "both", "each", "no", "not", "yes", "so", "then", "now",
    "today", "yesterday", "tomorrow", "last", "next", "although", "though", "because", "unlike",
    "like", "than", "such", "other", "another", "still", "even", "only", "just", "prior",
    "further", "earlier", "later", "east", "west", "north", "south", "northeast", "northwest",
    "southeast", "southwest", "western", "eastern", "northern", "southern", "central", "is",
    "are", "was", "were", "be", "do", "does", "did", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "should", "shall", "about", "read", "leave", "comments",
    "source", "author", "winter", "summer", "spring", "autumn", "fall", "once", "instead",
    "thus", "hence", "indeed", "overall", "finally", "first", "second", "third", "every", "few",
    // deities are capitalised and share spellings with towns ("God", the town of Göd)
    "god", "gods", "allah", "lord",
];

/// Lower-case words that join the parts of a body's or a place's name ("Bank of Varn",
/// "Institute for Coastal Studies"); see also [`NAME_PARTICLES`].
pub const NAME_CONNECTORS: &[&str] = &["of", "for"];

/// Head words of bodies and instruments named for their subject with "on" ("Committee
/// on Foreign Relations", "Panel on Climate Change", "Convention on Cluster Munitions"):
/// "on" after them continues the name when a capitalised word other than a day or a
/// month follows ("the Council on Monday said" names no subject).
pub const ON_SUBJECT_HEADS: &[&str] = &[
    "commission", "committee", "subcommittee", "council", "conference", "panel", "convention",
    "treaty", "institute", "center", "centre", "forum",
];

/// Lower-case words inside a body's name ("Food and Drug Administration", "Department of
/// Agriculture", "Centers for Disease Control").
pub const BODY_NAME_JOINS: &[&str] = &["and", "of", "for", "on"];

/// Head words of public agencies' names that "the agency" stands for ("the Food and Drug
/// Administration … The agency said", "the Geological Survey … the agency"), beside
/// "Agency" itself.
pub const AGENCY_NAME_WORDS: &[&str] = &[
    "administration", "service", "bureau", "commission", "authority", "office", "survey",
    "directorate", "centers", "centre", "center", "institute", "board", "inspectorate",
];

/// Particles written joined to a surname by a hyphen ("al-Burhan", "el-Sisi").
pub const HYPHENED_NAME_PARTICLES: &[&str] =
    &["al", "el", "ad", "ash", "as", "az", "ar", "an", "at", "bin", "ibn", "abu", "bint"];

/// Lower-case particles inside names of people and places ("Jan van Dam", "Luis de la
/// Vega", "Omar bin Said", "Mato Grosso do Sul"): they continue a capitalised name and
/// belong to a person's. ("do" is also an English verb: see `mentions::words::run_end`.)
pub const NAME_PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "del", "da", "di", "van", "von", "der", "den", "al", "bin",
    "do", "dos", "das", "los", "della", "degli", "ibn", "ter", "ten", "zu",
];

/// Whether a lower-case word may stand inside a capitalised name: one of
/// [`NAME_CONNECTORS`] or [`NAME_PARTICLES`].
pub fn is_name_connector(lower: &str) -> bool {
    NAME_CONNECTORS.contains(&lower) || NAME_PARTICLES.contains(&lower)
}

/// Words between a person's name and the body the person belongs to or speaks for ("Ana
/// Ruiz of the Red Cross", "Ana Ruiz for the Red Cross"): the body's name starts after.
pub const AFFILIATION_WORDS: &[&str] = &["of", "for"];

/// Labels before a colon that a byline's name follows ("By: Ana Ruiz", "Reporter: Tom
/// Hale"): the name after them is a person's.
pub const BYLINE_LABELS: &[&str] = &["author", "authors", "by", "reporter", "writer"];

/// Titles, roles and kin words that say a person is a man ("Mr Hale", "the spokesman",
/// "her uncle"): "he" and "him" may stand for him, "she" may not.
pub const MALE_ROLE_WORDS: &[&str] = &[
    "mr", "sir", "lord", "king", "prince", "duke", "earl", "baron", "emperor", "spokesman",
    "chairman", "congressman", "councilman", "assemblyman", "businessman", "policeman",
    "fireman", "alderman", "countryman", "father", "son", "brother", "husband", "uncle",
    "nephew", "grandfather", "boyfriend", "widower",
];

/// Titles, roles and kin words that say a person is a woman ("Mrs Ruiz", "the
/// spokeswoman", "his aunt"): "she" and "her" may stand for her, "he" may not.
pub const FEMALE_ROLE_WORDS: &[&str] = &[
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess", "countess",
    "baroness", "empress", "spokeswoman", "chairwoman", "congresswoman", "councilwoman",
    "assemblywoman", "businesswoman", "policewoman", "firewoman", "countrywoman", "mother",
    "daughter", "sister", "wife", "aunt", "niece", "grandmother", "girlfriend", "widow",
    "actress",
];

/// Nouns of what a company issues, before "of" and its name ("shares of Velto").
pub const TRADED_NOUNS: &[&str] = &["shares", "stock", "stocks", "bonds"];

/// People who work for a body, in the plural: "analysts at X", "researchers at X" name
/// where they work, so X is a body ("residents at X" live in a place: not listed).
pub const STAFF_NOUNS: &[&str] = &[
    "analysts", "economists", "strategists", "researchers", "scientists", "engineers",
    "employees", "workers", "executives", "lawyers", "doctors", "traders", "bankers",
    "investigators", "experts", "staff", "staffers", "officials", "managers", "auditors",
];

/// Month names (dates are not quantities; months are not places).
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Day names.
pub const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Names of peoples and adjectives of regions that are not places and that the
/// gazetteer's country demonyms ("Kenyan", "Dutch", "Filipino") do not hold.
pub const DEMONYMS: &[&str] = &[
    "african", "africans", "arab", "arabs", "kurd", "kurds", "turk", "turks", "english",
    "scottish", "welsh", "western", "eastern", "northern", "southern", "european", "europeans",
    "serb", "serbs", "croat", "croats", "pole", "poles", "dane", "danes", "finn", "finns",
    "swede", "swedes",
];

/// Party affiliations written before a name ("Democrat Ana Ruiz", "Tory Tom Hale"): like a
/// nationality, an adjective of the person, not part of the name. "Democratic", "Green" and
/// "Independent" also begin names of countries and bodies, and are left out.
pub const PARTY_AFFILIATIONS: &[&str] = &[
    "democrat", "republican", "conservative", "labour", "liberal", "tory", "socialist",
    "communist",
];

/// Suffixes of demonyms ("Estonian", "Congolese", "Polish").
pub const DEMONYM_SUFFIXES: &[&str] = &["ian", "ians", "ean", "eans", "ese", "ish"];

/// What a nationality makes a country's institution rather than an unnamed group: "Ukrainian
/// forces" and "Peru's army" speak for a body; "Peruvian officials" stay nominal.
pub const NATIONAL_BODIES: &[&str] = &[
    "army", "military", "forces", "armed forces", "troops", "government", "navy", "air force",
];

/// The epithets wire copy gives United Nations bodies ("the U.N. refugee agency"), written
/// in lower case after "un" (for "U.N.", "UN", "United Nations"), and the acronym each
/// body is known by. Epithets used for more than one body ("the U.N. food agency") are
/// left out.
pub const UN_EPITHETS: &[(&str, &str)] = &[
    ("refugee agency", "UNHCR"), ("children's agency", "UNICEF"), ("children's fund", "UNICEF"),
    ("health agency", "WHO"), ("nuclear watchdog", "IAEA"), ("atomic watchdog", "IAEA"),
    ("atomic energy agency", "IAEA"), ("migration agency", "IOM"), ("cultural agency", "UNESCO"),
    ("weather agency", "WMO"), ("human rights office", "OHCHR"),
    ("agency for palestinian refugees", "UNRWA"), ("palestinian refugee agency", "UNRWA"),
    ("aviation agency", "ICAO"), ("labour agency", "ILO"), ("labor agency", "ILO"),
    ("development programme", "UNDP"), ("development program", "UNDP"),
    ("population fund", "UNFPA"), ("environment programme", "UNEP"),
    ("humanitarian office", "OCHA"), ("aid coordination office", "OCHA"),
];

/// The acronym of the United Nations body an epithet written after "U.N." names
/// ("refugee agency" → "UNHCR"), the epithet in any case, with either apostrophe.
pub fn un_epithet(words: &str) -> Option<&'static str> {
    let epithet = words.to_lowercase().replace('’', "'");
    UN_EPITHETS
        .iter()
        .find(|(e, _)| *e == epithet)
        .map(|(_, acronym)| *acronym)
}

/// Last parts of a place compound that says where a body is based ("Oslo-based",
/// "Paris-headquartered"): the name after it is the body's.
pub const BASED_WORDS: &[&str] = &["based", "headquartered"];

/// Letters after a person's name that say what the person is ("Ana Ruiz MP", "Helen
/// Marsh KC"): a member of a parliament or assembly, a barrister's rank. They are roles,
/// no part of the name, so that "Ms Marsh" later is the same person.
pub const POST_NOMINALS: &[&str] = &["mp", "mep", "msp", "mla", "kc", "qc"];

/// Whether a word as written is such letters ("KC"; "Kc" is a name).
pub fn is_post_nominal(written: &str) -> bool {
    written.chars().all(|c| c.is_ascii_uppercase())
        && POST_NOMINALS.contains(&written.to_ascii_lowercase().as_str())
}

/// Endings of derived adjectives ("recent", "local", "unconfirmed", "previous"), which
/// unlike plain ones ("Young", "Strong") are no surnames: one opening a sentence before a
/// lower-case word is no name ("Recent reports said …", "Local reports say …").
pub const DERIVED_ADJECTIVE_ENDINGS: &[&str] =
    &["al", "ent", "ant", "ous", "ive", "ic", "ed", "ary", "ible", "able"];

/// Compass words that the demonym table holds for "Western experts" but that name no country.
pub const COMPASS_ADJECTIVES: &[&str] = &["western", "eastern", "northern", "southern"];

/// Whether a lower-case word ends like a demonym ("estonian", "congolese").
pub fn has_demonym_suffix(lower: &str) -> bool {
    lower.len() > 5 && DEMONYM_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// Verbs of a sports result: a place name right before them is a team ("Porto beat Braga
/// 2-1", "Leeds have won five of their last six matches"), when the sentence is about a
/// match (a score or a sports noun).
pub const SPORTS_RESULT_VERBS: &[&str] = &[
    "beat", "beats", "defeated", "defeats", "edged", "thrashed", "routed", "won", "win", "wins",
    "lost", "lose", "loses", "drew", "draw", "draws", "trailed", "trail", "trails", "led",
    "leads", "hosted", "hosts", "host", "faced", "face", "faces", "played", "plays", "play",
    "finished", "finish", "signed", "sign", "signs",
];

/// Nouns of "played a key role", "plays a part": what a city or a body plays there is no
/// match, whatever sports nouns the text holds.
pub const PLAYED_ROLE_NOUNS: &[&str] = &["role", "roles", "part", "parts"];

/// Words right before a team's name in a match report ("beat Braga", "against Braga", "a
/// win over Braga"); the name after them is a team when the sentence is about a match.
pub const SPORTS_OPPONENT_WORDS: &[&str] = &[
    "beat", "beats", "defeated", "defeats", "edged", "thrashed", "routed", "against", "vs",
    "hosted", "hosts", "host", "faced", "faces", "face", "over", "play", "plays", "played",
];

/// Verbs of a transfer: the name after "from" in their clause is the club a player leaves
/// ("signed Ana Ruiz from Harwick"), in a sports report.
pub const TRANSFER_VERBS: &[&str] = &[
    "sign", "signs", "signed", "signing", "join", "joins", "joined", "joining", "bought",
    "buy", "buys", "loaned", "loan", "arrived", "arrives", "moved", "moves", "transfer",
];

/// Nouns that make a sentence a match report even without a score.
pub const SPORTS_NOUNS: &[&str] = &[
    "match", "matches", "game", "games", "league", "cup", "season", "goal", "goals", "final",
    "playoff", "playoffs", "fixture", "fixtures", "derby", "tournament", "championship",
];

/// Nouns only sports reports use often: three of them (two different) make a whole article
/// a sports report ("game", "season" or "final" also serve reports on other things).
pub const SPORTS_REPORT_NOUNS: &[&str] = &[
    "match", "matches", "league", "goal", "goals", "striker", "midfielder", "goalkeeper",
    "coach", "club", "clubs", "transfer", "tournament", "championship", "derby", "fixture",
    "fixtures", "playoff", "playoffs",
];

/// Words that make a town's name a club's, before it ("Real Vell", "Inter Oster") or after
/// it ("Vell United", "Oster Rovers"): the run is an organisation, whatever the article.
/// (A run the gazetteer knows whole, "Cape Town", "Mexico City", stays a place.)
pub const CLUB_WORDS_BEFORE: &[&str] = &[
    "real", "inter", "atletico", "sporting", "olympique", "dynamo", "dinamo", "borussia",
    "racing", "deportivo", "ajax", "lokomotiv", "spartak", "partizan",
];
pub const CLUB_WORDS_AFTER: &[&str] = &[
    "united", "city", "fc", "afc", "cf", "athletic", "rovers", "wanderers", "albion", "hotspur",
    "town", "rangers", "argyle",
];

/// "D-Ohio", "R-Texas", "I-Vt": a US legislator's party and state after the name, no name
/// of its own.
pub fn is_party_state(word: &str) -> bool {
    word.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "D" | "R" | "I") && state.starts_with(|c: char| c.is_ascii_uppercase())
    })
}

/// Abbreviations that open a name ("St. Ives", "Mt. Orvik", "Ft. Myers"): the period
/// stays inside the name.
pub const NAME_ABBREVIATIONS: &[&str] = &["st", "mt", "ft", "pt"];

/// Roles of a country's leader that a description with the country's nationality may use
/// for one another ("Argentine leader X … the Argentine president").
pub const LEADER_ROLES: &[&str] = &["leader", "president", "premier", "chancellor"];

/// Words joined by a hyphen to an office that keep it the office's title or role
/// ("Mayor-elect", "Ambassador-designate", "ex-minister").
pub const OFFICE_AFFIXES: &[&str] = &["elect", "designate", "ex", "acting"];

/// A team's staff and players named by their role right after the team, before their
/// name ("Braga coach Ana Ruiz", "Porto striker Tom Hale"): the city is the team.
pub const SPORTS_STAFF_WORDS: &[&str] = &[
    "coach", "manager", "striker", "goalkeeper", "keeper", "midfielder", "defender", "winger",
    "forward", "captain", "boss",
];

/// Words between a team and its result verb ("Leeds have now won").
pub const SPORTS_VERB_LEAD_WORDS: &[&str] = &[
    "have", "has", "had", "now", "also", "again", "already", "still", "then", "narrowly",
];

/// The last words of a company's full name ("Velto Motor Corporation", "Arkam Holdings"):
/// the first word alone then names the company, not a town of that name.
pub const COMPANY_HEADS: &[&str] = &[
    "corporation", "corp", "company", "co", "inc", "incorporated", "ltd", "limited", "plc",
    "llc", "gmbh", "ag", "motor", "motors", "holdings", "airlines", "airways", "industries",
    "technologies", "pharmaceuticals", "electronics",
];

/// Nouns of vessels and craft whose names follow them ("the tanker Halifax", "the ferry
/// Malmo", "the lander Lima"): a ship or a spacecraft named after a place is not that
/// place, here or later in the article ("the master of Halifax").
pub const VEHICLE_NOUNS: &[&str] = &[
    "shuttle", "spacecraft", "spaceship", "ship", "vessel", "tanker", "freighter", "ferry",
    "frigate", "destroyer", "submarine", "yacht", "trawler", "rover", "lander", "orbiter",
    "capsule", "probe",
];

/// Last words of bodies' names that are no heads of their own ("Amnesty International",
/// "Transparency International", "Caritas Internationalis"): no person's name ends so.
pub const BODY_TAILS: &[&str] = &["international", "internationalis", "internationale", "worldwide"];

/// Whether a name's last word, in lower case, ends only bodies' and companies' names
/// ([`BODY_TAILS`], [`COMPANY_HEADS`]): "Amnesty International", "Orvik Co".
pub fn is_body_tail(lower: &str) -> bool {
    BODY_TAILS.contains(&lower) || COMPANY_HEADS.contains(&lower)
}

/// Words before a storm's name ("Hurricane Erin", "the storm Erin", "Typhoon Haiyan"): a
/// storm named as a person is named is no person, there or later ("Erin weakened").
pub const STORM_WORDS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];

#[cfg(test)]
mod tests {
    use crate::rules::*;

    #[test]
    fn a_party_and_state_is_one_letter_a_hyphen_and_a_state() {
        for (word, want) in [
            ("D-Ohio", true),
            ("R-N", true),
            ("I-Vt", true),
            ("Oster-Vell", false),
            ("D-day", false),
            ("DR-Congo", false),
        ] {
            assert_eq!(is_party_state(word), want, "{word}");
        }
    }

    #[test]
    fn titles_roles_and_nominals() {
        assert!(all_lower(TITLES) && all_lower(ROLE_NOUNS) && all_lower(NOMINAL_SOURCE_NOUNS));
        assert!(all_lower(STAFF_NOUNS) && is_in(STAFF_NOUNS, "analysts"));
        assert!(all_lower(TRADED_NOUNS) && is_in(TRADED_NOUNS, "shares"));
        assert!(!is_in(STAFF_NOUNS, "residents") && !is_in(STAFF_NOUNS, "analyst"));
        assert!(all_lower(SOLE_HEAD_ROLES) && SOLE_HEAD_ROLES.iter().all(|r| is_in(ROLE_NOUNS, r)));
        assert!(!is_in(SOLE_HEAD_ROLES, "spokesman") && !is_in(SOLE_HEAD_ROLES, "official"));
        assert!(is_in(TITLES, "Gen") && is_in(TITLES, "Mayor"));
        assert!(is_in(ROLE_NOUNS, "spokeswoman") && !is_in(ROLE_NOUNS, "river"));
        assert!(is_in(NOMINAL_SOURCE_NOUNS, "residents"));
        assert!(is_in(PRONOUNS, "She") && !is_in(PRONOUNS, "we"));
    }

    #[test]
    fn name_connectors_and_particles() {
        assert!(all_lower(NAME_CONNECTORS) && all_lower(NAME_PARTICLES));
        assert!(all_lower(HYPHENED_NAME_PARTICLES) && is_in(HYPHENED_NAME_PARTICLES, "al"));
        assert!(is_name_connector("of") && is_name_connector("van"));
        assert!(all_lower(AFFILIATION_WORDS) && !is_in(AFFILIATION_WORDS, "and"));
        assert!(!is_name_connector("and") && !is_name_connector("the"));
        assert!(!NAME_PARTICLES.iter().any(|w| NAME_CONNECTORS.contains(w)));
        assert!(is_in(BYLINE_LABELS, "reporter") && !is_in(BYLINE_LABELS, "source"));
    }

    #[test]
    fn sports_words() {
        for table in [SPORTS_RESULT_VERBS, SPORTS_NOUNS, SPORTS_STAFF_WORDS] {
            assert!(all_lower(table));
        }
        assert!(is_in(SPORTS_STAFF_WORDS, "coach") && !is_in(SPORTS_STAFF_WORDS, "mayor"));
        assert!(all_lower(TRANSFER_VERBS) && is_in(TRANSFER_VERBS, "signed"));
        assert!(all_lower(SPORTS_REPORT_NOUNS) && !is_in(SPORTS_REPORT_NOUNS, "season"));
        assert!(!is_in(TRANSFER_VERBS, "fled") && !is_in(SPORTS_OPPONENT_WORDS, "in"));
        assert!(all_lower(CLUB_WORDS_BEFORE) && all_lower(CLUB_WORDS_AFTER));
        assert!(is_in(CLUB_WORDS_AFTER, "united") && !is_in(CLUB_WORDS_AFTER, "county"));
        assert!(all_lower(PLAYED_ROLE_NOUNS) && !is_in(PLAYED_ROLE_NOUNS, "match"));
    }

    #[test]
    fn gendered_role_words_are_lower_case_and_disjoint() {
        assert!(all_lower(MALE_ROLE_WORDS) && all_lower(FEMALE_ROLE_WORDS));
        assert!(is_in(MALE_ROLE_WORDS, "Spokesman") && !is_in(MALE_ROLE_WORDS, "spokeswoman"));
        assert!(is_in(FEMALE_ROLE_WORDS, "Mrs") && !is_in(FEMALE_ROLE_WORDS, "mr"));
        assert!(!is_in(MALE_ROLE_WORDS, "spokesperson") && !is_in(FEMALE_ROLE_WORDS, "spokesperson"));
        assert!(!MALE_ROLE_WORDS.iter().any(|w| FEMALE_ROLE_WORDS.contains(w)));
    }

    #[test]
    fn national_bodies_are_lower_case_and_compass_words_are_demonyms() {
        assert!(all_lower(NATIONAL_BODIES));
        assert!(is_in(NATIONAL_BODIES, "armed forces"));
        assert!(!is_in(NATIONAL_BODIES, "officials"));
        assert!(COMPASS_ADJECTIVES.iter().all(|w| is_in(DEMONYMS, w)));
    }
}
