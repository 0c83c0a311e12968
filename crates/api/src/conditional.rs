//! Strong `ETag`s on JSON answers to `GET`, and `304 Not Modified` for an
//! `If-None-Match` that holds one of them, so a client polling a list pays for the
//! bytes only when they changed. Answers to `GET /v1/...` are kept in a small cache keyed
//! by the request and the database's change counter, so a repeated read costs one small
//! statement while nothing was written, and is computed afresh as soon as anything was.
//! Streamed answers (`stream.rs`) carry a tag derived from their data instead, and are
//! passed through untouched.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use claimgraph_graph::storage::{DataVersion, Storage};
use sha2::{Digest, Sha256};

use crate::ApiError;

/// Answers larger than this are not kept: one would crowd out many small ones.
const MAX_CACHED_BODY: usize = 1024 * 1024;
/// At most this many answers are kept, so finding the one to drop stays cheap.
const MAX_ENTRIES: usize = 4096;

/// Recent answers to reads, each valid while the database is unchanged.
#[derive(Debug, Clone)]
pub struct ResponseCache {
    store: Arc<dyn Storage>,
    recent: Arc<Recent>,
}

/// The kept answers and their byte budget, apart from the store whose version they carry.
#[derive(Debug, Default)]
struct Recent {
    /// At most this many body bytes are kept; 0 turns the cache off.
    budget: usize,
    entries: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    map: HashMap<String, Cached>,
    bytes: usize,
    /// Counts uses, so the least recently used entry can be found.
    clock: u64,
}

#[derive(Debug)]
struct Cached {
    version: DataVersion,
    headers: HeaderMap,
    body: Bytes,
    tag: String,
    used: u64,
}

impl ResponseCache {
    /// A cache of at most `budget` body bytes over `store`; 0 keeps nothing.
    pub fn new(store: Arc<dyn Storage>, budget: usize) -> ResponseCache {
        ResponseCache {
            store,
            recent: Arc::new(Recent::new(budget)),
        }
    }

    /// The key of a cacheable request: the API's reads, by method, path and query, and the
    /// content codings the client accepts (they choose the bytes).
    fn key(&self, req: &Request) -> Option<String> {
        let uri = req.uri();
        if self.recent.budget == 0 || !uri.path().starts_with("/v1/") {
            return None;
        }
        let accept = req
            .headers()
            .get(header::ACCEPT_ENCODING)
            .map(HeaderValue::as_bytes)
            .unwrap_or_default();
        Some(format!(
            "{} {} {}",
            req.method(),
            uri,
            String::from_utf8_lossy(accept)
        ))
    }
}

impl Recent {
    fn new(budget: usize) -> Recent {
        Recent {
            budget,
            entries: Mutex::default(),
        }
    }

    fn get(&self, key: &str, version: DataVersion) -> Option<(HeaderMap, Bytes, String)> {
        let mut entries = self.entries.lock().ok()?;
        entries.clock += 1;
        let now = entries.clock;
        let hit = entries.map.get_mut(key).filter(|c| c.version == version)?;
        hit.used = now;
        Some((hit.headers.clone(), hit.body.clone(), hit.tag.clone()))
    }

    fn put(&self, key: String, version: DataVersion, headers: &HeaderMap, body: &Bytes, tag: &str) {
        if body.len() > MAX_CACHED_BODY.min(self.budget) {
            return;
        }
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        entries.clock += 1;
        let used = entries.clock;
        if let Some(old) = entries.map.remove(&key) {
            entries.bytes -= old.body.len();
        }
        // entries of an older version will never be hit again; the least used go first
        while entries.bytes + body.len() > self.budget || entries.map.len() >= MAX_ENTRIES {
            let Some(oldest) = entries
                .map
                .iter()
                .min_by_key(|(_, c)| (c.version == version, c.used))
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(gone) = entries.map.remove(&oldest) {
                entries.bytes -= gone.body.len();
            }
        }
        entries.bytes += body.len();
        entries.map.insert(
            key,
            Cached {
                version,
                headers: headers.clone(),
                body: body.clone(),
                tag: tag.to_string(),
                used,
            },
        );
    }
}

