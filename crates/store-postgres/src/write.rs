//! The single writer of articles: each batch is one transaction that writes the articles'
//! rows, resolves their names to entities (`resolve`), settles regional seats (`seats`)
//! and links their claims into facts (`link`), by the graph crate's rules.

use std::collections::HashMap;
use std::sync::Arc;

use claimgraph_model::{Claim, EntityKind, Mention, PlaceRef, PlaceType};
use postgres::Client;

use crate::rows::{ClaimRow, ClaimRows, MentionRows};
use crate::seats::Site;
use crate::writer::Writer;
use crate::{Id, Inserted, PgError, PgStore, PreparedArticle, StorageError};
use claimgraph_graph::article::{claim_place, MentionsBySpan};
use claimgraph_graph::canon::{fold, resolve_key};
use claimgraph_graph::corroborate::Signature;
use claimgraph_graph::facts::TokenIndex;
use claimgraph_graph::resolve::spellings::{
    defined_acronym, is_short_form, is_written_name, open_seat,
};

impl PgStore {
    /// The id of the stored article whose text has this hash, if any.
    pub async fn find_article_by_hash(&self, content_hash: &str) -> Result<Option<Id>, PgError> {
        let content_hash = content_hash.to_string();
        self.read_with(move |client| {
            let row = client.query_opt(
                "SELECT id FROM articles WHERE content_hash = $1",
                &[&content_hash],
            )?;
            Ok(row.map(|r| r.get(0)))
        })
        .await
    }

    /// Stores one article with its claims and entities in one transaction.
    pub async fn insert(&self, article: &PreparedArticle) -> Result<Inserted, PgError> {
        let mut out = self.insert_batch(std::slice::from_ref(article)).await?;
        out.pop()
            .ok_or_else(|| StorageError::Backend("the writer answered no article".into()).into())
    }

    /// Stores many articles in one transaction: all of them or, on error, none. A `Vec` is
    /// moved to the writer's thread as it is; a slice is copied.
    pub async fn insert_batch(
        &self,
        articles: impl Into<Arc<[PreparedArticle]>>,
    ) -> Result<Vec<Inserted>, PgError> {
        let articles: Arc<[PreparedArticle]> = articles.into();
        self.write_with(move |client, index| write_batch(client, index, &articles))
            .await
    }

    /// Builds the writer's index of stored claims in the background, so that the first
    /// article written after start-up does not wait for it (seconds on a large database).
    /// A write that comes first builds it itself; a failure here is left to that write.
    pub fn warm_writer(&self) {
        let store = self.clone();
        let runtime = tokio::runtime::Handle::current();
        // on a blocking thread: should this handle be the store's last, dropping it closes
        // the connections, which blocks
        tokio::task::spawn_blocking(move || {
            let built = runtime.block_on(
                store.write_with(|client, index| crate::token_index::catch_up(index, client)),
            );
            if let Err(e) = built {
                tracing::warn!(error = %e, "building the writer's claim index");
            }
        });
    }
}

fn write_batch(
    client: &mut Client,
    index: &mut TokenIndex,
    articles: &[PreparedArticle],
) -> Result<Vec<Inserted>, PgError> {
    // Most of what others wrote is read before taking the write lock (the first batch of a
    // process reads every claim), the rest once the lock is held.
    crate::token_index::catch_up(index, client)?;
    let mut tx = crate::lock::begin(client)?;
    crate::token_index::catch_up(index, &mut tx)?;
    let mut writer = Writer::new(tx, index);
    let mut out = Vec::with_capacity(articles.len());
    for article in articles {
        out.push(writer.article(article)?);
    }
    // no search index to fill: the claims' tsvector columns are generated
    writer.tx.commit()?;
    Ok(out)
}

/// The mentions of one article as written: for the entities' counts and the claims'
/// places.
struct Mentions {
    /// Mentions written, by entity.
    counts: HashMap<Id, i64>,
    /// Mention rows written.
    rows: i64,
    /// Each mention's row and entity by its span.
    by_span: MentionsBySpan,
}

