//! The query language read into a [`Query`]: pure, no lookups.
//!
//! The language is FTS5's, made forgiving where FTS5 fails on ordinary text: words side by
//! side must all occur; `"a phrase"`; `word*` and `"a phr"*` for prefixes; `AND`, `OR`,
//! `NOT` (upper case; `a NOT b`); parentheses, also side by side with words
//! (`strike (rail OR port)`, which FTS5 refuses); `NEAR(a "b c", 5)`; `text:` names the one
//! column. A word with punctuation inside ("counter-offensive", "covid-19", "U.S.") is the
//! phrase of its parts, and punctuation standing alone is ignored.
//!
//! Operators bind as in FTS5, tightest first: words side by side, `NOT`, `AND`, `OR`.

use unicode_normalization::char::is_combining_mark;

use super::{SearchError, MAX_DEPTH, MAX_NEAR_DISTANCE, MAX_PREFIXES, MAX_WORDS, MIN_PREFIX_CHARS};

/// A search query as the user wrote it, before any lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Every part must match (words side by side, or `AND`).
    All(Vec<Query>),
    /// Any part may match (`OR`).
    Any(Vec<Query>),
    /// The first matches and the second does not (`a NOT b`).
    Without(Box<Query>, Box<Query>),
    Near(Near),
    Term(Term),
}

/// `NEAR(…)`: words and phrases within `distance` words of each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    pub terms: Vec<Term>,
    /// FTS5's default (10) when `None`.
    pub distance: Option<u32>,
}

/// A word, a word with punctuation inside, or a quoted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Its words as written (runs of letters, digits and marks), in order.
    pub words: Vec<String>,
    /// The last word is a prefix (`evacuat*`).
    pub prefix: bool,
    /// Written in quotes: searched as a whole, never joined with the words beside it.
    pub quoted: bool,
}

impl Term {
    /// A single word written without quotes: it may make a name with the words beside it.
    pub fn is_bare_word(&self) -> bool {
        !self.quoted && !self.prefix && self.words.len() == 1
    }
}

/// The operators, written in upper case; lower case they are words.
const OPERATORS: [(&str, Op); 3] = [("AND", Op::And), ("OR", Op::Or), ("NOT", Op::Not)];
/// `NEAR` followed at once by `(` opens a NEAR group.
const NEAR: &str = "NEAR";
/// The one column `word:` may name.
const COLUMN: &str = "text";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    And,
    Or,
    Not,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::And => "AND",
            Op::Or => "OR",
            Op::Not => "NOT",
        }
    }
}

/// One unit of the query text; `at` is a 1-based character position.
#[derive(Debug)]
enum Lexeme {
    Open { at: usize },
    Close { at: usize },
    Op { op: Op, at: usize },
    Term(Term),
    Near(Near),
}

/// Reads `q`, checking the limits that bound what it may cost.
pub fn parse(q: &str) -> Result<Query, SearchError> {
    let lexemes = Lexer::new(q).run()?;
    let prefixes = lexemes
        .iter()
        .filter(|l| matches!(l, Lexeme::Term(t) if t.prefix))
        .count();
    if prefixes > MAX_PREFIXES {
        return Err(SearchError::TooManyPrefixes { count: prefixes });
    }
    let mut parser = Parser {
        lexemes,
        next: 0,
        depth: 0,
    };
    let query = parser.any()?;
    match parser.peek() {
        None => Ok(query),
        Some(Lexeme::Close { at }) => Err(SearchError::UnopenedParen { at: *at }),
        // every other lexeme continues an expression
        Some(_) => Err(SearchError::Empty),
    }
}

struct Lexer {
    chars: Vec<char>,
    i: usize,
    words: usize,
}

impl Lexer {
    fn new(q: &str) -> Self {
        Lexer {
            chars: q.chars().collect(),
            i: 0,
            words: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn run(mut self) -> Result<Vec<Lexeme>, SearchError> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            let at = self.i + 1;
            match c {
                c if c.is_whitespace() => self.i += 1,
                '(' => {
                    self.i += 1;
                    out.push(Lexeme::Open { at });
                }
                ')' => {
                    self.i += 1;
                    out.push(Lexeme::Close { at });
                }
                '"' => {
                    if let Some(term) = self.phrase()? {
                        out.push(Lexeme::Term(self.counted(term)?));
                    }
                }
                _ => {
                    let word = self.bare(&['(', ')', '"']);
                    if let Some((_, op)) = OPERATORS.iter().find(|(name, _)| *name == word) {
                        out.push(Lexeme::Op { op: *op, at });
                    } else if word == NEAR && self.peek() == Some('(') {
                        self.i += 1;
                        out.push(Lexeme::Near(self.near(at)?));
                    } else if let Some(term) = word_term(&word)? {
                        out.push(Lexeme::Term(self.counted(term)?));
                    }
                }
            }
        }
        Ok(out)
    }

