//! Full-text search over claims (`GET /v1/claims?q=`): the user's query language read into a
//! query (`claimgraph_graph::search`), its names looked up in the store and its phrases
//! normalised by PostgreSQL (`expand`), and the result written out as `tsquery` matches on
//! the claims' generated `search_stems` / `search_words` columns, scored as FTS5's bm25
//! scores (`render`).
//!
//! The user's text never reaches SQL or `tsquery` syntax as written: every lexeme is quoted
//! in a bound `tsquery` literal by `render`, so no input can make a statement fail, and
//! what a query may cost is bounded by the limits of `claimgraph_graph::search`, checked
//! before any lookup.

pub(crate) mod expand;
mod render;
#[cfg(test)]
mod tests;

pub(crate) use render::Search;
