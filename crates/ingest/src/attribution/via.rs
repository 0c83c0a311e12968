//! Cited outlets: the outlet a sentence names as its channel ("told Reuters", "quoted by
//! Interfax", "a Reuters journalist") and which drafts it carried.

use super::according::source_end;
use super::types::{mention_of, Analyzer, Attr, Draft, QuoteMask, Sentence};
use crate::model::{EntityKind, Mention};
use crate::rules;
use crate::text::flag;

impl Analyzer<'_, '_> {
    /// The outlet the sentence cites, and whether the speaker talked to it; marks
    /// attributions that only name that outlet.
    pub(super) fn sentence_via(
        &self,
        s: &Sentence,
        mask: &QuoteMask,
        attrs: &mut [Attr],
    ) -> Option<(Mention, bool)> {
        let t = self.t;
        // Outlet-only attributions become the via of the others.
        let has_person_like = attrs.iter().any(|x| {
            x.speaker
                .as_ref()
                .is_some_and(|m| m.kind != EntityKind::Outlet || x.leans)
        });
        let mut via: Option<(Mention, bool)> = None;
        for x in attrs.iter_mut() {
            if let Some(m) = &x.speaker {
                if m.kind == EntityKind::Outlet && has_person_like && !x.quote_only && !x.leans {
                    via.get_or_insert_with(|| (m.clone(), false));
                    x.outlet_only = true;
                }
            }
        }
        // Outlets after "told", "quoted by", "reported by", "in", "on", or before "quoted".
        for f in self.reg.within(s.a, s.b) {
            // a programme named in quotation marks: "told “Morning Call” listeners"
            let title = s
                .quotes
                .iter()
                .find(|q| q.open < f.a && f.b <= q.close && q.is_title(t));
            if f.kind != EntityKind::Outlet || (mask.inside(f.a) && title.is_none()) {
                continue;
            }
            let mut p = title.map_or(f.a, |q| q.open);
            // "told the daily El Comercio", "told Dutch broadcaster NOS"
            if p > s.a && rules::OUTLET_KINDS.contains(&t.lo(p - 1)) {
                p -= 1;
                let describes = |i: usize| t.is_word(i) && !t.has(i, flag::FUNCTION | flag::CUE);
                if p > s.a + 1 && describes(p - 1) {
                    p -= 1;
                }
            }
            if p > s.a && t.is(p - 1, "the") {
                p -= 1;
            }
            // "in an interview with CNN", "in an op-ed for The Times".
            let interview = p > s.a + 1
                && rules::INTERVIEW_PREPOSITIONS.contains(&t.lo(p - 1))
                && rules::INTERVIEW_NOUNS.contains(&t.lo(p - 2));
            let before = if p > s.a { t.lo(p - 1) } else { "" };
            let talked = interview || rules::SPOKE_TO_WORDS.contains(&before);
            // "Interfax quoted Ana Ruiz as saying …"
            let quoting = rules::QUOTING_VERBS.contains(&t.lo(f.b));
            if talked || quoting || rules::CARRIED_BY_WORDS.contains(&before) {
                via.get_or_insert_with(|| (mention_of(t, f), talked));
            }
        }
        via
    }

