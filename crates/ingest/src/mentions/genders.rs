//! The sex the text itself gives a person: "Dale Hurst said he was worried", "Kim Sun
//! says that she will stay" — a subject pronoun right after the cue of the person's own
//! clause. What the article says outweighs a given-name list, which cannot know a name
//! borne by both sexes, or borne by men in one country and by women in another.

use crate::model::EntityKind;
use crate::tagger::Gender;
use crate::text::{flag, FnvMap, Tokens};

use super::registry::Registry;

/// Most tokens between the end of a person's name and the cue of their clause ("Dale
/// Hurst, the head of the survey, said he …").
const CUE_REACH: usize = 10;

/// The sex each person (by index in `reg.persons`) is given by a pronoun after their own
/// cue; a person given both is left out.
pub(super) fn said_genders(t: &Tokens, reg: &Registry) -> FnvMap<usize, Gender> {
    let mut seen: FnvMap<usize, Option<Gender>> = FnvMap::default();
    for (k, f) in reg.found.iter().enumerate() {
        if f.kind != EntityKind::Person {
            continue;
        }
        let next_name = reg.found.get(k + 1).map_or(t.len(), |n| n.a);
        let Some(sex) = pronoun_after_cue(t, f.b, next_name.min(f.b + CUE_REACH)) else {
            continue;
        };
        let Some(i) = reg.person_index(&f.name) else {
            continue;
        };
        let entry = seen.entry(i).or_insert(Some(sex));
        if *entry != Some(sex) {
            *entry = None;
        }
    }
    seen.into_iter()
        .filter_map(|(i, g)| Some((i, g?)))
        .collect()
}

/// The sex of "he" or "she" right after the first cue verb in `[from, limit)` (or after
/// its "that"), before the sentence or a quotation ends.
fn pronoun_after_cue(t: &Tokens, from: usize, limit: usize) -> Option<Gender> {
    let cue = (from..limit.min(t.len()))
        .take_while(|&k| !t.is_punct(k, '.') && !t.is_quote(k))
        .find(|&k| t.has(k, flag::CUE) && !t.is_cap(k))?;
    let mut p = cue + 1;
    if t.is(p, "that") {
        p += 1;
    }
    match t.lo(p) {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}
