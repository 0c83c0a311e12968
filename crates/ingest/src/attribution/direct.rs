//! Direct claims: which attribution owns each quotation, orphan quotations, and a
//! quotation that closes reported content.

use super::syntax::{self, loose_words, words};
use super::types::{Analyzer, Attr, Draft, QuoteMask, Sentence, QUOTE_FRAGMENT};
use crate::model::Mention;
use crate::quotes::Quote;
use crate::rules;
use crate::text::{flag, Kind, Tokens};

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
            // Attributions are in text order: look only at the few around the quote.
            let k0 = attrs.partition_point(|x| x.cue < q.open);
            let (owner, embedded) = quote_owner(t, s, mask, attrs, q, k0);
            if embedded {
                continue;
            }
            match owner {
                Some(k) => drafts.push(owned_quote(t, &mut attrs[k], q, main_speaker.as_ref())),
                None => {
                    let near = &attrs[k0.saturating_sub(3)..k0];
                    if let Some(d) = orphan_quote(t, s, mask, near, q) {
                        pending.push(drafts.len());
                        drafts.push(d);
                    }
                }
            }
        }
        // A quote that opens the sentence shares the attribution of the next quote in it.
        if !pending.is_empty() {
            share_next_attribution(&mut drafts);
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
                .find(|q| q.closed && q.open > d.a && closes(t, s, d, q))
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
            // The quotation hangs on a phrase of its own ("…, in order to “…”", or the
            // quoted phrase itself: "…, even in jail, “to see the harm done”"), not on the
            // main clause ("Since May, troops took “…”").
            let phrase = if q.open == comma + 1 { qa } else { comma + 1 };
            // ("X, 52, had “…”": an auxiliary after an apposition carries the main clause)
            let subordinate = t.is_word(phrase)
                && !t.is_cap(phrase)
                && t.has(phrase, flag::FUNCTION)
                && !syntax::is_auxiliary(t, phrase);
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
                other_channel: false,
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

/// Whether the quotation `q` ends the reported content of `d`, inside it or right after
/// the comma it stops at, closing the sentence ("said she walked there, even in the rain,
/// “to see …”"; not "…, “to see …,” the mayor said", which the trailing cue owns).
fn closes(t: &Tokens, s: &Sentence, d: &Draft, q: &Quote) -> bool {
    let inside = q.open < d.b;
    let ends_sentence = (q.outer_end()..s.b).all(|i| !t.is_word(i));
    let after_comma = q.open == d.b + 1 && t.is_punct(d.b, ',') && ends_sentence;
    (inside || after_comma) && q.outer_end() >= d.b
}

/// Which attribution owns the quotation `q` (`k0`: the first attribution whose cue is not
/// before it): the one right after it with only punctuation between, else the cue right
/// before it. Also says whether the quotation is embedded in a clause's content (the
/// content before it has words of its own) and so is no claim of its own.
fn quote_owner(
    t: &Tokens,
    s: &Sentence,
    mask: &QuoteMask,
    attrs: &[Attr],
    q: &Quote,
    k0: usize,
) -> (Option<usize>, bool) {
    let qend = q.outer_end();
    let mut owner: Option<usize> = None;
    let near = &attrs[k0.saturating_sub(3)..k0];
    // an outlet-only attribution's content is no claim ("According to Reuters, X said, “…”")
    let mut embedded = near.iter().any(|x| {
        !x.trailing
            && !x.quote_only
            && !x.outlet_only
            && x.content.is_some_and(|(c, e)| {
                // the content runs to the quotation's last word (a comma inside the
                // quotation marks may end it: "to stay “calm and patient,” according to …")
                c < q.open
                    && (e.max(q.open)..qend).all(|i| !t.is_word(i))
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
        // "warned that the border “is not open” and that …": a second clause of the same
        // cue is no attribution of the quotation before it
        let coordinated = rules::CLAUSE_COORDINATORS.contains(&t.lo(from));
        if from >= qend && words(t, qend, from) == 0 && !coordinated {
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
            // "said the hull was cracked: “…”": the quotation the content's colon opens
            let after_colon = q.open > 0
                && t.is_punct(q.open - 1, ':')
                && x.content.is_some_and(|(_, e)| e + 1 == q.open);
            let gap = if after_colon {
                0
            } else {
                words(t, x.finish.max(x.cue_end), q.open)
            };
            let limit = if x.quote_only { 8 } else { 2 };
            // "said the ruling “…”" is reported content that quotes; "said that “…”" and
            // "told reporters that “…”" quote the whole of what was said
            let that_opens = q.open > 0 && t.is(q.open - 1, "that");
            let no_that = that_opens || !(x.cue_end..q.open).any(|i| t.is(i, "that"));
            // "called the budget “a betrayal” and vowed to …": what a naming verb quotes
            // is all it says, whatever the speaker did next
            let next_verb_phrase = x.quote_only
                && (qend..s.b)
                    .find(|&i| t.is_word(i))
                    .is_some_and(|i| rules::CLAUSE_COORDINATORS.contains(&t.lo(i)));
            let ends_clause = words(t, qend, s.b) <= 5
                || t.is_punct(qend, ',')
                || t.is_punct(qend, '.')
                || next_verb_phrase;
            if gap <= limit
                && no_that
                && (ends_clause || (gap == 0 && !clause_goes_on(t, qend, s.b)))
            {
                owner = Some(k);
            }
        }
    }
    (owner, embedded)
}

/// "accused “criminal groups” working with “foreign forces” of trying to …": a clause that
/// runs on past the quotation, through a participle or "of", makes the quotation part of
/// the reported content rather than all that was said.
fn clause_goes_on(t: &Tokens, qend: usize, sb: usize) -> bool {
    let next = (qend..sb).find(|&i| t.is_word(i));
    next.is_some_and(|i| {
        i == qend && (t.lo(i).ends_with("ing") || rules::CLAUSE_GOES_ON.contains(&t.lo(i)))
    }) && words(t, qend, sb) > 5
}

/// The direct claim of the quotation `q` owned by `x`; the quotation leaves `x`'s
/// content. An outlet-only attribution lends the sentence's main speaker.
fn owned_quote(t: &Tokens, x: &mut Attr, q: &Quote, main_speaker: Option<&Mention>) -> Draft {
    let (qa, qb) = q.inner();
    if let Some((c, e)) = x.content {
        if c <= q.open && q.close <= e + 1 {
            x.content = None;
        }
    }
    let (speaker, leans) = if x.outlet_only {
        (main_speaker.cloned(), false)
    } else {
        (x.speaker.clone(), x.leans)
    };
    Draft {
        direct: true,
        a: qa,
        b: qb,
        speaker,
        via: None,
        spoke_to_via: false,
        other_channel: false,
        cue: Some(t.span_text(x.cue_src.0, x.cue_src.1).to_string()),
        leans_on_previous: leans,
        orphan: false,
        scene: None,
    }
}

/// An unattributed quotation `q` that stands alone (at most a short lead-in before it,
/// not inside a claim of the attributions `near` it) is kept as an orphan.
fn orphan_quote(
    t: &Tokens,
    s: &Sentence,
    mask: &QuoteMask,
    near: &[Attr],
    q: &Quote,
) -> Option<Draft> {
    let (qa, qb) = q.inner();
    let qend = q.outer_end();
    let lead = loose_words(t, mask, s.a, q.open);
    let lead_ok = lead == 0
        || (lead <= 4 && q.open > s.a && matches!(t.toks[q.open - 1].kind, Kind::Punct(',' | ':')));
    let in_claim = near.iter().any(|x| {
        x.content
            .is_some_and(|(c, e)| c <= q.open && (e.max(q.open)..qend).all(|i| !t.is_word(i)))
    });
    (lead_ok && !in_claim).then_some(Draft {
        direct: true,
        a: qa,
        b: qb,
        speaker: None,
        via: None,
        spoke_to_via: false,
        other_channel: false,
        cue: None,
        leans_on_previous: false,
        orphan: true,
        scene: None,
    })
}

/// A quote that opens the sentence shares the attribution of the next quote in it.
fn share_next_attribution(drafts: &mut [Draft]) {
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

    #[test]
    fn a_quotation_the_clause_runs_on_from_is_inside_what_was_said() {
        check(&[
            (
                "Dana Kline accused “smugglers” working with “crews abroad” of cutting the \
                 pier's fence.",
                &[(
                    "Dana Kline",
                    "“smugglers” working with “crews abroad” of cutting the pier's fence",
                )],
            ),
            // a quotation that ends the clause, or is followed by a few words, is all
            // that was said
            (
                "Dana Kline called the pier “a danger to every boat”.",
                &[("Dana Kline", "a danger to every boat")],
            ),
            (
                "Dana Kline said “the pier is shut” and left.",
                &[("Dana Kline", "the pier is shut")],
            ),
        ]);
    }

    #[test]
    fn a_quotation_right_after_that_is_the_whole_of_what_was_said() {
        check(&[
            (
                "Dana Kline said that \"the pier is not safe.\"",
                &[("Dana Kline", "the pier is not safe.")],
            ),
            (
                "Dana Kline told reporters that “the pier is not safe,” and left.",
                &[("Dana Kline", "the pier is not safe,")],
            ),
            // words between "that" and the quotation: reported content that quotes
            (
                "Dana Kline said that the pier “is not safe.”",
                &[("Dana Kline", "the pier “is not safe.”")],
            ),
        ]);
    }

    #[test]
    fn a_quoted_phrase_inside_the_first_of_two_clauses_is_no_quote_of_its_own() {
        check(&[
            (
                "Dana Kline warned that the pier \"is not safe\" and that the ferry would stop.",
                &[
                    ("Dana Kline", "the pier \"is not safe\""),
                    ("Dana Kline", "the ferry would stop"),
                ],
            ),
            // a quotation before a trailing speaker is still the speaker's
            (
                "“The pier is not safe” and “the ferry must stop,” Dana Kline said.",
                &[
                    ("Dana Kline", "The pier is not safe"),
                    ("Dana Kline", "the ferry must stop,"),
                ],
            ),
        ]);
    }

    #[test]
    fn a_quotation_ending_reported_content_with_its_comma_is_no_claim_of_its_own() {
        check(&[
            // the comma inside the quotation marks ends the content, not the quotation
            (
                "Dana Kline urged drivers to stay \"patient and careful,\" according to a \
                 note sent on Monday.",
                &[("Dana Kline", "drivers to stay \"patient and careful")],
            ),
            // a whole quotation before "according to" is still the source's
            (
                "\"The pier will reopen in May,\" according to a note from Dana Kline.",
                &[("Dana Kline", "The pier will reopen in May,")],
            ),
        ]);
    }
}
