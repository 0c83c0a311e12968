//! The lookups that turn a [`Query`] into an [`Expr`].
//!
//! - A prefix stands for the whole words of claims that start with it, read from
//!   `claims_words_vocab` (migration `…0015`): the vocabulary of an unstemmed index of claim
//!   text. FTS5's own prefix search runs on the stemmed index, where "evacuate" is stored as
//!   "evacu", so `evacuat*` found nothing; and it reads every word of a short prefix, so
//!   `a*` a hundred times took seconds. The whole words, quoted, FTS5 stems itself.
//! - A run of words that is a name of a place or a person (an alias's folded key or its
//!   resolution key, as the writer resolves names) also matches the entity's other
//!   spellings: "Kyjiv" finds claims that write "Kyiv" or "Kiev".

use std::collections::HashMap;

use rusqlite::Connection;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::render::{render, Expr};
use claimgraph_graph::search::{parse, words, Query, Term, MAX_PREFIX_WORDS, MAX_SPELLINGS};

use crate::read::json_array;
use crate::{Id, Store, StoreError};
use claimgraph_graph::canon::{fold, person_key, place_key};
use claimgraph_graph::resolve::prefix_range;

/// A name is at most this many words side by side.
const MAX_NAME_WORDS: usize = 4;
/// A name's folded key has at least this many characters ("US" is no name to expand).
const MIN_NAME_CHARS: usize = 3;
/// A name stands for at most this many entities, the most mentioned first.
const MAX_NAME_ENTITIES: usize = 4;
/// A prefix's words are chosen among at most this many words of the vocabulary, in
/// alphabetical order, so a prefix shared by very many words costs a bounded read.
const MAX_PREFIX_SCAN: i64 = 5000;

/// Whole words that start with `?1` (a vocabulary form) and sort before `?2`, the most
/// frequent first, among the first `?3` of them.
const PREFIX_WORDS: &str = "SELECT term FROM (
        SELECT term, doc FROM claims_words_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3)
    ORDER BY doc DESC, term LIMIT ?4";

/// Places and people one of the keys in `?1` (folded keys), `?2` (place resolution keys),
/// `?3` (person resolution keys) or `?4` (surname keys of one word) names, by index.
const NAMED: &str = "SELECT 'key' AS how, j.value AS k, e.id, e.mention_count
    FROM json_each(?1) j JOIN aliases a ON a.key = j.value JOIN entities e ON e.id = a.entity_id
    WHERE e.kind IN ('place', 'person')
    UNION
    SELECT 'place', j.value, e.id, e.mention_count
    FROM json_each(?2) j JOIN aliases a ON a.rkey = j.value JOIN entities e ON e.id = a.entity_id
    WHERE e.kind = 'place'
    UNION
    SELECT 'person', j.value, e.id, e.mention_count
    FROM json_each(?3) j JOIN aliases a ON a.rkey = j.value JOIN entities e ON e.id = a.entity_id
    WHERE e.kind = 'person'
    UNION
    SELECT 'surname', j.value, e.id, e.mention_count
    FROM json_each(?4) j JOIN entities e ON e.kind = 'person' AND e.skey = j.value";

impl Store {
    /// The FTS5 expression the search query `q` stands for. A query that cannot be read or
    /// exceeds a limit is [`crate::StorageError::InvalidSearch`], before any lookup.
    pub(crate) async fn fts_expression(&self, q: &str) -> Result<String, StoreError> {
        let query = parse(q)?;
        self.read_with(move |conn| fts_expression(conn, &query))
            .await
    }
}

/// The FTS5 expression `query` (read by [`parse`]) stands for, looked up on `conn`.
pub(crate) fn fts_expression(conn: &Connection, query: &Query) -> Result<String, StoreError> {
    let mut forms: Vec<String> = terms(query)
        .filter(|t| t.prefix)
        .filter_map(|t| t.words.last().map(|w| vocabulary_form(w)))
        .collect();
    forms.sort();
    forms.dedup();
    let mut prefixes = HashMap::new();
    for form in forms {
        let found = words_starting(conn, &form)?;
        prefixes.insert(form, found);
    }
    let names = spellings(conn, &name_keys(query))?;
    Ok(render(&Expander { prefixes, names }.expr(query)))
}

