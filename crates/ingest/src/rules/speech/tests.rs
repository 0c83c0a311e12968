//! The speech tables' invariants: forms, overlaps and examples of each list.

use crate::rules::*;

#[test]
fn cue_tables_are_lower_case_and_disjoint_from_participles() {
    for t in [CUE_VERBS, PARTICIPLE_CUES, QUOTE_ONLY_CUES, PERCEPTION_CUES] {
        assert!(all_lower(t));
    }
    assert!(is_in(CUE_VERBS, "Said"));
    assert!(!is_in(CUE_VERBS, "adding"));
    assert!(is_in(PARTICIPLE_CUES, "adding"));
    assert!(is_in(QUOTE_ONLY_CUES, "described"));
    assert!(WEAK_CUES.iter().all(|w| is_in(CUE_VERBS, w)));
    assert!(is_in(PERCEPTION_CUES, "saw") && is_in(WITNESS_NOUNS, "reporters"));
}

#[test]
fn adverbial_openers_are_lower_case_and_distinct() {
    assert!(all_lower(ADVERBIAL_OPENERS) && all_lower(TRAILING_OPENERS));
    assert!(is_in(ADVERBIAL_OPENERS, "according") && is_in(TRAILING_OPENERS, "reporters"));
    assert!(!ADVERBIAL_OPENERS.iter().any(|w| TRAILING_OPENERS.contains(w)));
    assert!(!is_in(ADVERBIAL_OPENERS, "that"));
}

#[test]
fn outlets_and_org_heads() {
    assert!(OUTLETS.len() >= 50);
    assert!(is_in(OUTLETS, "reuters") && is_in(OUTLETS, "Xinhua"));
    assert!(is_in(OUTLET_HEADS, "Herald") && is_in(ORG_HEADS, "Ministry"));
    assert!(!is_in(ORG_HEADS, "river"));
}

#[test]
fn base_cues_are_lower_case_and_blocked_by_modals() {
    assert!(all_lower(BASE_CUES) && all_lower(BASE_CUE_BLOCKERS));
    assert!(is_in(BASE_CUES, "confirm") && is_in(BASE_CUE_BLOCKERS, "could"));
    assert!(BASE_CUES.iter().all(|w| !is_in(PARTICIPLE_CUES, w)));
}

#[test]
fn office_nouns_are_roles() {
    assert!(OFFICE_NOUNS.iter().all(|w| is_in(ROLE_NOUNS, w)));
    assert!(!is_in(OFFICE_NOUNS, "resident"));
}

#[test]
fn statement_nouns_and_commentary_participles() {
    assert!(all_lower(STATEMENT_NOUNS) && all_lower(COMMENTARY_PARTICIPLES));
    assert!(COMMENTARY_PARTICIPLES.iter().all(|w| w.ends_with("ing")));
    assert!(!is_in(COMMENTARY_PARTICIPLES, "adding"));
    assert!(is_in(STATEMENT_NOUNS, "announcements"));
}

#[test]
fn share_verbs_and_media_nouns() {
    assert!(all_lower(SHARE_VERBS) && all_lower(MEDIA_NOUNS));
    assert!(is_in(SHARE_VERBS, "posted") && is_in(MEDIA_NOUNS, "footage"));
    assert!(!is_in(MEDIA_NOUNS, "showing"));
}

#[test]
fn plain_objects_and_what_closes_them() {
    assert!(all_lower(PLAIN_OBJECTS) && all_lower(AFTER_PLAIN_OBJECT));
    assert!(is_in(PLAIN_OBJECTS, "goodbye") && !is_in(PLAIN_OBJECTS, "no"));
    // a modal or auxiliary after the word opens a clause: never a closer
    assert!(!is_in(AFTER_PLAIN_OBJECT, "would") && !is_in(AFTER_PLAIN_OBJECT, "had"));
    assert!(INSTRUCTING_CUES
        .iter()
        .all(|w| is_in(CUE_VERBS, w) || is_in(PARTICIPLE_CUES, w)));
}

#[test]
fn manner_nouns_are_not_sources() {
    assert!(all_lower(MANNER_NOUNS));
    assert!(is_in(MANNER_NOUNS, "plan") && !is_in(MANNER_NOUNS, "officials"));
    assert!(!is_in(MANNER_NOUNS, "police") && !is_in(MANNER_NOUNS, "reports"));
}

#[test]
fn listener_adverbial_boundary_and_interview_words() {
    for table in [
        LISTENER_WORDS, CUE_PREPOSITIONS, CLAUSE_BOUNDARY_WORDS, INTERVIEW_NOUNS,
        INTERVIEW_CUES,
    ] {
        assert!(all_lower(table));
    }
    assert!(is_in(INTERVIEW_CUES, "talked") && !is_in(INTERVIEW_CUES, "said"));
    assert!(is_in(LISTENER_WORDS, "reporters") && !is_in(LISTENER_WORDS, "that"));
    assert!(is_in(CUE_PREPOSITIONS, "during") && !is_in(CUE_PREPOSITIONS, "that"));
    assert!(is_in(CLAUSE_BOUNDARY_WORDS, "who") && !is_in(CLAUSE_BOUNDARY_WORDS, "said"));
    assert!(is_in(INTERVIEW_NOUNS, "op-ed") && !is_in(INTERVIEW_NOUNS, "statement"));
    assert!(all_lower(UNNAMED_LABEL_WORDS) && is_in(UNNAMED_LABEL_WORDS, "unidentified"));
    assert!(!UNNAMED_LABEL_WORDS.iter().any(|w| is_in(NOT_SPEAKER_LABELS, w)));
}

