//! Cue verbs and their frames: the cue rules' examples.

use super::super::test_support::check;

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
        // the verb: a reported clause follows, or no possessive stands before
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
fn an_outlets_service_is_part_of_the_listener() {
    check(&[
        (
            "“The vote is delayed,” Nora Vik told BBC Radio Cymru after the count.",
            &[("Nora Vik", "The vote is delayed,")],
        ),
        (
            "“The vote is delayed,” Nora Vik told BBC Radio 5’s morning show.",
            &[("Nora Vik", "The vote is delayed,")],
        ),
        (
            "Nora Vik told Sky News Arabia that the vote was delayed.",
            &[("Nora Vik", "the vote was delayed")],
        ),
        // no service word after the outlet: what follows is what was told
        (
            "Nora Vik told Reuters Dunmore would vote again.",
            &[("Nora Vik", "Dunmore would vote again")],
        ),
    ]);
}

#[test]
fn a_listener_after_to_is_no_infinitive() {
    check(&[
        (
            "The ferry company indicated to travellers that no boats would sail on Sunday.",
            &[("The ferry company", "no boats would sail on Sunday")],
        ),
        (
            "Captain Ola Brenn explained to the harbour inspectors that the hull was sound.",
            &[("Ola Brenn", "the hull was sound")],
        ),
        // an infinitive, with or without a demonstrative after it
        ("The ferry company agreed to sell that old boat.", &[]),
        ("The ferry company promised to repair the pier.", &[]),
    ]);
}

#[test]
fn consent_to_a_thing_is_no_report() {
    check(&[
        ("The ferry company agreed to a new timetable.", &[]),
        ("The unions agreed on higher fares for the winter.", &[]),
        // the clause the consent heads is what the trailing speaker reports
        (
            "The pilots agreed to a pay freeze, Mira Holt said.",
            &[("Mira Holt", "The pilots agreed to a pay freeze")],
        ),
        // "that" after the one agreed with opens what was said
        (
            "The ferry company agreed with the inspectors that the hull was sound.",
            &[("The ferry company", "the hull was sound")],
        ),
        (
            "The ferry company agreed that the pier needed repairs.",
            &[("The ferry company", "the pier needed repairs")],
        ),
    ]);
}

#[test]
fn calling_something_a_name_reports_a_judgement() {
    check(&[
        (
            "The ombudsman called the new toll a tax on the poor.",
            &[("The ombudsman", "the new toll a tax on the poor")],
        ),
        (
            "Dockworkers describe the overtime rules as unfair.",
            &[("Dockworkers", "the overtime rules as unfair")],
        ),
        // dismissing, hailing or denouncing something as what it is judged to be
        (
            "The ombudsman dismissed the new toll as a tax on the poor.",
            &[("The ombudsman", "the new toll as a tax on the poor")],
        ),
        (
            "Ferry crews hailed the overtime rules as fair.",
            &[("Ferry crews", "the overtime rules as fair")],
        ),
        // without "as": an act, no judgement
        (
            "The harbour board dismissed three pilots on Monday.",
            &[("", "The harbour board dismissed three pilots on Monday.")],
        ),
        // a name given, not a judgement; a passive; a future act
        ("Divers found a dog called Biscuit on the boat.", &[]),
        ("The overtime rules were described as unfair.", &[]),
        ("The ombudsman will call the toll a tax.", &[]),
    ]);
}

#[test]
fn phrase_cues_report_like_cue_verbs() {
    check(&[
        (
            "Mayor Tilde Roos made clear she will not raise the ferry fares.",
            &[("Tilde Roos", "she will not raise the ferry fares")],
        ),
        (
            "The shipyard owner Karl Brenn took responsibility for the fire in the paint shop.",
            &[(
                "Karl Brenn",
                "responsibility for the fire in the paint shop",
            )],
        ),
        (
            "The harbour master Karl Brenn pointed out that the quay was too short.",
            &[("Karl Brenn", "the quay was too short")],
        ),
        // "made", "took" and "pointed" alone report nothing
        (
            "Karl Brenn made a model of the old lighthouse for the museum.",
            &[],
        ),
        ("Karl Brenn pointed at the old lighthouse on the hill.", &[]),
    ]);
}

#[test]
fn a_description_stands_for_the_body_named_with_its_head_word() {
    check(&[(
        "The Harbour Agency and the Red Cross sent boats. \
         The agency said its divers had searched the wreck.",
        &[("Harbour Agency", "its divers had searched the wreck")],
    )]);
}

