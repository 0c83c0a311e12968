//! Answers too large to hold in memory: the graph exports and the claims CSV are written
//! into the response body a chunk at a time as the client reads, so one costs a few
//! chunks of buffer however large the store; and only a few run at once ([`ExportSlots`]),
//! so anonymous readers cannot pile them up. Their ETag is derived from the data they are
//! read from ([`data_tag`]), since the bytes are not known when the headers are sent.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use claimgraph_graph::{Watermark, EXPORT_REVISION};
use sha2::{Digest, Sha256};
use tokio::runtime::Handle;
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

use crate::ApiError;

/// The routes that stream: they take an export slot, and with `--require-token-for-exports`
/// need the token.
pub const EXPORT_PATHS: [&str; 4] = [
    "/v1/export.graphml",
    "/v1/export.nt",
    "/v1/export.jsonld",
    "/v1/claims.csv",
];

/// Bytes gathered before they are handed to the client.
const CHUNK: usize = 64 * 1024;
/// Chunks waiting for the client, at most: with [`CHUNK`], what one export buffers.
const QUEUED: usize = 4;
/// Seconds a client refused for want of a slot is asked to wait.
const BUSY_RETRY_AFTER: u64 = 5;

/// How many exports may stream at once; past that, 503 `exports_busy`. Closed when the
/// server stops reads at shutdown: the exports still streaming end then (see [`Slot`]).
#[derive(Debug, Clone)]
pub struct ExportSlots {
    free: Option<Arc<Semaphore>>,
    stop: Arc<AtomicBool>,
}

/// A held slot; the export gives it back when its body is done or dropped. An export
/// whose slots were [`ExportSlots::close`]d fails at its next chunk, so a shutdown does
/// not wait for the rest of a large file (nor its writer for a client that reads slowly).
#[derive(Debug, Default)]
pub struct Slot {
    _permit: Option<OwnedSemaphorePermit>,
    stop: Option<Arc<AtomicBool>>,
}

impl Slot {
    fn stopped(&self) -> bool {
        self.stop.as_ref().is_some_and(|s| s.load(Ordering::SeqCst))
    }
}

impl ExportSlots {
    /// At most `max` at once; 0 sets no limit.
    pub fn new(max: usize) -> ExportSlots {
        ExportSlots {
            free: (max > 0).then(|| Arc::new(Semaphore::new(max))),
            stop: Arc::default(),
        }
    }

    /// A free slot, or 503 `exports_busy` at once (never a queue: a waiting export would
    /// hold its connection and its copy of the graph).
    pub fn take(&self) -> Result<Slot, ApiError> {
        let permit = match &self.free {
            None => None,
            Some(s) => {
                Some(
                    Arc::clone(s)
                        .try_acquire_owned()
                        .map_err(|_| ApiError::ExportsBusy {
                            retry_after: BUSY_RETRY_AFTER,
                        })?,
                )
            }
        };
        Ok(Slot {
            _permit: permit,
            stop: Some(Arc::clone(&self.stop)),
        })
    }

