//! Rules as data: every word list the extractor relies on, in one place.
//!
//! The code elsewhere only asks questions of these tables ("is this a cue verb?"), so a new
//! outlet, title or unit spelling is a one-line change here with its test beside it. All
//! entries are lower case unless stated; lookups lower-case the probe first.

use crate::model::Qualifier;

/// Speech and assertion verbs that attribute content to a speaker, as written.
pub const CUE_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "explained", "explains",
    "assured", "assures", "admitted", "admits", "confirmed", "confirms", "claimed", "claims",
    "warned", "warns", "stated", "states", "reported", "reports", "wrote", "writes", "tweeted",
    "tweets", "announced", "announces", "acknowledged", "acknowledges", "insisted", "insists",
    "noted", "notes", "stressed", "stresses", "emphasised", "emphasized", "declared", "declares",
    "argued", "argues", "continued", "continues", "commented", "comments", "specified",
    "specifies", "revealed", "reveals", "suggested", "suggests", "denied", "denies", "urged",
    "urges", "estimated", "estimates", "predicted", "predicts", "indicated", "indicates",
    "asserted", "asserts", "alleged", "alleges", "believes", "believed", "felt", "maintained",
    "maintains", "recalled", "recalls", "replied", "answered", "posted", "informed", "promised",
    "vowed", "concluded", "concedes", "conceded", "observed", "agreed", "disclosed", "read",
    "cautioned", "cautions", "reiterated", "reiterates", "underlined", "underscored",
    "pledged", "pledges", "promises", "vows", "hinted", "complained", "complains", "complain",
    "countered", "forecast",
    "forecasts", "signalled", "signaled",
];

/// Acts of speech whose object is what was said ("blamed the delay on the weather",
/// "asked for patience", "accused the board of hiding losses"): cue verbs whose content
/// may be a noun phrase of a word or two.
pub const ACT_CUES: &[&str] = &[
    "blamed", "blames", "criticized", "criticised", "criticizes", "criticises", "faulted",
    "faults", "accused", "accuses", "condemned", "condemns", "demanded", "demands", "asked",
    "asks",
];

/// Plain forms of cue verbs, for plural subjects ("officials confirm …"). After "to", a
/// modal or a negation ("could not confirm", "refused to say") they attribute nothing.
pub const BASE_CUES: &[&str] = &[
    "say", "tell", "add", "explain", "assure", "admit", "confirm", "claim", "warn", "report",
    "write", "announce", "acknowledge", "insist", "stress", "declare",
    "argue", "reveal", "suggest", "deny", "urge", "estimate", "predict", "indicate", "assert",
    "allege", "believe", "maintain", "recall", "concede", "agree", "disclose",
];

/// Verbs that report a judgement by naming their object ("called the plan a success",
/// "described the talks as useful") and the words that open the judgement; the object
/// and judgement together are what was said.
pub const NAMING_CUES: &[(&str, &[&str])] = &[
    ("call", &["a", "an"]), ("calls", &["a", "an"]), ("called", &["a", "an"]),
    ("describe", &["as"]), ("describes", &["as"]), ("described", &["as"]),
    ("branded", &["a", "an", "as"]), ("brands", &["a", "an", "as"]),
    ("labelled", &["a", "an", "as"]), ("labeled", &["a", "an", "as"]),
];

/// A verb and the words after it that report as one cue verb does. The flag says whether
/// the words after the verb open the content ("took responsibility for the outage" reports
/// "responsibility for the outage") or belong to the cue ("made clear that …").
pub const PHRASE_CUES: &[(&str, &[&str], bool)] = &[
    ("asked", &["for"], false),
    ("asks", &["for"], false),
    ("made", &["clear"], false),
    ("made", &["it", "clear"], false),
    ("makes", &["clear"], false),
    ("makes", &["it", "clear"], false),
    ("took", &["responsibility"], true),
    ("takes", &["responsibility"], true),
    ("accepted", &["responsibility"], true),
    ("accepts", &["responsibility"], true),
    ("expressed", &["hope"], false),
    ("expresses", &["hope"], false),
    ("expressing", &["hope"], false),
    ("voiced", &["hope"], false),
];

/// Words before a plain-form cue that make it no attribution ("did not say") or a noun
/// ("the report", "a claim").
pub const BASE_CUE_BLOCKERS: &[&str] = &[
    "a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "my", "your", "no",
    "to", "not", "never", "will", "would", "can", "could", "may", "might", "must", "should",
    "shall", "did", "does", "do", "cannot", "won't", "wouldn't", "can't", "couldn't",
    "didn't", "don't", "doesn't",
];

/// Participles that continue an attribution already made in the sentence (", adding that …").
pub const PARTICIPLE_CUES: &[&str] = &[
    "adding", "saying", "confirming", "admitting", "noting", "warning", "stressing", "claiming",
    "announcing", "explaining", "insisting", "arguing", "stating", "acknowledging", "emphasising",
    "emphasizing", "declaring", "suggesting", "urging", "indicating",
];