    /// `term`, once its words are within [`MAX_WORDS`] for the whole query.
    fn counted(&mut self, term: Term) -> Result<Term, SearchError> {
        self.words += term.words.len();
        if self.words > MAX_WORDS {
            return Err(SearchError::TooManyWords);
        }
        Ok(term)
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }

    /// The characters up to whitespace or one of `stops`.
    fn bare(&mut self, stops: &[char]) -> String {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && !stops.contains(&c))
        {
            self.i += 1;
        }
        self.chars[start..self.i].iter().collect()
    }

    /// A quoted phrase (`""` inside is a quote, as in FTS5), with the `*` after it if any;
    /// `None` when it holds no word.
    fn phrase(&mut self) -> Result<Option<Term>, SearchError> {
        let at = self.i + 1;
        self.i += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return Err(SearchError::UnclosedQuote { at }),
                Some('"') if self.chars.get(self.i + 1) == Some(&'"') => {
                    text.push(' ');
                    self.i += 2;
                }
                Some('"') => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    text.push(c);
                    self.i += 1;
                }
            }
        }
        let mut prefix = false;
        while self.peek() == Some('*') {
            prefix = true;
            self.i += 1;
        }
        let term = Term {
            words: words(&text),
            prefix,
            quoted: true,
        };
        checked_prefix(term, &text)
    }

    /// The group after `NEAR(`: terms, then optionally `, N`, then `)`.
    fn near(&mut self, at: usize) -> Result<Near, SearchError> {
        let bad = |problem| SearchError::BadNear { at, problem };
        let mut terms = Vec::new();
        let mut distance = None;
        loop {
            match self.peek() {
                None => {
                    return Err(SearchError::UnclosedParen {
                        at: at + NEAR.len(),
                    })
                }
                Some(c) if c.is_whitespace() => self.i += 1,
                Some(')') => {
                    self.i += 1;
                    break;
                }
                Some(',') => {
                    self.i += 1;
                    distance = Some(self.near_distance().ok_or_else(|| {
                        bad("the comma is followed by the distance in words and `)`")
                    })?);
                    if distance.is_some_and(|d| d > MAX_NEAR_DISTANCE) {
                        return Err(bad("the distance is at most 100 words"));
                    }
                    break;
                }
                Some('(') => return Err(bad("it takes no parentheses inside")),
                Some('"') => terms.extend(self.phrase()?),
                Some(_) => {
                    let word = self.bare(&['(', ')', '"', ',']);
                    terms.extend(word_term(&word)?);
                }
            }
            if let Some(last) = terms.last() {
                if last.prefix {
                    return Err(bad("a prefix* cannot be inside NEAR(…)"));
                }
            }
        }
        if terms.is_empty() {
            return Err(bad("it needs at least one word"));
        }
        for term in &terms {
            self.words += term.words.len();
        }
        if self.words > MAX_WORDS {
            return Err(SearchError::TooManyWords);
        }
        Ok(Near { terms, distance })
    }

    /// The digits and the `)` that end a NEAR group.
    fn near_distance(&mut self) -> Option<u32> {
        self.skip_whitespace();
        let digits = self.bare(&[')']);
        self.skip_whitespace();
        if self.peek() != Some(')') || digits.is_empty() || digits.len() > 6 {
            return None;
        }
        self.i += 1;
        digits.parse().ok()
    }
}

/// The term of an unquoted word: `*` at its end makes a prefix, `text:` before it is the
/// column; `None` for punctuation alone.
fn word_term(word: &str) -> Result<Option<Term>, SearchError> {
    let body = word.trim_end_matches('*');
    let prefix = body.len() < word.len();
    if body.contains('*') {
        return Err(SearchError::MisplacedStar {
            word: word.to_string(),
        });
    }
    let body = match body.split_once(':') {
        Some((column, rest))
            if !column.is_empty()
                && !rest.is_empty()
                && column.chars().all(char::is_alphabetic) =>
        {
            if !column.eq_ignore_ascii_case(COLUMN) {
                return Err(SearchError::UnknownColumn {
                    column: column.to_string(),
                });
            }
            rest
        }
        _ => body,
    };
    let term = Term {
        words: words(body),
        prefix,
        quoted: false,
    };
    checked_prefix(term, word)
}

/// `term` unless it is a prefix too short to search (`a*`, `*`); `None` when it has no word.
fn checked_prefix(term: Term, written: &str) -> Result<Option<Term>, SearchError> {
    let short = term
        .words
        .last()
        .is_none_or(|w| w.chars().filter(|c| c.is_alphanumeric()).count() < MIN_PREFIX_CHARS);
    match (term.prefix, term.words.is_empty()) {
        (true, _) if short => Err(SearchError::ShortPrefix {
            word: written.to_string(),
        }),
        (false, true) => Ok(None),
        _ => Ok(Some(term)),
    }
}

