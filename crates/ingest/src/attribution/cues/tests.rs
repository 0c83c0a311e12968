//! Cue verbs and their frames: the cue rules' examples.

use super::super::test_support::check;

mod clauses;

#[test]
fn a_negated_cue_credits_no_one() {
    check(&[
        // what an outlet reports is that nothing was said
        (
            "The harbour board has not commented on the closure, Radio Vell reported.",
            &[(
                "Radio Vell",
                "The harbour board has not commented on the closure",
            )],
        ),
        // the article's own statement that she has not
        (
            "Ana Ruiz hasn't confirmed that the ferry to Oster was late.",
            &[(
                "",
                "Ana Ruiz hasn't confirmed that the ferry to Oster was late.",
            )],
        ),
        (
            "Ana Ruiz, who has never said whether she will run, said the ferry was late.",
            &[("Ana Ruiz", "the ferry was late")],
        ),
        // the negation inside what was said, or an adverb alone, denies nothing
        (
            "Ana Ruiz said she had not seen the ferry to Oster.",
            &[("Ana Ruiz", "she had not seen the ferry to Oster")],
        ),
        (
            "Ana Ruiz has repeatedly said the ferry to Oster was late.",
            &[("Ana Ruiz", "the ferry to Oster was late")],
        ),
    ]);
}

#[test]
fn a_cue_whose_plain_form_is_a_noun_reads_as_the_noun_after_a_possessive() {
    check(&[
        // the noun: the operator's forecast, no one reports anything
        (
            "The ferry operator cut its fare forecast on Monday, blaming the storms.",
            &[],
        ),
        (
            "The ferry operator cut its annual fare forecast, blaming the storms.",
            &[],
        ),
        (
            "The town cut its growth estimate to 2 percent.",
            &[("", "The town cut its growth estimate to 2 percent.")],
        ),
        // a ranking word after a determiner: the noun, no speaker "In support of the second"
        (
            "In support of the second claim, fares in Oster rose by 2 percent.",
            &[(
                "",
                "In support of the second claim, fares in Oster rose by 2 percent.",
            )],
        ),
        // the verb: a reported clause follows, or no possessive stands before
        (
            "The first passengers claim the fares in Oster rose.",
            &[("The first passengers", "the fares in Oster rose")],
        ),
        (
            "The board's economists forecast that fares would rise by 2 percent.",
            &[("The board's economists", "fares would rise by 2 percent")],
        ),
        (
            "Harbour economists forecast that fares would rise by 2 percent.",
            &[("Harbour economists", "fares would rise by 2 percent")],
        ),
    ]);
}

#[test]
fn a_cue_plural_after_a_name_it_belongs_to_is_the_noun() {
    check(&[
        // the board's estimates: nothing the board says
        (
            "Fares rose by 2 percent above Harbour Board estimates, blaming the storms.",
            &[(
                "",
                "Fares rose by 2 percent above Harbour Board estimates, blaming the storms.",
            )],
        ),
        (
            "Ferry fares rose by 2 percent, missing Harbour Board forecasts.",
            &[(
                "",
                "Ferry fares rose by 2 percent, missing Harbour Board forecasts.",
            )],
        ),
        // the verb: a clause follows, or the quotation it closes stands before
        (
            "Lena Holm, an analyst at Velto, estimates that fares will rise by 2 percent.",
            &[("Lena Holm", "fares will rise by 2 percent")],
        ),
        (
            "“Fares will rise by 2 percent,” the Harbour Board estimates.",
            &[("Harbour Board", "Fares will rise by 2 percent,")],
        ),
        // or a comma and "the" before the name: it closes the sentence as its subject
        (
            "Ferry fares will rise by 2 percent this year, the Harbour Board estimates.",
            &[(
                "Harbour Board",
                "Ferry fares will rise by 2 percent this year",
            )],
        ),
        // "the" after a word is still whose figures they are
        (
            "Ferry fares rose by 2 percent, above the Harbour Board forecasts.",
            &[(
                "",
                "Ferry fares rose by 2 percent, above the Harbour Board forecasts.",
            )],
        ),
    ]);
}

