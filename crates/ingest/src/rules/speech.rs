//! Who says what: cue verbs, speakers, outlets and the words around an attribution.

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

/// Prepositions that tie a role to what it is a role in ("mayor of Velmora", "a nurse at
/// the clinic", "spokesman for the board").
pub const ROLE_COMPLEMENT_PREPOSITIONS: &[&str] = &["of", "for", "at", "in", "with"];

/// Words that make an office another one: "the former president" is not the president in
/// office, "the deputy mayor" not the mayor (an acting or outgoing one is).
pub const OFFICE_QUALIFIERS: &[&str] =
    &["former", "ex", "late", "previous", "deputy", "vice", "assistant"];

/// Acts of speech whose object is what was said ("blamed the delay on the weather",
/// "asked for patience", "accused the board of hiding losses", "denied the report"): cue
/// verbs whose content may be a noun phrase of a word or two.
pub const ACT_CUES: &[&str] = &[
    "blamed", "blames", "criticized", "criticised", "criticizes", "criticises", "faulted",
    "faults", "accused", "accuses", "condemned", "condemns", "demanded", "demands", "asked",
    "asks", "denied", "denies",
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
    ("dismissed", &["as"]), ("dismisses", &["as"]), ("hailed", &["as"]), ("hails", &["as"]),
    ("denounced", &["as"]), ("denounces", &["as"]), ("condemned", &["as"]),
    ("condemns", &["as"]),
];

/// A verb and the words after it that report as one cue verb does. The flag says whether
/// the words after the verb open the content ("took responsibility for the outage" reports
/// "responsibility for the outage") or belong to the cue ("made clear that …").
pub const PHRASE_CUES: &[(&str, &[&str], bool)] = &[
    ("asked", &["for"], false),
    ("asks", &["for"], false),
    ("pointed", &["out"], false),
    ("points", &["out"], false),
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
    "emphasizing", "declaring", "suggesting", "urging", "indicating", "telling", "ruling",
];

/// Participles that attribute only a quotation a few words after them ("…, calling the
/// ruling “a disgrace”"): "…, calling for calm" and "…, calling her driver" report nothing.
pub const QUOTING_PARTICIPLES: &[&str] = &[
    "calling", "describing", "dubbing", "branding", "labelling", "labeling", "hailing",
    "terming",
];

/// Participle cues that report speech only after a cue verb ("said …, adding that"): alone
/// after a clause they name an act ("worked all night, adding sandbags").
pub const PARTICIPLES_NEEDING_A_CUE: &[&str] = &["adding", "indicating", "suggesting", "urging"];

/// Documents that, as the whole of a short subject ("the statement added", "a communiqué
/// said"), speak for the speaker just before them: the one who issued them.
pub const PRESS_DOCUMENTS: &[&str] = &["statement", "communiqué", "release"];

/// A report ("a report by the Evening Post"): an outlet in the same phrase speaks through
/// it, and is its channel too.
pub const REPORT_NOUNS: &[&str] = &["report", "reports"];

/// Cues by which an outlet publishes a claim as its own report ("…, the Evening Post
/// reported", "reports Radio Vell"): the outlet is then the one the article cites for it
/// (its `via`), as well as its speaker. An outlet that "said" something, or "according to"
/// one, names the speaker only.
pub const OUTLET_REPORT_CUES: &[&str] = &["reported", "reports", "report", "reporting"];

/// Words by which an outlet names the source of what it reports ("…, the Evening Post
/// reported, citing two officials"): the source speaks, the outlet is its channel.
pub const CITING_WORDS: &[&str] = &["citing", "quoting"];

/// Prepositions after a document noun that name its author ("a statement from the
/// ministry", "a study by the institute", "the figures of the agency").
pub const AUTHOR_PREPOSITIONS: &[&str] = &["from", "by", "of"];

/// Prepositions that tie a role to the one it serves ("the chief of staff of the mayor",
/// "an adviser to the minister", "a spokesman for the council"): a person named after them
/// is someone else than the speaker.
pub const ROLE_PREPOSITIONS: &[&str] = &["of", "for", "to"];

