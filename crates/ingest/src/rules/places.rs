//! Places: prepositions, region, settlement and facility nouns, countries, compass words.

/// Compass words that, capitalised before a place, name a region ("North America").
pub const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower",
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
    "nation", "country", "kingdom", "republic", "islands", "archipelago", "coast", "coastline",
    "shore", "shores", "peninsula",
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
    "coast", "delta", "oblast", "region", "province", "district", "county", "glacier",
    "volcano", "reef", "lagoon", "fjord", "canyon", "strip", "heights", "hills", "highlands",
    "plateau", "archipelago", "gorge",
];

/// Feature words that open a feature's name ("Lake Tana", "Mount Elgon", "Cape Verde",
/// "Gulf of Aden"): a name so opened is a place, never a body speaking ("Fishermen on
/// Lake Tana said"), unless a body's head word ends it ("Lake Tana Protection
/// Association", read as a body first).
pub const FEATURE_LEADS: &[&str] = &["lake", "mount", "mt", "cape", "gulf", "isle"];

/// Whether `name` is a country's name or abbreviation in the embedded gazetteer's data
/// (GeoNames and mledoze/countries), so a description like "the city" never resolves to a
/// country and "Peru's army" is a national body.
pub fn is_country(name: &str) -> bool {
    is_country_in(claimgraph_gazetteer::embedded(), name)
}

/// Whether `gaz` names a country `name` ("North Korea" is read as it always was); never
/// without a gazetteer.
pub fn is_country_in(gaz: Option<&claimgraph_gazetteer::Gazetteer>, name: &str) -> bool {
    gaz.is_some_and(|g| g.country_named(&claimgraph_gazetteer::fold(name)).is_some())
}

/// Whether the embedded gazetteer knows `name` as a place ("Oslo", "Tromsø"), whatever
/// the text makes of it.
pub fn is_gazetteer_place(name: &str) -> bool {
    claimgraph_gazetteer::embedded()
        .is_some_and(|g| !g.lookup(&claimgraph_gazetteer::fold(name)).is_empty())
}

/// Whether the embedded gazetteer names a first-level region `name` in its own right
/// ("British Columbia", "Western Australia"), not after its seat.
pub fn is_named_region(name: &str) -> bool {
    claimgraph_gazetteer::embedded().is_some_and(|g| {
        g.regions_named(&claimgraph_gazetteer::fold(name))
            .iter()
            .any(|&r| g.region(r).listed && claimgraph_gazetteer::fold(&g.region(r).name) == claimgraph_gazetteer::fold(name))
    })
}

/// The Associated Press's abbreviations of US state names, written after a city ("Fresno,
/// Calif."), as its stylebook lists them (the eight states it never abbreviates are not
/// here). Matched as written, capitalised and without the final period: "ill" or "ore"
/// in lower case are words.
pub const AP_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"), ("Ariz", "Arizona"), ("Ark", "Arkansas"), ("Calif", "California"),
    ("Colo", "Colorado"), ("Conn", "Connecticut"), ("Del", "Delaware"), ("Fla", "Florida"),
    ("Ga", "Georgia"), ("Ill", "Illinois"), ("Ind", "Indiana"), ("Kan", "Kansas"),
    ("Ky", "Kentucky"), ("La", "Louisiana"), ("Md", "Maryland"), ("Mass", "Massachusetts"),
    ("Mich", "Michigan"), ("Minn", "Minnesota"), ("Miss", "Mississippi"), ("Mo", "Missouri"),
    ("Mont", "Montana"), ("Neb", "Nebraska"), ("Nev", "Nevada"), ("N.H", "New Hampshire"),
    ("N.J", "New Jersey"), ("N.M", "New Mexico"), ("N.Y", "New York"),
    ("N.C", "North Carolina"), ("N.D", "North Dakota"), ("Okla", "Oklahoma"),
    ("Ore", "Oregon"), ("Pa", "Pennsylvania"), ("R.I", "Rhode Island"),
    ("S.C", "South Carolina"), ("S.D", "South Dakota"), ("Tenn", "Tennessee"),
    ("Vt", "Vermont"), ("Va", "Virginia"), ("Wash", "Washington"), ("W.Va", "West Virginia"),
    ("Wis", "Wisconsin"), ("Wyo", "Wyoming"),
];

