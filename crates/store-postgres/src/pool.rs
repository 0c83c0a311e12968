//! Connections to the server: a pool of read connections, each used by one blocking task
//! at a time, with the caller's deadline as the statement timeout and a cancel token kept
//! while it runs (so [`ReadPool::stop`] can end reads in flight).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use claimgraph_graph::storage::{current_deadline, StorageError};
use postgres::{CancelToken, Client, Config, NoTls};
use tokio::sync::Semaphore;

use crate::PgError;

/// Reads running at once: more than the cores, so short reads pass long ones.
pub(crate) const READ_CONNECTIONS: usize = 8;

/// How long a read waits for a free connection before the store answers busy.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(30);

/// Opens a connection with the settings every connection of a store shares.
pub(crate) fn connect(config: &Config) -> Result<Client, PgError> {
    Ok(config.connect(NoTls)?)
}

/// A pool of read connections to one database.
pub(crate) struct ReadPool {
    config: Config,
    idle: Mutex<Vec<Client>>,
    permits: Arc<Semaphore>,
    stopped: AtomicBool,
    running: Mutex<HashMap<u64, CancelToken>>,
    next: AtomicU64,
}

impl std::fmt::Debug for ReadPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadPool")
            .field("stopped", &self.stopped.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl ReadPool {
    pub(crate) fn new(config: Config) -> ReadPool {
        ReadPool {
            config,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(READ_CONNECTIONS)),
            stopped: AtomicBool::new(false),
            running: Mutex::new(HashMap::new()),
            next: AtomicU64::new(0),
        }
    }

    /// Runs `work` on a read connection on a blocking thread. Waiting longer than
    /// [`ACQUIRE_TIMEOUT`] for a connection, or reading after [`ReadPool::close`], is
    /// [`StorageError::Busy`]; reading after [`ReadPool::stop`] is
    /// [`StorageError::Interrupted`].
    pub(crate) async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&mut Client) -> Result<T, PgError> + Send + 'static,
    ) -> Result<T, PgError> {
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
        work: impl FnOnce(&mut Client) -> Result<T, PgError>,
    ) -> Result<T, PgError> {
        if self.stopped.load(Ordering::Acquire) {
            return Err(StorageError::Interrupted.into());
        }
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut client = match idle {
            Some(c) if !c.is_closed() => c,
            _ => connect(&self.config)?,
        };
        let timeout_ms = match deadline {
            Some(at) => {
                let left = at.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(StorageError::Interrupted.into());
                }
                left.as_millis().max(1)
            }
            None => 0,
        };
        client.batch_execute(&format!("SET statement_timeout = {timeout_ms}"))?;
        let ticket = self.next.fetch_add(1, Ordering::Relaxed);
        self.running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(ticket, client.cancel_token());
        let out = work(&mut client);
        self.running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&ticket);
        // a read that failed inside a transaction it opened is not handed on
        if out.is_ok() && !client.is_closed() {
            self.idle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(client);
        }
        out
    }

    /// Cancels the reads running now; later ones fail at once.
    pub(crate) fn stop(&self) {
        self.stopped.store(true, Ordering::Release);
        let running: Vec<CancelToken> = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .cloned()
            .collect();
        for token in running {
            if let Err(e) = token.cancel_query(NoTls) {
                tracing::warn!(error = %e, "cancelling a read");
            }
        }
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
        close_off_runtime(idle);
    }
}

/// Closes connections off the async threads: closing one blocks on the driver's own
/// runtime, which tokio forbids inside an async task (a store dropped at the end of
/// `serve`, or in an async test).
pub(crate) fn close_off_runtime<T: Send + 'static>(conns: T) {
    if tokio::runtime::Handle::try_current().is_ok() {
        std::thread::spawn(move || drop(conns));
    } else {
        drop(conns);
    }
}

impl Drop for ReadPool {
    fn drop(&mut self) {
        let idle = std::mem::take(self.idle.get_mut().unwrap_or_else(|p| p.into_inner()));
        close_off_runtime(idle);
    }
}

/// Runs `work` on a blocking thread; a panic there is resumed here, and a runtime shutting
/// down before the work ran is [`PgError::WriterStopped`].
pub(crate) async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, PgError> + Send + 'static,
) -> Result<T, PgError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(out) => out,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => Err(PgError::WriterStopped(e.to_string())),
    }
}
