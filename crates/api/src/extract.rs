//! Extractors that turn axum's plain-text rejections into problem+json.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use claimgraph_store::{Actor, Cursor, Id};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::openapi::path::ParameterIn;
use utoipa::IntoParams;

use crate::error::ErrorCode;
use crate::{ApiError, AppState};

/// Query parameters: a parameter the endpoint does not document is a 400
/// `unknown_parameter` (a typo must not widen a filter to everything), a malformed value a
/// 400 `invalid_query`. A key given several times fills a `Vec` field (a filter of several
/// values); for any other field it is a 400 `invalid_query`.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + IntoParams> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let raw = parts.uri.query().unwrap_or("");
        check_known::<T>(raw)?;
        serde_html_form::from_str::<T>(raw)
            .map(ApiQuery)
            .map_err(|e| ApiError::bad_request(ErrorCode::InvalidQuery, format!("bad query: {e}")))
    }
}

/// The names of the query parameters `T` documents: what the endpoint accepts.
fn accepted_params<T: IntoParams>() -> Vec<String> {
    T::into_params(|| Some(ParameterIn::Query))
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// Refuses a query naming a parameter that `T` does not document, naming the strangers and
/// what is accepted.
fn check_known<T: IntoParams>(raw: &str) -> Result<(), ApiError> {
    let accepted = accepted_params::<T>();
    let pairs: Vec<(String, String)> = serde_html_form::from_str(raw)
        .map_err(|e| ApiError::bad_request(ErrorCode::InvalidQuery, format!("bad query: {e}")))?;
    let mut unknown: Vec<&str> = Vec::new();
    for (key, _) in &pairs {
        if !accepted.contains(key) && !unknown.contains(&key.as_str()) {
            unknown.push(key);
        }
    }
    if unknown.is_empty() {
        return Ok(());
    }
    let quoted = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let accepted: Vec<&str> = accepted.iter().map(String::as_str).collect();
    let accepted = if accepted.is_empty() {
        "none".to_string()
    } else {
        quoted(&accepted)
    };
    Err(ApiError::bad_request(
        ErrorCode::UnknownParameter,
        format!(
            "unknown query parameter {}; this endpoint accepts {accepted}",
            quoted(&unknown)
        ),
    ))
}

/// A positive integer id in the path; anything else is a 400 `invalid_id`.
pub struct ApiId(pub Id);

impl<S: Send + Sync> FromRequestParts<S> for ApiId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(ErrorCode::InvalidId, e.body_text()))?;
        parse_id("id", &raw).map(ApiId)
    }
}

pub fn parse_id(field: &str, raw: &str) -> Result<Id, ApiError> {
    match raw.trim().parse::<Id>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(ApiError::bad_request(
            ErrorCode::InvalidId,
            format!("{field} must be a positive integer id, got {raw:?}"),
        )),
    }
}

/// The largest page a client may ask for.
pub const MAX_LIMIT: i64 = 500;
pub const DEFAULT_LIMIT: i64 = 50;

/// Paging of a list: what every paged endpoint without filters of its own takes.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1–500.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page, unchanged: an opaque URL-safe token (else
    /// 400 `invalid_cursor`).
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

/// `limit` and `cursor`, checked once for every list endpoint.
pub fn page_params(
    limit: Option<i64>,
    cursor: Option<&str>,
) -> Result<(i64, Option<Cursor>), ApiError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(
            ErrorCode::InvalidLimit,
            format!("limit must be between 1 and {MAX_LIMIT}, got {limit}"),
        ));
    }
    let cursor = match cursor {
        None | Some("") => None,
        Some(c) => Some(Cursor::decode(c)?),
    };
    Ok((limit, cursor))
}

/// The header a client names itself with in the curation log (unverified, for people).
pub const ACTOR_HEADER: &str = "x-actor";
/// The longest `X-Actor` kept; a longer one is a 400 `invalid_actor`.
const MAX_ACTOR_NAME: usize = 100;

/// Who asks for a curation, for the log: the credential the guard checked and the name
/// the client gives itself in `X-Actor`.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let name = match parts.headers.get(ACTOR_HEADER) {
            None => None,
            Some(v) => Some(actor_name(v.as_bytes())?).filter(|n| !n.is_empty()),
        };
        Ok(ApiActor(Actor {
            label: credential_label(state.config.guard.api_token.as_deref()),
            name,
        }))
    }
}

/// What the log says of the credential: writes pass the guard only with the server's
/// token when it has one, so the label names that token by a short hash (telling one token
/// from the next after a rotation, never enough to recover it); without a token,
/// `anonymous`.
pub fn credential_label(token: Option<&str>) -> String {
    let Some(token) = token else {
        return "anonymous".to_string();
    };
    let digest = Sha256::digest(format!("claimgraph curation log\0{token}").as_bytes());
    let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("token:{hex}")
}

fn actor_name(raw: &[u8]) -> Result<String, ApiError> {
    let bad = |why: &str| ApiError::bad_request(ErrorCode::InvalidActor, format!("X-Actor {why}"));
    let name = std::str::from_utf8(raw).map_err(|_| bad("must be UTF-8 text"))?;
    let name = name.trim();
    if name.chars().count() > MAX_ACTOR_NAME {
        return Err(bad(&format!("must be at most {MAX_ACTOR_NAME} characters")));
    }
    if name.chars().any(char::is_control) {
        return Err(bad("must not hold control characters"));
    }
    Ok(name.to_string())
}
