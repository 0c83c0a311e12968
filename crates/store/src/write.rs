use std::collections::{HashMap, HashSet};

use claimgraph_extract::{EntityKind, Mention, PlaceRef, PlaceType};
use sqlx::pool::PoolConnection;
use sqlx::{Connection, Sqlite, SqliteConnection};

use crate::canon::{fold, resolve_key};
use crate::corroborate::Signature;
use crate::seats::Site;
use crate::{Id, PreparedArticle, Store, StoreError};

/// The outcome of handing one article to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inserted {
    pub id: Id,
    /// `false` when an article with the same text was already stored: nothing was written.
    pub created: bool,
}

impl Store {
    /// The id of the stored article whose text has this hash, if any.
    pub async fn find_article_by_hash(&self, content_hash: &str) -> Result<Option<Id>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT id FROM articles WHERE content_hash = ?1")
                .bind(content_hash)
                .fetch_optional(&self.read)
                .await?,
        )
    }

    /// Stores one article with its claims and entities in one transaction.
    pub async fn insert(&self, article: &PreparedArticle) -> Result<Inserted, StoreError> {
        let mut out = self.insert_batch(std::slice::from_ref(article)).await?;
        out.pop()
            .ok_or(StoreError::Database(sqlx::Error::RowNotFound))
    }

    /// Stores many articles in one transaction: all of them or, on error, none.
    pub async fn insert_batch(
        &self,
        articles: &[PreparedArticle],
    ) -> Result<Vec<Inserted>, StoreError> {
        let mut conn = WriteConn {
            conn: self.write.acquire().await?,
            committed: false,
        };
        let out = write_batch(&mut conn.conn, articles).await?;
        conn.committed = true;
        Ok(out)
    }
}

/// The writer connection for one batch. Unless the batch committed it is closed, not handed
/// back to the pool: after a failed or abandoned transaction (disk full, an I/O error, a
/// request that timed out) SQLite may have rolled back on its own, sqlx's idea of the
/// transaction can then be wrong, and only a fresh connection is known to be clean.
struct WriteConn {
    conn: PoolConnection<Sqlite>,
    committed: bool,
}

impl Drop for WriteConn {
    fn drop(&mut self) {
        if !self.committed {
            self.conn.close_on_drop();
        }
    }
}

async fn write_batch(
    conn: &mut SqliteConnection,
    articles: &[PreparedArticle],
) -> Result<Vec<Inserted>, StoreError> {
    // IMMEDIATE: take the write lock up front, so a transaction that reads (the duplicate
    // check) before it writes cannot fail to upgrade under WAL.
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    let mut writer = Writer {
        conn: &mut tx,
        entities: HashMap::new(),
        roles: HashSet::new(),
        article_orgs: Vec::new(),
        named: HashSet::new(),
        newly_named: Vec::new(),
        aliases: HashSet::new(),
    };
    let mut out = Vec::with_capacity(articles.len());
    for article in articles {
        out.push(writer.article(article).await?);
    }
    tx.commit().await?;
    Ok(out)
}

/// One write transaction, with the entity ids it has already resolved.
pub(crate) struct Writer<'c> {
    pub(crate) conn: &'c mut SqliteConnection,
    pub(crate) entities: HashMap<(EntityKind, String), Id>,
    /// (entity, role) pairs already written in this transaction.
    pub(crate) roles: HashSet<(Id, String)>,
    /// Organisations of the current article by key without country (see `note_org`).
    pub(crate) article_orgs: Vec<(String, Id)>,
    /// Place keys known to be named without doubt (see `seats`).
    pub(crate) named: HashSet<String>,
    /// Of those, the ones the current article names first, to settle at its end.
    pub(crate) newly_named: Vec<String>,
    /// (entity, alias) pairs already written in this transaction: a place named 30 times
    /// in a batch needs its spelling written once (bulk ingest spends its time per
    /// statement).
    pub(crate) aliases: HashSet<(Id, String)>,
}

