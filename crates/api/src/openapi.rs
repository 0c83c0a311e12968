//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes
//! and the DTOs' schemas, plus what every operation shares (auth, limits, faults).

use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as Document, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::error::{ErrorCode, Problem};

/// The document's fixed parts; the paths come from `routes::routes()`.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "claimgraph API",
        description = "Claims, their speakers, the outlets they are cited from, the places they are about and the numbers they give, extracted from news articles. Conventions (envelopes, snake_case, RFC 3339, cursor pagination, problem+json codes, `/v1` versioning) are in docs/API.md.",
        license(name = "MIT OR Apache-2.0")
    ),
    components(schemas(
        Problem,
        ErrorCode,
        enums::ClaimKindName,
        enums::EntityType,
        enums::SpeakerType,
        enums::PlaceTypeName,
        enums::ClaimSort
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "articles", description = "Articles in, claims out"),
        (name = "claims", description = "Who said what, about where, with which numbers"),
        (name = "entities", description = "People, organisations, outlets and places, one id each"),
        (name = "curation", description = "Corrections by analysts: merges and their undoing, aliases, a mention moved to the right place, and the log of who did which"),
        (name = "graph", description = "Entities, claims and articles as one graph: neighbourhoods, paths, co-occurrence, GraphML, N-Triples and JSON-LD exports"),
        (name = "events", description = "What is written, as it is written: server-sent events for dashboards"),
        (name = "meta", description = "Health")
    )
)]
pub struct ApiDoc;

/// The security scheme writes use.
struct BearerAuth;

/// Name of the bearer-token security scheme in the document.
pub const BEARER: &str = "bearer_token";

impl Modify for BearerAuth {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The server's CLAIMGRAPH_API_TOKEN. Needed by every write once the server has a token, and by reads too with --require-token-for-reads.",
                    ))
                    .build(),
            ),
        );
    }
}

/// Responses any operation may give, whatever its handler does: the guard's and faults.
const SHARED: [(&str, &str, &str); 7] = [
    (
        "414",
        "UriTooLong",
        "`uri_too_long`: the request target (path and query) is longer than 8,192 bytes.",
    ),
    (
        "431",
        "HeadersTooLarge",
        "`headers_too_large`: the request's headers are larger than 32 KiB.",
    ),
    (
        "403",
        "Forbidden",
        "`host_not_allowed`: the request names a host that is neither an IP address, `localhost` nor an --allowed-host (DNS rebinding); `origin_not_allowed`: a write from a web page whose `Origin` is neither this server nor a --cors-origin.",
    ),
    (
        "401",
        "Unauthorized",
        "`unauthorized`: the server has a token and this request needs it (writes; reads too with --require-token-for-reads, the exports with --require-token-for-exports) but carried no valid `Authorization: Bearer TOKEN`.",
    ),
    (
        "429",
        "RateLimited",
        "`rate_limited`: this client address exceeded --rate-limit; wait `Retry-After` seconds.",
    ),
    (
        "503",
        "Unavailable",
        "`timeout` (the request took longer than --request-timeout), `overloaded` (--max-concurrent requests in flight), `busy` (the database stayed locked by another process), `read_only` (the database file is not writable). Retry after `Retry-After` seconds.",
    ),
    (
        "500",
        "Internal",
        "`internal`: a server fault; the detail is in the server log under the `x-request-id`.",
    ),
];

/// A problem+json response with `description`.
pub fn problem(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            Content::new(Some(RefOr::Ref(Ref::from_schema_name("Problem")))),
        )
        .build()
}

/// The response a conditional GET gets while its answer is unchanged.
const NOT_MODIFIED: &str = "NotModified";

/// Adds the shared responses to every operation (401 to all but `/healthz`, which stays
/// open; 304 to every JSON read, which `conditional::etag` tags) and registers them as
/// components.
pub fn finish(mut doc: Document) -> Document {
    let components = doc.components.get_or_insert_with(Default::default);
    for (_, name, description) in SHARED {
        components
            .responses
            .insert(name.to_string(), RefOr::T(problem(description)));
    }
    components.responses.insert(
        NOT_MODIFIED.to_string(),
        RefOr::T(
            ResponseBuilder::new()
                .description("`If-None-Match` holds the answer's current `ETag` (strong, a hash of the JSON sent): nothing changed since, and no body is sent.")
                .build(),
        ),
    );
    components.responses.insert(
        UNKNOWN_PARAMETER.to_string(),
        RefOr::T(problem(
            "`unknown_parameter`: the query names a parameter this operation does not take; the detail names it and lists the accepted ones.",
        )),
    );
    for (path, item) in doc.paths.paths.iter_mut() {
        drop_not_taken(path, item);
        for op in operations(item) {
            note_unknown_parameter(op);
        }
        if let Some(get) = item.get.as_mut() {
            if answers_json(get) {
                get.responses
                    .responses
                    .entry("304".to_string())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name(NOT_MODIFIED)));
            }
        }
        for op in operations(item) {
            for (status, name, _) in SHARED {
                if status == "401" && path == "/healthz" {
                    continue;
                }
                op.responses
                    .responses
                    .entry(status.to_string())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
            }
        }
    }
    doc
}