/// Roles that speak for a body ("a spokeswoman for the Harbour Board said"): the body
/// named after them is the speaker.
pub const SPOKESPERSON_ROLES: &[&str] =
    &["spokesperson", "spokesman", "spokeswoman", "representative"];

/// Documents that speak for their author ("a statement from the ministry", "the
/// agency's latest tally"). "post" is a social-media post.
pub const DOCUMENT_NOUNS: &[&str] = &[
    "statement", "report", "reports", "letter", "release", "communiqué", "post", "tally",
    "figures", "data", "survey", "estimate", "estimates", "count", "findings", "analysis",
    "website", "bulletin", "assessment", "study",
];

/// What a speaker said things in, named after "in" at the end of what was said ("…, in
/// comments broadcast by X", "…, in an interview with X"): the words before are all that
/// was said.
pub const REMARKS_NOUNS: &[&str] = &[
    "comments", "remarks", "interview", "statement", "speech", "post", "video", "address",
    "briefing", "letter", "message", "broadcast",
];

/// Words that set a described body apart from another of its kind ("the higher court",
/// "the rival union"): a later bare "the court" is not the one they describe.
pub const CONTRASTING_MODIFIERS: &[&str] =
    &["higher", "lower", "other", "rival", "opposing", "second"];

/// Nouns of what speaks for its owner after a possessive ("her office said", "his
/// campaign said"): the owner is the speaker.
pub const OWNER_OFFICE_NOUNS: &[&str] = &["office", "campaign"];

/// Prepositions that open where or when something was said, right after the cue ("X said
/// outside the courthouse", "told reporters after the hearing", "said in Geneva"): a
/// short phrase after them, with no verb, is not what was said.
pub const WHERE_SAID_PREPOSITIONS: &[&str] = &[
    "from", "at", "in", "to", "outside", "inside", "near", "after", "before", "during",
];

/// Labels that open an interviewer's question in a printed interview ("Q: Why now?").
pub const QUESTION_LABELS: &[&str] = &["Q", "Question"];

/// Words of an introduction that says bare questions and answers after it are an
/// interview ("We talked to her", "in an interview"), lower case.
pub const INTERVIEW_CUES: &[&str] = &[
    "interview", "interviewed", "spoke", "spoken", "talked", "asked", "conversation",
    "q&a",
];

/// Labels that open the interviewee's answer ("A: Because the money ran out.").
pub const ANSWER_LABELS: &[&str] = &["A", "Answer"];

/// Openings of a sentence that name the source of the quotation before it without a cue
/// verb ("“We will rebuild.” The words came from the mayor, Ana Ruiz."), lower case.
pub const QUOTE_SOURCE_OPENINGS: &[&[&str]] = &[
    &["the", "words", "came", "from"],
    &["the", "remarks", "came", "from"],
    &["the", "comments", "came", "from"],
    &["the", "warning", "came", "from"],
    &["those", "were", "the", "words", "of"],
    &["that", "was"],
    &["that", "is", "how"],
    &["that's", "how"],
    &["this", "is", "how"],
    &["so", "said"],
    &["so", "says"],
];

/// Past participles not in "-ed" that open an aside describing a source ("…, according
/// to the agency, known as AFAD", "…, according to the trust, run by volunteers").
pub const IRREGULAR_PARTICIPLES: &[&str] = &["known", "run", "built", "held", "born", "set"];

/// "asked not to be named / identified / quoted": a source's request for anonymity after
/// a cue, which reports nothing.
pub const ANONYMITY_PARTICIPLES: &[&str] = &["named", "identified", "quoted"];

/// Words after which a cue form in -s is a noun ("such claims", "the reports", "their
/// warnings"): a determiner or an adjective that only nouns take.
pub const NOUN_MARKERS: &[&str] = &[
    "a", "an", "the", "such", "these", "those", "his", "her", "its", "their", "our", "any",
    "no", "new", "recent", "earlier", "false", "unconfirmed", "media",
];

/// Cue verbs whose plain form is also a noun ("its profit forecast", "a claim"): after a
/// determiner, or after a possessive and one more word, they are the noun.
pub const NOUN_FORM_CUES: &[&str] = &[
    "forecast", "estimate", "claim", "report", "comment", "pledge", "vow", "promise",
];

