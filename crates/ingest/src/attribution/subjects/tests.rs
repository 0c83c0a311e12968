//! Where a cue's subject sits: the subject rules' examples.

use super::super::test_support::check;

#[test]
fn a_participle_phrase_between_subject_and_cue_is_skipped() {
    check(&[
        (
            "The survey, published on Monday, found that most ferries ran late.",
            &[("The survey", "most ferries ran late")],
        ),
        (
            "The harbour master, pleased with the repairs, said the quay was safe.",
            &[("The harbour master", "the quay was safe")],
        ),
        (
            "Ana Ruiz, speaking in Oster, said the quay was safe.",
            &[("Ana Ruiz", "the quay was safe")],
        ),
        // a participle phrase of the content is no aside of the speaker
        (
            "The ferries, delayed by fog, arrived late, the harbour master said.",
            &[(
                "the harbour master",
                "The ferries, delayed by fog, arrived late",
            )],
        ),
    ]);
}

#[test]
fn a_person_described_or_a_bracketed_aside_before_an_apposition_speaks() {
    check(&[
        (
            "Her neighbour, a retired teacher, says about 200 people still live in Vell.",
            &[("neighbour", "about 200 people still live in Vell")],
        ),
        (
            "The mayor, a former nurse, said 3 clinics in Vell had closed.",
            &[("The mayor", "3 clinics in Vell had closed")],
        ),
        (
            "Nadia Holm (not her real name) says the shelling stopped in May.",
            &[("Nadia Holm", "the shelling stopped in May")],
        ),
        // a thing described is no speaker
        (
            "The village, a former mining town, lost 200 people in Vell.",
            &[(
                "",
                "The village, a former mining town, lost 200 people in Vell.",
            )],
        ),
    ]);
}

#[test]
fn a_legislator_s_party_and_state_is_an_apposition() {
    check(&[
        (
            "Sen. Ana Ruiz, D-Ohio, said the harbour bill would pass.",
            &[("Ana Ruiz", "the harbour bill would pass")],
        ),
        (
            "Rep. Tom Hale, R-N.Y., said the harbour bill would fail.",
            &[("Tom Hale", "the harbour bill would fail")],
        ),
    ]);
}

#[test]
fn a_city_and_its_abbreviated_state_say_where_the_speakers_are() {
    check(&[
        (
            "Officials in Fresno, Calif., said the levee held.",
            &[("Officials in Fresno", "the levee held")],
        ),
        (
            "Police in Tulsa, Okla., said two people were hurt.",
            &[("Police in Tulsa", "two people were hurt")],
        ),
        // not after a city: the period ends the sentence
        (
            "The mayor said the levee held. Calif. roads stayed shut.",
            &[("The mayor", "the levee held")],
        ),
    ]);
}

#[test]
fn a_capitalised_title_with_its_complement_is_an_apposition() {
    check(&[
        (
            "Ivo Brand, the U.N. Special Envoy for Harbours, said the talks had failed.",
            &[("Ivo Brand", "the talks had failed")],
        ),
        (
            "Ana Ruiz, the E.U. High Representative for Fisheries, said 3 boats sank.",
            &[("Ana Ruiz", "3 boats sank")],
        ),
    ]);
}

#[test]
fn a_description_headed_by_a_kind_of_person_is_an_apposition() {
    check(&[
        (
            "Ivo Brand, the Velmora coach, said his side lacked confidence.",
            &[("Ivo Brand", "his side lacked confidence")],
        ),
        (
            "Ana Ruiz, the Harbour Board's chief hydrologist, said the dam was safe.",
            &[("Ana Ruiz", "the dam was safe")],
        ),
        // a head that is no kind of person: no one described, nothing reported
        (
            "The Velmora dam, the Oster weir, said nothing of the flood.",
            &[(
                "",
                "The Velmora dam, the Oster weir, said nothing of the flood.",
            )],
        ),
    ]);
}

#[test]
fn a_role_with_figures_before_it_and_a_place_after_it_is_an_apposition() {
    check(&[
        (
            "Ana Ruiz, the 54-year-old mayor of Velmora, said the dam was safe.",
            &[("Ana Ruiz", "the dam was safe")],
        ),
        (
            "Ivo Brand, the long-serving pilot at the port, said the channel was silting.",
            &[("Ivo Brand", "the channel was silting")],
        ),
        // a clause after the role is no apposition
        (
            "Ana Ruiz, the mayor who was voted out, said the dam was safe.",
            &[("Ana Ruiz", "the dam was safe")],
        ),
    ]);
}

