use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use claimgraph_graph::storage::StorageError;
use serde::Serialize;
use thiserror::Error;
use utoipa::ToSchema;

/// Every way a request can fail, each with one status and one stable `code` that clients
/// may branch on. Rendered as RFC 9457 `application/problem+json`.
#[derive(Debug, Error)]
pub enum ApiError {
    #[error("{detail}")]
    BadRequest { code: ErrorCode, detail: String },
    #[error("{detail}")]
    Unprocessable { code: ErrorCode, detail: String },
    #[error("send the article as application/json or text/plain (got {0})")]
    UnsupportedMediaType(String),
    #[error(
        "send the articles as application/x-ndjson, one JSON article object per line (got {0})"
    )]
    UnsupportedBatchType(String),
    #[error("the batch holds {lines} articles (non-blank lines), more than the {limit} one request may hold: split it")]
    TooManyLines { lines: usize, limit: usize },
    #[error("the charset {0:?} is not one the server reads: send UTF-8, UTF-16 (LE/BE), ISO-8859-1 or windows-1252")]
    UnsupportedCharset(String),
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
    #[error("the server is already streaming as many exports as it allows (--max-exports); retry after {retry_after} seconds")]
    ExportsBusy { retry_after: u64 },
    #[error("{limit} event streams are open, as many as the server allows; retry later")]
    TooManySubscribers { limit: usize },
    #[error("this client address, or all clients together, hold as many connections as the server allows; retry shortly")]
    TooManyConnections,
    #[error("the request target is longer than the limit of {limit} bytes")]
    UriTooLong { limit: usize },
    #[error("the request's header fields are larger than the limit of {limit} bytes")]
    HeadersTooLarge { limit: usize },
    #[error("{0}")]
    HostNotAllowed(String),
    #[error("{0}")]
    OriginNotAllowed(String),
    /// An error status a layer outside the handlers answered with (Swagger UI's 404, an
    /// extractor's rejection): the status stays, the body becomes a problem.
    #[error("the request was refused ({0})")]
    Http(StatusCode),
    #[error(transparent)]
    Store(#[from] StorageError),
    #[error("internal error")]
    Internal(String),
}

/// An RFC 9457 problem: every error body has this shape, as `application/problem+json`.
#[derive(Debug, Clone, Serialize, ToSchema)]
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
    pub code: ErrorCode,
}

