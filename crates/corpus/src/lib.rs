//! A seeded generator of realistic English news articles, the corpus every benchmark runs
//! on: headlines, paragraphs, direct quotes with attributions, reported speech, "according
//! to", places from the embedded gazetteer in several spellings, and numbers with units.
//!
//! Article `i` of seed `s` depends only on `(s, i)` and the gazetteer, so any slice of a
//! corpus can be regenerated alone and the same command always writes the same bytes.
//! People, organisations and outlets are invented from name parts; nothing is taken from a
//! real article.

use claimgraph_gazetteer::Gazetteer;

mod words;

use words::*;

/// SplitMix64: tiny, fast and fully specified, so the corpus never changes with a crate
/// update (an external RNG crate may change its streams between versions).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A stream for one seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`; 0 for `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index skewed towards 0 (the smallest of three draws), so a few places and topics
    /// dominate the corpus as they do in real news.
    pub fn skewed(&mut self, n: usize) -> usize {
        self.below(n).min(self.below(n)).min(self.below(n))
    }
}

/// One generated article, with the fields `claimgraph ingest` reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: String,
    pub source: String,
    pub url: String,
    pub published_at: String,
    pub text: String,
}

impl Article {
    /// One `.ndjson` line (without the newline), the object shape the API accepts.
    pub fn to_json_line(&self) -> String {
        serde_json::json!({
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published_at": self.published_at,
            "text": self.text,
        })
        .to_string()
    }

    /// A `.txt` file with the header `claimgraph ingest` reads (headline, `source:`,
    /// `url:`, `date:`, blank line, body).
    pub fn to_txt(&self) -> String {
        format!(
            "{}\nsource: {}\nurl: {}\ndate: {}\n\n{}\n",
            self.title, self.source, self.url, self.published_at, self.text
        )
    }
}

/// A gazetteer place as the generator uses it: its spellings and what it lies in.
#[derive(Debug, Clone)]
struct PoolPlace {
    /// The main name first, then up to three alternate spellings.
    spellings: Vec<String>,
    country: String,
    region: Option<String>,
}

/// How many of the most populous places articles are about.
const POOL_SIZE: usize = 3000;

/// Builds articles for one seed.
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    places: Vec<PoolPlace>,
}

impl Generator {
    /// Takes the most populous places of the gazetteer (ties by GeoNames id, so the pool
    /// does not depend on the data file's order) with their usable spellings.
    pub fn new(gazetteer: &Gazetteer, seed: u64) -> Generator {
        let mut all: Vec<_> = gazetteer.places().iter().collect();
        all.sort_by_key(|p| (std::cmp::Reverse(p.population), p.geonames_id));
        let places = all
            .into_iter()
            .filter(|p| is_plain_name(&p.name))
            .take(POOL_SIZE)
            .map(|p| {
                let mut spellings = vec![p.name.to_string()];
                for alias in p.aliases() {
                    if spellings.len() >= 4 {
                        break;
                    }
                    if is_plain_name(alias) && !spellings.iter().any(|s| s == alias) {
                        spellings.push(alias.to_string());
                    }
                }
                let country = gazetteer
                    .country(p.country)
                    .map_or_else(|| p.country.as_str().to_string(), |c| c.name.to_string());
                let region = gazetteer
                    .region_of(p.country, &p.admin1)
                    .map(|r| gazetteer.region(r).name.to_string())
                    .filter(|r| is_plain_name(r));
                PoolPlace {
                    spellings,
                    country,
                    region,
                }
            })
            .collect();
        Generator { seed, places }
    }

