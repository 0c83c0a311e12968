//! The PostgreSQL schema's migrations (`migrations/postgres/`, embedded at build time),
//! applied in order at every start and by `claimgraph migrate`, recorded in sqlx's
//! `_sqlx_migrations` ledger (same columns, descriptions and SHA-384 checksums) as the
//! SQLite store records its own. Each runs in its own transaction, under an advisory lock
//! so that replicas starting together apply it once.

use std::collections::HashSet;
use std::sync::LazyLock;
use std::time::Instant;

use postgres::GenericClient;
use sha2::{Digest, Sha384};
use thiserror::Error;

/// Why the schema could not be brought up to date.
#[derive(Debug, Error)]
pub enum MigrateError {
    #[error("migration {0} was left half applied; restore a backup")]
    Dirty(i64),
    #[error(
        "migration {0} is applied but unknown to this build (a newer release made the database)"
    )]
    Unknown(i64),
    #[error("migration {0} changed after it was applied")]
    Changed(i64),
    #[error("migration {version} failed: {source}")]
    Execute {
        version: i64,
        source: postgres::Error,
    },
    #[error("reading the applied migrations: {0}")]
    Ledger(#[from] postgres::Error),
}

/// One migration file.
#[derive(Debug)]
struct Migration {
    version: i64,
    /// The file name after the version, `_` read as a space (as sqlx names it).
    description: String,
    sql: &'static str,
    checksum: Vec<u8>,
}

macro_rules! migrations {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../../../migrations/postgres/", $file)))),*]
    };
}

/// Every migration file, in order; a test checks the list against the folder.
const FILES: &[(&str, &str)] = migrations![
    "20261206000001_schema.sql",
    "20261207000001_corroboration_by_fact.sql",
];

static MIGRATIONS: LazyLock<Vec<Migration>> =
    LazyLock::new(|| FILES.iter().filter_map(|(f, sql)| parse(f, sql)).collect());

fn parse(name: &str, sql: &'static str) -> Option<Migration> {
    let (version, rest) = name.split_once('_')?;
    Some(Migration {
        version: version.parse().ok()?,
        description: rest.strip_suffix(".sql")?.replace('_', " "),
        sql,
        checksum: Sha384::digest(sql.as_bytes()).to_vec(),
    })
}

const LEDGER: &str = "CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
    success BOOLEAN NOT NULL,
    checksum BYTEA NOT NULL,
    execution_time BIGINT NOT NULL
)";

/// The advisory lock key migrations hold (sqlx takes one per database too).
const MIGRATION_LOCK: i64 = 0x636c_6169_6d67_7270;

/// Applies the migrations not yet applied; returns how many ran.
pub(crate) fn run(client: &mut postgres::Client) -> Result<usize, MigrateError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(LEDGER)?;
    let done = check_applied(&mut tx)?;
    let mut applied = 0;
    for m in MIGRATIONS.iter().filter(|m| !done.contains(&m.version)) {
        apply(&mut tx, m)?;
        applied += 1;
    }
    tx.commit()?;
    Ok(applied)
}

fn check_applied(client: &mut impl GenericClient) -> Result<HashSet<i64>, MigrateError> {
    let rows = client.query(
        "SELECT version, success, checksum FROM _sqlx_migrations ORDER BY version",
        &[],
    )?;
    let mut done = HashSet::new();
    for row in rows {
        let (version, success, checksum): (i64, bool, Vec<u8>) =
            (row.get(0), row.get(1), row.get(2));
        if !success {
            return Err(MigrateError::Dirty(version));
        }
        match MIGRATIONS.iter().find(|m| m.version == version) {
            None => return Err(MigrateError::Unknown(version)),
            Some(m) if m.checksum != checksum => return Err(MigrateError::Changed(version)),
            Some(_) => {}
        }
        done.insert(version);
    }
    Ok(done)
}

/// One migration and its ledger row, in a savepoint of the caller's transaction.
fn apply(tx: &mut postgres::Transaction<'_>, m: &Migration) -> Result<(), MigrateError> {
    let started = Instant::now();
    let failed = |source| MigrateError::Execute {
        version: m.version,
        source,
    };
    let mut sp = tx.transaction().map_err(failed)?;
    sp.batch_execute(m.sql).map_err(failed)?;
    let elapsed = i64::try_from(started.elapsed().as_nanos()).unwrap_or(i64::MAX);
    sp.execute(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES ($1, $2, TRUE, $3, $4)",
        &[&m.version, &m.description, &m.checksum, &elapsed],
    )
    .map_err(failed)?;
    sp.commit().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_folder_is_listed_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations/postgres");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|f| f.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = FILES.iter().map(|(f, _)| *f).collect();
        assert_eq!(listed, files);
        assert_eq!(MIGRATIONS.len(), FILES.len(), "a file name did not parse");
    }

    #[test]
    fn migrations_apply_once() {
        let Some(db) = crate::testing::TestDb::create("migrations_apply_once") else {
            return;
        };
        let mut client = db.client().expect("connect");
        assert_eq!(run(&mut client).expect("first run"), FILES.len());
        assert_eq!(run(&mut client).expect("second run"), 0);
        let tables: i64 = client
            .query_one(
                "SELECT count(*) FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_name = 'claims'",
                &[],
            )
            .expect("count")
            .get(0);
        assert_eq!(tables, 1);
    }
}
