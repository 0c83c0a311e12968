//! What was said: the content rules' examples.

use super::super::test_support::check;

#[test]
fn what_was_talked_about_is_no_content() {
    check(&[
        // the topic: the sentence stays the article's own
        (
            "That week the Evening Post first reported on 40 unsafe piers in Oster.",
            &[(
                "",
                "That week the Evening Post first reported on 40 unsafe piers in Oster.",
            )],
        ),
        (
            "Mira Holt spoke about the flood in Oster on Monday.",
            &[("", "Mira Holt spoke about the flood in Oster on Monday.")],
        ),
        // "about" before a figure is a figure
        (
            "The Harbour Board reports about 40 piers in Oster are unsafe.",
            &[("Harbour Board", "about 40 piers in Oster are unsafe")],
        ),
    ]);
}

#[test]
fn when_something_was_said_is_no_content() {
    check(&[
        ("Mira Holt conceded shortly after 11 p.m. on Tuesday.", &[]),
        ("Mira Holt confirmed late on Monday night.", &[]),
        // a clause after the time is what was said
        (
            "Mira Holt said on Monday that 40 piers in Oster were unsafe.",
            &[("Mira Holt", "40 piers in Oster were unsafe")],
        ),
        (
            "The ferry to Oster leaves at 9 a.m., Mira Holt said.",
            &[("Mira Holt", "The ferry to Oster leaves at 9 a.m")],
        ),
    ]);
}

#[test]
fn a_time_before_the_next_clause_is_no_end_of_what_was_said() {
    check(&[
        (
            "The harbour board said it saw no case for new fares, a day after the \
             union urged talks.",
            &[("The harbour board", "it saw no case for new fares")],
        ),
        // "after" inside what was said stays
        (
            "The harbour board said fares would rise after the storm.",
            &[("The harbour board", "fares would rise after the storm")],
        ),
    ]);
}

#[test]
fn where_or_to_whom_something_was_said_is_no_content() {
    check(&[
        ("The harbour master told a press briefing on Monday.", &[]),
        ("Mira Holt told the inquiry on Friday.", &[]),
        // where, and when, after the listener
        (
            "“The pier stays shut,” the harbour master told a news conference at the \
             ferry terminal.",
            &[("the harbour master", "The pier stays shut,")],
        ),
        (
            "“The pier stays shut,” Mira Holt told a press briefing in Oster on Monday.",
            &[("Mira Holt", "The pier stays shut,")],
        ),
        ("Our correspondent reports from the harbour office.", &[]),
        // how and from where, after a short clause and the listener
        (
            "The pier is shut, Mira Holt told Radio Vell by phone from Oster.",
            &[("Mira Holt", "The pier is shut")],
        ),
        // content after the listener, and after a plain cue, stays
        (
            "Mira Holt told reporters the ferry sank on Friday.",
            &[("Mira Holt", "the ferry sank on Friday")],
        ),
        (
            "Mira Holt said the ferry sank on Friday.",
            &[("Mira Holt", "the ferry sank on Friday")],
        ),
        // a clause after "that", whatever its verb's form, is what was told
        (
            "Mira Holt told reporters that fares rose sharply last year.",
            &[("Mira Holt", "fares rose sharply last year")],
        ),
        (
            "Mira Holt told the harbour board that takings fell in the spring.",
            &[("Mira Holt", "takings fell in the spring")],
        ),
        // without "that", a listener of a few words and a time stays no content
        ("Mira Holt told waiting dock workers last night.", &[]),
        // a listener "of" a group, and where it was said, are no content either
        (
            "“The pier stays shut,” Mira Holt told a crowd of hundreds outside the \
             ferry terminal.",
            &[("Mira Holt", "The pier stays shut,")],
        ),
        (
            "Mira Holt told a group of reporters the ferry sank on Friday.",
            &[("Mira Holt", "the ferry sank on Friday")],
        ),
        (
            "Mira Holt told investors the sale of the ferry was off.",
            &[("Mira Holt", "the sale of the ferry was off")],
        ),
    ]);
}