/// The state an AP abbreviation (as written, without its final period) stands for.
pub fn ap_state(written: &str) -> Option<&'static str> {
    AP_STATE_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == written)
        .map(|(_, state)| *state)
}

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

/// Description nouns for an area with no bounds of its own ("the area" after "the area
/// around Varn"): neither a settlement nor a region.
pub const AREA_DESCRIPTION_NOUNS: &[&str] = &["area", "areas"];

/// Region nouns of "the … of X" that the name keeps after it ("the province of Varn" is
/// "Varn province").
pub const REGION_OF_NOUNS: &[&str] = &["region", "province", "oblast", "governorate"];

/// Determiners that make a description noun stand for a place named before ("the town",
/// "this region", "that village").
pub const DESCRIPTION_DETERMINERS: &[&str] = &["the", "this", "that"];

/// Nouns after "city" that name a part of the city the text is about ("the city centre",
/// "within city limits").
pub const CITY_PART_NOUNS: &[&str] = &["centre", "center", "limits"];

/// Determiners before "capital" that leave whose capital it is to the text ("the
/// capital", "its capital"); "a capital" is any capital.
pub const CAPITAL_DETERMINERS: &[&str] = &["the", "its"];

/// Nouns whose possessive before "capital" means the country the text is about ("the
/// country's capital", "the nation's capital").
pub const COUNTRY_NOUNS: &[&str] = &["country", "nation"];

/// Prepositions before a lone capitalised word that make it a location, never a body that
/// acts ("floods in Varn", "a fire near Holt"). "from" and "to" take bodies and things
/// too ("a letter from Velto"), and are left out.
pub const LOCATIVE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "across"];

/// Prepositions of place that take people as often ("talks between Ruiz and Lind", "a
/// letter from Ruiz", "the case against Ruiz"): after one, a lone name no gazetteer knows
/// is a place only where nothing reads it as a person. "in", "at", "into" take places.
pub const PERSON_OR_PLACE_PREPOSITIONS: &[&str] =
    &["between", "from", "to", "against", "over", "towards", "toward"];

/// Verbs whose object is a place, never a government that acts: a capital right after
/// one is the city ("ferries left Oslo", "drones struck Kyiv overnight"), as it is after
/// "in". Verbs that take actors ("accused", "urged", "warned") are left out.
pub const PLACE_OBJECT_VERBS: &[&str] = &[
    "reached", "reaches", "reach", "left", "leave", "leaves", "leaving", "entered", "enter",
    "visited", "visit", "visits", "visiting", "toured", "hit", "hits", "struck", "strikes",
    "shelled", "bombed", "flooded", "battered", "evacuated", "surrounded", "fled", "flee",
    "arrived", "crossed",
];

/// Prepositions that place an unnamed speaker ("residents in Brea say", "police from
/// Holt said"): the claim is about that place.
pub const SPEAKER_PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "from"];

/// Nouns of a country or a state that "of" and its name follow ("the island nation of X",
/// "the Andean country of X"), as "the town of X" follows a place description.
pub const NATION_NOUNS: &[&str] = &["nation", "country", "state", "kingdom", "republic"];

/// Nouns of a place that a capitalised word before them describes when "of" and the
/// place's own name follow ("the Pacific nation of Tonga", "the Kent town of Dover"):
/// settlements and states, not the region words that end a region's name ("the Lviv
/// region of Ukraine").
pub const DESCRIBED_PLACE_NOUNS: &[&str] = &[
    "nation", "country", "kingdom", "republic", "island", "city", "town", "village", "port",
];

