use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use claimgraph_graph::facts::TokenIndex;
use claimgraph_graph::storage::DataVersion;
use postgres::{Client, Config};
use tokio::sync::Mutex;

use crate::pool::{close_off_runtime, connect, run_blocking, ReadPool};
use crate::PgError;

/// Handle to one claimgraph database on a PostgreSQL server. Cheap to clone.
///
/// One synchronous driver for every connection: reads go through a pool of connections
/// run on blocking threads (`pool.rs`); this process's articles and curation are written
/// by one connection ([`WriterConn`]) on a blocking thread, so they queue here instead of
/// waiting on the server's row locks.
#[derive(Debug, Clone)]
pub struct PgStore {
    pub(crate) reads: Arc<ReadPool>,
    pub(crate) writer: Arc<WriterConn>,
    /// The connection [`PgStore::data_version`] and [`PgStore::ping`] ask; it never
    /// writes, so a health check does not queue behind reads.
    watch: Arc<Mutex<Watcher>>,
}

struct Watcher {
    config: Config,
    client: Option<Client>,
    generation: u64,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        close_off_runtime(self.client.take());
    }
}

/// The article writer's connection, opened on first use.
pub(crate) struct WriterConn {
    config: Config,
    state: std::sync::Mutex<WriterState>,
}

impl std::fmt::Debug for WriterConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterConn").finish_non_exhaustive()
    }
}

/// The writer's connection and its index of claims for corroboration; both are dropped
/// after a failed write and rebuilt on the next.
#[derive(Default)]
struct WriterState {
    client: Option<Client>,
    index: TokenIndex,
}

/// Whether a write adds claims: a failure of one that does not keeps the claim index.
#[derive(Debug, Clone, Copy, PartialEq)]
enum IndexUse {
    Claims,
    None,
}

impl WriterConn {
    fn run_as<T>(
        &self,
        uses: IndexUse,
        work: impl FnOnce(&mut Client, &mut TokenIndex) -> Result<T, PgError>,
    ) -> Result<T, PgError> {
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let state = &mut *guard;
        if state.client.as_ref().is_some_and(Client::is_closed) {
            *state = WriterState::default();
        }
        let client = match state.client.as_mut() {
            Some(c) => c,
            None => state.client.insert(connect(&self.config)?),
        };
        let out = work(client, &mut state.index);
        if out.is_err() {
            // a failed transaction was rolled back when dropped; claims it indexed were not
            if uses == IndexUse::Claims {
                state.index = TokenIndex::default();
            }
        }
        out
    }
}

impl Drop for WriterConn {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(|p| p.into_inner());
        close_off_runtime(state.client.take());
    }
}

static GENERATIONS: AtomicU64 = AtomicU64::new(0);

impl PgStore {
    /// Connects to the database at `url` (`postgres://user@host/db`) and applies pending
    /// migrations.
    pub async fn open(url: &str) -> Result<PgStore, PgError> {
        let store = PgStore::connect(url)?;
        store.migrate().await?;
        store.rekey().await?;
        Ok(store)
    }

    /// [`PgStore::open`] with connection settings already parsed (tests set a schema).
    pub async fn open_config(config: Config) -> Result<PgStore, PgError> {
        let store = PgStore::with_config(config);
        store.migrate().await?;
        store.rekey().await?;
        Ok(store)
    }

    /// Connects lazily without migrating, for the `migrate` command.
    pub fn connect(url: &str) -> Result<PgStore, PgError> {
        let config: Config = url
            .parse()
            .map_err(|e: postgres::Error| PgError::Convert(Box::new(e)))?;
        Ok(PgStore::with_config(config))
    }

    fn with_config(config: Config) -> PgStore {
        PgStore {
            reads: Arc::new(ReadPool::new(config.clone())),
            writer: Arc::new(WriterConn {
                config: config.clone(),
                state: std::sync::Mutex::new(WriterState::default()),
            }),
            watch: Arc::new(Mutex::new(Watcher {
                config,
                client: None,
                generation: 0,
            })),
        }
    }

    /// Applies the migrations not yet applied; returns how many ran.
    pub async fn migrate(&self) -> Result<usize, PgError> {
        self.write_rows(|client| Ok(crate::migrate::run(client)?))
            .await
    }

    /// Runs `work` on a read connection on a blocking thread (see `pool.rs`).
    pub(crate) async fn read_with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Client) -> Result<T, PgError> + Send + 'static,
    ) -> Result<T, PgError> {
        self.reads.run(work).await
    }

    /// Runs `work`, which writes claims, on the writer's connection on a blocking thread.
    pub(crate) async fn write_with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Client, &mut TokenIndex) -> Result<T, PgError> + Send + 'static,
    ) -> Result<T, PgError> {
        let writer = Arc::clone(&self.writer);
        run_blocking(move || writer.run_as(IndexUse::Claims, work)).await
    }

    /// Runs `work`, which writes no claim (curation, the schema), on the writer's
    /// connection on a blocking thread; its failure keeps the claim index.
    pub(crate) async fn write_rows<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Client) -> Result<T, PgError> + Send + 'static,
    ) -> Result<T, PgError> {
        let writer = Arc::clone(&self.writer);
        run_blocking(move || writer.run_as(IndexUse::None, move |c, _| work(c))).await
    }

    /// A value that changes whenever any transaction that writes starts or ends on the
    /// server (the snapshot's bounds and in-progress list): a write by another replica or
    /// worker changes it once it commits, so caches keyed by it are never stale. It may
    /// change with no change to this database (writes to others on the server): that only
    /// costs a cache miss.
    pub async fn data_version(&self) -> Result<DataVersion, PgError> {
        let watch = Arc::clone(&self.watch);
        let mut guard = watch.lock_owned().await;
        run_blocking(move || {
            let w = &mut *guard;
            if w.client.as_ref().is_none_or(Client::is_closed) {
                w.client = Some(connect(&w.config)?);
                w.generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
            }
            let client = w.client.as_mut().ok_or(PgError::WriterStopped(
                "the version connection closed".into(),
            ))?;
            let row = client.query_one("SELECT pg_current_snapshot()::text", &[]);
            let snapshot: String = match row {
                Ok(r) => r.get(0),
                Err(e) => {
                    w.client = None;
                    return Err(e.into());
                }
            };
            Ok(DataVersion::new(w.generation, fingerprint(&snapshot)))
        })
        .await
    }

    /// A cheap query that proves the database answers, on the version connection.
    pub async fn ping(&self) -> Result<(), PgError> {
        self.data_version().await.map(|_| ())
    }

    /// Makes every read running now or started later stop, failing with
    /// [`claimgraph_graph::storage::StorageError::Interrupted`] (shutdown).
    pub fn stop_reads(&self) {
        self.reads.stop();
    }

    /// Closes the pools, waiting for reads in flight.
    pub async fn close(&self) {
        self.reads.close().await;
        let writer = Arc::clone(&self.writer);
        let client = writer
            .state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .client
            .take();
        close_off_runtime(client);
    }
}

/// A stable 64-bit fingerprint of a snapshot's text (FNV-1a).
fn fingerprint(text: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}
