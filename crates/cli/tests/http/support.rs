//! What every HTTP test file needs: the real router on a temporary database (a SQLite file,
//! or PostgreSQL when the run says so: [`on_postgres`]), one request at a time, and lists
//! read to the end through their cursors.

use std::sync::{Arc, LazyLock};

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use claimgraph_api::{router, ApiConfig, AppState};
use claimgraph_graph::storage::{Actor, Inserted, MergeOutcome, Storage, StorageError};
use claimgraph_graph::EdgeKind;
use claimgraph_ingest::{Extractor, Gazetteer};
use claimgraph_model::ReadArticle;
use claimgraph_store::{PreparedArticle, Store, StoreOptions};
use claimgraph_store_postgres::testing::TestDb;
use claimgraph_store_postgres::PgStore;
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

/// The database behind an [`App`]: a SQLite file (the default), or a schema of its own on
/// the PostgreSQL server of `CLAIMGRAPH_TEST_POSTGRES_URL` when
/// `CLAIMGRAPH_TEST_BACKEND=postgres` (CI runs this suite both ways).
pub enum TestStore {
    Sqlite(Store),
    Postgres(PgStore),
}

impl TestStore {
    /// The storage contract, as the router holds it.
    pub fn storage(&self) -> Arc<dyn Storage> {
        match self {
            TestStore::Sqlite(s) => Arc::new(s.clone()),
            TestStore::Postgres(p) => Arc::new(p.clone()),
        }
    }

    /// Stores an article behind the router's back (another process ingesting).
    pub async fn insert(&self, article: &PreparedArticle) -> Result<Inserted, StorageError> {
        let storage = self.storage();
        storage.insert(article).await
    }

    /// Merges two entities as an analyst would, behind the router's back.
    pub async fn merge_entities(
        &self,
        into: i64,
        from: i64,
        actor: &Actor,
    ) -> Result<MergeOutcome, StorageError> {
        let storage = self.storage();
        storage.merge_entities(into, from, actor).await
    }

    /// Records a link between two claims, as the linker would.
    pub async fn record_claim_link(&self, a: i64, b: i64, kind: EdgeKind, score: f64) {
        let stored = match self {
            TestStore::Sqlite(s) => s
                .record_claim_link(a, b, kind, score)
                .await
                .map_err(|e| e.to_string()),
            TestStore::Postgres(p) => p
                .record_claim_link(a, b, kind, score)
                .await
                .map_err(|e| e.to_string()),
        };
        stored.expect("link");
    }

    /// Closes the store's connections.
    pub async fn close(&self) {
        match self {
            TestStore::Sqlite(s) => s.close().await,
            TestStore::Postgres(p) => p.close().await,
        }
    }
}

/// Where an [`App`]'s database lives.
enum TestDatabase {
    File(std::path::PathBuf),
    Postgres(Box<TestDb>),
}

pub struct App {
    pub router: Router,
    /// The database the router serves, for writes a test makes behind its back (another
    /// process ingesting, a linker).
    pub store: TestStore,
    database: TestDatabase,
    _dir: TempDir,
}

pub async fn app_with(config: ApiConfig) -> App {
    app_on(config, StoreOptions::default()).await
}

/// Whether this run tests the PostgreSQL backend (`CLAIMGRAPH_TEST_BACKEND=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("CLAIMGRAPH_TEST_BACKEND").is_ok_and(|b| b == "postgres")
}

/// An app whose store is opened with `options`. A size cap is SQLite's own
/// (`--max-db-size`), so such an app is on SQLite whichever backend the run tests.
pub async fn app_on(config: ApiConfig, options: StoreOptions) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, database) = if on_postgres() && options.max_size_bytes.is_none() {
        let db = TestDb::create("http").unwrap_or_else(|| {
            panic!("CLAIMGRAPH_TEST_BACKEND=postgres needs CLAIMGRAPH_TEST_POSTGRES_URL")
        });
        let store = PgStore::open_config(db.config().clone())
            .await
            .expect("open store");
        (
            TestStore::Postgres(store),
            TestDatabase::Postgres(Box::new(db)),
        )
    } else {
        let db = dir.path().join("test.db");
        let store = Store::open_with(&db, options).await.expect("open store");
        (TestStore::Sqlite(store), TestDatabase::File(db))
    };
    let state = match &store {
        TestStore::Sqlite(s) => AppState::new(s.clone(), reader(), config),
        TestStore::Postgres(p) => AppState::new(p.clone(), reader(), config),
    };
    App {
        router: router(state),
        store,
        database,
        _dir: dir,
    }
}

impl App {
    /// A second store on the same database: another process's connections.
    pub async fn second_store(&self) -> TestStore {
        match &self.database {
            TestDatabase::File(db) => {
                TestStore::Sqlite(Store::open(db).await.expect("second store"))
            }
            TestDatabase::Postgres(db) => TestStore::Postgres(
                PgStore::open_config(db.config().clone())
                    .await
                    .expect("second store"),
            ),
        }
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
