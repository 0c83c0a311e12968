//! Pronoun speakers: what "he", "it" and "they" stand for, and a pronoun subject that
//! takes the speaker named later in its own sentence.

use super::types::{mention_of, span_mention, Analyzer, Attr};
use crate::mentions::Found;
use crate::model::{EntityKind, Mention, Span};
use crate::rules;
use crate::tagger::Gender;
use crate::text::flag;

impl Analyzer<'_, '_> {
    /// Resolves a pronoun at token `i`.
    pub(super) fn pronoun(&self, i: usize, prev: Option<&Mention>) -> Option<Mention> {
        self.pronoun_as(i, self.t.lo(i), prev)
    }

    /// Resolves the possessive determiner at token `i` ("their report") as the pronoun
    /// of its owner ("they").
    pub(super) fn possessor(&self, i: usize, prev: Option<&Mention>) -> Option<Mention> {
        let (_, pronoun) = rules::POSSESSIVE_PRONOUNS
            .iter()
            .find(|(possessive, _)| *possessive == self.t.lo(i))?;
        self.pronoun_as(i, pronoun, prev)
    }

    /// Resolves the pronoun at token `i`, read as `lo`.
    fn pronoun_as(&self, i: usize, lo: &str, prev: Option<&Mention>) -> Option<Mention> {
        let t = self.t;
        // the entity a pronoun stands for, at the pronoun's place in the text
        let here = |mut m: Mention| {
            m.span = Span::new(t.start(i), t.end(i));
            m
        };
        match lo {
            // object forms: "according to her"
            _ if rules::PERSON_PRONOUNS.contains(&lo) => {
                let sex = if rules::MALE_PRONOUNS.contains(&lo) {
                    Gender::Male
                } else {
                    Gender::Female
                };
                // Unknown sex agrees with either pronoun.
                let agrees = |name: &str, roles: &[String]| {
                    self.reg.gender_of(name, roles).is_none_or(|g| g == sex)
                };
                let last = self
                    .reg
                    .antecedent_person(t, i, |f: &Found| agrees(&f.name, &f.roles));
                // "A senior official confirmed …; “…,” he said": one unnamed person
                // ("Another said …. He said …": one of the group just counted)
                let one_unnamed = |p: &Mention| {
                    nominal_head(p).is_some_and(|w| {
                        rules::ROLE_NOUNS.contains(&w.as_str())
                            || rules::ONE_OF_GROUP_WORDS.contains(&w.as_str())
                    })
                };
                let prev = prev.filter(|p| {
                    (p.kind == EntityKind::Person && agrees(&p.name, &p.roles)) || one_unnamed(p)
                });
                // The previous speaker, unless a person was named after it in a later
                // sentence (one named in the speaker's own sentence is what they spoke of).
                let same_sentence = |p: &Mention, f: &Found| {
                    let from = self.token_at(p.span.start);
                    !(from..f.a).any(|k| t.is_punct(k, '.') || t.toks[k].para_break)
                };
                if let Some(p) = prev {
                    if last.is_none_or(|f| {
                        f.name == p.name || t.start(f.a) < p.span.start || same_sentence(p, f)
                    }) {
                        return Some(here(p.clone()));
                    }
                }
                last.map(|f| here(mention_of(t, f)))
                    .or_else(|| self.described_person_before(i).map(here))
            }
            "it" => {
                // a body, or a description of one ("The port agency says …. It says …")
                let body = |p: &Mention| {
                    matches!(p.kind, EntityKind::Organization | EntityKind::Outlet)
                        || nominal_head(p)
                            .is_some_and(|w| t.lex.is_org_head(&w) || rules::is_org_descriptor(&w))
                };
                if let Some(p) = prev.filter(|p| body(p)) {
                    return Some(here(p.clone()));
                }
                self.reg
                    .last_before(i, &[EntityKind::Organization, EntityKind::Outlet])
                    .map(|f| here(mention_of(t, f)))
            }
            // "Researchers finished a study. The study shows …. They say …": people, not
            // the document that spoke last
            _ if rules::PLURAL_PRONOUNS.contains(&lo) => prev
                .filter(|p| matches!(p.kind, EntityKind::Nominal | EntityKind::Organization))
                .filter(|p| {
                    !nominal_head(p).is_some_and(|w| rules::DOCUMENT_NOUNS.contains(&w.as_str()))
                })
                .map(|p| here(p.clone()))
                .or_else(|| self.plural_source_before(i).map(here)),
            _ => None,
        }
    }

    /// "It announced that A, “B,” the ministry said": a pronoun subject takes the named
    /// speaker that closes its own sentence before it looks back at earlier ones.
    pub(super) fn cataphora(&self, attrs: &mut [Attr]) {
        let t = self.t;
        let Some((named_cue, named)) = attrs
            .iter()
            .rev()
            .find(|x| x.trailing && !x.leans && !x.outlet_only)
            .and_then(|x| Some((x.cue, x.speaker.clone()?)))
        else {
            return;
        };
        for x in attrs.iter_mut().filter(|x| x.cue < named_cue && x.leans) {
            let pronoun_subject = t.has(x.begin, flag::PRONOUN)
                && (x.begin + 1..x.cue).all(|k| t.has(k, flag::CUE_ADV));
            let agrees = match t.lo(x.begin) {
                "it" => named.kind == EntityKind::Organization,
                // "he", "she" ("him", "her" are no subject pronouns: see `pronoun_subject`)
                lo if rules::PERSON_PRONOUNS.contains(&lo) => named.kind == EntityKind::Person,
                _ => false,
            };
            if pronoun_subject && agrees {
                x.speaker = Some(named.clone());
                x.leans = false;
            }
        }
    }
}

