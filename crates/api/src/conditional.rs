//! Strong `ETag`s on JSON answers to `GET`, and `304 Not Modified` for an
//! `If-None-Match` that holds one of them, so a client polling a list pays for the
//! bytes only when they changed.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::ApiError;

/// Tags successful JSON answers to `GET` and `HEAD` with a strong ETag over the body
/// bytes as sent (after compression, so each content coding has its own tag), and
/// answers 304 with an empty body when `If-None-Match` already holds it.
pub async fn etag(req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    if res.status() != StatusCode::OK || !is_json(res.headers()) {
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
    if if_none_match.is_some_and(|v| matches_any(&v, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        for h in [
            header::CONTENT_LENGTH,
            header::CONTENT_TYPE,
            header::CONTENT_ENCODING,
        ] {
            parts.headers.remove(h);
        }
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
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

/// `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored, `*`
/// matches any current representation.
fn matches_any(header: &HeaderValue, tag: &str) -> bool {
    let Ok(list) = header.to_str() else {
        return false;
    };
    list.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == tag
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