#[test]
fn pronoun_classes() {
    for table in [OBJECT_PRONOUNS, LISTENER_PRONOUNS, PERSON_PRONOUNS, MALE_PRONOUNS, PLURAL_PRONOUNS] {
        assert!(all_lower(table));
    }
    assert!(is_in(OBJECT_PRONOUNS, "them") && !is_in(OBJECT_PRONOUNS, "they"));
    assert!(is_in(PERSON_PRONOUNS, "her") && !is_in(PERSON_PRONOUNS, "it"));
    assert!(MALE_PRONOUNS.iter().all(|w| is_in(PERSON_PRONOUNS, w)));
    assert!(is_in(MALE_PRONOUNS, "him") && !is_in(MALE_PRONOUNS, "her"));
    assert!(is_in(PLURAL_PRONOUNS, "they") && !is_in(PLURAL_PRONOUNS, "we"));
    assert!(is_in(ONE_OF_GROUP_WORDS, "another") && !is_in(ONE_OF_GROUP_WORDS, "others"));
}

#[test]
fn documents_roles_and_their_prepositions() {
    assert!(PRESS_DOCUMENTS.iter().all(|w| is_in(DOCUMENT_NOUNS, w)));
    assert!(is_in(PRESS_DOCUMENTS, "release") && !is_in(PRESS_DOCUMENTS, "report"));
    assert!(is_in(REPORT_NOUNS, "reports") && !is_in(REPORT_NOUNS, "reporter"));
    assert!(is_in(AUTHOR_PREPOSITIONS, "by") && !is_in(AUTHOR_PREPOSITIONS, "to"));
    assert!(is_in(ROLE_PREPOSITIONS, "to") && !is_in(ROLE_PREPOSITIONS, "by"));
    assert!(SPOKESPERSON_ROLES.iter().all(|w| is_in(ROLE_NOUNS, w)));
    assert!(is_in(SPOKESPERSON_ROLES, "spokeswoman") && !is_in(SPOKESPERSON_ROLES, "mayor"));
}

#[test]
fn listener_finding_and_making_cues() {
    for table in [
        TOLD_CUES, LISTENER_CUES, FINDING_CUES, CALLED_PARTICLES, MAKING_VERBS,
        PARTICIPLE_LINKS, READING_DOCUMENTS,
    ] {
        assert!(all_lower(table));
    }
    assert!(TOLD_CUES.iter().all(|w| is_in(LISTENER_CUES, w) && is_in(INSTRUCTING_CUES, w)));
    assert!(is_in(TOLD_CUES, "tells") && !is_in(TOLD_CUES, "tell"));
    assert!(all_lower(CONSENT_CUES) && all_lower(CONSENT_PREPOSITIONS));
    assert!(is_in(CONSENT_CUES, "agreed") && !is_in(CONSENT_CUES, "said"));
    assert!(is_in(CONSENT_PREPOSITIONS, "on") && !is_in(CONSENT_PREPOSITIONS, "that"));
    assert!(is_in(LISTENER_CUES, "informed") && !is_in(LISTENER_CUES, "said"));
    assert!(is_in(FINDING_CUES, "showed") && !is_in(FINDING_CUES, "find"));
    assert!(is_in(CALLED_PARTICLES, "for") && !is_in(CALLED_PARTICLES, "off"));
    assert!(is_in(MAKING_VERBS, "issued") && !is_in(MAKING_VERBS, "make"));
    assert!(is_in(PARTICIPLE_LINKS, "while") && !is_in(PARTICIPLE_LINKS, "but"));
    assert!(is_in(READING_DOCUMENTS, "communiqué") && !is_in(READING_DOCUMENTS, "report"));
    assert!(READING_DOCUMENTS.iter().all(|w| *w == "message" || is_in(DOCUMENT_NOUNS, w)));
}

#[test]
fn joins_that_end_content_and_time_openers() {
    assert!(CONTENT_END_JOINS.iter().all(|w| is_in(ASIDE_END_JOINS, w)));
    assert!(is_in(ASIDE_END_JOINS, "when") && !is_in(CONTENT_END_JOINS, "when"));
    assert!(!is_in(ASIDE_END_JOINS, "that"));
    assert!(is_in(TIME_DEICTICS, "next") && !is_in(TIME_DEICTICS, "on"));
    assert!(is_in(LISTENER_TIME_OPENERS, "on") && !is_in(LISTENER_TIME_OPENERS, "next"));
}

#[test]
fn words_before_a_cited_outlet() {
    assert!(is_in(INTERVIEW_PREPOSITIONS, "with") && !is_in(INTERVIEW_PREPOSITIONS, "to"));
    assert!(is_in(SPOKE_TO_WORDS, "told") && !is_in(SPOKE_TO_WORDS, "said"));
    assert!(is_in(CARRIED_BY_WORDS, "reports") && !is_in(CARRIED_BY_WORDS, "told"));
    assert!(!SPOKE_TO_WORDS.iter().any(|w| is_in(CARRIED_BY_WORDS, w)));
}