#[test]
fn a_speaker_set_off_by_commas_keeps_the_clause_around_it() {
    check(&[
        // the subject before the aside is part of what was said
        (
            "The night ferry, the skipper said, will sail again on Monday.",
            &[(
                "the skipper",
                "The night ferry, the skipper said, will sail again on Monday",
            )],
        ),
        // after a relative word, only what follows the aside; up to the next speaker
        (
            "The board passed a rule that, Vera Lund says, will halve the fares on the \
             bay, where some pilots say 40 boats cross daily.",
            &[
                ("Vera Lund", "will halve the fares on the bay"),
                ("some pilots", "40 boats cross daily"),
            ],
        ),
        // no verb after the aside: the words before it
        (
            "The night ferry will sail again, the skipper said, to the delight of many.",
            &[("the skipper", "The night ferry will sail again")],
        ),
    ]);
}

#[test]
fn a_participle_right_after_a_trailing_cue_says_its_own_words() {
    check(&[
        // what precedes the trailing cue is its content; the participle adds its own
        (
            "Ferry fares will rise by a tenth, the operator said, adding that fuel had \
             become dearer.",
            &[
                ("the operator", "Ferry fares will rise by a tenth"),
                ("the operator", "fuel had become dearer"),
            ],
        ),
        // the same with an adverbial between the cue and the participle
        (
            "Ferry fares will rise by a tenth, the operator said on Monday, adding that \
             fuel had become dearer.",
            &[
                ("the operator", "Ferry fares will rise by a tenth"),
                ("the operator", "fuel had become dearer"),
            ],
        ),
        // a cue that opens the sentence keeps its "that" clause
        (
            "The operator said that fuel had become dearer.",
            &[("The operator", "fuel had become dearer")],
        ),
    ]);
}

#[test]
fn an_outlet_named_before_its_kind_is_the_listener() {
    check(&[(
        "Ana Ruiz told the Ekko news agency the talks had failed.",
        &[("Ana Ruiz", "the talks had failed")],
    )]);
}

#[test]
fn a_pronoun_that_opens_the_content() {
    check(&[
        (
            "Dr. Ada Pell says that cannot go on much longer.",
            &[("Ada Pell", "that cannot go on much longer")],
        ),
        (
            "Dr. Ada Pell says that the ward will close in June.",
            &[("Ada Pell", "the ward will close in June")],
        ),
    ]);
}

#[test]
fn an_instruction_or_a_plain_object_is_not_what_was_said() {
    check(&[
        // "told <someone> to <verb>": what was asked of them
        ("Ines Garza told her staff to go home early.", &[]),
        ("The coach tells the players to rest on Sundays.", &[]),
        // a listener, then "to": still the content of the report
        (
            "Ines Garza told reporters the plan to widen the road was dropped.",
            &[("Ines Garza", "the plan to widen the road was dropped")],
        ),
        // a clause with its verb before "to" is content, not an order
        (
            "Ines Garza told Reuters the vote was likely to take place in Vell.",
            &[("Ines Garza", "the vote was likely to take place in Vell")],
        ),
        // "says little at meetings", "said goodbye to …": nothing reported
        ("Tomas Brand says little at meetings.", &[]),
        ("Tomas Brand said goodbye to his crew.", &[]),
        // the same words opening a clause are reported content
        (
            "Tomas Brand said little had changed since May.",
            &[("Tomas Brand", "little had changed since May")],
        ),
        (
            "Tomas Brand said nothing would change for the crew.",
            &[("Tomas Brand", "nothing would change for the crew")],
        ),
    ]);
}

#[test]
fn an_adverbial_clause_after_the_cue_is_no_content() {
    check(&[
        // "after visiting …" says when it was said
        (
            "“Crews are working day and night,” Ana Ruiz said after visiting the flooded north quay.",
            &[("Ana Ruiz", "Crews are working day and night,")],
        ),
        // and is skipped on the way to the content
        (
            "Ana Ruiz said after visiting the quay that crews were working day and night.",
            &[("Ana Ruiz", "crews were working day and night")],
        ),
    ]);
}

#[test]
fn circumstances_a_colon_closes_before_a_quotation_are_no_content() {
    check(&[
        (
            "The crew said in a note read out by the captain: \"We are safe.\"",
            &[("The crew", "We are safe.")],
        ),
        // reported content before the colon stays content
        (
            "The crew said the hull was cracked: \"We are taking water.\"",
            &[
                ("The crew", "the hull was cracked"),
                ("The crew", "We are taking water."),
            ],
        ),
    ]);
}

