use claimgraph_graph::search::SearchError;
use claimgraph_graph::storage::StorageError;
use thiserror::Error;

use crate::MigrateError;

/// Everything the store can fail with: a failure the storage contract names (not found,
/// merged, full, busy, …: [`StorageError`], which the HTTP edge maps to status codes), or
/// one only SQLite knows, kept with its source for the log.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("database error: {0}")]
    Database(sqlx::Error),
    #[error("database error: {0}")]
    Write(rusqlite::Error),
    /// A value that does not convert between its Rust type and what SQLite stores.
    #[error("a stored value did not convert: {0}")]
    Convert(Box<dyn std::error::Error + Send + Sync>),
    #[error("the writer stopped: {0}")]
    WriterStopped(String),
    #[error("migration failed: {0}")]
    Migrate(MigrateError),
}

const SQLITE_READONLY: i64 = 8;
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_INTERRUPT: i64 = 9;
const SQLITE_FULL: i64 = 13;

impl From<SearchError> for StoreError {
    fn from(e: SearchError) -> Self {
        StorageError::InvalidSearch(e).into()
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        let code = e
            .as_database_error()
            .and_then(|d| d.code())
            .and_then(|c| c.parse::<i64>().ok());
        match code.map(|c| c & 0xff) {
            Some(SQLITE_FULL) => StorageError::Full.into(),
            Some(SQLITE_READONLY) => StorageError::ReadOnly.into(),
            Some(SQLITE_BUSY | SQLITE_LOCKED) => StorageError::Busy.into(),
            Some(SQLITE_INTERRUPT) => StorageError::Interrupted.into(),
            _ if matches!(e, sqlx::Error::PoolTimedOut) => StorageError::Busy.into(),
            _ => StoreError::Database(e),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match contract_error(&e) {
            Some(clear) => clear.into(),
            None => StoreError::Write(e),
        }
    }
}

/// The storage contract's name for a SQLite failure, if it has one.
fn contract_error(e: &rusqlite::Error) -> Option<StorageError> {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code()? {
        ErrorCode::DiskFull => Some(StorageError::Full),
        ErrorCode::ReadOnly => Some(StorageError::ReadOnly),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Some(StorageError::Busy),
        ErrorCode::OperationInterrupted => Some(StorageError::Interrupted),
        _ => None,
    }
}

impl From<MigrateError> for StoreError {
    /// A migration that failed because the disk is full or the file read-only says so;
    /// anything else is a migration failure.
    fn from(e: MigrateError) -> Self {
        match e.sqlite().and_then(contract_error) {
            Some(clear) => clear.into(),
            None => StoreError::Migrate(e),
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
            StoreError::Storage(StorageError::Busy)
        ));
    }

    #[test]
    fn writer_errors_keep_their_meaning() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        assert!(matches!(
            StoreError::from(full),
            StoreError::Storage(StorageError::Full)
        ));
        assert!(matches!(
            StoreError::from(rusqlite::Error::QueryReturnedNoRows),
            StoreError::Write(_)
        ));
    }
}
