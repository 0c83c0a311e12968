use super::*;

mod references;
mod speakers;

fn run(body: &str) -> (String, Extraction) {
    let text = format!("Storm Report\n{body}");
    let ex = extract(
        &text,
        &ExtractOptions {
            headline_is_first_line: true,
        },
    );
    (text, ex)
}

fn span_text(text: &str, s: Span) -> &str {
    s.slice(text).unwrap_or("<bad span>")
}

fn of_kind(ex: &Extraction, kind: ClaimKind) -> Vec<&Claim> {
    ex.claims.iter().filter(|c| c.kind == kind).collect()
}

fn speaker(c: &Claim) -> &str {
    c.speaker.as_ref().map_or("", |m| m.name.as_str())
}

/// (speaker, claim text) of every claim, in order.
fn said<'a>(text: &'a str, ex: &'a Extraction) -> Vec<(&'a str, &'a str)> {
    ex.claims
        .iter()
        .map(|c| (speaker(c), span_text(text, c.span)))
        .collect()
}

#[test]
fn apostrophes_are_not_quotes() {
    let (_, ex) =
        run("The town’s mayor Ada Kell said the farmers’ fields hadn’t drained by Sunday.");
    assert!(ex.claims.iter().all(|c| c.kind != ClaimKind::Direct));
    assert_eq!(ex.claims.len(), 1);
    assert_eq!(speaker(&ex.claims[0]), "Ada Kell");
}

#[test]
fn two_that_clauses_are_two_claims() {
    let (text, ex) =
        run("Mayor Jon Ekdal said that the pumps were working, and that schools would reopen.");
    let spans: Vec<&str> = ex.claims.iter().map(|c| span_text(&text, c.span)).collect();
    assert_eq!(spans, ["the pumps were working", "schools would reopen"]);
}

#[test]
fn a_concession_after_the_content_is_no_part_of_it() {
    for (body, want) in [
        (
            "Monitors said the count was largely calm, though they noted delays at two \
             polling stations.",
            vec![
                "the count was largely calm",
                "delays at two polling stations",
            ],
        ),
        (
            "Monitors said the count was largely calm, although they noted delays at two \
             polling stations.",
            vec![
                "the count was largely calm",
                "delays at two polling stations",
            ],
        ),
    ] {
        let (text, ex) = run(body);
        let spans: Vec<&str> = ex.claims.iter().map(|c| span_text(&text, c.span)).collect();
        assert_eq!(spans, want, "{body}");
    }
}

#[test]
fn a_stage_direction_after_a_transcript_label_is_not_said() {
    let (text, ex) = run("MARTA OSK, HOST: The ferry sank in 1998 off Oster.\n\n\
         JON BRAY: (Through interpreter) We lost 40 boats that winter.\n\n\
         OSK: (Laughter) The harbour never forgot it.");
    assert_eq!(
        said(&text, &ex),
        [
            ("Marta Osk", "The ferry sank in 1998 off Oster."),
            ("Jon Bray", "We lost 40 boats that winter."),
        ]
    );
}

#[test]
fn a_country_owning_or_naming_what_follows_is_no_place_of_the_claim() {
    let places = |body: &str| -> Vec<Vec<String>> {
        let ex = Extractor::with_gazetteer(claimgraph_gazetteer::shared().expect("gazetteer"))
            .extract(
                &format!("Storm Report\n{body}"),
                &ExtractOptions {
                    headline_is_first_line: true,
                },
            );
        ex.claims
            .iter()
            .map(|c| c.places.iter().map(|p| p.name.clone()).collect())
            .collect()
    };
    assert_eq!(
        places("Officials said Chile's navy had sent 40 ships."),
        vec![Vec::<String>::new()]
    );
    // what lies in the country, and the country named plainly, place the claim
    assert_eq!(
        places("Officials said Chile's northern coast had 40 storms."),
        vec![vec!["Chile".to_string()]]
    );
    assert_eq!(
        places("Officials said 40 ships had left Chile."),
        vec![vec!["Chile".to_string()]]
    );
    // a country naming whose people or bodies follow: an attribute of them
    for body in [
        "Officials said Chile authorities had sent 40 ships.",
        "Officials said 40 U.S. sailors had left the port.",
        "Officials said Chilean President Ana Ruiz had sent 40 ships.",
    ] {
        assert_eq!(places(body), vec![Vec::<String>::new()], "{body}");
    }
}

