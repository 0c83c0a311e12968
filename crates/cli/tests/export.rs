//! `claimgraph export`: the graph of an ingested database as GraphML and JSON-LD on stdout
//! and as N-Triples in a file, the same nodes in each; `nt` names N-Triples as the server's
//! URL does; claims keep their whole text.

use std::path::Path;

mod support;

use support::{bin, run};

/// The articles in `examples/articles` (the NDJSON file holds two).
const EXAMPLE_ARTICLES: usize = 6;

#[test]
fn export_writes_graphml_and_ntriples_of_the_same_graph() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("export.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    run(bin().arg("ingest").arg(&examples).arg("--db").arg(&db));

    let out = run(bin()
        .args(["export", "--format", "graphml", "--db"])
        .arg(&db));
    let xml = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "{xml}"
    );
    assert!(xml.trim_end().ends_with("</graphml>"));
    // the example articles, each an article node
    assert_eq!(
        xml.matches("<node id=\"a:").count(),
        EXAMPLE_ARTICLES,
        "{xml}"
    );
    assert!(xml.matches("<node id=\"e:").count() > 4);
    assert!(xml.contains("<data key=\"edge_kind\">speaker</data>"));

    let file = dir.path().join("graph.nt");
    let out = run(bin()
        .args(["export", "--format", "ntriples", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&file));
    assert!(out.stdout.is_empty(), "written to the file, not stdout");
    let nt = std::fs::read_to_string(&file).expect("the file");
    assert_eq!(
        nt.matches(
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:claimgraph:vocab#Article> ."
        )
        .count(),
        EXAMPLE_ARTICLES
    );
    assert!(nt
        .lines()
        .all(|l| l.starts_with("<urn:claimgraph:") && l.ends_with(" .")));
    assert_eq!(
        xml.matches("<node ").count(),
        nt.matches("<http://www.w3.org/2000/01/rdf-schema#label>")
            .count()
    );
    // an edge is a triple of one of the edge properties (the others are attributes)
    let edges = nt
        .lines()
        .filter(|l| {
            let predicate = l.split(' ').nth(1).unwrap_or("");
            [
                "speaker",
                "about",
                "mentions",
                "reportedBy",
                "cites",
                "inArticle",
                "corroborates",
                "conflicts",
            ]
            .iter()
            .any(|p| predicate == format!("<urn:claimgraph:vocab#{p}>"))
        })
        .count();
    assert_eq!(xml.matches("<edge ").count(), edges);

    let out = run(bin()
        .args(["export", "--format", "jsonld", "--db"])
        .arg(&db));
    let ld: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON-LD is JSON");
    let nodes = ld["@graph"].as_array().expect("@graph");
    assert_eq!(nodes.len(), xml.matches("<node ").count());
    assert_eq!(
        nodes.iter().filter(|n| n["@type"] == "Article").count(),
        EXAMPLE_ARTICLES
    );
}

#[test]
fn export_refuses_a_missing_database_and_an_unknown_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("none.db");
    let out = bin()
        .args(["export", "--format", "graphml", "--db"])
        .arg(&missing)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database"));
    assert!(!missing.exists(), "no empty database created");
    let out = bin()
        .args(["export", "--format", "turtle", "--db"])
        .arg(&missing)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("graphml"));
}

#[test]
fn nt_names_ntriples_as_the_url_does_and_help_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("nt.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    run(bin().arg("ingest").arg(&examples).arg("--db").arg(&db));
    let export =
        |format: &str| run(bin().args(["export", "--format", format, "--db"]).arg(&db)).stdout;
    let nt = export("nt");
    assert!(!nt.is_empty());
    assert_eq!(nt, export("ntriples"), "one format, two names");
    let help = run(bin().args(["export", "--help"])).stdout;
    let help = String::from_utf8(help).expect("UTF-8");
    assert!(help.contains("ntriples (or nt"), "{help}");
}

/// An invented article whose one quote is far longer than a label.
const LONG_QUOTE: &str = "Night trains return to the coast\n\n\u{201c}From the first of June \
    the night trains will run every evening between the capital and the coast, with sleeping \
    cars, a dining car and room for bicycles, and the fares will not rise this year,\u{201d} \
    railway spokeswoman Vera Lindqvist said on Tuesday.\n";

#[test]
fn exports_keep_the_whole_claim_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("long.db");
    let article = dir.path().join("night-trains.txt");
    std::fs::write(&article, LONG_QUOTE).expect("write the article");
    run(bin().arg("ingest").arg(&article).arg("--db").arg(&db));
    let quote = LONG_QUOTE
        .split_once('\u{201c}')
        .and_then(|(_, rest)| rest.split_once('\u{201d}'))
        .map(|(inside, _)| inside.split_whitespace().collect::<Vec<_>>().join(" "))
        .expect("the quote");
    assert!(quote.chars().count() > 120);
    for (format, needle) in [
        ("graphml", format!("<data key=\"text\">{quote}</data>")),
        (
            "ntriples",
            format!("<urn:claimgraph:vocab#text> \"{quote}\" ."),
        ),
        ("jsonld", serde_json::to_string(&quote).expect("JSON")),
    ] {
        let out = run(bin().args(["export", "--format", format, "--db"]).arg(&db)).stdout;
        let text = String::from_utf8(out).expect("UTF-8");
        // the text as stored keeps the article's line breaks: compare words
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&needle), "{format}: no {needle} in {text}");
    }
}
