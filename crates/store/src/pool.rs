//! The read connections: synchronous SQLite connections, each used by one blocking task
//! at a time.
//!
//! A read takes a permit (at most [`READ_CONNECTIONS`] run at once), then runs on a
//! blocking thread with an idle connection, or a new one. The caller's deadline is read
//! before the hand-off (it lives in the calling task) and armed on the connection
//! (`interrupt.rs`), so a read its caller gave up on still stops at that deadline and
//! gives its connection back. One synchronous driver for reads and writes: rows are read
//! where SQLite produces them, with no hand-off per row (see BENCHMARKS.md, "One SQLite
//! driver").

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use claimgraph_graph::storage::{current_deadline, StorageError};
use rusqlite::{Connection, OpenFlags};
use tokio::sync::Semaphore;

use crate::interrupt::ReadStop;
use crate::StoreError;

/// Reads running at once: more than the cores, so short reads pass long ones.
pub(crate) const READ_CONNECTIONS: usize = 8;

/// How long a read waits for a free connection before the store answers busy.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a connection waits for SQLite's lock (a checkpoint, another process's
/// schema change) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens a connection to `path` with the settings every connection of a store shares:
/// foreign keys, normal syncing, the busy timeout and, if set, the size cap. The WAL
/// journal mode is the writer's to set: it is kept in the database file.
pub(crate) fn open_connection(
    path: &Path,
    flags: OpenFlags,
    max_pages: Option<u64>,
) -> Result<Connection, rusqlite::Error> {
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    if let Some(pages) = max_pages {
        conn.pragma_update(None, "max_page_count", pages)?;
    }
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// A pool of read connections to one database.
#[derive(Debug)]
pub(crate) struct ReadPool {
    path: PathBuf,
    max_pages: Option<u64>,
    idle: Mutex<Vec<Connection>>,
    permits: Arc<Semaphore>,
    stop: ReadStop,
}

impl ReadPool {
    pub(crate) fn new(path: &Path, max_pages: Option<u64>, stop: ReadStop) -> ReadPool {
        ReadPool {
            path: path.to_path_buf(),
            max_pages,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(READ_CONNECTIONS)),
            stop,
        }
    }

    /// Runs `work` on a read connection on a blocking thread. Waiting longer than
    /// [`ACQUIRE_TIMEOUT`] for a connection, or reading after [`ReadPool::close`], is
    /// [`StorageError::Busy`].
    pub(crate) async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let permit =
            tokio::time::timeout(ACQUIRE_TIMEOUT, Arc::clone(&self.permits).acquire_owned())
                .await
                .map_err(|_| StorageError::Busy)?
                .map_err(|_| StorageError::Busy)?;
        let deadline = current_deadline();
        let pool = Arc::clone(self);
        run_blocking(move || {
            let out = pool.run_on_idle(deadline, work);
            drop(permit);
            out
        })
        .await
    }

    fn run_on_idle<T>(
        &self,
        deadline: Option<Instant>,
        work: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.open()?,
        };
        self.stop.arm(&conn, deadline);
        let out = work(&conn);
        // a read that failed inside a transaction it opened is not handed on
        if conn.is_autocommit() {
            self.idle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(conn);
        }
        out
    }

    fn open(&self) -> Result<Connection, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Ok(open_connection(&self.path, flags, self.max_pages)?)
    }

    /// Waits for the reads in flight, then closes every connection; later reads are
    /// [`StorageError::Busy`].
    pub(crate) async fn close(&self) {
        let all = u32::try_from(READ_CONNECTIONS).unwrap_or(u32::MAX);
        if let Ok(permits) = self.permits.acquire_many(all).await {
            permits.forget();
        }
        self.permits.close();
        let idle = std::mem::take(&mut *self.idle.lock().unwrap_or_else(|p| p.into_inner()));
        // dropping closes; the last connection of the database to close checkpoints the WAL
        let _ = tokio::task::spawn_blocking(move || drop(idle)).await;
    }
}

/// Runs `work` on a blocking thread; a panic there is resumed here, and a runtime shutting
/// down before the work ran is [`StoreError::WriterStopped`].
pub(crate) async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(out) => out,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => Err(StoreError::WriterStopped(e.to_string())),
    }
}
