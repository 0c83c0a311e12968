//! A statement built a piece at a time with its `$n` parameters: claim lists (`read`)
//! and claim search (`search`) both add to one.

use std::fmt::Display;

use postgres::types::ToSql;

/// A value bound to a statement parameter; owned and sendable, so a built statement can
/// move to the blocking thread that runs it.
pub(crate) type Param = Box<dyn ToSql + Sync + Send>;

/// A statement built a piece at a time, with the values of its `$n` parameters in order.
#[derive(Debug, Default)]
pub(crate) struct QueryBuilder {
    sql: String,
    params: Vec<Param>,
}

impl QueryBuilder {
    pub(crate) fn new(sql: impl Into<String>) -> QueryBuilder {
        QueryBuilder {
            sql: sql.into(),
            params: Vec::new(),
        }
    }

    /// Appends SQL text.
    pub(crate) fn push(&mut self, sql: impl Display) -> &mut QueryBuilder {
        use std::fmt::Write;
        // writing to a String cannot fail
        let _ = write!(self.sql, "{sql}");
        self
    }

    /// Appends a parameter holding `value`.
    pub(crate) fn push_bind(
        &mut self,
        value: impl ToSql + Sync + Send + 'static,
    ) -> &mut QueryBuilder {
        let placeholder = self.bind(value);
        self.push(placeholder)
    }

    /// Adds a parameter holding `value` without writing it: its placeholder (`$n`), for
    /// SQL that names it inside a larger piece.
    pub(crate) fn bind(&mut self, value: impl ToSql + Sync + Send + 'static) -> String {
        self.params.push(Box::new(value));
        format!("${}", self.params.len())
    }

    /// The statement's text.
    pub(crate) fn sql(&self) -> &str {
        &self.sql
    }

    /// The statement's parameters, in order.
    pub(crate) fn params(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.params
            .iter()
            .map(|p| p.as_ref() as &(dyn ToSql + Sync))
            .collect()
    }
}