impl Analyzer<'_, '_> {
    /// The description of one person that opened the sentence before `i` in its paragraph
    /// ("The mayor of Velmora toured the site. She said …", "A herder lost his goats. He
    /// says …"): what "he" or "she" means when no person was named. The description is a
    /// determiner, at most [`DESCRIPTION_WORDS`] lower-case words ending in a noun that
    /// names a kind of person, and the names or bodies a preposition adds ("of Velmora").
    fn described_person_before(&self, i: usize) -> Option<Mention> {
        let t = self.t;
        let end = (0..i).rev().find(|&k| t.is_punct(k, '.'))?;
        let start = (0..end)
            .rev()
            .find(|&k| k == 0 || t.is_punct(k - 1, '.') || t.toks[k].para_break)?;
        let same_paragraph = !(end + 1..=i).any(|k| t.toks[k].para_break);
        let opens = rules::ARTICLES.contains(&t.lo(start))
            || rules::POSSESSIVE_DETERMINERS.contains(&t.lo(start));
        if !same_paragraph || !opens {
            return None;
        }
        let names_person = |k: usize| {
            (t.lex.is_person_noun(t.lo(k)) || t.has(k, flag::ROLE)) && !t.lex.is_org_head(t.lo(k))
        };
        // modifiers only: a determiner or a past tense means a clause was read ("The
        // company hired a lawyer")
        let modifies = |k: usize| {
            let lo = t.lo(k);
            k < end
                && !t.toks[k].cap
                && t.is_word(k)
                && !t.has(k, flag::COMMON_VERB)
                && !rules::ARTICLES.contains(&lo)
                && !rules::POSSESSIVE_DETERMINERS.contains(&lo)
                && (!lo.ends_with("ed") || t.lex.is_adjective(lo))
        };
        // the last person noun of the words after the determiner is the head ("a senior
        // port officer", "a goat herder")
        let head = (start + 1..start + 2 + DESCRIPTION_WORDS)
            .take_while(|&k| modifies(k))
            .filter(|&k| names_person(k))
            .last()?;
        let mut b = head + 1;
        if rules::ROLE_COMPLEMENT_PREPOSITIONS.contains(&t.lo(b)) {
            // "of Velmora", "for the port authority": names and body nouns
            let names_body = |k: usize| t.toks[k].cap || t.lex.is_org_head(t.lo(k));
            let reach = (b + 1..end.min(b + 1 + COMPLEMENT_WORDS))
                .take_while(|&k| t.is_word(k) && !t.has(k, flag::COMMON_VERB))
                .filter(|&k| names_body(k))
                .last();
            b = reach.map_or(head + 1, |k| k + 1);
        }
        let (m, _) = self.speaker_of(start, b, None)?;
        matches!(m.kind, EntityKind::Nominal | EntityKind::Person).then_some(m)
    }
}

/// Most lower-case words between the determiner and the head of a described person ("the
/// longtime regional water mayor").
const DESCRIPTION_WORDS: usize = 3;

/// Most words of what "of" or "for" adds to a described person ("for the regional port
/// authority").
const COMPLEMENT_WORDS: usize = 5;

/// How far back "they" looks for the people a sentence opened with.
const THEY_LOOKBACK: usize = 80;

impl Analyzer<'_, '_> {
    /// The plural source noun that opened one of the last sentences before `i`
    /// ("Researchers have completed …"): what "they" means when the last speaker was a
    /// document. People of a body ("Analysts at Harbour Bank raised …") are that body, as
    /// when they speak themselves.
    fn plural_source_before(&self, i: usize) -> Option<Mention> {
        let t = self.t;
        (i.saturating_sub(THEY_LOOKBACK)..i).rev().find_map(|k| {
            let opens = k == 0 || t.is_punct(k - 1, '.') || t.toks[k].para_break;
            let lo = t.lo(k);
            let people = lo
                .strip_suffix('s')
                .is_some_and(|one| rules::ROLE_NOUNS.contains(&one))
                || (lo.ends_with('s') && rules::NOMINAL_SOURCE_NOUNS.contains(&lo));
            if !(opens && t.is_cap(k) && people) {
                return None;
            }
            let body = rules::ROLE_COMPLEMENT_PREPOSITIONS
                .contains(&t.lo(k + 1))
                .then(|| {
                    self.reg.overlapping(k + 2, k + 3).iter().find(|f| {
                        f.a == k + 2
                            && matches!(f.kind, EntityKind::Organization | EntityKind::Outlet)
                    })
                })
                .flatten();
            Some(match body {
                Some(f) => mention_of(t, f),
                None => span_mention(t, k, k + 1, t.s(k).to_string(), EntityKind::Nominal),
            })
        })
    }
}