    /// Sets the sentence's outlet (`via`) on each draft whose speaker it carried, else the
    /// outlet named inside an unnamed speaker ("a Reuters journalist", "a report by Reuters").
    pub(super) fn attach_via(&self, via: Option<&(Mention, bool)>, drafts: &mut [Draft]) {
        let t = self.t;
        for d in drafts.iter_mut() {
            let Some(sp) = &d.speaker else { continue };
            if let Some((v, conversation)) = via {
                // "…, X said, quoted by Interfax, after Y announced that …": the outlet
                // carried X's words, not the later clause's.
                let v_end = self.token_at(v.span.end);
                let later_clause = (v_end..d.a).any(|k| rules::SUBORDINATORS.contains(&t.lo(k)));
                if v.name != sp.name && !later_clause {
                    d.via = Some(v.clone());
                    d.spoke_to_via = *conversation;
                }
            }
            if d.via.is_none() && reports_as_outlet(sp, d.cue.as_deref()) {
                // "…, the Evening Post reported": the outlet cited is the speaker itself
                d.via = Some(sp.clone());
            }
            if d.via.is_none() {
                // "a Reuters journalist", "a report by Reuters": the outlet inside the speaker.
                let inner = self.reg.within(
                    self.token_at(sp.span.start),
                    self.token_at(sp.span.end)
                        .max(self.token_at(sp.span.start) + 1),
                );
                if let Some(f) = inner.iter().find(|f| f.kind == EntityKind::Outlet) {
                    if sp.kind == EntityKind::Nominal || sp.kind == EntityKind::Outlet {
                        let whole =
                            t.span_text(self.token_at(sp.span.start), self.token_at(sp.span.end));
                        if sp.kind == EntityKind::Nominal || whole.contains("report") {
                            d.via = Some(mention_of(t, f));
                        }
                    }
                }
            }
        }
    }
}

impl Analyzer<'_, '_> {
    /// Marks the drafts of a sentence that cites no outlet but names another channel of
    /// speech outside their content and outside quotation marks ("at a news conference",
    /// "told reporters", "in a statement", "in a phone interview").
    pub(super) fn mark_other_channels(&self, s: &Sentence, mask: &QuoteMask, drafts: &mut [Draft]) {
        let t = self.t;
        let channel = |k: usize| !mask.inside(k) && rules::CHANNEL_WORDS.contains(&t.lo(k));
        for d in drafts.iter_mut() {
            d.other_channel = (s.a..s.b).any(|k| (k < d.a || k >= d.b) && channel(k));
        }
    }

    /// "…, Radio Vell reported, citing the harbour master": the source the outlet cites
    /// is who said it, and the outlet the channel. For each draft an outlet speaks, the
    /// source named after a citing word outside its content and outside quotation marks
    /// becomes its speaker and the outlet its `via`.
    pub(super) fn cited_sources(&self, s: &Sentence, mask: &QuoteMask, drafts: &mut [Draft]) {
        let t = self.t;
        let Some(cite) =
            (s.a..s.b).find(|&k| rules::CITING_WORDS.contains(&t.lo(k)) && !mask.inside(k))
        else {
            return;
        };
        let end = source_end(t, s, cite + 1);
        let Some((source, _)) = self.speaker_of(cite + 1, end, None) else {
            return;
        };
        for d in drafts.iter_mut() {
            let outlet_speaks = d
                .speaker
                .as_ref()
                .is_some_and(|m| m.kind == EntityKind::Outlet);
            if outlet_speaks && !(d.a..d.b).contains(&cite) {
                d.via = d.speaker.replace(source.clone());
                d.spoke_to_via = false;
            }
        }
    }
}

