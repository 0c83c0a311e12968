//! The HTTP edge: routes, JSON shapes and status codes. The only crate that knows them.
//!
//! [`router`] builds the whole service from an [`AppState`], so tests drive it with
//! `tower::ServiceExt::oneshot` and the binary serves it on a listener.

mod conditional;
mod dto;
mod error;
mod extract;
mod graph;
mod guard;
mod openapi;
mod routes;
mod ui;

use std::future::IntoFuture;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request};
use axum::{middleware, Router};
use claimgraph_store::Store;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use error::ApiError;
pub use graph::GraphCache;
pub use guard::{BadOrigin, GuardConfig};
pub use routes::parse_article;
pub use ui::{CONTENT_SECURITY_POLICY, UI_PATHS};

/// Request bodies larger than this get 413 unless configured otherwise.
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Bytes of answers the read cache keeps unless configured otherwise.
pub const DEFAULT_RESPONSE_CACHE: usize = 32 * 1024 * 1024;

/// Settings of the HTTP layer that an operator may change.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    pub body_limit: usize,
    /// Auth, CORS, rate limit, timeout and concurrency limit.
    pub guard: GuardConfig,
    /// Body bytes of recent `GET /v1/...` answers kept while the database is unchanged;
    /// 0 turns the cache off.
    pub response_cache: usize,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            body_limit: DEFAULT_BODY_LIMIT,
            guard: GuardConfig::default(),
            response_cache: DEFAULT_RESPONSE_CACHE,
        }
    }
}

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub config: ApiConfig,
    /// The graph projection, caught up from the store before each graph query.
    pub graph: GraphCache,
}

impl AppState {
    /// The state of a server on `store`, with an empty graph projection (built on the
    /// first graph query).
    pub fn new(store: Store, config: ApiConfig) -> AppState {
        AppState {
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

/// The whole API as one `Router`, with tracing, request ids, the guard (auth, limits,
/// CORS), ETags with the read cache, gzip and the body limit applied.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config.body_limit;
    let guard = state.config.guard.clone();
    let cache = conditional::ResponseCache::new(state.store.clone(), state.config.response_cache);
    let (routes, doc) = routes::routes().split_for_parts();
    let routes = routes
        .merge(utoipa_swagger_ui::SwaggerUi::new(DOCS_PATH).url(OPENAPI_PATH, openapi::finish(doc)))
        // the explorer page: static files, outside the API document (see `ui`)
        .merge(ui::router())
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        // gzip when the client accepts it; the ETag is taken over the bytes as sent
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(cache, conditional::etag));
    guard::layer(routes, &guard, body_limit)
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

/// Serves the API on `listener` until `shutdown` resolves, then stops accepting and lets
/// in-flight requests finish for [`SHUTDOWN_GRACE`]; reads still running then are stopped
/// in the database, and after [`SHUTDOWN_DRAIN`] more it returns whatever is left open (a
/// client still sending its request). Each request knows its client's address (for the
/// rate limit).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let store = state.store.clone();
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let signalled = std::sync::Arc::new(tokio::sync::Notify::new());
    let server = axum::serve(listener, app).with_graceful_shutdown({
        let signalled = std::sync::Arc::clone(&signalled);
        async move {
            shutdown.await;
            signalled.notify_one();
        }
    });
    let mut server = std::pin::pin!(server.into_future());
    tokio::select! {
        done = &mut server => return done,
        () = signalled.notified() => {}
    }
    if let Ok(done) = tokio::time::timeout(SHUTDOWN_GRACE, &mut server).await {
        return done;
    }
    tracing::warn!("requests still running after the grace period: stopping their reads");
    store.stop_reads();
    match tokio::time::timeout(SHUTDOWN_DRAIN, &mut server).await {
        Ok(done) => done,
        Err(_) => {
            tracing::warn!("connections still open after the drain: closing them");
            Ok(())
        }
    }
}