/// The head word of an unnamed speaker's description, in lower case ("A senior port
/// officer" → "officer"); `None` for a named one.
fn nominal_head(m: &Mention) -> Option<String> {
    (m.kind == EntityKind::Nominal)
        .then(|| m.name.split_whitespace().last().map(str::to_lowercase))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;

    #[test]
    fn they_after_a_document_are_the_people_behind_it() {
        check(&[
            (
                "Engineers inspected the old dam for a year. The report says the dam is \
                 sound. They say the spillway will need work within a decade.",
                &[
                    ("The report", "the dam is sound"),
                    ("Engineers", "the spillway will need work within a decade"),
                ],
            ),
            // people of a named body are that body, as when they speak themselves
            (
                "Engineers at Velto Bank inspected the dam. “The spillway needs work,” \
                 they wrote.",
                &[("Velto Bank", "The spillway needs work,")],
            ),
            // after people, "they" stays with them; no people opened a sentence: no one
            (
                "Local farmers say the harvest fell short. They say the fields flooded twice.",
                &[
                    ("Local farmers", "the harvest fell short"),
                    ("Local farmers", "the fields flooded twice"),
                ],
            ),
            (
                "The report says the dam is sound. They say the spillway will need work.",
                &[("The report", "the dam is sound")],
            ),
        ]);
    }

    #[test]
    fn pronouns_and_coordinated_cues_keep_their_speaker() {
        check(&[
            (
                "A senior port officer confirmed that three cranes fell. \
                 “Nobody was hurt,” he said.",
                &[
                    ("A senior port officer", "three cranes fell"),
                    ("A senior port officer", "Nobody was hurt,"),
                ],
            ),
            (
                "Captain Ola Brekke runs two trawlers. He was at sea when the storm hit, \
                 and says the harbour must be dredged.",
                &[
                    ("", "Captain Ola Brekke runs two trawlers."),
                    ("Ola Brekke", "the harbour must be dredged"),
                ],
            ),
            // a clause without a person or body in front gives "and says" no speaker
            (
                "The storm hit at dawn, and says nothing about the harbour.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_pronoun_after_a_persons_own_cue_gives_their_sex() {
        check(&[
            // "Robin" is borne by both sexes: "said he" tells which
            (
                "Ana Ruiz chaired the harbour meeting. Robin Vell said he would vote \
                 against the levy. “It is too costly,” she said.",
                &[
                    ("Robin Vell", "he would vote against the levy"),
                    ("Ana Ruiz", "It is too costly,"),
                ],
            ),
            (
                "Ana Ruiz chaired the harbour meeting. Robin Vell said that she would vote \
                 against the levy. “It is too costly,” she said.",
                &[
                    ("Robin Vell", "she would vote against the levy"),
                    ("Robin Vell", "It is too costly,"),
                ],
            ),
            // a pronoun that is no subject of the person's clause tells nothing
            (
                "Ana Ruiz chaired the harbour meeting. Robin Vell said the levy hurt him. \
                 “It is too costly,” she said.",
                &[
                    ("Robin Vell", "the levy hurt him"),
                    ("Robin Vell", "It is too costly,"),
                ],
            ),
        ]);
    }

    #[test]
    fn he_or_she_after_a_described_person_is_that_person() {
        check(&[
            (
                "The mayor of Velmora toured the flooded streets on Monday. She said the \
                 bridge would reopen in June.",
                &[
                    (
                        "",
                        "The mayor of Velmora toured the flooded streets on Monday.",
                    ),
                    ("The mayor of Velmora", "the bridge would reopen in June"),
                ],
            ),
            (
                "A spokeswoman for the port authority met reporters on Monday. She said two \
                 cranes fell.",
                &[("A spokeswoman for the port authority", "two cranes fell")],
            ),
            (
                "A senior port officer inspected the cranes. He said two were bent.",
                &[("A senior port officer", "two were bent")],
            ),
            (
                "A goat herder lost half his animals in the drought. He says the wells ran \
                 dry in March.",
                &[("A goat herder", "the wells ran dry in March")],
            ),
            // a thing, a plural or another paragraph is no antecedent
            (
                "The storm flattened the pier. He said the pier was old.",
                &[],
            ),
            (
                "The company hired a lawyer last week. She said the case would settle.",
                &[],
            ),
            (
                "The nurses worked all night. She said the ward was full.",
                &[],
            ),
            (
                "The mayor toured the streets.\n\nShe said the bridge would reopen.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_first_name_alone_and_one_of_a_group_keep_their_pronouns() {
        check(&[
            (
                "Sarah, a nurse from the valley, said the clinic closed early. \
                 She said the roads were cut.",
                &[
                    ("Sarah", "the clinic closed early"),
                    ("Sarah", "the roads were cut"),
                ],
            ),
            (
                "Some listeners praised the show. Another wrote that the signal was weak. \
                 He said it faded every evening.",
                &[
                    ("Another", "the signal was weak"),
                    ("Another", "it faded every evening"),
                ],
            ),
        ]);
    }
}
