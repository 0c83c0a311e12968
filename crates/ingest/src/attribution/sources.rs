//! A quotation whose speaker the next sentence names without a cue verb: "“…” The words
//! came from the minister, Ana Ruiz." / "“…” That was Ana Ruiz, speaking on Monday."

use super::types::Analyzer;
use crate::model::{EntityKind, Mention};
use crate::rules;

impl Analyzer<'_, '_> {
    /// The person the sentence `[sa, sb)` names as the source of the quotation before it,
    /// when it opens with a phrase that points back at words ([`rules::QUOTE_SOURCE_OPENINGS`]).
    pub fn source_named_after(&self, sa: usize, sb: usize) -> Option<Mention> {
        let t = self.t;
        let opening = rules::QUOTE_SOURCE_OPENINGS.iter().find(|words| {
            sa + words.len() <= sb && words.iter().enumerate().all(|(k, w)| t.is(sa + k, w))
        })?;
        let from = sa + opening.len();
        self.reg
            .within(from, sb)
            .iter()
            .find(|f| f.kind == EntityKind::Person && f.a <= from + SOURCE_REACH)
            .map(|f| self.resolved_mention(f))
    }
}

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
            // a sentence that merely mentions someone does not credit the quotation (and
            // a quotation nobody is credited with is no claim)
            (
                "“The bridge will hold.” Ivo Brand inspected it on Monday.",
                &[],
            ),
        ]);
    }
}
