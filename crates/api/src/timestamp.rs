//! `published_at` and the `from`/`to` date bounds: real calendar dates and clock times, not
//! just their shape, so `2026-02-30` or `T25:00:00Z` never reach the database (where
//! `julianday` would read them as NULL or roll them over into another day).

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Whether `s` is an RFC 3339 date-time (`2024-03-01T10:20:30Z`, `…30.5+02:00`; a space
/// may stand for the `T`) or a full date (`2024-03-01`) that exists: months of their
/// length, leap years, hours below 24, minutes and offsets in range, years from 0001.
pub fn is_timestamp(s: &str) -> bool {
    let Some(full) = as_date_time(s) else {
        return false;
    };
    match OffsetDateTime::parse(&full, &Rfc3339) {
        // RFC 3339 offsets are hours 00–23; year 0 is no year of the Common Era
        Ok(t) => t.year() >= 1 && t.offset().whole_hours().abs() < 24,
        Err(_) => false,
    }
}

/// The date-time form of `s`: a bare date as its midnight UTC, a space separator as `T`.
fn as_date_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() == 10 {
        return Some(format!("{s}T00:00:00Z"));
    }
    let mut full = s.to_string();
    if b.get(10) == Some(&b' ') {
        full.replace_range(10..11, "T");
    }
    // RFC 3339 needs four-digit years; a parser may take more, so check the shape first
    (b.len() > 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-').then_some(full)
}

#[cfg(test)]
mod tests {
    use super::is_timestamp;

    #[test]
    fn real_dates_and_times_pass() {
        for ok in [
            "2024-03-01",
            "2024-02-29",
            "2024-03-01T10:20:30Z",
            "2024-03-01t10:20:30z",
            "2024-03-01 10:20:30Z",
            "2024-03-01T10:20:30.5+02:00",
            "2024-03-01T23:59:59-23:59",
            "0001-01-01",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
    }

    #[test]
    fn impossible_or_misshapen_values_fail() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2026-02-30",
            "2023-02-29",
            "2024-04-31",
            "0000-01-01",
            "0000-01-01T00:00:00Z",
            "2024-03-01T25:00:00Z",
            "2024-03-01T23:61:00Z",
            "2024-03-01T10:20:30+25:00",
            "2024-03-01T10:20:30+24:00",
            "2024-03-01T10:20",
            "2024-03-01T10:20:30",
            "2024-03-01T10:20:30.Z",
            "2024-03-01T10:20:30Z trailing",
            "2024-3-1",
            "+2024-03-01",
            "20240-03-01",
            "2024-03-01é",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }
}
