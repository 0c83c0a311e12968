//! The store's side of making facts: [`SqlFacts`] answers `claimgraph_graph::facts` (which
//! decides what is one fact and what conflicts) from the write transaction's tables, and
//! [`Writer::link_claims`] runs it for an article's new claims.

use claimgraph_model::FnvMap as HashMap;
use postgres::{Statement, Transaction};

use crate::writer::{Statements, Writer};
use crate::{Id, PgError};
use claimgraph_graph::corroborate::Signature;
use claimgraph_graph::facts::{self, FactStore, Link};

/// The claims and facts tables of one write transaction.
struct SqlFacts<'a, 'c> {
    tx: &'a mut Transaction<'c>,
    statements: &'a mut Statements,
}

impl Writer<'_> {
    /// Links the claims just written for `article`, regroups the facts around them and
    /// indexes them for later articles.
    pub(crate) fn link_claims(
        &mut self,
        article: Id,
        claims: &[(Id, Signature)],
    ) -> Result<(), PgError> {
        let mut store = SqlFacts {
            tx: &mut self.tx,
            statements: &mut self.statements,
        };
        facts::link_claims(&mut store, self.index, article, claims)
    }
}

impl SqlFacts<'_, '_> {
    /// `sql` prepared on the transaction's connection, once per transaction.
    fn prepared(&mut self, sql: &'static str) -> Result<Statement, PgError> {
        self.statements.get(&mut *self.tx, sql)
    }
}

impl FactStore for SqlFacts<'_, '_> {
    type Error = PgError;

    fn signatures(&mut self, ids: &[Id]) -> Result<Vec<(Id, Id, Signature)>, PgError> {
        let stmt = self.prepared(
            "SELECT id, article_id, signature FROM claims WHERE id = ANY($1) ORDER BY id",
        )?;
        let rows = self.tx.query(&stmt, &[&ids])?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let stored: Option<&str> = row.try_get(2)?;
            let signature = Signature::parse(stored.unwrap_or_default());
            out.push((row.try_get(0)?, row.try_get(1)?, signature));
        }
        Ok(out)
    }

    fn fact_sizes(&mut self, facts: &[Id]) -> Result<HashMap<Id, usize>, PgError> {
        let mut out = HashMap::default();
        if facts.is_empty() {
            return Ok(out);
        }
        let stmt = self.prepared("SELECT id, size FROM facts WHERE id = ANY($1)")?;
        for row in self.tx.query(&stmt, &[&facts])? {
            let size: i64 = row.try_get(1)?;
            out.insert(row.try_get(0)?, usize::try_from(size).unwrap_or(usize::MAX));
        }
        Ok(out)
    }

    fn new_fact(&mut self) -> Result<Id, PgError> {
        let stmt = self.prepared("INSERT INTO facts (size) VALUES (0) RETURNING id")?;
        Ok(self.tx.query_one(&stmt, &[])?.try_get(0)?)
    }

    /// One statement; the claims' rows change in no promised order, which nothing
    /// depends on: the facts' article counts (a BEFORE trigger) come out the same in any
    /// order, and the change numbers only need to exceed those already committed.
    fn set_facts(&mut self, changes: &[(Id, Option<Id>)]) -> Result<(), PgError> {
        if changes.is_empty() {
            return Ok(());
        }
        let (claims, facts): (Vec<Id>, Vec<Option<Id>>) = changes.iter().copied().unzip();
        let stmt = self.prepared(
            "UPDATE claims SET fact_id = c.fact_id
             FROM unnest($1::bigint[], $2::bigint[]) AS c(id, fact_id)
             WHERE claims.id = c.id",
        )?;
        self.tx.execute(&stmt, &[&claims, &facts])?;
        Ok(())
    }

    fn facts_of(&mut self, ids: &[Id]) -> Result<HashMap<Id, Id>, PgError> {
        let mut out = HashMap::default();
        if ids.is_empty() {
            return Ok(out);
        }
        let stmt = self.prepared(
            "SELECT id, fact_id FROM claims WHERE id = ANY($1) AND fact_id IS NOT NULL",
        )?;
        for row in self.tx.query(&stmt, &[&ids])? {
            out.insert(row.try_get(0)?, row.try_get(1)?);
        }
        Ok(out)
    }

    fn members_of(&mut self, facts: &[Id]) -> Result<HashMap<Id, Vec<Id>>, PgError> {
        let mut out: HashMap<Id, Vec<Id>> = HashMap::default();
        if facts.is_empty() {
            return Ok(out);
        }
        let stmt = self.prepared(
            "SELECT fact_id, id FROM claims WHERE fact_id = ANY($1) ORDER BY fact_id, id",
        )?;
        for row in self.tx.query(&stmt, &[&facts])? {
            out.entry(row.try_get(0)?)
                .or_default()
                .push(row.try_get(1)?);
        }
        Ok(out)
    }

    fn resize_facts(&mut self, facts: &[Id]) -> Result<(), PgError> {
        if facts.is_empty() {
            return Ok(());
        }
        let resize = self.prepared(
            "UPDATE facts SET size = (SELECT count(*) FROM claims c WHERE c.fact_id = facts.id)
             WHERE id = ANY($1)",
        )?;
        self.tx.execute(&resize, &[&facts])?;
        let delete = self.prepared("DELETE FROM facts WHERE id = ANY($1) AND size = 0")?;
        self.tx.execute(&delete, &[&facts])?;
        Ok(())
    }

    fn write_links(&mut self, links: &[Link]) -> Result<(), PgError> {
        if links.is_empty() {
            return Ok(());
        }
        let a: Vec<Id> = links.iter().map(|l| l.0).collect();
        let b: Vec<Id> = links.iter().map(|l| l.1).collect();
        let kinds: Vec<&str> = links.iter().map(|l| l.2).collect();
        let scores: Vec<f64> = links.iter().map(|l| l.3).collect();
        // SQLite's INSERT OR IGNORE, id for id: in the order given, the first of links
        // given twice, none stored already (a row ON CONFLICT refuses still takes an id
        // from the sequence), none the table's CHECK refuses
        let stmt = self.prepared(
            "INSERT INTO claim_links (a, b, kind, score)
             SELECT a, b, kind, score FROM (
                 SELECT DISTINCT ON (l.a, l.b, l.kind) l.a, l.b, l.kind, l.score, l.n
                 FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::float8[])
                      WITH ORDINALITY AS l(a, b, kind, score, n)
                 WHERE l.a < l.b AND NOT EXISTS (
                     SELECT 1 FROM claim_links x
                     WHERE x.a = l.a AND x.b = l.b AND x.kind = l.kind)
                 ORDER BY l.a, l.b, l.kind, l.n) first
             ORDER BY n
             ON CONFLICT DO NOTHING",
        )?;
        self.tx.execute(&stmt, &[&a, &b, &kinds, &scores])?;
        Ok(())
    }

    /// Nothing to do: the writer, this store's only user, inserts each claim with its
    /// signature (`rows.rs`); an update here would only compare them again.
    fn store_signatures(&mut self, _claims: &[(Id, Signature)]) -> Result<(), PgError> {
        Ok(())
    }
}
