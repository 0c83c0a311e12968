//! Extractors that turn axum's plain-text rejections into problem+json.

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use claimgraph_store::{Cursor, Id};
use serde::de::DeserializeOwned;

use crate::ApiError;

/// Query parameters; a malformed query string is a 400 `invalid_query`.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))
    }
}

/// A positive integer id in the path; anything else is a 400 `invalid_id`.
pub struct ApiId(pub Id);

impl<S: Send + Sync> FromRequestParts<S> for ApiId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request("invalid_id", e.body_text()))?;
        parse_id("id", &raw).map(ApiId)
    }
}

pub fn parse_id(field: &str, raw: &str) -> Result<Id, ApiError> {
    match raw.trim().parse::<Id>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(ApiError::bad_request(
            "invalid_id",
            format!("{field} must be a positive integer id, got {raw:?}"),
        )),
    }
}

/// The largest page a client may ask for.
pub const MAX_LIMIT: i64 = 500;
pub const DEFAULT_LIMIT: i64 = 50;

/// `limit` and `cursor`, checked once for every list endpoint.
pub fn page_params(
    limit: Option<i64>,
    cursor: Option<&str>,
) -> Result<(i64, Option<Cursor>), ApiError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_limit",
            format!("limit must be between 1 and {MAX_LIMIT}, got {limit}"),
        ));
    }
    let cursor = match cursor {
        None | Some("") => None,
        Some(c) => Some(Cursor::decode(c)?),
    };
    Ok((limit, cursor))
}
