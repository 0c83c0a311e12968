use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use claimgraph_store::StoreError;
use serde::Serialize;
use thiserror::Error;
use utoipa::ToSchema;

/// Every way a request can fail, each with one status and one stable `code` that clients
/// may branch on. Rendered as RFC 9457 `application/problem+json`.
#[derive(Debug, Error)]
pub enum ApiError {
    #[error("{detail}")]
    BadRequest { code: &'static str, detail: String },
    #[error("{detail}")]
    Unprocessable { code: &'static str, detail: String },
    #[error("send the article as application/json or text/plain (got {0})")]
    UnsupportedMediaType(String),
    #[error("the request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("no route for {0}")]
    RouteNotFound(String),
    #[error("this method is not allowed here")]
    MethodNotAllowed,
    #[error(
        "send the token as `Authorization: Bearer TOKEN` (CLAIMGRAPH_API_TOKEN on the server)"
    )]
    Unauthorized,
    #[error("too many requests from this address; retry after {retry_after} second(s)")]
    RateLimited { retry_after: u64 },
    #[error("the request took longer than {seconds} second(s); retry later (a POST that timed out may have been stored: posting it again is safe)")]
    Timeout { seconds: u64 },
    #[error("the server is handling as many requests as it allows; retry shortly")]
    Overloaded,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("internal error")]
    Internal(String),
}

/// An RFC 9457 problem: every error body has this shape, as `application/problem+json`.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// `https://claimgraph.dev/problems/{code}`
    #[serde(rename = "type")]
    #[schema(example = "https://claimgraph.dev/problems/invalid_limit")]
    pub kind: String,
    /// The HTTP status's reason phrase.
    #[schema(example = "Bad Request")]
    pub title: &'static str,
    /// The HTTP status code.
    #[schema(example = 400)]
    pub status: u16,
    /// What went wrong, for people; do not parse it.
    #[schema(example = "limit must be between 1 and 500, got 0")]
    pub detail: String,
    /// The stable code clients branch on; each response lists the codes it may carry.
    #[schema(example = "invalid_limit")]
    pub code: &'static str,
}

impl ApiError {
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        ApiError::BadRequest {
            code,
            detail: detail.into(),
        }
    }

    pub fn unprocessable(code: &'static str, detail: impl Into<String>) -> Self {
        ApiError::Unprocessable {
            code,
            detail: detail.into(),
        }
    }

    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        self.status_and_code().0
    }

    /// Seconds a client should wait before retrying, for the errors that are temporary.
    fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::RateLimited { retry_after } => Some(*retry_after),
            ApiError::Timeout { .. } | ApiError::Overloaded => Some(1),
            ApiError::Store(StoreError::Busy | StoreError::Interrupted) => Some(1),
            _ => None,
        }
    }

    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::BadRequest { code, .. } => (StatusCode::BAD_REQUEST, code),
            ApiError::Unprocessable { code, .. } => (StatusCode::UNPROCESSABLE_ENTITY, code),
            ApiError::UnsupportedMediaType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            ApiError::PayloadTooLarge { .. } => {
                (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
            }
            ApiError::RouteNotFound(_) => (StatusCode::NOT_FOUND, "route_not_found"),
            ApiError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            ApiError::Timeout { .. } => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
            ApiError::Overloaded => (StatusCode::SERVICE_UNAVAILABLE, "overloaded"),
            ApiError::Store(e) => match e {
                StoreError::EmptyArticle => (StatusCode::UNPROCESSABLE_ENTITY, "empty_text"),
                StoreError::NotFound { .. } => (StatusCode::NOT_FOUND, "not_found"),
                StoreError::Merged { .. } => (StatusCode::NOT_FOUND, "entity_merged"),
                StoreError::MergeIntoItself { .. } => {
                    (StatusCode::UNPROCESSABLE_ENTITY, "merge_into_itself")
                }
                StoreError::KindMismatch { .. } => {
                    (StatusCode::UNPROCESSABLE_ENTITY, "kind_mismatch")
                }
                StoreError::EmptyAlias => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_alias"),
                StoreError::InvalidCursor => (StatusCode::BAD_REQUEST, "invalid_cursor"),
                StoreError::InvalidSearch(_) => (StatusCode::BAD_REQUEST, "invalid_search"),
                StoreError::Full => (StatusCode::INSUFFICIENT_STORAGE, "storage_full"),
                StoreError::ReadOnly => (StatusCode::SERVICE_UNAVAILABLE, "read_only"),
                StoreError::Busy => (StatusCode::SERVICE_UNAVAILABLE, "busy"),
                // the guard's deadline, met inside the database: the same answer
                StoreError::Interrupted => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
                StoreError::Database(_)
                | StoreError::Write(_)
                | StoreError::WriterStopped(_)
                | StoreError::Migrate(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
            },
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        // these 5xx are conditions an operator or client can act on, not faults: say which
        let actionable = matches!(
            self,
            ApiError::Timeout { .. }
                | ApiError::Overloaded
                | ApiError::Store(
                    StoreError::Full
                        | StoreError::ReadOnly
                        | StoreError::Busy
                        | StoreError::Interrupted
                )
        );
        let retry_after = self.retry_after();
        let detail = if status.is_server_error() && !actionable {
            // details of 5xx go to the log, never to the client
            tracing::error!(error = ?self, "request failed");
            "the server failed to answer; the error has been logged".to_string()
        } else {
            if status.is_server_error() {
                tracing::warn!(error = %self, "request refused");
            }
            self.to_string()
        };
        let problem = Problem {
            kind: format!("https://claimgraph.dev/problems/{code}"),
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail,
            code,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut res = (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response();
        if let Some(secs) = retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"claimgraph\""),
            );
        }
        res
    }
}
