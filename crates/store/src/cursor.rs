use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::StoreError;

/// An opaque pagination position. Clients get it as a string and hand it back unchanged;
/// the encoding is ours to change, so it is versioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// Keyset position: the last id of the previous page.
    After(i64),
    /// For ranked lists (search) where ids are not ordered: rows already returned.
    Offset(i64),
}

impl Cursor {
    pub fn encode(&self) -> String {
        let raw = match self {
            Cursor::After(id) => format!("v1:a:{id}"),
            Cursor::Offset(n) => format!("v1:o:{n}"),
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
            Some(Cursor::Offset(_)) => Err(StoreError::InvalidCursor),
        }
    }

    pub fn offset(cursor: Option<Cursor>) -> Result<i64, StoreError> {
        match cursor {
            None => Ok(0),
            Some(Cursor::Offset(n)) => Ok(n),
            Some(Cursor::After(_)) => Err(StoreError::InvalidCursor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for c in [Cursor::After(0), Cursor::After(42), Cursor::Offset(500)] {
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
        ] {
            assert!(
                matches!(Cursor::decode(bad), Err(StoreError::InvalidCursor)),
                "{bad}"
            );
        }
    }
}