/// Words that rank or date a thing, between a determiner and a cue's noun form ("the
/// second claim", "a fresh estimate", "the final report"): the form is then the noun.
pub const RANKING_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "final", "last", "latest", "initial",
    "original", "fresh", "main", "preliminary",
];

/// Possessive determiners: "its profit forecast" is a thing the company has, never a verb.
pub const POSSESSIVE_DETERMINERS: &[&str] = &["its", "his", "her", "their", "our", "my", "your"];

/// Plain speech verbs. A clause built on another cue ("X warned Y against Z", "X told Y to
/// leave") and followed by a trailing attribution ("…, officials said") is the trailing
/// speaker's report as a whole; a clause on a plain speech verb ("X said Z, Y told
/// Reuters") keeps its own speaker.
pub const PLAIN_SPEECH_CUES: &[&str] = &["said", "says", "say", "stated", "added"];

/// Words right after a quotation that carry the clause on ("accused “criminal groups” of
/// trying to …", "called “the plan” that …"), so the quotation is inside what was said.
pub const CLAUSE_GOES_ON: &[&str] = &["of", "that", "who", "which", "for", "to", "from"];

/// Forms of "add", which also puts things somewhere: "added 27 firms to a blacklist",
/// "adds to the pressure" report nothing ("added that …", "he added" do).
pub const ADDING_CUES: &[&str] = &["added", "adds", "add", "adding"];

/// Verbs that attribute only a quotation that follows them ("described the town as “…”").
pub const QUOTE_ONLY_CUES: &[&str] = &[
    "described", "describes", "called", "dubbed", "termed", "dismissed", "dismisses", "hailed",
    "hails", "denounced", "denounces", "condemned", "condemns",
];

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
    "council", "committee", "court", "judges", "counterpart", "counterparts",
    // outlets left unnamed ("state television said", "local radio reported")
    "television", "radio", "broadcaster", "broadcasters", "newspaper", "newspapers", "outlets",
];

/// First words of a line ending in a colon that is a heading or a note, not a transcript's
/// speaker ("The Evening Desk:", "Update: …", "Q: …").
pub const NOT_SPEAKER_LABELS: &[&str] = &[
    "the", "a", "an", "this", "now", "update", "updated", "correction", "note", "editor",
    "editors", "source", "sources", "transcript", "q", "question", "answer", "photo", "video",
    "watch", "read", "related", "see", "also", "listen", "caption", "credit", "warning",
    "breaking", "live", "part", "chapter", "section", "summary", "background", "analysis",
    "narrator", "announcer", "voice", "crowd", "chorus",
];

/// Words of a transcript label for a speaker the broadcaster could not name
/// ("UNIDENTIFIED MAN:", "UNIDENTIFIED PROTESTER #1:"): an unnamed source, no person's name.
pub const UNNAMED_LABEL_WORDS: &[&str] = &["unidentified", "unknown", "anonymous"];

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

/// Subject pronouns resolved to an earlier named entity.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// Object forms of the personal pronouns ("according to him", "told them"): alone they
/// are a speaker, resolved like [`PRONOUNS`].
pub const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them"];

/// Pronouns that can be who was told ("told me the pumps …", "told them that …"): the
/// listener, never the first word of what was told.
pub const LISTENER_PRONOUNS: &[&str] = &["me", "us", "you", "him", "her", "them"];

/// Pronouns of one person, subject and object forms ("he said", "according to her"):
/// they stand for a person the text named, of the sex the pronoun says.
pub const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Of [`PERSON_PRONOUNS`], the male ones; the others are female.
pub const MALE_PRONOUNS: &[&str] = &["he", "him"];

/// Plural pronouns ("they say", "according to them"): they stand for people or a body,
/// never for the document that spoke last.
pub const PLURAL_PRONOUNS: &[&str] = &["they", "them"];