/// Head nouns that describe any body ("the company", "the group"): they stand for the
/// last organisation named, whatever its name's head word.
pub const GENERIC_BODY_NOUNS: &[&str] = &["company", "firm", "group", "organisation", "organization"];

/// Documents that speak for their author ("a statement from the ministry", "the
/// agency's latest tally"). "post" is a social-media post.
pub const DOCUMENT_NOUNS: &[&str] = &[
    "statement", "report", "reports", "letter", "release", "communiqué", "post", "tally",
    "figures", "data", "survey", "estimate", "estimates", "count", "findings", "analysis",
    "website", "bulletin", "assessment", "study",
];

/// Verbs that attribute only a quotation that follows them ("described the town as “…”").
pub const QUOTE_ONLY_CUES: &[&str] = &["described", "describes", "called", "dubbed", "termed"];

/// Cue verbs that also take plain objects ("posted a video", "felt the quake"): they report
/// content only through "that", a colon or a quotation.
pub const WEAK_CUES: &[&str] = &[
    "posted", "tweeted", "promised", "agreed", "answered", "replied", "observed", "informed",
    "read", "wrote", "writes", "recalled", "recalls", "pledged", "pledges", "promises", "vows",
    "hinted", "complained", "complains", "complain", "countered", "forecast", "forecasts",
    "signalled", "signaled",
];

/// Perception verbs that attribute content only when a journalist or witness is the subject.
pub const PERCEPTION_CUES: &[&str] = &["saw", "see", "seen", "witnessed", "observed"];

/// Head nouns of a subject that may use a perception cue.
pub const WITNESS_NOUNS: &[&str] = &[
    "journalist", "journalists", "reporter", "reporters", "correspondent", "correspondents",
    "photographer", "photographers", "witness", "witnesses", "crew", "team",
];

/// Titles and role nouns live with the shared types: the store strips them from names too.
pub use claimgraph_model::{ROLE_NOUNS, TITLES};

/// Roles a body has one holder of ("the Velto CEO", "the Harbour Board chairwoman"): a
/// definite one the article never named is the person just quoted. Spokespeople and
/// officials are many, and stay unnamed.
pub const SOLE_HEAD_ROLES: &[&str] = &[
    "ceo", "president", "chairman", "chairwoman", "chair", "founder", "director", "head",
    "chief", "executive", "leader", "owner", "premier", "chancellor",
];

/// Head nouns of unnamed sources kept as written ("a resident of …", "Western experts").
pub const NOMINAL_SOURCE_NOUNS: &[&str] = &[
    "official", "officials", "expert", "experts", "source", "sources", "resident", "residents",
    "witness", "witnesses", "analyst", "analysts", "observer", "observers", "journalist",
    "journalists", "reporter", "reporters", "correspondent", "correspondents", "diplomat",
    "diplomats", "intelligence", "report", "reports", "authorities", "spokesperson", "spokesman",
    "spokeswoman", "representative", "representatives", "villagers", "survivors", "doctors",
    "medics", "activists", "lawmakers", "investigators", "prosecutors", "rescuers", "leader",
    "leaders", "governor", "mayor", "officer", "officers", "soldier", "soldiers", "commander",
    "commanders", "statement", "police", "military", "army", "ministry", "government",
    "administration", "separatists", "people", "person", "man", "woman", "farmer", "farmers",
    "teacher", "teachers", "nurse", "nurses", "worker", "workers", "volunteer", "volunteers",
    "owner", "owners", "spokespeople", "aide", "aides", "adviser", "advisers", "advisor",
    "advisors", "agency", "insiders", "insider", "monitors", "scientists", "researchers",
    "economists", "locals", "fighters", "forces", "troops", "separatists", "company", "firm",
    "group", "campaign", "camp", "team", "lawyers",
    "rebels", "militants", "agencies", "media", "critics", "supporters", "opponents", "protesters",
    "demonstrators", "campaigners", "services", "environmentalists", "paramedics", "firefighters",
    "rescuers", "relatives", "families", "parents", "students", "patients", "victims",
    "neighbours", "neighbors", "group", "groups", "organisers", "organizers", "polls", "poll", "surveys", "survey", "data", "figures",
    "study", "studies", "records", "documents", "authority", "operator", "operators", "unions", "union",
    "council", "committee", "court", "judges",
];

/// First words of a line ending in a colon that is a heading or a note, not a transcript's
/// speaker ("The Evening Desk:", "Update: …", "Q: …").
pub const NOT_SPEAKER_LABELS: &[&str] = &[
    "the", "a", "an", "this", "now", "update", "updated", "correction", "note", "editor",
    "editors", "source", "sources", "transcript", "q", "question", "answer", "photo", "video",
    "watch", "read", "related", "see", "also", "listen", "caption", "credit", "warning",
    "breaking", "live", "part", "chapter", "section", "summary", "background", "analysis",
    "unidentified", "narrator", "announcer", "voice", "crowd", "chorus",
];

