//! What stands between a client and the routes: bearer-token auth on writes, per-address
//! rate limiting, a cap on concurrent requests, a request timeout, an early 413 on bodies
//! that declare an oversize length, CORS, and a panic turned into a 500 problem.
//!
//! Keyed on the method, not on handlers: any route added later that is not `GET`, `HEAD`
//! or `OPTIONS` is a write and needs the token without further code.

use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::connect_info::MockConnectInfo;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::site::Sites;
use crate::ApiError;

/// Access control and load limits. The defaults: no token, reads and writes open, no
/// CORS, no rate limit, 30 s timeout, 512 requests at once.
#[derive(Clone)]
pub struct GuardConfig {
    /// When set, writes (every method but GET, HEAD and OPTIONS) need
    /// `Authorization: Bearer TOKEN`.
    pub api_token: Option<String>,
    /// Reads need the token too (except `/healthz`, which health checks probe).
    pub require_token_for_reads: bool,
    /// The streamed exports ([`crate::EXPORT_PATHS`]) need the token, other reads not.
    pub require_token_for_exports: bool,
    /// Origins a browser may call from (`*` for any); empty: no CORS headers at all.
    pub cors_origins: Vec<String>,
    /// Requests per second each client address may make (bursts up to the same number);
    /// 0 turns the limit off.
    pub rate_limit: u32,
    /// Longest a request may take, body upload included; zero turns the limit off.
    pub request_timeout: Duration,
    /// Requests served at once; more get 503 `overloaded` at once. 0 turns the limit off.
    pub max_concurrent: usize,
    /// Host names requests may be addressed to besides IP addresses and `localhost`
    /// (`.example.org` with its subdomains, `*` any); others get 403 `host_not_allowed`.
    pub allowed_hosts: Vec<String>,
}

impl Default for GuardConfig {
    fn default() -> Self {
        GuardConfig {
            api_token: None,
            require_token_for_reads: false,
            require_token_for_exports: false,
            cors_origins: Vec::new(),
            rate_limit: 0,
            request_timeout: Duration::from_secs(30),
            max_concurrent: 512,
            allowed_hosts: Vec::new(),
        }
    }
}

/// The token never reaches a log line.
impl fmt::Debug for GuardConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GuardConfig")
            .field("api_token", &self.api_token.as_ref().map(|_| "<redacted>"))
            .field("require_token_for_reads", &self.require_token_for_reads)
            .field("require_token_for_exports", &self.require_token_for_exports)
            .field("cors_origins", &self.cors_origins)
            .field("rate_limit", &self.rate_limit)
            .field("request_timeout", &self.request_timeout)
            .field("max_concurrent", &self.max_concurrent)
            .field("allowed_hosts", &self.allowed_hosts)
            .finish()
    }
}

/// A CORS origin that is not a valid header value.
#[derive(Debug, thiserror::Error)]
#[error("--cors-origin {0:?} is not a valid origin (want e.g. https://app.example.org or *)")]
pub struct BadOrigin(String);

impl GuardConfig {
    /// Checks what the router cannot refuse later: each CORS origin is a header value.
    pub fn validate(&self) -> Result<(), BadOrigin> {
        for o in &self.cors_origins {
            if o != "*" && HeaderValue::from_str(o.trim_end_matches('/')).is_err() {
                return Err(BadOrigin(o.clone()));
            }
        }
        Ok(())
    }
}

/// The guard's state, shared by every request.
struct Guard {
    /// SHA-256 of the token: comparing fixed-length digests in constant time leaks
    /// neither the token's bytes nor its length.
    token_digest: Option<[u8; 32]>,
    require_token_for_reads: bool,
    require_token_for_exports: bool,
    body_limit: usize,
    timeout: Option<Duration>,
    permits: Option<Arc<Semaphore>>,
    buckets: Option<Buckets>,
    sites: Sites,
}

/// Wraps `router` in the guard layers (and CORS when origins are configured; origins that
/// [`GuardConfig::validate`] refuses are skipped).
pub fn layer(router: Router, config: &GuardConfig, body_limit: usize) -> Router {
    let guard = Arc::new(Guard {
        token_digest: config
            .api_token
            .as_deref()
            .map(|t| Sha256::digest(t.as_bytes()).into()),
        require_token_for_reads: config.require_token_for_reads,
        require_token_for_exports: config.require_token_for_exports,
        body_limit,
        timeout: (!config.request_timeout.is_zero()).then_some(config.request_timeout),
        permits: (config.max_concurrent > 0)
            .then(|| Arc::new(Semaphore::new(config.max_concurrent))),
        buckets: (config.rate_limit > 0).then(|| Buckets::new(config.rate_limit)),
        sites: Sites::new(&config.allowed_hosts, &config.cors_origins),
    });
    let router = router
        // a bug must cost one request a 500, never the connection or the process
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(guard, guard_request));
    if config.cors_origins.is_empty() {
        return router;
    }
    router.layer(cors(&config.cors_origins))
}

fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    ApiError::Internal(format!("handler panicked: {what}")).into_response()
}

/// The methods some route serves: a preflight promises nothing else.
const CORS_METHODS: [Method; 4] = [Method::GET, Method::HEAD, Method::POST, Method::DELETE];

/// Every request header the API reads: the body's type, the token, the request id, the
/// ETag of a conditional GET, the curator's name and the resume point of `/v1/events`.
const CORS_HEADERS: [&str; 6] = [
    "content-type",
    "authorization",
    "x-request-id",
    "if-none-match",
    crate::extract::ACTOR_HEADER,
    "last-event-id",
];

