//! Direct claims: which attribution owns each quotation, orphan quotations, and a
//! quotation that closes reported content.

use super::syntax::{loose_words, words};
use super::types::{Analyzer, Attr, Draft, QuoteMask, Sentence, QUOTE_FRAGMENT};
use crate::model::Mention;
use crate::text::{flag, Kind};

impl Analyzer<'_, '_> {
    /// Direct claims: each quotation attached to the attribution right after or right
    /// before it; unattributed quotations that stand alone are kept as orphans.
    pub(super) fn quote_drafts(
        &self,
        s: &Sentence,
        mask: &QuoteMask,
        attrs: &mut [Attr],
    ) -> Vec<Draft> {
        let t = self.t;
        let quotes = s.quotes;
        let mut drafts = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        let main_speaker = attrs
            .iter()
            .filter(|x| !x.outlet_only)
            .find_map(|x| x.speaker.clone());
        for q in quotes
            .iter()
            .filter(|q| q.open >= s.a && q.open < s.b && !q.is_title(t))
        {
            let (qa, qb) = q.inner();
            let qend = q.outer_end();
            let mut owner: Option<usize> = None;
            // Attributions are in text order: look only at the few around the quote.
            let k0 = attrs.partition_point(|x| x.cue < q.open);
            let near = &attrs[k0.saturating_sub(3)..k0];
            let mut embedded = near.iter().any(|x| {
                !x.trailing
                    && !x.quote_only
                    && x.content.is_some_and(|(c, e)| {
                        c < q.open
                            && qend <= e + 1
                            && (c.max(q.open.saturating_sub(64))..q.open)
                                .filter(|&i| t.is_word(i) && !mask.inside(i))
                                .count()
                                > 2
                    })
            });
            // After: only punctuation between the quote and the attribution.
            let k1 = attrs.partition_point(|x| x.cue < qend);
            let after = attrs
                .get(k1)
                .filter(|x| x.begin >= qend || x.trailing)
                .map(|_| k1);
            if let Some(k) = after {
                let x = &attrs[k];
                let from = if x.trailing && x.begin == x.cue {
                    x.cue
                } else {
                    x.begin
                };
                if from >= qend && words(t, qend, from) == 0 {
                    owner = Some(k);
                    if let (true, Some((c, _))) = (x.trailing, x.content) {
                        let before_words = loose_words(t, mask, c, q.open);
                        embedded = before_words > QUOTE_FRAGMENT;
                    }
                }
            }
            if owner.is_none() {
                // Before: the cue (and its subject) right before the quote.
                if let Some(k) = k0.checked_sub(1) {
                    let x = &attrs[k];
                    let gap = words(t, x.finish.max(x.cue_end), q.open);
                    let limit = if x.quote_only { 8 } else { 2 };
                    let no_that = !(x.cue_end..q.open).any(|i| t.is(i, "that"));
                    let ends_clause =
                        words(t, qend, s.b) <= 5 || t.is_punct(qend, ',') || t.is_punct(qend, '.');
                    if gap <= limit && no_that && (ends_clause || gap == 0) {
                        owner = Some(k);
                    }
                }
            }
            if embedded {
                continue;
            }
            match owner {
                Some(k) => {
                    let x = &mut attrs[k];
                    if let Some((c, e)) = x.content {
                        if c <= q.open && q.close <= e + 1 {
                            x.content = None;
                        }
                    }
                    let (speaker, leans) = if x.outlet_only {
                        (main_speaker.clone(), false)
                    } else {
                        (x.speaker.clone(), x.leans)
                    };
                    drafts.push(Draft {
                        direct: true,
                        a: qa,
                        b: qb,
                        speaker,
                        via: None,
                        spoke_to_via: false,
                        cue: Some(t.span_text(x.cue_src.0, x.cue_src.1).to_string()),
                        leans_on_previous: leans,
                        orphan: false,
                        scene: None,
                    });
                }
                None => {
                    let lead = loose_words(t, mask, s.a, q.open);
                    let lead_ok = lead == 0
                        || (lead <= 4
                            && q.open > s.a
                            && matches!(t.toks[q.open - 1].kind, Kind::Punct(',' | ':')));
                    let in_claim = near
                        .iter()
                        .any(|x| x.content.is_some_and(|(c, e)| c <= q.open && qend <= e + 1));
                    if lead_ok && !in_claim {
                        pending.push(drafts.len());
                        drafts.push(Draft {
                            direct: true,
                            a: qa,
                            b: qb,
                            speaker: None,
                            via: None,
                            spoke_to_via: false,
                            cue: None,
                            leans_on_previous: false,
                            orphan: true,
                            scene: None,
                        });
                    }
                }
            }
        }
        // A quote that opens the sentence shares the attribution of the next quote in it.
        if !pending.is_empty() {
            let mut next: Option<(Option<Mention>, Option<String>, bool)> = None;
            for d in drafts.iter_mut().rev() {
                if !d.orphan {
                    next = Some((d.speaker.clone(), d.cue.clone(), d.leans_on_previous));
                } else if let Some((sp, cue, leans)) = &next {
                    d.speaker.clone_from(sp);
                    d.cue.clone_from(cue);
                    d.leans_on_previous = *leans;
                    d.orphan = false;
                }
            }
        }
        drafts
    }

