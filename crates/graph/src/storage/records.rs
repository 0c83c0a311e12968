//! What a [`super::Storage`] answers with: the records of articles, claims, entities,
//! facts and curation as the graph's readers see them, and the filters they ask with.

use claimgraph_model::*;

use super::Cursor;
use crate::Id;

#[derive(Debug, Clone)]
pub struct ArticleRecord {
    pub id: Id,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published_at: Option<String>,
    pub created_at: String,
    pub content_hash: String,
    pub claim_count: i64,
    pub mention_count: i64,
    /// Only filled when one article is asked for: lists stay light.
    pub text: Option<String>,
    /// The outlets and addresses the text was published under, first first; only filled
    /// when one article is asked for.
    pub publications: Option<Vec<Publication>>,
}

/// One outlet's (or one address's) publication of an article's text: wire copy is one
/// article published by many.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published_at: Option<String>,
    /// When this store learnt of it.
    pub created_at: String,
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub enum SpeakerRecord {
    Entity(EntitySummary),
    /// An unnamed source, in the article's words ("a local official").
    Nominal(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberRecord {
    pub value: f64,
    pub unit: String,
    pub qualifier: String,
    pub text: String,
    pub start: i64,
    pub end: i64,
    /// The value in its dimension's base unit, when a fixed conversion exists.
    pub base: Option<(f64, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    pub id: Id,
    pub article_id: Id,
    pub kind: String,
    pub text: String,
    pub start: i64,
    pub end: i64,
    pub speaker: Option<SpeakerRecord>,
    pub via: Option<EntitySummary>,
    pub cue: Option<String>,
    pub places: Vec<ClaimPlace>,
    pub numbers: Vec<NumberRecord>,
    /// The fact the claim belongs to, when other articles report it too.
    pub fact_id: Option<Id>,
    /// How many other articles report the same fact.
    pub corroborations: i64,
}

/// A place a claim is about, with the mention in its article that named it: the handle a
/// curator moves to correct the place (`Storage::relink_mention`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimPlace {
    pub entity: EntitySummary,
    /// `None` when no mention of the place has the span the claim's place was read at.
    pub mention_id: Option<Id>,
}

/// Which claims to list. Every filter narrows; none set lists all claims. A filter of
/// several values matches a claim that fits any one of them (an empty one matches all).
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Claims about one of these entities: a place the claim is about, or any other
    /// entity mentioned inside the claim's words.
    pub about: Vec<Id>,
    pub speaker: Vec<Id>,
    pub via: Vec<Id>,
    pub article: Vec<Id>,
    pub kind: Vec<ClaimKind>,
    /// Claims involving one of the entities in any role: speaker, outlet cited, or about it.
    pub involving: Vec<Id>,
    /// Claims about one of these places (one of the places the claim is about).
    pub place: Vec<Id>,
    /// Claims in articles published by one of these outlets (the article's source).
    pub outlet: Vec<Id>,
    /// Articles published at or after this RFC 3339 timestamp or date (checked by the
    /// caller); articles without a publication time never match a date bound.
    pub published_after: Option<String>,
    /// Articles published strictly before this timestamp or date.
    pub published_before: Option<String>,
    /// `Some(true)`: claims giving at least one number; `Some(false)`: claims giving none.
    pub has_number: Option<bool>,
    /// Claims giving a number in a unit (or its dimension) within a range.
    pub number: Option<NumberFilter>,
    /// A full-text query over the claim text, in the search language of
    /// `crate::search` (not raw FTS5).
    pub text: Option<String>,
}

/// A number a claim must give: in `unit`, between `min` and `max` inclusive. A unit with
/// a base unit (`mi2` → `km2`) matches every unit of its dimension, compared on the
/// normalised value; other units (`person`, `usd`) compare the value as written.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberFilter {
    pub unit: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// The order of a claim list. Every order pages by keyset, so pages never repeat or skip
/// a claim while the data stays put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClaimSort {
    /// Article order, then text order within an article (the order they were stored).
    #[default]
    Stored,
    /// Oldest article first: its publication time, or when it was stored if it has none.
    DateAsc,
    /// Newest article first; text order within an article.
    DateDesc,
    /// Best full-text match first (bm25); needs [`ClaimFilter::text`].
    Relevance,
    /// Reported by the most other articles first (see `facts.rs`), then stored order.
    Corroboration,
}