impl Writer<'_> {
    async fn article(&mut self, p: &PreparedArticle) -> Result<Inserted, StoreError> {
        let existing: Option<Id> =
            sqlx::query_scalar("SELECT id FROM articles WHERE content_hash = ?1")
                .bind(&p.content_hash)
                .fetch_optional(&mut *self.conn)
                .await?;
        if let Some(id) = existing {
            return Ok(Inserted { id, created: false });
        }
        self.article_orgs.clear();
        let text = p.article.text.as_str();
        let source_id = match p.article.source.as_deref().map(str::trim) {
            Some(name) if !fold(name).is_empty() => Some(self.source(name).await?),
            _ => None,
        };
        let article_id: Id = sqlx::query_scalar(
            "INSERT INTO articles (content_hash, title, text, source_id, url, published_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        )
        .bind(&p.content_hash)
        .bind(&p.article.title)
        .bind(text)
        .bind(source_id)
        .bind(&p.article.url)
        .bind(&p.article.published_at)
        .fetch_one(&mut *self.conn)
        .await?;

        let mut counts: HashMap<Id, i64> = HashMap::new();
        let mut mention_rows = 0i64;
        for m in &p.extraction.mentions {
            let Some(entity) = self.mention(m, text).await? else {
                continue;
            };
            let surface = m.span.slice(text).unwrap_or(&m.name);
            let mention_id: Id = sqlx::query_scalar(
                "INSERT INTO mentions (entity_id, article_id, start, \"end\", text)
                 VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            )
            .bind(entity)
            .bind(article_id)
            .bind(p.offsets.to_char(m.span.start))
            .bind(p.offsets.to_char(m.span.end))
            .bind(surface)
            .fetch_one(&mut *self.conn)
            .await?;
            if let Some((city, region)) = open_seat(m) {
                self.record_seat(article_id, Site::Mention(mention_id), city, region, surface)
                    .await?;
            }
            *counts.entry(entity).or_default() += 1;
            mention_rows += 1;
        }

        let mut claim_rows = 0i64;
        let mut signed: Vec<(Id, Signature)> = Vec::with_capacity(p.extraction.claims.len());
        for (index, claim) in p.extraction.claims.iter().enumerate() {
            let Some(claim_text) = claim.span.slice(text) else {
                tracing::warn!(article_id, "claim span off char boundaries; skipped");
                continue;
            };
            let (speaker_id, speaker_text) = match &claim.speaker {
                None => (None, None),
                Some(m) => {
                    let said = m.span.slice(text).unwrap_or(&m.name).to_string();
                    match self.mention(m, text).await? {
                        Some(id) => (Some(id), Some(said)),
                        // an unnamed source keeps its own words and no entity
                        None => (None, Some(m.name.clone())),
                    }
                }
            };
            let via_id = match &claim.via {
                Some(m) => self.mention(m, text).await?,
                None => None,
            };
            let claim_id: Id = sqlx::query_scalar(
                "INSERT INTO claims (article_id, kind, text, start, \"end\", speaker_id,
                                     speaker_text, via_id, cue)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
            )
            .bind(article_id)
            .bind(claim.kind.as_str())
            .bind(claim_text)
            .bind(p.offsets.to_char(claim.span.start))
            .bind(p.offsets.to_char(claim.span.end))
            .bind(speaker_id)
            .bind(speaker_text)
            .bind(via_id)
            .bind(&claim.cue)
            .fetch_one(&mut *self.conn)
            .await?;
            let mut signature = p.signatures.get(index).cloned().unwrap_or_default();
            if let Some(id) = speaker_id {
                signature.push_entity('s', id);
            }
            for place in &claim.places {
                if let Some(entity) = self.mention(place, text).await? {
                    if place
                        .place
                        .as_ref()
                        .is_none_or(|r| r.place_type != PlaceType::Country)
                    {
                        signature.push_entity('p', entity);
                    }
                    sqlx::query(
                        "INSERT OR IGNORE INTO claim_places (claim_id, entity_id) VALUES (?1, ?2)",
                    )
                    .bind(claim_id)
                    .bind(entity)
                    .execute(&mut *self.conn)
                    .await?;
                    if let Some((city, region)) = open_seat(place) {
                        let surface = place.span.slice(text).unwrap_or(&place.name);
                        self.record_seat(article_id, Site::Claim(claim_id), city, region, surface)
                            .await?;
                    }
                }
            }
            for n in &claim.numbers {
                sqlx::query(
                    "INSERT INTO claim_numbers
                        (claim_id, value, unit, qualifier, text, start, \"end\", base_value, base_unit)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .bind(claim_id)
                .bind(n.value)
                .bind(&n.unit)
                .bind(n.qualifier.as_str())
                .bind(n.span.slice(text).unwrap_or_default())
                .bind(p.offsets.to_char(n.span.start))
                .bind(p.offsets.to_char(n.span.end))
                .bind(n.normalized.map(|m| m.value))
                .bind(n.normalized.map(|m| m.unit))
                .execute(&mut *self.conn)
                .await?;
            }
            signed.push((claim_id, signature));
            claim_rows += 1;
        }

        for (entity, n) in counts {
            sqlx::query("UPDATE entities SET mention_count = mention_count + ?1 WHERE id = ?2")
                .bind(n)
                .bind(entity)
                .execute(&mut *self.conn)
                .await?;
        }
        self.settle_seats().await?;
        self.link_claims(article_id, &signed).await?;
        sqlx::query("UPDATE articles SET claim_count = ?1, mention_count = ?2 WHERE id = ?3")
            .bind(claim_rows)
            .bind(mention_rows)
            .bind(article_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(Inserted {
            id: article_id,
            created: true,
        })
    }

    /// The entity a mention refers to; `None` for unnamed sources and names that fold to
    /// nothing. The surface form becomes an alias when it is a shorter form of the name
    /// ("Okafor" for "Ada Okafor"), never when it is a pronoun or description.
    async fn mention(&mut self, m: &Mention, text: &str) -> Result<Option<Id>, StoreError> {
        if m.kind == EntityKind::Nominal {
            return Ok(None);
        }
        if let (EntityKind::Place, Some(place)) = (m.kind, &m.place) {
            let place = match place.or_region.as_deref() {
                Some(region) => self.seat_reading(place, region).await?,
                None => {
                    if matches!(place.place_type, PlaceType::City | PlaceType::Region) {
                        self.name_place(&place.key);
                    }
                    place
                }
            };
            let id = self.place(place).await?;
            // Every spelling a gazetteer place is written in finds it ("Kiev", "Kyiv"), but a
            // pronoun or description standing for it ("It fell …", "The city") is no name.
            if let Some(surface) = m.span.slice(text) {
                if surface.chars().next().is_some_and(char::is_uppercase) && !is_reference(surface)
                {
                    self.alias(EntityKind::Place, id, surface).await?;
                }
            }
            return Ok(Some(id));
        }
        let Some(id) = self.entity(m.kind, &m.name).await? else {
            return Ok(None);
        };
        if let Some(surface) = m.span.slice(text) {
            if is_short_form(surface, &m.name) {
                self.alias(m.kind, id, surface).await?;
            }
        }
        if let Some(acronym) = defined_acronym(text, m) {
            self.alias(m.kind, id, acronym).await?;
        }
        for role in &m.roles {
            self.role(id, role).await?;
        }
        Ok(Some(id))
    }

    async fn entity(&mut self, kind: EntityKind, name: &str) -> Result<Option<Id>, StoreError> {
        self.resolve(kind, name).await
    }

    /// The entity of a gazetteer place, keyed by its gazetteer key; created with its
    /// coordinates, country, type and the gazetteer's spellings as aliases.
    async fn place(&mut self, place: &PlaceRef) -> Result<Id, StoreError> {
        let cache = (EntityKind::Place, place.key.clone());
        if let Some(id) = self.entities.get(&cache) {
            return Ok(*id);
        }
        let id = match self.stored_place(&place.key).await? {
            Some(id) => id,
            None => {
                let id: Id = sqlx::query_scalar(
                    "INSERT INTO entities (kind, name, key, geonames_id, lat, lon, country_code,
                                           place_type)
                     VALUES ('place', ?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                )
                .bind(&place.name)
                .bind(&place.key)
                .bind(place.geonames_id.map(i64::from))
                .bind(place.lat)
                .bind(place.lon)
                .bind(&place.country)
                .bind(place.place_type.as_str())
                .fetch_one(&mut *self.conn)
                .await?;
                self.alias(EntityKind::Place, id, &place.name).await?;
                for a in place.aliases.iter() {
                    self.alias(EntityKind::Place, id, a).await?;
                }
                id
            }
        };
        self.entities.insert(cache, id);
        Ok(id)
    }

    /// The entity a place key is stored as, if any: an analyst's merge outranks the
    /// gazetteer's identity.
    pub(crate) async fn stored_place(&mut self, key: &str) -> Result<Option<Id>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT entity_id FROM manual_aliases WHERE kind = 'place' AND key = ?1
             UNION ALL
             SELECT id FROM entities WHERE kind = 'place' AND key = ?1
             LIMIT 1",
        )
        .bind(key)
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    pub(crate) async fn alias(
        &mut self,
        kind: EntityKind,
        entity: Id,
        alias: &str,
    ) -> Result<(), StoreError> {
        if !self.aliases.insert((entity, alias.trim().to_string())) {
            return Ok(());
        }
        sqlx::query(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, key, rkey) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(entity)
        .bind(alias.trim())
        .bind(fold(alias))
        .bind(resolve_key(kind, alias))
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn source(&mut self, name: &str) -> Result<Id, StoreError> {
        let entity = self
            .entity(EntityKind::Outlet, name)
            .await?
            .ok_or(StoreError::Database(sqlx::Error::RowNotFound))?;
        Ok(sqlx::query_scalar(
            "INSERT INTO sources (name, entity_id) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
        )
        .bind(name)
        .bind(entity)
        .fetch_one(&mut *self.conn)
        .await?)
    }
}

/// The city and region a place mention leaves open between, if it does.
fn open_seat(m: &Mention) -> Option<(&PlaceRef, &PlaceRef)> {
    let place = m.place.as_ref()?;
    Some((place, place.or_region.as_deref()?))
}

/// The acronym an article defines for an organisation or outlet right after naming it in
/// full ("the Harbour Safety Board (HSB)"): 2 to 6 capitals in brackets, starting with the
/// name's first letter, after a name of two words or more.
fn defined_acronym<'t>(text: &'t str, m: &Mention) -> Option<&'t str> {
    if !matches!(m.kind, EntityKind::Organization | EntityKind::Outlet) {
        return None;
    }
    let surface = m.span.slice(text)?;
    let key = fold(surface);
    if key.split(' ').count() < 2 || key != fold(&m.name) {
        return None;
    }
    let rest = text.get(m.span.end..)?.trim_start_matches([' ', '\u{a0}']);
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let acronym = &inner[..close];
    let first = key.chars().next()?.to_ascii_uppercase();
    let ok = (2..=6).contains(&acronym.len())
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && acronym.starts_with(first);
    ok.then_some(acronym)
}