/// Query parameters that a route's shared query type has but the route does not take:
/// the claims CSV is every matching claim, never a page. Dropped from its document, so
/// `extract::KnownParams` refuses them as `unknown_parameter` like any other stranger.
const NOT_TAKEN: [(&str, &[&str]); 1] = [("/v1/claims.csv", &["limit", "cursor"])];

fn drop_not_taken(path: &str, item: &mut PathItem) {
    let Some((_, names)) = NOT_TAKEN.iter().find(|(p, _)| *p == path) else {
        return;
    };
    for op in operations(item) {
        if let Some(params) = op.parameters.as_mut() {
            params.retain(|p| !names.contains(&p.name.as_str()));
        }
    }
}

/// The 400 of an operation that takes no other bad request.
const UNKNOWN_PARAMETER: &str = "UnknownParameter";

/// Every operation refuses a query parameter it does not take (`extract::KnownParams`):
/// its 400 says so.
fn note_unknown_parameter(op: &mut Operation) {
    let code = "`unknown_parameter`";
    match op.responses.responses.get_mut("400") {
        Some(RefOr::T(res)) if !res.description.contains(code) => {
            res.description.push_str(&format!(
                "; {code} (a query parameter this operation does not take)"
            ));
        }
        Some(_) => {}
        None => {
            op.responses.responses.insert(
                "400".to_string(),
                RefOr::Ref(Ref::from_response_name(UNKNOWN_PARAMETER)),
            );
        }
    }
}

/// Whether the operation's 200 answer is JSON: what the ETag layer tags.
fn answers_json(op: &Operation) -> bool {
    match op.responses.responses.get("200") {
        Some(RefOr::T(res)) => res
            .content
            .keys()
            .any(|ct| ct == "application/json" || ct.ends_with("+json")),
        _ => false,
    }
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        item.get.as_mut(),
        item.put.as_mut(),
        item.post.as_mut(),
        item.delete.as_mut(),
        item.options.as_mut(),
        item.head.as_mut(),
        item.patch.as_mut(),
        item.trace.as_mut(),
    ]
    .into_iter()
    .flatten()
}

/// The string enums of the document, each built from the values the server itself uses, so
/// a generated client refuses `kind: "rumour"` exactly as the server does.
pub mod enums {
    use claimgraph_model::{ClaimKind, EntityKind, PlaceType};
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    use utoipa::openapi::{RefOr, Schema};

    /// `kind` of a claim.
    pub const CLAIM_KINDS: [ClaimKind; 3] =
        [ClaimKind::Direct, ClaimKind::Indirect, ClaimKind::Statement];
    /// `type` of a named entity (speakers may also be `nominal`).
    pub const ENTITY_TYPES: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Outlet,
        EntityKind::Place,
    ];
    /// `place_type` of a place.
    pub const PLACE_TYPES: [PlaceType; 4] = [
        PlaceType::City,
        PlaceType::Region,
        PlaceType::Country,
        PlaceType::Other,
    ];
    /// `sort` of a claim list.
    pub const CLAIM_SORTS: [&str; 4] = ["relevance", "date", "-date", "corroboration"];

    /// A string schema allowing `values` only.
    fn strings(values: impl IntoIterator<Item = &'static str>) -> Schema {
        Schema::Object(
            ObjectBuilder::new()
                .schema_type(SchemaType::Type(Type::String))
                .enum_values(Some(values))
                .build(),
        )
    }

    /// Declares a type that stands for a string enum in the document: never a value, only
    /// a `value_type` for fields and parameters that hold the string, with the values
    /// `$values` gives.
    macro_rules! string_enum {
        ($(#[$doc:meta])* $name:ident = $wire:literal, $values:expr $(,)?) => {
            $(#[$doc])*
            pub enum $name {}

            impl utoipa::PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    RefOr::T(strings($values))
                }
            }

            impl utoipa::ToSchema for $name {
                fn name() -> std::borrow::Cow<'static, str> {
                    std::borrow::Cow::Borrowed($wire)
                }
            }
        };
    }

    string_enum!(
        /// What a claim is: `direct` (quoted words), `indirect` (reported speech) or
        /// `statement` (the article's own assertion).
        ClaimKindName = "ClaimKind",
        CLAIM_KINDS.map(|k| k.as_str()),
    );
    string_enum!(
        /// What a named entity is.
        EntityType = "EntityType",
        ENTITY_TYPES.map(|k| k.as_str()),
    );
    string_enum!(
        /// What a speaker is: a named entity's type, or `nominal` for an unnamed source.
        SpeakerType = "SpeakerType",
        ENTITY_TYPES
            .map(|k| k.as_str())
            .into_iter()
            .chain([EntityKind::Nominal.as_str()]),
    );
    string_enum!(
        /// What sort of place a place is.
        PlaceTypeName = "PlaceType",
        PLACE_TYPES.map(|p| p.as_str()),
    );
    string_enum!(
        /// The order of a claim list.
        ClaimSort = "ClaimSort",
        CLAIM_SORTS,
    );
}