/// A claim lists at most this many of its figures, the first in text order: more than a
/// real claim gives, while a claim of 100,000 repeated figures costs its page a hundred
/// rows instead of 15 MB of JSON. Number filters still see every figure.
pub const LISTED_NUMBERS: i64 = 100;

/// An entity as it appears inside other records: enough to show it and to match it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitySummary {
    pub id: Id,
    pub kind: String,
    pub name: String,
    /// Every spelling seen for this entity, the canonical name included.
    pub aliases: Vec<String>,
    /// Titles and roles the articles give it ("general", "spokesman"), sorted.
    pub roles: Vec<String>,
    /// What the gazetteer says about a place; `None` for other kinds.
    pub place: Option<PlaceInfo>,
}

/// Where a place is and what sort of place it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    /// `(lat, lon)` in degrees, when the gazetteer knows the place.
    pub coordinates: Option<(f64, f64)>,
    /// ISO 3166 alpha-2 code.
    pub country: Option<String>,
    /// `city`, `region`, `country` or `other`.
    pub place_type: Option<String>,
    pub geonames_id: Option<i64>,
}

/// An entity with its counts, for `GET /v1/entities/{id}`.
#[derive(Debug, Clone)]
pub struct EntityRecord {
    pub entity: EntitySummary,
    pub mention_count: i64,
    pub article_count: i64,
    pub claim_count: i64,
    pub created_at: String,
}

/// One page of a list and where the next one starts.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<Cursor>,
}

/// A claim seen from another claim or a fact: where it comes from and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedClaim {
    pub claim_id: Id,
    pub article_id: Id,
    /// The article's source (outlet), if it names one.
    pub source: Option<String>,
    pub speaker: Option<String>,
    pub text: String,
}

/// The cross-source links of one claim.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClaimLinks {
    /// Claims of other articles in the same fact.
    pub corroborated_by: Vec<LinkedClaim>,
    /// Claims of other articles that give another figure for the same thing.
    pub conflicts_with: Vec<LinkedClaim>,
    /// What the linker compared the claim by: why it is in its fact, or in none.
    pub frame: crate::corroborate::Frame,
}

/// One fact: claims of two or more articles that report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRecord {
    pub id: Id,
    pub size: i64,
    pub article_count: i64,
    /// Distinct sources of its articles, by name.
    pub sources: Vec<String>,
    pub claims: Vec<LinkedClaim>,
    /// Facts whose figures disagree with this one's.
    pub conflicts_with: Vec<Id>,
    /// The claims that disagree, whether or not another article corroborates them.
    pub conflicting_claims: Vec<LinkedClaim>,
    /// `conflicts_with` or `conflicting_claims` holds only the first of them, or only
    /// those found through the fact's first [`SEARCHED_CLAIMS`] claims (in a list of
    /// facts).
    pub conflicts_truncated: bool,
}

/// Most claims listed in a claim's `corroborated_by` and in its `conflicts_with`, the
/// earliest first: a fact of a templated wire story can hold thousands.
pub const MAX_LINKED: usize = 500;

/// Most claims, and most conflicting claims, of each fact in a list of facts: the list
/// is for finding facts, `get_fact` gives one whole.
pub const LISTED_CLAIMS: usize = 20;

/// Most claims of a fact, the earliest by id, whose conflict links a list of facts
/// follows: a fact of wire copy holds thousands of claims, each linked to claims
/// scattered over the file, and following them all made a cold list of twenty facts
/// read for seconds. A fact larger than this is listed with `conflicts_truncated`.
pub const SEARCHED_CLAIMS: usize = 2 * (LISTED_CLAIMS + 1);

