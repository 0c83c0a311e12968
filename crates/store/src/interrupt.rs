//! Read statements that stop when their caller's time is up or the service shuts down.
//!
//! A read runs on a blocking thread (`pool.rs`). A caller that gives up on a read (the HTTP
//! layer answering 503 at its timeout drops the request) does not stop that thread: the
//! statement ran on for minutes, holding one of the pool's connections, and a few such reads
//! left every other request waiting for a connection and shutdown waiting for the
//! statements. So every read connection is armed when it is handed out: a progress handler,
//! called every [`CHECK_EVERY`] steps of SQLite's virtual machine, stops the statement once
//! the deadline of the task that asked for the read
//! (`claimgraph_graph::storage::with_deadline`) has passed or the store was told to stop
//! ([`crate::Store::stop_reads`]). The statement then
//! fails with SQLite's `SQLITE_INTERRUPT`, which is [`crate::StorageError::Interrupted`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rusqlite::Connection;

/// Steps of SQLite's virtual machine between two checks: tens of microseconds of work, so
/// a statement stops within a millisecond of its deadline and a check (a clock read) costs
/// nothing measurable.
pub(crate) const CHECK_EVERY: i32 = 1000;

/// Whether the store's reads must stop, shared by every connection of one store.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReadStop(Arc<AtomicBool>);

impl ReadStop {
    /// Every read running or started from now on stops at its next check.
    pub(crate) fn stop(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Installs on `conn` the progress handler for a read with `deadline`: it stops the
    /// statement once the deadline (if any) has passed or the store stops.
    pub(crate) fn arm(&self, conn: &Connection, deadline: Option<Instant>) {
        let stop = Arc::clone(&self.0);
        conn.progress_handler(
            CHECK_EVERY,
            Some(move || {
                // true: interrupt
                stop.load(Ordering::Relaxed) || deadline.is_some_and(|d| Instant::now() >= d)
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::StorageError;
    use crate::{Store, StoreError};
    use claimgraph_graph::storage::with_deadline;

    /// A statement that runs for minutes unless stopped.
    const ENDLESS: &str = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
        WHERE i < 10000000000) SELECT count(*) FROM n";

    async fn store() -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("interrupt.db"))
            .await
            .expect("open");
        (store, dir)
    }

    async fn endless(store: &Store) -> Result<i64, StoreError> {
        store
            .read_with(|conn| Ok(conn.query_row(ENDLESS, [], |r| r.get(0))?))
            .await
    }

    /// A short read on the pool, failing the test if it waits more than `limit`.
    async fn quick_read(store: &Store, limit: Duration) {
        let select = store.read_with(|conn| Ok(conn.query_row("SELECT 1", [], |r| r.get(0))?));
        let one: i64 = tokio::time::timeout(limit, select)
            .await
            .expect("a pooled connection within the limit")
            .expect("select");
        assert_eq!(one, 1);
    }

    #[tokio::test]
    async fn a_read_past_its_deadline_stops_with_interrupted() {
        let (store, _dir) = store().await;
        let started = Instant::now();
        let read = with_deadline(started + Duration::from_millis(200), endless(&store));
        let out = tokio::time::timeout(Duration::from_secs(3), read)
            .await
            .expect("the read stops within 3 s");
        assert!(
            matches!(out, Err(StoreError::Storage(StorageError::Interrupted))),
            "{out:?}"
        );
    }

    #[tokio::test]
    async fn reads_dropped_at_their_deadline_give_their_connections_back() {
        let (store, _dir) = store().await;
        // every connection of the pool busy with a read its caller gives up on just before
        // the read's deadline, as the HTTP layer does at its timeout
        let limit = Duration::from_millis(300);
        let mut dropped = Vec::new();
        for _ in 0..8 {
            let store = store.clone();
            dropped.push(tokio::spawn(async move {
                let deadline = Instant::now() + limit + Duration::from_millis(50);
                let read = with_deadline(deadline, endless(&store));
                tokio::time::timeout(limit, read).await.is_err()
            }));
        }
        for task in dropped {
            assert!(
                task.await.expect("task"),
                "the read ended before it was dropped"
            );
        }
        quick_read(&store, Duration::from_secs(3)).await;
    }

    #[tokio::test]
    async fn stopping_the_reads_interrupts_those_running_and_not_later_short_ones() {
        let (store, _dir) = store().await;
        let running = tokio::spawn({
            let store = store.clone();
            async move { endless(&store).await }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        let stopped_at = Instant::now();
        store.stop_reads();
        let out = tokio::time::timeout(Duration::from_secs(3), running)
            .await
            .expect("the running read stops")
            .expect("task");
        assert!(
            matches!(out, Err(StoreError::Storage(StorageError::Interrupted))),
            "{out:?}"
        );
        assert!(stopped_at.elapsed() < Duration::from_secs(1));
        quick_read(&store, Duration::from_secs(1)).await;
    }

    #[tokio::test]
    async fn the_health_ping_answers_while_every_read_connection_is_busy() {
        let (store, _dir) = store().await;
        let busy: Vec<_> = (0..8)
            .map(|_| {
                let store = store.clone();
                tokio::spawn(async move { endless(&store).await })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(200)).await;
        let pinged = tokio::time::timeout(Duration::from_millis(500), store.ping()).await;
        store.stop_reads();
        for task in busy {
            let _ = tokio::time::timeout(Duration::from_secs(3), task).await;
        }
        pinged.expect("ping within 500 ms").expect("ping");
    }

    #[tokio::test]
    async fn reads_without_a_deadline_are_not_stopped() {
        let (store, _dir) = store().await;
        let count: i64 = store
            .read_with(|conn| {
                let sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                    WHERE i < 200000) SELECT count(*) FROM n";
                Ok(conn.query_row(sql, [], |r| r.get(0))?)
            })
            .await
            .expect("a read of many steps runs to its end");
        assert_eq!(count, 200_000);
    }
}
