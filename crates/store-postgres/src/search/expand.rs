//! The lookups that turn a [`Query`] into a [`Search`].
//!
//! - A prefix is matched as written, on the unstemmed `search_words` vector (`word:*`):
//!   stemmed, "evacuate" is "evacu", so `evacuat*` would find nothing there. PostgreSQL
//!   reads a prefix from the GIN index itself, so unlike the SQLite store (which has no
//!   prefix index on whole words and picks the most frequent words of its vocabulary) it
//!   needs no lookup.
//! - A run of words that is a name of a place or a person (an alias's folded key or its
//!   resolution key, as the writer resolves names) also matches the entity's other
//!   spellings: "Kyjiv" finds claims that write "Kyiv" or "Kiev".
//! - Every phrase is normalised by PostgreSQL itself (`to_tsvector`, the configuration of
//!   the column it is matched on), so query and claims agree on stems and stop words;
//!   and each phrase's claims are counted, for bm25's inverse document frequency.

use std::collections::HashMap;

use postgres::GenericClient;

use super::render::{phrase_text, Expr, Normalised, Search};
use claimgraph_graph::search::{parse, words, Query, Term, MAX_SPELLINGS};

use crate::query_builder::QueryBuilder;
use crate::{Id, PgError, PgStore};
use claimgraph_graph::canon::{fold, person_key, place_key};

/// A name is at most this many words side by side.
const MAX_NAME_WORDS: usize = 4;
/// A name's folded key has at least this many characters ("US" is no name to expand).
const MIN_NAME_CHARS: usize = 3;
/// A name stands for at most this many entities, the most mentioned first.
const MAX_NAME_ENTITIES: usize = 4;

/// Places and people one of the keys in `$1` (folded keys), `$2` (place resolution keys),
/// `$3` (person resolution keys) or `$4` (surname keys of one word) names, by index.
const NAMED: &str = "SELECT 'key' AS how, k.k, e.id, e.mention_count
    FROM unnest($1::text[]) k(k) JOIN aliases a ON a.key = k.k
    JOIN entities e ON e.id = a.entity_id
    WHERE e.kind IN ('place', 'person')
    UNION
    SELECT 'place', k.k, e.id, e.mention_count
    FROM unnest($2::text[]) k(k) JOIN aliases a ON a.rkey COLLATE \"C\" = k.k
    JOIN entities e ON e.id = a.entity_id
    WHERE e.kind = 'place'
    UNION
    SELECT 'person', k.k, e.id, e.mention_count
    FROM unnest($3::text[]) k(k) JOIN aliases a ON a.rkey COLLATE \"C\" = k.k
    JOIN entities e ON e.id = a.entity_id
    WHERE e.kind = 'person'
    UNION
    SELECT 'surname', k.k, e.id, e.mention_count
    FROM unnest($4::text[]) k(k) JOIN entities e ON e.kind = 'person' AND e.skey = k.k";

/// The lexemes and positions of each phrase text of `$1`, in both configurations.
const NORMALISE: &str = "SELECT t.p, 'english' AS config, u.lexeme, u.positions
    FROM unnest($1::text[]) t(p),
         unnest(to_tsvector('english', regexp_replace(t.p, '[^[:alnum:]]+', ' ', 'g'))) u
    UNION ALL
    SELECT t.p, 'simple', u.lexeme, u.positions
    FROM unnest($1::text[]) t(p),
         unnest(to_tsvector('simple', regexp_replace(t.p, '[^[:alnum:]]+', ' ', 'g'))) u";

impl PgStore {
    /// The search the query `q` stands for, looked up and ready to run. A query that
    /// cannot be read or exceeds a limit is [`crate::StorageError::InvalidSearch`], before
    /// any lookup.
    pub(crate) async fn fts_expression(&self, q: &str) -> Result<Search, PgError> {
        let query = parse(q)?;
        self.read_with(move |client| fts_expression(client, &query))
            .await
    }
}

/// The search `query` (read by [`parse`]) stands for, looked up on `client`.
pub(crate) fn fts_expression(
    client: &mut impl GenericClient,
    query: &Query,
) -> Result<Search, PgError> {
    let names = spellings(client, &name_keys(query))?;
    let expr = Expander { names }.expr(query);
    let normalised = normalise(client, &expr)?;
    let mut search = Search::build(&expr, &normalised);
    weigh(client, &mut search)?;
    Ok(search)
}

/// Every phrase text of `expr` as PostgreSQL's `english` and `simple` configurations read
/// it; a text without a lexeme in a configuration has an empty list there.
fn normalise(client: &mut impl GenericClient, expr: &Expr) -> Result<Normalised, PgError> {
    let mut texts = Vec::new();
    phrase_texts(expr, &mut texts);
    texts.sort();
    texts.dedup();
    let mut normalised = Normalised::default();
    for text in &texts {
        normalised.english.insert(text.clone(), Vec::new());
        normalised.simple.insert(text.clone(), Vec::new());
    }
    if texts.is_empty() {
        return Ok(normalised);
    }
    for row in client.query(NORMALISE, &[&texts])? {
        let text: String = row.try_get("p")?;
        let config: String = row.try_get("config")?;
        let lexeme: String = row.try_get("lexeme")?;
        let positions: Vec<i16> = row.try_get("positions")?;
        let by_text = match config.as_str() {
            "english" => &mut normalised.english,
            _ => &mut normalised.simple,
        };
        let lexemes = by_text.entry(text).or_default();
        lexemes.extend(
            positions
                .into_iter()
                .map(|p| (i32::from(p), lexeme.clone())),
        );
    }
    for lexemes in normalised
        .english
        .values_mut()
        .chain(normalised.simple.values_mut())
    {
        lexemes.sort();
    }
    Ok(normalised)
}