    /// Ends every export streaming now at its next chunk: the server is stopping.
    pub fn close(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// A weak ETag for an answer computed from the store as it stands at `mark`: `what`
/// names the answer (format, query), and [`EXPORT_REVISION`] the code that renders it.
/// Weak, because gzip and identity bytes share it. Every field of the watermark goes in,
/// so a write that changes what the answer would say changes the tag.
pub fn data_tag(what: &str, mark: Watermark) -> String {
    let Watermark {
        article,
        entity,
        link,
        epoch,
        rename,
        fact,
    } = mark;
    let digest = Sha256::digest(format!(
        "{what}\n{EXPORT_REVISION}\n{article} {entity} {link} {epoch} {rename} {fact}"
    ));
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

/// What a streamed answer says in its headers.
pub struct Head {
    pub content_type: &'static str,
    pub tag: String,
    /// The file name a browser saves it as.
    pub filename: String,
}

impl Head {
    /// The 200 answer with `body`.
    pub fn response(&self, body: Body) -> Response {
        let mut res = Response::new(body);
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        self.put_tag(&mut res);
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", self.filename))
        {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
        res
    }

    /// 304 Not Modified with the tag and no body.
    pub fn not_modified(&self) -> Response {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        self.put_tag(&mut res);
        res
    }

    fn put_tag(&self, res: &mut Response) {
        if let Ok(v) = HeaderValue::from_str(&self.tag) {
            res.headers_mut().insert(header::ETAG, v);
        }
    }
}

/// The writing end of a streamed body. A client that takes nothing for `stall` loses the
/// rest (the body ends in an error), so a stalled reader cannot hold a slot for ever.
pub struct BodySender {
    tx: mpsc::Sender<io::Result<Bytes>>,
    /// Where a failure goes: read once the chunks are, so it arrives even when the
    /// queue was full.
    failed: mpsc::Sender<io::Result<Bytes>>,
    stall: Option<Duration>,
    slot: Slot,
}

/// A body fed through a [`BodySender`], which holds `slot` until it is done. The body
/// ends when the sender is dropped, or with the error it [`BodySender::fail`]s with.
pub fn channel(slot: Slot, stall: Option<Duration>) -> (BodySender, Body) {
    let (tx, rx) = mpsc::channel(QUEUED);
    let (failed, failure) = mpsc::channel(1);
    let chunks = ReceiverStream::new(rx).chain(ReceiverStream::new(failure));
    (
        BodySender {
            tx,
            failed,
            stall,
            slot,
        },
        Body::from_stream(chunks),
    )
}

impl BodySender {
    /// Hands `chunk` to the client, waiting while [`QUEUED`] chunks are unread.
    pub async fn send(&mut self, chunk: Bytes) -> io::Result<()> {
        // not `Interrupted`, which `write_all` would retry for ever
        if self.slot.stopped() {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "the server is shutting down",
            ));
        }
        let sent = self.tx.send(Ok(chunk));
        let sent = match self.stall {
            Some(limit) => tokio::time::timeout(limit, sent).await.map_err(|_| {
                io::Error::new(io::ErrorKind::TimedOut, "the client stopped reading")
            })?,
            None => sent.await,
        };
        sent.map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }

    /// Ends the body with an error, so the client sees a broken transfer rather than a
    /// short file that looks whole.
    pub fn fail(self, what: &str, e: io::Error) {
        // a client that left or stalled is no fault of the server's
        if matches!(e.kind(), io::ErrorKind::BrokenPipe) {
            tracing::debug!("{what}: {e}");
        } else {
            tracing::warn!("{what} abandoned: {e}");
        }
        // sent once into a queue of one: it cannot be full (a client gone takes nothing)
        let _ = self.failed.try_send(Err(e));
    }
}

/// Runs `write` on a blocking thread, its output streamed into `sender`'s body in chunks
/// of [`CHUNK`] bytes; `what` names it in the log if it fails.
pub fn write_blocking(
    sender: BodySender,
    what: &'static str,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()> + Send + 'static,
) {
    let handle = Handle::current();
    tokio::task::spawn_blocking(move || {
        let mut out = ChunkWriter {
            buf: Vec::with_capacity(CHUNK),
            sender,
            handle,
        };
        let done = write(&mut out).and_then(|()| out.flush());
        if let Err(e) = done {
            out.sender.fail(what, e);
        }
    });
}

/// An [`io::Write`] for a blocking thread: bytes gather into a chunk, and a full chunk
/// waits on the runtime until the client's queue has room.
struct ChunkWriter {
    buf: Vec<u8>,
    sender: BodySender,
    handle: Handle,
}

impl ChunkWriter {
    fn send_buffered(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.handle.block_on(self.sender.send(chunk))
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send_buffered()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send_buffered()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[test]
    fn tags_follow_every_part_of_the_watermark_and_the_answer() {
        let at = Watermark {
            article: 3,
            entity: 9,
            link: 2,
            epoch: 1,
            rename: 4,
            fact: 5,
        };
        let tag = data_tag("graphml", at);
        assert!(tag.starts_with("W/\"") && tag.ends_with('"'), "{tag}");
        assert_eq!(tag, data_tag("graphml", at), "the same data, the same tag");
        assert_ne!(tag, data_tag("ntriples", at));
        for moved in [
            Watermark { article: 4, ..at },
            Watermark { entity: 10, ..at },
            Watermark { link: 3, ..at },
            Watermark { epoch: 2, ..at },
            Watermark { rename: 5, ..at },
            Watermark { fact: 6, ..at },
        ] {
            assert_ne!(tag, data_tag("graphml", moved), "{moved:?}");
        }
    }

    #[test]
    fn slots_run_out_and_come_back() {
        let slots = ExportSlots::new(1);
        let held = slots.take().expect("one free");
        assert!(matches!(
            slots.take(),
            Err(ApiError::ExportsBusy { retry_after: 5 })
        ));
        drop(held);
        assert!(slots.take().is_ok());
        let open = ExportSlots::new(0);
        let many: Vec<Slot> = (0..10).map(|_| open.take().expect("no limit")).collect();
        assert_eq!(many.len(), 10);
    }

    #[tokio::test]
    async fn a_blocking_writer_streams_whole_chunks_and_stops_when_the_client_leaves() {
        let (sender, body) = channel(Slot::default(), None);
        write_blocking(sender, "test", |out| {
            for i in 0..50_000u32 {
                writeln!(out, "line {i}")?;
            }
            Ok(())
        });
        let bytes = body.collect().await.expect("whole body").to_bytes();
        let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
        assert_eq!(text.lines().count(), 50_000);
        assert!(text.ends_with("line 49999\n"));

        // a client that goes away: the writer gets an error instead of writing on
        let (sender, body) = channel(Slot::default(), None);
        let (done_tx, done_rx) = tokio::sync::oneshot::channel();
        drop(body);
        write_blocking(sender, "test", move |out| {
            let mut written = 0usize;
            let result = loop {
                if let Err(e) = out.write_all(&[b'x'; 1024]) {
                    break Err(e);
                }
                written += 1024;
                if written > 100 * CHUNK {
                    break Ok(());
                }
            };
            let _ = done_tx.send(result.is_err());
            result
        });
        assert!(
            done_rx.await.expect("the writer ran"),
            "stopped by an error"
        );
    }

    #[tokio::test]
    async fn a_client_that_stops_reading_gets_an_error_after_what_was_queued() {
        let (sender, body) = channel(Slot::default(), Some(Duration::from_millis(100)));
        let (done_tx, done_rx) = tokio::sync::oneshot::channel();
        write_blocking(sender, "test", move |out| {
            let result = (0..100).try_for_each(|_| out.write_all(&[b'x'; CHUNK]));
            let _ = done_tx.send(result.as_ref().err().map(io::Error::kind));
            result
        });
        assert_eq!(
            done_rx.await.expect("the writer ran"),
            Some(io::ErrorKind::TimedOut)
        );
        // read late: the queued chunks, then an error, never a short body that looks whole
        let mut body = body.into_data_stream();
        let mut chunks = 0;
        let end = loop {
            match body.next().await {
                Some(Ok(_)) => chunks += 1,
                other => break other,
            }
        };
        assert_eq!(chunks, QUEUED);
        assert!(matches!(end, Some(Err(_))), "{end:?}");
    }

    #[tokio::test]
    async fn closing_the_slots_ends_an_export_in_flight_with_an_error() {
        let slots = ExportSlots::new(2);
        let (sender, body) = channel(slots.take().expect("a free slot"), None);
        let (done_tx, done_rx) = tokio::sync::oneshot::channel();
        write_blocking(sender, "test", move |out| {
            // endless unless stopped: the client below reads everything
            let result = (0..u32::MAX).try_for_each(|_| out.write_all(&[b'x'; CHUNK]));
            let _ = done_tx.send(result.as_ref().err().map(io::Error::kind));
            result
        });
        let mut body = body.into_data_stream();
        for _ in 0..3 {
            assert!(matches!(body.next().await, Some(Ok(_))), "chunks flow");
        }
        slots.close();
        let end = loop {
            match body.next().await {
                Some(Ok(_)) => continue,
                other => break other,
            }
        };
        assert!(matches!(end, Some(Err(_))), "a broken transfer: {end:?}");
        assert_eq!(
            done_rx.await.expect("the writer ran"),
            Some(io::ErrorKind::ConnectionAborted)
        );
    }
}
