//! Rules as data: every word list the extractor relies on, in one place.
//!
//! The code elsewhere only asks questions of these tables ("is this a cue verb?"), so a new
//! outlet, title or unit spelling is a one-line change here with its test beside it. All
//! entries are lower case unless stated; lookups lower-case the probe first.
//!
//! The tables live in one file per topic; every one is re-exported here, so `rules::X`
//! names it wherever it lives.

mod names;
mod numbers;
mod places;
mod speech;
mod text;

pub use names::*;
pub use numbers::*;
pub use places::*;
pub use speech::*;
pub use text::*;

#[cfg(test)]
fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Case-insensitive membership for ASCII tables, with a cheap path for non-ASCII words.
#[cfg(test)]
pub fn is_in(table: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        contains(table, word)
    } else {
        let low = word.to_lowercase();
        table.iter().any(|w| *w == low)
    }
}

/// Whether every entry of a table is lower case, as the lookups assume.
#[cfg(test)]
fn all_lower(table: &[&str]) -> bool {
    table.iter().all(|w| w.to_lowercase() == *w)
}
