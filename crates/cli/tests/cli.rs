//! The real binary: `serve` on a temporary database over a real socket, and the
//! `ingest`, `extract` and `migrate` commands.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("binary runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(db: &Path) -> Server {
        let port = free_port();
        let child = bin()
            .args(["serve", "--db"])
            .arg(db)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    async fn wait_healthy(&mut self, client: &reqwest::Client) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(r) = client.get(format!("{}/healthz", self.base)).send().await {
                if r.status().is_success() {
                    return;
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("server exited early: {status}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("server never became healthy");
    }

    /// SIGTERM, then the exit status.
    fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server ignored SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[tokio::test]
async fn serve_answers_over_http_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("serve.db");
    let mut server = Server::start(&db);
    let client = reqwest::Client::new();
    server.wait_healthy(&client).await;

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
    let mut again = Server::start(&db);
    again.wait_healthy(&client).await;
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
        first.contains("articles: 4 new, 0 already present, 0 rejected"),
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
        second.contains("articles: 1 new, 4 already present, 3 rejected"),
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
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "sql"))
                .count()
        })
        .unwrap_or(0);
    assert!(migrations >= 2, "the init and places migrations exist");
    let first = stdout(&run(bin().arg("migrate").arg("--db").arg(&db)));
    assert!(
        first.contains(&format!("{migrations} migration(s) applied")),
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