#[test]
fn a_participle_with_its_agent_before_that_is_where_it_was_said() {
    check(&[
        (
            "Mira Holt said in remarks carried by the Vell Post that the pier would close.",
            &[("Mira Holt", "the pier would close")],
        ),
        // a participle without an agent is the content's own verb
        (
            "Mira Holt said the audit showed that the pier was unsafe.",
            &[("Mira Holt", "the audit showed that the pier was unsafe")],
        ),
        // "by" with no "that" after it: all of it was said
        (
            "Mira Holt said the pier was inspected by engineers that week.",
            &[("Mira Holt", "the pier was inspected by engineers that week")],
        ),
    ]);
}

#[test]
fn what_it_was_said_in_is_no_content() {
    check(&[
        (
            "Mira Holt said the pier would reopen, in comments aired by Oster Radio.",
            &[("Mira Holt", "the pier would reopen")],
        ),
        (
            "Mira Holt said the pier would reopen, in a statement on Monday.",
            &[("Mira Holt", "the pier would reopen")],
        ),
        // a phrase with "in" inside the content stays
        (
            "Mira Holt said the pier, in a bay of the north, would reopen.",
            &[("Mira Holt", "the pier, in a bay of the north, would reopen")],
        ),
    ]);
}

#[test]
fn a_lead_in_before_a_speaker_and_a_quotation_is_no_content() {
    check(&[
        // a phrase of circumstance, the speaker, a comma and a quotation: the quotation
        // is what was said, the lead-in nobody's claim
        (
            "After the vote, Mira Holt said, \u{201c}The piers in Oster will stay shut.\u{201d}",
            &[("Mira Holt", "The piers in Oster will stay shut.")],
        ),
        (
            "In a letter, the harbour master said, \u{201c}No ferry will leave Oster.\u{201d}",
            &[("the harbour master", "No ferry will leave Oster.")],
        ),
        // without a quotation the words before the aside open what was said
        (
            "The piers, Mira Holt said, will stay shut until the spring.",
            &[(
                "Mira Holt",
                "The piers, Mira Holt said, will stay shut until the spring",
            )],
        ),
    ]);
}

#[test]
fn a_quotation_after_an_auxiliary_stays_in_its_clause() {
    check(&[
        // after an age set off by commas, "had" carries the clause: the quotation is part
        // of what was reported, not words of its own
        (
            "Mira Holt said that Ivo Brand, 52, had \u{201c}gambled with the ferry in Oster\u{201d}.",
            &[(
                "Mira Holt",
                "Ivo Brand, 52, had \u{201c}gambled with the ferry in Oster\u{201d}",
            )],
        ),
        // a phrase of its own after the comma keeps the quotation apart
        (
            "Mira Holt urged crews to leave Oster, in order to \u{201c}stay safe tonight\u{201d}.",
            &[
                ("Mira Holt", "crews to leave Oster"),
                ("Mira Holt", "stay safe tonight"),
            ],
        ),
    ]);
}

#[test]
fn a_cue_sharing_the_first_verbs_subject_reports_nothing_before_it() {
    check(&[
        // what the subject did before "and tweeted" is no report of hers
        (
            "Mira Holt picked a slogan for the campaign and tweeted.",
            &[],
        ),
        (
            "Mira Holt picked a slogan in Oster and posted it online.",
            &[(
                "",
                "Mira Holt picked a slogan in Oster and posted it online.",
            )],
        ),
        // a clause before a trailing cue is still what was said, and a clause after it
        (
            "The pier in Oster is unsafe, Mira Holt said.",
            &[("Mira Holt", "The pier in Oster is unsafe")],
        ),
        (
            "Mira Holt visited the pier, and said it was unsafe.",
            &[("Mira Holt", "it was unsafe")],
        ),
    ]);
}

#[test]
fn whom_the_speaker_speaks_for_set_off_by_commas_is_no_subject() {
    check(&[
        (
            "Nora Vance, for the harbour board, says the rules will change.",
            &[("Nora Vance", "the rules will change")],
        ),
        (
            "Nora Vance, for her part, said the rules were fair.",
            &[("Nora Vance", "the rules were fair")],
        ),
        // an aside inside what was said stays in it
        (
            "The rules, for now, are fair, Nora Vance said.",
            &[("Nora Vance", "The rules, for now, are fair")],
        ),
    ]);
}
