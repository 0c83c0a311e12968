//! A looked-up query ([`Expr`]) written as the SQL that finds and scores its claims.
//!
//! Every phrase becomes a leaf: its words as PostgreSQL normalises them (the `english`
//! configuration of `claims.search_stems`, or `simple` for a prefix and for a phrase of
//! stop words only, matched on `claims.search_words`), written as a `tsquery` literal with
//! each lexeme quoted and bound as a parameter, so nothing the user typed is SQL or
//! `tsquery` syntax. Subtrees whose leaves all match one column become one `tsquery`;
//! others are combined with SQL's `AND`, `OR` and `AND NOT`. `NEAR(…)` is checked on the
//! positions the vectors keep. Hits are scored with FTS5's `bm25()` formula (k1 1.2, b
//! 0.75, one IDF per phrase), so relevance orders claims as the SQLite store does.

use std::collections::HashMap;

use crate::query_builder::QueryBuilder;

/// FTS5's default `NEAR` distance.
const NEAR_DISTANCE: u32 = 10;

/// A query ready to normalise: names already replaced by the spellings they stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    All(Vec<Expr>),
    /// Any part may match; with no part, nothing matches.
    Any(Vec<Expr>),
    Without(Box<Expr>, Box<Expr>),
    /// Phrases within `distance` words of each other (FTS5's default with `None`).
    Near(Vec<Vec<String>>, Option<u32>),
    /// Words in this order, side by side; PostgreSQL stems each.
    Phrase(Vec<String>),
    /// Words in this order, the last a prefix of a word as written (`"mass evacuat"*`).
    Prefix(Vec<String>),
}

/// The text of a phrase as it is normalised: its words, separated by spaces.
pub(super) fn phrase_text(words: &[String]) -> String {
    words.join(" ")
}

/// The column a leaf matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// `search_stems`: `to_tsvector('english', text)`.
    Stems,
    /// `search_words`: `to_tsvector('simple', text)`, the words as written.
    Words,
}

impl Column {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Column::Stems => "search_stems",
            Column::Words => "search_words",
        }
    }
}

/// One word of a leaf: its lexeme, where it stands after the leaf's first word, and
/// whether it is a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lexeme {
    pub(crate) offset: i32,
    pub(crate) text: String,
    pub(crate) prefix: bool,
}

/// A phrase of the query as it is matched and scored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Leaf {
    pub(crate) column: Column,
    pub(crate) lexemes: Vec<Lexeme>,
    /// bm25's inverse document frequency of the phrase (set once counted).
    pub(crate) idf: f64,
}

impl Leaf {
    /// The leaf as a `tsquery` literal: each lexeme quoted, `<N>` between words N apart.
    pub(crate) fn tsquery(&self) -> String {
        let mut out = String::new();
        let mut last = 0;
        for (i, lexeme) in self.lexemes.iter().enumerate() {
            if i > 0 {
                match lexeme.offset - last {
                    1 => out.push_str(" <-> "),
                    n => out.push_str(&format!(" <{n}> ")),
                }
            }
            last = lexeme.offset;
            out.push('\'');
            out.push_str(&lexeme.text.replace('\\', "\\\\").replace('\'', "''"));
            out.push('\'');
            if lexeme.prefix {
                out.push_str(":*");
            }
        }
        out
    }

    /// How many positions the phrase spans.
    fn span(&self) -> i32 {
        self.lexemes.last().map_or(0, |l| l.offset + 1)
    }
}

/// The boolean shape of a query over its leaves.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cond {
    /// Matches no claim (a phrase without a word to search for, an empty alternative).
    Nothing,
    Leaf(usize),
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Without(Box<Cond>, Box<Cond>),
    /// Leaves within `distance` words of each other.
    Near(Vec<usize>, u32),
}

