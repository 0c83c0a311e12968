//! One write transaction's state, shared by the modules that write an article's rows
//! (`write`), resolve its names (`resolve`), settle regional seats (`seats`) and link its
//! claims into facts (`link`); each adds its own `impl Writer` and none imports another.

use std::collections::{HashMap, HashSet};

use claimgraph_model::EntityKind;
use rusqlite::Connection;

use claimgraph_graph::resolve::ArticleOrgs;

use crate::Id;
use claimgraph_graph::facts::TokenIndex;

/// One write transaction, with the entity ids it has already resolved.
pub(crate) struct Writer<'c> {
    pub(crate) conn: &'c Connection,
    /// Stored claims by comparison token, for corroboration.
    pub(crate) index: &'c mut TokenIndex,
    pub(crate) entities: HashMap<(EntityKind, String), Id>,
    /// (entity, role) pairs already written in this transaction.
    pub(crate) roles: HashSet<(Id, String)>,
    /// Organisations of the current article by key without country (see `note_org`).
    pub(crate) article_orgs: ArticleOrgs,
    /// Place keys known to be named without doubt (see `seats`).
    pub(crate) named: HashSet<String>,
    /// Of those, the ones the current article names first, to settle at its end.
    pub(crate) newly_named: Vec<String>,
    /// (entity, alias) pairs already written in this transaction: a place named 30 times
    /// in a batch needs its spelling written once.
    pub(crate) aliases: HashSet<(Id, String)>,
}
