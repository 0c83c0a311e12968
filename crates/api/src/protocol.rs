//! The HTTP layer's own refusals as problems: a request target or header section over the
//! server's limits, and error statuses answered by code that is not a handler (Swagger
//! UI's 404s under `/docs/`, an extractor's rejection) with a body of its own or none.
//!
//! What hyper refuses while parsing a request head (a target over 65,534 bytes, more than
//! 100 header fields, a head over the listener's buffer, a malformed `Content-Length` or
//! `Transfer-Encoding`) never reaches the router: hyper answers it with an empty body and
//! closes the connection, and offers no hook to change that. The limits here sit below
//! hyper's so that every request a client could mean seriously gets a problem.

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::ApiError;

/// Longest request target (path and query) the server reads: far over any URL the API
/// builds, under hyper's limit.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// Largest header section (names, values and their separators) the server reads: room
/// for the cookies a browser sends to `localhost`, under the listener's head buffer.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;

/// 414 `uri_too_long` and 431 `headers_too_large` before anything else reads the request.
pub async fn limit_head(req: Request, next: Next) -> Response {
    let target = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if target > MAX_URI_BYTES {
        return ApiError::UriTooLong {
            limit: MAX_URI_BYTES,
        }
        .into_response();
    }
    let headers: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if headers > MAX_HEADER_BYTES {
        return ApiError::HeadersTooLarge {
            limit: MAX_HEADER_BYTES,
        }
        .into_response();
    }
    next.run(req).await
}

/// Gives every error answer a problem body: answers that already are problems pass; others
/// keep their status and get the problem that status stands for.
pub async fn problem_bodies(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) || is_problem(&res) {
        return res;
    }
    let mut problem = problem_for(status, path).into_response();
    // an answer's instructions to the client stay (e.g. `Allow` on a 405)
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(value) = res.headers().get(&name) {
            problem.headers_mut().insert(name, value.clone());
        }
    }
    problem
}

fn is_problem(res: &Response) -> bool {
    res.headers().get(header::CONTENT_TYPE)
        == Some(&HeaderValue::from_static("application/problem+json"))
}

fn problem_for(status: StatusCode, path: String) -> ApiError {
    match status {
        StatusCode::NOT_FOUND => ApiError::RouteNotFound(path),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        _ => ApiError::Http(status),
    }
}