/// The lexemes PostgreSQL makes of each phrase text, in each configuration.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normalised {
    /// `to_tsvector('english', …)`: (position, lexeme), in position order.
    pub(crate) english: HashMap<String, Vec<(i32, String)>>,
    /// `to_tsvector('simple', …)`.
    pub(crate) simple: HashMap<String, Vec<(i32, String)>>,
}

/// A search query ready to run: its leaves, and the condition over them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Search {
    pub(crate) leaves: Vec<Leaf>,
    pub(crate) cond: Cond,
}

impl Search {
    /// The search `expr` stands for, its phrases normalised as `normalised` says.
    pub(crate) fn build(expr: &Expr, normalised: &Normalised) -> Search {
        let mut search = Search {
            leaves: Vec::new(),
            cond: Cond::Nothing,
        };
        search.cond = search.cond_of(expr, normalised);
        search
    }

    fn cond_of(&mut self, expr: &Expr, normalised: &Normalised) -> Cond {
        match expr {
            Expr::All(parts) => {
                Cond::All(parts.iter().map(|p| self.cond_of(p, normalised)).collect())
            }
            Expr::Any(parts) if parts.is_empty() => Cond::Nothing,
            Expr::Any(parts) => {
                Cond::Any(parts.iter().map(|p| self.cond_of(p, normalised)).collect())
            }
            Expr::Without(keep, drop) => Cond::Without(
                Box::new(self.cond_of(keep, normalised)),
                Box::new(self.cond_of(drop, normalised)),
            ),
            Expr::Phrase(words) => self
                .phrase(words, normalised)
                .map_or(Cond::Nothing, Cond::Leaf),
            Expr::Prefix(words) => self
                .prefix(words, normalised)
                .map_or(Cond::Nothing, Cond::Leaf),
            Expr::Near(phrases, distance) => {
                let leaves: Option<Vec<usize>> =
                    phrases.iter().map(|p| self.phrase(p, normalised)).collect();
                match leaves {
                    // a phrase with nothing to search for: the group cannot match
                    None => Cond::Nothing,
                    Some(leaves) if leaves.len() == 1 => Cond::Leaf(leaves[0]),
                    Some(leaves) => Cond::Near(leaves, distance.unwrap_or(NEAR_DISTANCE)),
                }
            }
        }
    }

    /// The leaf of a phrase: stemmed, or as written when every word is a stop word (the
    /// English configuration drops "the", "it", "who"; FTS5 finds them).
    fn phrase(&mut self, words: &[String], normalised: &Normalised) -> Option<usize> {
        let text = phrase_text(words);
        let english = normalised.english.get(&text).filter(|l| !l.is_empty());
        let (column, lexemes) = match english {
            Some(lexemes) => (Column::Stems, lexemes),
            None => (Column::Words, normalised.simple.get(&text)?),
        };
        self.leaf(column, lexemes, false)
    }

    /// The leaf of a prefix term: its words as written, the last a prefix.
    fn prefix(&mut self, words: &[String], normalised: &Normalised) -> Option<usize> {
        let lexemes = normalised.simple.get(&phrase_text(words))?;
        self.leaf(Column::Words, lexemes, true)
    }

    fn leaf(&mut self, column: Column, lexemes: &[(i32, String)], prefix: bool) -> Option<usize> {
        let first = lexemes.first()?.0;
        let count = lexemes.len();
        let lexemes = lexemes
            .iter()
            .enumerate()
            .map(|(i, (position, text))| Lexeme {
                offset: position - first,
                text: text.clone(),
                prefix: prefix && i + 1 == count,
            })
            .collect();
        self.leaves.push(Leaf {
            column,
            lexemes,
            idf: 0.0,
        });
        Some(self.leaves.len() - 1)
    }

    /// Whether any `NEAR(…)` of several phrases needs its positions checked.
    fn has_near(&self) -> bool {
        fn near(cond: &Cond) -> bool {
            match cond {
                Cond::Near(..) => true,
                Cond::All(parts) | Cond::Any(parts) => parts.iter().any(near),
                Cond::Without(keep, drop) => near(keep) || near(drop),
                Cond::Nothing | Cond::Leaf(_) => false,
            }
        }
        near(&self.cond)
    }