/// Nouns a name is said to be, after "is a", "was the" and a few modifiers, that make it a
/// place ("X is a small port town", "X was the capital of …", "X is Spain's third city"),
/// when nothing but punctuation or a function word follows the noun ("a city councillor"
/// is a person).
pub const PREDICATED_PLACE_NOUNS: &[&str] = &[
    "city", "town", "village", "port", "capital", "country", "nation", "state", "province",
    "region", "county", "municipality", "suburb", "district", "island", "metropolis", "hamlet",
    "seaport", "kingdom", "republic",
];

/// Copulas before a predicated place noun ([`PREDICATED_PLACE_NOUNS`]).
pub const PLACE_COPULAS: &[&str] = &["is", "was", "remains", "remained", "became"];

/// Words after a sentence's "it" that say something about a place ("it fell to", "it is
/// located along"), so the "it" is the place the text is talking about.
pub const PLACE_PREDICATES: &[&str] = &[
    "fell", "lies", "sits", "borders", "located", "situated", "captured", "liberated", "retaken",
    "recaptured", "occupied", "seized", "shelled", "surrounded", "encircled",
];

/// Of [`PLACE_PREDICATES`], the verbs of where a thing lies ("it lies on the coast", "it
/// sits upriver"): they make "it" a place by themselves; the others need an auxiliary of
/// [`PLACE_PREDICATE_AUXILIARIES`] before them ("it was shelled").
pub const LOCATION_PREDICATES: &[&str] = &["lies", "sits", "borders", "located", "situated"];

/// Verbs of a venue: a place the gazetteer knows is their subject as the place ("X hosted
/// the talks", "X will host the summit").
pub const HOSTING_VERBS: &[&str] = &["hosted", "hosts", "host", "hosting"];

/// Auxiliaries between a name and a hosting verb or a location predicate ("X will host",
/// "X is located").
pub const PLACE_VERB_AUXILIARIES: &[&str] = &["will", "is", "was", "has", "had", "would"];

/// Auxiliaries between "it" and a place predicate ("it was recaptured", "it has been
/// retaken", "it is located").
pub const PLACE_PREDICATE_AUXILIARIES: &[&str] = &["is", "was", "has", "had", "been"];

/// Words after an existential "there" ("there is", "there have been", "there seems to
/// be", "there remain"): that "there" points at no place. After any other word ("crews
/// worked there", "prices there doubled", "There, she met …") it is the place just named.
pub const EXISTENTIAL_THERE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "isn't", "isn’t", "aren't",
    "aren’t", "wasn't", "wasn’t", "weren't", "weren’t", "will", "would", "could", "can", "may",
    "might", "must", "should", "shall", "won't", "won’t", "wouldn't", "wouldn’t", "couldn't",
    "couldn’t", "can't", "can’t", "cannot", "has", "have", "had", "hasn't", "hasn’t", "haven't",
    "haven’t", "hadn't", "hadn’t", "seem", "seems", "seemed", "appear", "appears", "appeared",
    "remain", "remains", "remained", "exist", "exists", "existed", "used", "ought", "need",
    "needs", "follow", "follows", "followed", "arose", "arises", "emerged", "emerges", "'re",
    "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve", "came", "comes", "come", "lies", "lay",
    "stands", "stood", "ain't",
];

/// Words before "there" that make it no particular place ("out there", "over there",
/// "here and there", "then and there", "hello there").
pub const VAGUE_THERE_BEFORE: &[&str] = &["out", "over", "up", "down", "in", "and", "hi", "hello", "so"];

/// Words after "is there", "were there" that ask or tell whether something exists ("is
/// there any water", "were there no guards"); "I was there when …" is the place.
pub const EXISTENCE_ASKED: &[&str] = &[
    "a", "an", "any", "no", "some", "enough", "much", "more", "many", "few", "little",
    "anything", "anyone", "anybody", "nothing", "nobody", "something", "someone", "still",
];

