use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tokio::sync::Mutex;

use crate::interrupt::ReadStop;
use crate::pool::{open_connection, run_blocking, ReadPool};
use crate::DataVersion;
use crate::StoreError;
use claimgraph_graph::facts::TokenIndex;

/// How to open a database, beyond its path.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoreOptions {
    /// Caps the database file at about this many bytes (SQLite's `max_page_count`):
    /// writes past it fail with [`crate::StorageError::Full`] and write nothing, like a full disk.
    pub max_size_bytes: Option<u64>,
}

/// Handle to one claimgraph database. Cheap to clone.
///
/// One driver, rusqlite, for every connection: reads go through a pool of synchronous
/// connections run on blocking threads (`pool.rs`); articles, migrations and an analyst's
/// curation are written by one connection ([`WriterConn`]) on a blocking thread, so
/// writers in this process queue instead of fighting over SQLite's single write lock, and
/// a bulk ingest's thousands of statements per batch cost what SQLite costs, not a thread
/// hand-off each.
#[derive(Debug, Clone)]
pub struct Store {
    /// The read connections (see `pool.rs`).
    pub(crate) reads: Arc<ReadPool>,
    pub(crate) writer: Arc<WriterConn>,
    /// The connection [`Store::data_version`] asks; it never writes.
    version: Arc<Mutex<Watcher>>,
    /// Tickets of [`Store::data_version`] callers, in order of arrival.
    tickets: Arc<AtomicU64>,
    /// Tells the read connections' statements to stop (see `interrupt.rs`).
    stop: ReadStop,
}

/// One read-only connection whose `PRAGMA data_version` changes whenever any other
/// connection, in this process or another, commits; `generation` counts reconnections, so
/// numbers from two connections are never compared.
#[derive(Debug)]
struct Watcher {
    path: PathBuf,
    conn: Option<rusqlite::Connection>,
    generation: u64,
    /// The last reading and the last ticket issued before it started: it answers every
    /// caller holding that ticket or an earlier one.
    last: Option<(u64, DataVersion)>,
}

/// The article writer's connection, opened on first use (after migrations ran).
#[derive(Debug)]
pub(crate) struct WriterConn {
    path: PathBuf,
    options: StoreOptions,
    state: std::sync::Mutex<WriterState>,
}

/// The writer's connection and its index of claims for corroboration (`link.rs`); both
/// are dropped after a failed write and rebuilt on the next.
#[derive(Debug, Default)]
struct WriterState {
    conn: Option<rusqlite::Connection>,
    index: TokenIndex,
}

/// How long the data-version watch waits for SQLite's lock (held only while a crashed
/// writer's journal is recovered) before the reading fails: it runs on an async thread.
const WATCH_BUSY: std::time::Duration = std::time::Duration::from_millis(250);

/// Pages of SQLite's cache for the writer (negative: KiB): index pages of a large
/// database stay in memory across a bulk ingest's batches.
const WRITER_CACHE_KIB: i64 = 65_536;

impl WriterConn {
    fn open(&self) -> Result<rusqlite::Connection, StoreError> {
        let max = self.options.max_size_bytes.map(max_pages);
        let conn = open_connection(&self.path, rusqlite::OpenFlags::default(), max)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)?;
        // Statement journals (each write statement of a batch that may roll back alone
        // keeps one) in memory, not in a temporary file: their pwrite calls were an
        // eighth of a bulk ingest's time.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(conn)
    }

    /// Runs `work` on the connection, blocking. After a failure the connection is closed
    /// unless it is known clean (SQLite may have rolled back on its own after a full disk
    /// or an I/O error, and only a fresh connection is sure to be outside any
    /// transaction), and the index is rebuilt: it may hold claims that were rolled back.
    pub(crate) fn run<T>(
        &self,
        work: impl FnOnce(&mut rusqlite::Connection, &mut TokenIndex) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.run_as(IndexUse::Claims, work)
    }

    /// [`WriterConn::run`] for `work` that adds no claim; see [`IndexUse`].
    fn run_as<T>(
        &self,
        uses: IndexUse,
        work: impl FnOnce(&mut rusqlite::Connection, &mut TokenIndex) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // a panic mid-write left at worst an open transaction, which the check below ends
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let state = &mut *guard;
        if state.conn.as_ref().is_some_and(|c| !c.is_autocommit()) {
            *state = WriterState::default();
        }
        let conn = match state.conn.as_mut() {
            Some(c) => c,
            None => state.conn.insert(self.open()?),
        };
        let out = work(conn, &mut state.index);
        if out.is_err() {
            if uses == IndexUse::Claims {
                state.index = TokenIndex::default();
            }
            if !conn.is_autocommit() {
                state.conn = None;
            }
        }
        out
    }
}