/// Endings of nouns that name what a person does ("hydrologist", "historian";
/// "-er" and "-or" name things too: those roles are in `ROLE_NOUNS`), read after
/// "X is a …" as evidence that X is a person.
pub const AGENT_ENDINGS: &[&str] = &["ist", "ian"];

/// Words that count a group of unnamed speakers ("three callers", "one resident",
/// "several experts").
pub const QUANTIFIERS: &[&str] = &[
    "one", "another", "some", "several", "many", "most", "few", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "other", "others",
    "both", "all",
];

/// Of those, the ones that stand alone for speakers ("Another said …", "Others say …").
pub const QUANTIFIER_PRONOUNS: &[&str] = &["another", "others", "some", "many", "several", "most"];

/// Adverbs set off by commas between a subject and its verb ("Ruiz, however, said …").
pub const PARENTHETICAL_ADVERBS: &[&str] = &[
    "however", "meanwhile", "though", "too", "also", "moreover", "nevertheless", "nonetheless",
    "instead", "therefore", "furthermore", "likewise", "similarly", "separately", "again",
];

/// Compass words that, capitalised before a place, name a region ("North America").
pub const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower",
];

/// Subject pronouns resolved to an earlier named entity.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// Capitalised words that make a capitalised run an organisation.
pub const ORG_HEADS: &[&str] = &[
    "ministry", "council", "institute", "agency", "army", "forces", "force", "brigade", "party",
    "committee", "department", "office", "union", "bank", "commission", "organization",
    "organisation", "court", "police", "service", "services", "government", "parliament",
    "kremlin", "pentagon", "assembly", "senate", "congress", "corporation", "company", "group",
    "association", "foundation", "university", "center", "centre", "guard", "navy", "command",
    "administration", "authority", "bureau", "secretariat", "cabinet", "regiment", "battalion",
    "division", "corps", "staff", "fund", "alliance", "nato", "un", "eu", "inc", "ltd", "plc",
    "federation", "coalition", "movement", "front", "church", "board", "directorate",
    "prosecutor's", "red", "cross", "crescent", "duma", "rada", "knesset", "bundestag", "who",
    "unicef", "unhcr", "iaea", "opec", "imf", "survey", "observatory", "institution", "house", "palace",
    "system", "network", "programme", "program", "initiative", "project", "watch", "forum",
    "trust", "society", "academy", "laboratory", "hospital", "museum", "college", "school",
    "nations", "league", "tribunal", "chamber",
];

/// Major news outlets and agencies, as commonly written (matched case-insensitively).
pub const OUTLETS: &[&str] = &[
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Agence France Presse",
    "Bloomberg", "TASS", "Interfax", "RIA Novosti", "RIA", "Sputnik", "RT",
    "Xinhua", "Kyodo", "Yonhap", "ANSA", "EFE", "DPA", "Anadolu", "Ukrinform", "UNIAN", "PTI",
    "IRNA", "Fars", "Al Jazeera", "Al Arabiya", "CNN", "BBC", "NBC", "CBS", "ABC", "Fox News",
    "MSNBC", "NPR", "PBS", "Sky News", "ITV", "Channel 4", "Voice of America", "VOA",
    "Radio Free Europe", "Radio Liberty", "RFE/RL", "Deutsche Welle", "DW", "France 24",
    "Euronews", "BFMTV", "BFM TV", "LCI", "TF1", "France Info", "Franceinfo", "RFI", "CNBC",
    "The New York Times", "New York Times", "The Washington Post", "Washington Post",
    "The Wall Street Journal", "Wall Street Journal", "The Guardian", "Guardian", "The Times",
    "The Telegraph", "Financial Times", "The Economist", "The Independent", "Daily Mail",
    "The Sun", "Los Angeles Times", "USA Today", "Politico", "Axios", "Le Monde", "Le Figaro",
    "Libération", "Der Spiegel", "Spiegel", "Bild", "Die Zeit", "Frankfurter Allgemeine",
    "El País", "El Mundo", "Corriere della Sera", "La Repubblica", "Kommersant", "Izvestia",
    "Meduza", "Novaya Gazeta", "Kyiv Post", "Ukrainska Pravda", "Haaretz",
    "Times of India", "The Hindu", "South China Morning Post", "Asahi", "NHK", "Nikkei",
    "The Australian", "ABC News", "CBC", "Globe and Mail",
    "The Atlantic", "Newsweek", "Time", "Vice", "BuzzFeed", "HuffPost", "Business Insider",
    "Insider", "The Hill", "Yahoo News", "Le Parisien", "Ouest-France", "Les Echos", "Dawn",
    "Al-Ahram", "Gazeta Wyborcza", "Rzeczpospolita",
];

