use super::*;
use crate::text::Lexicon;

/// The type the shipped model gives the words `name` inside `sentence`.
fn type_of(sentence: &str, name: &str, gaz: Option<&Gazetteer>) -> Option<NameType> {
    let lex = Lexicon::new();
    let t = Tokens::new(sentence, &lex);
    let model = shipped().expect("the shipped model loads");
    let tagged = tag(model, &t, gaz);
    let start = sentence.find(name)?;
    let end = start + name.len();
    let a = (0..t.len()).find(|&i| t.start(i) == start)?;
    let b = (0..t.len()).find(|&i| t.end(i) == end)? + 1;
    tagged.run_type(a, b).map(|(ty, _)| ty)
}

/// (sentence, name in it, expected type or None for "not a name").
const CASES: &[(&str, &str, Option<NameType>)] = &[
    // people after a list of places
    (
        "Officials in Rome, Lyon and Porto met on Monday, and Marta Lindqvist said the talks went well.",
        "Marta Lindqvist",
        Some(NameType::Person),
    ),
    ("Officials in Rome, Lyon and Porto met on Monday.", "Lyon", Some(NameType::Place)),
    (
        "The river flooded, according to Tomasz Wieczorek, a local engineer.",
        "Tomasz Wieczorek",
        Some(NameType::Person),
    ),
    (
        "Prime Minister Elena Vasquez spoke after the vote.",
        "Elena Vasquez",
        Some(NameType::Person),
    ),
    (
        "The University of Melbourne published the study in March.",
        "University of Melbourne",
        Some(NameType::Organization),
    ),
    (
        "A spokesman for the Ghana Football Association praised the coach.",
        "Football Association",
        Some(NameType::Organization),
    ),
    // negatives: months, weekdays and sentence openers are not names
    ("The talks ended on Monday in the capital.", "Monday", None),
    ("The study was published in March by the team.", "March", None),
];

#[test]
fn shipped_model_loads() {
    let model = shipped().expect("the embedded model loads");
    assert!(model.weights.iter().any(|&w| w != 0));
    assert!(model.scale > 0.0);
    assert!(given_names().len() > 10_000);
}

#[test]
fn model_file_round_trips() {
    let model = shipped().expect("the embedded model loads");
    let again = Model::from_bytes(&model.to_bytes()).expect("re-reads");
    assert_eq!(again.weights, model.weights);
    assert!(matches!(Model::from_bytes(b"nope"), Err(ModelError::Magic)));
    let mut cut = model.to_bytes();
    cut.truncate(cut.len() - 3);
    assert!(Model::from_bytes(&cut).is_err());
}

#[test]
fn tags_names_of_our_own_sentences() {
    let gaz = Gazetteer::load().ok();
    for &(sentence, name, want) in CASES {
        assert_eq!(
            type_of(sentence, name, gaz.as_ref()),
            want,
            "{name} in {sentence}"
        );
    }
}

#[test]
fn inside_tags_only_continue_their_own_type() {
    assert!(Tag::IPer.may_follow(Tag::BPer));
    assert!(Tag::IPer.may_follow(Tag::IPer));
    assert!(!Tag::IPer.may_follow(Tag::O));
    assert!(!Tag::IPlace.may_follow(Tag::BPer));
    assert!(Tag::BOrg.may_follow(Tag::IPer));
    assert!(Tag::O.may_follow(Tag::IOther));
}

#[test]
fn lower_case_text_is_never_scored() {
    let lex = Lexicon::new();
    let t = Tokens::new("nothing here is a name, not even paris.", &lex);
    let model = shipped().expect("loads");
    let tagged = tag(model, &t, None);
    assert!(tagged.tags.iter().all(|&x| x == Tag::O));
}

/// Each case: a text, a word in it, and whether that word opens a sentence.
fn check_sentence_initial(cases: &[(&str, &str, bool)]) {
    let lex = Lexicon::new();
    for &(text, word, want) in cases {
        let t = Tokens::new(text, &lex);
        let i = (0..t.len())
            .find(|&i| t.s(i) == word)
            .expect("the word is in the text");
        assert_eq!(sentence_initial(&t, i), want, "{text}");
    }
}

#[test]
fn a_wire_datelines_dash_opens_the_sentence() {
    check_sentence_initial(&[
        ("BERGEN (Reuters) - Shares of Velto fell.", "Shares", true),
        ("BERGEN — Shares of Velto fell.", "Shares", true),
        ("The board met on Monday. Shares fell.", "Shares", true),
        // a dash inside a sentence, or one after a word in lower case, opens nothing
        ("The board met - Shares fell.", "Shares", false),
        ("The board met on Monday and Shares fell.", "Shares", false),
    ]);
}

#[test]
fn a_middle_initial_keeps_the_surname_in_the_name() {
    check_sentence_initial(&[
        ("Greta M. Holloway chaired the panel.", "Holloway", false),
        (
            "The panel met D. J. Arkwright on Friday.",
            "Arkwright",
            false,
        ),
        // a letter after a lower-case word, before a word that opens sentences, ends one
        (
            "Most of them lacked vitamin D. The panel said so.",
            "The",
            true,
        ),
        ("The fund met. Growers came too.", "Growers", true),
    ]);
    let lex = Lexicon::new();
    // the period is inside the person's name the tagger reads
    let t = Tokens::new("Greta M. Holloway chaired the panel.", &lex);
    let tagged = tag(shipped().expect("loads"), &t, None);
    let period = (0..t.len())
        .find(|&i| t.is_punct(i, '.'))
        .expect("a period");
    assert_eq!(tagged.tags[period], Tag::IPer);
}