/// Possessive determiners of a third person and the pronoun of their owner: "according to
/// their report" is according to them.
pub const POSSESSIVE_PRONOUNS: &[(&str, &str)] =
    &[("its", "it"), ("their", "they"), ("his", "he"), ("her", "she")];

/// Head words of an unnamed source that is one person of a group ("One added …",
/// "Another said …"): "he" or "she" may stand for that person next.
pub const ONE_OF_GROUP_WORDS: &[&str] = &["another", "one"];

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
    "Al-Ahram", "Gazeta Wyborcza", "Rzeczpospolita", "Wikinews",
    // agencies, broadcasters and papers other regions' news cites
    "UPI", "AAP", "Jiji", "PAP", "CTK", "APA", "Belga", "Interfax-Ukraine", "Kyiv Independent",
    "Suspilne", "Hromadske", "RBC-Ukraine", "RBC", "Vedomosti", "Lenta.ru", "Gazeta.ru",
    "Rossiyskaya Gazeta", "Channel One", "Rossiya 24", "Zvezda", "NOS", "ARD", "ZDF", "RAI",
    "RTE", "SVT", "NRK", "YLE", "Le Point", "Süddeutsche Zeitung", "Die Welt", "Handelsblatt",
    "NZZ", "El Confidencial", "Kathimerini", "Hurriyet", "Daily Sabah", "TRT", "CGTN",
    "Global Times", "China Daily", "People's Daily", "Straits Times", "Jakarta Post", "NDTV",
    "Hindustan Times", "Indian Express", "Arab News", "The National", "Daily Nation",
    "Premium Times", "News24", "Mail & Guardian", "CTV", "Folha", "O Globo", "Clarín",
    "La Nación", "El Universal", "Reforma", "Al-Monitor", "Middle East Eye", "Radio Svoboda",
    // sports broadcasters and papers that match reports cite
    "Sky Sports", "BBC Sport", "ESPN", "Fox Sports", "beIN Sports", "TNT Sports", "talkSPORT",
    "The Athletic", "Marca", "L'Equipe", "L'Équipe", "Gazzetta dello Sport",
    "Sport Bild", "Mundo Deportivo",
];

/// Verbs after an outlet that cite someone through it ("Ekko quoted Ana Ruiz as saying",
/// "Ekko cited officials as saying").
pub const QUOTING_VERBS: &[&str] = &["quoted", "quotes", "cited", "cites"];

/// Prepositions before an outlet named with its kind ("speaking on Ekko radio", "an
/// interview with Ekko television").
pub const BROADCAST_PREPOSITIONS: &[&str] = &["on", "to", "with"];

/// Capitalised words that make a capitalised run an outlet ("… Times", "… Journal").
pub const OUTLET_HEADS: &[&str] = &[
    "times", "post", "journal", "news", "herald", "tribune", "gazette", "telegraph", "guardian",
    "independent", "chronicle", "observer", "express", "mirror", "radio", "television", "tv",
    "broadcasting", "monde", "zeitung", "insider", "daily", "magazine", "weekly", "pravda",
    "dispatch", "courier", "bulletin", "wire",
];

/// Verbs after which "in" names a publication ("wrote in Ny Tid", "writing in the Oster
/// Courier").
pub const WRITING_VERBS: &[&str] = &["wrote", "writes", "writing"];

/// Verbs that put research in a journal ("a study published in X", "the findings appear
/// in X"), which name a publication after "in" when research was their subject.
pub const PRINTING_VERBS: &[&str] = &["published", "appear", "appears", "appeared"];

/// Words of a time between a verb of publishing and "in" ("published on Monday in X",
/// "published online this week in X"), beside the days of the week.
pub const PRINT_TIME_WORDS: &[&str] =
    &["on", "online", "this", "last", "week", "month", "today", "yesterday", "earlier"];

/// Nouns of research that a journal publishes ("a paper published in Nature"), beside
/// [`DOCUMENT_NOUNS`].
pub const RESEARCH_NOUNS: &[&str] =
    &["paper", "papers", "research", "results", "studies", "article", "essay", "trial"];

