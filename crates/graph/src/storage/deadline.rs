//! The deadline of the task a storage read runs for.
//!
//! A caller that gives up on a read (the HTTP layer answering 503 at its timeout drops the
//! request) does not stop a statement already running in the database. So the caller
//! states its deadline once, around all of its work ([`with_deadline`]), and a storage
//! implementation asks [`current_deadline`] when it starts a read and stops the read
//! when the deadline passes, failing with [`super::StorageError::Interrupted`].

use std::future::Future;
use std::time::Instant;

tokio::task_local! {
    /// When the reads of the current task must stop.
    static DEADLINE: Instant;
}

/// Runs `work` so that every read it starts stops at `deadline`, whether or not anyone
/// still waits for `work`.
pub async fn with_deadline<F: Future>(deadline: Instant, work: F) -> F::Output {
    DEADLINE.scope(deadline, work).await
}

/// The deadline of the current task's reads, if its caller set one.
pub fn current_deadline() -> Option<Instant> {
    DEADLINE.try_with(|d| *d).ok()
}
