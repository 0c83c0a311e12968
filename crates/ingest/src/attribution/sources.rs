//! A quotation whose speaker the next sentence names without a cue verb: "“…” The words
//! came from the minister, Ana Ruiz." / "“…” That was Ana Ruiz, speaking on Monday."

use super::types::Analyzer;
use crate::model::{EntityKind, Mention};
use crate::rules;
use crate::text::flag;

impl Analyzer<'_, '_> {
    /// The person the sentence `[sa, sb)` names as the source of the quotation before it,
    /// when it opens with a phrase that points back at words ([`rules::QUOTE_SOURCE_OPENINGS`]).
    pub fn source_named_after(&self, sa: usize, sb: usize) -> Option<Mention> {
        let t = self.t;
        let Some(opening) = rules::QUOTE_SOURCE_OPENINGS.iter().find(|words| {
            sa + words.len() <= sb && words.iter().enumerate().all(|(k, w)| t.is(sa + k, w))
        }) else {
            return self.speaking_subject(sa, sb);
        };
        let from = sa + opening.len();
        self.reg
            .within(from, sb)
            .iter()
            .find(|f| f.kind == EntityKind::Person && f.a <= from + SOURCE_REACH)
            .map(|f| self.resolved_mention(f))
    }
}

impl Analyzer<'_, '_> {
    /// "“…” Resident Ana Ruiz, 52, described the moment …": a sentence whose subject is a
    /// person and whose verb is a cue names who said the quotation before it. The name
    /// opens the sentence (after a title or a role word or two) and the cue follows it, past
    /// an age or an apposition in commas.
    fn speaking_subject(&self, sa: usize, sb: usize) -> Option<Mention> {
        let t = self.t;
        let cue =
            (sa..sb.min(sa + SUBJECT_REACH)).find(|&k| t.has(k, flag::CUE | flag::QUOTE_ONLY))?;
        // the subject ends at its apposition: "Ana Ruiz, 52, recalled"
        let end = (sa..cue).find(|&k| t.is_punct(k, ',')).unwrap_or(cue);
        let (m, _) = self.speaker_of(sa, end, None)?;
        (m.kind == EntityKind::Person).then_some(m)
    }
}

/// The most tokens from the start of a sentence to the cue of a speaking subject
/// ("Retired fisherman Ana Ruiz, a nurse at the clinic, recalled").
const SUBJECT_REACH: usize = 16;

/// The person must be named within this many tokens of the opening phrase ("The words
/// came from Turkey's foreign minister, Ana Ruiz").
const SOURCE_REACH: usize = 8;

#[cfg(test)]
mod tests {
    use super::super::test_support::check;

    #[test]
    fn a_quotation_credited_by_the_next_sentence() {
        check(&[
            (
                "“The bridge will hold.” The words came from harbour master Ivo Brand, \
                 speaking on Monday.",
                &[("Ivo Brand", "The bridge will hold.")],
            ),
            (
                "“The bridge will hold.” That was Ivo Brand, on the quay.",
                &[("Ivo Brand", "The bridge will hold.")],
            ),
            (
                "“The bridge will hold.” That is how Ivo Brand put it.",
                &[("Ivo Brand", "The bridge will hold.")],
            ),
            (
                "“The bridge will hold.” So says Ivo Brand, who built it.",
                &[("Ivo Brand", "The bridge will hold.")],
            ),
            // a person who opens the next sentence with a cue said it
            (
                "“The pier shook like a drum.” Fisherman Ivo Brand, 52, recalled the night \
                 the storm hit.",
                &[
                    ("Ivo Brand", "The pier shook like a drum."),
                    (
                        "",
                        "Fisherman Ivo Brand, 52, recalled the night the storm hit.",
                    ),
                ],
            ),
            (
                "“The pier shook like a drum.” Ivo Brand said the storm lasted all night.",
                &[
                    ("Ivo Brand", "The pier shook like a drum."),
                    ("Ivo Brand", "the storm lasted all night"),
                ],
            ),
            // a sentence that merely mentions someone does not credit the quotation (and
            // a quotation nobody is credited with is no claim)
            (
                "“The bridge will hold.” Ivo Brand inspected it on Monday.",
                &[],
            ),
        ]);
    }
}
