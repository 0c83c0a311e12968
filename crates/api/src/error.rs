use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use claimgraph_store::StoreError;
use serde::Serialize;
use thiserror::Error;

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
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("internal error")]
    Internal(String),
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'a str,
    status: u16,
    detail: String,
    code: &'a str,
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
                StoreError::Database(_) | StoreError::Migrate(_) => {
                    (StatusCode::INTERNAL_SERVER_ERROR, "internal")
                }
            },
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let detail = if status.is_server_error() {
            // details of 5xx go to the log, never to the client
            tracing::error!(error = ?self, "request failed");
            "the server failed to answer; the error has been logged".to_string()
        } else {
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
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response()
    }
}