/// Declares [`ErrorCode`] from one list of `Variant => "code"`: the wire name is the
/// variant's in snake_case (serde and the schema), `as_str` gives the literal, and a unit
/// test holds the two equal.
macro_rules! error_codes {
    ($($variant:ident => $code:literal,)*) => {
        /// Every `code` a problem can carry: what clients branch on. Listed in the OpenAPI
        /// document as an enum, so a generated client knows them all.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    MalformedJson => "malformed_json",
    InvalidUtf8 => "invalid_utf8",
    InvalidEncoding => "invalid_encoding",
    UnreadableBody => "unreadable_body",
    InvalidId => "invalid_id",
    InvalidQuery => "invalid_query",
    UnknownParameter => "unknown_parameter",
    InvalidLimit => "invalid_limit",
    InvalidCursor => "invalid_cursor",
    InvalidKind => "invalid_kind",
    InvalidType => "invalid_type",
    InvalidSort => "invalid_sort",
    InvalidSearch => "invalid_search",
    InvalidActor => "invalid_actor",
    InvalidEventId => "invalid_event_id",
    Unauthorized => "unauthorized",
    HostNotAllowed => "host_not_allowed",
    OriginNotAllowed => "origin_not_allowed",
    NotFound => "not_found",
    EntityMerged => "entity_merged",
    RouteNotFound => "route_not_found",
    MethodNotAllowed => "method_not_allowed",
    MergeUndone => "merge_undone",
    MergeNotUndoable => "merge_not_undoable",
    SamePlace => "same_place",
    PayloadTooLarge => "payload_too_large",
    TooManyLines => "too_many_lines",
    UriTooLong => "uri_too_long",
    UnsupportedMediaType => "unsupported_media_type",
    UnsupportedCharset => "unsupported_charset",
    InvalidArticle => "invalid_article",
    InvalidBody => "invalid_body",
    NotAPlace => "not_a_place",
    InvalidAlias => "invalid_alias",
    MergeIntoItself => "merge_into_itself",
    KindMismatch => "kind_mismatch",
    EmptyText => "empty_text",
    InvalidPublishedAt => "invalid_published_at",
    RateLimited => "rate_limited",
    HeadersTooLarge => "headers_too_large",
    RequestRefused => "request_refused",
    Internal => "internal",
    Timeout => "timeout",
    Overloaded => "overloaded",
    ExportsBusy => "exports_busy",
    TooManySubscribers => "too_many_subscribers",
    TooManyConnections => "too_many_connections",
    ReadOnly => "read_only",
    Busy => "busy",
    StorageFull => "storage_full",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ApiError {
    pub fn bad_request(code: ErrorCode, detail: impl Into<String>) -> Self {
        ApiError::BadRequest {
            code,
            detail: detail.into(),
        }
    }

    pub fn unprocessable(code: ErrorCode, detail: impl Into<String>) -> Self {
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
            ApiError::RateLimited { retry_after } | ApiError::ExportsBusy { retry_after } => {
                Some(*retry_after)
            }
            ApiError::Timeout { .. } | ApiError::Overloaded | ApiError::TooManyConnections => {
                Some(1)
            }
            ApiError::TooManySubscribers { .. } => Some(5),
            ApiError::Store(StorageError::Busy | StorageError::Interrupted) => Some(1),
            _ => None,
        }
    }

    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        match self {
            ApiError::BadRequest { code, .. } => (StatusCode::BAD_REQUEST, *code),
            ApiError::Unprocessable { code, .. } => (StatusCode::UNPROCESSABLE_ENTITY, *code),
            ApiError::UnsupportedMediaType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            ApiError::UnsupportedBatchType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            ApiError::TooManyLines { .. } => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::TooManyLines)
            }
            ApiError::UnsupportedCharset(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedCharset,
            ),
            ApiError::PayloadTooLarge { .. } => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            }
            ApiError::RouteNotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::RouteNotFound),
            ApiError::MethodNotAllowed => {
                (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
            }
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized),
            ApiError::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::RateLimited),
            ApiError::Timeout { .. } => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Timeout),
            ApiError::Overloaded => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Overloaded),
            ApiError::ExportsBusy { .. } => {
                (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::ExportsBusy)
            }
            ApiError::TooManySubscribers { .. } => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::TooManySubscribers,
            ),
            ApiError::TooManyConnections => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::TooManyConnections,
            ),
            ApiError::UriTooLong { .. } => (StatusCode::URI_TOO_LONG, ErrorCode::UriTooLong),
            ApiError::HeadersTooLarge { .. } => (
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                ErrorCode::HeadersTooLarge,
            ),
            ApiError::HostNotAllowed(_) => (StatusCode::FORBIDDEN, ErrorCode::HostNotAllowed),
            ApiError::OriginNotAllowed(_) => (StatusCode::FORBIDDEN, ErrorCode::OriginNotAllowed),
            ApiError::Http(status) if status.is_server_error() => (*status, ErrorCode::Internal),
            ApiError::Http(StatusCode::PAYLOAD_TOO_LARGE) => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            }
            ApiError::Http(status) => (*status, ErrorCode::RequestRefused),
            ApiError::Store(e) => match e {
                StorageError::EmptyArticle => {
                    (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::EmptyText)
                }
                StorageError::NotFound { .. } => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
                StorageError::Merged { .. } => (StatusCode::NOT_FOUND, ErrorCode::EntityMerged),
                StorageError::MergeIntoItself { .. } => {
                    (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::MergeIntoItself)
                }
                StorageError::KindMismatch { .. } => {
                    (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::KindMismatch)
                }
                StorageError::EmptyAlias => {
                    (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidAlias)
                }
                StorageError::MergeUndone { .. } => (StatusCode::CONFLICT, ErrorCode::MergeUndone),
                StorageError::MergeNotUndoable { .. } => {
                    (StatusCode::CONFLICT, ErrorCode::MergeNotUndoable)
                }
                StorageError::NotAPlace { .. } => {
                    (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::NotAPlace)
                }
                StorageError::SamePlace { .. } => (StatusCode::CONFLICT, ErrorCode::SamePlace),
                StorageError::InvalidCursor => (StatusCode::BAD_REQUEST, ErrorCode::InvalidCursor),
                StorageError::InvalidSearch(_) => {
                    (StatusCode::BAD_REQUEST, ErrorCode::InvalidSearch)
                }
                StorageError::Full => (StatusCode::INSUFFICIENT_STORAGE, ErrorCode::StorageFull),
                StorageError::ReadOnly => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::ReadOnly),
                StorageError::Busy => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Busy),
                // the guard's deadline, met inside the database: the same answer
                StorageError::Interrupted => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Timeout),
                StorageError::Backend(_)
                | StorageError::WriterStopped(_)
                | StorageError::Migrate(_) => {
                    (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal)
                }
            },
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }
}

impl ApiError {
    /// The problem document this error answers with; a fault's details go to the log.
    pub(crate) fn problem(&self) -> Problem {
        let (status, code) = self.status_and_code();
        // these 5xx are conditions an operator or client can act on, not faults: say which
        let actionable = matches!(
            self,
            ApiError::Timeout { .. }
                | ApiError::Overloaded
                | ApiError::ExportsBusy { .. }
                | ApiError::TooManySubscribers { .. }
                | ApiError::TooManyConnections
                | ApiError::Store(
                    StorageError::Full
                        | StorageError::ReadOnly
                        | StorageError::Busy
                        | StorageError::Interrupted
                )
        );
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
        Problem {
            kind: format!("https://claimgraph.dev/problems/{code}"),
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail,
            code,
        }
    }

    /// The whole HTTP/1.1 answer as bytes, closing the connection: for the listener, which
    /// refuses some connections before any request on them is parsed.
    pub(crate) fn http1_bytes(&self) -> Vec<u8> {
        let problem = self.problem();
        let body = serde_json::to_string(&problem).unwrap_or_default();
        let mut head = format!(
            "HTTP/1.1 {} {}\r\ncontent-type: application/problem+json\r\ncontent-length: {}\r\nconnection: close\r\n",
            problem.status,
            problem.title,
            body.len()
        );
        if let Some(secs) = self.retry_after() {
            head.push_str(&format!("retry-after: {secs}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(&body);
        head.into_bytes()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        let status = self.status();
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut res = (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response();
        if let Some(secs) = self.retry_after() {
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

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn each_code_is_written_as_its_wire_name_once() {
        let mut seen = std::collections::BTreeSet::new();
        for code in ErrorCode::ALL {
            let wire = serde_json::to_value(code).expect("serialises");
            assert_eq!(wire, code.as_str(), "{code:?}");
            assert!(seen.insert(code.as_str()), "{code:?} twice");
        }
    }
}
