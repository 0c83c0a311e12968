//! `serve`'s listener flags on a real socket: the head deadline, the host names it answers
//! to, and a shutdown that a stalled client cannot hold up.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

mod support;

use support::Server;

/// Reads until the server closes the connection; `None` if it is still open after `within`.
fn until_closed(stream: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
    let deadline = Instant::now() + within;
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .expect("read timeout");
        match stream.read(&mut buf) {
            Ok(0) => return Some(got),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return None
            }
            Err(_) => return Some(got),
        }
    }
}

fn address(server: &Server) -> String {
    server.base.trim_start_matches("http://").to_string()
}

#[tokio::test]
async fn serve_cuts_off_half_sent_heads_and_answers_only_its_host_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = Server::spawn(
        &dir.path().join("t.db"),
        &["--header-read-timeout", "1", "--allowed-host", "claims.lan"],
    );
    let client = reqwest::Client::new();
    server.ready(&client).await;

    let mut slow = TcpStream::connect(address(&server)).expect("connect");
    slow.write_all(b"GET /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .expect("half a head");
    let began = Instant::now();
    assert!(
        until_closed(&mut slow, Duration::from_secs(5)).is_some(),
        "a half-sent head was still open after 5 s with --header-read-timeout 1"
    );
    assert!(
        began.elapsed() < Duration::from_secs(3),
        "{:?}",
        began.elapsed()
    );

    // a fresh connection each: pooled ones outlive the 1 s idle deadline here
    let fresh = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let get = |host: &str| {
        fresh
            .get(format!("{}/v1/articles", server.base))
            .header("host", host)
            .send()
    };
    let named = get("claims.lan:8080").await.expect("get");
    assert_eq!(named.status().as_u16(), 200);
    let other = get("rebound.example").await.expect("get");
    assert_eq!(other.status().as_u16(), 403);
    let body: serde_json::Value = other.json().await.expect("problem");
    assert_eq!(body["code"], "host_not_allowed");
}

#[tokio::test]
async fn sigterm_with_a_stalled_upload_exits_within_the_shutdown_timeout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = Server::spawn(&dir.path().join("t.db"), &["--shutdown-timeout", "1"]);
    let client = reqwest::Client::new();
    server.ready(&client).await;
    // a body that never arrives: the request timeout (30 s) would hold a shutdown that
    // waited for every request
    let mut stalled = TcpStream::connect(address(&server)).expect("connect");
    stalled
        .write_all(
            b"POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n\
              Content-Length: 1000\r\n\r\nA headline\n",
        )
        .expect("a stalled upload");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let began = Instant::now();
    let status = server.terminate();
    let took = began.elapsed();
    assert!(status.success(), "{status}");
    assert!(
        took < Duration::from_secs(5),
        "SIGTERM to exit took {took:?}"
    );
    drop(stalled);
}
