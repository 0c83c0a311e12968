use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::StoreError;

/// An opaque pagination position. Clients get it as a string and hand it back unchanged;
/// the encoding is ours to change, so it is versioned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cursor {
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
    pub fn encode(&self) -> String {
        let raw = match self {
            Cursor::After(id) => format!("v1:a:{id}"),
            Cursor::Offset(n) => format!("v1:o:{n}"),
            Cursor::Dated {
                key,
                id,
                newest_first,
            } => format!("v1:{}:{key}:{id}", if *newest_first { "n" } else { "d" }),
            Cursor::Ranked { score, id } => format!("v1:r:{score:?}:{id}"),
        };
        URL_SAFE_NO_PAD.encode(raw)
    }

    pub fn decode(s: &str) -> Result<Cursor, StoreError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(s.trim())
            .map_err(|_| StoreError::InvalidCursor)?;
        let raw = std::str::from_utf8(&bytes).map_err(|_| StoreError::InvalidCursor)?;
        let (tag, n) = raw
            .strip_prefix("v1:")
            .and_then(|r| r.split_once(':'))
            .ok_or(StoreError::InvalidCursor)?;
        if let Some(newest_first) = match tag {
            "d" => Some(false),
            "n" => Some(true),
            _ => None,
        } {
            let (key, id) = n.split_once(':').ok_or(StoreError::InvalidCursor)?;
            return Ok(Cursor::Dated {
                key: key.parse().map_err(|_| StoreError::InvalidCursor)?,
                id: positive(id)?,
                newest_first,
            });
        }
        if tag == "r" {
            let (score, id) = n.split_once(':').ok_or(StoreError::InvalidCursor)?;
            let score: f64 = score.parse().map_err(|_| StoreError::InvalidCursor)?;
            if !score.is_finite() {
                return Err(StoreError::InvalidCursor);
            }
            return Ok(Cursor::Ranked {
                score,
                id: positive(id)?,
            });
        }
        let n: i64 = n.parse().map_err(|_| StoreError::InvalidCursor)?;
        if n < 0 {
            return Err(StoreError::InvalidCursor);
        }
        match tag {
            "a" => Ok(Cursor::After(n)),
            "o" => Ok(Cursor::Offset(n)),
            _ => Err(StoreError::InvalidCursor),
        }
    }

    pub fn after_id(cursor: Option<Cursor>) -> Result<Option<i64>, StoreError> {
        match cursor {
            None => Ok(None),
            Some(Cursor::After(id)) => Ok(Some(id)),
            Some(_) => Err(StoreError::InvalidCursor),
        }
    }

    pub fn offset(cursor: Option<Cursor>) -> Result<i64, StoreError> {
        match cursor {
            None => Ok(0),
            Some(Cursor::Offset(n)) => Ok(n),
            Some(_) => Err(StoreError::InvalidCursor),
        }
    }
}

/// An id inside a cursor: a non-negative integer.
fn positive(s: &str) -> Result<i64, StoreError> {
    match s.parse::<i64>() {
        Ok(n) if n >= 0 => Ok(n),
        _ => Err(StoreError::InvalidCursor),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for c in [
            Cursor::After(0),
            Cursor::After(42),
            Cursor::Offset(500),
            Cursor::Dated {
                key: -86_400_000,
                id: 7,
                newest_first: true,
            },
            Cursor::Dated {
                key: 1_767_225_600_000,
                id: 9,
                newest_first: false,
            },
            Cursor::Ranked {
                score: -1.234_567_890_123_456_7e-6,
                id: 3,
            },
        ] {
            assert_eq!(Cursor::decode(&c.encode()).ok(), Some(c));
        }
    }

    #[test]
    fn rejects_foreign_strings() {
        for bad in [
            "",
            "42",
            "%%%",
            "djE6eDox",
            &URL_SAFE_NO_PAD.encode("v1:a:-3"),
            &URL_SAFE_NO_PAD.encode("v1:r:NaN:3"),
            &URL_SAFE_NO_PAD.encode("v1:r:-1.5"),
            &URL_SAFE_NO_PAD.encode("v1:d:12:-1"),
            &URL_SAFE_NO_PAD.encode("v1:n:x:1"),
        ] {
            assert!(
                matches!(Cursor::decode(bad), Err(StoreError::InvalidCursor)),
                "{bad}"
            );
        }
    }
}
