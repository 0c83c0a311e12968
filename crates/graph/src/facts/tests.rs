//! Facts and conflicts made as articles arrive, on claims in memory. Signatures are written
//! as the store keeps them: terms, `p:<place>`, `n:<unit>:<value>`.

use super::*;

/// Writes `article`'s claims (id, signature) and makes their facts and links, the article
/// telling the story every other article of the test tells (two places named elsewhere
/// in it: see `articles_that_share_one_name_tell_two_stories` for articles that do not).
fn write(facts: &mut MemoryFacts, index: &mut TokenIndex, article: Id, claims: &[(Id, &str)]) {
    let story = index.profile(&Signature::parse("p:900 p:901"));
    index.note_story(article, [&story]);
    write_alone(facts, index, article, claims);
}

/// [`write`] without the shared story: the article tells what its claims name.
fn write_alone(
    facts: &mut MemoryFacts,
    index: &mut TokenIndex,
    article: Id,
    claims: &[(Id, &str)],
) {
    let claims: Vec<(Id, Signature)> = claims
        .iter()
        .map(|(id, s)| {
            facts.add_claim(*id, article);
            (*id, Signature::parse(s))
        })
        .collect();
    let Ok(()) = link_claims(facts, index, article, &claims);
}

/// Whether claims `a` and `b` are of one fact (and no link was stored between them: a
/// fact is its claims, not links).
fn one_fact(facts: &MemoryFacts, a: Id, b: Id) -> bool {
    facts.fact_of(a).is_some()
        && facts.fact_of(a) == facts.fact_of(b)
        && kinds_between(facts, a, b).is_empty()
}

fn kinds_between(facts: &MemoryFacts, a: Id, b: Id) -> Vec<&'static str> {
    facts
        .links()
        .iter()
        .filter(|l| (l.0, l.1) == (a.min(b), a.max(b)))
        .map(|l| l.2)
        .collect()
}

#[test]
fn one_report_in_two_articles_is_one_fact() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    write(
        &mut facts,
        &mut index,
        1,
        &[(1, "ferry service suspended storm p:4 n:day:3")],
    );
    write(
        &mut facts,
        &mut index,
        2,
        &[(2, "ferry service suspended storm p:4 n:day:3")],
    );
    assert!(facts.fact_of(1).is_some());
    assert_eq!(facts.fact_of(1), facts.fact_of(2));
    assert!(one_fact(&facts, 1, 2));
    // an unrelated report joins nothing
    write(
        &mut facts,
        &mut index,
        3,
        &[(3, "museum reopens renovation p:9")],
    );
    assert_eq!(facts.fact_of(3), None);
    assert!(kinds_between(&facts, 1, 3).is_empty());
}

#[test]
fn another_figure_for_the_same_thing_is_a_conflict_not_a_fact() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    write(
        &mut facts,
        &mut index,
        1,
        &[(1, "bridge closed repairs p:4 n:day:3")],
    );
    write(
        &mut facts,
        &mut index,
        2,
        &[(2, "bridge closed repairs p:4 n:day:30")],
    );
    assert_eq!(kinds_between(&facts, 1, 2), ["conflicts"]);
    assert!(facts.fact_of(2).is_none() || facts.fact_of(1) != facts.fact_of(2));
    // the same figure within 10 % is the same figure given loosely
    write(
        &mut facts,
        &mut index,
        3,
        &[(3, "bridge closed repairs p:4 n:day:31")],
    );
    assert!(one_fact(&facts, 2, 3));
}

#[test]
fn claims_of_one_article_are_never_linked_to_each_other() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    write(
        &mut facts,
        &mut index,
        1,
        &[
            (1, "water rationing begins p:2"),
            (2, "water rationing begins p:2"),
        ],
    );
    assert!(facts.links().is_empty());
    assert_eq!(facts.fact_of(1), None);
}

#[test]
fn a_later_article_joins_the_fact_and_the_fact_keeps_its_id() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    let report = "council approves budget school p:6 n:percent:12";
    write(&mut facts, &mut index, 1, &[(1, report)]);
    write(&mut facts, &mut index, 2, &[(2, report)]);
    let fact = facts.fact_of(1).expect("one fact");
    write(&mut facts, &mut index, 3, &[(3, report)]);
    assert_eq!(facts.fact_of(3), Some(fact));
    assert_eq!(facts.facts().get(&fact), Some(&3));
}

#[test]
fn a_denial_of_the_same_words_about_the_same_place_conflicts() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    write(
        &mut facts,
        &mut index,
        1,
        &[(1, "airport reopened flights p:5")],
    );
    write(
        &mut facts,
        &mut index,
        2,
        &[(2, "airport reopened flights p:5 x:neg")],
    );
    assert_eq!(kinds_between(&facts, 1, 2), ["conflicts"]);
}