/// Capitalised words that make a capitalised run an outlet ("… Times", "… Journal").
pub const OUTLET_HEADS: &[&str] = &[
    "times", "post", "journal", "news", "herald", "tribune", "gazette", "telegraph", "guardian",
    "independent", "chronicle", "observer", "express", "mirror", "radio", "television", "tv",
    "broadcasting", "monde", "zeitung", "insider", "daily", "magazine", "weekly", "pravda",
    "dispatch", "courier", "bulletin", "wire",
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

/// Whether a lower-case noun says what kind of body a name is: one of
/// [`ORG_DESCRIPTORS`], or a compound of one of the trades' endings ("chipmaker",
/// "shipbuilder", "steelmaker").
pub fn is_org_descriptor(lower: &str) -> bool {
    ORG_DESCRIPTORS.contains(&lower)
        || ["maker", "builder", "producer", "manufacturer", "operator", "retailer"]
            .iter()
            .any(|end| lower.len() > end.len() + 2 && lower.ends_with(end))
}

/// Lower-case nouns that introduce an outlet by name: "the daily El Comercio".
pub const OUTLET_KINDS: &[&str] = &[
    "daily", "newspaper", "paper", "weekly", "magazine", "tabloid", "broadcaster", "channel",
    "website", "outlet",
];

/// Prepositions after which a capitalised name is read as a place.
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "around", "from", "to", "towards", "toward", "into", "across", "outside",
    "inside", "over", "through", "against", "between", "within", "throughout", "beyond",
];

/// Nouns after which "of X" names a place ("the city of X", "west of X").
pub const PLACE_OF_NOUNS: &[&str] = &[
    "city", "town", "village", "region", "province", "district", "capital", "port", "outskirts",
    "suburb", "suburbs", "centre", "center", "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
    "state", "island", "county", "oblast", "municipality", "settlement", "hub", "hamlet",
    "neighbourhood", "neighborhood", "streets", "residents", "resident", "mayor", "governor",
    "inhabitants", "people", "liberation", "capture", "fall", "recapture", "reconquest", "area",
    "areas", "territory", "districts", "control", "cities", "towns", "villages", "hall",
];

/// Words after a name that make it a region, kept in the name ("Westvale region").
pub const REGION_WORDS: &[&str] = &[
    "region", "oblast", "province", "district", "county", "governorate", "prefecture", "area",
    "canton", "municipality", "state", "territory", "krai", "raion",
];

/// Region words that name a first-level division ("X Oblast" is the oblast); the others
/// ("X area", "X district") name the surroundings of the place X, which is X for what a
/// claim is about.
pub const ADMIN1_WORDS: &[&str] = &[
    "region", "oblast", "province", "governorate", "prefecture", "state", "krai", "territory",
    "canton",
];

/// Capitalised last words that make a run a geographic feature ("… River", "… Sea").
pub const GEO_HEADS: &[&str] = &[
    "river", "sea", "lake", "mountain", "mountains", "mount", "bay", "gulf", "ocean", "island",
    "islands", "strait", "valley", "pass", "peninsula", "desert", "canal", "plain", "basin",
    "coast", "delta", "oblast", "region", "province", "district", "county",
];

/// Country names, so a description like "the city" never resolves to a country.
pub const COUNTRIES: &[&str] = &[
    "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "bulgaria",
    "cambodia", "cameroon", "canada", "chad", "chile", "china", "colombia", "congo", "croatia",
    "cuba", "cyprus", "czechia", "denmark", "ecuador", "egypt", "eritrea", "estonia", "ethiopia",
    "finland", "france", "georgia", "germany", "ghana", "greece", "haiti", "hungary", "india",
    "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan",
    "kenya", "kosovo", "kuwait", "latvia", "lebanon", "libya", "lithuania", "mali", "mexico",
    "moldova", "mongolia", "morocco", "myanmar", "nepal", "netherlands", "nigeria", "norway",
    "pakistan", "palestine", "peru", "philippines", "poland", "portugal", "qatar", "romania",
    "russia", "rwanda", "serbia", "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden",
    "switzerland", "syria", "taiwan", "tajikistan", "thailand", "tunisia", "turkey", "türkiye",
    "uganda", "ukraine", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
    "britain", "england", "scotland", "wales", "america", "usa", "us", "uk", "u.s", "u.k", "korea",
    "new zealand", "south africa", "saudi arabia", "united states", "united kingdom",
    "north korea", "south korea", "sri lanka", "ivory coast", "united arab emirates",
];

/// Nouns after "the" that stand for a place the article named before ("the city").
pub const PLACE_DESCRIPTIONS: &[&str] = &[
    "city", "town", "village", "region", "locality", "area", "province", "settlement", "hamlet",
];

