//! Any bytes as article text: the extractor must not panic, and every span it returns
//! must slice the text on char boundaries.
#![no_main]

use std::sync::LazyLock;

use claimgraph_ingest::{ExtractOptions, Extractor, Span};
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for headline_is_first_line in [false, true] {
        let ex = EXTRACTOR.extract(&text, &ExtractOptions { headline_is_first_line });
        let ok = |s: &Span| s.start <= s.end && s.slice(&text).is_some();
        for m in &ex.mentions {
            assert!(ok(&m.span), "mention {m:?}");
        }
        for c in &ex.claims {
            assert!(ok(&c.span) && c.span.start < c.span.end, "claim {c:?}");
            for m in c.speaker.iter().chain(&c.via).chain(&c.places) {
                assert!(ok(&m.span), "claim mention {m:?}");
            }
            for n in &c.numbers {
                assert!(ok(&n.span) && n.value.is_finite(), "number {n:?}");
            }
        }
    }
});
