//! The real binary: `serve` on a temporary database over a real socket, and the
//! `ingest`, `extract` and `migrate` commands.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod support;

use support::{bin, run, Server};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn serve_answers_over_http_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("serve.db");
    let mut server = Server::spawn(&db, &[]);
    let client = reqwest::Client::new();
    server.ready(&client).await;

    let text = std::fs::read_to_string(examples().join("flood-romagna.txt")).expect("example");
    let res = client
        .post(format!("{}/v1/articles", server.base))
        .header("content-type", "text/plain")
        .body(text)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 201);
    assert!(res.headers().contains_key("x-request-id"));
    let article: Value = res.json().await.expect("json");
    let claims: Value = client
        .get(format!(
            "{}/v1/articles/{}/claims",
            server.base, article["id"]
        ))
        .send()
        .await
        .expect("get claims")
        .json()
        .await
        .expect("json");
    let items = claims["items"].as_array().expect("items");
    assert!(items.iter().any(|c| c["kind"] == "direct"), "{claims}");

    let status = server.terminate();
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
    // the data outlived the process
    let mut again = Server::spawn(&db, &[]);
    again.ready(&client).await;
    let list: Value = client
        .get(format!("{}/v1/articles", again.base))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    again.terminate();
}

#[test]
fn ingest_is_idempotent_and_reports_rejections() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ingest.db");
    let out = run(bin().arg("ingest").arg(examples()).arg("--db").arg(&db));
    let first = stdout(&out);
    assert!(
        first.contains("articles: 6 new, 0 already present, 0 rejected"),
        "{first}"
    );

    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).expect("mkdir");
    std::fs::write(
        extra.join("mixed.ndjson"),
        "{\"text\": \"Bridge closes\\nThe bridge in Mostar closed on Friday.\"}\n{\"text\": 3}\n\n{not json}\n",
    )
    .expect("write");
    std::fs::write(
        extra.join("latin1.txt"),
        b"Caf\xe9 opens\nThe caf\xe9 opened.",
    )
    .expect("write");
    std::fs::write(extra.join("notes.md"), "ignored: not an article extension").expect("write");
    let out = run(bin()
        .arg("ingest")
        .arg(examples())
        .arg(&extra)
        .arg("--db")
        .arg(&db));
    let second = stdout(&out);
    assert!(
        second.contains("articles: 1 new, 6 already present, 3 rejected"),
        "{second}"
    );
    assert!(second.contains("mixed.ndjson:2"), "{second}");
    assert!(second.contains("mixed.ndjson:4"), "{second}");
    assert!(second.contains("latin1.txt: not UTF-8"), "{second}");
}

#[test]
fn extract_prints_claims_without_a_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(bin()
        .current_dir(dir.path())
        .arg("extract")
        .arg(examples().join("flood-romagna.txt")));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        json["title"],
        "Floodwaters recede in Romagna as mayors count the damage"
    );
    assert!(
        json["claims"].as_array().is_some_and(|c| !c.is_empty()),
        "{json}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).map(|d| d.count()).ok(),
        Some(0),
        "no files written"
    );
}

#[test]
fn migrate_creates_the_schema_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let shipped = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations"))
        .expect("migrations folder")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "sql"))
        })
        .count();
    assert!(shipped >= 2);
    let first = stdout(&run(bin().arg("migrate").arg("--db").arg(&db)));
    assert!(
        first.contains(&format!("{shipped} migration(s) applied")),
        "{first}"
    );
    let second = stdout(&run(bin().arg("migrate").arg("--db").arg(&db)));
    assert!(second.contains("0 migration(s) applied"), "{second}");
}

#[test]
fn missing_paths_are_rejected_not_fatal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(bin()
        .arg("ingest")
        .arg(dir.path().join("nowhere"))
        .arg("--db")
        .arg(dir.path().join("x.db")));
    assert!(stdout(&out).contains("no such file or folder"));
}

#[test]
fn memory_and_uri_databases_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("real.db");
    run(bin().arg("migrate").arg("--db").arg(&db));
    let examples = examples();
    let real = db.to_str().expect("UTF-8 temp path");
    let uri = format!("file:{}/gone.db?mode=memory", dir.path().display());
    let cases: Vec<Vec<&str>> = vec![
        vec!["backup", ":memory:", "--db", real],
        vec!["backup", &uri, "--db", real],
        vec!["ingest", "--db", &uri],
        vec!["ingest", "--db", ":memory:"],
        vec!["serve", "--db", ":memory:", "--addr", "127.0.0.1:0"],
        vec!["serve", "--db", &uri, "--addr", "127.0.0.1:0"],
        vec!["migrate", "--db", ":memory:"],
    ];
    for args in cases {
        let mut cmd = bin();
        cmd.current_dir(dir.path()).args(&args);
        if args[0] == "ingest" {
            cmd.arg(&examples);
        }
        let out = cmd.output().expect("binary runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded: {err}");
        assert!(
            err.contains("in-memory database") || err.contains("SQLite URI"),
            "{args:?}: {err}"
        );
    }
    // real.db's own WAL may be left behind by `migrate` (seen once in CI, not reproduced):
    // it belongs to real.db, not to a refused command
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .expect("temp dir")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .filter(|f| f != "real.db-wal" && f != "real.db-shm")
        .collect();
    assert_eq!(
        files,
        vec![std::ffi::OsString::from("real.db")],
        "nothing else written"
    );
}

#[tokio::test]
async fn ingest_source_names_the_outlet_of_files_without_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("one-outlet");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(
        folder.join("plain.txt"),
        "Tram line reopens\nThe tram line to the harbour reopened on Monday, the city said.",
    )
    .expect("write");
    std::fs::write(
        folder.join("headed.txt"),
        "Bakery wins prize\r\nOutlet: Lakeside Courier\r\nDate: 2026-04-02\r\n\r\nThe bakery on Mill Street won a regional prize, its owner said.",
    )
    .expect("write");
    std::fs::write(
        folder.join("object.json"),
        r#"{"text": "Library extends hours\nThe library will open on Sundays, the mayor said."}"#,
    )
    .expect("write");
    let db = dir.path().join("source.db");
    run(bin()
        .arg("ingest")
        .arg(&folder)
        .arg("--db")
        .arg(&db)
        .arg("--source")
        .arg("Harbour Gazette"));
    let store = claimgraph_store::Store::open(&db).await.expect("open");
    let page = store.list_articles(10, None).await.expect("list");
    let mut outlets: Vec<(Option<String>, Option<String>)> = page
        .items
        .into_iter()
        .map(|a| (a.title, a.source))
        .collect();
    outlets.sort();
    let named = |t: &str, s: &str| (Some(t.to_string()), Some(s.to_string()));
    assert_eq!(
        outlets,
        vec![
            named("Bakery wins prize", "Lakeside Courier"),
            named("Library extends hours", "Harbour Gazette"),
            named("Tram line reopens", "Harbour Gazette"),
        ]
    );
}