    /// `hits AS MATERIALIZED (…)`: the id of every claim the query matches, and if
    /// `scored` (a list in relevance order) its bm25 score, lower is better as FTS5's (else
    /// `NULL`: other orders do not read it). The condition whose leaves the GIN indexes
    /// answer comes first, so positions are read only for the claims it finds.
    pub(crate) fn push_hits(&self, q: &mut QueryBuilder, scored: bool) {
        q.push("hits AS MATERIALIZED (");
        if scored {
            self.push_scores(q);
            q.push(" FROM (SELECT c.id, st.d, greatest(avg(st.d) OVER (), 1::float8) AS avgdl");
            for i in 0..self.leaves.len() {
                q.push(format!(", cardinality(st.s{i})::float8 AS f{i}"));
            }
        } else {
            q.push("SELECT c.id, NULL::float8 AS score");
        }
        q.push(" FROM claims c");
        if scored || self.has_near() {
            q.push(" CROSS JOIN LATERAL (SELECT ")
                .push(if scored { TOKENS } else { "0" })
                .push(" AS d");
            for (i, leaf) in self.leaves.iter().enumerate() {
                q.push(", ");
                push_starts(q, leaf);
                q.push(format!(" AS s{i}"));
            }
            // OFFSET 0: computed once per claim, not again wherever the outer query names it
            q.push(" OFFSET 0) st");
        }
        q.push(" WHERE ");
        self.push_cond(q, &self.cond, false);
        if self.has_near() {
            q.push(" AND ");
            self.push_cond(q, &self.cond, true);
        }
        q.push(if scored { ") m)" } else { ")" });
    }

    /// `SELECT m.id, … AS score`: FTS5's bm25 of the row `m` (its length `d`, the average
    /// `avgdl`, and each leaf's count `f{i}`), term by term in FTS5's order of operations.
    fn push_scores(&self, q: &mut QueryBuilder) {
        q.push("SELECT m.id, -(0.0::float8");
        for (i, leaf) in self.leaves.iter().enumerate() {
            q.push(" + ").push_bind(leaf.idf).push(format!(
                "::float8 * ((m.f{i} * (1.2::float8 + 1.0::float8)) / (m.f{i} + 1.2::float8 \
                 * (1::float8 - 0.75::float8 + 0.75::float8 * m.d / m.avgdl)))"
            ));
        }
        q.push(") AS score");
    }

    /// The condition as SQL; with `near`, `NEAR(…)` also checks positions (on `st`).
    fn push_cond(&self, q: &mut QueryBuilder, cond: &Cond, near: bool) {
        if let Some((column, tsquery)) = self.tsquery(cond, near) {
            q.push(format!("c.{} @@ ", column.name()))
                .push_bind(tsquery)
                .push("::text::tsquery");
            return;
        }
        match cond {
            Cond::Nothing => {
                q.push("FALSE");
            }
            Cond::All(parts) => self.push_joined(q, parts, " AND ", near),
            Cond::Any(parts) => self.push_joined(q, parts, " OR ", near),
            Cond::Without(keep, drop) => {
                q.push("(");
                self.push_cond(q, keep, near);
                q.push(" AND NOT ");
                self.push_cond(q, drop, near);
                q.push(")");
            }
            Cond::Near(leaves, distance) => {
                let all = Cond::All(leaves.iter().copied().map(Cond::Leaf).collect());
                q.push("(");
                self.push_cond(q, &all, false);
                if near {
                    q.push(" AND ");
                    self.push_near(q, leaves, *distance);
                }
                q.push(")");
            }
            // a leaf is always its own tsquery
            Cond::Leaf(_) => {
                q.push("FALSE");
            }
        }
    }

