//! Resolution's order of trust on entities in memory: each rule with a name it must link
//! and one it must not.

use claimgraph_model::EntityKind::{self, Organization, Person, Place};

use super::*;

/// Resolves `name` as the store's writer does (trimmed, by its exact key).
fn put(index: &mut MemoryEntities, orgs: &mut ArticleOrgs, kind: EntityKind, name: &str) -> Id {
    let name = name.trim();
    let Ok(id) = resolve(index, orgs, kind, name, &crate::canon::fold(name));
    id
}

/// Whether `second` resolves to the entity `first` made, in a fresh index.
fn same(kind: EntityKind, first: &str, second: &str) -> bool {
    let (mut index, mut orgs) = (MemoryEntities::default(), ArticleOrgs::default());
    let a = put(&mut index, &mut orgs, kind, first);
    orgs.clear();
    put(&mut index, &mut orgs, kind, second) == a
}

#[test]
fn spellings_of_one_name_are_one_entity() {
    let cases = [
        // exact key: case, diacritics, a leading article
        (
            Organization,
            "The Harbour Authority",
            "harbour authority",
            true,
        ),
        (Place, "Tárnova", "Tarnova", true),
        // transliterations of one name
        (Person, "Andriy Kovalenko", "Andrii Kovalenko", true),
        (Person, "Yevhen Marchuk", "Evhen Marchuk", true),
        // an organisation's words in any order, with a country named any way
        (
            Organization,
            "Polish Defence Ministry",
            "Ministry of Defense of Poland",
            true,
        ),
        // a place one edit away that the rules missed
        (Place, "Velmarinsk", "Velmarynsk", true),
        // negatives: another word, another kind's namesake, a short name one edit away
        (
            Organization,
            "Harbour Authority",
            "Airport Authority",
            false,
        ),
        (Place, "Tarnova", "Karnovo", false),
        (Place, "Tarnova", "Tarnova Gorna", false),
        (Place, "Horten", "Hortne", false),
        (Person, "Andriy Kovalenko", "Dmytro Kovalenko", false),
    ];
    for (kind, first, second, want) in cases {
        assert_eq!(same(kind, first, second), want, "{first} / {second}");
    }
}

#[test]
fn a_surname_alone_is_the_one_person_of_that_surname() {
    let (mut index, mut orgs) = (MemoryEntities::default(), ArticleOrgs::default());
    let mara = put(&mut index, &mut orgs, Person, "Mara Lindqvist");
    assert_eq!(put(&mut index, &mut orgs, Person, "Lindqvist"), mara);
    assert_eq!(put(&mut index, &mut orgs, Person, "M. Lindqvist"), mara);
    assert_eq!(
        put(&mut index, &mut orgs, Person, "Dr. Mara Lindqvist"),
        mara
    );
    // a second Lindqvist: the surname alone no longer says which
    let olof = put(&mut index, &mut orgs, Person, "Olof Lindqvist");
    assert_ne!(olof, mara);
    let bare = put(&mut index, &mut orgs, Person, "Lindqvist");
    assert_eq!(
        bare, mara,
        "the spelling \"Lindqvist\" is already Mara's alias"
    );
    let (mut fresh, mut orgs) = (index.clone(), ArticleOrgs::default());
    assert_ne!(put(&mut fresh, &mut orgs, Person, "Ingrid Lindqvist"), mara);
}

#[test]
fn a_person_known_by_surname_takes_the_full_name_when_it_comes() {
    let (mut index, mut orgs) = (MemoryEntities::default(), ArticleOrgs::default());
    let id = put(&mut index, &mut orgs, Person, "Okafor");
    assert_eq!(put(&mut index, &mut orgs, Person, "Chidi Okafor"), id);
    assert_eq!(index.name(id), Some("Chidi Okafor"));
    // a two-word surname: the shorter name ends the longer
    let vidal = put(&mut index, &mut orgs, Person, "Paz Vidal");
    assert_eq!(put(&mut index, &mut orgs, Person, "Lucía Paz Vidal"), vidal);
}

#[test]
fn an_analysts_decision_comes_before_every_rule() {
    let (mut index, mut orgs) = (MemoryEntities::default(), ArticleOrgs::default());
    let port = put(&mut index, &mut orgs, Organization, "Port Workers Union");
    let rail = put(&mut index, &mut orgs, Organization, "Rail Workers Union");
    index.record(Organization, "the union", rail);
    assert_eq!(put(&mut index, &mut orgs, Organization, "The Union"), rail);
    assert_ne!(put(&mut index, &mut orgs, Organization, "Dock Union"), port);
}

#[test]
fn the_most_mentioned_entity_wins_a_shared_spelling() {
    let (mut index, mut orgs) = (MemoryEntities::default(), ArticleOrgs::default());
    let small = put(&mut index, &mut orgs, Place, "Velmarinsk");
    let big = index
        .create(Place, "Velmarinsk-on-Sea", "velmarinsk-on-sea")
        .unwrap_or_else(|e| match e {});
    let Ok(()) = index.add_alias(Place, big, "Velmarinsk");
    index.mention(big);
    assert_eq!(put(&mut index, &mut orgs, Place, "Velmarinsk"), big);
    assert_ne!(small, big);
}

#[test]
fn an_organisation_without_its_country_is_the_one_the_article_named() {
    let (mut index, mut orgs) = (MemoryEntities::default(), ArticleOrgs::default());
    let council = put(
        &mut index,
        &mut orgs,
        Organization,
        "Polish Security Council",
    );
    assert_eq!(
        put(&mut index, &mut orgs, Organization, "the Security Council"),
        council
    );
    // the next article never named a country's council: its bare name is its own
    let (mut index, mut orgs) = (MemoryEntities::default(), ArticleOrgs::default());
    let council = put(
        &mut index,
        &mut orgs,
        Organization,
        "Polish Security Council",
    );
    orgs.clear();
    assert_ne!(
        put(&mut index, &mut orgs, Organization, "Security Council"),
        council
    );
}

#[test]
fn prefix_ranges_cover_their_prefix() {
    let (lo, hi) = prefix_range("harkiv", 3).expect("long enough");
    assert_eq!((lo.as_str(), hi.as_str()), ("har", "has"));
    assert!("harkov" >= lo.as_str() && "harkov" < hi.as_str());
    assert_eq!(prefix_range("ha", 3), None);
}