/// Whether a write may add claims to the writer's index: a failed write of claims drops
/// the index (it may hold claims that were rolled back), and the next write rebuilds it
/// from every stored claim, seconds on a large database. A refused merge must not cost
/// the next ingest that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IndexUse {
    Claims,
    None,
}

impl Store {
    /// Builds the writer's index of stored claims in the background, so that the first
    /// article written after start-up does not wait for it (seconds on a large database).
    /// A write that comes first builds it itself; a failure here is left to that write.
    pub fn warm_writer(&self) {
        let writer = Arc::clone(&self.writer);
        tokio::task::spawn_blocking(move || {
            if let Err(e) = writer.run(|conn, index| crate::token_index::catch_up(index, conn)) {
                tracing::warn!(error = %e, "building the writer's claim index");
            }
        });
    }

    /// Runs `work` on a read connection on a blocking thread (see `pool.rs`).
    pub(crate) async fn read_with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&rusqlite::Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.reads.run(work).await
    }

    /// Runs `work`, which writes claims, on the writer's connection on a blocking thread.
    pub(crate) async fn write_with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut rusqlite::Connection, &mut TokenIndex) -> Result<T, StoreError>
            + Send
            + 'static,
    ) -> Result<T, StoreError> {
        self.on_writer(IndexUse::Claims, work).await
    }

    /// Runs `work`, which writes no claim (curation, the schema), on the writer's
    /// connection on a blocking thread; its failure keeps the claim index.
    pub(crate) async fn write_rows<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut rusqlite::Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.on_writer(IndexUse::None, move |conn, _| work(conn))
            .await
    }

    async fn on_writer<T: Send + 'static>(
        &self,
        uses: IndexUse,
        work: impl FnOnce(&mut rusqlite::Connection, &mut TokenIndex) -> Result<T, StoreError>
            + Send
            + 'static,
    ) -> Result<T, StoreError> {
        let writer = Arc::clone(&self.writer);
        run_blocking(move || writer.run_as(uses, work)).await
    }
}

/// SQLite's `max_page_count` for a size cap, at the default page size.
fn max_pages(bytes: u64) -> u64 {
    bytes.div_ceil(4096).max(1)
}