/// The words of `text` as FTS5's unicode61 tokenizer splits it: runs of letters, digits and
/// combining marks; everything else separates.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Recursive descent over the lexemes, one method per level of binding.
struct Parser {
    lexemes: Vec<Lexeme>,
    next: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.next)
    }

    fn peek_op(&self, op: Op) -> Option<usize> {
        match self.peek() {
            Some(Lexeme::Op { op: o, at }) if *o == op => Some(*at),
            _ => None,
        }
    }

    /// `a OR b OR …`
    fn any(&mut self) -> Result<Query, SearchError> {
        let mut parts = vec![self.all()?];
        while let Some(at) = self.peek_op(Op::Or) {
            self.next += 1;
            self.operand(Op::Or, at)?;
            parts.push(self.all()?);
        }
        Ok(any_of(parts))
    }

    /// `a AND b AND …`
    fn all(&mut self) -> Result<Query, SearchError> {
        let mut parts = vec![self.without()?];
        while let Some(at) = self.peek_op(Op::And) {
            self.next += 1;
            self.operand(Op::And, at)?;
            parts.push(self.without()?);
        }
        Ok(all_of(parts))
    }

    /// `a NOT b NOT …`, read from the left.
    fn without(&mut self) -> Result<Query, SearchError> {
        let mut left = self.side_by_side()?;
        while let Some(at) = self.peek_op(Op::Not) {
            self.next += 1;
            self.operand(Op::Not, at)?;
            left = Query::Without(Box::new(left), Box::new(self.side_by_side()?));
        }
        Ok(left)
    }

    /// Fails unless a term follows the operator `op` just read.
    fn operand(&self, op: Op, at: usize) -> Result<(), SearchError> {
        match self.peek() {
            Some(Lexeme::Open { .. } | Lexeme::Term(_) | Lexeme::Near(_)) => Ok(()),
            _ => Err(SearchError::MissingRight { op: op.name(), at }),
        }
    }

    /// Terms and groups side by side: all must match.
    fn side_by_side(&mut self) -> Result<Query, SearchError> {
        let mut parts = Vec::new();
        while let Some(part) = self.primary()? {
            parts.push(part);
        }
        if parts.is_empty() {
            return Err(match self.peek() {
                Some(Lexeme::Op { op, at }) => SearchError::MissingLeft {
                    op: op.name(),
                    at: *at,
                },
                Some(Lexeme::Close { at }) => SearchError::UnopenedParen { at: *at },
                _ => SearchError::Empty,
            });
        }
        Ok(all_of(parts))
    }

    /// A term, a NEAR group or a parenthesised query; `None` at anything else.
    fn primary(&mut self) -> Result<Option<Query>, SearchError> {
        let query = match self.peek() {
            Some(Lexeme::Term(t)) => Query::Term(t.clone()),
            Some(Lexeme::Near(n)) => Query::Near(n.clone()),
            Some(Lexeme::Open { at }) => {
                let at = *at;
                return self.group(at).map(Some);
            }
            _ => return Ok(None),
        };
        self.next += 1;
        Ok(Some(query))
    }

    /// `( … )`, opened at `at`.
    fn group(&mut self, at: usize) -> Result<Query, SearchError> {
        if self.depth == MAX_DEPTH {
            return Err(SearchError::TooDeep);
        }
        self.next += 1;
        if matches!(self.peek(), Some(Lexeme::Close { .. })) {
            return Err(SearchError::EmptyParens { at });
        }
        self.depth += 1;
        let inner = self.any()?;
        self.depth -= 1;
        match self.peek() {
            Some(Lexeme::Close { .. }) => {
                self.next += 1;
                Ok(inner)
            }
            _ => Err(SearchError::UnclosedParen { at }),
        }
    }
}

/// Parts that must all match, nested ones flattened (AND is associative); one part alone.
fn all_of(parts: Vec<Query>) -> Query {
    let mut flat = Vec::new();
    for part in parts {
        match part {
            Query::All(inner) => flat.extend(inner),
            part => flat.push(part),
        }
    }
    single_or(flat, Query::All)
}

/// Parts of which any may match, nested ones flattened; one part alone.
fn any_of(parts: Vec<Query>) -> Query {
    let mut flat = Vec::new();
    for part in parts {
        match part {
            Query::Any(inner) => flat.extend(inner),
            part => flat.push(part),
        }
    }
    single_or(flat, Query::Any)
}

fn single_or(mut parts: Vec<Query>, make: fn(Vec<Query>) -> Query) -> Query {
    match parts.len() {
        1 => parts.remove(0),
        _ => make(parts),
    }
}