/// Description nouns for a populated place: "the locality" may mean a place the text
/// introduced as "the village of X" (plural forms count for introductions).
pub const SETTLEMENT_NOUNS: &[&str] = &[
    "city", "town", "village", "locality", "settlement", "hamlet", "cities", "towns", "villages",
    "localities", "settlements", "hamlets",
];

/// Description nouns for a region ("the province" after "X province").
/// Words beside a name that only a city takes: "X city", "the mayor of X", "X's mayor",
/// "downtown X". They settle a regional capital's bare name as the city.
pub const CITY_MARKERS: &[&str] = &["city", "mayor", "downtown"];

pub const REGION_NOUNS: &[&str] = &["region", "province", "oblast", "regions", "provinces"];

/// Words after a sentence's "it" that say something about a place ("it fell to", "it is
/// located along"), so the "it" is the place the text is talking about.
pub const PLACE_PREDICATES: &[&str] = &[
    "fell", "lies", "sits", "borders", "located", "situated", "captured", "liberated", "retaken",
    "recaptured", "occupied", "seized", "shelled", "surrounded", "encircled",
];

/// Nouns after "its" that belong to a place ("its liberation", "its residents"), so the
/// "its" is the place the text is talking about.
pub const PLACE_OWNED_NOUNS: &[&str] = &[
    "liberation", "capture", "fall", "recapture", "reconquest", "residents", "inhabitants",
    "mayor", "outskirts", "streets",
];

/// A settlement's own facilities: "the airport", "the main port" standing alone is the
/// airport or port of the city the text last named, so what happens there is about that
/// city ("flights out of the airport were cancelled"). "the port of X" names its own place.
pub const CITY_FACILITY_NOUNS: &[&str] = &["airport", "port", "harbour", "harbor", "seaport"];

/// Lower-case nouns of a building or site after a name ("the Kessel Rock prison", "the
/// Varnok reactor"): the name is the place of the facility. Words that also follow bodies
/// or groups ("plant" of a company, "camp" of a politician, "base" of voters) are left out.
pub const FACILITY_NOUNS: &[&str] = &[
    "prison", "jail", "reactor", "refinery", "dam", "airport", "airbase", "stadium",
    "shipyard", "mine",
];

/// Adjectives that may stand between "the" and a facility noun ("the main airport").
pub const FACILITY_ADJECTIVES: &[&str] = &["main", "international", "city's", "local"];

/// What a settlement has, after its possessive ("Lima's main airport"): the possessive is
/// then a place, even a capital that often stands for its government.
pub const PLACE_HAS_NOUNS: &[&str] = &[
    "airport", "port", "harbour", "harbor", "streets", "suburbs", "outskirts", "residents",
    "inhabitants", "mayor", "hospitals", "neighbourhoods", "neighborhoods", "centre", "center",
    "population",
];

/// Nouns for armed forces and governments: a capital next to one ("forces from X", "X
/// troops") stands for its government, not a location.
pub const FORCE_NOUNS: &[&str] = &[
    "forces", "troops", "army", "soldiers", "units", "military", "government", "officials",
    "authorities", "regime",
];

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

/// Demonyms and nationality adjectives that are not places.
pub const DEMONYMS: &[&str] = &[
    "american", "americans", "african", "africans", "mexican", "mexicans", "moroccan",
    "dutch", "french", "swiss", "greek", "greeks", "thai", "czech", "czechs",
    "israeli", "israelis", "iraqi", "iraqis", "saudi", "saudis", "pakistani", "afghan", "afghans",
    "turk", "turks", "kurd", "kurds", "arab", "arabs", "german", "germans", "british", "english",
    "scottish", "irish", "welsh", "western", "eastern", "northern", "southern", "european",
    "europeans", "kenyan", "kenyans", "yemeni",
    "emirati", "qatari", "omani", "kuwaiti", "bangladeshi", "nepali", "somali", "filipino",
    "filipinos", "slovak", "serb", "serbs", "croat", "croats", "pole", "poles", "dane", "danes",
    "finn", "finns", "swede", "swedes",
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

/// "X posted a video showing Y": verbs that publish pictures and the pictures they publish,
/// whose content after "showing" is reported as the poster's claim.
pub const SHARE_VERBS: &[&str] = &["shared", "posted", "published", "released", "circulated"];
pub const MEDIA_NOUNS: &[&str] = &[
    "photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images",
    "video", "videos", "footage", "clip", "clips", "map", "maps",
];

/// "X made two announcements: …": a statement noun after a verb of making, whose content
/// follows the colon.
pub const STATEMENT_NOUNS: &[&str] = &[
    "announcement", "announcements", "statement", "statements", "declaration", "declarations",
    "claim", "claims",
];

/// Participles that open the writer's comment on reported content (", reflecting …"),
/// where the reported words end.
pub const COMMENTARY_PARTICIPLES: &[&str] = &[
    "reflecting", "underscoring", "underlining", "highlighting", "signalling", "signaling",
    "echoing", "illustrating", "mirroring", "prompting",
];

/// Offices an article may describe before it names the holder ("An official installed by
/// the council said … “…,” Ana Ruiz told the radio."). Ordinary people ("a resident") stay
/// unnamed sources.
pub const OFFICE_NOUNS: &[&str] = &[
    "official", "officer", "commander", "spokesman", "spokeswoman", "spokesperson", "leader",
    "head", "chief", "administrator", "governor", "mayor", "minister", "adviser", "advisor",
    "representative", "envoy", "ambassador", "diplomat",
];

/// Compass words that the demonym table holds for "Western experts" but that name no country.
pub const COMPASS_ADJECTIVES: &[&str] = &["western", "eastern", "northern", "southern"];

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
    ("pounds sterling", "gbp"), ("magnitude", "magnitude"),
];

