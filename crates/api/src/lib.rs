//! The HTTP edge: routes, JSON shapes and status codes. The only crate that knows them.
//!
//! [`router`] builds the whole service from an [`AppState`], so tests drive it with
//! `tower::ServiceExt::oneshot` and the binary serves it on a listener.

mod batch;
mod charset;
mod claims_csv;
mod conditional;
mod curation;
mod dto;
mod error;
mod events;
mod export;
mod extract;
mod graph;
mod guard;
mod openapi;
mod protocol;
mod routes;
mod server;
mod site;
mod stream;
mod timestamp;
mod ui;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request};
use axum::{middleware, Router};
use std::sync::Arc;

use claimgraph_graph::storage::Storage;
use claimgraph_model::ReadArticle;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use batch::MAX_BATCH_LINES;
pub use error::ApiError;
pub use events::{EventHub, EventsConfig};
pub use graph::GraphCache;
pub use guard::{BadOrigin, GuardConfig};
pub use protocol::{MAX_HEADER_BYTES, MAX_URI_BYTES};
pub use routes::parse_article;
pub use server::{
    serve, ConnectionLimits, DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
    DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_SHUTDOWN_TIMEOUT,
};
pub use stream::EXPORT_PATHS;
pub use ui::{CONTENT_SECURITY_POLICY, UI_PATHS};

/// Request bodies larger than this get 413 unless configured otherwise.
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Bytes of answers the read cache keeps unless configured otherwise.
pub const DEFAULT_RESPONSE_CACHE: usize = 32 * 1024 * 1024;

/// Exports (the graph files, the claims CSV) streamed at once unless configured otherwise:
/// each holds a CPU and, while the graph changes under it, a copy of the graph.
pub const DEFAULT_MAX_EXPORTS: usize = 4;

/// Settings of the HTTP layer that an operator may change.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    pub body_limit: usize,
    /// Auth, CORS, rate limit, timeout and concurrency limit.
    pub guard: GuardConfig,
    /// Body bytes of recent `GET /v1/...` answers kept while the database is unchanged;
    /// 0 turns the cache off.
    pub response_cache: usize,
    /// Exports streamed at once; more get 503 `exports_busy`. 0 sets no limit.
    pub max_exports: usize,
    /// `GET /v1/events`: subscribers, polling and keep-alive.
    pub events: EventsConfig,
    /// What the listener allows: head deadline, connections, shutdown bound.
    pub connections: ConnectionLimits,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            body_limit: DEFAULT_BODY_LIMIT,
            guard: GuardConfig::default(),
            response_cache: DEFAULT_RESPONSE_CACHE,
            max_exports: DEFAULT_MAX_EXPORTS,
            events: EventsConfig::default(),
            connections: ConnectionLimits::default(),
        }
    }
}

impl ApiConfig {
    /// How long a streamed answer waits for a client that reads nothing before giving up:
    /// the request timeout, which no longer applies once the headers are sent.
    fn stall(&self) -> Option<std::time::Duration> {
        let t = self.guard.request_timeout;
        (!t.is_zero()).then_some(t)
    }
}

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Arc<dyn Storage>,
    /// Reads posted articles into claims: the extractor, handed in by whoever builds the
    /// state (the binary, tests), so this crate does not link it.
    pub reader: Arc<dyn ReadArticle>,
    pub config: ApiConfig,
    /// The graph projection, caught up from the store before each graph query.
    pub graph: GraphCache,
    /// Slots of the streamed exports, `config.max_exports` of them.
    exports: stream::ExportSlots,
    /// The streams of `GET /v1/events`, ended by [`serve`]'s shutdown.
    pub events: EventHub,
}

impl AppState {
    /// The state of a server on `store`, with an empty graph projection (built on the
    /// first graph query).
    pub fn new(
        store: impl Storage + 'static,
        reader: Arc<dyn ReadArticle>,
        config: ApiConfig,
    ) -> AppState {
        let store: Arc<dyn Storage> = Arc::new(store);
        AppState {
            reader,
            exports: stream::ExportSlots::new(config.max_exports),
            events: EventHub::new(config.events.max_subscribers),
            store,
            config,
            graph: GraphCache::default(),
        }
    }
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Where the OpenAPI document and the Swagger UI are served (outside `/v1`: they
/// describe it).
pub const OPENAPI_PATH: &str = "/openapi.json";
pub const DOCS_PATH: &str = "/docs";

/// The OpenAPI 3.1 document of every route [`router`] serves.
pub fn openapi() -> utoipa::openapi::OpenApi {
    openapi::finish(routes::routes().into_openapi())
}

/// The whole API as one `Router`, with tracing, request ids, the head size limits, the
/// guard (auth, limits, CORS, host and origin), ETags with the read cache, gzip, the body
/// limit and problem bodies for every error applied.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config.body_limit;
    let guard = state.config.guard.clone();
    let cache = conditional::ResponseCache::new(state.store.clone(), state.config.response_cache);
    let (routes, doc) = routes::routes().split_for_parts();
    // the parameters as documented, after `finish` dropped those a route does not take
    let doc = openapi::finish(doc);
    let known = extract::KnownParams::of(&doc);
    let routes = routes
        // a query parameter the document does not name is refused on every documented route
        .route_layer(middleware::from_fn_with_state(
            known,
            extract::reject_unknown_params,
        ))
        .merge(utoipa_swagger_ui::SwaggerUi::new(DOCS_PATH).url(OPENAPI_PATH, doc))
        // the explorer page: static files, outside the API document (see `ui`)
        .merge(ui::router())
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .with_state(state)
        // Swagger UI's and extractors' own error answers become problems too
        .layer(middleware::from_fn(protocol::problem_bodies))
        .layer(DefaultBodyLimit::max(body_limit))
        // gzip when the client accepts it; the ETag is taken over the bytes as sent. Not
        // the batch's result lines: gzip would hold them back until a block fills
        .layer(CompressionLayer::new().compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/x-ndjson")),
        ))
        .layer(middleware::from_fn_with_state(cache, conditional::etag));
    guard::layer(routes, &guard, body_limit)
        .layer(middleware::from_fn(protocol::limit_head))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let id = req
                        .headers()
                        .get(&REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", method = %req.method(), uri = %req.uri(), request_id = %id)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// How long in-flight requests get to finish after the shutdown signal before their
/// database reads are stopped (they then answer 503 `timeout`).
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(2);
/// How long after stopping the reads [`serve`] waits for the last answers and
/// connections before it returns anyway.
pub const SHUTDOWN_DRAIN: std::time::Duration = std::time::Duration::from_secs(1);