/// The texts of every phrase and prefix of `expr`.
fn phrase_texts(expr: &Expr, out: &mut Vec<String>) {
    match expr {
        Expr::All(parts) | Expr::Any(parts) => parts.iter().for_each(|p| phrase_texts(p, out)),
        Expr::Without(keep, drop) => {
            phrase_texts(keep, out);
            phrase_texts(drop, out);
        }
        Expr::Near(phrases, _) => out.extend(phrases.iter().map(|p| phrase_text(p))),
        Expr::Phrase(words) | Expr::Prefix(words) => out.push(phrase_text(words)),
    }
}

/// Sets each leaf's inverse document frequency as FTS5's bm25 computes it: from the
/// claims stored and the claims that hold the phrase, at least 1e-6.
fn weigh(client: &mut impl GenericClient, search: &mut Search) -> Result<(), PgError> {
    let mut q = QueryBuilder::new("SELECT (SELECT count(*) FROM claims)");
    for leaf in &search.leaves {
        q.push(format!(
            ", (SELECT count(*) FROM claims c WHERE c.{} @@ ",
            leaf.column.name()
        ))
        .push_bind(leaf.tsquery())
        .push("::text::tsquery)");
    }
    let row = client.query_one(q.sql(), &q.params())?;
    let rows: i64 = row.try_get(0)?;
    for (i, leaf) in search.leaves.iter_mut().enumerate() {
        let hits: i64 = row.try_get(i + 1)?;
        leaf.idf = idf(rows, hits);
    }
    Ok(())
}

/// bm25's inverse document frequency of a phrase `hits` of `rows` claims hold, as FTS5
/// computes it (never below 1e-6).
pub(super) fn idf(rows: i64, hits: i64) -> f64 {
    let idf = ((rows - hits) as f64 + 0.5) / (hits as f64 + 0.5);
    let idf = idf.ln();
    if idf <= 0.0 {
        1e-6
    } else {
        idf
    }
}

/// For each key of `keys` that names places or people: the other spellings of the
/// entities it names (the most mentioned entities first), as phrases.
fn spellings(
    client: &mut impl GenericClient,
    keys: &[String],
) -> Result<HashMap<String, Vec<Vec<String>>>, PgError> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let entities = named_entities(client, keys)?;
    let all: Vec<Id> = entities.values().flatten().copied().collect();
    let aliases = aliases_of(client, &all)?;
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
    client: &mut impl GenericClient,
    keys: &[String],
) -> Result<HashMap<String, Vec<Id>>, PgError> {
    let place_keys: Vec<String> = keys.iter().map(|k| place_key(k)).collect();
    let person_keys: Vec<String> = keys
        .iter()
        .filter_map(|k| person_key(k).map(|p| p.full))
        .collect();
    let surnames: Vec<String> = keys.iter().filter_map(|k| surname_key(k)).collect();
    let mut named: HashMap<(String, String), Vec<(i64, Id)>> = HashMap::new();
    let keys_param = keys.to_vec();
    for row in client.query(NAMED, &[&keys_param, &place_keys, &person_keys, &surnames])? {
        let how: String = row.try_get("how")?;
        let key: String = row.try_get("k")?;
        let found = (row.try_get("mention_count")?, row.try_get("id")?);
        named.entry((how, key)).or_default().push(found);
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

/// Every spelling stored for each of `ids`, in byte order as SQLite sorts them.
fn aliases_of(
    client: &mut impl GenericClient,
    ids: &[Id],
) -> Result<HashMap<Id, Vec<String>>, PgError> {
    let mut aliases: HashMap<Id, Vec<String>> = HashMap::new();
    let rows = client.query(
        "SELECT entity_id, alias FROM aliases WHERE entity_id = ANY($1)
         ORDER BY entity_id, alias COLLATE \"C\"",
        &[&ids],
    )?;
    for row in rows {
        aliases
            .entry(row.try_get("entity_id")?)
            .or_default()
            .push(row.try_get("alias")?);
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

/// Builds the [`Expr`] of a query from the names the lookups found.
pub(super) struct Expander {
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

    /// One part on its own: a term as its phrase or prefix, else its query.
    fn expr_of(&self, part: &Query) -> Expr {
        match part {
            Query::Term(t) => term(t),
            other => self.expr(other),
        }
    }
}

/// A term as a phrase, or a prefix when it ends with `*`.
fn term(term: &Term) -> Expr {
    if term.prefix {
        Expr::Prefix(term.words.clone())
    } else {
        Expr::Phrase(term.words.clone())
    }
}
