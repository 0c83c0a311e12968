//! The real binary under hostile input and faults: bad files in `ingest`, a read-only
//! database, `backup` while serving, and `serve`'s access rules.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod support;

use support::{bin, free_port, Server};

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("binary runs")
}

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An invented article, different for every `i`.
fn article(i: usize) -> String {
    format!(
        "Ferry line {i} resumes\n\u{201c}The crossing number {i} is safe again,\u{201d} \
         harbour master Tamsin Ollerby said on Monday in Varna. About {n} passengers \
         waited at the pier, police said.\n",
        n = 100 + i
    )
}

fn ingest(dir: &Path, db: &Path) -> String {
    ok(bin().arg("ingest").arg(dir).arg("--db").arg(db))
}

#[test]
fn ingest_reports_every_bad_file_and_keeps_the_good_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("in");
    std::fs::create_dir(&src).expect("mkdir");
    let write = |name: &str, bytes: &[u8]| std::fs::write(src.join(name), bytes).expect("write");
    write("a-good.txt", article(1).as_bytes());
    write("b-empty.txt", b"");
    write("c-blank.txt", "  \n\t\n\u{3000}\u{200b}".as_bytes());
    write("d-png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff");
    write("e-zip.json", b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe");
    write(
        "f-shape.json",
        br#"{"text": "Words.", "title": ["not", "a", "string"]}"#,
    );
    write(
        "g-unknown.json",
        br#"{"text": "Words.", "headline": "typo"}"#,
    );
    write("h-array.json", b"[1, 2, 3]");
    // 50 MiB: over the limit, refused by its size without being read
    let big = std::fs::File::create(src.join("i-huge.txt")).expect("create");
    big.set_len(50 * 1024 * 1024).expect("sparse file");
    let mut ndjson = Vec::new();
    ndjson.extend(format!("{}\n", serde_json::json!({"text": article(2)})).as_bytes());
    ndjson.extend(b"{\"text\": \"Broken \xff\xfe line\"}\n");
    ndjson.extend(format!("{}\n", serde_json::json!({"text": 5})).as_bytes());
    ndjson.extend(format!("{}\n", serde_json::json!({"text": "x", "colour": "red"})).as_bytes());
    ndjson.extend(b"{not json at all\n\n");
    ndjson.extend(format!("{}\n", serde_json::json!({"text": article(3)})).as_bytes());
    ndjson.extend(format!("{}\n", serde_json::json!({"text": "\u{200b}\u{feff}"})).as_bytes());
    write("j-mixed.ndjson", &ndjson);
    let hostile = format!(
        "Quotes\n{}\n{}\n{}",
        "\"".repeat(10_000),
        "no punctuation at all ".repeat(20_000),
        "([{".repeat(10_000)
    );
    write("k-hostile.txt", hostile.as_bytes());

    let db = dir.path().join("t.db");
    let out = ingest(&src, &db);
    assert!(
        out.contains("articles: 4 new, 0 already present, 13 rejected"),
        "{out}"
    );
    for (file, reason) in [
        ("b-empty.txt", "empty"),
        ("c-blank.txt", "empty"),
        ("d-png.txt", "not UTF-8"),
        ("e-zip.json", "not UTF-8"),
        ("f-shape.json", "invalid type"),
        ("g-unknown.json", "unknown field"),
        ("h-array.json", "bad article JSON"),
        ("i-huge.txt", "over the limit"),
        ("j-mixed.ndjson:2", "not UTF-8"),
        ("j-mixed.ndjson:3", "invalid type"),
        ("j-mixed.ndjson:4", "unknown field"),
        ("j-mixed.ndjson:5", "bad article JSON"),
        ("j-mixed.ndjson:8", "empty"),
    ] {
        let line = out
            .lines()
            .find(|l| l.contains(&format!("{file}:")))
            .unwrap_or_else(|| panic!("{file} not reported:\n{out}"));
        assert!(line.contains(reason), "{line}");
    }
    // a second run adds nothing
    let again = ingest(&src, &db);
    assert!(
        again.contains("articles: 0 new, 4 already present, 13 rejected"),
        "{again}"
    );
}

#[test]
fn the_article_limit_is_configurable() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), article(1)).expect("write");
    let out = ok(bin()
        .arg("ingest")
        .arg(dir.path())
        .args(["--max-article-bytes", "50", "--db"])
        .arg(dir.path().join("t.db")));
    assert!(
        out.contains("0 new, 0 already present, 1 rejected"),
        "{out}"
    );
    assert!(out.contains("over the limit of 50"), "{out}");
}

fn uid() -> String {
    let out = run(Command::new("id").arg("-u"));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The binary as a user who may read `dir` but not write it: `nobody` when the tests run
/// as root (root writes anything), else the same user after a chmod.
fn as_reader(dir: &Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    if uid() == "0" {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            env!("CARGO_BIN_EXE_claimgraph"),
        ]);
        // nobody must reach the folder (tempdir is 0700) but not write it
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        c
    } else {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        for e in std::fs::read_dir(dir).expect("read dir").flatten() {
            std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o444))
                .expect("chmod");
        }
        bin()
    }
}