    /// Article number `index` of this seed: the same `(seed, index)` gives the same bytes.
    pub fn article(&self, index: u64) -> Article {
        let mut rng = Rng::new(self.seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        // discard a few outputs so nearby seeds and indexes decorrelate
        for _ in 0..4 {
            rng.next_u64();
        }
        Writer::new(self, rng, index).article()
    }
}

/// A name a reporter would write: letters, spaces, hyphens and apostrophes, capitalised,
/// not an abbreviation.
fn is_plain_name(s: &str) -> bool {
    let n = s.chars().count();
    (3..=28).contains(&n)
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
        && s.chars().filter(|c| c.is_uppercase()).count() * 2 <= n
}

/// A person in one article: introduced in full with a role once, then by surname.
struct Person {
    given: &'static str,
    surname: &'static str,
    role: String,
    pronoun: &'static str,
    introduced: bool,
}

/// The state of one article being written.
struct Writer<'g> {
    rng: Rng,
    index: u64,
    places: Vec<&'g PoolPlace>,
    people: Vec<Person>,
    orgs: Vec<String>,
    outlet: &'static str,
    topic: usize,
    /// The pronoun of the person named last.
    last_pronoun: &'static str,
    open: char,
    close: char,
}

impl<'g> Writer<'g> {
    fn new(g: &'g Generator, mut rng: Rng, index: u64) -> Writer<'g> {
        let n = 2 + rng.below(3);
        let home = &g.places[rng.skewed(g.places.len().max(1))];
        let mut places = vec![home];
        for _ in 1..n {
            // nearby news: another place of the same country when one turns up soon
            let mut other = &g.places[rng.skewed(g.places.len())];
            for _ in 0..30 {
                if other.country == home.country && !std::ptr::eq(other, home) {
                    break;
                }
                other = &g.places[rng.below(g.places.len())];
            }
            places.push(other);
        }
        let topic = rng.below(TOPICS.len());
        let orgs = (0..2 + rng.below(2))
            .map(|_| org_name(&mut rng, places[0]))
            .collect::<Vec<_>>();
        let mut people = Vec::new();
        for _ in 0..2 + rng.below(3) {
            let g = rng.below(GIVEN.len());
            let given = GIVEN[g];
            let pronoun = if g < GIVEN.len() / 2 { "she" } else { "he" };
            let surname = *rng.pick(SURNAMES);
            if people.iter().any(|p: &Person| p.surname == surname) {
                continue;
            }
            let role = role(&mut rng, places[0], &orgs);
            people.push(Person {
                given,
                surname,
                role,
                pronoun,
                introduced: false,
            });
        }
        let (open, close) = if rng.chance(80) {
            ('\u{201c}', '\u{201d}')
        } else {
            ('"', '"')
        };
        Writer {
            outlet: WIRES[rng.below(WIRES.len())],
            rng,
            index,
            places,
            people,
            orgs,
            topic,
            last_pronoun: "she",
            open,
            close,
        }
    }

    fn article(mut self) -> Article {
        let title = self.headline();
        let target = 4600 + self.rng.below(900);
        let mut paragraphs = vec![self.lead()];
        let mut len = paragraphs[0].len();
        while len < target {
            let p = match self.rng.below(10) {
                0..=3 => self.direct_paragraph(),
                4..=6 => self.reported_paragraph(),
                _ => self.statement_paragraph(),
            };
            len += p.len() + 2;
            paragraphs.push(p);
        }
        let source = format!(
            "{} {}",
            self.rng.pick(SOURCE_ADJ),
            self.rng.pick(SOURCE_NOUN)
        );
        let slug: String = source
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let date = format!(
            "2026-{:02}-{:02}",
            1 + self.rng.below(12),
            1 + self.rng.below(28)
        );
        Article {
            title,
            source,
            url: format!("https://example.org/{slug}/{}", self.index),
            published_at: date,
            text: paragraphs.join("\n\n"),
        }
    }

    /// A place spelling: usually the main name, sometimes an alternate one.
    fn place(&mut self, which: usize) -> String {
        let p = self.places[which % self.places.len()];
        if p.spellings.len() > 1 && self.rng.chance(25) {
            p.spellings[1 + self.rng.below(p.spellings.len() - 1)].clone()
        } else {
            p.spellings[0].clone()
        }
    }

    /// A place other than the article's own (every article names at least two).
    fn any_place(&mut self) -> String {
        let i = 1 + self.rng.skewed(self.places.len().saturating_sub(1));
        self.place(i)
    }

    fn region(&mut self) -> String {
        match self.places[0].region.clone() {
            Some(r) => format!("the {r} region"),
            None => self.places[0].country.clone(),
        }
    }

    fn headline(&mut self) -> String {
        let place = self.place(0);
        let t = TOPICS[self.topic];
        let n = self.count();
        match self.rng.below(4) {
            0 => format!(
                "{} in {place} forces {n} people from their homes",
                t.event_cap
            ),
            1 => format!(
                "{place}: {} leaves {} villages cut off",
                t.event,
                self.small()
            ),
            2 => format!(
                "{} pledges {} as {} hits {place}",
                self.places[0].country.clone(),
                self.money(),
                t.event
            ),
            _ => format!(
                "{} around {place} enters its {} day",
                t.event_cap,
                self.ordinal()
            ),
        }
    }

    fn lead(&mut self) -> String {
        let place = self.place(0);
        let t = TOPICS[self.topic];
        let day = *self.rng.pick(DAYS);
        let fact = self.fact();
        let speaker = self.reported_subject();
        format!(
            "{} {} {place} on {day}, and {speaker} said that {fact}.",
            t.event_cap,
            self.rng.pick(t.verbs),
        )
    }

    /// A person by full name and role the first time, by surname afterwards.
    fn person(&mut self) -> String {
        let i = self.rng.below(self.people.len());
        let p = &mut self.people[i];
        self.last_pronoun = p.pronoun;
        if p.introduced {
            p.surname.to_string()
        } else {
            p.introduced = true;
            format!("{} {}, {},", p.given, p.surname, p.role)
        }
    }

    fn reported_subject(&mut self) -> String {
        match self.rng.below(3) {
            0 => {
                let org = self.rng.pick(&self.orgs).clone();
                format!("the {org}")
            }
            1 => "officials".to_string(),
            _ => self.person(),
        }
    }

    fn quote(&mut self) -> String {
        let t = TOPICS[self.topic];
        let q = if self.rng.chance(40) {
            *self.rng.pick(t.quotes)
        } else {
            *self.rng.pick(QUOTES)
        };
        self.fill(q)
    }

    fn direct_paragraph(&mut self) -> String {
        let (o, c) = (self.open, self.close);
        let q = self.quote();
        match self.rng.below(6) {
            0 => {
                let who = self.person();
                let outlet = self.told_to();
                format!("{o}{q},{c} {who} told {outlet}.")
            }
            1 => {
                let who = self.person();
                format!("{o}{q},{c} said {}.", who.trim_end_matches(','))
            }
            2 => {
                let who = self.person();
                let q2 = self.quote();
                format!("{who} said: {o}{q}. {q2}.{c}")
            }
            3 => {
                let who = self.person();
                let q2 = self.quote();
                format!("{o}{q},{c} {who} said. {o}{q2}.{c}")
            }
            4 => {
                let org = self.rng.pick(&self.orgs).clone();
                format!("{o}{q},{c} a spokesperson for the {org} said.")
            }
            _ => {
                let who = self.person();
                let pronoun = self.last_pronoun;
                let fact = self.fact();
                format!("{who} added that {fact}. {o}{q},{c} {pronoun} said.")
            }
        }
    }

    fn reported_paragraph(&mut self) -> String {
        let fact = self.fact();
        let day = *self.rng.pick(DAYS);
        let s = match self.rng.below(7) {
            0 => {
                let org = self.rng.pick(&self.orgs).clone();
                format!("The {org} said on {day} that {fact}.")
            }
            1 => {
                let who = self.person();
                format!("{who} said that {fact}.")
            }
            2 => {
                let outlet = self.told_to();
                format!("According to {outlet}, {fact}.")
            }
            3 => {
                let org = self.rng.pick(&self.orgs).clone();
                format!("{}, according to the {org}.", capitalise(&fact))
            }
            4 => {
                let who = self.person();
                let outlet = self.told_to();
                format!("{who} told {outlet} that {fact}.")
            }
            5 => {
                let place = self.any_place();
                format!("Officials in {place} said {fact}.")
            }
            _ => {
                let org = self.rng.pick(&self.orgs).clone();
                format!("The {org} announced late on {day} that {fact}.")
            }
        };
        if self.rng.chance(40) {
            let more = self.statement();
            format!("{s} {more}")
        } else {
            s
        }
    }

    fn statement_paragraph(&mut self) -> String {
        let n = 1 + self.rng.below(3);
        (0..n)
            .map(|_| self.statement())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn statement(&mut self) -> String {
        if self.rng.chance(30) {
            let s = *self.rng.pick(BACKGROUND);
            return self.fill(s);
        }
        let fact = self.fact();
        format!("{}.", capitalise(&fact))
    }

    fn fact(&mut self) -> String {
        let t = TOPICS[self.topic];
        let f = if self.rng.chance(50) {
            *self.rng.pick(t.facts)
        } else {
            *self.rng.pick(FACTS)
        };
        self.fill(f)
    }

    fn told_to(&mut self) -> String {
        if self.rng.chance(60) {
            self.outlet.to_string()
        } else {
            self.rng.pick(WIRES).to_string()
        }
    }

    /// Replaces the `{…}` slots of a template.
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            let slot = &rest[start + 1..start + len];
            let value = match slot {
                "place" => self.place(0),
                "place2" => self.any_place(),
                "region" => self.region(),
                "country" => self.places[0].country.clone(),
                "count" => self.count(),
                "small" => self.small(),
                "area" => self.area(),
                "distance" => self.distance(),
                "money" => self.money(),
                "percent" => self.percent(),
                "tonnes" => format!("{} tonnes", thousands(self.rng.range(200, 90_000))),
                "years" => self.rng.range(3, 60).to_string(),
                "day" => self.rng.pick(DAYS).to_string(),
                "org" => self.rng.pick(&self.orgs).clone(),
                "ordinal" => self.ordinal().to_string(),
                _ => String::new(),
            };
            out.push_str(&value);
            rest = &rest[start + len + 1..];
        }
        out.push_str(rest);
        out
    }

