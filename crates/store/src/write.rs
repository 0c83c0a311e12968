use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use claimgraph_model::{Claim, EntityKind, Mention, PlaceRef, PlaceType};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::seats::Site;
use crate::writer::Writer;
use crate::Inserted;
use crate::{Id, PreparedArticle, Store, StoreError};
use claimgraph_graph::article::{claim_place, MentionsBySpan};
use claimgraph_graph::canon::{fold, resolve_key};
use claimgraph_graph::corroborate::Signature;
use claimgraph_graph::facts::TokenIndex;
use claimgraph_graph::resolve::spellings::{
    defined_acronym, is_short_form, is_written_name, open_seat,
};
use claimgraph_graph::resolve::ArticleOrgs;

impl Store {
    /// The id of the stored article whose text has this hash, if any.
    pub async fn find_article_by_hash(&self, content_hash: &str) -> Result<Option<Id>, StoreError> {
        let content_hash = content_hash.to_string();
        self.read_with(move |conn| {
            Ok(conn
                .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
                .query_row([content_hash], |r| r.get(0))
                .optional()?)
        })
        .await
    }

    /// Stores one article with its claims and entities in one transaction.
    pub async fn insert(&self, article: &PreparedArticle) -> Result<Inserted, StoreError> {
        let mut out = self.insert_batch(std::slice::from_ref(article)).await?;
        out.pop()
            .ok_or(StoreError::Database(rusqlite::Error::QueryReturnedNoRows))
    }

    /// Stores many articles in one transaction: all of them or, on error, none. A `Vec` is
    /// moved to the writer's thread as it is; a slice is copied.
    pub async fn insert_batch(
        &self,
        articles: impl Into<Arc<[PreparedArticle]>>,
    ) -> Result<Vec<Inserted>, StoreError> {
        let articles: Arc<[PreparedArticle]> = articles.into();
        self.write_with(move |conn, index| write_batch(conn, index, &articles))
            .await
    }
}

