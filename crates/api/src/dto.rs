//! The JSON shapes of the API. snake_case fields, ids as numbers, lists as
//! `{"items": [...], "next_cursor": null | "opaque"}`.

use claimgraph_graph::corroborate::Frame;
use claimgraph_graph::storage::{
    ArticleRecord, ClaimLinks, ClaimPlace, ClaimRecord, EntityRecord, EntitySummary, FactRecord,
    Id, LinkedClaim, NumberRecord, Page, Publication, SpeakerRecord,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `POST /v1/articles` as JSON. Unknown fields are refused so typos do not vanish.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleIn {
    /// The article's text: not blank (else 422 `empty_text`): a character that is not a
    /// space, a control or an invisible format character (the pattern is [`TEXT_PATTERN`]).
    #[schema(
        min_length = 1,
        pattern = r"[^\s\x00-\x1f\x7f-\x9f\xad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
    )]
    pub text: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// When it was published: an RFC 3339 date-time or a `YYYY-MM-DD` date, one that
    /// exists (else 422 `invalid_published_at`).
    #[schema(schema_with = published_at_schema)]
    pub published_at: Option<String>,
}

/// What makes a text not blank, as `claimgraph_graph::article::prepare` decides it: one character
/// that is neither white space, a control character nor an invisible format character
/// (zero-width spaces, direction marks, the BOM, the soft hyphen).
pub const TEXT_PATTERN: &str =
    r"[^\s\x00-\x1f\x7f-\x9f\xad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]";

/// A `text/plain` article: its first line is the headline; not blank (else 422
/// `empty_text`). Only a schema: the handler reads the body itself.
pub enum ArticlePlain {}

impl utoipa::PartialSchema for ArticlePlain {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .pattern(Some(TEXT_PATTERN))
            .description(Some(
                "The article: its first line is the headline; not blank (else 422 `empty_text`).",
            ))
            .into()
    }
}

impl ToSchema for ArticlePlain {}