impl Store {
    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, StoreOptions::default()).await
    }

    /// [`Store::open`] with options.
    pub async fn open_with(path: &Path, options: StoreOptions) -> Result<Store, StoreError> {
        let store = Store::connect_with(path, options).await?;
        store.migrate().await?;
        store.rekey().await?;
        Ok(store)
    }

    /// Opens without migrating, for the `migrate` command.
    pub async fn connect(path: &Path) -> Result<Store, StoreError> {
        Store::connect_with(path, StoreOptions::default()).await
    }

    async fn connect_with(path: &Path, opts: StoreOptions) -> Result<Store, StoreError> {
        let stop = ReadStop::default();
        let version = Arc::new(Mutex::new(Watcher {
            path: path.to_path_buf(),
            conn: None,
            generation: 0,
            last: None,
        }));
        let writer = Arc::new(WriterConn {
            path: path.to_path_buf(),
            options: opts,
            state: std::sync::Mutex::new(WriterState::default()),
        });
        let reads = Arc::new(ReadPool::new(
            path,
            opts.max_size_bytes.map(max_pages),
            stop.clone(),
        ));
        let store = Store {
            reads,
            writer,
            version,
            tickets: Arc::default(),
            stop,
        };
        // open the writer now: a database that cannot be written is refused at start
        store
            .write_rows(|_| Ok(()))
            .await
            .map_err(|e| open_error(path, e))?;
        Ok(store)
    }

    /// The database's change counter: two equal readings mean no connection (this
    /// process's writer, another process's ingest) committed between them, and the reading
    /// is taken after the call began. One small statement on a dedicated connection, so a
    /// reader can tell whether something it computed earlier still holds; callers that
    /// queue while a reading runs share the next one.
    pub async fn data_version(&self) -> Result<DataVersion, StoreError> {
        let ticket = self.tickets.fetch_add(1, Ordering::SeqCst) + 1;
        let mut watcher = self.version.lock().await;
        if let Some((covers, version)) = watcher.last {
            if covers >= ticket {
                return Ok(version);
            }
        }
        // every ticket issued so far belongs to a caller that arrived before this reading
        let covers = self.tickets.load(Ordering::SeqCst);
        let conn = match watcher.conn.take() {
            Some(conn) => conn,
            None => {
                watcher.generation += 1;
                let path = watcher.path.clone();
                // opening touches the disk: off the async threads
                run_blocking(move || {
                    let conn = open_connection(&path, rusqlite::OpenFlags::default(), None)?;
                    conn.busy_timeout(WATCH_BUSY)?;
                    Ok(conn)
                })
                .await?
            }
        };
        // a reading is microseconds (the WAL index in shared memory), so it runs here: a
        // hand-off to a blocking thread would queue the health check behind busy reads
        let version: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        // put back only after a good reading: a failed connection is replaced next time
        watcher.conn = Some(conn);
        let version = DataVersion::new(watcher.generation, version);
        watcher.last = Some((covers, version));
        Ok(version)
    }

    /// Applies pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize, StoreError> {
        self.write_rows(|conn| {
            // Each migration is checkpointed into the database file as it commits: left in
            // the WAL, a fresh database's schema would take twice its size on disk (several
            // page versions) until the first checkpoint, which a nearly full disk never
            // reaches.
            conn.pragma_update(None, "wal_autocheckpoint", 1)?;
            let migrated = crate::migrate::run(conn);
            conn.pragma_update(None, "wal_autocheckpoint", 1000)?;
            Ok(migrated?)
        })
        .await
    }

    /// A cheap query that proves the database answers. It runs on the connection of
    /// [`Store::data_version`], not the read pool: a health check must answer at once even
    /// while slow reads hold every pooled connection.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.data_version().await.map(|_| ())
    }

    /// Makes every read statement running now or started later stop within a moment,
    /// failing with [`crate::StorageError::Interrupted`]: for shutting down while slow reads are in
    /// flight. Statements too short to reach a check still finish.
    pub fn stop_reads(&self) {
        self.stop.stop();
    }

    /// Writes a consistent copy of the database to `target` (`VACUUM INTO`), while other
    /// connections and processes keep reading and writing. `target` must not exist.
    pub async fn backup(&self, target: &str) -> Result<(), StoreError> {
        let target = target.to_string();
        self.read_with(move |conn| {
            conn.execute("VACUUM INTO ?1", [target])?;
            Ok(())
        })
        .await
    }

    /// Closes both pools, waiting for in-flight work; call before exit so the WAL is
    /// checkpointed.
    pub async fn close(&self) {
        self.reads.close().await;
        let writer = Arc::clone(&self.writer);
        // dropping the connection closes it; the last connection to close checkpoints
        let _ = tokio::task::spawn_blocking(move || {
            writer
                .state
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .conn
                .take()
        })
        .await;
    }
}

/// SQLite's "unable to open database file" for a database this process may not write: the
/// journal files beside it are another user's, which SQLite reports as a failed open rather
/// than as the read-only database it is.
fn open_error(path: &Path, e: StoreError) -> StoreError {
    let cannot_open = matches!(&e, StoreError::Database(w)
        if w.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen));
    let denied = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .is_err_and(|w| w.kind() == std::io::ErrorKind::PermissionDenied);
    if cannot_open && denied {
        claimgraph_graph::storage::StorageError::ReadOnly.into()
    } else {
        e
    }
}