fn write_batch(
    conn: &mut Connection,
    index: &mut TokenIndex,
    articles: &[PreparedArticle],
) -> Result<Vec<Inserted>, StoreError> {
    // Most of what others wrote is read before taking the write lock (the first batch of a
    // process reads every claim), the rest once the lock is held.
    crate::token_index::catch_up(index, conn)?;
    // IMMEDIATE: take the write lock up front, so a transaction that reads (the duplicate
    // check) before it writes cannot fail to upgrade under WAL.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    crate::token_index::catch_up(index, &tx)?;
    let mut writer = Writer {
        conn: &tx,
        index,
        entities: HashMap::new(),
        roles: HashSet::new(),
        article_orgs: ArticleOrgs::default(),
        named: HashSet::new(),
        newly_named: Vec::new(),
        aliases: HashSet::new(),
    };
    let mut out = Vec::with_capacity(articles.len());
    for article in articles {
        out.push(writer.article(article)?);
    }
    crate::search::fill::index_new_claims(&tx)?;
    tx.commit()?;
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
    fn article(&mut self, p: &PreparedArticle) -> Result<Inserted, StoreError> {
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
    fn stored_article(&self, content_hash: &str) -> Result<Option<Id>, StoreError> {
        let existing: Option<Id> = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
            .query_row([content_hash], |r| r.get(0))
            .optional()?;
        Ok(existing)
    }

    /// The id of the outlet the article names, stored first when new.
    fn source_of(&mut self, p: &PreparedArticle) -> Result<Option<Id>, StoreError> {
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
    ) -> Result<(), StoreError> {
        if source_id.is_none() && p.article.url.is_none() {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO publications
                 (article_id, source_id, url, title, published_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                id,
                source_id,
                p.article.url,
                p.article.title,
                p.article.published_at
            ])?;
        Ok(())
    }

    /// Inserts the article's row, published by outlet `source_id`, and gives its id.
    fn article_row(
        &mut self,
        p: &PreparedArticle,
        source_id: Option<Id>,
    ) -> Result<Id, StoreError> {
        let text = p.article.text.as_str();
        let article_id: Id = self
            .conn
            .prepare_cached(
                "INSERT INTO articles (content_hash, title, text, source_id, url, published_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            )?
            .query_row(
                params![
                    p.content_hash,
                    p.article.title,
                    text,
                    source_id,
                    p.article.url,
                    p.article.published_at
                ],
                |r| r.get(0),
            )?;
        Ok(article_id)
    }

    /// Inserts the article's mentions, each with its entity, in text order.
    fn mentions(&mut self, p: &PreparedArticle, article_id: Id) -> Result<Mentions, StoreError> {
        let text = p.article.text.as_str();
        let mut counts: HashMap<Id, i64> = HashMap::new();
        let mut mention_rows = 0i64;
        // each mention's row and entity by its span: a claim's place names the mention it
        // came from, so correcting that mention's place corrects the claim's too
        let mut by_span = MentionsBySpan::new();
        for m in &p.extraction.mentions {
            let Some(entity) = self.mention(m, text)? else {
                continue;
            };
            let surface = m.span.slice(text).unwrap_or(&m.name);
            let mention_id: Id = self
                .conn
                .prepare_cached(
                    "INSERT INTO mentions (entity_id, article_id, start, \"end\", text)
                     VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                )?
                .query_row(
                    params![
                        entity,
                        article_id,
                        p.offsets.to_char(m.span.start),
                        p.offsets.to_char(m.span.end),
                        surface
                    ],
                    |r| r.get(0),
                )?;
            if let Some((city, region)) = open_seat(m) {
                self.record_seat(article_id, Site::Mention(mention_id), city, region, surface)?;
            }
            by_span.insert((m.span.start, m.span.end), (mention_id, entity));
            *counts.entry(entity).or_default() += 1;
            mention_rows += 1;
        }
        Ok(Mentions {
            counts,
            rows: mention_rows,
            by_span,
        })
    }

    /// Inserts the article's claims in text order, and gives each written claim's id with
    /// its comparison tokens, and how many were written.
    fn claims(
        &mut self,
        p: &PreparedArticle,
        article_id: Id,
        by_span: &MentionsBySpan,
    ) -> Result<(Vec<(Id, Signature)>, i64), StoreError> {
        let mut claim_rows = 0i64;
        let mut signed: Vec<(Id, Signature)> = Vec::with_capacity(p.extraction.claims.len());
        for (index, claim) in p.extraction.claims.iter().enumerate() {
            if let Some(written) = self.claim(p, article_id, index, claim, by_span)? {
                signed.push(written);
                claim_rows += 1;
            }
        }
        Ok((signed, claim_rows))
    }

    /// Inserts one claim with its places and figures and gives its id and comparison
    /// tokens; `None` for a claim whose span is off the text's char boundaries.
    fn claim(
        &mut self,
        p: &PreparedArticle,
        article_id: Id,
        index: usize,
        claim: &Claim,
        by_span: &MentionsBySpan,
    ) -> Result<Option<(Id, Signature)>, StoreError> {
        let text = p.article.text.as_str();
        let Some(claim_text) = claim.span.slice(text) else {
            tracing::warn!(article_id, "claim span off char boundaries; skipped");
            return Ok(None);
        };
        let (speaker_id, speaker_text) = match &claim.speaker {
            None => (None, None),
            Some(m) => {
                let said = m.span.slice(text).unwrap_or(&m.name).to_string();
                match self.mention(m, text)? {
                    Some(id) => (Some(id), Some(said)),
                    // an unnamed source keeps its own words and no entity
                    None => (None, Some(m.name.clone())),
                }
            }
        };
        let via_id = match &claim.via {
            Some(m) => self.mention(m, text)?,
            None => None,
        };
        let claim_id: Id = self
            .conn
            .prepare_cached(
                "INSERT INTO claims (article_id, kind, text, start, \"end\", speaker_id,
                                     speaker_text, via_id, cue)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
            )?
            .query_row(
                params![
                    article_id,
                    claim.kind.as_str(),
                    claim_text,
                    p.offsets.to_char(claim.span.start),
                    p.offsets.to_char(claim.span.end),
                    speaker_id,
                    speaker_text,
                    via_id,
                    claim.cue
                ],
                |r| r.get(0),
            )?;
        let mut signature = p.signatures.get(index).cloned().unwrap_or_default();
        if let Some(id) = speaker_id {
            signature.push_entity('s', id);
        }
        self.claim_places(article_id, claim_id, claim, text, by_span, &mut signature)?;
        self.claim_numbers(p, claim_id, claim)?;
        Ok(Some((claim_id, signature)))
    }

    /// Inserts the places a claim is about, each with the mention that named it, and adds
    /// those that are not countries to its comparison tokens.
    fn claim_places(
        &mut self,
        article_id: Id,
        claim_id: Id,
        claim: &Claim,
        text: &str,
        by_span: &MentionsBySpan,
        signature: &mut Signature,
    ) -> Result<(), StoreError> {
        for place in &claim.places {
            if let Some(entity) = self.mention(place, text)? {
                let mention = claim_place(place, entity, by_span, signature);
                self.conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO claim_places (claim_id, entity_id, mention_id)
                         VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![claim_id, entity, mention])?;
                if let Some((city, region)) = open_seat(place) {
                    let surface = place.span.slice(text).unwrap_or(&place.name);
                    self.record_seat(article_id, Site::Claim(claim_id), city, region, surface)?;
                }
            }
        }
        Ok(())
    }

    /// Inserts the figures a claim gives, in text order.
    fn claim_numbers(
        &self,
        p: &PreparedArticle,
        claim_id: Id,
        claim: &Claim,
    ) -> Result<(), StoreError> {
        let text = p.article.text.as_str();
        for n in &claim.numbers {
            self.conn
                .prepare_cached(
                    "INSERT INTO claim_numbers (claim_id, value, unit, qualifier, text,
                                                start, \"end\", base_value, base_unit)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?
                .execute(params![
                    claim_id,
                    n.value,
                    n.unit,
                    n.qualifier.as_str(),
                    n.span.slice(text).unwrap_or_default(),
                    p.offsets.to_char(n.span.start),
                    p.offsets.to_char(n.span.end),
                    n.normalized.map(|m| m.value),
                    n.normalized.map(|m| m.unit)
                ])?;
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
    ) -> Result<(), StoreError> {
        let mut bump = self.conn.prepare_cached(
            "UPDATE entities SET mention_count = mention_count + ?1 WHERE id = ?2",
        )?;
        for (entity, n) in mentions.counts {
            bump.execute(params![n, entity])?;
        }
        self.settle_seats()?;
        self.link_claims(article_id, signed)?;
        self.conn
            .prepare_cached(
                "UPDATE articles SET claim_count = ?1, mention_count = ?2 WHERE id = ?3",
            )?
            .execute(params![claim_rows, mentions.rows, article_id])?;
        Ok(())
    }

    /// The entity a mention refers to; `None` for unnamed sources and names that fold to
    /// nothing. The surface form becomes an alias when it is a shorter form of the name
    /// ("Okafor" for "Ada Okafor"), never when it is a pronoun or description.
    fn mention(&mut self, m: &Mention, text: &str) -> Result<Option<Id>, StoreError> {
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
    fn place(&mut self, place: &PlaceRef) -> Result<Id, StoreError> {
        let cache = (EntityKind::Place, place.key.clone());
        if let Some(id) = self.entities.get(&cache) {
            return Ok(*id);
        }
        let id = match self.stored_place(&place.key)? {
            Some(id) => id,
            None => {
                let id: Id = self
                    .conn
                    .prepare_cached(
                        "INSERT INTO entities (kind, name, key, geonames_id, lat, lon,
                                               country_code, place_type)
                         VALUES ('place', ?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                    )?
                    .query_row(
                        params![
                            place.name,
                            place.key,
                            place.geonames_id.map(i64::from),
                            place.lat,
                            place.lon,
                            place.country,
                            place.place_type.as_str()
                        ],
                        |r| r.get(0),
                    )?;
                self.alias(EntityKind::Place, id, &place.name)?;
                for a in place.aliases.iter() {
                    self.alias(EntityKind::Place, id, a)?;
                }
                id
            }
        };
        self.entities.insert(cache, id);
        Ok(id)
    }

    /// The entity a place key is stored as, if any: an analyst's merge outranks the
    /// gazetteer's identity.
    pub(crate) fn stored_place(&mut self, key: &str) -> Result<Option<Id>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT entity_id FROM manual_aliases WHERE kind = 'place' AND key = ?1
                 UNION ALL
                 SELECT id FROM entities WHERE kind = 'place' AND key = ?1
                 LIMIT 1",
            )?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    pub(crate) fn alias(
        &mut self,
        kind: EntityKind,
        entity: Id,
        alias: &str,
    ) -> Result<(), StoreError> {
        if !self.aliases.insert((entity, alias.trim().to_string())) {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, key, rkey)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                entity,
                alias.trim(),
                fold(alias),
                resolve_key(kind, alias)
            ])?;
        Ok(())
    }

    fn source(&mut self, name: &str) -> Result<Id, StoreError> {
        let entity = self
            .resolve(EntityKind::Outlet, name)?
            .ok_or(StoreError::Database(rusqlite::Error::QueryReturnedNoRows))?;
        Ok(self
            .conn
            .prepare_cached(
                "INSERT INTO sources (name, entity_id) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
            )?
            .query_row(params![name, entity], |r| r.get(0))?)
    }
}