    /// "urged residents to leave, in order to “stay safe”": a quotation that closes the
    /// reported content in a short clause of its own is the speaker's own words, a direct
    /// claim beside the reported one (a quoted word inside the clause stays a scare quote).
    /// Before a trailing cue ("A, which “B”, said X") only the quotation is X's: the rest
    /// is the article's framing.
    pub(super) fn split_closing_quotes(
        &self,
        s: &Sentence,
        attrs: &[Attr],
        drafts: &mut Vec<Draft>,
    ) {
        let t = self.t;
        let mut extra = Vec::new();
        let mut framing = Vec::new();
        for (n, d) in drafts.iter_mut().enumerate() {
            if d.direct || d.speaker.is_none() {
                continue;
            }
            let Some(q) = s
                .quotes
                .iter()
                .find(|q| q.closed && q.open > d.a && q.open < d.b && q.outer_end() >= d.b)
            else {
                continue;
            };
            let (qa, qb) = q.inner();
            let Some(comma) = (d.a..q.open).rev().find(|&k| t.is_punct(k, ',')) else {
                continue;
            };
            if words(t, qa, qb) < 2 || words(t, d.a, comma) < 3 {
                continue;
            }
            let trailing = attrs
                .iter()
                .any(|x| x.trailing && x.content == Some((d.a, d.b)));
            // The quotation hangs on a phrase of its own ("…, in order to “…”"), not on
            // the main clause ("Since May, troops took “…”").
            let subordinate =
                t.is_word(comma + 1) && !t.is_cap(comma + 1) && t.has(comma + 1, flag::FUNCTION);
            if !subordinate || !(trailing || words(t, comma, q.open) <= 4) {
                continue;
            }
            extra.push(Draft {
                direct: true,
                a: qa,
                b: qb,
                speaker: d.speaker.clone(),
                via: None,
                spoke_to_via: false,
                cue: d.cue.clone(),
                leans_on_previous: d.leans_on_previous,
                orphan: false,
                scene: None,
            });
            if trailing {
                framing.push(n);
            } else {
                d.b = comma;
            }
        }
        for n in framing.into_iter().rev() {
            drafts.remove(n);
        }
        drafts.extend(extra);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;

    #[test]
    fn a_title_in_quotation_marks_is_no_quote() {
        check(&[
            (
                "Dana Kline told \"Harbour Hour\" listeners on Monday that the docks would reopen.",
                &[("Dana Kline", "the docks would reopen")],
            ),
            (
                "\"The docks will reopen,\" Dana Kline said on Monday.",
                &[("Dana Kline", "The docks will reopen,")],
            ),
        ]);
    }
}
