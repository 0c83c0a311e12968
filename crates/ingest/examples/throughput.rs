//! Measures extraction throughput over the files named on the command line, with the
//! gazetteer (the service's pipeline) and without it, in MB/s and words/s (words split on
//! whitespace, as `bench/spacy_compare.py` counts them).
//!
//! usage: cargo run --release -p claimgraph-ingest --example throughput -- FILE...
//! (`THROUGHPUT_MB=1` for a short pass, e.g. under `valgrind --tool=callgrind`)

use std::time::Instant;

use claimgraph_ingest::{ExtractOptions, Extractor};

/// How much text to extract per pass: `THROUGHPUT_MB` (default 20; small under valgrind).
fn megabytes_wanted() -> usize {
    std::env::var("THROUGHPUT_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

fn main() {
    let mut articles = Vec::new();
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => articles.push(text),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let total: usize = articles.iter().map(String::len).sum();
    let words: usize = articles.iter().map(|t| t.split_whitespace().count()).sum();
    if total == 0 {
        eprintln!("usage: throughput FILE...");
        return;
    }
    let options = ExtractOptions {
        headline_is_first_line: true,
    };
    // the process's one copy, as the service shares it with the word tables
    let Some(gazetteer) = claimgraph_gazetteer::shared() else {
        eprintln!("gazetteer did not load");
        return;
    };
    for (label, extractor) in [
        ("with gazetteer", Extractor::with_gazetteer(gazetteer)),
        ("without gazetteer", Extractor::new()),
    ] {
        let rounds = (megabytes_wanted() * 1_000_000 / total).max(1);
        let started = Instant::now();
        let mut claims = 0;
        for _ in 0..rounds {
            for text in &articles {
                claims += extractor.extract(text, &options).claims.len();
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        let megabytes = (total * rounds) as f64 / 1e6;
        println!(
            "{label}: {megabytes:.1} MB, {claims} claims, {:.1} MB/s, {:.0} words/s",
            megabytes / seconds,
            (words * rounds) as f64 / seconds
        );
    }
}
