use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, SqlitePool};
use tokio::sync::Mutex;

use crate::StoreError;

/// The schema, embedded at build time; applied at every start and by `claimgraph migrate`.
/// An applied migration is never edited: add a new one.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations");

/// How long a connection waits for SQLite's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How to open a database, beyond its path.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoreOptions {
    /// Caps the database file at about this many bytes (SQLite's `max_page_count`):
    /// writes past it fail with [`StoreError::Full`] and write nothing, like a full disk.
    pub max_size_bytes: Option<u64>,
}

/// Handle to one claimgraph database. Cheap to clone.
///
/// Reads go through a pool of connections; writes go through a pool of exactly one, so
/// writers in this process queue instead of fighting over SQLite's single write lock.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) read: SqlitePool,
    pub(crate) write: SqlitePool,
    /// The connection [`Store::data_version`] asks; it never writes.
    version: Arc<Mutex<Watcher>>,
    /// Tickets of [`Store::data_version`] callers, in order of arrival.
    tickets: Arc<AtomicU64>,
}

/// One read-only connection whose `PRAGMA data_version` changes whenever any other
/// connection, in this process or another, commits; `generation` counts reconnections, so
/// numbers from two connections are never compared.
#[derive(Debug)]
struct Watcher {
    options: SqliteConnectOptions,
    conn: Option<SqliteConnection>,
    generation: u64,
    /// The last reading and the last ticket issued before it started: it answers every
    /// caller holding that ticket or an earlier one.
    last: Option<(u64, DataVersion)>,
}

/// A value that changes whenever the database's content may have changed; equal values
/// mean nothing was committed in between (see [`Store::data_version`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataVersion {
    generation: u64,
    version: i64,
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
        let mut options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        if let Some(bytes) = opts.max_size_bytes {
            // SQLite's default page size; the cap is applied on every new connection
            let pages = bytes.div_ceil(4096).max(1);
            options = options.pragma("max_page_count", pages.to_string());
        }
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options.clone())
            .await?;
        let version = Arc::new(Mutex::new(Watcher {
            options,
            conn: None,
            generation: 0,
            last: None,
        }));
        Ok(Store {
            read,
            write,
            version,
            tickets: Arc::default(),
        })
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
        let mut conn = match watcher.conn.take() {
            Some(conn) => conn,
            None => {
                watcher.generation += 1;
                watcher.options.connect().await?
            }
        };
        let version: i64 = sqlx::query_scalar("PRAGMA data_version")
            .fetch_one(&mut conn)
            .await?;
        // put back only after a good reading: a failed connection is replaced next time
        watcher.conn = Some(conn);
        let version = DataVersion {
            generation: watcher.generation,
            version,
        };
        watcher.last = Some((covers, version));
        Ok(version)
    }

    /// Applies pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize, StoreError> {
        let before = applied(&self.write).await;
        MIGRATOR.run(&self.write).await?;
        let after = applied(&self.write).await;
        Ok(after.saturating_sub(before))
    }

    /// A cheap query that proves the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    /// Writes a consistent copy of the database to `target` (`VACUUM INTO`), while other
    /// connections and processes keep reading and writing. `target` must not exist.
    pub async fn backup(&self, target: &str) -> Result<(), StoreError> {
        sqlx::query("VACUUM INTO ?1")
            .bind(target)
            .execute(&self.read)
            .await?;
        Ok(())
    }

    /// Closes both pools, waiting for in-flight work; call before exit so the WAL is
    /// checkpointed.
    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

async fn applied(pool: &SqlitePool) -> usize {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 1")
        .fetch_one(pool)
        .await
        .map(|n| n as usize)
        .unwrap_or(0)
}