impl Writer<'_> {
    /// Writes one article: its row, its mentions, its claims with their places and
    /// figures, then the counts, the seats and the links to other articles' claims. An
    /// article whose text is already stored gains only the publication, when it names an
    /// outlet or address the text was not yet published under.
    fn article(&mut self, p: &PreparedArticle) -> Result<Inserted, PgError> {
        if let Some(id) = self.stored_article(&p.content_hash)? {
            let source_id = self.source_of(p)?;
            self.publication(id, source_id, p)?;
            return Ok(Inserted { id, created: false });
        }
        self.article_orgs.clear();
        let source_id = self.source_of(p)?;
        let article_id = self.article_row(p, source_id)?;
        self.publication(article_id, source_id, p)?;
        let mentions = self.mentions(p, article_id)?;
        let (signed, claim_rows) = self.claims(p, article_id, &mentions.by_span)?;
        self.finish_article(article_id, mentions, &signed, claim_rows)?;
        Ok(Inserted {
            id: article_id,
            created: true,
        })
    }

    /// The id of the article already stored with this text hash, if any.
    fn stored_article(&mut self, content_hash: &str) -> Result<Option<Id>, PgError> {
        let row = self.query_opt(
            "SELECT id FROM articles WHERE content_hash = $1",
            &[&content_hash],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    /// The id of the outlet the article names, stored first when new.
    fn source_of(&mut self, p: &PreparedArticle) -> Result<Option<Id>, PgError> {
        Ok(match p.article.source.as_deref().map(str::trim) {
            Some(name) if !fold(name).is_empty() => Some(self.source(name)?),
            _ => None,
        })
    }

    /// Records that article `id`'s text was published by the outlet `source_id` or at the
    /// address `p` names; nothing when it names neither or that publication is known.
    fn publication(
        &mut self,
        id: Id,
        source_id: Option<Id>,
        p: &PreparedArticle,
    ) -> Result<(), PgError> {
        if source_id.is_none() && p.article.url.is_none() {
            return Ok(());
        }
        // checked first: a row refused by ON CONFLICT would still take an id from the
        // sequence, and later publications' ids would differ from SQLite's
        self.execute(
            "INSERT INTO publications (article_id, source_id, url, title, published_at)
             SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::text
             WHERE NOT EXISTS (
                 SELECT 1 FROM publications
                 WHERE article_id = $1 AND coalesce(source_id, 0) = coalesce($2, 0)
                   AND coalesce(url, '') = coalesce($3, ''))
             ON CONFLICT DO NOTHING",
            &[
                &id,
                &source_id,
                &p.article.url,
                &p.article.title,
                &p.article.published_at,
            ],
        )?;
        Ok(())
    }

    /// Inserts the article's row, published by outlet `source_id`, and gives its id.
    fn article_row(&mut self, p: &PreparedArticle, source_id: Option<Id>) -> Result<Id, PgError> {
        let text = p.article.text.as_str();
        let row = self.query_one(
            "INSERT INTO articles (content_hash, title, text, source_id, url, published_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[
                &p.content_hash,
                &p.article.title,
                &text,
                &source_id,
                &p.article.url,
                &p.article.published_at,
            ],
        )?;
        Ok(row.get(0))
    }

    /// Inserts the article's mentions, each with its entity, in text order.
    fn mentions(&mut self, p: &PreparedArticle, article_id: Id) -> Result<Mentions, PgError> {
        let text = p.article.text.as_str();
        let mut resolved: Vec<(&Mention, Id)> = Vec::with_capacity(p.extraction.mentions.len());
        for m in &p.extraction.mentions {
            if let Some(entity) = self.mention(m, text)? {
                resolved.push((m, entity));
            }
        }
        let ids = self.next_ids("mentions", resolved.len())?;
        let mut rows = MentionRows::default();
        let mut counts: HashMap<Id, i64> = HashMap::new();
        // each mention's row and entity by its span: a claim's place names the mention it
        // came from, so correcting that mention's place corrects the claim's too
        let mut by_span = MentionsBySpan::new();
        for ((m, entity), id) in resolved.iter().zip(&ids) {
            let surface = m.span.slice(text).unwrap_or(&m.name);
            let span = (
                p.offsets.to_char(m.span.start),
                p.offsets.to_char(m.span.end),
            );
            rows.push(*id, *entity, span, surface);
            by_span.insert((m.span.start, m.span.end), (*id, *entity));
            *counts.entry(*entity).or_default() += 1;
        }
        rows.insert(self, article_id)?;
        for ((m, _), id) in resolved.iter().zip(&ids) {
            if let Some((city, region)) = open_seat(m) {
                let surface = m.span.slice(text).unwrap_or(&m.name);
                self.record_seat(article_id, Site::Mention(*id), city, region, surface)?;
            }
        }
        Ok(Mentions {
            counts,
            rows: i64::try_from(ids.len()).unwrap_or(i64::MAX),
            by_span,
        })
    }

    /// Inserts the article's claims in text order with their places and figures, and
    /// gives each written claim's id with its comparison tokens, and how many were
    /// written. Names are resolved claim by claim, in the order row-by-row writing
    /// resolved them; the rows are written at the end.
    fn claims(
        &mut self,
        p: &PreparedArticle,
        article_id: Id,
        by_span: &MentionsBySpan,
    ) -> Result<(Vec<(Id, Signature)>, i64), PgError> {
        let text = p.article.text.as_str();
        let on_boundaries: Vec<(usize, &Claim, &str)> = p
            .extraction
            .claims
            .iter()
            .enumerate()
            .filter_map(|(index, claim)| match claim.span.slice(text) {
                Some(said) => Some((index, claim, said)),
                None => {
                    tracing::warn!(article_id, "claim span off char boundaries; skipped");
                    None
                }
            })
            .collect();
        let ids = self.next_ids("claims", on_boundaries.len())?;
        let mut rows = ClaimRows::default();
        let mut signed: Vec<(Id, Signature)> = Vec::with_capacity(ids.len());
        for ((index, claim, said), id) in on_boundaries.into_iter().zip(&ids) {
            let speaker = self.speaker(claim, text)?;
            let via = match &claim.via {
                Some(m) => self.mention(m, text)?,
                None => None,
            };
            let mut signature = p.signatures.get(index).cloned().unwrap_or_default();
            if let Some(id) = speaker.0 {
                signature.push_entity('s', id);
            }
            let span = (
                p.offsets.to_char(claim.span.start),
                p.offsets.to_char(claim.span.end),
            );
            self.claim_places(&mut rows, *id, claim, text, by_span, &mut signature)?;
            rows.push(ClaimRow {
                id: *id,
                claim,
                text: said,
                span,
                speaker,
                via,
                signature: signature.stored(),
            });
            signed.push((*id, signature));
        }
        rows.insert(self, p, article_id)?;
        for (claim_id, place) in std::mem::take(&mut rows.open_places) {
            if let Some((city, region)) = open_seat(place) {
                let surface = place.span.slice(text).unwrap_or(&place.name);
                self.record_seat(article_id, Site::Claim(claim_id), city, region, surface)?;
            }
        }
        Ok((signed, i64::try_from(ids.len()).unwrap_or(i64::MAX)))
    }

    /// A claim's speaker entity and the words that name them; an unnamed source keeps
    /// its own words and no entity.
    fn speaker(
        &mut self,
        claim: &Claim,
        text: &str,
    ) -> Result<(Option<Id>, Option<String>), PgError> {
        let Some(m) = &claim.speaker else {
            return Ok((None, None));
        };
        let said = m.span.slice(text).unwrap_or(&m.name).to_string();
        Ok(match self.mention(m, text)? {
            Some(id) => (Some(id), Some(said)),
            None => (None, Some(m.name.clone())),
        })
    }

    /// Gathers the places claim `claim_id` is about, each with the mention that named it,
    /// and adds those that are not countries to its comparison tokens.
    fn claim_places<'p>(
        &mut self,
        rows: &mut ClaimRows<'p>,
        claim_id: Id,
        claim: &'p Claim,
        text: &str,
        by_span: &MentionsBySpan,
        signature: &mut Signature,
    ) -> Result<(), PgError> {
        for place in &claim.places {
            let Some(entity) = self.mention(place, text)? else {
                continue;
            };
            let mention = claim_place(place, entity, by_span, signature);
            rows.place(claim_id, entity, mention);
            if open_seat(place).is_some() {
                rows.open_places.push((claim_id, place));
            }
        }
        Ok(())
    }

    /// What is written once the article's rows are in: the entities' mention counts, the
    /// seats its places settle, the links of its claims, and its own counts.
    fn finish_article(
        &mut self,
        article_id: Id,
        mentions: Mentions,
        signed: &[(Id, Signature)],
        claim_rows: i64,
    ) -> Result<(), PgError> {
        // in one statement, the entities in id order (as every writer locks them)
        let mut counts: Vec<(Id, i64)> = mentions.counts.into_iter().collect();
        counts.sort_unstable();
        let (entities, added): (Vec<Id>, Vec<i64>) = counts.into_iter().unzip();
        self.execute(
            "UPDATE entities SET mention_count = mention_count + b.added
             FROM unnest($1::bigint[], $2::bigint[]) AS b(id, added)
             WHERE entities.id = b.id",
            &[&entities, &added],
        )?;
        self.settle_seats()?;
        self.link_claims(article_id, signed)?;
        self.execute(
            "UPDATE articles SET claim_count = $1, mention_count = $2 WHERE id = $3",
            &[&claim_rows, &mentions.rows, &article_id],
        )?;
        Ok(())
    }

    /// The entity a mention refers to; `None` for unnamed sources and names that fold to
    /// nothing. The surface form becomes an alias when it is a shorter form of the name
    /// ("Okafor" for "Ada Okafor"), never when it is a pronoun or description.
    fn mention(&mut self, m: &Mention, text: &str) -> Result<Option<Id>, PgError> {
        if m.kind == EntityKind::Nominal {
            return Ok(None);
        }
        if let (EntityKind::Place, Some(place)) = (m.kind, &m.place) {
            let place = match place.or_region.as_deref() {
                Some(region) => self.seat_reading(place, region)?,
                None => {
                    if matches!(place.place_type, PlaceType::City | PlaceType::Region) {
                        self.name_place(&place.key);
                    }
                    place
                }
            };
            let id = self.place(place)?;
            // Every spelling a gazetteer place is written in finds it ("Kiev", "Kyiv"), but a
            // pronoun or description standing for it ("It fell …", "The city") is no name.
            if let Some(surface) = m.span.slice(text) {
                if is_written_name(surface) {
                    self.alias(EntityKind::Place, id, surface)?;
                }
            }
            return Ok(Some(id));
        }
        let Some(id) = self.resolve(m.kind, &m.name)? else {
            return Ok(None);
        };
        if let Some(surface) = m.span.slice(text) {
            // A place the gazetteer does not know keeps how the text wrote it when the
            // extractor gave it a canonical name ("Brazil-Uruguay border" for the
            // "Brazil–Uruguay border").
            let place_spelling = m.kind == EntityKind::Place && is_written_name(surface);
            let acronym = claimgraph_model::abbreviates(surface, &m.name);
            if place_spelling || acronym || is_short_form(surface, &m.name) {
                self.alias(m.kind, id, surface)?;
            }
        }
        if let Some(acronym) = defined_acronym(text, m) {
            self.alias(m.kind, id, acronym)?;
        }
        for role in &m.roles {
            self.role(id, role)?;
        }
        Ok(Some(id))
    }

    /// The entity of a gazetteer place, keyed by its gazetteer key; created with its
    /// coordinates, country, type and the gazetteer's spellings as aliases.
    fn place(&mut self, place: &PlaceRef) -> Result<Id, PgError> {
        let cache = (EntityKind::Place, place.key.clone());
        if let Some(id) = self.entities.get(&cache) {
            return Ok(*id);
        }
        let id = match self.stored_place(&place.key)? {
            Some(id) => id,
            None => {
                let id = self.new_place(place)?;
                let spellings = std::iter::once(place.name.as_str())
                    .chain(place.aliases.iter().map(String::as_str));
                self.aliases(EntityKind::Place, id, spellings)?;
                id
            }
        };
        self.entities.insert(cache, id);
        Ok(id)
    }

    /// Inserts the entity of a gazetteer place not stored yet and gives its id.
    fn new_place(&mut self, place: &PlaceRef) -> Result<Id, PgError> {
        let row = self.query_one(
            "INSERT INTO entities (kind, name, key, geonames_id, lat, lon,
                                   country_code, place_type)
             VALUES ('place', $1, $2, $3, $4, $5, $6, $7) RETURNING id",
            &[
                &place.name,
                &place.key,
                &place.geonames_id.map(i64::from),
                &place.lat,
                &place.lon,
                &place.country,
                &place.place_type.as_str(),
            ],
        )?;
        Ok(row.get(0))
    }

    /// The entity a place key is stored as, if any: an analyst's merge outranks the
    /// gazetteer's identity.
    pub(crate) fn stored_place(&mut self, key: &str) -> Result<Option<Id>, PgError> {
        // ranked: PostgreSQL promises no order of a UNION ALL's rows without one
        let row = self.query_opt(
            "SELECT entity_id FROM (
                 SELECT 0 AS rank, entity_id FROM manual_aliases
                 WHERE kind = 'place' AND key = $1
                 UNION ALL
                 SELECT 1, id FROM entities WHERE kind = 'place' AND key = $1) found
             ORDER BY rank LIMIT 1",
            &[&key],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    /// Stores `alias` as a spelling of `entity`, once.
    pub(crate) fn alias(
        &mut self,
        kind: EntityKind,
        entity: Id,
        alias: &str,
    ) -> Result<(), PgError> {
        self.aliases(kind, entity, std::iter::once(alias))
    }

    /// Stores each of `aliases` as a spelling of `entity`, once, in one statement (a new
    /// gazetteer place brings dozens).
    pub(crate) fn aliases<'a>(
        &mut self,
        kind: EntityKind,
        entity: Id,
        aliases: impl Iterator<Item = &'a str>,
    ) -> Result<(), PgError> {
        let new: Vec<&str> = aliases
            .map(str::trim)
            .filter(|a| self.aliases.insert((entity, a.to_string())))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        let keys: Vec<String> = new.iter().map(|a| fold(a)).collect();
        let rkeys: Vec<String> = new.iter().map(|a| resolve_key(kind, a)).collect();
        self.execute(
            "INSERT INTO aliases (entity_id, alias, key, rkey)
             SELECT $1, a.alias, a.key, a.rkey
             FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY
                  AS a(alias, key, rkey, ord)
             ORDER BY a.ord
             ON CONFLICT DO NOTHING",
            &[&entity, &new, &keys, &rkeys],
        )?;
        Ok(())
    }

    fn source(&mut self, name: &str) -> Result<Id, PgError> {
        let entity = self
            .resolve(EntityKind::Outlet, name)?
            .ok_or_else(|| StorageError::Backend("an outlet name folded to nothing".into()))?;
        // looked up first: an upsert that finds the row still takes an id from the
        // sequence, and later outlets' ids would differ from SQLite's
        if let Some(row) = self.query_opt("SELECT id FROM sources WHERE name = $1", &[&name])? {
            return Ok(row.get(0));
        }
        let row = self.query_one(
            "INSERT INTO sources (name, entity_id) VALUES ($1, $2) RETURNING id",
            &[&name, &entity],
        )?;
        Ok(row.get(0))
    }
}

#[cfg(test)]
#[path = "write_tests.rs"]
pub(crate) mod tests;