#[test]
fn a_speech_participle_alone_is_said_by_the_sentence_subject() {
    check(&[
        (
            "Mayor Tilde Roos toured the dam on Monday, saying the repairs would take a year.",
            &[("Tilde Roos", "the repairs would take a year")],
        ),
        (
            "Marta Roos said the board would meet. She toured the dam, saying the pumps had failed.",
            &[
                ("Marta Roos", "the board would meet"),
                ("Marta Roos", "the pumps had failed"),
            ],
        ),
        (
            "The ferry company sent a letter to passengers saying the route would close.",
            &[("The ferry company", "the route would close")],
        ),
        (
            "Harbour economist Tilde Roos disputed the figure, saying the real cost was \
             higher.",
            &[("Tilde Roos", "the real cost was higher")],
        ),
        // a body's role word before the name: the person, not the body, is the subject
        (
            "Harbour Board spokeswoman Tilde Roos declined to comment, saying only that \
             talks would go on.",
            &[("Tilde Roos", "talks would go on")],
        ),
        // a body and a person joined by "and" are no body's role
        (
            "The Harbour Board and Tilde Roos disputed the figure, saying the real cost was \
             higher.",
            &[("Harbour Board", "the real cost was higher")],
        ),
        // "telling" its listener what is so
        (
            "Mayor Tilde Roos left the stage on Sunday, telling supporters in Oster that \
             she would respect the count.",
            &[("Tilde Roos", "she would respect the count")],
        ),
        // an act, not speech; no comma before the participle; no subject that can speak
        ("Mayor Tilde Roos wrote to the crew, telling them to go home early.", &[]),
        ("Tilde Roos worked all night, adding sandbags to the levee.", &[]),
        ("Tilde Roos left without saying goodbye to the crew.", &[]),
        ("Crews worked all night, saying little to anyone.", &[]),
    ]);
}

#[test]
fn an_aside_of_attribution_keeps_the_quotation_in_the_content() {
    check(&[
        (
            "Tilde Roos said the checks, as she put it, “became sloppy” in the boom years.",
            &[(
                "Tilde Roos",
                "the checks, as she put it, “became sloppy” in the boom years",
            )],
        ),
        // after a plain comma, the quotation is not inside the reported words: it is
        // her own, a direct claim of its own
        (
            "Tilde Roos said the checks were late, “and nobody cared.”",
            &[
                ("Tilde Roos", "the checks were late"),
                ("Tilde Roos", "and nobody cared."),
            ],
        ),
    ]);
}

#[test]
fn a_trailing_attribution_reports_a_clause_built_on_another_cue() {
    check(&[
        (
            "The port authority has warned shippers against night crossings, harbour \
             officials said.",
            &[(
                "harbour officials",
                "The port authority has warned shippers against night crossings",
            )],
        ),
        (
            "The council promised new ferries by May, according to two councillors.",
            &[("two councillors", "The council promised new ferries by May")],
        ),
        // a plain speech verb keeps its own speaker
        (
            "Pilots said the runway was icy, airport officials told the inquiry.",
            &[("Pilots", "the runway was icy")],
        ),
    ]);
}

#[test]
fn a_cue_form_after_a_determiner_is_a_noun() {
    check(&[
        (
            "The port authority said such claims were false and malicious.",
            &[("The port authority", "such claims were false and malicious")],
        ),
        // the object of a cue verb
        (
            "The port authority denied reports that the cranes were unsafe.",
            &[("The port authority", "the cranes were unsafe")],
        ),
        // counted, a cue form is a noun
        (
            "Velto Power & Light said crews from six states were helping to restore service.",
            &[(
                "Velto Power & Light",
                "crews from six states were helping to restore service",
            )],
        ),
        // a cue after a noun is still a verb
        (
            "The union claims the cranes are unsafe.",
            &[("The union", "the cranes are unsafe")],
        ),
    ]);
}

#[test]
fn a_report_inside_reported_words_is_no_claim_of_its_own() {
    check(&[
        (
            "The harbour union said it had warned the port about the cranes for months.",
            &[(
                "The harbour union",
                "it had warned the port about the cranes for months",
            )],
        ),
        // a "that" clause whose own subject reports: the outer speaker says all of it
        (
            "The harbour union said that the port had warned of delays.",
            &[("The harbour union", "the port had warned of delays")],
        ),
        (
            "Mira Holt told reporters that the board had confirmed the new fares.",
            &[("Mira Holt", "the board had confirmed the new fares")],
        ),
    ]);
}