    fn push_joined(&self, q: &mut QueryBuilder, parts: &[Cond], op: &str, near: bool) {
        q.push("(");
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                q.push(op);
            }
            self.push_cond(q, part, near);
        }
        q.push(")");
    }

    /// FTS5's NEAR: some phrase starts at `p`, and every other starts no earlier and
    /// within `distance` words of the first one's end.
    fn push_near(&self, q: &mut QueryBuilder, leaves: &[usize], distance: u32) {
        q.push("(");
        for (n, &first) in leaves.iter().enumerate() {
            if n > 0 {
                q.push(" OR ");
            }
            let reach = self.leaves[first].span() as i64 + i64::from(distance);
            q.push(format!(
                "EXISTS (SELECT 1 FROM unnest(st.s{first}) p WHERE TRUE"
            ));
            for &other in leaves.iter().filter(|&&o| o != first) {
                q.push(format!(
                    " AND EXISTS (SELECT 1 FROM unnest(st.s{other}) t \
                     WHERE t BETWEEN p AND p + {reach})"
                ));
            }
            q.push(")");
        }
        q.push(")");
    }

    /// The single `tsquery` on one column that `cond` is, if its leaves all match that
    /// column (and, with `near`, it needs no positions checked).
    pub(crate) fn tsquery(&self, cond: &Cond, near: bool) -> Option<(Column, String)> {
        match cond {
            Cond::Nothing => None,
            Cond::Leaf(i) => {
                let leaf = &self.leaves[*i];
                Some((leaf.column, leaf.tsquery()))
            }
            Cond::All(parts) => self.joined(parts, " & ", near),
            Cond::Any(parts) => self.joined(parts, " | ", near),
            Cond::Without(keep, drop) => {
                let (column, keep) = self.tsquery(keep, near)?;
                let (other, drop) = self.tsquery(drop, near)?;
                (column == other).then(|| (column, format!("({keep}) & !({drop})")))
            }
            Cond::Near(..) if near => None,
            Cond::Near(leaves, _) => {
                let parts: Vec<Cond> = leaves.iter().copied().map(Cond::Leaf).collect();
                self.joined(&parts, " & ", near)
            }
        }
    }

    fn joined(&self, parts: &[Cond], op: &str, near: bool) -> Option<(Column, String)> {
        let mut column = None;
        let mut out = Vec::new();
        for part in parts {
            let (c, text) = self.tsquery(part, near)?;
            if column.is_some_and(|col| col != c) {
                return None;
            }
            column = Some(c);
            out.push(format!("({text})"));
        }
        Some((column?, out.join(op)))
    }
}

/// A claim's length in words, as bm25 counts them: the positions of its `simple` vector.
const TOKENS: &str =
    "(SELECT coalesce(sum(cardinality(u.positions)), 0) FROM unnest(c.search_words) u)::float8";

/// The positions (in `c`'s vector) where `leaf`'s phrase starts, as an array.
fn push_starts(q: &mut QueryBuilder, leaf: &Leaf) {
    let column = leaf.column.name();
    let Some((first, rest)) = leaf.lexemes.split_first() else {
        q.push("ARRAY[]::smallint[]");
        return;
    };
    q.push(format!(
        "ARRAY(SELECT p FROM unnest(c.{column}) u, unnest(u.positions) p WHERE "
    ));
    push_lexeme_match(q, "u.lexeme", first);
    for lexeme in rest {
        q.push(format!(
            " AND EXISTS (SELECT 1 FROM unnest(c.{column}) v WHERE "
        ));
        push_lexeme_match(q, "v.lexeme", lexeme);
        q.push(format!(" AND p + {} = ANY(v.positions))", lexeme.offset));
    }
    q.push(")");
}

/// `column` is the lexeme (or, for a prefix, starts with it).
fn push_lexeme_match(q: &mut QueryBuilder, column: &str, lexeme: &Lexeme) {
    if lexeme.prefix {
        q.push(format!("starts_with({column}, "))
            .push_bind(lexeme.text.clone())
            .push(")");
    } else {
        q.push(format!("{column} = "))
            .push_bind(lexeme.text.clone());
    }
}
