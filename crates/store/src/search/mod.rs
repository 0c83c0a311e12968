//! Full-text search over claims (`GET /v1/claims?q=`): the user's query language read into a
//! [`Query`] ([`parse`]), its prefixes and names looked up in the store (`expand`), and the
//! result written out as an FTS5 expression ([`render`]) that SQLite runs on `claims_fts`.
//!
//! The user's text never reaches FTS5 as written: every word is quoted by [`render`], so a
//! query FTS5 would misread ("counter-offensive" as a column filter) or a message SQLite
//! would raise cannot happen, and what a query may cost is bounded here, before any lookup:
//! the limits below are the whole of it.

pub(crate) mod expand;
pub(crate) mod fill;
mod render;
#[cfg(test)]
mod tests;