/// Units written before their value: "a magnitude 6.8 quake", "a category 4 storm".
pub const PREFIX_UNITS: &[(&str, &str)] = &[("magnitude", "magnitude"), ("category", "category")];

/// What befell counted people, by the words that say it: a count of the injured and one of
/// the dead are two quantities. A number with no noun of its own next to one of these
/// words counts people ("230 were injured", "injuring more than 200", "a toll of 17").
pub const FATES: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed", "killing", "kill", "kills", "dead", "died", "die", "dies", "death",
            "deaths", "fatalities", "lives", "toll",
        ],
    ),
    (
        "injured",
        &["injured", "injuring", "injures", "injuries", "wounded", "wounding", "hurt"],
    ),
    ("missing", &["missing"]),
    ("detained", &["arrested", "arrests", "detained", "detentions"]),
    ("displaced", &["displaced", "evacuated", "fled", "homeless", "uprooted"]),
];

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

/// Words that deny what the rest of a claim says: "was not taken", "never entered".
pub const NEGATIONS: &[&str] = &["not", "never", "no longer", "denied", "denies", "deny", "false"];

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

/// Words that multiply the number before them ("2 thousand", "1.3 million").
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0), ("dozen", 12.0), ("thousand", 1_000.0), ("million", 1_000_000.0),
    ("billion", 1_000_000_000.0), ("trillion", 1_000_000_000_000.0),
];

/// Words before a number that make it vague ("several thousand", "a few hundred").
pub const VAGUE_BEFORE: &[&str] = &[
    "several", "few", "many", "some", "tens", "hundreds", "dozens",
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

/// Irregular plurals of counted nouns.
pub const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "person"), ("children", "child"), ("men", "man"), ("women", "woman"),
    ("persons", "person"), ("feet", "foot"), ("teeth", "tooth"), ("mice", "mouse"),
    ("lives", "life"), ("wives", "wife"), ("knives", "knife"), ("geese", "goose"),
    ("police", "police"), ("staff", "staff"), ("sheep", "sheep"), ("cattle", "cattle"),
    ("series", "series"), ("species", "species"), ("news", "news"),
];

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

/// Nouns of time that make "this/last/next …" an adverbial ("said this week").
pub const TIME_NOUNS: &[&str] = &[
    "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring",
    "summer", "autumn", "fall", "winter", "time",
];

/// Adverbs that may stand between a subject and its cue ("Ottawa finally acknowledged").
pub const CUE_ADVERBS: &[&str] = &[
    "finally", "also", "later", "earlier", "then", "previously", "reportedly", "recently",
    "separately", "repeatedly", "publicly", "already", "again", "further", "once", "has", "have",
    "had", "would", "will", "could", "did", "does", "not", "never", "yet", "still",
    "quickly", "openly", "officially", "subsequently", "initially", "long", "often", "consistently",
];

/// Lower-case words a cue-less, short line needs to count as having a verb.
pub const COMMON_VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "does", "do", "did",
];

/// Auxiliaries fused with "not", written as one word ("cannot", "won't").
pub const NEGATED_AUXILIARIES: &[&str] = &[
    "cannot", "can't", "won't", "wouldn't", "couldn't", "shouldn't", "isn't", "aren't",
    "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "didn't", "don't", "mustn't",
];

#[cfg(test)]
fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that open an adverbial after a cue verb ("said in a statement", "said late on
/// Friday", "said, citing officials"): where the attribution's own trailing part begins.
pub const ADVERBIAL_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "quoted", "according", "while", "via", "late",
    "earlier", "yesterday", "today", "when", "citing",
];

/// Further words that end reported content on the right of a cue ("said to reporters",
/// "said by phone", "said last week").
pub const TRAILING_OPENERS: &[&str] = &[
    "last", "this", "to", "for", "with", "from", "reporters", "journalists", "then", "by",
];

/// Case-insensitive membership for ASCII tables, with a cheap path for non-ASCII words.
#[cfg(test)]
pub fn is_in(table: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        contains(table, word)
    } else {
        let low = word.to_lowercase();
        table.iter().any(|w| *w == low)
    }
}

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