#[test]
fn acts_of_speech_report_their_object() {
    check(&[
        (
            "The ferry operator Nordlink blamed the delays on a broken crane.",
            &[("Nordlink", "the delays on a broken crane")],
        ),
        (
            "Union leaders asked for calm ahead of the vote on Thursday.",
            &[("Union leaders", "calm ahead of the vote on Thursday")],
        ),
        (
            "Senator Ivo Marsh accused the harbour board of hiding its losses.",
            &[("Ivo Marsh", "the harbour board of hiding its losses")],
        ),
        // "the company" after a body named only by its cue is that body
        (
            "Velto blamed the rattling noise on loose panels. \
             The company later faulted the worn brakes on its trucks.",
            &[
                ("Velto", "the rattling noise on loose panels"),
                ("Velto", "the worn brakes on its trucks"),
            ],
        ),
        // an act's object may be one word; a said-content may not
        (
            "The crew wanted more pay, while the owners asked for patience.",
            &[("the owners", "patience")],
        ),
        ("The owners said so.", &[]),
        (
            "The harbour board has denied the report.",
            &[("The harbour board", "the report")],
        ),
        ("Velto denies wrongdoing.", &[("Velto", "wrongdoing")]),
        // asked in the passive: the one asked says nothing
        (
            "The pilots were asked to wait on the runway for an hour.",
            &[],
        ),
    ]);
}

#[test]
fn verbs_of_saying_with_a_that_clause_are_cues_before_that() {
    check(&[
        (
            "The auditor recommended that the port sell two tugs.",
            &[("The auditor", "the port sell two tugs")],
        ),
        (
            "Ana Ruiz testified that the ledger had been altered.",
            &[("Ana Ruiz", "the ledger had been altered")],
        ),
        (
            "The harbour master remarked that the quay was too short.",
            &[("The harbour master", "the quay was too short")],
        ),
        // without "that" the verb reports nothing; a noun before "that" is no cue
        ("The auditor recommended the sale of two old tugs.", &[]),
        ("There is evidence that the quay was too short.", &[]),
        ("The remarks that followed were brief and polite.", &[]),
    ]);
}

#[test]
fn what_research_finds_is_its_report() {
    check(&[
        (
            "The port banned coal after studies showed a link between soot and asthma.",
            &[("studies", "a link between soot and asthma")],
        ),
        (
            "The survey found a sharp rise in rents across the valley.",
            &[("The survey", "a sharp rise in rents across the valley")],
        ),
        (
            "Researchers found that the reef was recovering.",
            &[("Researchers", "the reef was recovering")],
        ),
        // what people find is no report, nor a finding of a thing
        ("The divers found a wreck near the pier.", &[]),
        ("The police found a body in the river.", &[]),
    ]);
}

#[test]
fn a_ruling_before_that_is_reported() {
    check(&[
        (
            "The appeals court ruled that the harbour levy was unlawful.",
            &[("The appeals court", "the harbour levy was unlawful")],
        ),
        (
            "The tribunal held that the port must pay the crews.",
            &[("The tribunal", "the port must pay the crews")],
        ),
        // holding or deciding a thing reports nothing
        ("The police held the crewmen overnight.", &[]),
        ("The board decided the matter on Monday.", &[]),
    ]);
}

#[test]
fn adding_something_somewhere_reports_nothing() {
    check(&[
        // "add" with a number, or with a "to" before any clause: a thing put somewhere
        (
            "The port board added 12 cranes to the quay in May.",
            &[("", "The port board added 12 cranes to the quay in May.")],
        ),
        (
            "The closure adds to the pressure on Velto Shipping, analysts said.",
            &[(
                "analysts",
                "The closure adds to the pressure on Velto Shipping",
            )],
        ),
        // "added that", a clause after it, or a trailing "added" still report
        (
            "Ana Ruiz added that 12 cranes would go to the quay.",
            &[("Ana Ruiz", "12 cranes would go to the quay")],
        ),
        (
            "Ana Ruiz added the cranes would go to the quay in May.",
            &[("Ana Ruiz", "the cranes would go to the quay in May")],
        ),
    ]);
}

#[test]
fn a_participle_describing_the_noun_before_it_is_no_cue() {
    check(&[
        (
            "In a statement read by her lawyer, Ana Ruiz said she would appeal.",
            &[("Ana Ruiz", "she would appeal")],
        ),
        (
            "The crew said in a statement read by the captain: \"We are safe.\"",
            &[("The crew", "We are safe.")],
        ),
        // how something was said is no agent
        (
            "The pilot said by phone that the runway was icy.",
            &[("The pilot", "the runway was icy")],
        ),
    ]);
}

#[test]
fn a_ruling_cue_closing_its_sentence_rules_what_the_comma_closes() {
    check(&[
        (
            "The levy was unlawful, a judge in Vell ruled on Tuesday.",
            &[("a judge in Vell", "The levy was unlawful")],
        ),
        (
            "The permit stands, the tribunal held.",
            &[("the tribunal", "The permit stands")],
        ),
        // a ruling cue with an object, or no clause before the comma, rules nothing
        ("After a long hearing, the panel decided to wait.", &[]),
        ("In March, the court ruled.", &[]),
    ]);
}