fn cors(origins: &[String]) -> CorsLayer {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(
            origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok()),
        )
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods(CORS_METHODS)
        .allow_headers(CORS_HEADERS.map(HeaderName::from_static))
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            HeaderName::from_static("x-request-id"),
        ])
        .max_age(Duration::from_secs(600))
}

/// Rate limit, auth, declared size, concurrency, then the handler under the timeout.
async fn guard_request(State(g): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    match g.admit(&req) {
        Ok(()) => {}
        Err(e) => return e.into_response(),
    }
    // held until the response is built
    let _permit = match &g.permits {
        Some(p) => match Arc::clone(p).try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) => return ApiError::Overloaded.into_response(),
        },
        None => None,
    };
    match g.timeout {
        // the store stops the request's statements at the same deadline: a request
        // answered 503 leaves no statement running behind it
        Some(limit) => match tokio::time::timeout(
            limit,
            claimgraph_graph::storage::with_deadline(Instant::now() + limit, next.run(req)),
        )
        .await
        {
            Ok(res) => res,
            Err(_) => ApiError::Timeout {
                seconds: limit.as_secs().max(1),
            }
            .into_response(),
        },
        None => next.run(req).await,
    }
}

impl Guard {
    fn admit(&self, req: &Request) -> Result<(), ApiError> {
        if let Some(buckets) = self.buckets.as_ref().filter(|_| !is_health_check(req)) {
            // axum's test stand-in for the socket counts too; without either (tests
            // driving the router directly) all requests share one bucket
            let ext = req.extensions();
            let ip = ext
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip())
                .or_else(|| ext.get::<MockConnectInfo<SocketAddr>>().map(|c| c.0.ip()))
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
            buckets.take(ip, Instant::now())?;
        }
        self.sites.check(req)?;
        if let Some(digest) = &self.token_digest {
            let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            let path = req.uri().path();
            let export = crate::EXPORT_PATHS.contains(&path);
            let needs_token = write
                || (self.require_token_for_reads && path != "/healthz")
                || (self.require_token_for_exports && export);
            if needs_token && !bearer_matches(req, digest) {
                return Err(ApiError::Unauthorized);
            }
        }
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.body_limit as u64) {
            // refused before a byte of the body is read
            return Err(ApiError::PayloadTooLarge {
                limit: self.body_limit,
            });
        }
        Ok(())
    }
}

/// Health checkers probe often and must neither be throttled nor use up a client's share.
fn is_health_check(req: &Request) -> bool {
    req.uri().path() == "/healthz"
}

fn bearer_matches(req: &Request, digest: &[u8; 32]) -> bool {
    let Some(value) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some((scheme, token)) = value.trim().split_once(' ') else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("bearer") {
        return false;
    }
    let given: [u8; 32] = Sha256::digest(token.trim().as_bytes()).into();
    given.ct_eq(digest).into()
}

/// Token buckets per client address: `rate` tokens a second, at most `rate` saved up.
struct Buckets {
    rate: f64,
    map: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Above this many addresses, buckets that have refilled are forgotten.
const MAX_TRACKED: usize = 10_000;

impl Buckets {
    fn new(rate: u32) -> Self {
        Buckets {
            rate: f64::from(rate),
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `ip`, or says how many seconds until one is there.
    fn take(&self, ip: IpAddr, now: Instant) -> Result<(), ApiError> {
        // a poisoned lock only means another request panicked mid-update: the counts are
        // still numbers, keep using them
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_TRACKED {
            let full_after = Duration::from_secs_f64(1.0);
            map.retain(|_, b| now.duration_since(b.last) < full_after);
        }
        let bucket = map.entry(ip).or_insert(Bucket {
            tokens: self.rate,
            last: now,
        });
        let refill = now.duration_since(bucket.last).as_secs_f64() * self.rate;
        bucket.tokens = (bucket.tokens + refill).min(self.rate);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            return Ok(());
        }
        let wait = ((1.0 - bucket.tokens) / self.rate).ceil().max(1.0);
        Err(ApiError::RateLimited {
            retry_after: wait as u64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_refill_at_the_rate_and_keep_addresses_apart() {
        let b = Buckets::new(2);
        let t0 = Instant::now();
        let a = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
        let c = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
        assert!(b.take(a, t0).is_ok());
        assert!(b.take(a, t0).is_ok());
        match b.take(a, t0) {
            Err(ApiError::RateLimited { retry_after }) => assert_eq!(retry_after, 1),
            other => panic!("want rate_limited, got {other:?}"),
        }
        assert!(b.take(c, t0).is_ok(), "another address has its own bucket");
        assert!(b.take(a, t0 + Duration::from_millis(500)).is_ok());
        assert!(b.take(a, t0 + Duration::from_millis(500)).is_err());
    }

    #[tokio::test]
    async fn a_panicking_handler_costs_one_request_a_500() {
        use axum::body::Body;
        use axum::routing::get;
        use tower::ServiceExt;

        let routes = Router::new().route(
            "/boom",
            get(|| async {
                let empty: Vec<u8> = Vec::new();
                // an out-of-bounds index: the kind of bug the guard must contain
                empty[usize::from(empty.is_empty())].to_string()
            }),
        );
        let app = layer(routes, &GuardConfig::default(), 1024);
        let req = Request::get("/boom").body(Body::empty()).expect("request");
        let res = app
            .oneshot(req)
            .await
            .expect("an answer, not a dropped connection");
        assert_eq!(res.status(), axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            res.headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            Some("application/problem+json")
        );
    }

    #[test]
    fn debug_hides_the_token() {
        let config = GuardConfig {
            api_token: Some("s3cret-value".into()),
            ..GuardConfig::default()
        };
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }
}