/// The whole words of claims starting with `prefix`, the most frequent first.
fn words_starting(conn: &Connection, prefix: &str) -> Result<Vec<String>, StoreError> {
    let Some((lo, hi)) = prefix_range(prefix, prefix.chars().count()) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(PREFIX_WORDS)?;
    let rows = stmt.query_map((lo, hi, MAX_PREFIX_SCAN, MAX_PREFIX_WORDS as i64), |r| {
        r.get(0)
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// For each key of `keys` that names places or people: the other spellings of the
/// entities it names (the most mentioned entities first), as phrases.
fn spellings(
    conn: &Connection,
    keys: &[String],
) -> Result<HashMap<String, Vec<Vec<String>>>, StoreError> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let entities = named_entities(conn, keys)?;
    let all: Vec<Id> = entities.values().flatten().copied().collect();
    let aliases = aliases_of(conn, &all)?;
    Ok(entities
        .into_iter()
        .map(|(key, ids)| {
            let written = ids
                .iter()
                .flat_map(|id| aliases.get(id).into_iter().flatten());
            let spellings = other_spellings(&key, written);
            (key, spellings)
        })
        .filter(|(_, spellings)| !spellings.is_empty())
        .collect())
}

/// The places and people each of `keys` names, at most [`MAX_NAME_ENTITIES`] each, the
/// most mentioned first; keys that name none are left out.
fn named_entities(
    conn: &Connection,
    keys: &[String],
) -> Result<HashMap<String, Vec<Id>>, StoreError> {
    let place_keys: Vec<String> = keys.iter().map(|k| place_key(k)).collect();
    let person_keys: Vec<String> = keys
        .iter()
        .filter_map(|k| person_key(k).map(|p| p.full))
        .collect();
    let surnames: Vec<String> = keys.iter().filter_map(|k| surname_key(k)).collect();
    let mut named: HashMap<(String, String), Vec<(i64, Id)>> = HashMap::new();
    let mut stmt = conn.prepare_cached(NAMED)?;
    let rows = stmt.query_map(
        (
            json_array(keys),
            json_array(&place_keys),
            json_array(&person_keys),
            json_array(&surnames),
        ),
        |r| {
            Ok((
                (r.get::<_, String>("how")?, r.get::<_, String>("k")?),
                (r.get::<_, i64>("mention_count")?, r.get::<_, Id>("id")?),
            ))
        },
    )?;
    for r in rows {
        let (how_key, found) = r?;
        named.entry(how_key).or_default().push(found);
    }
    let mut entities = HashMap::new();
    for key in keys {
        let mut found: Vec<(i64, Id)> = Vec::new();
        let mut add = |how: &str, k: String| {
            found.extend(named.get(&(how.to_string(), k)).into_iter().flatten());
        };
        add("key", key.clone());
        add("place", place_key(key));
        if let Some(p) = person_key(key) {
            add("person", p.full);
        }
        if let Some(surname) = surname_key(key) {
            add("surname", surname);
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut ids: Vec<Id> = found.into_iter().map(|(_, id)| id).collect();
        ids.dedup();
        ids.truncate(MAX_NAME_ENTITIES);
        if !ids.is_empty() {
            entities.insert(key.clone(), ids);
        }
    }
    Ok(entities)
}

/// Every spelling stored for each of `ids`.
fn aliases_of(conn: &Connection, ids: &[Id]) -> Result<HashMap<Id, Vec<String>>, StoreError> {
    let mut aliases: HashMap<Id, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT entity_id, alias FROM aliases
         WHERE entity_id IN (SELECT value FROM json_each(?1)) ORDER BY entity_id, alias",
    )?;
    let rows = stmt.query_map([json_array(ids)], |r| {
        Ok((r.get::<_, Id>("entity_id")?, r.get::<_, String>("alias")?))
    })?;
    for r in rows {
        let (entity, alias) = r?;
        aliases.entry(entity).or_default().push(alias);
    }
    Ok(aliases)
}

/// The surname key of a one-word key: a surname alone names the people who bear it, in
/// any transliteration ("Gryshchenko" finds "Olena Hryshchenko").
fn surname_key(key: &str) -> Option<String> {
    if key.contains(' ') {
        return None;
    }
    person_key(key).map(|p| p.surname)
}

/// The spellings among `aliases` whose folded key is not `key`, once each, as phrases.
fn other_spellings<'a>(key: &str, aliases: impl Iterator<Item = &'a String>) -> Vec<Vec<String>> {
    let mut seen = vec![key.to_string()];
    let mut out = Vec::new();
    for alias in aliases {
        let folded = fold(alias);
        if folded.is_empty() || seen.contains(&folded) {
            continue;
        }
        seen.push(folded);
        out.push(words(alias));
        if out.len() == MAX_SPELLINGS {
            break;
        }
    }
    out
}

/// A word as the unicode61 tokenizer with `remove_diacritics 2` stores it: lower case, a
/// Latin letter without its marks ("Ć" is "c"); other letters keep theirs ("ø", "ά").
pub(super) fn vocabulary_form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut base = None;
        decompose_canonical(c, |d| {
            base.get_or_insert(d);
        });
        match base {
            Some(b) if b.is_ascii() => out.push(b),
            _ if is_combining_mark(c) => {}
            _ => out.push(c),
        }
    }
    out
}

