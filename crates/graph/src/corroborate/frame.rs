//! A claim's frame: what the linker compares it by, in a form a reader can check ("why
//! are these two claims one fact?"): the words of what happened, who said it, where, and
//! each figure with what it measures.

use super::{Open, Signature, CONTEXT, NEGATED};
use crate::Id;

/// What a claim reports, as the linker reads its signature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    /// The comparison terms: content words, endings cut, synonyms made one word
    /// ("retook", "recaptured" → `recapture`). Claims of one fact share most of them.
    pub predicate: Vec<String>,
    /// The speaker's entity, when the claim has a resolved one.
    pub actor: Option<Id>,
    /// The entities of the places it is about, countries aside (too broad to tell facts
    /// apart): two figures conflict only for the same places.
    pub places: Vec<Id>,
    /// Each figure as compared.
    pub figures: Vec<FrameFigure>,
    /// It denies what it says ("was not taken"): it conflicts with the claim that asserts it.
    pub denied: bool,
}

/// A figure as the linker compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameFigure {
    /// The unit compared: a base unit (`km2`, `km`, `hour`), a currency, or the counted
    /// noun with what befell it (`person/killed`).
    pub unit: String,
    /// The value in that unit, to three significant digits.
    pub value: f64,
    /// `at_least` or `at_most` when the text gives a bound ("more than 200"), else `exact`.
    pub bound: &'static str,
    /// The words beside it that say what it measures (`rate`, `inflation`); empty for a
    /// count, whose noun says it.
    pub measures: Vec<String>,
}

impl Signature {
    /// The frame of the claim this signature was made for.
    pub fn frame(&self) -> Frame {
        let ids = |prefix: &'static str| -> Vec<Id> {
            self.with_prefix(prefix)
                .filter_map(|t| t[prefix.len()..].parse().ok())
                .collect()
        };
        Frame {
            predicate: self.text_terms().map(str::to_string).collect(),
            actor: ids("s:").first().copied(),
            places: ids("p:"),
            figures: self
                .figures()
                .into_iter()
                .map(|(unit, value)| FrameFigure {
                    unit: unit.to_string(),
                    value,
                    bound: match self.open_of(unit, value) {
                        Open::Above => "at_least",
                        Open::Below => "at_most",
                        Open::Neither => "exact",
                    },
                    measures: self
                        .figure_notes(CONTEXT, unit, value)
                        .map(str::to_string)
                        .collect(),
                })
                .collect(),
            denied: self.tokens.iter().any(|t| t == NEGATED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_reads_every_part_of_a_signature() {
        let sig = Signature::parse(
            "ferry recapture port x:neg k:km2:300:farmland n:km2:300 o:km2:300:+ \
             n:person/killed:12 s:4 p:7 p:9 r:adm1:XX.01",
        );
        let frame = sig.frame();
        assert_eq!(frame.predicate, ["ferry", "recapture", "port"]);
        assert_eq!(frame.actor, Some(4));
        assert_eq!(frame.places, [7, 9]);
        assert!(frame.denied);
        assert_eq!(
            frame.figures,
            [
                FrameFigure {
                    unit: "km2".into(),
                    value: 300.0,
                    bound: "at_least",
                    measures: vec!["farmland".into()],
                },
                FrameFigure {
                    unit: "person/killed".into(),
                    value: 12.0,
                    bound: "exact",
                    measures: vec![],
                },
            ]
        );
        // a claim stored without a signature has an empty frame
        assert_eq!(Signature::parse("").frame(), Frame::default());
    }
}
