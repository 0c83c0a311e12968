use claimgraph_graph::search::SearchError;
use claimgraph_graph::storage::StorageError;
use thiserror::Error;

use crate::MigrateError;

/// Everything the PostgreSQL store can fail with: a failure the storage contract names
/// ([`StorageError`], which the HTTP edge maps to status codes), or one only PostgreSQL
/// knows, kept with its source for the log.
#[derive(Debug, Error)]
pub enum PgError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("database error: {0}")]
    Database(postgres::Error),
    /// A value that does not convert between its Rust type and what PostgreSQL stores.
    #[error("a stored value did not convert: {0}")]
    Convert(Box<dyn std::error::Error + Send + Sync>),
    #[error("the writer stopped: {0}")]
    WriterStopped(String),
    #[error("migration failed: {0}")]
    Migrate(MigrateError),
}

impl From<SearchError> for PgError {
    fn from(e: SearchError) -> Self {
        StorageError::InvalidSearch(e).into()
    }
}

impl From<postgres::Error> for PgError {
    fn from(e: postgres::Error) -> Self {
        match contract_error(&e) {
            Some(clear) => clear.into(),
            None => PgError::Database(e),
        }
    }
}

impl From<MigrateError> for PgError {
    fn from(e: MigrateError) -> Self {
        PgError::Migrate(e)
    }
}

/// The storage contract's name for a PostgreSQL failure, if it has one (by SQLSTATE).
fn contract_error(e: &postgres::Error) -> Option<StorageError> {
    use postgres::error::SqlState;
    let code = e.code()?;
    if *code == SqlState::DISK_FULL || *code == SqlState::OUT_OF_MEMORY {
        Some(StorageError::Full)
    } else if *code == SqlState::READ_ONLY_SQL_TRANSACTION {
        Some(StorageError::ReadOnly)
    } else if *code == SqlState::T_R_SERIALIZATION_FAILURE
        || *code == SqlState::T_R_DEADLOCK_DETECTED
        || *code == SqlState::LOCK_NOT_AVAILABLE
        || *code == SqlState::TOO_MANY_CONNECTIONS
    {
        Some(StorageError::Busy)
    } else if *code == SqlState::QUERY_CANCELED {
        Some(StorageError::Interrupted)
    } else {
        None
    }
}

impl From<PgError> for StorageError {
    fn from(e: PgError) -> StorageError {
        match e {
            PgError::Storage(e) => e,
            PgError::Database(e) => StorageError::Backend(Box::new(e)),
            PgError::Convert(e) => StorageError::Backend(e),
            PgError::WriterStopped(why) => StorageError::WriterStopped(why),
            PgError::Migrate(e) => StorageError::Migrate(Box::new(e)),
        }
    }
}