#[test]
fn a_read_only_database_is_a_clear_error_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_dir = dir.path().join("db");
    std::fs::create_dir(&db_dir).expect("mkdir");
    let db = db_dir.join("t.db");
    let src = dir.path().join("in");
    std::fs::create_dir(&src).expect("mkdir");
    std::fs::write(src.join("a.txt"), article(1)).expect("write");
    ingest(&src, &db);
    std::fs::write(src.join("b.txt"), article(2)).expect("write");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        std::fs::set_permissions(&src, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        for f in ["a.txt", "b.txt"] {
            std::fs::set_permissions(src.join(f), std::fs::Permissions::from_mode(0o644))
                .expect("chmod");
        }
    }
    let before = std::fs::read(&db).expect("db bytes");

    let out = run(as_reader(&db_dir)
        .arg("ingest")
        .arg(&src)
        .arg("--db")
        .arg(&db));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "ingest into a read-only db must fail"
    );
    assert!(
        err.contains("read-only") || err.contains("readonly"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let port = free_port();
    // `serve` either refuses the read-only file at start or, when SQLite can open it for
    // reading (a WAL left by the writer lets it), serves reads and refuses every write with
    // a clear 503 `read_only`. Either way it says so and changes nothing.
    let mut child = as_reader(&db_dir)
        .arg("serve")
        .arg("--db")
        .arg(&db)
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut answer = None;
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if let Some(a) = raw_post(port, "/v1/articles", &article(3)) {
            answer = Some(a);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    match answer {
        Some(a) => {
            let _ = child.kill();
            let _ = child.wait();
            assert!(a.starts_with("HTTP/1.1 503"), "{a}");
            assert!(a.contains("read_only"), "{a}");
        }
        None => {
            let out = child.wait_with_output().expect("serve exits");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "serve on a read-only db must fail");
            assert!(
                err.contains("read-only") || err.contains("readonly"),
                "{err}"
            );
            assert!(!err.contains("panicked"), "{err}");
        }
    }

    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db_dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    assert_eq!(
        std::fs::read(&db).expect("db bytes"),
        before,
        "nothing changed"
    );
    let again = ingest(&src, &db);
    assert!(again.contains("1 new, 1 already present"), "{again}");
}

/// A plain HTTP/1.1 POST over loopback; the whole answer, or `None` while nothing listens.
fn raw_post(port: u16, path: &str, body: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    (!answer.is_empty()).then_some(answer)
}

#[tokio::test]
async fn backup_while_serving_copies_every_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("live.db");
    let mut server = Server::spawn(&db, &[]);
    let client = reqwest::Client::new();
    server.ready(&client).await;
    for i in 0..5 {
        let res = client
            .post(format!("{}/v1/articles", server.base))
            .header("content-type", "text/plain")
            .body(article(i))
            .send()
            .await
            .expect("post");
        assert_eq!(res.status().as_u16(), 201);
    }
    let copy = dir.path().join("copy.db");
    let out = ok(bin().arg("backup").arg(&copy).arg("--db").arg(&db));
    assert!(out.contains("backed up"), "{out}");
    // the server kept serving through it
    let res = client
        .post(format!("{}/v1/articles", server.base))
        .header("content-type", "text/plain")
        .body(article(99))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 201);

    // the copy holds the five articles: ingesting them again finds them all
    let src = dir.path().join("in");
    std::fs::create_dir(&src).expect("mkdir");
    for i in 0..5 {
        std::fs::write(src.join(format!("{i}.txt")), article(i)).expect("write");
    }
    let again = ingest(&src, &copy);
    assert!(again.contains("0 new, 5 already present"), "{again}");

    let refused = run(bin().arg("backup").arg(&copy).arg("--db").arg(&db));
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("exists"));
}

#[test]
fn serve_refuses_a_public_address_without_a_token() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(bin()
        .arg("serve")
        .arg("--db")
        .arg(dir.path().join("t.db"))
        .args(["--addr", "0.0.0.0:0"])
        .env_remove("CLAIMGRAPH_API_TOKEN"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("CLAIMGRAPH_API_TOKEN"), "{err}");
    assert!(err.contains("--allow-anonymous-writes"), "{err}");
    assert!(
        !dir.path().join("t.db").exists(),
        "refused before opening anything"
    );

    let out = run(bin()
        .arg("serve")
        .arg("--db")
        .arg(dir.path().join("t.db"))
        .arg("--require-token-for-reads")
        .env_remove("CLAIMGRAPH_API_TOKEN"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a token"));
}

#[tokio::test]
async fn the_token_guards_writes_over_a_real_socket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = Server::spawn(
        &dir.path().join("t.db"),
        &[
            "--api-token",
            "tok-123",
            "--cors-origin",
            "https://app.example.org",
        ],
    );
    let client = reqwest::Client::new();
    server.ready(&client).await;
    let post = |auth: Option<&str>| {
        let mut req = client
            .post(format!("{}/v1/articles", server.base))
            .header("content-type", "text/plain")
            .body(article(1));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        req.send()
    };
    let res = post(None).await.expect("post");
    assert_eq!(res.status().as_u16(), 401);
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let res = post(Some("Bearer tok-123")).await.expect("post");
    assert_eq!(res.status().as_u16(), 201);
    let res = client
        .get(format!("{}/v1/articles", server.base))
        .header("origin", "https://app.example.org")
        .send()
        .await
        .expect("get");
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://app.example.org")
    );
}
