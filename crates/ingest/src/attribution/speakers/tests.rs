//! Who speaks: the speaker rules' examples.

use super::super::test_support::{check, check_speaker_kinds};
use crate::model::EntityKind;

#[test]
fn a_kind_of_person_after_a_possessive_speaks() {
    check_speaker_kinds(&[
        (
            "Ana Ruiz left Oster in May. Her husband said the move had been hard.",
            &[("husband", EntityKind::Nominal)],
        ),
        (
            "Ana Ruiz met the envoy. Her counterpart said the talks had gone well.",
            &[("counterpart", EntityKind::Nominal)],
        ),
        // a document the owner wrote stands for the owner
        (
            "Ana Ruiz left Oster in May. Her statement said the move had been hard.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
    ]);
}

#[test]
fn a_name_ending_in_a_company_s_form_is_a_body() {
    check_speaker_kinds(&[
        (
            "Its rival, Orvik Co., said two plants were closed.",
            &[("Orvik Co", EntityKind::Organization)],
        ),
        (
            "Velto Ltd said two plants were closed.",
            &[("Velto Ltd", EntityKind::Organization)],
        ),
        // two name words without such a tail are a person's
        (
            "Ana Ruiz said two plants were closed.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
    ]);
}

#[test]
fn a_country_s_ministry_in_lower_case_is_a_body_the_ministry_stands_for() {
    check_speaker_kinds(&[
        (
            "Peru's health ministry said two cases were found. The patients were \
             stable, the ministry said.",
            &[
                ("Peru's health ministry", EntityKind::Organization),
                ("Peru's health ministry", EntityKind::Organization),
            ],
        ),
        (
            "The Peruvian interior ministry said the roads were open.",
            &[("Peruvian interior ministry", EntityKind::Organization)],
        ),
        // any body's head noun after the portfolio's words
        (
            "Peru's central bank said two banks were closed.",
            &[("Peru's central bank", EntityKind::Organization)],
        ),
        (
            "Peru's electoral commission said two polls were closed.",
            &[("Peru's electoral commission", EntityKind::Organization)],
        ),
        // no country: a description, and a clause is no portfolio
        (
            "The health ministry said two cases were found.",
            &[("The health ministry", EntityKind::Nominal)],
        ),
    ]);
}

#[test]
fn a_role_of_a_body_before_a_name_is_that_person() {
    check(&[
        (
            "Chief executive of the Harbour Board Jon Bray said the port would reopen.",
            &[("Jon Bray", "the port would reopen")],
        ),
        // the role of someone else than the one named
        (
            "The chief of staff of Jon Bray said the port would reopen.",
            &[("The chief of staff of Jon Bray", "the port would reopen")],
        ),
    ]);
}

#[test]
fn a_group_of_people_speaks_as_itself() {
    check_speaker_kinds(&[
        (
            "Commuters said the line was slow.",
            &[("Commuters", EntityKind::Nominal)],
        ),
        (
            "Weary commuters said the line was slow.",
            &[("Weary commuters", EntityKind::Nominal)],
        ),
        // a team the article names inside a sentence too
        (
            "Wanderers said the pitch was wet. The club beat Wanderers in May.",
            &[("Wanderers", EntityKind::Organization)],
        ),
    ]);
}

#[test]
fn a_described_body_is_the_one_named_last_whatever_its_modifiers() {
    check(&[
        (
            "Velto Motors will recall 4,000 cars in Lyon, the German carmaker said.",
            &[(
                "Velto Motors",
                "Velto Motors will recall 4,000 cars in Lyon",
            )],
        ),
        (
            "Halvik Shipping will cut 400 jobs in Oslo, the Oslo-based company said.",
            &[(
                "Halvik Shipping",
                "Halvik Shipping will cut 400 jobs in Oslo",
            )],
        ),
        (
            "Halvik Shipping will cut 400 jobs in Oslo, the container freight operator said.",
            &[(
                "Halvik Shipping",
                "Halvik Shipping will cut 400 jobs in Oslo",
            )],
        ),
        // no body of that kind named: the description stays as written
        (
            "The port in Oslo will close for 2 days, the local harbour authority said.",
            &[(
                "the local harbour authority",
                "The port in Oslo will close for 2 days",
            )],
        ),
        // a phrase that joins two groups, or sets one apart, described another
        (
            "Clashes between the police and strikers of the dock union went on. The strikers \
             said they would stay out.",
            &[("The strikers", "they would stay out")],
        ),
        (
            "A tribunal in Tarn fined the firm. Its lawyer said the higher tribunal would \
             hear it. The fine stands, the tribunal said.",
            &[
                ("", "A tribunal in Tarn fined the firm."),
                ("lawyer", "the higher tribunal would hear it"),
                ("the tribunal", "The fine stands"),
            ],
        ),
    ]);
}

#[test]
fn a_definite_role_nobody_holds_is_the_person_just_named() {
    check(&[
        (
            "Opposition leader Ines Vall rejected the plan. The former candidate said the \
             ferries should stay public.",
            &[("Ines Vall", "the ferries should stay public")],
        ),
        // an office, after a person the article gave another one, is someone else
        (
            "Harbour spokesman Ilya Brand said the talks had failed. The governor said \
             the ferries should stay public.",
            &[
                ("Ilya Brand", "the talks had failed"),
                ("The governor", "the ferries should stay public"),
            ],
        ),
        // the role given at the first mention counts at a later bare surname
        (
            "Harbour spokesman Ilya Brand said the talks had failed. Brand then left the \
             room. The governor said the ferries should stay public.",
            &[
                ("Ilya Brand", "the talks had failed"),
                ("The governor", "the ferries should stay public"),
            ],
        ),
        (
            "Governor Ilya Brand said the talks had failed. The governor said the ferries \
             should stay public.",
            &[
                ("Ilya Brand", "the talks had failed"),
                ("Ilya Brand", "the ferries should stay public"),
            ],
        ),
        // a role of a named body is someone else
        (
            "Ines Vall rejected the plan. The chairman of the Harbour Board said the \
             ferries should stay public.",
            &[(
                "The chairman of the Harbour Board",
                "the ferries should stay public",
            )],
        ),
    ]);
}

#[test]
fn a_described_plural_opening_the_sentence_speaks() {
    check(&[
        (
            "Local traders said the ferry would stop in May.",
            &[("Local traders", "the ferry would stop in May")],
        ),
        (
            "Angry market traders say the new fees are too high.",
            &[("Angry market traders", "the new fees are too high")],
        ),
        // a count of places that "reported" figures is the article's statement
        (
            "Seventy ports had reported delays in Vell.",
            &[("", "Seventy ports had reported delays in Vell.")],
        ),
        (
            "By Monday, seventy-two ports had reported delays in Vell.",
            &[(
                "",
                "By Monday, seventy-two ports had reported delays in Vell.",
            )],
        ),
    ]);
}

#[test]
fn the_spokesperson_of_the_body_just_quoted_is_that_body() {
    check(&[
        (
            "A spokeswoman for the Harbour Board said the quay would reopen. “The cranes \
             are fixed,” the spokeswoman said.",
            &[
                ("Harbour Board", "the quay would reopen"),
                ("Harbour Board", "The cranes are fixed,"),
            ],
        ),
        // a person just quoted has no spokesperson of that kind
        (
            "Mira Holt said the quay would reopen. “The cranes are fixed,” the \
             spokeswoman said.",
            &[
                ("Mira Holt", "the quay would reopen"),
                ("the spokeswoman", "The cranes are fixed,"),
            ],
        ),
    ]);
}

#[test]
fn a_sole_role_of_a_named_body_is_the_person_just_quoted() {
    check(&[
        (
            "“Every bus will run,” said Mira Holt. The Velto CEO added that 30 buses were \
             repaired.",
            &[
                ("Mira Holt", "Every bus will run,"),
                ("Mira Holt", "30 buses were repaired"),
            ],
        ),
        // spokespeople are many; a holder named elsewhere wins
        (
            "“Every bus will run,” said Mira Holt. The Velto spokesman added that 30 buses \
             were repaired.",
            &[
                ("Mira Holt", "Every bus will run,"),
                ("The Velto spokesman", "30 buses were repaired"),
            ],
        ),
        (
            "Ivo Brand, the Velto CEO, spoke on Monday. “Every bus will run,” said Mira \
             Holt. The Velto CEO added that 30 buses were repaired.",
            &[
                ("Mira Holt", "Every bus will run,"),
                ("Ivo Brand", "30 buses were repaired"),
            ],
        ),
    ]);
}

#[test]
fn a_named_owner_speaks_through_their_office() {
    check(&[
        (
            "Harbour Minister Ana Ruiz's office said the ferries would sail.",
            &[("Ana Ruiz", "the ferries would sail")],
        ),
        (
            "The Harbour Board's office said the ferries would sail.",
            &[("Harbour Board", "the ferries would sail")],
        ),
        // a described owner's office stays the office
        (
            "The mayor's office said the ferries would sail.",
            &[("The mayor's office", "the ferries would sail")],
        ),
    ]);
}

#[test]
fn a_body_speaks_through_its_documents() {
    check(&[
        (
            "The Coastal Survey Institute's latest tally says 40 boats sank this year.",
            &[("Coastal Survey Institute", "40 boats sank this year")],
        ),
        (
            "A Harbour Board report says the quay needs new piles.",
            &[("Harbour Board", "the quay needs new piles")],
        ),
        // a person of the body is not the body
        (
            "A Harbour Board engineer says the quay needs new piles.",
            &[("A Harbour Board engineer", "the quay needs new piles")],
        ),
        // a possessive names the owner as a pronoun would
        (
            "The Harbour Board met Lea Holm. Its report says the quay needs new piles.",
            &[("Harbour Board", "the quay needs new piles")],
        ),
        // a named document of a named owner, and of a description just quoted
        (
            "The quay needs new piles, according to Velto's annual Harbour Watch report.",
            &[("Velto", "The quay needs new piles")],
        ),
        (
            "The port agency said the cranes were old. The quay needs new piles, \
             according to the agency's yearly report.",
            &[
                ("The port agency", "the cranes were old"),
                ("The port agency", "The quay needs new piles"),
            ],
        ),
    ]);
}

#[test]
fn a_title_of_a_country_is_no_part_of_the_name() {
    check(&[(
        "Prime Minister of the United Kingdom Dana Whitfield said the talks would go on.",
        &[("Dana Whitfield", "the talks would go on")],
    )]);
}

#[test]
fn a_multi_word_name_after_the_is_a_body() {
    check(&[(
        "The Harbour Board and Port Workers Union report they moved 300 tonnes.",
        &[("Harbour Board", "they moved 300 tonnes")],
    )]);
    check(&[(
        "The Sea Rescue Alliance said it had saved twelve sailors this week.",
        &[(
            "Sea Rescue Alliance",
            "it had saved twelve sailors this week",
        )],
    )]);
}

#[test]
fn a_country_institution_described_before_is_the_body_a_bare_head_names() {
    check(&[
        // described, not speaking, then "the ministry": the later body with that head
        (
            "Talks on the ferry deal stalled, the Harbour Ministry of Velmora said. \
             Portugal's foreign ministry rejected the claim. The ministry said 3 envoys \
             had left.",
            &[
                (
                    "Harbour Ministry of Velmora",
                    "Talks on the ferry deal stalled",
                ),
                ("Portugal's foreign ministry", "3 envoys had left"),
            ],
        ),
        // a body named after the description is the later one
        (
            "Portugal's foreign ministry rejected the claim. The Harbour Ministry of \
             Velmora met on Monday. The ministry said 3 envoys had left.",
            &[("Harbour Ministry of Velmora", "3 envoys had left")],
        ),
    ]);
}

#[test]
fn a_named_speaker_with_their_own_group_is_the_named_one() {
    check(&[
        (
            "Ana Ruiz and her colleagues found that the dunes had moved 3 metres.",
            &[("Ana Ruiz", "the dunes had moved 3 metres")],
        ),
        (
            "The Harbour Board and its partners said 3 bridges were closed.",
            &[("Harbour Board", "3 bridges were closed")],
        ),
        // a group after a clause's "and" is a subject of its own
        (
            "The dunes moved, and her colleagues said 3 huts were buried.",
            &[("colleagues", "3 huts were buried")],
        ),
    ]);
}

#[test]
fn a_repeated_description_is_the_unnamed_body_it_repeats() {
    check(&[
        (
            "Ferries stopped at dawn, the state ferry operator said. The dockers' union, \
             the Harbour Guild, said its members walked out. The operator said 40 \
             crossings were cancelled.",
            &[
                ("the state ferry operator", "Ferries stopped at dawn"),
                ("Harbour Guild", "its members walked out"),
                ("the state ferry operator", "40 crossings were cancelled"),
            ],
        ),
        // a date before a trailing description is no name of it
        (
            "Fares rose 3 percent in May, the state ferry operator said. The operator \
             said 40 crossings were cancelled.",
            &[
                ("the state ferry operator", "Fares rose 3 percent in May"),
                ("the state ferry operator", "40 crossings were cancelled"),
            ],
        ),
        // a description that names its body, before or after, is that body
        (
            "The operator Norail said fares would rise. The Harbour Guild said its \
             members walked out. The operator said 40 crossings were cancelled.",
            &[
                ("Norail", "fares would rise"),
                ("Harbour Guild", "its members walked out"),
                ("Norail", "40 crossings were cancelled"),
            ],
        ),
        (
            "Norail, a rail operator, said fares would rise. The Harbour Guild said its \
             members walked out. The operator said 40 crossings were cancelled.",
            &[
                ("Norail", "fares would rise"),
                ("Harbour Guild", "its members walked out"),
                ("Norail", "40 crossings were cancelled"),
            ],
        ),
    ]);
}

#[test]
fn a_kind_of_person_opening_a_sentence_before_a_name_is_no_part_of_it() {
    check_speaker_kinds(&[
        (
            "Fisherman Ivo Brand said the pier shook.",
            &[("Ivo Brand", EntityKind::Person)],
        ),
        (
            "The storm passed. Retired nurse Ana Ruiz said the clinic flooded.",
            &[("Ana Ruiz", EntityKind::Person)],
        ),
        // a capitalised word that names no kind of person stays in the name
        (
            "Harbour Board chair Ivo Brand said the pier shook.",
            &[("Ivo Brand", EntityKind::Person)],
        ),
    ]);
}

#[test]
fn a_former_or_deputy_office_is_not_the_office() {
    check(&[
        (
            "Mayor Ana Ruiz opened the pier. Her predecessor, Ivo Brand, criticised the \
             cost. The former mayor said the pier was too short.",
            &[
                ("Ivo Brand", "the cost"),
                ("Ivo Brand", "the pier was too short"),
            ],
        ),
        (
            "Mayor Ana Ruiz opened the pier. The deputy mayor said the pier was too short.",
            &[("The deputy mayor", "the pier was too short")],
        ),
        // the office as held is the person holding it
        (
            "Mayor Ana Ruiz opened the pier. Ivo Brand criticised the cost. The mayor said \
             the pier was long enough.",
            &[
                ("Ivo Brand", "the cost"),
                ("Ana Ruiz", "the pier was long enough"),
            ],
        ),
    ]);
}

#[test]
fn a_united_nations_body_by_its_epithet_is_that_body() {
    check_speaker_kinds(&[
        (
            "The U.N. refugee agency said the camps were full.",
            &[("UNHCR", EntityKind::Organization)],
        ),
        (
            "The United Nations children’s agency said the schools were shut.",
            &[("UNICEF", EntityKind::Organization)],
        ),
        // an epithet of more than one body, or none, stays a description
        (
            "The U.N. food agency said the stocks were low.",
            &[("The U.N. food agency", EntityKind::Nominal)],
        ),
        (
            "A U.N. agency said the camps were full.",
            &[("A U.N. agency", EntityKind::Nominal)],
        ),
    ]);
}

#[test]
fn a_particle_inside_a_place_name_is_no_verb_of_a_clause() {
    check(&[(
        "Officials in Serra do Vale said 30 farms flooded.",
        &[("Officials in Serra do Vale", "30 farms flooded")],
    )]);
}

#[test]
fn the_agency_is_the_public_body_named_before_whatever_its_head_word() {
    check(&[
        (
            "The Harbour Safety Administration closed the pier. The agency said 3 cranes \
             failed.",
            &[("Harbour Safety Administration", "3 cranes failed")],
        ),
        // a union is no agency
        (
            "The Dockers Union closed the pier. The agency said 3 cranes failed.",
            &[("The agency", "3 cranes failed")],
        ),
    ]);
}

#[test]
fn the_company_is_not_the_employer_named_to_place_a_person() {
    check(&[
        (
            "Sales fell at Velto Motors. Ana Ruiz, an analyst at Tarnlund Bank, said the cut \
             was wise. The company said more cuts were possible.",
            &[
                ("Ana Ruiz", "the cut was wise"),
                ("Velto Motors", "more cuts were possible"),
            ],
        ),
        // a body named for itself is the company
        (
            "Tarnlund Bank cut its forecast for Velto Motors. The company said more cuts were \
             possible.",
            &[("Velto Motors", "more cuts were possible")],
        ),
    ]);
}

#[test]
fn a_body_s_head_word_in_lower_case_heads_a_described_source() {
    check(&[
        (
            "Schools will stay closed, the regional centre for roads said.",
            &[("the regional centre for roads", "Schools will stay closed")],
        ),
        (
            "The department for roads said the schools would stay closed.",
            &[("The department for roads", "the schools would stay closed")],
        ),
        // a body named inside the description still speaks
        (
            "The board of Velto Shipping said fares would rise.",
            &[("Velto Shipping", "fares would rise")],
        ),
    ]);
}

#[test]
fn a_phrase_fronted_without_a_comma_is_no_part_of_the_speaker() {
    check(&[
        // "[As] a result some residents say": the speakers open with their own determiner
        (
            "As a result some residents say the pier in Oster should reopen.",
            &[("some residents", "the pier in Oster should reopen")],
        ),
        // one noun phrase with a possessive or an adjective before the determiner stays
        (
            "Oster's two harbour masters say the pier should reopen.",
            &[("Oster's two harbour masters", "the pier should reopen")],
        ),
    ]);
}

#[test]
fn post_nominal_letters_in_apposition_are_the_person_s_rank() {
    check(&[
        // "KC" after a barrister's name and a comma is a rank: the barrister speaks
        (
            "Speaking for the defence, Tomas Orsa, KC, said the parents acted in good faith.",
            &[("Tomas Orsa", "the parents acted in good faith")],
        ),
        (
            "Tomas Orsa, MSP, said the pier in Oster must reopen.",
            &[("Tomas Orsa", "the pier in Oster must reopen")],
        ),
    ]);
}

#[test]
fn letters_after_a_name_are_no_part_of_it() {
    check(&[
        // "Anna Holt KC" and a later "Ms Holt" are one person named "Anna Holt"
        (
            "Anna Holt KC said the pier in Oster was unsafe. Ms Holt said the ferry was late.",
            &[
                ("Anna Holt", "the pier in Oster was unsafe"),
                ("Anna Holt", "the ferry was late"),
            ],
        ),
        // named with a given name no list holds, the letters still go
        (
            "Tomas Orsa KC said the pier in Oster was unsafe.",
            &[("Tomas Orsa", "the pier in Oster was unsafe")],
        ),
        (
            "Mira Holt MSP said the pier in Oster was unsafe.",
            &[("Mira Holt", "the pier in Oster was unsafe")],
        ),
    ]);
}

#[test]
fn a_time_fronted_without_a_comma_is_no_part_of_the_speaker() {
    check(&[
        // a weekday, a month or a year after a preposition opens the sentence, then the
        // subject
        (
            "On Monday officials said the pier in Oster would reopen.",
            &[("officials", "the pier in Oster would reopen")],
        ),
        (
            "In March 2021 the harbour board said the pier in Oster was unsafe.",
            &[("the harbour board", "the pier in Oster was unsafe")],
        ),
        // a time after the subject stays out of the content as before
        (
            "The harbour board said in March the pier in Oster was unsafe.",
            &[("The harbour board", "the pier in Oster was unsafe")],
        ),
    ]);
}