/// Whether a lower-case word names a document or a piece of research ("report", "study",
/// "papers"), which reports what it found.
pub fn is_document_or_research(lower: &str) -> bool {
    DOCUMENT_NOUNS.contains(&lower) || RESEARCH_NOUNS.contains(&lower)
}

/// Lower-case nouns that introduce an outlet by name: "the daily El Comercio".
pub const OUTLET_KINDS: &[&str] = &[
    "daily", "newspaper", "paper", "weekly", "magazine", "tabloid", "broadcaster", "channel",
    "website", "outlet", "journal", "station", "network", "podcast", "radio", "television",
];

/// Capitalised words after an outlet's name that name one of its services ("BBC Radio
/// Wales", "Sky News Australia", "CNN International"): the service goes on the outlet.
pub const OUTLET_SERVICE_WORDS: &[&str] = &[
    "radio", "television", "tv", "news", "world", "channel", "international", "online",
    "live", "breakfast",
];

/// Nouns after a service's possessive that close a programme's name ("BBC Radio 4's
/// Today programme").
pub const PROGRAMME_NOUNS: &[&str] = &["programme", "program", "show", "podcast", "bulletin"];

/// "Police put the crowd at 5,000": forms of "put" that give an estimate when a figure
/// follows "at" (see `attribution::cues::puts_a_figure`).
pub const ESTIMATE_PUT_VERBS: &[&str] = &["put", "puts", "putting"];

/// What opens the thing estimated after "put": "put the toll at", "put its losses at".
pub const ESTIMATE_DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our"];

/// "X posted a video showing Y": verbs that publish pictures and the pictures they publish,
/// whose content after "showing" is reported as the poster's claim.
pub const SHARE_VERBS: &[&str] = &["shared", "posted", "published", "released", "circulated"];
pub const MEDIA_NOUNS: &[&str] = &[
    "photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images",
    "video", "videos", "footage", "clip", "clips", "map", "maps",
];

