//! Helpers the attribution tests share: run a one-paragraph article through the
//! extractor and compare (speaker, claim) pairs.

use crate::model::{Claim, EntityKind, Extraction};
use crate::{ExtractOptions, Extractor};
use std::sync::OnceLock;

/// The extractor as the service runs it, with the embedded gazetteer, loaded once.
pub(super) fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        Extractor::with_gazetteer(claimgraph_gazetteer::shared().expect("embedded gazetteer"))
    })
}

/// A one-paragraph article under a headline, and what the extractor reads in it.
fn extracted(body: &str) -> (String, Extraction) {
    let text = format!("Harbour News\n{body}");
    let ex = extractor().extract(
        &text,
        &ExtractOptions {
            headline_is_first_line: true,
        },
    );
    (text, ex)
}

fn speaker_of(c: &Claim) -> &str {
    c.speaker.as_ref().map_or("", |m| m.name.as_str())
}

/// (speaker, claim text) of every claim of a one-paragraph article.
fn said(body: &str) -> Vec<(String, String)> {
    let (text, ex) = extracted(body);
    ex.claims
        .iter()
        .map(|c| {
            (
                speaker_of(c).to_string(),
                c.span.slice(&text).unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Each case: a sentence and the (speaker, claim) pairs it must yield, in order.
pub(super) fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (body, want) in cases {
        let got = said(body);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(w, c)| (w.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "{body}");
    }
}

/// A claim's speaker and the outlet cited for it.
pub(super) type Cited<'a> = (&'a str, Option<&'a str>);

/// Each case: a sentence and the (speaker, outlet cited) of each claim it must yield.
pub(super) fn check_vias(cases: &[(&str, &[Cited])]) {
    for (body, want) in cases {
        let (_, ex) = extracted(body);
        let got: Vec<Cited> = ex
            .claims
            .iter()
            .map(|c| (speaker_of(c), c.via.as_ref().map(|m| m.name.as_str())))
            .collect();
        assert_eq!(&got, want, "{body}");
    }
}

/// Each case: a sentence and the (speaker, kind of speaker) of each claim it must yield.
pub(super) fn check_speaker_kinds(cases: &[(&str, &[(&str, EntityKind)])]) {
    for (body, want) in cases {
        let (_, ex) = extracted(body);
        let got: Vec<(&str, EntityKind)> = ex
            .claims
            .iter()
            .filter_map(|c| c.speaker.as_ref().map(|m| (m.name.as_str(), m.kind)))
            .collect();
        assert_eq!(&got, want, "{body}");
    }
}
