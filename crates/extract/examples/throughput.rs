//! Measures extraction throughput over the files named on the command line.
//!
//! usage: cargo run --release -p claimgraph-extract --example throughput -- FILE...

use std::time::Instant;

use claimgraph_extract::{ExtractOptions, Extractor};

fn main() {
    let mut articles = Vec::new();
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => articles.push(text),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let total: usize = articles.iter().map(String::len).sum();
    if total == 0 {
        eprintln!("usage: throughput FILE...");
        return;
    }
    let options = ExtractOptions {
        headline_is_first_line: true,
    };
    let extractor = Extractor::new();
    let rounds = (20_000_000 / total).max(1);
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
        "{megabytes:.1} MB, {claims} claims, {:.1} MB/s",
        megabytes / seconds
    );
}
