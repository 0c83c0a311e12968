//! Groups of unnamed speakers counted in apposition before the cue ("The survivors, three
//! men and a woman, said"): the group is the subject, not the count.

use super::segment_start;
use crate::attribution::types::Analyzer;
use crate::model::Mention;
use crate::rules;
use crate::text::{flag, Kind, Tokens};

impl Analyzer<'_, '_> {
    /// The group of people that the apposition at `start` counts or parts, as the speaker
    /// ("The survivors, three men and a woman, said", "The residents, most of them
    /// elderly, said"): the whole segment before it, a description headed by a noun of
    /// people, with where it begins.
    pub(super) fn group_before(
        &self,
        start: usize,
        sa: usize,
        prev: Option<&Mention>,
    ) -> Option<(usize, Mention, bool)> {
        let t = self.t;
        let x = start - 1;
        let s2 = segment_start(t, x, sa);
        let head = x.checked_sub(1).filter(|&h| h >= s2)?;
        let people = t.has(head, flag::NOMINAL) || t.lex.is_person_plural(t.lo(head));
        if !people || t.is_cap(head) {
            return None;
        }
        let (sp, leans) = self.speaker_of(s2, x, prev)?;
        Some((s2, sp, leans))
    }
}

/// Most tokens of an apposition that counts a group ([`group_apposition`]).
const GROUP_APPOSITION_MAX: usize = 12;

/// Where an apposition that counts or parts the group before it begins, when the segment
/// at `start` ends one: "three men and a woman from Vell", "most of them elderly", "both
/// veterans of the airline", "all 12 of them" (set off by a comma).
pub(super) fn group_apposition(t: &Tokens, start: usize, sa: usize) -> Option<usize> {
    let mut c = start;
    while c > sa && !t.is_punct(c - 1, ',') && start - c < GROUP_APPOSITION_MAX {
        c -= 1;
    }
    let counted = t.toks[c].kind == Kind::Num || rules::QUANTIFIERS.contains(&t.lo(c));
    (c > sa && t.is_punct(c - 1, ',') && counted && !t.is_cap(c)).then_some(c)
}
