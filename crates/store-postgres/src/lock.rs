//! The one lock every writing transaction holds, in this process or another: the writers'
//! turn-taking on a shared database.

use postgres::{Client, Transaction};

use crate::PgError;

/// The key of the transaction-level advisory lock (`pg_advisory_xact_lock`) every
/// transaction that writes articles takes first: the bytes of "cgwriter" read as a
/// big-endian integer (7162825065635276146; `pg_locks` shows it as an `advisory` lock with
/// classid 1667725170, objid 1769235826, objsubid 1), unlikely to be another application's
/// key. SQLite lets one writer in at a time; PostgreSQL would let two processes' writers
/// (several `ingest` workers) interleave, each resolving names against, and making facts
/// from, what the other has not committed: one name could become two entities, and the
/// facts would depend on timing. Held until commit or rollback; READ COMMITTED then shows
/// the next writer everything the previous one wrote. Advisory locks are per database: two
/// stores in one database's schemas take turns. Any other transaction that writes
/// entities, claims or facts (merges, relinks) should take it too.
pub(crate) const WRITE_LOCK: i64 = i64::from_be_bytes(*b"cgwriter");

/// A write transaction on `client` that holds [`WRITE_LOCK`] (SQLite's `BEGIN
/// IMMEDIATE`): it waits for any article batch or correction, in this process or another,
/// and the checks it makes still hold when it commits.
pub(crate) fn begin(client: &mut Client) -> Result<Transaction<'_>, PgError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
    Ok(tx)
}