/// `published_at` as the server checks it (`timestamp::is_timestamp`): a date-time, a
/// date or null, so a generated client or test sends only values the server takes.
fn published_at_schema() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{AnyOfBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
    let string = |format| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(format)))
    };
    AnyOfBuilder::new()
        .item(string(KnownFormat::DateTime))
        .item(string(KnownFormat::Date))
        .item(ObjectBuilder::new().schema_type(Type::Null))
        .description(Some(
            "When it was published: an RFC 3339 date-time or a `YYYY-MM-DD` date, one that \
             exists (else 422 `invalid_published_at`).",
        ))
        .build()
        .into()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct List<T> {
    pub items: Vec<T>,
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

impl<T> List<T> {
    pub fn from_page<R>(page: Page<R>, f: impl FnMut(R) -> T) -> Self {
        List {
            items: page.items.into_iter().map(f).collect(),
            next_cursor: page.next.map(|c| c.encode()),
        }
    }

    /// No items and no next page: what filters that exclude each other match.
    pub fn empty() -> Self {
        List {
            items: Vec::new(),
            next_cursor: None,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleOut {
    #[schema(value_type = i64)]
    pub id: Id,
    #[schema(required = true)]
    pub title: Option<String>,
    #[schema(required = true)]
    pub source: Option<String>,
    #[schema(required = true)]
    pub url: Option<String>,
    #[schema(required = true)]
    pub published_at: Option<String>,
    pub created_at: String,
    pub content_hash: String,
    pub claim_count: i64,
    pub mention_count: i64,
    /// The whole text: in one article's answers (`GET /v1/articles/{id}`, and both the 201
    /// and the 200 of `POST /v1/articles`), never in lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The outlets and addresses that published this text, first first (the article's own
    /// `source` and `url` are the first's): in one article's answers, never in lists. An
    /// article posted without a source or url has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publications: Option<Vec<PublicationOut>>,
}

/// One outlet's or address's publication of an article's text.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicationOut {
    #[schema(required = true)]
    pub source: Option<String>,
    #[schema(required = true)]
    pub url: Option<String>,
    #[schema(required = true)]
    pub title: Option<String>,
    #[schema(required = true)]
    pub published_at: Option<String>,
    /// When this server learnt of the publication.
    pub created_at: String,
}

impl From<Publication> for PublicationOut {
    fn from(p: Publication) -> Self {
        PublicationOut {
            source: p.source,
            url: p.url,
            title: p.title,
            published_at: p.published_at,
            created_at: p.created_at,
        }
    }
}

impl From<ArticleRecord> for ArticleOut {
    fn from(a: ArticleRecord) -> Self {
        ArticleOut {
            id: a.id,
            title: a.title,
            source: a.source,
            url: a.url,
            published_at: a.published_at,
            created_at: a.created_at,
            content_hash: a.content_hash,
            claim_count: a.claim_count,
            mention_count: a.mention_count,
            text: a.text,
            publications: a
                .publications
                .map(|ps| ps.into_iter().map(PublicationOut::from).collect()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EntityOut {
    #[schema(value_type = i64)]
    pub id: Id,
    pub name: String,
    #[serde(rename = "type")]
    #[schema(value_type = crate::openapi::enums::EntityType)]
    pub kind: String,
    pub aliases: Vec<String>,
    /// Titles and roles the articles give the entity ("general", "spokesman").
    pub roles: Vec<String>,
    /// Places only: `{"lat", "lon"}` when the gazetteer knows the place, else `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Option<Coordinates>>,
    /// Places only: ISO 3166 alpha-2 country code or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Option<String>>,
    /// Places only: `city`, `region`, `country` or `other`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::openapi::enums::PlaceTypeName>)]
    pub place_type: Option<Option<String>>,
    /// Places only: the GeoNames id or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<Option<i64>>,
}

/// A position in degrees (WGS 84).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

impl From<EntitySummary> for EntityOut {
    fn from(e: EntitySummary) -> Self {
        let place = e.place;
        EntityOut {
            id: e.id,
            name: e.name,
            kind: e.kind,
            aliases: e.aliases,
            roles: e.roles,
            coordinates: place
                .as_ref()
                .map(|p| p.coordinates.map(|(lat, lon)| Coordinates { lat, lon })),
            country: place.as_ref().map(|p| p.country.clone()),
            place_type: place.as_ref().map(|p| p.place_type.clone()),
            geonames_id: place.as_ref().map(|p| p.geonames_id),
        }
    }
}

/// `POST /v1/entities/{id}/merge`: the entity to merge into the one in the path.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeIn {
    #[schema(value_type = i64, minimum = 1)]
    pub from_id: Id,
}

/// `POST /v1/entities/{id}/aliases`: a name that must resolve to this entity.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AliasIn {
    /// Another name of the entity: at least one letter or digit, at most
    /// [`MAX_ALIAS_CHARS`] characters (else 422 `invalid_alias`).
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub alias: String,
}

/// The longest alias kept, in characters: a name, not a text.
pub const MAX_ALIAS_CHARS: usize = 200;

#[derive(Debug, Serialize, ToSchema)]
pub struct EntityDetailOut {
    #[serde(flatten)]
    pub entity: EntityOut,
    pub mention_count: i64,
    pub article_count: i64,
    /// Claims this entity is the speaker of.
    pub claim_count: i64,
    pub created_at: String,
}

impl From<EntityRecord> for EntityDetailOut {
    fn from(e: EntityRecord) -> Self {
        EntityDetailOut {
            entity: e.entity.into(),
            mention_count: e.mention_count,
            article_count: e.article_count,
            claim_count: e.claim_count,
            created_at: e.created_at,
        }
    }
}

/// A speaker: a named entity, or an unnamed source with `id: null` and `type: "nominal"`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerOut {
    #[schema(value_type = Option<i64>, required = true)]
    pub id: Option<Id>,
    pub name: String,
    /// The entity's type, or `nominal` for an unnamed source.
    #[serde(rename = "type")]
    #[schema(value_type = crate::openapi::enums::SpeakerType)]
    pub kind: String,
    pub aliases: Vec<String>,
}

impl From<SpeakerRecord> for SpeakerOut {
    fn from(s: SpeakerRecord) -> Self {
        match s {
            SpeakerRecord::Entity(e) => SpeakerOut {
                id: Some(e.id),
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
            },
            SpeakerRecord::Nominal(words) => SpeakerOut {
                id: None,
                name: words,
                kind: "nominal".to_string(),
                aliases: Vec::new(),
            },
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NumberOut {
    pub value: f64,
    pub unit: String,
    pub qualifier: String,
    pub text: String,
    pub start: i64,
    pub end: i64,
    /// The value in its dimension's base unit (`km2`, `km`, `hour`, `km/h`), so figures given in
    /// different units compare; null for counts, currencies and percentages.
    #[schema(required = true)]
    pub normalized: Option<MeasureOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeasureOut {
    pub value: f64,
    pub unit: String,
}

impl From<NumberRecord> for NumberOut {
    fn from(n: NumberRecord) -> Self {
        NumberOut {
            value: n.value,
            unit: n.unit,
            qualifier: n.qualifier,
            text: n.text,
            start: n.start,
            end: n.end,
            normalized: n.base.map(|(value, unit)| MeasureOut { value, unit }),
        }
    }
}

/// A claim. `start`/`end` are Unicode code point offsets into the article text, and
/// `text` is exactly that slice.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimOut {
    #[schema(value_type = i64)]
    pub id: Id,
    #[schema(value_type = i64)]
    pub article_id: Id,
    #[schema(value_type = crate::openapi::enums::ClaimKindName)]
    pub kind: String,
    pub text: String,
    pub start: i64,
    pub end: i64,
    #[schema(required = true)]
    pub speaker: Option<SpeakerOut>,
    #[schema(required = true)]
    pub via: Option<EntityOut>,
    #[schema(required = true)]
    pub cue: Option<String>,
    pub places: Vec<ClaimPlaceOut>,
    /// The figures the claim gives, in text order: at most its first 100 (number filters
    /// see them all).
    pub numbers: Vec<NumberOut>,
    /// The fact (`GET /v1/facts/{id}`) the claim belongs to; `null` while no other
    /// article reports it.
    #[schema(required = true, value_type = Option<i64>)]
    pub fact_id: Option<Id>,
    /// How many other articles report the same fact.
    pub corroborations: i64,
}

impl From<ClaimRecord> for ClaimOut {
    fn from(c: ClaimRecord) -> Self {
        ClaimOut {
            id: c.id,
            article_id: c.article_id,
            kind: c.kind,
            text: c.text,
            start: c.start,
            end: c.end,
            speaker: c.speaker.map(Into::into),
            via: c.via.map(Into::into),
            cue: c.cue,
            places: c.places.into_iter().map(Into::into).collect(),
            numbers: c.numbers.into_iter().map(Into::into).collect(),
            fact_id: c.fact_id,
            corroborations: c.corroborations,
        }
    }
}

/// A place a claim is about, and the mention of the article that named it
/// (`POST /v1/mentions/{mention_id}/place` corrects a wrong place).
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimPlaceOut {
    #[serde(flatten)]
    pub entity: EntityOut,
    /// The mention the place was read from; `null` when none has its span.
    #[schema(required = true, value_type = Option<i64>)]
    pub mention_id: Option<Id>,
}

impl From<ClaimPlace> for ClaimPlaceOut {
    fn from(p: ClaimPlace) -> Self {
        ClaimPlaceOut {
            entity: p.entity.into(),
            mention_id: p.mention_id,
        }
    }
}

/// A claim of another article, as a link target: enough to show and to fetch it.
#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedClaimOut {
    #[schema(value_type = i64)]
    pub claim_id: Id,
    #[schema(value_type = i64)]
    pub article_id: Id,
    /// The article's source (outlet).
    #[schema(required = true)]
    pub source: Option<String>,
    /// The speaker's canonical name, or an unnamed speaker's words.
    #[schema(required = true)]
    pub speaker: Option<String>,
    pub text: String,
}

impl From<LinkedClaim> for LinkedClaimOut {
    fn from(c: LinkedClaim) -> Self {
        LinkedClaimOut {
            claim_id: c.claim_id,
            article_id: c.article_id,
            source: c.source,
            speaker: c.speaker,
            text: c.text,
        }
    }
}

/// `GET /v1/claims/{id}`: a claim with the claims of other articles that report the same
/// fact (`corroborated_by`) and those that give another figure for it (`conflicts_with`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimDetailOut {
    #[serde(flatten)]
    pub claim: ClaimOut,
    pub corroborated_by: Vec<LinkedClaimOut>,
    pub conflicts_with: Vec<LinkedClaimOut>,
    pub frame: FrameOut,
}

impl ClaimDetailOut {
    pub fn new(claim: ClaimRecord, links: ClaimLinks) -> Self {
        ClaimDetailOut {
            claim: claim.into(),
            corroborated_by: links.corroborated_by.into_iter().map(Into::into).collect(),
            conflicts_with: links.conflicts_with.into_iter().map(Into::into).collect(),
            frame: links.frame.into(),
        }
    }
}

/// What the linker compared a claim by, so a client can show why claims were grouped
/// into one fact or linked as conflicting: claims of one fact share most of the
/// `predicate`, a place or a figure; two claims conflict when they name the same
/// `places` (or one names none) and give different values in one unit for what the same
/// `measures` words describe.
#[derive(Debug, Serialize, ToSchema)]
pub struct FrameOut {
    /// The comparison terms: content words, endings cut, synonyms made one word
    /// ("retook", "recaptured" → `recapture`).
    #[schema(example = json!(["troop", "recapture", "port"]))]
    pub predicate: Vec<String>,
    /// The speaker's entity id, when the claim has a resolved speaker.
    #[schema(value_type = Option<i64>, required = true)]
    pub actor: Option<Id>,
    /// Entity ids of the places compared (countries are left out: too broad to tell
    /// facts apart).
    #[schema(value_type = Vec<i64>)]
    pub places: Vec<Id>,
    /// Each figure as compared.
    pub figures: Vec<FrameFigureOut>,
    /// The claim denies what it says ("was not taken").
    pub denied: bool,
}

/// A figure as the linker compares it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FrameFigureOut {
    /// A base unit (`km2`, `km`, `hour`), a currency, or the counted noun with what befell
    /// it (`person/killed`).
    #[schema(example = "km2")]
    pub unit: String,
    /// The value in that unit, to three significant digits.
    pub value: f64,
    /// `exact`, `at_least` or `at_most` ("more than 200" is 200 or more).
    #[schema(example = "exact")]
    pub bound: &'static str,
    /// The words beside the figure that say what it measures; empty for a count.
    pub measures: Vec<String>,
}

impl From<Frame> for FrameOut {
    fn from(f: Frame) -> Self {
        FrameOut {
            predicate: f.predicate,
            actor: f.actor,
            places: f.places,
            figures: f
                .figures
                .into_iter()
                .map(|x| FrameFigureOut {
                    unit: x.unit,
                    value: x.value,
                    bound: x.bound,
                    measures: x.measures,
                })
                .collect(),
            denied: f.denied,
        }
    }
}

/// A fact: claims of two or more articles that report the same thing.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactOut {
    #[schema(value_type = i64)]
    pub id: Id,
    /// Claims in the fact.
    pub size: i64,
    /// Distinct texts they come from: wire copy carried by several outlets counts once.
    pub article_count: i64,
    /// Distinct outlets that published those texts, each publication counted.
    pub sources: Vec<String>,
    /// How many outlets: "reported by `outlet_count` outlets in `article_count` texts".
    pub outlet_count: usize,
    /// Its claims, by article; a list of facts gives the first 20 of each (`size` counts
    /// them all), `GET /v1/facts/{id}` every one.
    pub claims: Vec<LinkedClaimOut>,
    /// Facts whose figures disagree with this one's (in a list of facts, at most 20:
    /// those of the earliest conflicting claims).
    #[schema(value_type = Vec<i64>)]
    pub conflicts_with: Vec<Id>,
    /// The claims that disagree, including those no other article corroborates (the
    /// first 20 in a list of facts).
    pub conflicting_claims: Vec<LinkedClaimOut>,
    /// A list of facts cut `conflicts_with` or `conflicting_claims` at 20, or followed
    /// the conflicts of only the fact's first 42 claims (a fact of wire copy holds
    /// thousands): `GET /v1/facts/{id}` gives them all.
    pub conflicts_truncated: bool,
}

impl From<FactRecord> for FactOut {
    fn from(f: FactRecord) -> Self {
        FactOut {
            id: f.id,
            size: f.size,
            article_count: f.article_count,
            outlet_count: f.sources.len(),
            sources: f.sources,
            claims: f.claims.into_iter().map(Into::into).collect(),
            conflicts_with: f.conflicts_with,
            conflicting_claims: f.conflicting_claims.into_iter().map(Into::into).collect(),
            conflicts_truncated: f.conflicts_truncated,
        }
    }
}

/// `GET /v1/claims.geojson`: a GeoJSON FeatureCollection (RFC 7946) with one Point
/// Feature per (claim, place with coordinates); `next_cursor` pages like `/v1/claims`.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureCollection {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub features: Vec<Feature>,
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Feature {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub geometry: Point,
    pub properties: FeatureProperties,
}

/// GeoJSON positions are `[lon, lat]`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Point {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub coordinates: [f64; 2],
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureProperties {
    #[schema(value_type = i64)]
    pub claim_id: Id,
    #[schema(value_type = i64)]
    pub article_id: Id,
    pub text: String,
    #[schema(value_type = crate::openapi::enums::ClaimKindName)]
    pub kind: String,
    #[schema(required = true)]
    pub speaker: Option<String>,
    #[schema(value_type = i64)]
    pub place_id: Id,
    /// The mention the place was read from (see `ClaimPlaceOut`).
    #[schema(required = true, value_type = Option<i64>)]
    pub mention_id: Option<Id>,
    pub place_name: String,
    #[schema(required = true, value_type = Option<crate::openapi::enums::PlaceTypeName>)]
    pub place_type: Option<String>,
    #[schema(required = true)]
    pub country: Option<String>,
}

impl FeatureCollection {
    /// The features of a page of claims: claims without located places add none.
    pub fn from_page(page: Page<ClaimRecord>) -> Self {
        let next_cursor = page.next.map(|c| c.encode());
        let mut features = Vec::new();
        for c in page.items {
            let speaker = match &c.speaker {
                Some(SpeakerRecord::Entity(e)) => Some(e.name.clone()),
                Some(SpeakerRecord::Nominal(words)) => Some(words.clone()),
                None => None,
            };
            for cp in &c.places {
                let p = &cp.entity;
                let Some(info) = &p.place else { continue };
                let Some((lat, lon)) = info.coordinates else {
                    continue;
                };
                features.push(Feature {
                    kind: "Feature",
                    geometry: Point {
                        kind: "Point",
                        coordinates: [lon, lat],
                    },
                    properties: FeatureProperties {
                        claim_id: c.id,
                        article_id: c.article_id,
                        text: c.text.clone(),
                        kind: c.kind.clone(),
                        speaker: speaker.clone(),
                        place_id: p.id,
                        mention_id: cp.mention_id,
                        place_name: p.name.clone(),
                        place_type: info.place_type.clone(),
                        country: info.country.clone(),
                    },
                });
            }
        }
        FeatureCollection {
            kind: "FeatureCollection",
            features,
            next_cursor,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
}

#[cfg(test)]
mod tests {
    use claimgraph_graph::storage::{LISTED_CLAIMS, SEARCHED_CLAIMS};

    /// `FactOut`'s documentation states both bounds in figures.
    #[test]
    fn the_documented_fact_list_bounds_are_the_storage_bounds() {
        assert_eq!((LISTED_CLAIMS, SEARCHED_CLAIMS), (20, 42));
    }
}
