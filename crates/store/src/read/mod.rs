//! The reads the API serves, one module per what they read; this module holds the page
//! type and the helpers they share (keyset pages, exact reals, JSON rows).

mod articles;
mod claims;
mod claims_query;
mod entities;
mod entity_search;
#[cfg(test)]
mod tests;

use crate::Page;
use crate::{Cursor, Id, Listing, Position, StoreError};

pub(crate) use articles::{article_row, ARTICLE_COLUMNS};
pub(crate) use entities::redirect_of;

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
            .map(|last| Cursor::new(listing, Position::After(id(last))))
    } else {
        None
    };
    Page { items, next }
}

/// SQL rendering REAL column `col` as text that parses back to the same `f64`: SQLite's
/// JSON keeps only 15 significant digits, 17 round-trip.
fn real_text(col: &str) -> String {
    format!("CASE WHEN {col} IS NULL THEN NULL ELSE printf('%!.17g', {col}) END")
}

/// A number [`real_text`] rendered.
fn real_of(text: &str) -> Result<f64, StoreError> {
    text.parse::<f64>()
        .map_err(|e| StoreError::Convert(Box::new(e)))
}

/// A nullable number [`real_text`] rendered.
fn real(text: Option<&str>) -> Result<Option<f64>, StoreError> {
    text.map(real_of).transpose()
}

/// Rows SQLite built as JSON, read back; a shape that does not fit is a decoding fault.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Convert(Box::new(e)))
}

/// A JSON array (of ids, strings or rows of them), bound as one parameter and unpacked
/// with `json_each`: one statement instead of one per item.
pub(crate) fn json_array<T: serde::Serialize + ?Sized>(items: &T) -> String {
    // ids, numbers and strings always serialise
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}
