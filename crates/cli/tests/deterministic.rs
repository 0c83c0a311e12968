//! The graph is a function of its input: the same articles, ingested in the same order by
//! two fresh processes, give the same entities, claims, places and facts. A hash seed or a
//! thread's timing that leaked into resolution would make the two exports differ.

use std::path::Path;

mod support;

use support::{bin, run};

/// The JSON-LD export of the examples ingested by a fresh process, `batch` per transaction.
fn graph_of_examples(dir: &Path, name: &str, batch: &str) -> String {
    let db = dir.join(format!("{name}.db"));
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    run(bin()
        .arg("ingest")
        .arg(&examples)
        .args(["--batch", batch, "--db"])
        .arg(&db));
    let out = run(bin()
        .args(["export", "--format", "jsonld", "--db"])
        .arg(&db));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn two_processes_make_the_same_graph_of_the_same_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    for batch in ["1", "256"] {
        let first = graph_of_examples(dir.path(), &format!("first-{batch}"), batch);
        let second = graph_of_examples(dir.path(), &format!("second-{batch}"), batch);
        assert!(
            first.contains("\"Claim\""),
            "the export holds claims: {first}"
        );
        assert!(
            first == second,
            "two processes made different graphs ({batch} per transaction)"
        );
    }
}
