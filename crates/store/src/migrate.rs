//! The schema's migrations (`migrations/`, embedded at build time), applied in order at
//! every start and by `claimgraph migrate`.
//!
//! They are recorded as sqlx's migrator recorded them (its `_sqlx_migrations` table: the
//! same columns, descriptions and SHA-384 checksums of each file), so a database an earlier
//! release created carries on, and a release that went back to sqlx would too. As there: a
//! migration is applied in its own transaction; an applied migration whose file changed, or
//! that this build does not know, stops the start instead of guessing.

use std::collections::HashSet;
use std::sync::LazyLock;
use std::time::Instant;

use rusqlite::Connection;
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
        source: rusqlite::Error,
    },
    #[error("reading the applied migrations: {0}")]
    Ledger(#[from] rusqlite::Error),
}

impl MigrateError {
    /// The SQLite error behind this failure, if SQLite failed.
    pub(crate) fn sqlite(&self) -> Option<&rusqlite::Error> {
        match self {
            MigrateError::Execute { source, .. } => Some(source),
            MigrateError::Ledger(e) => Some(e),
            _ => None,
        }
    }
}

/// One migration file.
#[derive(Debug)]
pub(crate) struct Migration {
    pub(crate) version: i64,
    /// The file name after the version, `_` read as a space (as sqlx names it).
    pub(crate) description: String,
    pub(crate) sql: &'static str,
    pub(crate) checksum: Vec<u8>,
}

macro_rules! migrations {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../../../migrations/", $file)))),*]
    };
}

/// Every migration file, in order; a test checks the list against the folder.
const FILES: &[(&str, &str)] = migrations![
    "20261122000001_init.sql",
    "20261122000002_places.sql",
    "20261122000003_entities.sql",
    "20261122000004_number_base.sql",
    "20261122000005_claims_fts.sql",
    "20261122000006_seat_readings.sql",
    "20261122000007_claim_links.sql",
    "20261122000008_graph_changes.sql",
    "20261122000010_claim_signatures.sql",
    "20261122000011_read_paths.sql",
    "20261122000012_drop_term_index.sql",
    "20261122000013_fact_rank.sql",
    "20261122000014_article_heads.sql",
    "20261122000015_claims_words.sql",
    "20261122000016_claim_fact_changes.sql",
    "20261122000017_claim_number_filters.sql",
    "20261202000001_curation.sql",
    "20261203000001_publications.sql",
    "20261205000001_search_per_transaction.sql",
    "20261205000002_org_keys_affairs.sql",
    "20261207000001_corroboration_by_fact.sql",
];

/// The migrations of [`FILES`], parsed once.
pub(crate) static MIGRATIONS: LazyLock<Vec<Migration>> =
    LazyLock::new(|| FILES.iter().filter_map(|(f, sql)| parse(f, sql)).collect());

/// A migration of file `name` (`<version>_<description>.sql`) with text `sql`.
fn parse(name: &str, sql: &'static str) -> Option<Migration> {
    let (version, rest) = name.split_once('_')?;
    Some(Migration {
        version: version.parse().ok()?,
        description: rest.strip_suffix(".sql")?.replace('_', " "),
        sql,
        checksum: Sha384::digest(sql.as_bytes()).to_vec(),
    })
}

pub(crate) const LEDGER: &str = "CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    success BOOLEAN NOT NULL,
    checksum BLOB NOT NULL,
    execution_time BIGINT NOT NULL
)";

/// Applies the migrations `conn`'s database lacks; returns how many it applied.
pub(crate) fn run(conn: &mut Connection) -> Result<usize, MigrateError> {
    conn.execute_batch(LEDGER)?;
    let done = check_applied(conn)?;
    let mut applied = 0;
    for m in MIGRATIONS.iter().filter(|m| !done.contains(&m.version)) {
        apply(conn, m)?;
        applied += 1;
    }
    Ok(applied)
}

/// The versions the database has applied; refuses a database with a half-applied
/// migration, or one this build does not know or knows by another text.
fn check_applied(conn: &Connection) -> Result<HashSet<i64>, MigrateError> {
    let mut stmt =
        conn.prepare("SELECT version, success, checksum FROM _sqlx_migrations ORDER BY version")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, bool>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut done = HashSet::new();
    for row in rows {
        let (version, success, checksum) = row?;
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

/// Applies one migration and records it, in one transaction.
pub(crate) fn apply(conn: &mut Connection, m: &Migration) -> Result<(), MigrateError> {
    let started = Instant::now();
    let failed = |source| MigrateError::Execute {
        version: m.version,
        source,
    };
    let tx = conn.transaction().map_err(failed)?;
    tx.execute_batch(m.sql).map_err(failed)?;
    tx.execute(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (?1, ?2, TRUE, ?3, ?4)",
        (
            m.version,
            &m.description,
            &m.checksum,
            i64::try_from(started.elapsed().as_nanos()).unwrap_or(i64::MAX),
        ),
    )
    .map_err(failed)?;
    tx.commit().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_folder_is_listed_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations");
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
    fn names_and_checksums_are_the_ones_sqlx_recorded() {
        // as sqlx 0.8's migrator wrote them into databases of earlier releases
        let first = &MIGRATIONS[0];
        assert_eq!(first.version, 20261122000001);
        assert_eq!(first.description, "init");
        let hex: String = first.checksum[..8]
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        assert_eq!(hex, "CF6A9DAFCA5028C1");
        assert_eq!(MIGRATIONS[3].description, "number base");
    }

    #[test]
    fn a_second_run_applies_nothing_and_a_changed_file_is_refused() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        assert_eq!(run(&mut conn).expect("migrate"), MIGRATIONS.len());
        assert_eq!(run(&mut conn).expect("migrate again"), 0);
        conn.execute(
            "UPDATE _sqlx_migrations SET checksum = x'00' WHERE version = ?1",
            [MIGRATIONS[1].version],
        )
        .expect("tamper");
        assert!(
            matches!(run(&mut conn), Err(MigrateError::Changed(v)) if v == MIGRATIONS[1].version)
        );
    }

    #[test]
    fn unknown_and_half_applied_migrations_stop_the_start() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        run(&mut conn).expect("migrate");
        conn.execute(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (29990101000001, 'later', TRUE, x'00', 0)",
            [],
        )
        .expect("a newer release's row");
        assert!(matches!(
            run(&mut conn),
            Err(MigrateError::Unknown(29990101000001))
        ));
        conn.execute(
            "UPDATE _sqlx_migrations SET success = FALSE WHERE version = 29990101000001",
            [],
        )
        .expect("half applied");
        assert!(matches!(
            run(&mut conn),
            Err(MigrateError::Dirty(29990101000001))
        ));
    }
}