    fn count(&mut self) -> String {
        match self.rng.below(4) {
            0 => thousands(self.rng.range(120, 9_999) / 10 * 10),
            1 => thousands(self.rng.range(1, 90) * 500),
            2 => self.rng.range(12, 400).to_string(),
            _ => format!(
                "{} {}",
                self.rng.pick(ABOUT),
                thousands(self.rng.range(2, 80) * 100)
            ),
        }
    }

    fn small(&mut self) -> String {
        if self.rng.chance(60) {
            self.rng.pick(NUMBER_WORDS).to_string()
        } else {
            self.rng.range(3, 48).to_string()
        }
    }

    fn area(&mut self) -> String {
        let n = self.rng.range(2, 600) * 5;
        match self.rng.below(5) {
            0 => format!("{} km2", thousands(n)),
            1 => format!("{} square kilometres", thousands(n)),
            2 => format!("{} hectares", thousands(n * 100)),
            3 => format!("{} square miles", thousands(n * 2 / 5)),
            _ => format!("some {} km²", thousands(n)),
        }
    }

    fn distance(&mut self) -> String {
        let km = self.rng.range(3, 400);
        let miles = (km * 621 + 500) / 1000;
        match self.rng.below(3) {
            0 => format!("{km} km ({miles} miles)"),
            1 => format!("{km} kilometres"),
            _ => format!("{miles} miles ({km} km)"),
        }
    }

