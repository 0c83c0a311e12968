//! The subject of a cue coordinated with the sentence's first verb ("The widow welcomed
//! the verdict but said …", "He visited the port, and says …"): whoever opens the
//! sentence.

use super::syntax::{is_auxiliary, is_described_body, is_described_person, is_past_tense};
use super::types::{mention_of, Analyzer};
use crate::model::{EntityKind, Mention};
use crate::text::flag;

impl Analyzer<'_, '_> {
    /// The subject that opens the sentence `[sa, x)`, for a cue coordinated with its first
    /// verb ("He was visiting the port when it flooded, and says …"): a pronoun, or a
    /// person or body named first.
    pub(super) fn sentence_subject(
        &self,
        sa: usize,
        x: usize,
        prev: Option<&Mention>,
    ) -> Option<Mention> {
        let t = self.t;
        if t.has(sa, flag::PRONOUN) {
            return self.pronoun(sa, prev);
        }
        let from = sa + usize::from(t.is(sa, "the"));
        let named = self
            .reg
            .overlapping(sa, x)
            .iter()
            .find(|f| {
                f.a == from && matches!(f.kind, EntityKind::Person | EntityKind::Organization)
            })
            .map(|f| mention_of(t, f));
        named.or_else(|| self.described_subject(sa, x, prev))
    }

    /// "The victim's widow welcomed the verdict but said …", "The agency reported losses
    /// and said …": a description of a person or a body that opens the sentence, up to
    /// its first verb (a past tense, an auxiliary or a cue), as the subject of a cue
    /// coordinated with that verb.
    fn described_subject(&self, sa: usize, x: usize, prev: Option<&Mention>) -> Option<Mention> {
        let t = self.t;
        let verb = (sa + 1..x.min(sa + DESCRIBED_SUBJECT_MAX + 1))
            .find(|&k| is_past_tense(t, k) || is_auxiliary(t, k) || t.has(k, flag::CUE))?;
        let body = is_described_body(t, sa, verb);
        if !is_described_person(t, sa, verb) && !body {
            return None;
        }
        self.speaker_of(sa, verb, prev)
            .map(|(m, _)| m)
            .filter(|m| m.kind != EntityKind::Place)
    }
}

/// Most words of a description opening a sentence before its verb.
const DESCRIBED_SUBJECT_MAX: usize = 6;
