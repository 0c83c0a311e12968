use thiserror::Error;

/// Everything the store can fail with; the HTTP edge maps each variant to one status code.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the article text is empty or only whitespace")]
    EmptyArticle,
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: i64 },
    #[error("the pagination cursor is not one this server issued")]
    InvalidCursor,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}
