//! The `POST /v1/articles` body path without a database: the first byte picks the
//! Content-Type, the rest is the body. Parsing must answer Ok or a 4xx, never panic, and
//! an accepted article must go through extraction and offset conversion.
#![no_main]

use std::sync::LazyLock;

use claimgraph_api::parse_article;
use claimgraph_ingest::{Extractor, Gazetteer};
use http::{header, HeaderMap, HeaderValue};
use libfuzzer_sys::fuzz_target;

/// The extractor `prepare` is handed, as the binary builds it: once per process.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| match Gazetteer::load() {
    Ok(g) => Extractor::with_gazetteer(std::sync::Arc::new(g)),
    Err(_) => Extractor::new(),
});

const TYPES: [&str; 4] = [
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "text/plain; charset=utf-8",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(TYPES[usize::from(pick) % TYPES.len()]),
    );
    match parse_article(&headers, body) {
        Ok(article) => {
            let prepared = claimgraph_store::prepare(&*EXTRACTOR, article);
            let text = prepared.article.text.as_str();
            assert!(!text.trim().is_empty());
            for c in &prepared.extraction.claims {
                assert!(c.span.slice(text).is_some(), "claim {c:?}");
            }
        }
        Err(e) => {
            let status = axum_status(&e);
            assert!((400..500).contains(&status), "{e:?} answered {status}");
        }
    }
});

/// The status the server would answer for this error.
fn axum_status(e: &claimgraph_api::ApiError) -> u16 {
    e.status().as_u16()
}