#[test]
fn an_apposition_of_two_descriptions_joined_by_and() {
    check(&[
        (
            "Ivo Brand, the minister in charge of ports and a former mayor of a small \
             town, told reporters that the quay is too short.",
            &[("Ivo Brand", "the quay is too short")],
        ),
        // "and" before a clause of its own still ends the subject
        (
            "The ferries docked and a spokesman said the quay is too short.",
            &[("a spokesman", "the quay is too short")],
        ),
        // "told" takes a listener: "…, told reporters" names no speaker
        ("The quay is too short, told reporters on the pier.", &[]),
    ]);
}

#[test]
fn a_description_with_names_in_apposition_speaks() {
    check(&[
        (
            "The ferry operators, Halvik and Brenna, argued the levy would cost them \
             200 jobs.",
            &[("The ferry operators", "the levy would cost them 200 jobs")],
        ),
        // a name with a description in apposition still speaks for itself, whether
        // the description's head is a known role or not
        (
            "Ana Ruiz, the port director, said the quay is too short.",
            &[("Ana Ruiz", "the quay is too short")],
        ),
        (
            "Ivo Brand, the harbour master, said the quay is too short.",
            &[("Ivo Brand", "the quay is too short")],
        ),
        // a role capitalised after the body it serves, with or without the article
        (
            "Ivo Brand, the Harbour Board Spokesperson, said the quay is too short.",
            &[("Ivo Brand", "the quay is too short")],
        ),
        (
            "Ivo Brand, Harbour Board Spokesperson, said the quay is too short.",
            &[("Ivo Brand", "the quay is too short")],
        ),
        // a list with no description before it names no speaker of its own
        (
            "Oslo, Vell and Brenna, the company said, will get new ferries.",
            &[(
                "the company",
                "Oslo, Vell and Brenna, the company said, will get new ferries",
            )],
        ),
    ]);
}

#[test]
fn a_description_before_a_name_in_apposition_is_part_of_the_subject() {
    check(&[
        // after the content, and after a quotation
        (
            "The pier was shut for hours, the port director, Ana Ruiz, said.",
            &[("Ana Ruiz", "The pier was shut for hours")],
        ),
        (
            "“The pier was shut for hours,” the port director, Ana Ruiz, said.",
            &[("Ana Ruiz", "The pier was shut for hours,")],
        ),
        // a plural's possessive in the description, before or after the name
        (
            "The pier was shut for hours, the growers' lawyer, Ana Ruiz, said.",
            &[("Ana Ruiz", "The pier was shut for hours")],
        ),
        (
            "Ana Ruiz, the growers' lawyer, said the pier was shut for hours.",
            &[("Ana Ruiz", "the pier was shut for hours")],
        ),
    ]);
}

#[test]
fn adverbs_of_time_between_subject_and_cue() {
    check(&[
        (
            "The quay was closed. Dock workers have long argued that the quay is too short \
             for ships.",
            &[("Dock workers", "the quay is too short for ships")],
        ),
        // "long" as an adjective is no adverb before a cue
        ("The long quay was closed again.", &[]),
        // when, between the subject and its cue
        (
            "The port authority on Monday said the quay would reopen in May.",
            &[("The port authority", "the quay would reopen in May")],
        ),
        (
            "Velto Shipping last week said the quay was too short for its ships.",
            &[("Velto Shipping", "the quay was too short for its ships")],
        ),
        (
            "Dock workers on Tuesday night said the quay was still flooded.",
            &[("Dock workers", "the quay was still flooded")],
        ),
    ]);
}

#[test]
fn a_relative_clause_between_the_subject_and_its_cue_is_skipped() {
    check(&[
        (
            "Officials in Oster, where the outbreak began in May, said the clinic \
             would close.",
            &[("Officials in Oster", "the clinic would close")],
        ),
        (
            "Ana Ruiz, whose ferry sank in May, said the clinic would close.",
            &[("Ana Ruiz", "the clinic would close")],
        ),
        // a relative clause inside what was said stays in it
        (
            "The town, where the outbreak began, has 40 cases, officials said.",
            &[(
                "officials",
                "The town, where the outbreak began, has 40 cases",
            )],
        ),
    ]);
}

