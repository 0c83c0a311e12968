//! Corroboration and conflict links, made as each article is written: every new claim is
//! compared with the claims of other articles that share its rarest tokens, joins the
//! fact of its best match, and is linked as conflicting to those that give another value
//! for the same thing (rules in `corroborate.rs`).

use std::collections::{HashMap, HashSet};

use crate::corroborate::{idf, Profile, Signature, CORROBORATES};
use crate::read::json_array;
use crate::write::Writer;
use crate::{Id, StoreError};

/// A link row, the smaller claim id first.
fn link(x: Id, y: Id, kind: &'static str, score: f64) -> (Id, Id, &'static str, f64) {
    (x.min(y), x.max(y), kind, score)
}

/// Tokens of a new claim used to find candidates: its rarest ones.
const SEED_TOKENS: usize = 8;
/// Most recent claims read per seed token.
const PER_TOKEN: i64 = 60;
/// Most candidates compared per new claim.
const MAX_CANDIDATES: usize = 150;
/// Most conflict links a new claim makes (its closest disagreements).
const MAX_CONFLICTS: usize = 5;
/// The row of `term_df` that counts the claims indexed.
const CLAIM_COUNT: &str = "#claims";

struct Candidate {
    article: Id,
    fact: Option<Id>,
    signature: Signature,
    /// Weighed on first comparison; the weights stay fixed while an article is linked.
    profile: Option<Profile>,
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
        self.load_df(&mut df, &[CLAIM_COUNT.to_string()]).await?;
        let n = df.get(CLAIM_COUNT).copied().unwrap_or(0);
        let indexed: Vec<Vec<String>> = claims.iter().map(|(_, s)| s.index_tokens()).collect();
        let mut seen: HashMap<Id, Candidate> = HashMap::new();
        let mut links: Vec<(Id, Id, &str, f64)> = Vec::new();
        for ((claim, sig), tokens) in claims.iter().zip(&indexed) {
            self.load_df(&mut df, tokens).await?;
            let found = self.candidates(article, tokens, &df, &mut seen).await?;
            let unknown: Vec<String> = found
                .iter()
                .filter_map(|id| seen.get(id))
                .flat_map(|c| c.signature.tokens.iter())
                .filter(|t| !df.contains_key(t.as_str()))
                .cloned()
                .collect();
            self.load_df(&mut df, &unknown).await?;
            let weight = |t: &str| idf(df.get(t).copied().unwrap_or(0), n);
            let own = Profile::new(sig, &weight);
            let mut best: Option<(f64, Id)> = None;
            let mut disputed: Vec<(f64, Id)> = Vec::new();
            for id in found {
                let Some(c) = seen.get_mut(&id) else { continue };
                let other = c
                    .profile
                    .get_or_insert_with(|| Profile::new(&c.signature, &weight));
                let cmp = own.compare(other);
                // Claims that disagree on a figure report two versions, not one fact.
                if cmp.conflicts {
                    disputed.push((cmp.text, id));
                } else if cmp.score >= CORROBORATES && best.is_none_or(|(b, _)| cmp.score > b) {
                    best = Some((cmp.score, id));
                }
            }
            // The closest disagreements only: templated copy would link every pair.
            disputed.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (s, id) in disputed.into_iter().take(MAX_CONFLICTS) {
                links.push(link(*claim, id, "conflicts", s));
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
                links.push(link(*claim, other, "corroborates", score));
            }
        }
        self.write_links(&links).await?;
        self.index(claims, &indexed, &df).await
    }

    /// Claims of other articles sharing the new claim's rarest tokens, read into `seen`.
    async fn candidates(
        &mut self,
        article: Id,
        tokens: &[String],
        df: &HashMap<String, i64>,
        seen: &mut HashMap<Id, Candidate>,
    ) -> Result<Vec<Id>, StoreError> {
        let mut tokens = tokens.to_vec();
        tokens.retain(|t| df.get(t).copied().unwrap_or(0) > 0);
        tokens.sort_by_key(|t| df.get(t).copied().unwrap_or(0));
        tokens.truncate(SEED_TOKENS);
        let mut ids: Vec<Id> = Vec::new();
        let mut dedup: HashSet<Id> = HashSet::new();
        if !tokens.is_empty() {
            // one statement and one row back for every seed token, rarest first: sqlx
            // hands each statement and row across threads, which costs more than the query
            let found: String = sqlx::query_scalar(
                "SELECT json_group_array(claim_id) FROM (
                     SELECT c.claim_id FROM json_each(?1) t
                     JOIN claim_terms c ON c.claim_id IN (
                         SELECT claim_id FROM claim_terms WHERE term = t.value
                         ORDER BY claim_id DESC LIMIT ?2)
                      AND c.term = t.value
                     ORDER BY t.key, c.claim_id DESC)",
            )
            .bind(json_array(&tokens))
            .bind(PER_TOKEN)
            .fetch_one(&mut *self.conn)
            .await?;
            let rows: Vec<Id> = serde_json::from_str(&found).unwrap_or_default();
            ids.extend(rows.into_iter().filter(|id| dedup.insert(*id)));
        }
        ids.truncate(MAX_CANDIDATES);
        let unseen: Vec<Id> = ids
            .iter()
            .copied()
            .filter(|id| !seen.contains_key(id))
            .collect();
        if !unseen.is_empty() {
            let found: String = sqlx::query_scalar(
                "SELECT json_group_array(json_array(id, article_id, fact_id, signature))
                 FROM claims WHERE id IN (SELECT value FROM json_each(?1))",
            )
            .bind(json_array(&unseen))
            .fetch_one(&mut *self.conn)
            .await?;
            let rows: Vec<(Id, Id, Option<Id>, Option<String>)> =
                serde_json::from_str(&found).unwrap_or_default();
            for (id, a, fact, stored) in rows {
                seen.insert(
                    id,
                    Candidate {
                        article: a,
                        fact,
                        signature: Signature::parse(stored.as_deref().unwrap_or_default()),
                        profile: None,
                    },
                );
            }
        }
        ids.retain(|id| seen.get(id).is_some_and(|c| c.article != article));
        Ok(ids)
    }

    /// Reads how many claims hold each of `tokens` into `cache` (0 for unknown ones).
    async fn load_df(
        &mut self,
        cache: &mut HashMap<String, i64>,
        tokens: &[String],
    ) -> Result<(), StoreError> {
        let missing: Vec<&str> = tokens
            .iter()
            .map(String::as_str)
            .filter(|t| !cache.contains_key(*t))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?1))",
        )
        .bind(json_array(&missing))
        .fetch_all(&mut *self.conn)
        .await?;
        for t in missing {
            cache.insert(t.to_string(), 0);
        }
        cache.extend(rows);
        Ok(())
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

    /// Writes an article's links in one statement.
    async fn write_links(&mut self, links: &[(Id, Id, &str, f64)]) -> Result<(), StoreError> {
        if links.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "INSERT OR IGNORE INTO claim_links (a, b, kind, score)
             SELECT value ->> '$[0]', value ->> '$[1]', value ->> '$[2]', value ->> '$[3]'
             FROM json_each(?1)",
        )
        .bind(json_array(&links))
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    /// Stores the claims' signatures and index rows (`indexed`: each claim's
    /// `index_tokens`), and counts their tokens.
    async fn index(
        &mut self,
        claims: &[(Id, Signature)],
        indexed: &[Vec<String>],
        df: &HashMap<String, i64>,
    ) -> Result<(), StoreError> {
        let mut added: HashMap<&str, i64> = HashMap::new();
        let mut signatures: Vec<(Id, String)> = Vec::with_capacity(claims.len());
        let mut rows: Vec<(&str, Id)> = Vec::new();
        for ((claim, sig), tokens) in claims.iter().zip(indexed) {
            signatures.push((*claim, sig.stored()));
            for t in tokens {
                if let Some((key, _)) = df.get_key_value(t.as_str()) {
                    *added.entry(key.as_str()).or_default() += 1;
                }
                rows.push((t.as_str(), *claim));
            }
        }
        *added.entry(CLAIM_COUNT).or_default() += i64::try_from(claims.len()).unwrap_or(0);
        sqlx::query(
            "UPDATE claims SET signature = s.value ->> '$[1]'
             FROM json_each(?1) s WHERE claims.id = s.value ->> '$[0]'",
        )
        .bind(json_array(&signatures))
        .execute(&mut *self.conn)
        .await?;
        sqlx::query(
            "INSERT OR IGNORE INTO claim_terms (term, claim_id)
             SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each(?1)",
        )
        .bind(json_array(&rows))
        .execute(&mut *self.conn)
        .await?;
        let counts: Vec<(&str, i64)> = added.into_iter().collect();
        sqlx::query(
            "INSERT INTO term_df (term, df)
             SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each(?1) WHERE true
             ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
        )
        .bind(json_array(&counts))
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }
}
