use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::{ClaimSort, StorageError};

/// The list a cursor pages through: a cursor is valid only in the list, and for claims the
/// order, that issued it, so a claims cursor handed to `/v1/articles` or a corroboration
/// cursor handed to a relevance search is refused instead of read as a position in the
/// wrong list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Articles,
    Claims(ClaimSort),
    Entities,
    Facts,
    Mentions,
    Curations,
    Merges,
}

impl Listing {
    /// Every listing, for decoding by name.
    const ALL: [Listing; 11] = [
        Listing::Articles,
        Listing::Claims(ClaimSort::Stored),
        Listing::Claims(ClaimSort::DateAsc),
        Listing::Claims(ClaimSort::DateDesc),
        Listing::Claims(ClaimSort::Relevance),
        Listing::Claims(ClaimSort::Corroboration),
        Listing::Entities,
        Listing::Facts,
        Listing::Mentions,
        Listing::Curations,
        Listing::Merges,
    ];

    fn name(self) -> &'static str {
        match self {
            Listing::Articles => "articles",
            Listing::Claims(ClaimSort::Stored) => "claims",
            Listing::Claims(ClaimSort::DateAsc) => "claims-date",
            Listing::Claims(ClaimSort::DateDesc) => "claims-newest",
            Listing::Claims(ClaimSort::Relevance) => "claims-relevance",
            Listing::Claims(ClaimSort::Corroboration) => "claims-corroboration",
            Listing::Entities => "entities",
            Listing::Facts => "facts",
            Listing::Mentions => "mentions",
            Listing::Curations => "curations",
            Listing::Merges => "merges",
        }
    }
}

/// An opaque pagination token: a position in one listing. Clients get it as a string and
/// hand it back unchanged; the encoding is ours to change, so it is versioned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cursor {
    listing: Listing,
    at: Position,
}

/// Where in its list a cursor points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Position {
    /// Keyset position: the last id of the previous page.
    After(i64),
    /// For ranked lists (search) where ids are not ordered: rows already returned.
    Offset(i64),
    /// Keyset position in a list sorted by date: the last row's date key (milliseconds
    /// since 1970) and id, and the direction, so a cursor cannot cross sorts.
    Dated {
        key: i64,
        id: i64,
        newest_first: bool,
    },
    /// Keyset position in a list ranked by full-text relevance: the last row's bm25 score
    /// and id. Scores round-trip exactly (shortest decimal form of the f64).
    Ranked { score: f64, id: i64 },
}

impl Cursor {
    pub fn new(listing: Listing, at: Position) -> Cursor {
        Cursor { listing, at }
    }

    pub fn encode(&self) -> String {
        let at = match self.at {
            Position::After(id) => format!("a:{id}"),
            Position::Offset(n) => format!("o:{n}"),
            Position::Dated {
                key,
                id,
                newest_first,
            } => format!("{}:{key}:{id}", if newest_first { "n" } else { "d" }),
            Position::Ranked { score, id } => format!("r:{score:?}:{id}"),
        };
        URL_SAFE_NO_PAD.encode(format!("v2:{}:{at}", self.listing.name()))
    }

    pub fn decode(s: &str) -> Result<Cursor, StorageError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(s.trim())
            .map_err(|_| StorageError::InvalidCursor)?;
        let raw = std::str::from_utf8(&bytes).map_err(|_| StorageError::InvalidCursor)?;
        let (name, at) = raw
            .strip_prefix("v2:")
            .and_then(|r| r.split_once(':'))
            .ok_or(StorageError::InvalidCursor)?;
        let listing = Listing::ALL
            .into_iter()
            .find(|l| l.name() == name)
            .ok_or(StorageError::InvalidCursor)?;
        Ok(Cursor {
            listing,
            at: Position::decode(at)?,
        })
    }

    /// The position of a cursor issued by `listing`; a cursor of another list or order is
    /// [`StorageError::InvalidCursor`].
    pub fn position(
        cursor: Option<Cursor>,
        listing: Listing,
    ) -> Result<Option<Position>, StorageError> {
        match cursor {
            None => Ok(None),
            Some(c) if c.listing == listing => Ok(Some(c.at)),
            Some(_) => Err(StorageError::InvalidCursor),
        }
    }

    /// The id a keyset cursor of `listing` stopped at.
    pub fn after_id(cursor: Option<Cursor>, listing: Listing) -> Result<Option<i64>, StorageError> {
        match Cursor::position(cursor, listing)? {
            None => Ok(None),
            Some(Position::After(id)) => Ok(Some(id)),
            Some(_) => Err(StorageError::InvalidCursor),
        }
    }

    /// The rows an offset cursor of `listing` has already handed out.
    pub fn offset(cursor: Option<Cursor>, listing: Listing) -> Result<i64, StorageError> {
        match Cursor::position(cursor, listing)? {
            None => Ok(0),
            Some(Position::Offset(n)) => Ok(n),
            Some(_) => Err(StorageError::InvalidCursor),
        }
    }
}

