//! One write transaction's state, shared by the modules that write an article's rows
//! (`write`), resolve its names (`resolve`), settle regional seats (`seats`) and link its
//! claims into facts (`link`); each adds its own `impl Writer` and none imports another.

use std::collections::{HashMap, HashSet};

use claimgraph_graph::facts::TokenIndex;
use claimgraph_graph::resolve::ArticleOrgs;
use claimgraph_model::EntityKind;
use postgres::types::ToSql;
use postgres::{GenericClient, Row, Statement, Transaction};

use crate::{Id, PgError};

/// A statement's parameter.
pub(crate) type Param<'a> = &'a (dyn ToSql + Sync);

/// One write transaction, with the entity ids it has already resolved.
pub(crate) struct Writer<'c> {
    pub(crate) tx: Transaction<'c>,
    /// Stored claims by comparison token, for corroboration.
    pub(crate) index: &'c mut TokenIndex,
    pub(crate) entities: HashMap<(EntityKind, String), Id>,
    /// (entity, role) pairs already written in this transaction.
    pub(crate) roles: HashSet<(Id, String)>,
    /// Organisations of the current article by key without country (see `note_org`).
    pub(crate) article_orgs: ArticleOrgs,
    /// Place keys known to be named without doubt (see `seats`).
    pub(crate) named: HashSet<String>,
    /// Place keys found not named, until this writer names them (see `seats`).
    pub(crate) unnamed: HashSet<String>,
    /// Of those named, the ones the current article names first, to settle at its end.
    pub(crate) newly_named: Vec<String>,
    /// (entity, alias) pairs already written in this transaction.
    pub(crate) aliases: HashSet<(Id, String)>,
    /// The statements this transaction prepared, to run again (see [`Statements`]).
    pub(crate) statements: Statements,
}

impl<'c> Writer<'c> {
    /// A writer on `tx`, having resolved nothing yet.
    pub(crate) fn new(tx: Transaction<'c>, index: &'c mut TokenIndex) -> Writer<'c> {
        Writer {
            tx,
            index,
            entities: HashMap::new(),
            roles: HashSet::new(),
            article_orgs: ArticleOrgs::default(),
            named: HashSet::new(),
            unnamed: HashSet::new(),
            newly_named: Vec::new(),
            aliases: HashSet::new(),
            statements: Statements::default(),
        }
    }

    /// `sql` prepared on this transaction's connection, once per transaction.
    pub(crate) fn prepared(&mut self, sql: &'static str) -> Result<Statement, PgError> {
        self.statements.get(&mut self.tx, sql)
    }

    /// The rows `sql` gives, prepared once per transaction (SQL text given to the
    /// postgres crate is prepared again on every call, a round trip of its own).
    pub(crate) fn query(
        &mut self,
        sql: &'static str,
        params: &[Param],
    ) -> Result<Vec<Row>, PgError> {
        let stmt = self.prepared(sql)?;
        Ok(self.tx.query(&stmt, params)?)
    }

    /// The row `sql` gives, if any, prepared once per transaction.
    pub(crate) fn query_opt(
        &mut self,
        sql: &'static str,
        params: &[Param],
    ) -> Result<Option<Row>, PgError> {
        let stmt = self.prepared(sql)?;
        Ok(self.tx.query_opt(&stmt, params)?)
    }

    /// The one row `sql` gives, prepared once per transaction.
    pub(crate) fn query_one(
        &mut self,
        sql: &'static str,
        params: &[Param],
    ) -> Result<Row, PgError> {
        let stmt = self.prepared(sql)?;
        Ok(self.tx.query_one(&stmt, params)?)
    }

    /// Runs `sql`, prepared once per transaction, and gives the rows it changed.
    pub(crate) fn execute(&mut self, sql: &'static str, params: &[Param]) -> Result<u64, PgError> {
        let stmt = self.prepared(sql)?;
        Ok(self.tx.execute(&stmt, params)?)
    }
}

/// Statements prepared once and run many times, by their SQL: given SQL text, the
/// postgres crate prepares it again on every call, a round trip of its own, and a batch
/// runs the same few statements thousands of times (SQLite's `prepare_cached`).
#[derive(Default)]
pub(crate) struct Statements(HashMap<&'static str, Statement>);

impl Statements {
    /// `sql` prepared on `client`'s connection, prepared now if it was not yet.
    pub(crate) fn get(
        &mut self,
        client: &mut impl GenericClient,
        sql: &'static str,
    ) -> Result<Statement, PgError> {
        if let Some(statement) = self.0.get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql)?;
        self.0.insert(sql, statement.clone());
        Ok(statement)
    }
}
