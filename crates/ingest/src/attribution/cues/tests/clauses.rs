//! Cues framed by more than a subject and a verb: the listener after "told" and an outlet's
//! service, naming verbs and their quotations, phrase cues, what research finds and courts
//! rule, participles, estimates given with "put", adverbials before the content.

use crate::attribution::test_support::check;

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
        // a phrase of time between the verb and "that"
        (
            "The appeals court ruled on Friday that the harbour levy was unlawful.",
            &[("The appeals court", "the harbour levy was unlawful")],
        ),
        (
            "A port survey found last month that most ferries ran late.",
            &[("A port survey", "most ferries ran late")],
        ),
        // holding or deciding a thing reports nothing, nor does a "that" of another clause
        ("The police held the crewmen overnight.", &[]),
        ("The board decided the matter on Monday.", &[]),
        ("The board decided on the day that the pier shut.", &[]),
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
    let x = crate::attribution::test_support::extractor();
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
        // a description of a body
        (
            "The town's harbour board kept fares at 4 euros, saying fuel costs had eased.",
            &[("The town's harbour board", "fuel costs had eased")],
        ),
        (
            "The tide reached the pier, saying nothing of the storm.",
            &[],
        ),
        (
            "The town's old crane kept working, saying fuel costs had eased.",
            &[],
        ),
        // a court's ruling, and a body first described with "a"
        (
            "The harbour court freed the men, ruling that the arrest was unlawful.",
            &[("The harbour court", "the arrest was unlawful")],
        ),
        (
            "A local charity thanked the crews, saying the families were safe.",
            &[("A local charity", "the families were safe")],
        ),
        ("A storm hit the port, ruling out any sailing.", &[]),
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