/// Tags successful JSON answers to `GET` and `HEAD` with a strong ETag over the body
/// bytes as sent (after compression, so each content coding has its own tag), and
/// answers 304 with an empty body when `If-None-Match` already holds it. Answers to
/// `/v1/` reads are served from the cache while the database's change counter, read
/// before the answer was computed, is unchanged.
pub async fn etag(State(cache): State<ResponseCache>, req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    // the version is read before the answer is computed: what it reads is at least as new
    let cached = match cache.key(&req) {
        Some(key) => match cache.store.data_version().await {
            Ok(version) => Some((key, version)),
            Err(e) => {
                tracing::warn!("reading the database's change counter: {e}");
                None
            }
        },
        None => None,
    };
    if let Some((key, version)) = &cached {
        if let Some((headers, body, tag)) = cache.recent.get(key, *version) {
            let mut res = Response::new(Body::from(body));
            *res.headers_mut() = headers;
            return not_modified_or(res, if_none_match.as_ref(), &tag);
        }
    }
    let res = next.run(req).await;
    // a handler that tags its answer itself (a streamed export) answered 304 already, and
    // its body is not to be held in memory
    if res.status() != StatusCode::OK
        || !is_json(res.headers())
        || res.headers().contains_key(header::ETAG)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            return ApiError::Internal(format!("reading a response body: {e}")).into_response()
        }
    };
    let tag = strong_etag(&bytes);
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    if let Some((key, version)) = cached {
        cache.recent.put(key, version, &parts.headers, &bytes, &tag);
    }
    not_modified_or(
        Response::from_parts(parts, Body::from(bytes)),
        if_none_match.as_ref(),
        &tag,
    )
}

/// `res`, or 304 with its headers and no body when `If-None-Match` holds `tag`.
fn not_modified_or(res: Response, if_none_match: Option<&HeaderValue>, tag: &str) -> Response {
    if !if_none_match.is_some_and(|v| matches_any(v, tag)) {
        return res;
    }
    let (mut parts, _) = res.into_parts();
    parts.status = StatusCode::NOT_MODIFIED;
    for h in [
        header::CONTENT_LENGTH,
        header::CONTENT_TYPE,
        header::CONTENT_ENCODING,
    ] {
        parts.headers.remove(h);
    }
    Response::from_parts(parts, Body::empty())
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .is_some_and(|ct| ct == "application/json" || ct.ends_with("+json"))
}

/// `"` + 32 hex digits of the body's SHA-256 + `"`.
fn strong_etag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// Whether the request's `If-None-Match` holds `tag`: then a `GET` is answered 304.
pub fn fresh(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| matches_any(v, tag))
}

/// `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored, `*`
/// matches any current representation.
fn matches_any(header: &HeaderValue, tag: &str) -> bool {
    let Ok(list) = header.to_str() else {
        return false;
    };
    let tag = tag.strip_prefix("W/").unwrap_or(tag);
    list.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == tag
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_answers_hold_for_one_version_within_the_budget() {
        let (before, after) = (DataVersion::new(1, 7), DataVersion::new(1, 8));
        let cache = Recent::new(100);
        let body = |c: u8| Bytes::from(vec![c; 40]);
        let headers = HeaderMap::new();
        cache.put("a".into(), before, &headers, &body(b'a'), "\"a\"");
        assert_eq!(cache.get("a", before).map(|h| h.1), Some(body(b'a')));
        assert!(cache.get("a", after).is_none(), "another version misses");

        cache.put("b".into(), after, &headers, &body(b'b'), "\"b\"");
        cache.put("c".into(), after, &headers, &body(b'c'), "\"c\"");
        // 120 bytes do not fit in 100: the entry of the old version went first
        assert!(cache.get("a", before).is_none());
        assert!(cache.get("b", after).is_some());
        // then the least recently used: "c" was not read since it was put, "b" was
        cache.put("d".into(), after, &headers, &body(b'd'), "\"d\"");
        assert!(cache.get("c", after).is_none());
        assert!(cache.get("b", after).is_some() && cache.get("d", after).is_some());
        assert!(cache.entries.lock().expect("lock").bytes <= 100);
        // a body over the budget is never kept
        cache.put(
            "e".into(),
            after,
            &headers,
            &Bytes::from(vec![0; 101]),
            "\"e\"",
        );
        assert!(cache.get("e", after).is_none());
    }

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        let tag = strong_etag(b"{\"items\":[]}");
        assert_eq!(tag.len(), 34);
        assert!(tag.starts_with('"') && tag.ends_with('"'));
        let h = |s: &str| HeaderValue::from_str(s).expect("header");
        assert!(matches_any(&h(&tag), &tag));
        assert!(matches_any(&h(&format!("\"0\", W/{tag}")), &tag));
        assert!(matches_any(&h("*"), &tag));
        assert!(!matches_any(&h("\"0\""), &tag));
        assert!(!matches_any(&h(""), &tag));
        // a weak tag of ours matches itself, weak or strong
        let weak = format!("W/{tag}");
        assert!(matches_any(&h(&weak), &weak));
        assert!(matches_any(&h(&tag), &weak));
        assert_ne!(tag, strong_etag(b"{\"items\":[1]}"));
    }

    #[test]
    fn json_types_get_tags_html_does_not() {
        let mut h = HeaderMap::new();
        for (ct, want) in [
            ("application/json", true),
            ("application/geo+json", true),
            ("application/json; charset=utf-8", true),
            ("text/html; charset=utf-8", false),
        ] {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            assert_eq!(is_json(&h), want, "{ct}");
        }
    }
}
