//! Name parts and sentence templates for the generator, written for this repo. Slots in
//! `{…}` are filled by `Writer::fill`.

/// A news topic: its event words and the facts and quotes that belong to it.
#[derive(Debug, Clone, Copy)]
pub struct Topic {
    pub event: &'static str,
    pub event_cap: &'static str,
    /// Verbs for the lead: "{Event} {verb} {place} on {day}".
    pub verbs: &'static [&'static str],
    pub facts: &'static [&'static str],
    pub quotes: &'static [&'static str],
}

#[rustfmt::skip]
pub const TOPICS: &[Topic] = &[
    Topic {
        event: "flooding", event_cap: "Flooding",
        verbs: &["swept through", "cut off", "hit", "inundated"],
        facts: &[
            "floodwater covered {area} of farmland in {region}",
            "the river rose {small} metres overnight near {place}",
            "{count} people were moved to shelters in {place2}",
            "the dam upstream of {place} held {percent} more water than in a normal spring",
        ],
        quotes: &[
            "The water came up through the floor faster than we could carry anything out",
            "We have pumped out {small} streets, and there are {count} more to go",
            "If the dam at {place2} gives way, we have perhaps {small} hours",
        ],
    },
    Topic {
        event: "the wildfire", event_cap: "A wildfire",
        verbs: &["spread towards", "reached the outskirts of", "threatened"],
        facts: &[
            "the fire had burned {area} of forest north of {place}",
            "{small} water-bombing aircraft were working over the hills around {place}",
            "winds of up to {distance} an hour were pushing the flames towards {place2}",
            "{count} firefighters were deployed across {region}",
        ],
        quotes: &[
            "The wind turned in the afternoon and the whole ridge went up in minutes",
            "We lost {small} houses on our street alone",
            "Our crews have been on the line for {small} days without a proper rest",
        ],
    },
    Topic {
        event: "the dock strike", event_cap: "A strike by dock workers",
        verbs: &["shut the port of", "halted shipping at", "spread to"],
        facts: &[
            "{tonnes} of grain were stuck at the port of {place}",
            "{count} workers at the {org} had joined the strike",
            "the stoppage was costing exporters {money} a day",
            "{small} container ships were waiting off {place2}",
        ],
        quotes: &[
            "We are not going back until the night shifts are paid properly",
            "Every day the ships wait costs the farmers of {region} money they do not have",
            "Nobody has offered us a meeting in {small} weeks",
        ],
    },
    Topic {
        event: "the storm", event_cap: "A storm",
        verbs: &["battered", "tore through", "knocked out power in"],
        facts: &[
            "{small} villages around {place} were still without power",
            "gusts of {distance} an hour brought down trees across {region}",
            "{count} homes were damaged and {small} destroyed",
            "the coast road between {place} and {place2}, some {distance} long, stayed closed",
        ],
        quotes: &[
            "The roof of the school simply lifted off and landed in the square",
            "We have crews on every road out of {place}, but the lines keep coming down",
            "I have lived here {years} years and never heard wind like that",
        ],
    },
    Topic {
        event: "the drought", event_cap: "A drought",
        verbs: &["tightened its grip on", "dried up the wells of", "ruined the harvest around"],
        facts: &[
            "{percent} of the wheat harvest in {region} had been lost",
            "the reservoir that supplies {place} was at {percent} of its capacity",
            "water was being trucked to {small} villages every day",
            "farmers had sold {count} head of cattle since the spring",
        ],
        quotes: &[
            "There has been no real rain here since the {ordinal} week of March",
            "We are bringing water to {small} villages a day and it is not enough",
            "The young people are leaving {place} for the cities, and I do not blame them",
        ],
    },
];

/// Facts for any topic, in the simple past, so they read both as the article's own
/// statement and after "said that".
#[rustfmt::skip]
pub const FACTS: &[&str] = &[
    "{count} people were evacuated from {place}",
    "{small} villages in {region} were cut off",
    "repairs would cost at least {money}",
    "the road from {place} to {place2}, {distance} long, would reopen on {day}",
    "{count} households had applied for emergency aid",
    "the government of {country} had released {money} for {region}",
    "{small} bridges were damaged between {place} and {place2}",
    "{percent} of the schools in {place} would stay closed this week",
    "rescue teams had reached {small} of the cut-off villages",
    "the {org} had sent {small} trucks of supplies to {place}",
    "{count} volunteers had signed up in {place2} since {day}",
];

/// Things people say, in the first person.
#[rustfmt::skip]
pub const QUOTES: &[&str] = &[
    "We need at least {small} more trucks in {place} by the end of the week",
    "Nobody in {place} will be left without shelter this winter",
    "Our teams have cleared {distance} of road, but the worst is still ahead",
    "This is the hardest week the {org} has faced in {years} years",
    "Every hour counts now",
    "We are asking the government for {money} to rebuild the bridges",
    "People in {place2} have been extraordinary, they opened their homes to strangers",
    "We will publish the full figures on {day}, not before",
    "I cannot tell you when the families will go home, and I will not pretend that I can",
];

