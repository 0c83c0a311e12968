//! Prints `extract()` of each file named on the command line as one JSON line per file.
//!
//! usage: cargo run -p claimgraph-ingest --example dump -- FILE... (spans are byte offsets)

use claimgraph_ingest::{extract, ExtractOptions};

fn main() {
    let options = ExtractOptions {
        headline_is_first_line: true,
    };
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let out = extract(&text, &options);
        match serde_json::to_string(&serde_json::json!({ "file": path, "extraction": out })) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