#[test]
fn a_document_cited_after_a_report_is_where_it_was_made() {
    check(&[
        (
            "The harbour board warned that 40 piers in Vell were unsafe, according to a \
             statement.",
            &[("The harbour board", "40 piers in Vell were unsafe")],
        ),
        // a speaker cited after it reports the whole clause
        (
            "The harbour board warned that 40 piers in Vell were unsafe, according to \
             officials.",
            &[(
                "officials",
                "The harbour board warned that 40 piers in Vell were unsafe",
            )],
        ),
    ]);
}

#[test]
fn two_cues_over_the_same_words_make_one_claim() {
    check(&[(
        "“We still check every ship,” Lise Moe said, adding that some routes could stay \
         closed until Wednesday.",
        &[
            ("Lise Moe", "We still check every ship,"),
            ("Lise Moe", "some routes could stay closed until Wednesday"),
        ],
    )]);
}

#[test]
fn a_request_for_anonymity_is_no_claim() {
    check(&[(
        "Two engineers, who asked not to be named because they were not allowed to \
         speak, said the bridge would hold.",
        &[("Two engineers", "the bridge would hold")],
    )]);
}

#[test]
fn where_it_was_said_is_not_what_was_said() {
    check(&[
        (
            "“We will appeal,” the lawyer Ida Marsh said outside the courthouse.",
            &[("Ida Marsh", "We will appeal,")],
        ),
        (
            "“The dam is safe,” Mayor Ole Brandt said after the inspection.",
            &[("Ole Brandt", "The dam is safe,")],
        ),
        // a clause after the preposition is content
        (
            "Ida Marsh said outside the courthouse that she would appeal.",
            &[("Ida Marsh", "she would appeal")],
        ),
    ]);
}

#[test]
fn whom_it_was_told_to_is_not_what_was_told() {
    check(&[
        // a listener with or without a determiner, and where or when
        (
            "“The count was fair,” Nora Vik told supporters in Dunmore.",
            &[("Nora Vik", "The count was fair,")],
        ),
        (
            "“The count was fair,” Nora Vik told the voters on Sunday.",
            &[("Nora Vik", "The count was fair,")],
        ),
        // the plain present's listener too ("tell me")
        (
            "Poll workers tell me the count was fair in every district.",
            &[("Poll workers", "the count was fair in every district")],
        ),
        // what follows the listener is content when it is a clause
        (
            "Nora Vik told supporters in Dunmore that the count was fair.",
            &[("Nora Vik", "the count was fair")],
        ),
        // a pronoun right after "told" is who heard it
        (
            "Nora Vik told me the count was fair.",
            &[("Nora Vik", "the count was fair")],
        ),
        (
            "Nora Vik told them on Sunday that the count was fair.",
            &[("Nora Vik", "the count was fair")],
        ),
        // "her" before a noun is a possessive, and an order is no claim
        ("Nora Vik told her staff to go home early.", &[]),
        // a listener of any noun, without "that" before the clause
        (
            "Nora Vik told investors the merger would close in June.",
            &[("Nora Vik", "the merger would close in June")],
        ),
        (
            "Nora Vik told the committee it had not seen the accounts.",
            &[("Nora Vik", "it had not seen the accounts")],
        ),
        (
            "Nora Vik told waiting shareholders the vote was delayed.",
            &[("Nora Vik", "the vote was delayed")],
        ),
        // a figure joined to the listener's noun describes it
        (
            "Nora Vik told the nine-member board the vote was delayed.",
            &[("Nora Vik", "the vote was delayed")],
        ),
        (
            "“The vote is delayed,” Nora Vik told the 12-member board after the count.",
            &[("Nora Vik", "The vote is delayed,")],
        ),
    ]);
}

#[test]
fn a_cue_plural_right_before_a_cue_verb_is_its_subject() {
    check(&[
        // "reports" is the noun, "said" the cue
        (
            "Local reports said the pier in Oster was unsafe.",
            &[("Local reports", "the pier in Oster was unsafe")],
        ),
        (
            "Harbour surveys suggest the pier in Oster is unsafe.",
            &[("Harbour surveys", "the pier in Oster is unsafe")],
        ),
        // a cue before a clause is the verb
        (
            "Mira Holt reports the pier in Oster is unsafe.",
            &[("Mira Holt", "the pier in Oster is unsafe")],
        ),
    ]);
}