/// Every term of `query`, NEAR groups included.
fn terms(query: &Query) -> Box<dyn Iterator<Item = &Term> + '_> {
    match query {
        Query::All(parts) | Query::Any(parts) => Box::new(parts.iter().flat_map(terms)),
        Query::Without(keep, drop) => Box::new(terms(keep).chain(terms(drop))),
        Query::Near(near) => Box::new(near.terms.iter()),
        Query::Term(t) => Box::new(std::iter::once(t)),
    }
}

/// The folded keys of every run of words in `query` that could be a name: up to
/// [`MAX_NAME_WORDS`] bare words side by side, or one phrase or hyphenated word.
pub(super) fn name_keys(query: &Query) -> Vec<String> {
    let mut keys = Vec::new();
    collect_name_keys(query, &mut keys);
    keys.sort();
    keys.dedup();
    keys
}

fn collect_name_keys(query: &Query, keys: &mut Vec<String>) {
    match query {
        Query::All(parts) => {
            for i in 0..parts.len() {
                for len in 1..=MAX_NAME_WORDS {
                    keys.extend(name_key(parts, i, len));
                }
                if !matches!(parts[i], Query::Term(_)) {
                    collect_name_keys(&parts[i], keys);
                }
            }
        }
        Query::Any(parts) => parts.iter().for_each(|p| collect_name_keys(p, keys)),
        Query::Without(keep, drop) => {
            collect_name_keys(keep, keys);
            collect_name_keys(drop, keys);
        }
        Query::Term(_) => keys.extend(name_key(std::slice::from_ref(query), 0, 1)),
        // NEAR(…) groups phrases only: no alternatives inside
        Query::Near(_) => {}
    }
}

/// The folded key of the `len` terms of `parts` from `i`, if they could be a name: bare
/// words side by side, or (`len` 1) a phrase or hyphenated word that is no prefix.
fn name_key(parts: &[Query], i: usize, len: usize) -> Option<String> {
    let run = parts.get(i..i + len)?;
    let words: Vec<&str> = match run {
        [Query::Term(t)] if !t.prefix => t.words.iter().map(String::as_str).collect(),
        _ => run
            .iter()
            .map(|p| match p {
                Query::Term(t) if t.is_bare_word() => Some(t.words[0].as_str()),
                _ => None,
            })
            .collect::<Option<Vec<&str>>>()?,
    };
    let key = fold(&words.join(" "));
    (key.chars().count() >= MIN_NAME_CHARS).then_some(key)
}

/// Builds the [`Expr`] of a query from what the lookups found.
pub(super) struct Expander {
    /// Vocabulary form of a prefix → the whole words it stands for.
    pub(super) prefixes: HashMap<String, Vec<String>>,
    /// Folded key of a name → its entities' other spellings.
    pub(super) names: HashMap<String, Vec<Vec<String>>>,
}

impl Expander {
    pub(super) fn expr(&self, query: &Query) -> Expr {
        match query {
            Query::All(parts) => self.all(parts),
            Query::Term(_) => self.all(std::slice::from_ref(query)),
            Query::Any(parts) => Expr::Any(parts.iter().map(|p| self.expr(p)).collect()),
            Query::Without(keep, drop) => {
                Expr::Without(Box::new(self.expr(keep)), Box::new(self.expr(drop)))
            }
            Query::Near(near) => Expr::Near(
                near.terms.iter().map(|t| t.words.clone()).collect(),
                near.distance,
            ),
        }
    }

    /// Parts that must all match, the longest names among them first from the left.
    fn all(&self, parts: &[Query]) -> Expr {
        let mut out = Vec::new();
        let mut i = 0;
        while i < parts.len() {
            let name = (1..=MAX_NAME_WORDS).rev().find_map(|len| {
                let spellings = self.names.get(&name_key(parts, i, len)?)?;
                Some((len, spellings))
            });
            match name {
                Some((len, spellings)) => {
                    let written =
                        Expr::All(parts[i..i + len].iter().map(|p| self.expr_of(p)).collect());
                    let mut any = vec![written];
                    any.extend(spellings.iter().cloned().map(Expr::Phrase));
                    out.push(Expr::Any(any));
                    i += len;
                }
                None => {
                    out.push(self.expr_of(&parts[i]));
                    i += 1;
                }
            }
        }
        match out.len() {
            1 => out.remove(0),
            _ => Expr::All(out),
        }
    }

    /// One part on its own: a term as its phrase or its prefix's words, else its query.
    fn expr_of(&self, part: &Query) -> Expr {
        match part {
            Query::Term(t) => self.term(t),
            other => self.expr(other),
        }
    }

    fn term(&self, term: &Term) -> Expr {
        let Some((last, before)) = term.words.split_last().filter(|_| term.prefix) else {
            return Expr::Phrase(term.words.clone());
        };
        let whole = self.prefixes.get(&vocabulary_form(last));
        Expr::Any(
            whole
                .into_iter()
                .flatten()
                .map(|w| {
                    let mut phrase = before.to_vec();
                    phrase.push(w.clone());
                    Expr::Phrase(phrase)
                })
                .collect(),
        )
    }
}
