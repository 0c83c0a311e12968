//! Extractors that turn axum's plain-text rejections into problem+json.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{FromRequestParts, MatchedPath, Path, Request, State};
use axum::http::request::Parts;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use claimgraph_graph::storage::{Actor, Cursor, Id};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::schema::{ArrayItems, Schema, SchemaType, Type};
use utoipa::openapi::{OpenApi as Document, RefOr};
use utoipa::IntoParams;

use crate::error::ErrorCode;
use crate::{ApiError, AppState};

/// Query parameters; a malformed value is a 400 `invalid_query`. A key given several times
/// fills a `Vec` field (a filter of several values); for any other field it is a 400
/// `invalid_query`. Parameters no endpoint takes are refused before (see [`KnownParams`]).
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let raw = parts.uri.query().unwrap_or("");
        require_utf8_query(raw)?;
        serde_html_form::from_str::<T>(raw)
            .map(ApiQuery)
            .map_err(|e| ApiError::bad_request(ErrorCode::InvalidQuery, format!("bad query: {e}")))
    }
}

/// The query parameters each documented operation takes, by method and path template: a
/// parameter the document does not name is a 400 `unknown_parameter` (a typo must not
/// widen a filter to everything), so the document and the server cannot disagree.
#[derive(Debug, Clone, Default)]
pub struct KnownParams(Arc<HashMap<(Method, String), Vec<Param>>>);

/// A documented query parameter: its name, and whether an empty value is one it takes.
#[derive(Debug, Clone)]
struct Param {
    name: String,
    /// Text takes `?cursor=` (the first page); a number, boolean or enum has no empty
    /// value, so `?limit=` is a 400 rather than silently the default.
    text: bool,
}

impl KnownParams {
    /// The parameters of every operation of `doc`.
    pub fn of(doc: &Document) -> KnownParams {
        let mut known = HashMap::new();
        for (path, item) in &doc.paths.paths {
            let ops = [
                (Method::GET, &item.get),
                (Method::POST, &item.post),
                (Method::DELETE, &item.delete),
                (Method::PUT, &item.put),
                (Method::PATCH, &item.patch),
            ];
            for (method, op) in ops {
                let Some(op) = op else { continue };
                let names = op
                    .parameters
                    .iter()
                    .flatten()
                    .filter(|p| p.parameter_in == ParameterIn::Query)
                    .map(|p| Param {
                        name: p.name.clone(),
                        text: takes_text(p.schema.as_ref()),
                    })
                    .collect();
                known.insert((method, path.clone()), names);
            }
        }
        KnownParams(Arc::new(known))
    }

    /// The parameters `method` on the route `path` takes; `None` for an undocumented one.
    fn accepted(&self, method: &Method, path: &str) -> Option<&[Param]> {
        let method = if method == Method::HEAD {
            &Method::GET
        } else {
            method
        };
        self.0
            .get(&(method.clone(), path.to_string()))
            .map(Vec::as_slice)
    }
}

/// Refuses a request to a documented route whose query names a parameter the route does
/// not take, naming the strangers and what is accepted.
pub async fn reject_unknown_params(
    State(known): State<KnownParams>,
    req: Request,
    next: Next,
) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str);
    let accepted = route.and_then(|r| known.accepted(req.method(), r));
    if let (Some(accepted), Some(raw)) = (accepted, req.uri().query()) {
        if let Err(e) = check_known(accepted, raw) {
            return e.into_response();
        }
    }
    next.run(req).await
}

/// A 400 `invalid_query` for a query that is not UTF-8 once percent-decoded: the form
/// decoder would replace the bad bytes with U+FFFD and filter or search for that instead.
fn require_utf8_query(raw: &str) -> Result<(), ApiError> {
    if crate::charset::query_is_utf8(raw) {
        return Ok(());
    }
    Err(ApiError::bad_request(
        ErrorCode::InvalidQuery,
        "the query string is not UTF-8 once percent-decoded (e.g. %ff): encode text as UTF-8",
    ))
}

/// Whether a parameter's schema takes text, where an empty value means something. The
/// document's parameters refer only to string enums, which take no empty value.
fn takes_text(schema: Option<&RefOr<Schema>>) -> bool {
    match schema {
        Some(RefOr::T(Schema::Object(o))) => {
            o.enum_values.is_none()
                && match &o.schema_type {
                    SchemaType::Type(t) => *t == Type::String,
                    SchemaType::Array(types) => types.contains(&Type::String),
                    SchemaType::AnyValue => true,
                }
        }
        Some(RefOr::T(Schema::Array(a))) => match &a.items {
            ArrayItems::RefOrSchema(item) => takes_text(Some(item)),
            ArrayItems::False => false,
        },
        Some(RefOr::Ref(_)) => false,
        _ => true,
    }
}

fn check_known(accepted: &[Param], raw: &str) -> Result<(), ApiError> {
    // before the names: a bad byte in a name would otherwise read as an unknown parameter
    require_utf8_query(raw)?;
    let pairs: Vec<(String, String)> = serde_html_form::from_str(raw)
        .map_err(|e| ApiError::bad_request(ErrorCode::InvalidQuery, format!("bad query: {e}")))?;
    let mut unknown: Vec<&str> = Vec::new();
    for (key, _) in &pairs {
        if !accepted.iter().any(|p| p.name == *key) && !unknown.contains(&key.as_str()) {
            unknown.push(key);
        }
    }
    if unknown.is_empty() {
        return require_values(accepted, &pairs);
    }
    let quoted = |names: &mut dyn Iterator<Item = &str>| {
        names
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let takes = if accepted.is_empty() {
        "takes no query parameters".to_string()
    } else {
        format!(
            "accepts {}",
            quoted(&mut accepted.iter().map(|p| p.name.as_str()))
        )
    };
    Err(ApiError::bad_request(
        ErrorCode::UnknownParameter,
        format!(
            "unknown query parameter {}; this endpoint {takes}",
            quoted(&mut unknown.iter().copied())
        ),
    ))
}

/// A 400 `invalid_query` for `?limit=` and the like: an empty value for a parameter that
/// takes no text (a number, a boolean, an enum), which the form decoder would read as no
/// value, the default, though the client named the parameter.
fn require_values(accepted: &[Param], pairs: &[(String, String)]) -> Result<(), ApiError> {
    let empty = pairs.iter().find(|(key, value)| {
        value.is_empty() && accepted.iter().any(|p| p.name == *key && !p.text)
    });
    match empty {
        None => Ok(()),
        Some((key, _)) => Err(ApiError::bad_request(
            ErrorCode::InvalidQuery,
            format!("`{key}` is empty: give it a value, or leave it out for the default"),
        )),
    }
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
    // before trimming, as the document's pattern says: a tab at either end is one too
    if name.chars().any(char::is_control) {
        return Err(bad("must not hold control characters"));
    }
    let name = name.trim();
    if name.chars().count() > MAX_ACTOR_NAME {
        return Err(bad(&format!("must be at most {MAX_ACTOR_NAME} characters")));
    }
    Ok(name.to_string())
}
