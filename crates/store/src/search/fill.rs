//! Filling the claim search indexes (`claims_fts`, `claims_words`) with the claims a write
//! transaction added, once, just before it commits.
//!
//! Per-claim triggers made FTS5 write a segment per claim (it flushes at every statement
//! savepoint of the transaction) and merge them again; one `INSERT … SELECT` per index per
//! transaction is one flush (migration `…_search_per_transaction.sql`). Claim ids only grow
//! (claims are never deleted but with their article, and never the newest alone), so the
//! claims still to index are those above the recorded `upto`.

use rusqlite::Connection;

/// Indexes the claims stored above `search_indexed.upto` in both search indexes and moves
/// `upto` past them. Call it in the transaction that wrote them, before committing.
pub(crate) fn index_new_claims(conn: &Connection) -> rusqlite::Result<()> {
    let upto: i64 = conn
        .prepare_cached("SELECT upto FROM search_indexed")?
        .query_row([], |r| r.get(0))?;
    let newest: Option<i64> = conn
        .prepare_cached("SELECT MAX(id) FROM claims")?
        .query_row([], |r| r.get(0))?;
    let Some(newest) = newest.filter(|n| *n > upto) else {
        return Ok(());
    };
    conn.prepare_cached(
        "INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims WHERE id > ?1",
    )?
    .execute([upto])?;
    conn.prepare_cached(
        "INSERT INTO claims_words (rowid, text) SELECT id, text FROM claims WHERE id > ?1",
    )?
    .execute([upto])?;
    conn.prepare_cached("UPDATE search_indexed SET upto = ?1")?
        .execute([newest])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::{apply, run, LEDGER, MIGRATIONS};

    fn claim(conn: &Connection, id: i64, text: &str) {
        conn.execute(
            "INSERT INTO claims (id, article_id, kind, text, start, \"end\")
             VALUES (?1, 1, 'statement', ?2, 0, 1)",
            rusqlite::params![id, text],
        )
        .expect("claim");
    }

    fn article(conn: &Connection) {
        conn.execute(
            "INSERT INTO articles (id, content_hash, text) VALUES (1, 'h', 'text')",
            [],
        )
        .expect("article");
    }

    /// Claim ids that `claims_fts` and `claims_words` each find for `word`.
    fn found(conn: &Connection, word: &str) -> (Vec<i64>, Vec<i64>) {
        let ids = |table: &str| -> Vec<i64> {
            let sql = format!("SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid");
            let mut stmt = conn.prepare(&sql).expect("search");
            let rows = stmt.query_map([word], |r| r.get(0)).expect("rows");
            rows.map(|r| r.expect("row")).collect()
        };
        (ids("claims_fts"), ids("claims_words"))
    }

    fn intact(conn: &Connection) {
        for table in ["claims_fts", "claims_words"] {
            conn.execute(
                &format!("INSERT INTO {table} ({table}) VALUES ('integrity-check')"),
                [],
            )
            .unwrap_or_else(|e| panic!("{table} corrupt: {e}"));
        }
    }

    #[test]
    fn new_claims_are_searchable_once_indexed_and_indexed_once() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        run(&mut conn).expect("migrate");
        article(&conn);
        claim(&conn, 1, "the ferry resumed service");
        claim(&conn, 2, "ferry fares rose");
        assert_eq!(found(&conn, "ferry"), (vec![], vec![]));
        index_new_claims(&conn).expect("index");
        assert_eq!(found(&conn, "ferry"), (vec![1, 2], vec![1, 2]));
        index_new_claims(&conn).expect("again");
        claim(&conn, 3, "a second ferry");
        index_new_claims(&conn).expect("the third");
        assert_eq!(found(&conn, "ferry"), (vec![1, 2, 3], vec![1, 2, 3]));
        intact(&conn);
    }

    #[test]
    fn a_claim_gone_before_it_was_indexed_leaves_the_indexes_intact() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        run(&mut conn).expect("migrate");
        article(&conn);
        claim(&conn, 1, "the bridge reopened");
        index_new_claims(&conn).expect("index");
        claim(&conn, 2, "the bridge closed again");
        conn.execute(
            "UPDATE claims SET text = 'the tunnel closed' WHERE id = 2",
            [],
        )
        .expect("edit");
        conn.execute("DELETE FROM claims WHERE id = 2", [])
            .expect("delete");
        intact(&conn);
        conn.execute(
            "UPDATE claims SET text = 'the tunnel reopened' WHERE id = 1",
            [],
        )
        .expect("edit an indexed claim");
        assert_eq!(found(&conn, "tunnel"), (vec![1], vec![1]));
        assert_eq!(found(&conn, "bridge"), (vec![], vec![]));
        intact(&conn);
    }

    #[test]
    fn claims_stored_before_the_migration_stay_searchable() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch(LEDGER).expect("ledger");
        let this = MIGRATIONS
            .iter()
            .position(|m| m.description == "search per transaction")
            .expect("this migration");
        for m in &MIGRATIONS[..this] {
            apply(&mut conn, m).expect("earlier migration");
        }
        article(&conn);
        claim(&conn, 7, "the harbour froze");
        run(&mut conn).expect("this migration and later ones");
        index_new_claims(&conn).expect("index");
        assert_eq!(found(&conn, "harbour"), (vec![7], vec![7]));
        intact(&conn);
    }
}
