//! Who says what inside one sentence: cue verbs, their speakers, their content, the quotes
//! they attribute and the outlet the sentence cites.
//!
//! A cue verb is read in one of three shapes: "X said (that) CONTENT", "CONTENT, X said" /
//! "CONTENT, said X", and "according to X, CONTENT" / "CONTENT, according to X". A quotation
//! belongs to the cue right after it or right before it; a quotation in the middle of a
//! clause stays inside that clause's claim.
//!
//! The passes live in submodules that use each other in one direction only: `types` and
//! `syntax` are leaves; `pronouns` ← `speakers` ← `coordinated` ← `subjects` and
//! `according` ← `cues` find
//! who speaks; `content`, `direct` and `via` find what was said and through whom;
//! `sources` reads a sentence that credits the quotation before it; this module runs them
//! in order for one sentence.

mod according;
mod content;
mod coordinated;
mod cues;
mod direct;
mod listener;
mod pronouns;
mod sources;
mod speakers;
mod subjects;
mod syntax;
#[cfg(test)]
mod test_support;
mod types;
mod via;

use crate::model::Mention;
use crate::text::flag;
use types::QuoteMask;
pub use types::{Analyzer, Draft, Sentence};

impl Analyzer<'_, '_> {
    /// Analyses one sentence; `prev` is the speaker of the claim before it. Also says
    /// whether anyone is credited in the sentence at all (such a sentence is not the
    /// article's own voice even when it yields no claim).
    pub fn sentence(&self, s: &Sentence, prev: Option<&Mention>) -> (Vec<Draft>, bool) {
        let mask = QuoteMask::new(s);
        let mut attrs = self.collect_attrs(s, &mask, prev);
        let via = self.sentence_via(s, &mask, &mut attrs);
        self.right_contents(s, &mut attrs);
        self.cataphora(&mut attrs);
        self.left_contents(s, &mask, &mut attrs);
        let mut drafts = self.quote_drafts(s, &mask, &mut attrs);
        drafts.extend(self.reported_drafts(&mask, &attrs));
        self.split_closing_quotes(s, &attrs, &mut drafts);
        self.attach_via(via.as_ref(), &mut drafts);
        if via.is_none() {
            self.mark_other_channels(s, &mask, &mut drafts);
        }
        self.cited_sources(s, &mask, &mut drafts);
        drafts.sort_by_key(|d| d.a);
        // two cues over the same words ("she said, adding that …") make one claim
        drafts.dedup_by(|x, y| x.a == y.a && x.b == y.b && x.direct == y.direct);
        // a weak cue with nothing reported ("X recalled 2 million cars"), or a cue with
        // only its topic ("X reported on the flood"), credits no one: the sentence stays
        // the article's own
        let credited = attrs.iter().any(|x| {
            let reports = x.content.is_some()
                || !(self.t.has(x.cue, flag::WEAK) || content::is_topic(self.t, x.cue_end));
            x.speaker.is_some() && !x.outlet_only && !x.quote_only && reports
        });
        (drafts, credited)
    }
}