/// The last article, claim and fact id a reader has seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedPosition {
    pub article: Id,
    pub claim: Id,
    pub fact: Id,
}

/// A merge as listed: who asked for it and whether it was undone.
#[derive(Debug, Clone)]
pub struct MergeRecord {
    pub id: Id,
    pub into_id: Id,
    pub from_id: Id,
    pub created_at: String,
    pub actor: Option<String>,
    pub actor_name: Option<String>,
    pub undone_at: Option<String>,
}

/// Which mentions a correction moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RelinkScope {
    /// Every mention of the article that names the same place in the same words: an
    /// article means one town by one name, and its claims read the name anywhere in it.
    #[default]
    Article,
    /// The one mention.
    Mention,
}

/// A correction done.
#[derive(Debug, Clone, PartialEq)]
pub struct RelinkOutcome {
    /// Its entry in the curation log.
    pub log_id: Id,
    pub mention_id: Id,
    pub article_id: Id,
    /// The place the mentions were linked to, and the one they are linked to now.
    pub from_place: Id,
    pub to_place: Id,
    /// The mentions moved, the asked-for one among them.
    pub mentions: Vec<Id>,
    /// Claims whose places changed.
    pub claims: Vec<Id>,
}

/// A mention of an entity, as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRecord {
    pub id: Id,
    pub entity_id: Id,
    pub article_id: Id,
    /// Code point offsets into the article's text; `text` is that slice.
    pub start: i64,
    pub end: i64,
    pub text: String,
}

/// Who asks for a change: `label` is what the server knows of the credential (a hash of
/// the bearer token, or `anonymous`), `name` what the client says of itself, unverified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub label: String,
    pub name: Option<String>,
}

impl Actor {
    /// Nobody in particular: the store's own tools and tests.
    pub fn anonymous() -> Actor {
        Actor {
            label: "anonymous".to_string(),
            name: None,
        }
    }
}

/// What a log entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurationAction {
    Merge,
    Unmerge,
    Alias,
    Relink,
}

impl CurationAction {
    pub fn as_str(self) -> &'static str {
        match self {
            CurationAction::Merge => "merge",
            CurationAction::Unmerge => "unmerge",
            CurationAction::Alias => "alias",
            CurationAction::Relink => "relink",
        }
    }
}

/// One entry of the log, as stored.
#[derive(Debug, Clone)]
pub struct CurationEntry {
    pub id: Id,
    /// `merge`, `unmerge`, `alias` or `relink`.
    pub action: String,
    pub actor: String,
    pub actor_name: Option<String>,
    /// The entity the change is to: the survivor of a merge, the entity given an alias,
    /// the place a mention moved to.
    pub entity_id: Option<Id>,
    pub merge_id: Option<Id>,
    pub mention_id: Option<Id>,
    /// What changed, as the JSON object the change wrote.
    pub detail: String,
    pub created_at: String,
}

/// A merge done: its id (for `Storage::undo_merge`) and the entity that stays.
#[derive(Debug, Clone)]
pub struct MergeOutcome {
    pub merge_id: Id,
    pub entity: EntityRecord,
}

/// The outcome of handing one article to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inserted {
    pub id: Id,
    /// `false` when an article with the same text was already stored: nothing was written.
    pub created: bool,
}

/// A value that changes whenever the database's content may have changed; equal values
/// mean nothing was committed in between (see [`super::Storage::data_version`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataVersion {
    generation: u64,
    version: i64,
}

impl DataVersion {
    /// The reading `version` of a backend's change counter, on its `generation`th
    /// connection: readings of two connections are never equal.
    pub fn new(generation: u64, version: i64) -> DataVersion {
        DataVersion {
            generation,
            version,
        }
    }
}