#[test]
fn one_quoted_as_saying_said_it() {
    check(&[
        (
            "Mira Holt was quoted as saying the pier would close.",
            &[("Mira Holt", "the pier would close")],
        ),
        (
            "Mira Holt was quoted by the Vell Post as saying the pier would close.",
            &[("Mira Holt", "the pier would close")],
        ),
        (
            "“The pier will close,” Mira Holt was quoted as saying by the Vell Post.",
            &[("Mira Holt", "The pier will close,")],
        ),
        (
            "The Vell Post quoted Mira Holt as saying the pier would close.",
            &[("Mira Holt", "the pier would close")],
        ),
        (
            "The Vell Post cited harbour officials as saying the pier would close.",
            &[("harbour officials", "the pier would close")],
        ),
        // "as saying" with no one quoted before it is no such frame
        (
            "The pier is known as saying little about 40 closures in Vell.",
            &[(
                "",
                "The pier is known as saying little about 40 closures in Vell.",
            )],
        ),
    ]);
}

#[test]
fn a_cue_plural_opening_a_text_without_a_headline_is_read_safely() {
    // the name then opens the text: nothing stands before it to look at
    let opts = crate::ExtractOptions {
        headline_is_first_line: false,
    };
    let x = super::super::test_support::extractor();
    let read = |text: &str| -> Vec<(String, String)> {
        let ex = x.extract(text, &opts);
        ex.claims
            .iter()
            .map(|c| {
                let who = c.speaker.as_ref().map_or("", |m| m.name.as_str());
                (
                    who.to_string(),
                    c.span.slice(text).unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    assert!(read("Harbour Board estimates.").is_empty());
    assert_eq!(
        read("Harbour Board estimates rose, officials said."),
        [(
            "officials".to_string(),
            "Harbour Board estimates rose".to_string()
        )]
    );
}

#[test]
fn what_a_naming_verb_quotes_is_said_whatever_the_speaker_did_next() {
    check(&[
        (
            "Ana Ruiz called the levy “a tax on hope” and vowed to fight it in the Supreme Court.",
            &[("Ana Ruiz", "a tax on hope")],
        ),
        (
            "The mayor described the storm as “the worst in years” but praised the crews \
             who worked through the night in Dunmore.",
            &[("The mayor", "the worst in years")],
        ),
        // a quotation the clause goes on from is part of a larger phrase, not what was said
        (
            "Ana Ruiz called the levy “a tax” of the kind that hurts farmers in the north most.",
            &[],
        ),
    ]);
}

#[test]
fn whoever_puts_a_figure_at_a_number_gives_an_estimate() {
    check(&[
        (
            "Police put the crowd at about 5,000.",
            &[("Police", "the crowd at about 5,000")],
        ),
        (
            "The insurer puts its storm losses at $2 billion.",
            &[("The insurer", "its storm losses at $2 billion")],
        ),
        // putting things somewhere, or no figure after "at"
        ("Workers put the boxes at the door.", &[]),
        ("Nora Vik put the levy at the top of her list.", &[]),
    ]);
}

#[test]
fn a_participle_after_the_main_clause_speaks_for_its_subject() {
    check(&[
        // a quoting participle: its quotation only
        (
            "Nora Vik praised the divers, calling the rescue “a small miracle”.",
            &[("Nora Vik", "a small miracle")],
        ),
        ("Nora Vik thanked the divers, calling for calm.", &[]),
        ("Nora Vik left the pier, calling her driver.", &[]),
        // a description of a person as the main clause's subject
        (
            "The harbour master thanked the divers, saying the wreck was stable.",
            &[("The harbour master", "the wreck was stable")],
        ),
        (
            "The harbour master praised the divers, calling the rescue “a small miracle”.",
            &[("The harbour master", "a small miracle")],
        ),
        (
            "The tide reached the pier, saying nothing of the storm.",
            &[],
        ),
    ]);
}

#[test]
fn a_place_named_after_a_noun_in_an_adverbial_is_no_content() {
    check(&[
        (
            "Nora Vik said in the town of Port Arn the pier was closed.",
            &[("Nora Vik", "the pier was closed")],
        ),
        (
            "Nora Vik said at the port of Velmar that the pier was closed.",
            &[("Nora Vik", "the pier was closed")],
        ),
        // the place is what the content is about
        (
            "Nora Vik said the town of Port Arn was flooded.",
            &[("Nora Vik", "the town of Port Arn was flooded")],
        ),
    ]);
}
