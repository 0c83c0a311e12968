//! `claimgraph export`: the graph of an ingested database as GraphML and JSON-LD on stdout
//! and as N-Triples in a file, the same nodes in each.

use std::path::Path;

mod support;

use support::{bin, run};

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
    // the four example articles, each an article node
    assert_eq!(xml.matches("<node id=\"a:").count(), 4, "{xml}");
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
        4
    );
    assert!(nt
        .lines()
        .all(|l| l.starts_with("<urn:claimgraph:") && l.ends_with(" .")));
    assert_eq!(
        xml.matches("<node ").count(),
        nt.matches("<http://www.w3.org/2000/01/rdf-schema#label>")
            .count()
    );
    assert_eq!(
        xml.matches("<edge ").count(),
        nt.matches("> <urn:claimgraph:vocab#").count()
            - nt.matches("rdf-syntax-ns#type> <urn:claimgraph:vocab#")
                .count()
    );

    let out = run(bin()
        .args(["export", "--format", "jsonld", "--db"])
        .arg(&db));
    let ld: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON-LD is JSON");
    let nodes = ld["@graph"].as_array().expect("@graph");
    assert_eq!(nodes.len(), xml.matches("<node ").count());
    assert_eq!(nodes.iter().filter(|n| n["@type"] == "Article").count(), 4);
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
