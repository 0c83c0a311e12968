use thiserror::Error;

/// A backend's own error, kept as the source of [`StorageError::Backend`].
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Everything a `Storage` can fail with; the HTTP edge maps each variant
/// to one status code.
///
/// Failures an operator can act on (disk full, read-only file, lock held too long) have
/// their own variants, so callers answer them clearly instead of as a fault; what only
/// the backend understands is [`StorageError::Backend`].
#[derive(Debug, Error)]
pub enum StorageError {
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
    InvalidSearch(#[from] crate::search::SearchError),
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
    /// The database failed in a way the caller cannot act on (a fault, or the article
    /// being written when it did): the message says what the backend reported.
    #[error("database error: {0}")]
    Backend(#[source] BoxError),
    #[error("the writer stopped: {0}")]
    WriterStopped(String),
    #[error("migration failed: {0}")]
    Migrate(#[source] BoxError),
}
