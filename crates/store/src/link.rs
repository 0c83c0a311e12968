//! Corroboration and conflict links, made as each article is written: every new claim is
//! compared with the claims of other articles that share its rarest tokens, joins the
//! fact of its best match, and is linked as conflicting to those that give another value
//! for the same thing (rules in `corroborate.rs`).

use std::collections::{HashMap, HashSet};

use crate::corroborate::{conflicts, idf, similarity, Signature, CORROBORATES};
use crate::read::id_list;
use crate::write::Writer;
use crate::{Id, StoreError};

/// Tokens of a new claim used to find candidates: its rarest ones.
const SEED_TOKENS: usize = 8;
/// Most recent claims read per seed token.
const PER_TOKEN: i64 = 200;
/// Most candidates compared per new claim.
const MAX_CANDIDATES: usize = 400;
/// The row of `term_df` that counts the claims indexed.
const CLAIM_COUNT: &str = "#claims";

struct Candidate {
    article: Id,
    fact: Option<Id>,
    signature: Signature,
}

impl Writer<'_> {
    /// Links the claims just written for `article` and indexes them for later articles.
    pub(crate) async fn link_claims(
        &mut self,
        article: Id,
        claims: &[(Id, Signature)],
    ) -> Result<(), StoreError> {
        if claims.is_empty() {
            return Ok(());
        }
        let mut df: HashMap<String, i64> = HashMap::new();
        let n = self.df(&mut df, CLAIM_COUNT).await?;
        let mut seen: HashMap<Id, Candidate> = HashMap::new();
        for (claim, sig) in claims {
            for t in sig.index_tokens() {
                self.df(&mut df, &t).await?;
            }
            let found = self.candidates(article, sig, &df, &mut seen).await?;
            let weight = |t: &str| idf(df.get(t).copied().unwrap_or(0), n);
            let mut best: Option<(f64, Id)> = None;
            for id in found {
                let Some(c) = seen.get(&id) else { continue };
                let s = similarity(sig, &c.signature, &weight);
                // Claims that disagree on a figure report two versions, not one fact.
                if conflicts(sig, &c.signature, &weight) {
                    self.link(*claim, id, "conflicts", s).await?;
                } else if s >= CORROBORATES && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, id));
                }
            }
            if let Some((score, other)) = best {
                let fact = match seen.get(&other).and_then(|c| c.fact) {
                    Some(f) => f,
                    None => self.new_fact(other).await?,
                };
                if let Some(c) = seen.get_mut(&other) {
                    c.fact = Some(fact);
                }
                sqlx::query("UPDATE claims SET fact_id = ?1 WHERE id = ?2")
                    .bind(fact)
                    .bind(claim)
                    .execute(&mut *self.conn)
                    .await?;
                sqlx::query("UPDATE facts SET size = size + 1 WHERE id = ?1")
                    .bind(fact)
                    .execute(&mut *self.conn)
                    .await?;
                self.link(*claim, other, "corroborates", score).await?;
            }
        }
        self.index(claims, &df).await
    }

    /// Claims of other articles sharing the new claim's rarest tokens, read into `seen`.
    async fn candidates(
        &mut self,
        article: Id,
        sig: &Signature,
        df: &HashMap<String, i64>,
        seen: &mut HashMap<Id, Candidate>,
    ) -> Result<Vec<Id>, StoreError> {
        let mut tokens = sig.index_tokens();
        tokens.retain(|t| df.get(t).copied().unwrap_or(0) > 0);
        tokens.sort_by_key(|t| df.get(t).copied().unwrap_or(0));
        tokens.truncate(SEED_TOKENS);
        let mut ids: Vec<Id> = Vec::new();
        let mut dedup: HashSet<Id> = HashSet::new();
        for t in &tokens {
            let rows: Vec<Id> = sqlx::query_scalar(
                "SELECT claim_id FROM claim_terms WHERE term = ?1
                 ORDER BY claim_id DESC LIMIT ?2",
            )
            .bind(t)
            .bind(PER_TOKEN)
            .fetch_all(&mut *self.conn)
            .await?;
            ids.extend(rows.into_iter().filter(|id| dedup.insert(*id)));
            if ids.len() >= MAX_CANDIDATES {
                break;
            }
        }
        ids.truncate(MAX_CANDIDATES);
        let unseen: Vec<Id> = ids
            .iter()
            .copied()
            .filter(|id| !seen.contains_key(id))
            .collect();
        if !unseen.is_empty() {
            let rows: Vec<(Id, Id, Option<Id>, Option<String>)> = sqlx::query_as(
                "SELECT id, article_id, fact_id, signature FROM claims
                 WHERE id IN (SELECT value FROM json_each(?1))",
            )
            .bind(id_list(&unseen))
            .fetch_all(&mut *self.conn)
            .await?;
            for (id, a, fact, stored) in rows {
                seen.insert(
                    id,
                    Candidate {
                        article: a,
                        fact,
                        signature: Signature::parse(stored.as_deref().unwrap_or_default()),
                    },
                );
            }
        }
        ids.retain(|id| seen.get(id).is_some_and(|c| c.article != article));
        Ok(ids)
    }

    /// How many claims hold `term`, cached for the article.
    async fn df(
        &mut self,
        cache: &mut HashMap<String, i64>,
        term: &str,
    ) -> Result<i64, StoreError> {
        if let Some(v) = cache.get(term) {
            return Ok(*v);
        }
        let v: i64 = sqlx::query_scalar("SELECT df FROM term_df WHERE term = ?1")
            .bind(term)
            .fetch_optional(&mut *self.conn)
            .await?
            .unwrap_or(0);
        cache.insert(term.to_string(), v);
        Ok(v)
    }

    async fn new_fact(&mut self, first: Id) -> Result<Id, StoreError> {
        let fact: Id = sqlx::query_scalar("INSERT INTO facts (size) VALUES (1) RETURNING id")
            .fetch_one(&mut *self.conn)
            .await?;
        sqlx::query("UPDATE claims SET fact_id = ?1 WHERE id = ?2")
            .bind(fact)
            .bind(first)
            .execute(&mut *self.conn)
            .await?;
        Ok(fact)
    }

    async fn link(&mut self, x: Id, y: Id, kind: &str, score: f64) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT OR IGNORE INTO claim_links (a, b, kind, score) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(x.min(y))
        .bind(x.max(y))
        .bind(kind)
        .bind(score)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    /// Stores the claims' signatures and index rows, and counts their tokens.
    async fn index(
        &mut self,
        claims: &[(Id, Signature)],
        df: &HashMap<String, i64>,
    ) -> Result<(), StoreError> {
        let mut added: HashMap<&str, i64> = HashMap::new();
        for (claim, sig) in claims {
            sqlx::query("UPDATE claims SET signature = ?1 WHERE id = ?2")
                .bind(sig.stored())
                .bind(claim)
                .execute(&mut *self.conn)
                .await?;
            for t in sig.index_tokens() {
                sqlx::query("INSERT OR IGNORE INTO claim_terms (term, claim_id) VALUES (?1, ?2)")
                    .bind(&t)
                    .bind(claim)
                    .execute(&mut *self.conn)
                    .await?;
                let key = df.get_key_value(t.as_str()).map_or("", |(k, _)| k.as_str());
                if !key.is_empty() {
                    *added.entry(key).or_default() += 1;
                }
            }
        }
        *added.entry(CLAIM_COUNT).or_default() += i64::try_from(claims.len()).unwrap_or(0);
        for (term, k) in added {
            sqlx::query(
                "INSERT INTO term_df (term, df) VALUES (?1, ?2)
                 ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            )
            .bind(term)
            .bind(k)
            .execute(&mut *self.conn)
            .await?;
        }
        Ok(())
    }
}
