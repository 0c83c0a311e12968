//! Trains the name tagger on a GUM checkout and writes `crates/ingest/data/tagger.bin`.
//!
//! usage: cargo run --release -p claimgraph-ingest --example train_tagger -- GUM_DIR [OUT]
//!
//! GUM_DIR holds GUM's CoNLL-U files (`dep/`) and `splits.md`; training uses the documents
//! in neither the dev nor the test split, the dev documents pick the number of epochs, and
//! the scores printed at the end (span F1 by type) are on the test documents.

use std::path::PathBuf;
use std::process::ExitCode;

use claimgraph_ingest::tagger::train::{micro_f1, train, Counts};

const MAX_EPOCHS: usize = 12;
/// Weights below this share of the largest one are dropped from the file.
const PRUNE: f32 = 0.002;

fn row(label: &str, c: &Counts) -> String {
    let (p, r, f) = c.f1();
    format!(
        "| {label} | {} | {} | {:.3} | {:.3} | {:.3} |",
        c.gold, c.predicted, p, r, f
    )
}

fn table(c: &[Counts; 4]) -> String {
    let mut lines = vec![
        "| type | gold spans | predicted | precision | recall | F1 |".to_string(),
        "| --- | --- | --- | --- | --- | --- |".to_string(),
    ];
    for (label, k) in [
        ("person", 0),
        ("place", 1),
        ("organisation", 2),
        ("other name", 3),
    ] {
        lines.push(row(label, &c[k]));
    }
    lines.push(format!(
        "| person + place + organisation (micro) | | | | | {:.3} |",
        micro_f1(c)
    ));
    lines.join("\n")
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(gum) = args.next().map(PathBuf::from) else {
        eprintln!("usage: train_tagger GUM_DIR [OUT]");
        return ExitCode::FAILURE;
    };
    let out = args.next().map_or_else(
        || PathBuf::from("crates/ingest/data/tagger.bin"),
        PathBuf::from,
    );
    let (bytes, report) = match train(&gum, MAX_EPOCHS, PRUNE) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("training failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "trained on {} documents, {} epochs (best on {} dev documents); {} bytes -> {}\n",
        report.train_docs,
        report.epochs,
        report.dev_docs,
        report.bytes,
        out.display()
    );
    println!(
        "GUM test documents ({}):\n\n{}\n",
        report.test_docs,
        table(&report.test)
    );
    println!(
        "GUM dev documents ({}):\n\n{}",
        report.dev_docs,
        table(&report.dev)
    );
    ExitCode::SUCCESS
}