/// Whether a lower-case word ends like a demonym ("estonian", "congolese").
pub fn has_demonym_suffix(lower: &str) -> bool {
    lower.len() > 5 && DEMONYM_SUFFIXES.iter().any(|s| lower.ends_with(s))
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
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if low.ends_with(suffix) {
            return low[..low.len() - 2].to_string();
        }
    }
    if low.ends_with("ss") || low.ends_with("us") || low.ends_with("is") {
        return low;
    }
    match low.strip_suffix('s') {
        Some(stem) => stem.to_string(),
        None => low,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_lower(table: &[&str]) -> bool {
        table.iter().all(|w| w.to_lowercase() == *w)
    }

    #[test]
    fn cue_tables_are_lower_case_and_disjoint_from_participles() {
        for t in [CUE_VERBS, PARTICIPLE_CUES, QUOTE_ONLY_CUES, PERCEPTION_CUES] {
            assert!(all_lower(t));
        }
        assert!(is_in(CUE_VERBS, "Said"));
        assert!(!is_in(CUE_VERBS, "adding"));
        assert!(is_in(PARTICIPLE_CUES, "adding"));
        assert!(is_in(QUOTE_ONLY_CUES, "described"));
        assert!(WEAK_CUES.iter().all(|w| is_in(CUE_VERBS, w)));
        assert!(is_in(PERCEPTION_CUES, "saw") && is_in(WITNESS_NOUNS, "reporters"));
    }

    #[test]
    fn adverbial_openers_are_lower_case_and_distinct() {
        assert!(all_lower(ADVERBIAL_OPENERS) && all_lower(TRAILING_OPENERS));
        assert!(is_in(ADVERBIAL_OPENERS, "according") && is_in(TRAILING_OPENERS, "reporters"));
        assert!(!ADVERBIAL_OPENERS.iter().any(|w| TRAILING_OPENERS.contains(w)));
        assert!(!is_in(ADVERBIAL_OPENERS, "that"));
    }

    #[test]
    fn titles_roles_and_nominals() {
        assert!(all_lower(TITLES) && all_lower(ROLE_NOUNS) && all_lower(NOMINAL_SOURCE_NOUNS));
        assert!(all_lower(SOLE_HEAD_ROLES) && SOLE_HEAD_ROLES.iter().all(|r| is_in(ROLE_NOUNS, r)));
        assert!(!is_in(SOLE_HEAD_ROLES, "spokesman") && !is_in(SOLE_HEAD_ROLES, "official"));
        assert!(is_in(TITLES, "Gen") && is_in(TITLES, "Mayor"));
        assert!(is_in(ROLE_NOUNS, "spokeswoman") && !is_in(ROLE_NOUNS, "river"));
        assert!(is_in(NOMINAL_SOURCE_NOUNS, "residents"));
        assert!(is_in(PRONOUNS, "She") && !is_in(PRONOUNS, "we"));
    }

    #[test]
    fn outlets_and_org_heads() {
        assert!(OUTLETS.len() >= 50);
        assert!(is_in(OUTLETS, "reuters") && is_in(OUTLETS, "Xinhua"));
        assert!(is_in(OUTLET_HEADS, "Herald") && is_in(ORG_HEADS, "Ministry"));
        assert!(!is_in(ORG_HEADS, "river"));
    }

    #[test]
    fn base_cues_are_lower_case_and_blocked_by_modals() {
        assert!(all_lower(BASE_CUES) && all_lower(BASE_CUE_BLOCKERS));
        assert!(is_in(BASE_CUES, "confirm") && is_in(BASE_CUE_BLOCKERS, "could"));
        assert!(BASE_CUES.iter().all(|w| !is_in(PARTICIPLE_CUES, w)));
    }

    #[test]
    fn first_level_words_are_region_words() {
        assert!(ADMIN1_WORDS.iter().all(|w| is_in(REGION_WORDS, w)));
        assert!(!is_in(ADMIN1_WORDS, "area") && !is_in(ADMIN1_WORDS, "district"));
    }

    #[test]
    fn office_nouns_are_roles() {
        assert!(OFFICE_NOUNS.iter().all(|w| is_in(ROLE_NOUNS, w)));
        assert!(!is_in(OFFICE_NOUNS, "resident"));
    }

    #[test]
    fn statement_nouns_and_commentary_participles() {
        assert!(all_lower(STATEMENT_NOUNS) && all_lower(COMMENTARY_PARTICIPLES));
        assert!(COMMENTARY_PARTICIPLES.iter().all(|w| w.ends_with("ing")));
        assert!(!is_in(COMMENTARY_PARTICIPLES, "adding"));
        assert!(is_in(STATEMENT_NOUNS, "announcements"));
    }

    #[test]
    fn share_verbs_and_media_nouns() {
        assert!(all_lower(SHARE_VERBS) && all_lower(MEDIA_NOUNS));
        assert!(is_in(SHARE_VERBS, "posted") && is_in(MEDIA_NOUNS, "footage"));
        assert!(!is_in(MEDIA_NOUNS, "showing"));
    }

    #[test]
    fn national_bodies_are_lower_case_and_compass_words_are_demonyms() {
        assert!(all_lower(NATIONAL_BODIES));
        assert!(is_in(NATIONAL_BODIES, "armed forces"));
        assert!(!is_in(NATIONAL_BODIES, "officials"));
        assert!(COMPASS_ADJECTIVES.iter().all(|w| is_in(DEMONYMS, w)));
    }

    #[test]
    fn place_tables() {
        assert!(is_in(PLACE_PREPOSITIONS, "near") && !is_in(PLACE_PREPOSITIONS, "by"));
        assert!(is_in(PLACE_OF_NOUNS, "outskirts") && is_in(REGION_WORDS, "oblast"));
        assert!(is_in(PLACE_DESCRIPTIONS, "town") && is_in(PLACE_DESCRIPTIONS, "province"));
        assert!(all_lower(SETTLEMENT_NOUNS) && all_lower(REGION_NOUNS));
        assert!(is_in(SETTLEMENT_NOUNS, "villages") && !is_in(SETTLEMENT_NOUNS, "region"));
        assert!(is_in(REGION_NOUNS, "province") && !is_in(REGION_NOUNS, "area"));
        assert!(all_lower(CITY_MARKERS) && !is_in(CITY_MARKERS, "region"));
        assert!(all_lower(PLACE_PREDICATES) && is_in(PLACE_PREDICATES, "located"));
        assert!(all_lower(PLACE_HAS_NOUNS) && !is_in(PLACE_HAS_NOUNS, "envoy"));
        assert!(all_lower(CITY_FACILITY_NOUNS) && is_in(CITY_FACILITY_NOUNS, "airport"));
        assert!(all_lower(FACILITY_NOUNS) && is_in(FACILITY_NOUNS, "prison"));
        assert!(!is_in(FACILITY_NOUNS, "camp") && !is_in(FACILITY_NOUNS, "plant"));
        assert!(!is_in(CITY_FACILITY_NOUNS, "station") && is_in(FACILITY_ADJECTIVES, "main"));
        assert!(!is_in(PLACE_PREDICATES, "said"));
        assert!(all_lower(FORCE_NOUNS) && is_in(FORCE_NOUNS, "troops"));
        assert!(all_lower(PLACE_OWNED_NOUNS) && is_in(PLACE_OWNED_NOUNS, "reconquest"));
        assert!(!is_in(PLACE_OWNED_NOUNS, "control") && !is_in(PLACE_OWNED_NOUNS, "forces"));
        assert!(is_in(PLACE_OF_NOUNS, "hall") && is_in(PLACE_OF_NOUNS, "cities"));
        assert!(
            is_in(COUNTRIES, "Kenya")
                && is_in(COUNTRIES, "new zealand")
                && !is_in(COUNTRIES, "Lyon")
        );
        assert!(is_in(MONTHS, "March") && is_in(WEEKDAYS, "friday"));
        assert!(has_demonym_suffix("estonian") && has_demonym_suffix("congolese"));
        assert!(is_in(DEMONYMS, "Kurds"));
        assert!(all_lower(PARTY_AFFILIATIONS) && is_in(PARTY_AFFILIATIONS, "Tory"));
        assert!(!is_in(PARTY_AFFILIATIONS, "democratic"));
        assert!(!has_demonym_suffix("lisbon") && !has_demonym_suffix("iran"));
        assert!(is_in(NOT_NAMES, "According"));
    }

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
            "percent", "usd", "eur", "gbp", "rub", "uah", "cny", "jpy", "magnitude",
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
        assert!(all_lower(AREA_NOUNS) && all_lower(NEGATIONS) && is_in(NEGATIONS, "never"));
    }

    #[test]
    fn singular_forms() {
        assert_eq!(singular("localities"), "locality");
        assert_eq!(singular("Villages"), "village");
        assert_eq!(singular("children"), "child");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("cease-fires"), "cease-fire");
        assert_eq!(singular("bus"), "bus");
    }

    #[test]
    fn boilerplate_and_abbreviations() {
        assert!(BOILERPLATE_PREFIXES.contains(&"also read"));
        // compared in place against lower-cased text
        assert!(BOILERPLATE_PREFIXES.iter().all(|p| p.to_lowercase() == *p));
        assert!(BOILERPLATE_CONTAINS.iter().all(|p| p.to_lowercase() == *p));
        assert!(is_in(ABBREVIATIONS, "Gen") && is_in(ABBREVIATIONS, "mr"));
        assert!(is_in(SENTENCE_STARTERS, "The") && is_in(CUE_ADVERBS, "finally"));
        assert!(is_in(COMMON_VERBS, "were") && is_in(FUNCTION_WORDS, "including"));
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
}
