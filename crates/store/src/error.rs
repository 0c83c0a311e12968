use claimgraph_graph::storage::StorageError;
use thiserror::Error;

/// Everything the store can fail with; the HTTP edge maps each variant to one status code.
///
/// SQLite errors an operator can act on (disk full, read-only file, lock held too long)
/// get their own variants, so callers can answer them clearly instead of as a fault.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the article text is empty or only whitespace")]
    EmptyArticle,
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: i64 },
    #[error("entity {id} was merged into entity {into}")]
    Merged { id: i64, into: i64 },
    #[error("entity {id} cannot be merged into itself")]
    MergeIntoItself { id: i64 },
    #[error("a {from} cannot be merged into a {into}: merge entities of one kind")]
    KindMismatch {
        into: &'static str,
        from: &'static str,
    },
    #[error("merge {id} was already undone")]
    MergeUndone { id: i64 },
    #[error("merge {id} cannot be undone: {reason}")]
    MergeNotUndoable { id: i64, reason: String },
    #[error("{what} {id} is not a place")]
    NotAPlace { what: &'static str, id: i64 },
    #[error("mention {mention} is already linked to place {place}")]
    SamePlace { mention: i64, place: i64 },
    #[error("the alias has no letter or digit")]
    EmptyAlias,
    #[error("the pagination cursor is not one this server issued")]
    InvalidCursor,
    /// A search query that cannot be read or exceeds a limit; the client's fault, never a
    /// 500, and said in this store's words, never SQLite's.
    #[error("{0}")]
    InvalidSearch(#[from] claimgraph_graph::search::SearchError),
    #[error("the database is full: the disk has no space left or the database reached its size limit; nothing was written")]
    Full,
    #[error("the database is read-only: check the permissions of the database file and its folder; nothing was written")]
    ReadOnly,
    #[error("the database stayed locked by another writer for too long; retry")]
    Busy,
    /// A read ran past its caller's deadline or the server began to shut down, and SQLite
    /// stopped it (see `interrupt.rs`).
    #[error("the read ran past the request's time limit or the server is shutting down, and the database stopped it; retry later")]
    Interrupted,
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// An error of the writer's connection (see [`crate::Store`]), other than the above.
    #[error("database error: {0}")]
    Write(rusqlite::Error),
    /// The writer's worker thread failed outside SQLite (it panicked or was cancelled).
    #[error("the writer stopped: {0}")]
    WriterStopped(String),
    #[error("migration failed: {0}")]
    Migrate(sqlx::migrate::MigrateError),
    /// A failure of the graph crate's own code (a cursor, an article's text) that has no
    /// variant of its own here.
    #[error(transparent)]
    Storage(StorageError),
}

/// SQLite's primary result codes this store tells apart (the low byte of an extended code).
const SQLITE_READONLY: i64 = 8;
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_INTERRUPT: i64 = 9;
const SQLITE_FULL: i64 = 13;

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        let code = e
            .as_database_error()
            .and_then(|d| d.code())
            .and_then(|c| c.parse::<i64>().ok());
        match code.map(|c| c & 0xff) {
            Some(SQLITE_FULL) => StoreError::Full,
            Some(SQLITE_READONLY) => StoreError::ReadOnly,
            Some(SQLITE_BUSY | SQLITE_LOCKED) => StoreError::Busy,
            Some(SQLITE_INTERRUPT) => StoreError::Interrupted,
            _ if matches!(e, sqlx::Error::PoolTimedOut) => StoreError::Busy,
            _ => StoreError::Database(e),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::Full,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::OperationInterrupted) => StoreError::Interrupted,
            _ => StoreError::Write(e),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        match e {
            sqlx::migrate::MigrateError::Execute(inner) => match StoreError::from(inner) {
                StoreError::Database(inner) => {
                    StoreError::Migrate(sqlx::migrate::MigrateError::Execute(inner))
                }
                clear => clear,
            },
            other => StoreError::Migrate(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_sqlx_errors_stay_database_errors() {
        assert!(matches!(
            StoreError::from(sqlx::Error::RowNotFound),
            StoreError::Database(_)
        ));
        assert!(matches!(
            StoreError::from(sqlx::Error::PoolTimedOut),
            StoreError::Busy
        ));
    }

    #[test]
    fn writer_errors_keep_their_meaning() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        assert!(matches!(StoreError::from(full), StoreError::Full));
        assert!(matches!(
            StoreError::from(rusqlite::Error::QueryReturnedNoRows),
            StoreError::Write(_)
        ));
    }
}