#[test]
fn statements_need_a_place_or_a_number() {
    let (text, ex) = run(
        "The storm cut power to 40,000 homes in Marlow. It was a difficult night. Will the dam hold?",
    );
    assert_eq!(ex.claims.len(), 1);
    let c = &ex.claims[0];
    assert_eq!(c.kind, ClaimKind::Statement);
    assert!(c.speaker.is_none());
    assert_eq!(
        span_text(&text, c.span),
        "The storm cut power to 40,000 homes in Marlow."
    );
    assert_eq!(c.places[0].name, "Marlow");
}

#[test]
fn headline_and_boilerplate_yield_no_claims() {
    let text = "Flood hits Marlow, 3 dead\nAlso read: 5 dams in Marlow\nSource: Marlow Daily\nLeave a Reply";
    let ex = extract(
        text,
        &ExtractOptions {
            headline_is_first_line: true,
        },
    );
    assert!(ex.claims.is_empty());
    assert!(ex.headline.is_some());
    let ex = extract(
        "Rain fell on 12 villages in Marlow.",
        &ExtractOptions::default(),
    );
    assert_eq!(ex.claims.len(), 1);
    assert!(ex.headline.is_none());
}

#[test]
fn mentions_are_in_text_order_with_resolved_names() {
    let (_, ex) =
        run("Mayor Lena Okafor visited homes in Marlow. Okafor said the town needed help.");
    let names: Vec<(&str, EntityKind)> = ex
        .mentions
        .iter()
        .map(|m| (m.name.as_str(), m.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("Lena Okafor", EntityKind::Person),
            ("Marlow", EntityKind::Place),
            ("Lena Okafor", EntityKind::Person),
            // "the town needed": the town is Marlow.
            ("Marlow", EntityKind::Place)
        ]
    );
    assert!(ex
        .mentions
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
}

#[test]
fn datelines_ages_and_adverbials_are_not_content() {
    let (text, ex) = run(
        "VELLMAR, Norland, May 4 (AP) — Ola Brandt, 61, a farmer from Vell, said the fields were lost.\n\
         The dairy, Nordmilk, said in a statement it would pay 300 farmers.",
    );
    let spans: Vec<&str> = ex.claims.iter().map(|c| span_text(&text, c.span)).collect();
    assert_eq!(spans, ["the fields were lost", "it would pay 300 farmers"]);
    assert_eq!(speaker(&ex.claims[0]), "Ola Brandt");
    assert_eq!(speaker(&ex.claims[1]), "Nordmilk");
}

#[test]
fn datelines_in_title_case_are_skipped_but_names_with_ages_are_not() {
    // (paragraph, the statement it yields): a dateline in title case is set off by a
    // country, a date or an agency; a name and an age before a dash open the sentence
    let cases = [
        (
            "Vellmar, Norland — Floodwaters forced 300 people from their homes.",
            "Floodwaters forced 300 people from their homes.",
        ),
        (
            "Vellmar, May 4 (AP) - Floodwaters forced 300 people from their homes.",
            "Floodwaters forced 300 people from their homes.",
        ),
        (
            "Ola Brandt, 61 — a farmer from Vellmar — lost 300 sheep.",
            "Ola Brandt, 61 — a farmer from Vellmar — lost 300 sheep.",
        ),
        (
            "Storm Ada — the third this winter — cut power to 300 homes.",
            "Storm Ada — the third this winter — cut power to 300 homes.",
        ),
        // a live report's time stamp, with its letters and zone; a time that is the
        // subject stays
        (
            "10:15 a.m. — Floodwaters forced 300 people from their homes.",
            "Floodwaters forced 300 people from their homes.",
        ),
        (
            "14:05 GMT - Floodwaters forced 300 people from their homes.",
            "Floodwaters forced 300 people from their homes.",
        ),
        (
            "10:15 was when floodwaters forced 300 people from their homes.",
            "10:15 was when floodwaters forced 300 people from their homes.",
        ),
    ];
    for (paragraph, want) in cases {
        let (text, ex) = run(paragraph);
        let spans: Vec<&str> = ex.claims.iter().map(|c| span_text(&text, c.span)).collect();
        assert_eq!(spans, [want], "{paragraph}");
    }
}

#[test]
fn place_descriptions_resolve_to_the_named_place() {
    let (_, ex) =
        run("Water reached the town of Orvel on Monday. Residents said the town had no power.");
    let last = ex
        .claims
        .last()
        .map(|c| c.places.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
    assert_eq!(last, Some(vec!["Orvel".to_string()]));
}

#[test]
fn title_abbreviations_and_acronyms_stay_in_names() {
    let (_, ex) = run(
        "\"The spring is new,\" lead author Dr. Ines Vall told AFP.\n\
         According to the Alpine Survey Office (ASO), 41% of springs are dry.",
    );
    assert_eq!(ex.claims.len(), 2);
    assert_eq!(speaker(&ex.claims[0]), "Ines Vall");
    assert_eq!(
        ex.claims[0].via.as_ref().map(|m| m.name.as_str()),
        Some("AFP")
    );
    assert_eq!(speaker(&ex.claims[1]), "Alpine Survey Office");
    assert_eq!(ex.claims[1].numbers[0].value, 41.0);
}

#[test]
fn a_company_named_in_full_is_its_short_form_not_a_town() {
    let (text, ex) = run(
        "Velto Motor Corporation recalled 40,000 cars on Monday. The fault was found in \
         some Velto vehicles sold in Lisbon.",
    );
    let got: Vec<(&str, Vec<&str>)> = ex
        .claims
        .iter()
        .map(|c| {
            let places = c.places.iter().map(|p| p.name.as_str()).collect();
            (span_text(&text, c.span), places)
        })
        .collect();
    // a weak cue with a plain object reports nothing: the recall is the article's statement
    assert_eq!(
        got,
        [
            (
                "Velto Motor Corporation recalled 40,000 cars on Monday.",
                vec![]
            ),
            (
                "The fault was found in some Velto vehicles sold in Lisbon.",
                vec!["Lisbon"]
            ),
        ]
    );
    let velto: Vec<(&str, EntityKind)> = ex
        .mentions
        .iter()
        .filter(|m| m.name.starts_with("Velto"))
        .map(|m| (m.name.as_str(), m.kind))
        .collect();
    assert!(
        velto
            .iter()
            .all(|m| m == &("Velto Motor Corporation", EntityKind::Organization)),
        "{velto:?}"
    );
}

#[test]
fn sports_and_county_titles_are_read_off_names() {
    let (_, ex) = run(
        "Manager Ana Lind said her team was tired after 3 games. Coach Piet Vos said the \
         pitch was poor. Lind added that 2 players were injured. Marlow County Sheriff Ola \
         Berg said deputies searched the woods at night.",
    );
    let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
    assert_eq!(speakers, ["Ana Lind", "Piet Vos", "Ana Lind", "Ola Berg"]);
}

#[test]
fn bare_descriptions_resolve_to_the_named_organisation() {
    let (_, ex) = run(
        "The Harbour Ministry said the port was closed. The ministry added that 12 ships waited.",
    );
    let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
    assert_eq!(speakers, ["Harbour Ministry", "Harbour Ministry"]);
}

#[test]
fn a_business_description_never_stands_for_a_public_body() {
    // (text, the speaker of each claim)
    let cases: [(&str, &[&str]); 3] = [
        (
            "Oster Police said the road was closed for hours. The utility said 300 homes lost power.",
            &["Oster Police", "The utility"],
        ),
        (
            "The Harbour Ministry said the port was closed. The company said its ferries would wait.",
            &["Harbour Ministry", "The company"],
        ),
        // a business named before it is what it stands for
        (
            "Velto Energy said prices would rise. The company added that 300 jobs would go.",
            &["Velto Energy", "Velto Energy"],
        ),
    ];
    for (text, want) in cases {
        let (_, ex) = run(text);
        let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
        assert_eq!(speakers, want, "{text}");
    }
}

#[test]
fn scare_quotes_stay_inside_their_clause_but_quoted_content_is_direct() {
    let (text, ex) = run(
        "Officials said the repairs in Vell were “on track” and would finish by June.\n\
         Mayor Ida Sund described the damage as “catastrophic”.",
    );
    let got: Vec<(ClaimKind, &str)> = ex
        .claims
        .iter()
        .map(|c| (c.kind, span_text(&text, c.span)))
        .collect();
    assert_eq!(
        got,
        [
            (
                ClaimKind::Indirect,
                "the repairs in Vell were “on track” and would finish by June"
            ),
            (ClaimKind::Direct, "catastrophic"),
        ]
    );
    assert_eq!(speaker(&ex.claims[1]), "Ida Sund");
}

#[test]
fn a_quote_closing_its_own_phrase_is_a_direct_claim() {
    let (text, ex) = run(
        "The mayor, Ivan Petrenko, urged residents to leave for Lutsk, in order to \
         “stay safe”, reports the Tass agency.\n\
         The dam held through the night, which “saved the whole valley”, said the \
         head of the water board.\n\
         Since the start of May, crews rebuilt “forty kilometres of dykes” announced \
         the regional governor.\n\
         Lia Varga, an engineer, said she walked the levee every night, even in the rain, \
         “to hear where the water was getting in.”\n\
         The pilot Omar Haddad said the runway was closed, “Frankly a mess.”\n\
         The board said that crews had moved the pumps uphill, “to keep the station \
         running,” the water company said.",
    );
    let direct = of_kind(&ex, ClaimKind::Direct);
    let quotes: Vec<&str> = direct.iter().map(|c| span_text(&text, c.span)).collect();
    assert_eq!(
        quotes,
        [
            "stay safe",
            "saved the whole valley",
            "to hear where the water was getting in.",
            "to keep the station running,"
        ]
    );
    assert_eq!(speaker(direct[2]), "Lia Varga");
    // a trailing cue owns the quotation before it, once
    assert_eq!(speaker(direct[3]), "the water company");
    assert_eq!(speaker(direct[0]), "Ivan Petrenko");
    assert_eq!(
        direct[0].via.as_ref().map(|m| m.name.as_str()),
        Some("Tass")
    );
    let indirect = of_kind(&ex, ClaimKind::Indirect);
    let reported: Vec<&str> = indirect.iter().map(|c| span_text(&text, c.span)).collect();
    // the framing before a trailing cue is not the speaker's; a quote that is the main
    // clause's object stays inside the reported claim
    assert_eq!(
        reported,
        [
            "residents to leave for Lutsk",
            "Since the start of May, crews rebuilt “forty kilometres of dykes”",
            "she walked the levee every night, even in the rain",
            "the runway was closed",
            "crews had moved the pumps uphill"
        ]
    );
}

#[test]
fn announcements_after_a_colon_and_commentary_after_the_content() {
    let (text, ex) = run(
        "On Monday, the Estonian army made two announcements: engineers had rebuilt the \
         bridge at Narva.\n\
         Local officials said the road would reopen within days, reflecting the \
         ten-year plan for the border.",
    );
    let got: Vec<(&str, &str, Option<&str>)> = ex
        .claims
        .iter()
        .map(|c| (span_text(&text, c.span), speaker(c), c.cue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "engineers had rebuilt the bridge at Narva",
                "Estonian army",
                Some("made")
            ),
            (
                "the road would reopen within days",
                "Local officials",
                Some("said")
            ),
        ]
    );
    // the writer's comment is outside the claim, and so is its "ten-year"
    assert!(ex.claims[1].numbers.is_empty());
}

#[test]
fn pull_quotes_repeating_the_body_are_not_claims() {
    let (text, ex) = run("The river rose all night in Brovary.\n\
         “A slow and very steady rise”\n\
         “A slow and very steady rising,” the flood chief Ana Ruiz said of the water.\n\
         “Nobody expected the second wave”\n\
         Residents left their homes before dawn.");
    let direct: Vec<&str> = of_kind(&ex, ClaimKind::Direct)
        .iter()
        .map(|c| span_text(&text, c.span))
        .collect();
    // the crosshead that repeats Ruiz's words goes; one that repeats nothing stays
    assert_eq!(
        direct,
        [
            "A slow and very steady rising,",
            "Nobody expected the second wave"
        ]
    );
}

fn check_spans(text: &str, ex: &Extraction) {
    for c in &ex.claims {
        let s = c.span.slice(text).expect("claim span on char boundaries");
        assert!(!s.is_empty() && s.trim() == s, "bad claim span {s:?}");
        if c.kind == ClaimKind::Direct {
            let marks = ['“', '”', '"', '«', '»', '„'];
            assert!(
                !s.starts_with(marks) && !s.ends_with(marks),
                "marks in {s:?}"
            );
        }
        for m in c.speaker.iter().chain(c.via.iter()).chain(c.places.iter()) {
            assert!(m.span.slice(text).is_some());
        }
        for q in &c.numbers {
            assert!(q.span.slice(text).is_some());
        }
    }
    for m in &ex.mentions {
        assert!(m.span.slice(text).is_some());
    }
}

#[test]
fn random_token_soup_does_not_panic() {
    const VOCAB: &[&str] = &[
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        ",",
        ".",
        ":",
        ";",
        "(",
        ")",
        "—",
        "-",
        "?",
        "%",
        "$",
        "\n",
        "\n\n",
        "said",
        "told",
        "according",
        "to",
        "that",
        "and",
        "who",
        "he",
        "she",
        "it",
        "they",
        "the",
        "a",
        "of",
        "in",
        "near",
        "city",
        "region",
        "town",
        "Mayor",
        "Gen.",
        "Dr.",
        "U.S.",
        "Mr",
        "Ana",
        "Velt",
        "Orvel",
        "Reuters",
        "BBC",
        "Ministry",
        "Water",
        "Board",
        "officials",
        "residents",
        "spokesman",
        "adding",
        "read",
        "statement",
        "12",
        "3,500",
        "1.5",
        "km",
        "km2",
        "²",
        "thousand",
        "forty",
        "people",
        "March",
        "17th",
        "1990s",
        "at",
        "least",
        "some",
        "reported",
        "saw",
        "journalists",
        "🌊",
        "\u{200B}",
        "\u{202E}",
        "é",
        "Ünal",
        "x\u{0301}",
        "AFP",
        "(AP)",
        "VELL",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..1500 {
        let n = (next() % 80) as usize;
        let mut text = String::new();
        for _ in 0..n {
            let w = VOCAB[(next() % VOCAB.len() as u64) as usize];
            text.push_str(w);
            if next() % 4 != 0 {
                text.push(' ');
            }
        }
        for headline in [true, false] {
            let ex = extract(
                &text,
                &ExtractOptions {
                    headline_is_first_line: headline,
                },
            );
            check_spans(&text, &ex);
        }
    }
}

#[test]
fn pathological_inputs_do_not_panic() {
    let mut inputs: Vec<String> = vec![
        String::new(),
        "\n\n\n".into(),
        "“".into(),
        "”,” said".into(),
        "'''''' ‘’‘’ «»„“ \"\"\"".into(),
        "🌊🌊 “Wasser 🌊 steigt,” sagte 👩‍🚒 Mayor Zoë Ünal.\u{200B}\u{200F}".into(),
        "مرحبا \u{202E}“نص” قال Mayor Ali Haddad said that 5 km² flooded.".into(),
        "Gen. U.S. Mr. Dr. 1.2.3 ,,, ... ??? 2,000,000km²km² 17th% %".into(),
        "According to\nAccording to ,\nsaid said said, he said, “".into(),
    ];
    inputs.push("“a” ".repeat(5_000));
    inputs.push("“".repeat(10_000));
    inputs.push("word ".repeat(200_000));
    inputs.push("Aaa Bbb said ".repeat(20_000));
    inputs.push("he said that, ".repeat(20_000));
    inputs.push("x\u{0301}".repeat(50_000));
    for text in &inputs {
        for headline in [true, false] {
            let ex = extract(
                text,
                &ExtractOptions {
                    headline_is_first_line: headline,
                },
            );
            check_spans(text, &ex);
        }
    }
}

/// The extraction of a body posted as an article: a headline, then the body (the tagger
/// reads the headline too, so the tests fix one), with the embedded gazetteer.
fn posted(body: &str) -> Extraction {
    let text = format!("Headline here\n\n{body}");
    let options = ExtractOptions {
        headline_is_first_line: true,
    };
    let gazetteer = claimgraph_gazetteer::shared().expect("embedded gazetteer");
    Extractor::with_gazetteer(gazetteer).extract(&text, &options)
}

#[test]
fn a_rare_given_name_the_tagger_leans_to_opens_a_person() {
    let kind = |body: &str, name: &str| {
        posted(body)
            .mentions
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.kind)
    };
    for (body, name, want) in [
        (
            "Torin Ashby toured the pier on Monday.",
            "Torin Ashby",
            Some(EntityKind::Person),
        ),
        (
            "Torin Ashby sued by his former club over a loan (2:05)\n\n\
             Ferries ran late in Dunmore (1:10)",
            "Torin Ashby",
            Some(EntityKind::Person),
        ),
        // the same word opening a body's or a valley's name stays theirs
        (
            "Torin Holdings said profits rose 4%.",
            "Torin Holdings",
            Some(EntityKind::Organization),
        ),
        (
            "Floods hit Torin Valley on Monday.",
            "Torin Valley",
            Some(EntityKind::Place),
        ),
    ] {
        assert_eq!(kind(body, name), want, "{body}");
    }
}

#[test]
fn a_name_read_as_a_body_elsewhere_is_that_body_where_nothing_says() {
    let kinds = |body: &str| -> Vec<(String, EntityKind)> {
        posted(body)
            .mentions
            .into_iter()
            .map(|m| (m.name, m.kind))
            .collect()
    };
    let body = |n: &str| (n.to_string(), EntityKind::Organization);
    let f = kinds("Velto agreed to pay 40 million dollars. Velto said it would appeal.");
    assert_eq!(f, [body("Velto"), body("Velto")]);
    // a name also read as a place keeps its place where it is one
    let f = kinds("Ferries docked in Dunmore on Monday. Dunmore said it would rebuild the pier.");
    assert_eq!(
        f.first(),
        Some(&("Dunmore".to_string(), EntityKind::Place)),
        "{f:?}"
    );
}

#[test]
fn a_state_abbreviated_after_its_city_is_the_state() {
    let regions = |body: &str| -> Vec<String> {
        posted(body)
            .mentions
            .into_iter()
            .filter(|m| {
                m.place
                    .as_ref()
                    .is_some_and(|p| p.place_type == PlaceType::Region)
            })
            .map(|m| m.name)
            .collect()
    };
    // (text, the state read)
    for (text, state) in [
        (
            "Floods closed roads in Fresno, Calif., on Monday.",
            "California",
        ),
        ("The plant in Tulsa, Okla., shut on Friday.", "Oklahoma"),
        ("Crews reached Albany, N.Y., by noon.", "New York"),
    ] {
        assert!(
            regions(text).iter().any(|r| r == state),
            "{text}: {:?}",
            regions(text)
        );
    }
    // the same letters as a word are no state
    let got = regions("Ill health kept the mayor of Fresno at home.");
    assert!(!got.iter().any(|r| r == "Illinois"), "{got:?}");
}
