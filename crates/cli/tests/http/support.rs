//! What every HTTP test file needs: the real router on a temporary SQLite file, one request
//! at a time, and lists read to the end through their cursors.

use std::sync::{Arc, LazyLock};

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use claimgraph_api::{router, ApiConfig, AppState};
use claimgraph_ingest::{Extractor, Gazetteer};
use claimgraph_model::ReadArticle;
use claimgraph_store::{Store, StoreOptions};
use http_body_util::BodyExt;
use serde_json::Value;
use tempfile::TempDir;
use tower::ServiceExt;

/// The extractor with the embedded gazetteer, as the binary hands it to the api and to
/// `prepare`; built once per test binary.
pub fn reader() -> Arc<dyn ReadArticle> {
    static READER: LazyLock<Arc<dyn ReadArticle>> = LazyLock::new(|| {
        let gazetteer = Gazetteer::load().expect("embedded gazetteer");
        Arc::new(Extractor::with_gazetteer(Arc::new(gazetteer)))
    });
    Arc::clone(&READER)
}

pub struct App {
    pub router: Router,
    /// The database the router serves, for writes a test makes behind its back (another
    /// process ingesting, a linker).
    pub store: Store,
    /// The database file, for a second store on it (another process's connections).
    pub db: std::path::PathBuf,
    _dir: TempDir,
}

pub async fn app_with(config: ApiConfig) -> App {
    app_on(config, StoreOptions::default()).await
}

/// An app whose store is opened with `options` (a size cap, …).
pub async fn app_on(config: ApiConfig, options: StoreOptions) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("test.db");
    let store = Store::open_with(&db, options).await.expect("open store");
    App {
        router: router(AppState::new(store.clone(), reader(), config)),
        store,
        db,
        _dir: dir,
    }
}

pub async fn app() -> App {
    app_with(ApiConfig::default()).await
}

impl App {
    /// The answer's status, headers and body bytes.
    pub async fn request(&self, req: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
        let res = self.router.clone().oneshot(req).await.expect("answer");
        let (parts, body) = res.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        (parts.status, parts.headers, bytes.to_vec())
    }

    /// The answer's status, content type and body bytes.
    pub async fn typed(&self, req: Request<Body>) -> (StatusCode, Option<String>, Vec<u8>) {
        let (status, headers, body) = self.request(req).await;
        let ctype = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (status, ctype, body)
    }

    /// Posts an article (JSON body) and returns the created article.
    pub async fn post_article(&self, body: Value) -> Value {
        let req = Request::post("/v1/articles")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request");
        let (status, _, body) = self.request(req).await;
        assert_eq!(status, StatusCode::CREATED);
        serde_json::from_slice(&body).expect("JSON")
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let req = Request::get(uri).body(Body::empty()).expect("request");
        let (status, _, body) = self.request(req).await;
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }

    /// `GET /v1/claims/{id}` of the claim of article `article` whose text contains
    /// `needle`.
    pub async fn claim_with(&self, article: i64, needle: &str) -> Value {
        let claims = self
            .all(&format!("/v1/articles/{article}/claims"), 50)
            .await;
        let c = claims
            .iter()
            .find(|c| c["text"].as_str().is_some_and(|t| t.contains(needle)))
            .unwrap_or_else(|| panic!("no claim with {needle:?} in {claims:?}"));
        let (status, detail) = self.get(&format!("/v1/claims/{}", c["id"])).await;
        assert_eq!(status, StatusCode::OK);
        detail
    }

    /// Every item of a list, following `next_cursor` with pages of `limit`.
    pub async fn all(&self, uri: &str, limit: u32) -> Vec<Value> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let sep = if uri.contains('?') { '&' } else { '?' };
            let mut page = format!("{uri}{sep}limit={limit}");
            if let Some(c) = &cursor {
                page.push_str(&format!("&cursor={c}"));
            }
            let (status, body) = self.get(&page).await;
            assert_eq!(status, StatusCode::OK, "{page}: {body}");
            items.extend(body["items"].as_array().cloned().unwrap_or_default());
            match body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => return items,
            }
        }
    }
}

/// An invented article of `n` sentences of reported speech, each a claim of its own: large
/// enough that its exports fill many chunks and its claims many pages.
pub fn long_article(n: usize) -> String {
    let letters = |i: usize| -> String {
        let a = (b'a' + (i / 26 % 26) as u8) as char;
        let b = (b'a' + (i % 26) as u8) as char;
        format!("{a}{b}")
    };
    (0..n)
        .map(|i| {
            format!(
                "Inspector Nela Kovač said on Monday that section {} of the old river road \
                 would close for repairs lasting several weeks.",
                letters(i)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl App {
    /// The answer's status, content type and JSON body (null when it is not JSON).
    pub async fn send(&self, req: Request<Body>) -> (StatusCode, Option<String>, Value) {
        let (status, ctype, bytes) = self.typed(req).await;
        (
            status,
            ctype,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// Posts `body` to `/v1/articles` with this content type, if any.
    pub async fn post(
        &self,
        content_type: Option<&str>,
        body: impl Into<Body>,
    ) -> (StatusCode, Option<String>, Value) {
        let mut req = Request::post("/v1/articles");
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        self.send(req.body(body.into()).expect("request")).await
    }

    /// Posts a JSON article, whatever the answer.
    pub async fn post_json(&self, body: Value) -> (StatusCode, Value) {
        let (status, _, body) = self.post(Some("application/json"), body.to_string()).await;
        (status, body)
    }
}

/// The text of an example article (`examples/articles/`).
pub fn example(name: &str) -> String {
    let path = format!(
        "{}/../../examples/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
