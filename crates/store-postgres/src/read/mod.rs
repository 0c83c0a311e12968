//! The reads the API serves, one module per what they read; this module holds the page
//! type and the helpers they share (keyset pages, JSON rows).

mod articles;
mod claims;
mod claims_query;
#[cfg(test)]
mod claims_tests;
mod entities;
mod entity_search;

pub(crate) use articles::{article_row, ARTICLE_COLUMNS};
pub(crate) use entities::redirect_of;

use crate::Page;
use crate::{Cursor, Id, Listing, PgError};

/// Cuts a fetched `limit + 1` rows down to `limit` and says where the next page starts.
pub(crate) fn keyset_page<T>(
    mut items: Vec<T>,
    limit: i64,
    listing: Listing,
    id: impl Fn(&T) -> Id,
) -> Page<T> {
    let next = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items
            .last()
            .map(|last| Cursor::new(listing, crate::Position::After(id(last))))
    } else {
        None
    };
    Page { items, next }
}

/// Rows PostgreSQL built as JSON (`json_agg(...)::text`), read back; a shape that does not
/// fit is a decoding fault.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, PgError> {
    serde_json::from_str(json).map_err(|e| PgError::Convert(Box::new(e)))
}
