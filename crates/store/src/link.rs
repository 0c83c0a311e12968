//! The store's side of making facts: [`SqlFacts`] answers `claimgraph_graph::facts` (which
//! decides what is one fact and what conflicts) from the write transaction's tables, and
//! [`Writer::link_claims`] runs it for an article's new claims.

use claimgraph_model::FnvMap as HashMap;
use rusqlite::{Connection, OptionalExtension};

use crate::read::json_array;
use crate::writer::Writer;
use crate::{Id, StoreError};
use claimgraph_graph::corroborate::Signature;
use claimgraph_graph::facts::{self, FactStore, Link};

/// The claims and facts tables of one write transaction.
struct SqlFacts<'c> {
    conn: &'c Connection,
}

impl Writer<'_> {
    /// Links the claims just written for `article`, regroups the facts around them and
    /// indexes them for later articles.
    pub(crate) fn link_claims(
        &mut self,
        article: Id,
        claims: &[(Id, Signature)],
    ) -> Result<(), StoreError> {
        let mut store = SqlFacts { conn: self.conn };
        facts::link_claims(&mut store, self.index, article, claims)
    }
}

impl FactStore for SqlFacts<'_> {
    type Error = StoreError;

    fn signatures(&mut self, ids: &[Id]) -> Result<Vec<(Id, Id, Signature)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, article_id, signature FROM claims
             WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        let mut rows = stmt.query([json_array(ids)])?;
        let mut out = Vec::with_capacity(ids.len());
        while let Some(row) = rows.next()? {
            let stored: Option<String> = row.get(2)?;
            let signature = Signature::parse(stored.as_deref().unwrap_or_default());
            out.push((row.get(0)?, row.get(1)?, signature));
        }
        Ok(out)
    }

    fn fact_sizes(&mut self, facts: &[Id]) -> Result<HashMap<Id, usize>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT size FROM facts WHERE id = ?1")?;
        let mut out = HashMap::default();
        for fact in facts {
            let size: Option<i64> = stmt.query_row([fact], |r| r.get(0)).optional()?;
            if let Some(size) = size {
                out.insert(*fact, usize::try_from(size).unwrap_or(usize::MAX));
            }
        }
        Ok(out)
    }

    fn new_fact(&mut self) -> Result<Id, StoreError> {
        Ok(self
            .conn
            .prepare_cached("INSERT INTO facts (size) VALUES (0) RETURNING id")?
            .query_row([], |r| r.get(0))?)
    }

    /// One statement for the article's changes: a regrouped neighbourhood moves up to a
    /// few hundred claims, and a statement each was 8 % of the writer's time.
    fn set_facts(&mut self, changes: &[(Id, Option<Id>)]) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "UPDATE claims SET fact_id = c.value ->> '$[1]'
                 FROM json_each(?1) c WHERE claims.id = c.value ->> '$[0]'",
            )?
            .execute([json_array(changes)])?;
        Ok(())
    }

    fn facts_of(&mut self, ids: &[Id]) -> Result<HashMap<Id, Id>, StoreError> {
        let mut out = HashMap::default();
        if ids.is_empty() {
            return Ok(out);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, fact_id FROM claims
             WHERE id IN (SELECT value FROM json_each(?1)) AND fact_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([json_array(ids)])?;
        while let Some(row) = rows.next()? {
            out.insert(row.get(0)?, row.get(1)?);
        }
        Ok(out)
    }

    fn members_of(&mut self, facts: &[Id]) -> Result<HashMap<Id, Vec<Id>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM claims WHERE fact_id = ?1 ORDER BY id")?;
        let mut out = HashMap::default();
        for fact in facts {
            let ids = stmt
                .query_map([fact], |r| r.get(0))?
                .collect::<Result<Vec<Id>, _>>()?;
            out.insert(*fact, ids);
        }
        Ok(out)
    }

    fn resize_facts(&mut self, facts: &[Id]) -> Result<(), StoreError> {
        let mut resize = self.conn.prepare_cached(
            "UPDATE facts SET size = (SELECT count(*) FROM claims WHERE fact_id = ?1)
             WHERE id = ?1",
        )?;
        let mut delete = self
            .conn
            .prepare_cached("DELETE FROM facts WHERE id = ?1 AND size = 0")?;
        for fact in facts {
            resize.execute([fact])?;
            delete.execute([fact])?;
        }
        Ok(())
    }

    fn write_links(&mut self, links: &[Link]) -> Result<(), StoreError> {
        if links.is_empty() {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO claim_links (a, b, kind, score)
                 SELECT value ->> '$[0]', value ->> '$[1]', value ->> '$[2]', value ->> '$[3]'
                 FROM json_each(?1)",
            )?
            .execute([json_array(&links)])?;
        Ok(())
    }

    fn store_signatures(&mut self, claims: &[(Id, Signature)]) -> Result<(), StoreError> {
        let signatures: Vec<(Id, String)> =
            claims.iter().map(|(id, s)| (*id, s.stored())).collect();
        self.conn
            .prepare_cached(
                "UPDATE claims SET signature = s.value ->> '$[1]'
                 FROM json_each(?1) s WHERE claims.id = s.value ->> '$[0]'",
            )?
            .execute([json_array(&signatures)])?;
        Ok(())
    }
}
