//! Which database a command works on: a SQLite file (the embedded default: a path, or a
//! `sqlite://` URL) or a PostgreSQL server (`postgres://user@host/db`), and the few
//! operations the commands need beyond the storage contract the api uses.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::Context;
use claimgraph_store::{Store, StoreOptions};
use claimgraph_store_postgres::PgStore;

/// A `--db` value.
#[derive(Debug, Clone, PartialEq)]
pub enum DbTarget {
    /// A SQLite database file.
    File(PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

impl FromStr for DbTarget {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<DbTarget, Self::Err> {
        let lower = s.trim_start().to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return Ok(DbTarget::Postgres(s.trim().to_string()));
        }
        Ok(match s.strip_prefix("sqlite://") {
            Some(path) => DbTarget::File(PathBuf::from(path)),
            None => DbTarget::File(PathBuf::from(s)),
        })
    }
}

impl fmt::Display for DbTarget {
    /// The file's path, or the URL without its password (it goes to logs and messages).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbTarget::File(path) => write!(f, "{}", path.display()),
            DbTarget::Postgres(url) => f.write_str(&without_password(url)),
        }
    }
}

/// `postgres://user:secret@host/db` as `postgres://user:***@host/db`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{path}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl DbTarget {
    /// The SQLite file, or why a command that needs one cannot run on PostgreSQL.
    pub fn file(&self, command: &str, instead: &str) -> anyhow::Result<&Path> {
        match self {
            DbTarget::File(path) => Ok(path),
            DbTarget::Postgres(_) => {
                anyhow::bail!("`{command}` works on a SQLite file; on PostgreSQL {instead}")
            }
        }
    }
}

/// An open database of either kind.
#[derive(Debug, Clone)]
pub enum Database {
    Sqlite(Store),
    Postgres(PgStore),
}

impl Database {
    /// Opens (creating a SQLite file if needed) and applies pending migrations.
    pub async fn open(target: &DbTarget, options: StoreOptions) -> anyhow::Result<Database> {
        let opened = match target {
            DbTarget::File(path) => Store::open_with(path, options)
                .await
                .map(Database::Sqlite)
                .map_err(anyhow::Error::from),
            DbTarget::Postgres(url) => {
                if options.max_size_bytes.is_some() {
                    anyhow::bail!(
                        "--max-db-size caps a SQLite file; on PostgreSQL set the server's own \
                         limits (tablespace quotas, disk alerts)"
                    );
                }
                PgStore::open(url)
                    .await
                    .map(Database::Postgres)
                    .map_err(anyhow::Error::from)
            }
        };
        opened.with_context(|| format!("opening database {target}"))
    }

    /// Opens without migrating (the `migrate` command).
    pub async fn connect(target: &DbTarget) -> anyhow::Result<Database> {
        let connected = match target {
            DbTarget::File(path) => Store::connect(path)
                .await
                .map(Database::Sqlite)
                .map_err(anyhow::Error::from),
            DbTarget::Postgres(url) => PgStore::connect(url)
                .map(Database::Postgres)
                .map_err(anyhow::Error::from),
        };
        connected.with_context(|| format!("opening database {target}"))
    }

    pub async fn migrate(&self) -> anyhow::Result<usize> {
        Ok(match self {
            Database::Sqlite(s) => s.migrate().await?,
            Database::Postgres(p) => p.migrate().await?,
        })
    }

    /// How many entities are stored (the ingest summary's count of new ones).
    pub async fn count_entities(&self) -> anyhow::Result<i64> {
        Ok(match self {
            Database::Sqlite(s) => s.count_entities().await?,
            Database::Postgres(p) => p.count_entities().await?,
        })
    }

    /// Stores a batch of prepared articles in one transaction, each answered in order.
    pub async fn insert_batch(
        &self,
        articles: Vec<claimgraph_store::PreparedArticle>,
    ) -> anyhow::Result<Vec<claimgraph_store::Inserted>> {
        Ok(match self {
            Database::Sqlite(s) => s.insert_batch(articles).await?,
            Database::Postgres(p) => p.insert_batch(articles).await?,
        })
    }

    /// Builds the writer's claim index in the background (see `Store::warm_writer`).
    pub fn warm_writer(&self) {
        match self {
            Database::Sqlite(s) => s.warm_writer(),
            Database::Postgres(p) => p.warm_writer(),
        }
    }

    /// The storage contract the api and the bulk ingest write and read through.
    pub fn storage(&self) -> std::sync::Arc<dyn claimgraph_graph::storage::Storage> {
        match self {
            Database::Sqlite(s) => std::sync::Arc::new(s.clone()),
            Database::Postgres(p) => std::sync::Arc::new(p.clone()),
        }
    }

    /// Closes the connections, waiting for work in flight.
    pub async fn close(&self) {
        match self {
            Database::Sqlite(s) => s.close().await,
            Database::Postgres(p) => p.close().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        let cases = [
            ("./claimgraph.db", DbTarget::File("./claimgraph.db".into())),
            ("sqlite://data/g.db", DbTarget::File("data/g.db".into())),
            (
                "postgres://cg@db.local/graph",
                DbTarget::Postgres("postgres://cg@db.local/graph".into()),
            ),
            (
                "postgresql://cg@db.local:5433/graph",
                DbTarget::Postgres("postgresql://cg@db.local:5433/graph".into()),
            ),
            // a file whose name merely mentions postgres stays a file
            ("postgres.db", DbTarget::File("postgres.db".into())),
        ];
        for (arg, want) in cases {
            assert_eq!(arg.parse::<DbTarget>().ok(), Some(want), "{arg}");
        }
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        let target: DbTarget = "postgres://cg:s3cret@db.local/graph"
            .parse()
            .unwrap_or_else(|e| match e {});
        assert_eq!(target.to_string(), "postgres://cg:***@db.local/graph");
        let plain: DbTarget = "postgres://cg@db.local/graph"
            .parse()
            .unwrap_or_else(|e| match e {});
        assert_eq!(plain.to_string(), "postgres://cg@db.local/graph");
    }
}