    fn money(&mut self) -> String {
        let whole = self.rng.range(1, 900);
        let tenth = self.rng.below(10);
        match self.rng.below(4) {
            0 => format!("${whole}.{tenth} million"),
            1 => format!("€{whole} million"),
            2 => format!("{whole} million euros"),
            _ => format!("${whole}.{tenth} billion"),
        }
    }

    fn percent(&mut self) -> String {
        let n = self.rng.range(2, 95);
        if self.rng.chance(50) {
            format!("{n} percent")
        } else {
            format!("{n}%")
        }
    }

    fn ordinal(&mut self) -> &'static str {
        ORDINALS[self.rng.below(ORDINALS.len())]
    }
}

fn org_name(rng: &mut Rng, home: &PoolPlace) -> String {
    match rng.below(4) {
        0 => format!("Ministry of {}", rng.pick(DOMAINS)),
        1 => format!(
            "{} {} {}",
            rng.pick(ORG_ADJ),
            rng.pick(ORG_NOUN),
            rng.pick(ORG_KIND)
        ),
        2 => format!("{} {}", home.spellings[0], rng.pick(LOCAL_BODIES)),
        _ => format!("{} {}", rng.pick(ORG_NOUN), rng.pick(ORG_KIND)),
    }
}

fn role(rng: &mut Rng, home: &PoolPlace, orgs: &[String]) -> String {
    let org = rng.pick(orgs).clone();
    match rng.below(7) {
        0 => "the regional governor".to_string(),
        1 => format!("the mayor of {}", home.spellings[0]),
        2 => format!("a spokesperson for the {org}"),
        3 => format!("the head of the {org}"),
        4 => format!(
            "the deputy minister of {}",
            rng.pick(DOMAINS).to_lowercase()
        ),
        5 => format!("a senior engineer at the {org}"),
        _ => format!("a resident of {}", home.spellings[0]),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `12345` → `"12,345"`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One load for all tests: decoding the gazetteer is the slow part.
    fn gazetteer() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::load().expect("embedded gazetteer loads"))
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let g = gazetteer();
        let a: Vec<String> = (0..20)
            .map(|i| Generator::new(g, 7).article(i).to_json_line())
            .collect();
        let b: Vec<String> = (0..20)
            .map(|i| Generator::new(g, 7).article(i).to_json_line())
            .collect();
        let c: Vec<String> = (0..20)
            .map(|i| Generator::new(g, 8).article(i).to_json_line())
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().zip(&c).all(|(x, y)| x != y));
        // articles of one seed differ from each other
        let distinct: std::collections::HashSet<_> = a.iter().collect();
        assert_eq!(distinct.len(), a.len());
    }

    #[test]
    fn articles_are_about_five_kilobytes_with_quotes_places_and_numbers() {
        let g = gazetteer();
        let gen = Generator::new(g, 1);
        for i in 0..10 {
            let a = gen.article(i);
            assert!((4600..7000).contains(&a.text.len()), "{}", a.text.len());
            assert!(a.text.contains(" said"), "{}", a.text);
            assert!(a.text.contains('\u{201c}') || a.text.contains('"'));
            assert!(a.text.chars().any(|c| c.is_ascii_digit()));
            assert!(!a.text.contains('{'), "unfilled slot: {}", a.text);
            assert!(!a.title.is_empty());
            let home = &gen.places.iter().find(|p| {
                p.spellings
                    .iter()
                    .any(|s| a.title.contains(s.as_str()) || a.text.contains(s.as_str()))
            });
            assert!(home.is_some(), "no gazetteer place in article {i}");
        }
    }

    #[test]
    fn alternate_spellings_are_used() {
        let g = gazetteer();
        let gen = Generator::new(g, 3);
        assert!(gen.places.iter().filter(|p| p.spellings.len() > 1).count() > 100);
        let mut alternates = 0;
        for i in 0..50 {
            let mut w = Writer::new(&gen, Rng::new(i), i);
            let home = w.places[0];
            for _ in 0..20 {
                let s = w.place(0);
                assert!(home.spellings.contains(&s));
                if s != home.spellings[0] {
                    alternates += 1;
                }
            }
        }
        assert!(alternates > 20, "{alternates}");
    }

    #[test]
    fn helpers() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2500), "2,500");
        assert_eq!(thousands(1234567), "1,234,567");
        assert!(is_plain_name("Saint-Denis"));
        assert!(!is_plain_name("NYC"));
        assert!(!is_plain_name("x1"));
        assert_eq!(capitalise("éclair"), "Éclair");
    }

    #[test]
    fn output_formats_are_what_ingest_reads() {
        let g = gazetteer();
        let a = Generator::new(g, 5).article(0);
        let v: serde_json::Value = serde_json::from_str(&a.to_json_line()).expect("valid JSON");
        assert_eq!(v["text"].as_str(), Some(a.text.as_str()));
        assert_eq!(v["title"].as_str(), Some(a.title.as_str()));
        let txt = a.to_txt();
        let mut lines = txt.lines();
        assert_eq!(lines.next(), Some(a.title.as_str()));
        assert!(lines.next().is_some_and(|l| l.starts_with("source: ")));
        assert!(lines.next().is_some_and(|l| l.starts_with("url: ")));
    }
}