/// Forms of "be" before an existential "there" in a question or an inversion.
pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't"];

/// Prepositions after "fell" that name who took a place ("it fell to the rebels", "it fell
/// into enemy hands") when a word follows them; a number after them is a fall in value.
pub const CAPTOR_PREPOSITIONS: &[&str] = &["to", "into"];

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
    "shipyard", "mine", "crossing", "checkpoint", "terminal",
];

/// Capitalised last words of a landmark's name ("Ana Ruiz Square", "Charles Bridge", "the
/// Blue Mosque"): the name is a place, though given names open it. Only as a name's last
/// word, capitalised; lower case after a name they are the landmark's own noun.
pub const LANDMARK_NOUNS: &[&str] = &[
    "square", "plaza", "bridge", "cathedral", "mosque", "church", "temple", "basilica",
    "shrine", "palace", "castle", "tower", "station", "street", "avenue", "boulevard", "road",
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

/// Nouns of what lies in a country, after its possessive ("Peru's territory", "Chile's
/// northern coast"): the country is then where the claim is, not who owns something.
pub const COUNTRY_PART_NOUNS: &[&str] = &[
    "territory", "soil", "land", "border", "borders", "coast", "coastline", "north", "south",
    "east", "west", "northeast", "northwest", "southeast", "southwest", "capital", "cities",
    "towns", "villages", "regions", "provinces", "countryside", "interior", "islands",
];

/// Nouns for armed forces and governments: a capital next to one ("forces from X", "X
/// troops") stands for its government, not a location.
pub const FORCE_NOUNS: &[&str] = &[
    "forces", "troops", "army", "soldiers", "units", "military", "government", "officials",
    "authorities", "regime",
];

/// Modals after which a capital opening a clause acts ("X would respond", "X will not
/// accept"): its government, not a location.
pub const ACTING_MODALS: &[&str] = &[
    "will", "would", "could", "can", "must", "should", "shall", "won't", "wouldn't", "cannot",
];

/// Words that, capitalised before a number, name a road or a part of a facility ("Highway
/// 29", "Route 9", "Gate 4"), never a place of that name.
pub const NUMBERED_WAY_WORDS: &[&str] = &[
    "highway", "route", "interstate", "motorway", "freeway", "exit", "gate", "terminal",
    "platform", "pier", "berth", "runway", "hangar",
];

#[cfg(test)]
mod tests {
    use crate::rules::*;

    #[test]
    fn first_level_words_are_region_words() {
        assert!(ADMIN1_WORDS.iter().all(|w| is_in(REGION_WORDS, w)));
        assert!(!is_in(ADMIN1_WORDS, "area") && !is_in(ADMIN1_WORDS, "district"));
    }

    #[test]
    fn ap_state_abbreviations_are_read_as_written() {
        // (written, state): capitalised as AP writes them; a word in lower case, a state
        // AP never abbreviates and a postal code are none
        let table = [
            ("Calif", Some("California")),
            ("N.Y", Some("New York")),
            ("W.Va", Some("West Virginia")),
            ("ill", None),
            ("Ohio", None),
            ("CA", None),
        ];
        for (written, state) in table {
            assert_eq!(ap_state(written), state, "{written}");
        }
        assert_eq!(AP_STATE_ABBREVIATIONS.len(), 42, "50 states but the 8 never abbreviated");
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
        assert!(is_country("Kenya") && is_country("new zealand") && is_country("U.K."));
        assert!(!is_country("Lyon") && !is_country("Nairobi"));
        assert!(is_in(MONTHS, "March") && is_in(WEEKDAYS, "friday"));
        assert!(has_demonym_suffix("estonian") && has_demonym_suffix("congolese"));
        assert!(is_in(DEMONYMS, "Kurds"));
        assert!(all_lower(PARTY_AFFILIATIONS) && is_in(PARTY_AFFILIATIONS, "Tory"));
        assert!(!is_in(PARTY_AFFILIATIONS, "democratic"));
        assert!(!has_demonym_suffix("lisbon") && !has_demonym_suffix("iran"));
        assert!(is_in(NOT_NAMES, "According"));
    }

    #[test]
    fn description_words() {
        for table in [
            AREA_DESCRIPTION_NOUNS, REGION_OF_NOUNS, DESCRIPTION_DETERMINERS, CITY_PART_NOUNS,
            CAPITAL_DETERMINERS, COUNTRY_NOUNS,
        ] {
            assert!(all_lower(table));
        }
        assert!(is_in(AREA_DESCRIPTION_NOUNS, "areas") && !is_in(AREA_DESCRIPTION_NOUNS, "region"));
        assert!(REGION_OF_NOUNS.iter().all(|w| is_in(REGION_WORDS, w)));
        assert!(is_in(REGION_OF_NOUNS, "governorate") && !is_in(REGION_OF_NOUNS, "district"));
        assert!(is_in(DESCRIPTION_DETERMINERS, "this") && !is_in(DESCRIPTION_DETERMINERS, "a"));
        assert!(is_in(CITY_PART_NOUNS, "limits") && !is_in(CITY_PART_NOUNS, "hall"));
        assert!(is_in(CAPITAL_DETERMINERS, "its") && !is_in(CAPITAL_DETERMINERS, "a"));
        assert!(is_in(COUNTRY_NOUNS, "nation") && !is_in(COUNTRY_NOUNS, "state"));
    }

    #[test]
    fn hosting_verbs_and_their_auxiliaries() {
        assert!(all_lower(HOSTING_VERBS) && is_in(HOSTING_VERBS, "hosted"));
        assert!(all_lower(PLACE_VERB_AUXILIARIES) && !is_in(HOSTING_VERBS, "said"));
    }

    #[test]
    fn landmark_nouns_are_sites_not_bodies() {
        assert!(all_lower(LANDMARK_NOUNS) && is_in(LANDMARK_NOUNS, "square"));
        assert!(!is_in(LANDMARK_NOUNS, "plant") && !is_in(LANDMARK_NOUNS, "university"));
    }

    #[test]
    fn person_or_place_prepositions_leave_out_the_locative_ones() {
        assert!(all_lower(PERSON_OR_PLACE_PREPOSITIONS));
        assert!(is_in(PERSON_OR_PLACE_PREPOSITIONS, "between"));
        let locative = ["in", "at", "into", "near"];
        assert!(!locative.iter().any(|w| is_in(PERSON_OR_PLACE_PREPOSITIONS, w)));
    }

    #[test]
    fn predicated_place_nouns_are_settlements_and_states() {
        assert!(all_lower(PREDICATED_PLACE_NOUNS) && is_in(PREDICATED_PLACE_NOUNS, "capital"));
        assert!(!is_in(PREDICATED_PLACE_NOUNS, "area") && !is_in(PLACE_COPULAS, "said"));
    }

    #[test]
    fn place_predicates_and_prepositions() {
        assert!(LOCATION_PREDICATES.iter().all(|w| is_in(PLACE_PREDICATES, w)));
        assert!(is_in(LOCATION_PREDICATES, "situated") && !is_in(LOCATION_PREDICATES, "captured"));
        assert!(is_in(PLACE_PREDICATE_AUXILIARIES, "been"));
        assert!(!is_in(PLACE_PREDICATE_AUXILIARIES, "were"));
        assert!(is_in(CAPTOR_PREPOSITIONS, "into") && !is_in(CAPTOR_PREPOSITIONS, "by"));
        assert!(is_in(LOCATIVE_PREPOSITIONS, "outside") && !is_in(LOCATIVE_PREPOSITIONS, "from"));
        assert!(is_in(SPEAKER_PLACE_PREPOSITIONS, "from"));
        assert!(!is_in(SPEAKER_PLACE_PREPOSITIONS, "of"));
    }
}