/// "X sent a letter to staff saying …": verbs that send or issue a document whose words a
/// participle cue then reports as the sender's.
pub const SENDING_VERBS: &[&str] = &[
    "sent", "sends", "issued", "issues", "released", "releases", "wrote", "writes",
    "published", "publishes", "posted", "posts", "signed", "signs",
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

/// Auxiliaries fused with "not", written as one word ("cannot", "won't").
pub const NEGATED_AUXILIARIES: &[&str] = &[
    "cannot", "can't", "won't", "wouldn't", "couldn't", "shouldn't", "isn't", "aren't",
    "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "didn't", "don't", "mustn't",
];

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

/// Prepositions of how or from where something was said ("by phone", "from Oster", "over
/// a video link"), beside [`CUE_PREPOSITIONS`].
pub const HOW_SAID_PREPOSITIONS: &[&str] = &["by", "from", "via", "over"];

/// Objects of a speech verb that are not what was said ("said so", "says little at
/// meetings", "said goodbye to her colleagues") when nothing but a preposition or the end of
/// the clause follows them; before a verb they open a clause ("said nothing would change").
pub const PLAIN_OBJECTS: &[&str] = &[
    "this", "so", "it", "nothing", "little", "goodbye", "hello", "farewell", "thanks", "grace",
];

/// Words after a [`PLAIN_OBJECTS`] word that close the object rather than continue a
/// clause.
pub const AFTER_PLAIN_OBJECT: &[&str] = &[
    "when", "as", "while", "after", "before", "because", "during", "in", "at", "on", "to",
    "again", "about", "for", "with", "of",
];

/// Verbs after which "<someone> to <verb>" is an instruction ("told her staff to go home"),
/// not a report of what is so.
pub const INSTRUCTING_CUES: &[&str] = &["told", "tells", "tell", "telling"];

/// The finite forms of "tell" ("Hale told the inquiry …", "Ruiz tells the crews …"): the
/// words right after them name whom the speaker addressed, so a short phrase there is to
/// whom something was said, and a "to" there opens no infinitive that voids the cue.
pub const TOLD_CUES: &[&str] = &["told", "tells", "telling"];

/// Forms of "agree": with a preposition after them ("agreed to a truce", "agreed on a
/// plan", "agree with the board") they report consent to a thing, not what was said;
/// only a "that" a few words on ("agreed with the board that …") opens a report.
pub const CONSENT_CUES: &[&str] = &["agree", "agrees", "agreed"];

/// The prepositions after a [`CONSENT_CUES`] verb that name what was agreed to.
pub const CONSENT_PREPOSITIONS: &[&str] = &["to", "on", "upon", "with"];

/// Cue verbs whose first object is the listener, before what was said ("Ana Ruiz told the
/// harbour radio the locks had failed", "Hale informed shippers that the pier was shut"):
/// the listener is skipped to find where the content starts.
pub const LISTENER_CUES: &[&str] = &["told", "tells", "tell", "informed", "telling"];

/// Verbs with which a study, a count or a test reports a finding ("the survey found that
/// most ferries ran late", "the tide gauges show that …"): cues only before "that".
pub const FINDING_CUES: &[&str] = &["found", "finds", "showed", "shows", "show"];

/// Verbs with which a court, a panel or a theory rules ("the court ruled that the law was
/// void", "the tribunal held that …", "a theory holds that …"): cues only before "that".
pub const RULING_CUES: &[&str] = &[
    "ruled", "rules", "held", "holds", "decided", "decides", "determined", "determines",
];

/// Particles that make "called" an act of speech ("Hale called on the board to reopen the
/// pier", "the union called for calm"), where "a ferry called Vesna" only names.
pub const CALLED_PARTICLES: &[&str] = &["on", "for"];

/// Verbs that make or issue a statement noun ([`STATEMENT_NOUNS`]) whose content follows a
/// colon ("the board made two announcements: …", "Ruiz issues a declaration: …").
pub const MAKING_VERBS: &[&str] = &["made", "makes", "issued", "issues"];

/// Words that, like a comma, tie a speech participle to the attribution before it ("Ruiz
/// said the pier was safe while stressing that the repairs go on", "… and adding that …").
pub const PARTICIPLE_LINKS: &[&str] = &["while", "and"];

/// Documents whose words "read" something ("the letter to shippers read: …", "a message on
/// the board's site read …"): with none before it, "read" is someone reading, no cue.
/// Unlike [`DOCUMENT_NOUNS`] it holds "message", and no reports, tallies or figures.
pub const READING_DOCUMENTS: &[&str] = &["statement", "message", "letter", "post", "communiqué"];

/// Prepositions after a cue that name what was talked about ("reported on the flood",
/// "spoke about the dam"), not what was said.
pub const TOPIC_PREPOSITIONS: &[&str] = &["on", "about", "upon"];

/// Conjunctions of time that a clause of its own follows ("…, a day after Washington
/// urged …"): with the time before them, no end of what was said.
pub const TIME_CONJUNCTIONS: &[&str] = &["after", "before", "since", "until"];

/// Words of the time before such a conjunction ("a day", "two weeks", "hours", "shortly").
pub const TIME_LEAD_WORDS: &[&str] = &[
    "a", "an", "few", "day", "days", "hour", "hours", "minute", "minutes", "week", "weeks",
    "month", "months", "year", "years", "moments", "shortly", "just", "soon", "only",
];

/// Joining words that reported content never ends with ("Hale said the pier would shut,
/// and the crews …", "… stuck in the harbour, where"): a span reaching one is cut before it.
pub const CONTENT_END_JOINS: &[&str] =
    &["and", "but", "while", "as", "where", "though", "although", "whereas", "because"];

/// Joining words that the content around an aside never ends with ("The ferry, Hale said,
/// will sail on Monday, when other skippers say the bay ices over"): those of
/// [`CONTENT_END_JOINS`] and "when", kept apart because right-hand content keeps a final
/// "when".
pub const ASIDE_END_JOINS: &[&str] = &[
    "and", "but", "while", "as", "where", "when", "though", "although", "whereas", "because",
];

/// Words before a time noun or a weekday that make the two a time ("said this week", "will
/// vote next Tuesday", "resigned last month"): an adverbial after a cue, no content.
pub const TIME_DEICTICS: &[&str] = &["this", "last", "next"];

/// Prepositions that open a time phrase fronted before a subject without a comma ("On
/// Monday officials said", "In March the harbour master said").
pub const FRONTED_TIME_PREPOSITIONS: &[&str] = &["on", "in", "during", "since", "by", "until"];

/// Words of a phrase that only says when ("shortly after 11 p.m. on Tuesday", "late on
/// Monday night"): after a cue, such a phrase is no content ("X conceded shortly after
/// 11 p.m."), beside numbers, weekdays, months, [`TIME_NOUNS`] and clock words.
pub const WHEN_WORDS: &[&str] = &[
    "shortly", "soon", "just", "late", "early", "later", "earlier", "again", "afterwards",
    "immediately", "overnight", "today", "yesterday", "tonight", "after", "before", "on", "at",
    "by", "in", "around", "until", "the", "that", "this", "last", "next", "a", "p", "m",
];

/// Words before a time noun or a weekday that close a listener's phrase with when the
/// listener was told ("Ruiz told the inquiry on Friday", "told the crews last week").
/// Unlike [`TIME_DEICTICS`] it holds "on" and not "next": a listener was told already.
pub const LISTENER_TIME_OPENERS: &[&str] = &["on", "this", "last"];

/// Nouns that, bare after "according to", say how something goes rather than who says
/// so ("according to plan", "according to tradition"); with a determiner they may name a
/// document again ("according to the plan").
pub const MANNER_NOUNS: &[&str] = &[
    "plan", "schedule", "tradition", "custom", "legend", "protocol", "procedure", "form",
    "script", "instructions",
];

/// Words of a listener after "told" ("told state television", "told reporters"), besides
/// capitalised names: the listener is not what was said.
pub const LISTENER_WORDS: &[&str] = &[
    "state", "local", "national", "reporters", "journalists", "television", "radio",
    "media", "news", "agency", "parliament", "lawmakers",
];

/// Most open-class words of a listener after "told" with no listener word in it ("told
/// waiting shareholders the vote …").
pub const COMMON_LISTENER_WORDS_MAX: usize = 2;

/// Prepositions that open an adverbial phrase right after a cue ("said in a statement",
/// "said on Friday", "said via a spokesman"): skipped to find where the content starts.
pub const CUE_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "late", "earlier", "to", "via", "with", "after", "before",
    "through", "over", "while",
];

