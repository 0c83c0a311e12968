//! Who a pronoun or a description stands for: the person named outside the quotation,
//! of the pronoun's sex, a leader by nationality, a surname never introduced, an office
//! named next.

use super::*;

#[test]
fn a_pronoun_means_the_person_named_outside_quotes() {
    let cases = [
        // a person named inside the quote is not the one who said it
        (
            "Harbour pilot Ines Duarte met the ferry.\n\n\
             “Captain Ola Berg trained me for 12 years,” she said.",
            "Ines Duarte",
        ),
        // the subject of the sentence before, not its object
        (
            "Harbour pilot Ines Duarte thanked Captain Ola Berg. She says 40 piles cracked.",
            "Ines Duarte",
        ),
        // a person introduced by what they do speaks next
        (
            "Ola Berg said the pier was shut. Tova Brannick is a hydrologist at the \
             Marlow Institute. She says 40 wells have run dry.",
            "Tova Brannick",
        ),
    ];
    for (body, want) in cases {
        let (_, ex) = run(body);
        let last = ex.claims.last().map(speaker);
        assert_eq!(last, Some(want), "in {body:?}");
    }
}

#[test]
fn a_leader_described_by_nationality_is_that_country_s_leader() {
    let (_, ex) = run(
        "Swedish Prime Minister Ana Lind met Norwegian leader Ola Berg in Oslo. \
         The Norwegian premier said 3 ferry routes would reopen. The Swedish prime minister \
         said 40 ships were ready.",
    );
    let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
    assert_eq!(speakers, ["", "Ola Berg", "Ana Lind"]);
    // a nationality no one named holds the office: no one named
    let (_, ex) = run(
        "Swedish President Ana Lind met Ola Berg in Oslo. The Danish president \
         said 3 ferry routes would reopen.",
    );
    let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
    assert_eq!(speakers, ["", "The Danish president"]);
}

#[test]
fn a_surname_never_introduced_speaks_again_as_he_or_she() {
    let (_, ex) = run(
        "Rates held on Monday. Brandvik told reporters the plan was ready. She \
         added that talks would resume. “We are patient,” she said.",
    );
    let speakers: Vec<&str> = ex.claims.iter().map(speaker).collect();
    assert_eq!(speakers, ["Brandvik", "Brandvik", "Brandvik"]);
}

#[test]
fn a_pronoun_agrees_with_the_sex_of_its_person() {
    let cases = [
        // the subject of the sentence before, as without sex
        (
            "Lena Holm met Ivo Brandt. “We agreed,” she said.",
            Some("Lena Holm"),
        ),
        // "he" walks past a woman to the man
        (
            "Lena Holm met Ivo Brandt. “We agreed,” he said.",
            Some("Ivo Brandt"),
        ),
        (
            "Ivo Brandt met Lena Holm. “We agreed,” she said.",
            Some("Lena Holm"),
        ),
        (
            "Ivo Brandt met Lena Holm. “We agreed,” he said.",
            Some("Ivo Brandt"),
        ),
        // a gendered role tells the sex of a unisex name
        (
            "Harbour spokeswoman Robin Vale thanked Kim Dorsey. “We agreed,” he said.",
            Some("Kim Dorsey"),
        ),
        (
            "Mr Robin Vale thanked Kim Dorsey. “We agreed,” she said.",
            Some("Kim Dorsey"),
        ),
        // unisex names agree with either pronoun: the subject as before
        (
            "Robin Vale thanked Kim Dorsey. “We agreed,” he said.",
            Some("Robin Vale"),
        ),
        (
            "Robin Vale thanked Kim Dorsey. “We agreed,” she said.",
            Some("Robin Vale"),
        ),
        // the previous speaker only if the pronoun agrees with them
        (
            "Ivo Brandt met the crew. “The pier is shut,” said Lena Holm. \
             “We will rebuild it,” he said.",
            Some("Ivo Brandt"),
        ),
        (
            "Ivo Brandt met the crew. “The pier is shut,” said Lena Holm. \
             “We will rebuild it,” she said.",
            Some("Lena Holm"),
        ),
    ];
    for (body, want) in cases {
        let (_, ex) = run(body);
        let last = ex.claims.last().map(speaker);
        assert_eq!(last, want, "in {body:?}");
    }
}

#[test]
fn a_pronoun_takes_the_speaker_named_at_the_end_of_its_sentence() {
    let (_, ex) = run(
        "A local newspaper first reported the closure of the pier.\n\
         Hours afterwards, it warned that the pier would stay shut for a month, the Tarn \
         Harbour Board said on its website.",
    );
    assert_eq!(ex.claims.len(), 2);
    assert_eq!(speaker(&ex.claims[1]), "Tarn Harbour Board");
}

#[test]
fn an_office_described_then_named_is_the_named_person() {
    let (_, ex) = run(
        "An official appointed by the port authority admitted that the cranes were idle. \
         “We lost two days,” Marta Kowal told state radio, reports The Guardian.\n\
         A resident of Gdynia said that the quay was empty. “Nobody came,” Piotr Nowak \
         told reporters.",
    );
    let who: Vec<&str> = ex.claims.iter().map(speaker).collect();
    assert_eq!(
        who,
        [
            "Marta Kowal",
            "Marta Kowal",
            "A resident of Gdynia",
            "Piotr Nowak"
        ]
    );
    assert_eq!(
        ex.claims[0].via.as_ref().map(|m| m.name.as_str()),
        Some("The Guardian")
    );
    // a person named next in another role is someone else
    let (_, ex) = run(
        "The bank has repaid most savers, a spokesman said. Prosecutor Ana \
         Ruiz said the case was a warning.",
    );
    let who: Vec<&str> = ex.claims.iter().map(speaker).collect();
    assert_eq!(who, ["a spokesman", "Ana Ruiz"]);
}