#[test]
fn a_relative_clause_with_its_own_speaker() {
    check(&[
        // the subject after "which" speaks, about the antecedent, up to the comma
        (
            "The toll bridge, which Ivo Brand said last week could close for repairs, \
             carries 9,000 cars a day.",
            &[("Ivo Brand", "could close for repairs")],
        ),
        // a subject relative is no speaker of its own
        (
            "Ivo Brand, who owns the toll bridge, said the bridge could close.",
            &[("Ivo Brand", "the bridge could close")],
        ),
        // a possessive opens an apposition too
        (
            "Velto Ferries, Norway's second-largest ferry operator, said on Monday that the \
             route would close.",
            &[("Velto Ferries", "the route would close")],
        ),
        // nor one ending an apposition, with or without a body named in it
        (
            "Ivo Brand, an engineer at Vell Polytechnic who was not part of the survey, \
             said the bridge could close.",
            &[("Ivo Brand", "the bridge could close")],
        ),
        (
            "Ivo Brand, a chemist who was not part of the survey, said repairs would take a year.",
            &[("Ivo Brand", "repairs would take a year")],
        ),
        // a restrictive relative on the subject itself stays with its noun
        (
            "The engineers who stayed behind said the bridge could close.",
            &[("The engineers", "the bridge could close")],
        ),
        (
            "Boatmen who work the lower river say the bridge could close.",
            &[("Boatmen", "the bridge could close")],
        ),
    ]);
}

#[test]
fn a_prepositional_aside_between_subject_and_cue_is_skipped() {
    check(&[
        (
            "Lea Holm, in a statement, said the pier would reopen.",
            &[("Lea Holm", "the pier would reopen")],
        ),
        (
            "Lea Holm, through a spokesman, denied that the pier had closed.",
            &[("Lea Holm", "the pier had closed")],
        ),
        (
            "The Harbour Board, in a statement on its website on Monday, said the pier \
             would reopen.",
            &[("Harbour Board", "the pier would reopen")],
        ),
        (
            "The Harbour Board, in a statement posted on its website, said the pier \
             would reopen.",
            &[("Harbour Board", "the pier would reopen")],
        ),
        // a clause between the commas is no aside
        (
            "Lea Holm, who runs the ferry, said the pier would reopen.",
            &[("Lea Holm", "the pier would reopen")],
        ),
    ]);
}

#[test]
fn speakers_behind_relative_and_origin_phrases() {
    check(&[
        (
            "Anger is growing among fishermen, who say the new quotas will ruin them.",
            &[("fishermen", "the new quotas will ruin them")],
        ),
        // a place is where the people are, not who speaks
        (
            "Anger is growing among fishermen near Dunmore, who say the quotas will \
             ruin them.",
            &[("fishermen near Dunmore", "the quotas will ruin them")],
        ),
        (
            "Greta Lund, from Tromso, Norway, said she came to see the regatta.",
            &[("Greta Lund", "she came to see the regatta")],
        ),
        (
            "Piet Vos, another harbour pilot, told Reuters that two cranes had fallen.",
            &[("Piet Vos", "two cranes had fallen")],
        ),
        (
            "Trawler crews distrust Minister Lea Holm, who had earlier demanded \
             stricter quotas for the bay.",
            &[("Lea Holm", "stricter quotas for the bay")],
        ),
        // a place that opens the sentence is no apposition of the speaker
        (
            "In Tromso, police said the ferry would sail again on Monday.",
            &[("police", "the ferry would sail again on Monday")],
        ),
        // "of" a place, or a place after a body's name: where the speaker is from
        (
            "Greta Lund, of Tromso, said the regatta drew big crowds.",
            &[("Greta Lund", "the regatta drew big crowds")],
        ),
        (
            "Greta Lund of the University of Bergen, Tromso, said the regatta drew big crowds.",
            &[("Greta Lund", "the regatta drew big crowds")],
        ),
        (
            "Greta Lund of Harbour Group, Oslo, said the regatta drew big crowds.",
            &[("Greta Lund", "the regatta drew big crowds")],
        ),
        // a capital right before the cue, with no comma after it, speaks
        (
            "The regatta drew big crowds in June, Oslo said.",
            &[("Oslo", "The regatta drew big crowds in June")],
        ),
    ]);
}

#[test]
fn a_clause_after_the_cue_is_no_inverted_subject() {
    check(&[
        // "said" + a clause: the speaker is on the left or nowhere, never the clause
        (
            "The sample, the Velto lab's, said the result forces rivals to rethink.",
            &[],
        ),
        (
            "Ships were late, said the head of the port authority.",
            &[("the head of the port authority", "Ships were late")],
        ),
        (
            "Ships were late, said the envoy to the talks.",
            &[("the envoy to the talks", "Ships were late")],
        ),
    ]);
}

#[test]
fn who_after_a_clause_stands_for_the_people_its_verb_names() {
    check(&[
        (
            "The plan angered local fishermen, who say the harbour is dying.",
            &[("local fishermen", "the harbour is dying")],
        ),
        (
            "The ruling was welcomed by local fishermen, who say the harbour is dying.",
            &[("local fishermen", "the harbour is dying")],
        ),
        // an adjective in -ed opens the people's own description
        (
            "There is anger among retired fishermen, who say the harbour is dying.",
            &[("retired fishermen", "the harbour is dying")],
        ),
    ]);
}

