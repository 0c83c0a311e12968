//! The whole graph as GraphML, N-Triples and JSON-LD, streamed from a snapshot of the
//! projection (see `stream.rs`): an export costs a few chunks of buffer, not the size of
//! the file, and its ETag is the projection's watermark, so a client holding the current
//! one gets 304 without a byte rendered.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use claimgraph_graph::Format;

use crate::conditional;
use crate::error::Problem;
use crate::stream::{self, Head};
use crate::{ApiError, AppState};

/// The graph brought up to date and written in `format`, or 304 when the client's
/// `If-None-Match` holds its tag, or 503 `exports_busy` when every slot is taken.
async fn export(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
    format: Format,
) -> Result<Response, ApiError> {
    // a snapshot of its own: the lock is not held while the client reads
    let graph = Arc::clone(&*state.graph.current(&*state.store).await?);
    let head = Head {
        content_type: format.media_type(),
        tag: stream::data_tag(format.name(), graph.watermark()),
        filename: format!("claimgraph.{}", format.extension()),
    };
    if conditional::fresh(headers, &head.tag) {
        return Ok(head.not_modified());
    }
    if method == Method::HEAD {
        return Ok(head.response(Body::empty()));
    }
    let slot = state.exports.take()?;
    let (sender, body) = stream::channel(slot, state.config.stall());
    stream::write_blocking(sender, format.name(), move |out| format.write(&graph, out));
    Ok(head.response(body))
}

/// `GET /v1/export.graphml`: the whole graph for Gephi or yEd.
#[utoipa::path(get, path = "/v1/export.graphml", tag = "graph", operation_id = "export_graphml",
    summary = "The whole graph as GraphML (Gephi, yEd)",
    description = "Every entity, claim and article with `label` and `kind`, and what each kind carries: places `lat`, `lon`, `place_type`, `country`, `geonames_id`; articles `published_at`, `source`, `url`; claims their whole `text`, `claim_kind`, `start`, `end`, `speaker_text`, `cue`, `fact_id`, their article's `published_at` and `source`, every number as text in `numbers` and the first one's `number_value`, `number_unit`, `number_normalized`, `number_normalized_unit`. Every edge with `kind` (and `score` on links). Each attribute is declared with a `<key>`. Node ids as in `/v1/entities/{id}/graph`. Streamed; the weak `ETag` follows the data, so `If-None-Match` answers 304 while nothing changed.",
    responses(
        (status = 200, description = "GraphML", body = String, content_type = "application/graphml+xml",
            headers(("etag" = String, description = "Weak; changes whenever the graph does"))),
        (status = 304, description = "`If-None-Match` holds the current tag"),
        (status = 503, description = "`exports_busy`: --max-exports exports are streaming; as on every route `timeout`, `overloaded`, `busy`, `read_only`. Retry after `Retry-After` seconds.", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_graphml(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    export(&state, &method, &headers, Format::Graphml).await
}

/// `GET /v1/export.nt`: the whole graph as RDF.
#[utoipa::path(get, path = "/v1/export.nt", tag = "graph", operation_id = "export_ntriples",
    summary = "The whole graph as N-Triples (RDF)",
    description = "Nodes are `urn:claimgraph:entity:{id}`, `urn:claimgraph:claim:{id}`, `urn:claimgraph:article:{id}`, each with `rdf:type` (`urn:claimgraph:vocab#Person`, `#Organization`, `#Outlet`, `#Place`, `#Claim`, `#Article`) and `rdfs:label`; edges are `urn:claimgraph:vocab#speaker`, `#about`, `#mentions`, `#reportedBy`, `#cites`, `#inArticle`, `#corroborates`, `#conflicts`. Places add `geo:lat`/`geo:long` (W3C Basic Geo, `xsd:double`), `#placeType`, `#country` and `#geonames` (`https://sws.geonames.org/{id}/`); articles `#publishedAt` (`xsd:date` or `xsd:dateTime`), `#source`, `#url`; claims their whole `#text`, `#claimKind`, `#start`/`#end` (`xsd:integer`), `#speakerText`, `#cue`, `#fact` (`urn:claimgraph:fact:{id}`) and `#number` (`urn:claimgraph:number:{id}`, a `#Number` with `#value`, `#unit`, `#qualifier`, `#text`, `#normalizedValue`, `#normalizedUnit`). Streamed, with a weak `ETag` that follows the data.",
    responses(
        (status = 200, description = "N-Triples", body = String, content_type = "application/n-triples",
            headers(("etag" = String, description = "Weak; changes whenever the graph does"))),
        (status = 304, description = "`If-None-Match` holds the current tag"),
        (status = 503, description = "`exports_busy`: --max-exports exports are streaming; as on every route `timeout`, `overloaded`, `busy`, `read_only`. Retry after `Retry-After` seconds.", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_ntriples(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    export(&state, &method, &headers, Format::Ntriples).await
}

/// `GET /v1/export.jsonld`: the whole graph as JSON-LD.
#[utoipa::path(get, path = "/v1/export.jsonld", tag = "graph", operation_id = "export_jsonld",
    summary = "The whole graph as JSON-LD (RDF)",
    description = "The triples of `/v1/export.nt` as one `@graph` of node objects, one per line: `@id`, `@type` (`Person`, `Organization`, `Outlet`, `Place`, `Claim`, `Article`), `label`, the node's attributes (decimals as strings the context types `xsd:double`, dates as typed values, a claim's numbers as nested `Number` objects) and one array of node IRIs per edge property. The `@context` maps `@vocab` to `urn:claimgraph:vocab#`, `label` to `rdfs:label`, `lat`/`long` to W3C Basic Geo. Streamed, with a weak `ETag` that follows the data.",
    responses(
        (status = 200, description = "JSON-LD", body = Object, content_type = "application/ld+json",
            headers(("etag" = String, description = "Weak; changes whenever the graph does"))),
        (status = 304, description = "`If-None-Match` holds the current tag"),
        (status = 503, description = "`exports_busy`: --max-exports exports are streaming; as on every route `timeout`, `overloaded`, `busy`, `read_only`. Retry after `Retry-After` seconds.", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_jsonld(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    export(&state, &method, &headers, Format::Jsonld).await
}