/// Whether `speaker` is an outlet publishing the claim as its own report (cue `cue`).
fn reports_as_outlet(speaker: &Mention, cue: Option<&str>) -> bool {
    speaker.kind == EntityKind::Outlet
        && cue.is_some_and(|c| rules::OUTLET_REPORT_CUES.contains(&c.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check_vias;

    #[test]
    fn an_outlet_reporting_a_claim_is_the_outlet_cited_for_it() {
        check_vias(&[
            // an outlet's own report: it speaks, and it is the outlet cited
            (
                "The ferry to Oster will stop in May, the Evening Post reported on Monday.",
                &[("Evening Post", Some("Evening Post"))],
            ),
            (
                "Radio Vell reported that the ferry to Oster would stop in May.",
                &[("Radio Vell", Some("Radio Vell"))],
            ),
            // an outlet that said something, or according to one: the speaker only
            (
                "The ferry to Oster will stop in May, the Evening Post said.",
                &[("Evening Post", None)],
            ),
            (
                "According to Radio Vell, the ferry to Oster will stop in May.",
                &[("Radio Vell", None)],
            ),
            // a body that reports is no outlet
            (
                "The ferry to Oster will stop in May, the Harbour Board reported.",
                &[("Harbour Board", None)],
            ),
        ]);
    }

    #[test]
    fn an_outlet_unknown_by_name_is_known_by_its_kind() {
        check_vias(&[
            (
                "“The quay is safe,” Ana Ruiz told the radio station Onda Vell.",
                &[("Ana Ruiz", Some("Onda Vell"))],
            ),
            (
                "Ana Ruiz told the television network Canal Oster that the quay was safe.",
                &[("Ana Ruiz", Some("Canal Oster"))],
            ),
            (
                "Ana Ruiz told the harbour podcast Tide Talk that the quay was safe.",
                &[("Ana Ruiz", Some("Tide Talk"))],
            ),
            // a news site of the outlet list
            (
                "Ana Ruiz told Wikinews that the quay was safe.",
                &[("Ana Ruiz", Some("Wikinews"))],
            ),
            (
                "Ana Ruiz told Suspilne that the quay was safe.",
                &[("Ana Ruiz", Some("Suspilne"))],
            ),
            // an outlet that quotes or cites someone
            (
                "Wikinews quoted Ana Ruiz as saying that the quay was safe.",
                &[("Ana Ruiz", Some("Wikinews"))],
            ),
            (
                "Ana Ruiz was quoted by Suspilne as saying that the quay was safe.",
                &[("Ana Ruiz", Some("Suspilne"))],
            ),
            // a sports broadcaster of the list, after a match
            (
                "“We never gave up,” Ana Ruiz told Sky Sports after the final.",
                &[("Ana Ruiz", Some("Sky Sports"))],
            ),
            // a station that is no outlet, and a name after it that is no listener
            (
                "Ana Ruiz said the fire began at the police station on Quay Street.",
                &[("Ana Ruiz", None)],
            ),
        ]);
    }

    #[test]
    fn the_source_an_outlet_cites_speaks_through_it() {
        check_vias(&[
            (
                "The ferry to Oster will stop in May, the Evening Post reported, citing two \
                 harbour pilots.",
                &[("two harbour pilots", Some("Evening Post"))],
            ),
            // a short clause before the outlet is what it reported, not a lead-in
            (
                "Fares rose sharply, Radio Vell reported, citing two harbour pilots.",
                &[("two harbour pilots", Some("Radio Vell"))],
            ),
            (
                "Citing the Harbour Board, Radio Vell reported that the ferry to Oster would \
                 stop in May.",
                &[("Harbour Board", Some("Radio Vell"))],
            ),
            (
                "Radio Vell, quoting a pilot in Oster, said the ferry would stop in May.",
                &[("a pilot in Oster", Some("Radio Vell"))],
            ),
            // a body citing its evidence is still the speaker, with no outlet
            (
                "The Harbour Board said, citing figures from the census, that 400 people had \
                 left the valley.",
                &[("Harbour Board", None)],
            ),
            // citing words inside a quotation cite no one
            (
                "“They keep citing old maps,” the Evening Post said.",
                &[("Evening Post", None)],
            ),
        ]);
    }

    #[test]
    fn another_channel_ends_the_interview_an_outlet_was_cited_for() {
        check_vias(&[
            (
                "Ana Ruiz told Radio Vell that 40 homes flooded. \"The dam held,\" Ruiz said \
                 at a news conference.",
                &[("Ana Ruiz", Some("Radio Vell")), ("Ana Ruiz", None)],
            ),
            // with no other channel named, the conversation goes on
            (
                "Ana Ruiz told Radio Vell that 40 homes flooded. \"The dam held,\" Ruiz added.",
                &[
                    ("Ana Ruiz", Some("Radio Vell")),
                    ("Ana Ruiz", Some("Radio Vell")),
                ],
            ),
        ]);
    }
}