#[test]
fn a_body_named_after_an_inverted_description_speaks() {
    check(&[
        (
            "Rents rose 4%, said the housing office, Domvell.",
            &[("Domvell", "Rents rose 4%")],
        ),
        (
            "Two cranes failed, said the harbour agency, HVA, on Monday.",
            &[("HVA", "Two cranes failed")],
        ),
        // a clause after the comma names no one
        (
            "Rents rose 4%, said the office, which counts 300 flats.",
            &[("the office", "Rents rose 4%")],
        ),
    ]);
}

#[test]
fn a_description_opening_the_sentence_speaks_for_a_coordinated_cue() {
    check(&[
        (
            "The ferryman's daughter thanked the crews but said she feared for the boat.",
            &[("The ferryman's daughter", "she feared for the boat")],
        ),
        (
            "The harbour master inspected the pier, and said the piles were sound.",
            &[("The harbour master", "the piles were sound")],
        ),
        (
            "The agency reported losses and said fares in Vell would rise.",
            &[("The agency", "fares in Vell would rise")],
        ),
        // a body's head noun after lower-case words and a possessive
        (
            "The town's harbour board thanked the crews and said fares in Vell would rise.",
            &[("The town's harbour board", "fares in Vell would rise")],
        ),
        (
            "The regional ferry agency reported losses and said fares in Vell would rise.",
            &[("The regional ferry agency", "fares in Vell would rise")],
        ),
        // a thing that is neither a person nor a body says nothing
        ("The old ferry sank and said nothing.", &[]),
        ("The town's old ferry sank and said nothing.", &[]),
    ]);
}

#[test]
fn which_after_a_body_stands_for_the_body() {
    check(&[
        (
            "The judges sided with the ferry union, which had argued that the pier was unsafe.",
            &[("the ferry union", "the pier was unsafe")],
        ),
        (
            "The judges sided with Velto Shipping, which had argued that the pier was unsafe.",
            &[("Velto Shipping", "the pier was unsafe")],
        ),
        // a thing before "which" reports nothing
        (
            "Crews repaired the old pier, which showed that 40 piles in Vell were rotten.",
            &[(
                "",
                "Crews repaired the old pier, which showed that 40 piles in Vell were rotten.",
            )],
        ),
    ]);
}

#[test]
fn a_group_counted_in_apposition_before_the_cue_speaks() {
    check(&[
        (
            "The deckhands, four men and two women from Oster, said the quay was unsafe.",
            &[("The deckhands", "the quay was unsafe")],
        ),
        (
            "The tenants, most of them pensioners, told the council that the heating had failed.",
            &[("The tenants", "the heating had failed")],
        ),
        (
            "The two divers, both former navy officers, said the wreck lay on its side.",
            &[("The two divers", "the wreck lay on its side")],
        ),
        // nor is a place before a count
        (
            "The heating failed, Oster officials, both of them engineers, said on Monday.",
            &[("Oster officials", "The heating failed")],
        ),
    ]);
}

#[test]
fn one_of_a_group_in_apposition_describes_the_name_before_it() {
    check(&[
        (
            "Ana Ruiz, one of the tenants, said the heating had failed.",
            &[("Ana Ruiz", "the heating had failed")],
        ),
        (
            "Velto Shipping, one of the largest ferry firms, said fares would rise.",
            &[("Velto Shipping", "fares would rise")],
        ),
        // a count that is the subject itself is no apposition
        (
            "The heating failed, one of the tenants said.",
            &[("one of the tenants", "The heating failed")],
        ),
    ]);
}

#[test]
fn a_description_before_where_its_body_is_describes_the_name_before_it() {
    check(&[
        // past the body's town, the role in apposition describes the person named first
        (
            "Mira Holt, director of exhibits at the University of Cork, Ireland, said the pier \
             in Oster was unsafe.",
            &[("Mira Holt", "the pier in Oster was unsafe")],
        ),
        // with no name before it, the description is the subject
        (
            "A professor at the University of Cork, Ireland, said the pier in Oster was unsafe.",
            &[(
                "A professor at the University of Cork",
                "the pier in Oster was unsafe",
            )],
        ),
    ]);
}

#[test]
fn any_noun_of_an_occupation_opens_an_apposition() {
    check(&[
        // "curator" is in no role table, but names what a person does
        (
            "Mira Holt, curator at the harbour museum, said the pier in Oster was unsafe.",
            &[("Mira Holt", "the pier in Oster was unsafe")],
        ),
        (
            "Mira Holt, curator and director of the harbour museum, said the pier in Oster was \
             unsafe.",
            &[("Mira Holt", "the pier in Oster was unsafe")],
        ),
    ]);
}