#[test]
fn the_same_words_about_nothing_in_common_make_no_fact() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    // two towns' councils each "approved the budget": one wording, two facts
    write(
        &mut facts,
        &mut index,
        1,
        &[(1, "council approved budget school p:4")],
    );
    write(
        &mut facts,
        &mut index,
        2,
        &[(2, "council approved budget school p:8")],
    );
    assert_eq!(facts.fact_of(1), None);
    assert_eq!(facts.fact_of(2), None);
    // the same report about the first town is one fact with it, and the other stays out
    write(
        &mut facts,
        &mut index,
        3,
        &[(3, "council approved budget school p:4")],
    );
    assert!(facts.fact_of(1).is_some());
    assert_eq!(facts.fact_of(1), facts.fact_of(3));
    assert_eq!(facts.fact_of(2), None);
}

#[test]
fn a_group_keeps_only_members_with_a_witness_inside_it() {
    let local = LocalPairs {
        claims: vec![10, 11, 12, 13],
        articles: vec![1, 2, 3, 3],
        witnessed: [(0, 1)].into_iter().collect(),
        ..LocalPairs::default()
    };
    assert_eq!(local.witnessed_part(vec![0, 1, 2]), Some(vec![0, 1]));
    assert_eq!(local.witnessed_part(vec![0, 2, 3]), None, "no witness left");
    let one_article = LocalPairs {
        witnessed: [(2, 3)].into_iter().collect(),
        ..local
    };
    assert_eq!(one_article.witnessed_part(vec![2, 3]), None, "one article");
}

#[test]
fn claims_with_figures_that_all_differ_are_never_one_fact() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    // one report without a figure, near both counts about the same town
    write(
        &mut facts,
        &mut index,
        1,
        &[(1, "residents fled homes flooded town streets p:4")],
    );
    write(
        &mut facts,
        &mut index,
        2,
        &[(2, "residents fled homes flooded town p:4 n:residents:300")],
    );
    write(
        &mut facts,
        &mut index,
        3,
        &[(3, "residents live flooded town streets p:4 n:boat:12")],
    );
    let (f2, f3) = (facts.fact_of(2), facts.fact_of(3));
    assert!(f2.is_some(), "the shared report makes a fact");
    assert!(
        f2 != f3,
        "a count of residents and a count of boats are two facts"
    );
}

#[test]
fn a_conflict_between_two_facts_is_linked_once() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    // one fact told by two articles
    for (article, claim) in [(1, 1), (2, 2)] {
        write(
            &mut facts,
            &mut index,
            article,
            &[(claim, "bridge closed repairs p:4 n:day:3")],
        );
    }
    assert!(facts.fact_of(1).is_some());
    assert_eq!(facts.fact_of(1), facts.fact_of(2));
    // another figure for it disputes both claims of that fact: one link says so
    write(
        &mut facts,
        &mut index,
        3,
        &[(3, "bridge closed repairs p:4 n:day:30")],
    );
    let conflicts: Vec<_> = facts
        .links()
        .iter()
        .filter(|l| l.2 == "conflicts")
        .map(|l| (l.0, l.1))
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    // a claim of no fact is linked on its own
    write(
        &mut facts,
        &mut index,
        4,
        &[(4, "bridge closed repairs p:4 n:day:300")],
    );
    let with_four = facts
        .links()
        .iter()
        .filter(|l| l.2 == "conflicts" && (l.0 == 4 || l.1 == 4))
        .count();
    assert!(with_four >= 1);
}

#[test]
fn articles_that_share_one_name_tell_two_stories() {
    let (mut facts, mut index) = (MemoryFacts::default(), TokenIndex::default());
    // the same words about one town, in two articles that name other things apart
    let storm = "ferry service suspended storm p:4";
    write_alone(
        &mut facts,
        &mut index,
        1,
        &[(1, storm), (2, "museum opened s:11")],
    );
    write_alone(
        &mut facts,
        &mut index,
        2,
        &[(3, storm), (4, "school closed s:12")],
    );
    assert!(kinds_between(&facts, 1, 3).is_empty());
    assert_eq!(facts.fact_of(3), None);
    // a third that also names whom the first quotes: one story with the first only
    write_alone(
        &mut facts,
        &mut index,
        3,
        &[(5, "ferry service suspended storm p:4 s:11")],
    );
    assert!(one_fact(&facts, 1, 5));
    assert!(kinds_between(&facts, 3, 5).is_empty());
    // a brief that names only the town shares all it names with each
    write_alone(&mut facts, &mut index, 4, &[(6, storm)]);
    assert!(facts.fact_of(6).is_some());
}