/// Words that end a clause's subject search ("the mayor, who …", "… and the council said"):
/// relative pronouns and conjunctions.
pub const CLAUSE_BOUNDARY_WORDS: &[&str] = &[
    "that", "who", "which", "where", "while", "and", "but", "as", "when", "after",
    "because", "since", "whom", "like", "if", "although", "though",
];

/// Pieces a speaker gives or writes for an outlet ("in an interview with CNN", "in an op-ed
/// for The Times"): the outlet after "with"/"for" is where it was said.
pub const INTERVIEW_NOUNS: &[&str] = &[
    "interview", "conversation", "podcast", "op-ed", "column", "article", "piece", "essay",
];

/// Prepositions between an interview noun ([`INTERVIEW_NOUNS`]) and the outlet it was given
/// to ("in an interview with the Evening Post", "in an op-ed for the Daily Courier").
pub const INTERVIEW_PREPOSITIONS: &[&str] = &["with", "for"];

/// Words before an outlet that make it the listener ("told the Daily Courier", "said to
/// Radio Brea"): the speaker talked to it.
pub const SPOKE_TO_WORDS: &[&str] = &["told", "tells", "to"];

/// Words before an outlet that make it the channel of the words ("quoted by Radio Brea",
/// "in the Evening Post", "on Channel 9", "…, reports the Daily Courier").
pub const CARRIED_BY_WORDS: &[&str] = &["by", "in", "on", "reports"];

/// Openings with which a speaker introduces themselves before a name ("I'm Ana Ruiz, in
/// Varn"): the line says who speaks, not what is so.
pub const SELF_INTRODUCTIONS: &[&[&str]] = &[
    &["i'm"], &["i", "am"], &["i’m"], &["this", "is"], &["my", "name", "is"],
];

#[cfg(test)]
mod tests;
