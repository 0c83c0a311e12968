//! The claim search language (`GET /v1/claims?q=`) read into a [`Query`] ([`parse`]), and
//! the limits on what a query may cost. Pure: the store looks the query's prefixes and
//! names up and writes it as its own engine's expression.

mod parse;

use thiserror::Error;

pub use parse::{parse, words, Near, Query, Term};

/// At most this many words in a query, the words of phrases and prefixes included.
pub const MAX_WORDS: usize = 32;
/// At most this many prefix terms (`evacuat*`) in a query.
pub const MAX_PREFIXES: usize = 4;
/// A prefix has at least this many letters or digits before its `*`.
pub const MIN_PREFIX_CHARS: usize = 3;
/// A prefix stands for at most this many whole words, the most frequent in claims first.
pub const MAX_PREFIX_WORDS: usize = 50;
/// Parentheses nest at most this deep.
pub const MAX_DEPTH: usize = 8;
/// `NEAR(…, N)` takes at most this distance.
pub const MAX_NEAR_DISTANCE: u32 = 100;
/// A name in a query stands for at most this many other spellings of its entities.
pub const MAX_SPELLINGS: usize = 32;
/// An entity search (`GET /v1/entities?q=`) names at most this many characters.
pub const MAX_NAME_CHARS: usize = 200;

/// What a syntax error's message ends with: how to write a query.
const SYNTAX: &str = "q takes words, \"phrases\", prefix*, AND, OR, NOT, parentheses and \
    NEAR(…), as SQLite FTS5 does";

/// Why a search query cannot be run: always the client's to fix, in words a client can
/// act on. Positions are 1-based character positions in `q`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SearchError {
    #[error("q has no word to search for")]
    Empty,
    #[error("q has more than {MAX_WORDS} words (words in phrases count); search with fewer")]
    TooManyWords,
    #[error("q has {count} prefix terms (word*); at most {MAX_PREFIXES} are allowed")]
    TooManyPrefixes { count: usize },
    #[error("the prefix {word:?} is too short: a prefix needs at least {MIN_PREFIX_CHARS} letters or digits before *")]
    ShortPrefix { word: String },
    #[error("`*` marks a prefix and goes at the end of a word (e.g. evacuat*), not inside {word:?}; {SYNTAX}")]
    MisplacedStar { word: String },
    #[error("the quote (\") at character {at} is never closed; {SYNTAX}")]
    UnclosedQuote { at: usize },
    #[error("the parenthesis at character {at} is never closed; {SYNTAX}")]
    UnclosedParen { at: usize },
    #[error("the closing parenthesis at character {at} has no opening one; {SYNTAX}")]
    UnopenedParen { at: usize },
    #[error("the parentheses at character {at} hold nothing; {SYNTAX}")]
    EmptyParens { at: usize },
    #[error("parentheses nest more than {MAX_DEPTH} deep")]
    TooDeep,
    #[error("{op} at character {at} needs a term before it (e.g. strike {op} rail); {SYNTAX}")]
    MissingLeft { op: &'static str, at: usize },
    #[error("{op} at character {at} needs a term after it (e.g. strike {op} rail); {SYNTAX}")]
    MissingRight { op: &'static str, at: usize },
    #[error("q searches the claim text only: {column:?} before a colon names no column (quote the word to search for it); {SYNTAX}")]
    UnknownColumn { column: String },
    #[error("NEAR at character {at}: {problem}; write e.g. NEAR(strike port, 5)")]
    BadNear { at: usize, problem: &'static str },
    #[error("a name to look up has at most {MAX_NAME_CHARS} characters")]
    NameTooLong,
}