/// `surface` names the same thing as `name` in fewer words: every folded word of the
/// surface is a word of the name, and it is written as a name (capitalised).
/// "It", "The city", "This town", "Its": words that point at a place without naming it.
fn is_reference(surface: &str) -> bool {
    let first = surface
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        first.as_str(),
        "it" | "its" | "it’s" | "it's" | "the" | "this" | "that" | "these" | "those" | "there"
    )
}

fn is_short_form(surface: &str, name: &str) -> bool {
    if !surface.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (s, n) = (fold(surface), fold(name));
    if s.is_empty() || s == n {
        return false;
    }
    let words: Vec<&str> = n.split(' ').collect();
    s.split(' ').all(|w| words.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimgraph_extract::Span;

    #[test]
    fn references_to_a_place_are_not_its_names() {
        assert!(is_reference("It"));
        assert!(is_reference("The city"));
        assert!(is_reference("This town"));
        assert!(!is_reference("Kyiv"));
        assert!(!is_reference("Thessaloniki"));
    }

    #[test]
    fn acronyms_defined_in_brackets_become_aliases() {
        let text = "the Harbour Safety Board (HSB) said. Then Lena Ivic (HSB) spoke.";
        let at = |s: &str| text.find(s).expect("in text");
        let org = |name: &str, kind| Mention {
            span: Span::new(at(name), at(name) + name.len()),
            name: name.to_string(),
            kind,
            roles: Vec::new(),
            place: None,
        };
        assert_eq!(
            defined_acronym(text, &org("Harbour Safety Board", EntityKind::Organization)),
            Some("HSB")
        );
        assert_eq!(
            defined_acronym(text, &org("Lena Ivic", EntityKind::Person)),
            None
        );
        assert_eq!(
            defined_acronym(text, &org("Lena Ivic", EntityKind::Organization)),
            None
        );
        assert_eq!(
            defined_acronym(text, &org("Safety Board", EntityKind::Organization)),
            None
        );
    }

    #[test]
    fn short_forms_are_capitalised_subsets() {
        assert!(is_short_form("Okafor", "Ada Okafor"));
        assert!(!is_short_form("she", "Ada Okafor"));
        assert!(!is_short_form("Ada Okafor", "Ada Okafor"));
        assert!(!is_short_form("The mayor", "Ada Okafor"));
    }
}