impl Position {
    fn decode(raw: &str) -> Result<Position, StorageError> {
        let (tag, n) = raw.split_once(':').ok_or(StorageError::InvalidCursor)?;
        if let Some(newest_first) = match tag {
            "d" => Some(false),
            "n" => Some(true),
            _ => None,
        } {
            let (key, id) = n.split_once(':').ok_or(StorageError::InvalidCursor)?;
            return Ok(Position::Dated {
                key: key.parse().map_err(|_| StorageError::InvalidCursor)?,
                id: positive(id)?,
                newest_first,
            });
        }
        if tag == "r" {
            let (score, id) = n.split_once(':').ok_or(StorageError::InvalidCursor)?;
            let score: f64 = score.parse().map_err(|_| StorageError::InvalidCursor)?;
            if !score.is_finite() {
                return Err(StorageError::InvalidCursor);
            }
            return Ok(Position::Ranked {
                score,
                id: positive(id)?,
            });
        }
        let n: i64 = n.parse().map_err(|_| StorageError::InvalidCursor)?;
        if n < 0 {
            return Err(StorageError::InvalidCursor);
        }
        match tag {
            "a" => Ok(Position::After(n)),
            "o" => Ok(Position::Offset(n)),
            _ => Err(StorageError::InvalidCursor),
        }
    }
}

/// An id inside a cursor: a non-negative integer.
fn positive(s: &str) -> Result<i64, StorageError> {
    match s.parse::<i64>() {
        Ok(n) if n >= 0 => Ok(n),
        _ => Err(StorageError::InvalidCursor),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for (listing, at) in [
            (Listing::Articles, Position::After(0)),
            (Listing::Merges, Position::After(42)),
            (Listing::Entities, Position::Offset(500)),
            (
                Listing::Claims(ClaimSort::DateDesc),
                Position::Dated {
                    key: -86_400_000,
                    id: 7,
                    newest_first: true,
                },
            ),
            (
                Listing::Claims(ClaimSort::DateAsc),
                Position::Dated {
                    key: 1_767_225_600_000,
                    id: 9,
                    newest_first: false,
                },
            ),
            (
                Listing::Claims(ClaimSort::Relevance),
                Position::Ranked {
                    score: -1.234_567_890_123_456_7e-6,
                    id: 3,
                },
            ),
        ] {
            let c = Cursor::new(listing, at);
            let back = Cursor::decode(&c.encode()).ok();
            assert_eq!(back, Some(c));
            assert_eq!(Cursor::position(back, listing).ok(), Some(Some(at)));
        }
    }

    #[test]
    fn a_cursor_is_refused_by_another_list_or_order() {
        let cases = [
            (
                Cursor::new(Listing::Claims(ClaimSort::Stored), Position::After(3)),
                Listing::Articles,
            ),
            (
                Cursor::new(Listing::Entities, Position::Offset(50)),
                Listing::Facts,
            ),
            (
                Cursor::new(
                    Listing::Claims(ClaimSort::Corroboration),
                    Position::Ranked { score: 2.0, id: 4 },
                ),
                Listing::Claims(ClaimSort::Relevance),
            ),
            (
                Cursor::new(Listing::Curations, Position::After(9)),
                Listing::Merges,
            ),
        ];
        for (cursor, other) in cases {
            let decoded = Cursor::decode(&cursor.encode()).ok();
            assert!(
                matches!(
                    Cursor::position(decoded, other),
                    Err(StorageError::InvalidCursor)
                ),
                "{cursor:?} in {other:?}"
            );
        }
    }

    #[test]
    fn rejects_foreign_strings() {
        for bad in [
            "",
            "42",
            "%%%",
            "djE6eDox",
            &URL_SAFE_NO_PAD.encode("v1:a:3"),
            &URL_SAFE_NO_PAD.encode("v2:articles:a:-3"),
            &URL_SAFE_NO_PAD.encode("v2:nowhere:a:3"),
            &URL_SAFE_NO_PAD.encode("v2:claims-relevance:r:NaN:3"),
            &URL_SAFE_NO_PAD.encode("v2:claims-relevance:r:-1.5"),
            &URL_SAFE_NO_PAD.encode("v2:claims-date:d:12:-1"),
            &URL_SAFE_NO_PAD.encode("v2:claims-newest:n:x:1"),
        ] {
            assert!(
                matches!(Cursor::decode(bad), Err(StorageError::InvalidCursor)),
                "{bad}"
            );
        }
    }
}