/// The article's own background sentences.
#[rustfmt::skip]
pub const BACKGROUND: &[&str] = &[
    "{place} lies about {distance} from {place2}.",
    "The area around {place} is home to some {count} people.",
    "The last comparable disaster in {region} was {years} years ago.",
    "The {org} has been criticised for its slow response in the past.",
    "Aid agencies warned that the figures could rise in the coming days.",
    "The national weather service issued a new warning for {region} on {day}.",
];

#[rustfmt::skip]
pub const GIVEN: &[&str] = &[
    "Ana", "Marta", "Elena", "Sofia", "Irina", "Leila", "Amara", "Nadia", "Hana", "Clara",
    "Ines", "Olga", "Priya", "Mei", "Zainab", "Lucia", "Greta", "Fatima", "Yara", "Rosa",
    "Tomas", "Pavel", "Luis", "Omar", "Jonas", "Mateo", "Kenji", "Arjun", "Samuel", "Victor",
    "Andrei", "Karim", "Diego", "Felix", "Nikolai", "Rafael", "Idris", "Bruno", "Emil", "Hugo",
];

#[rustfmt::skip]
pub const SURNAMES: &[&str] = &[
    "Ruiz", "Moreau", "Kowalczyk", "Lindqvist", "Okafor", "Haddad", "Novak", "Petrenko",
    "Castellano", "Brandt", "Varga", "Sorensen", "Mbeki", "Tanaka", "Rahimi", "Oliveira",
    "Dimitrov", "Keller", "Marchetti", "Aydin", "Halvorsen", "Mendes", "Szabo", "Ferreira",
    "Nakamura", "Quintero", "Lindgren", "Abara", "Kovacs", "Delacroix", "Yilmaz", "Sandoval",
    "Hoffmann", "Petrescu", "Mwangi", "Ortega", "Vasquez", "Jankowski", "Ibrahim", "Laine",
];

#[rustfmt::skip]
pub const DOMAINS: &[&str] = &[
    "Emergency Situations", "Water Resources", "Agriculture", "Transport", "Energy",
    "Health", "the Interior", "Infrastructure",
];

#[rustfmt::skip]
pub const ORG_ADJ: &[&str] = &[
    "Northern", "Southern", "Eastern", "Western", "Coastal", "National", "Upland", "Central",
];

#[rustfmt::skip]
pub const ORG_NOUN: &[&str] = &[
    "Rivers", "Grain Traders", "Relief", "Rescue", "Forestry", "Dockworkers", "Farmers",
    "Power Grid",
];

#[rustfmt::skip]
pub const ORG_KIND: &[&str] = &[
    "Authority", "Union", "Council", "Service", "Association", "Agency",
];

#[rustfmt::skip]
pub const LOCAL_BODIES: &[&str] = &[
    "City Council", "Port Authority", "Water Company", "Chamber of Commerce",
];

/// Outlets quotes are told to: real wire services and invented papers.
#[rustfmt::skip]
pub const WIRES: &[&str] = &[
    "Reuters", "the Associated Press", "AFP", "the BBC", "local radio",
    "the Valley Courier", "the Morning Ledger", "Radio Meridian",
];

#[rustfmt::skip]
pub const SOURCE_ADJ: &[&str] = &[
    "Northern", "Harbour", "Valley", "Continental", "Evening", "Plains", "Lakeside", "Frontier",
];

#[rustfmt::skip]
pub const SOURCE_NOUN: &[&str] = &[
    "Courier", "Ledger", "Dispatch", "Herald", "Tribune", "Observer", "Gazette", "Record",
];

#[rustfmt::skip]
pub const DAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

#[rustfmt::skip]
pub const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "a dozen", "two dozen",
];

#[rustfmt::skip]
pub const ORDINALS: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "seventh", "tenth",
];

#[rustfmt::skip]
pub const ABOUT: &[&str] = &["about", "some", "nearly", "more than", "at least", "almost"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_filled_and_slots_are_known() {
        let known = [
            "place", "place2", "region", "country", "count", "small", "area", "distance", "money",
            "percent", "tonnes", "years", "day", "org", "ordinal",
        ];
        let mut all: Vec<&str> = FACTS
            .iter()
            .chain(QUOTES)
            .chain(BACKGROUND)
            .copied()
            .collect();
        for t in TOPICS {
            all.extend(t.facts.iter().chain(t.quotes));
        }
        for s in all {
            let mut rest = s;
            while let Some(i) = rest.find('{') {
                let j = rest[i..].find('}').expect("closed slot") + i;
                assert!(known.contains(&&rest[i + 1..j]), "{s}");
                rest = &rest[j + 1..];
            }
        }
        assert!(GIVEN.len() >= 40 && SURNAMES.len() >= 40);
    }
}
