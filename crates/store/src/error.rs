use thiserror::Error;

/// Everything the store can fail with; the HTTP edge maps each variant to one status code.
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
    #[error("the alias has no letter or digit")]
    EmptyAlias,
    #[error("the pagination cursor is not one this server issued")]
    InvalidCursor,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}
