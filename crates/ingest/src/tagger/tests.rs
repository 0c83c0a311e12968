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
fn given_name_genders() {
    let cases = [
        ("Lena", Some(Gender::Female)),
        ("mary", Some(Gender::Female)),
        ("Sarah", Some(Gender::Female)),
        ("Ivo", Some(Gender::Male)),
        ("Mark", Some(Gender::Male)),
        ("JOHN", Some(Gender::Male)),
        // unisex or unclear: neither
        ("Robin", None),
        ("Jean", None),
        ("Andrea", None),
        ("Alex", None),
        ("Ellis", None),
        // clearly male in the list but rare: not trusted
        ("Aafko", None),
        // not a given name
        ("Xqzv", None),
        ("", None),
    ];
    for (name, want) in cases {
        assert_eq!(given_name_gender(name), want, "{name}");
    }
}

#[test]
fn given_list_parses_old_and_new_lines() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(
        &mut gz,
        b"lena\t13\tf\nivo\t8\tm\nrobin\t13\tu\nmark\t12\nbad\n",
    )
    .expect("writes");
    let names = parse_given(&gz.finish().expect("gzips")).expect("parses");
    let h = crate::text::word_hash;
    let cases = [
        ("lena", Some(13), Some(Gender::Female)),
        ("ivo", Some(8), Some(Gender::Male)),
        ("robin", Some(13), None),
        ("mark", Some(12), None),
        ("bad", None, None),
    ];
    for (name, score, gender) in cases {
        assert_eq!(names.scores.get(&h(name)).copied(), score, "{name}");
        assert_eq!(names.genders.get(&h(name)).copied(), gender, "{name}");
    }
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
