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
    Database(rusqlite::Error),
    /// A value that does not convert between its Rust type and what SQLite stores.
    #[error("a stored value did not convert: {0}")]
    Convert(Box<dyn std::error::Error + Send + Sync>),
    #[error("the writer stopped: {0}")]
    WriterStopped(String),
    #[error("migration failed: {0}")]
    Migrate(MigrateError),
}

impl From<SearchError> for StoreError {
    fn from(e: SearchError) -> Self {
        StorageError::InvalidSearch(e).into()
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match contract_error(&e) {
            Some(clear) => clear.into(),
            None => StoreError::Database(e),
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
    fn sqlite_errors_keep_their_meaning() {
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
            StoreError::Database(_)
        ));
    }
}
