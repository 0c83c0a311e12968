//! `claimgraph`: wires extraction, storage and the HTTP API into one binary.

mod database;
mod db_path;
mod files;
mod ingest;

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use claimgraph_api::{
    ApiConfig, AppState, ConnectionLimits, EventsConfig, GuardConfig, DEFAULT_BODY_LIMIT,
    DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_IP,
    DEFAULT_MAX_EXPORTS, DEFAULT_RESPONSE_CACHE, DEFAULT_SHUTDOWN_TIMEOUT,
};
use claimgraph_ingest::Extractor;
use claimgraph_model::ReadArticle;
use claimgraph_store::StoreOptions;
use clap::{Parser, Subcommand};
use database::{Database, DbTarget};
use tracing_subscriber::EnvFilter;

/// mimalloc instead of the system allocator: with glibc's, each extraction thread took a
/// malloc arena whose freed pages stayed resident, so a bulk ingest held about twice the
/// memory it used (749 MiB resident for a 332 MiB heap peak at 10,000 articles).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    about = "News articles in, a graph of who said what out."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the REST API (creates and migrates the database first).
    Serve {
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db", help = DB_HELP)]
        db: DbTarget,
        #[arg(long, env = "CLAIMGRAPH_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Request bodies larger than this many bytes get 413.
        #[arg(long, env = "CLAIMGRAPH_BODY_LIMIT", default_value_t = DEFAULT_BODY_LIMIT)]
        body_limit: usize,
        #[command(flatten)]
        guard: GuardArgs,
        #[command(flatten)]
        connections: ConnectionArgs,
        /// Cap the database file at this many bytes: writes past it get 507 storage_full.
        #[arg(long, env = "CLAIMGRAPH_MAX_DB_SIZE")]
        max_db_size: Option<u64>,
        /// Keep up to this many bytes of recent answers to GET /v1/... and serve them again
        /// while the database is unchanged (any write, by any process, invalidates them);
        /// 0 turns the cache off.
        #[arg(long, env = "CLAIMGRAPH_RESPONSE_CACHE", default_value_t = DEFAULT_RESPONSE_CACHE)]
        response_cache: usize,
        /// Exports (/v1/export.*, /v1/claims.csv) streamed at once; more get 503
        /// exports_busy. 0: no limit.
        #[arg(long, env = "CLAIMGRAPH_MAX_EXPORTS", default_value_t = DEFAULT_MAX_EXPORTS)]
        max_exports: usize,
        /// Event streams (GET /v1/events) open at once; more get 503 too_many_subscribers.
        #[arg(long, env = "CLAIMGRAPH_MAX_EVENT_SUBSCRIBERS", default_value_t = EventsConfig::default().max_subscribers)]
        max_event_subscribers: usize,
    },
    /// Ingest files or folders of .txt, .json and .ndjson articles.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db", help = DB_HELP)]
        db: DbTarget,
        /// Articles written per transaction.
        #[arg(long, default_value_t = 256)]
        batch: usize,
        /// Articles (a .txt or .json file, an .ndjson line) larger than this many bytes
        /// are rejected without being read; the same limit `serve` puts on a body.
        #[arg(long, env = "CLAIMGRAPH_BODY_LIMIT", default_value_t = DEFAULT_BODY_LIMIT)]
        max_article_bytes: usize,
        /// The outlet of every article whose file names none (a `.txt` without a `source:`
        /// header line, a JSON object without `source`): for a folder from one outlet.
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
    },
    /// Copy the database to PATH (VACUUM INTO): consistent, and safe while serving.
    Backup {
        /// Where to write the copy; must not exist yet.
        path: PathBuf,
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db", help = DB_HELP)]
        db: DbTarget,
    },
    /// Write the whole claim graph as GraphML (Gephi, yEd), N-Triples or JSON-LD (RDF stores).
    Export {
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db", help = DB_HELP)]
        db: DbTarget,
        /// graphml, ntriples (or nt, as the server's /v1/export.nt) or jsonld.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print the claims of one article file as JSON, without touching a database.
    Extract { file: PathBuf },
    /// Create the database if needed and apply pending migrations.
    Migrate {
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db", help = DB_HELP)]
        db: DbTarget,
    },
}

/// What `--db` takes.
const DB_HELP: &str = "A SQLite database file (a path or sqlite://PATH), or a PostgreSQL server: \
                       postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE";

impl Command {
    /// Refuses database and backup paths that would keep nothing (see [`db_path`]) before
    /// anything is opened.
    fn check_paths(&self) -> anyhow::Result<()> {
        match self {
            Command::Serve { db, .. }
            | Command::Ingest { db, .. }
            | Command::Migrate { db }
            | Command::Export { db, .. } => require_file(db),
            Command::Backup { path, db } => {
                require_file(db)?;
                db_path::require_file(path, "the backup path")
            }
            Command::Extract { .. } => Ok(()),
        }
    }
}

/// A SQLite `--db` must name a file (see [`db_path`]); a PostgreSQL URL is the server's.
fn require_file(db: &DbTarget) -> anyhow::Result<()> {
    match db {
        DbTarget::File(path) => db_path::require_file(path, "--db"),
        DbTarget::Postgres(_) => Ok(()),
    }
}

/// The file formats of `export`, by the names the server's export URLs end in too.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    /// GraphML, `application/graphml+xml` (/v1/export.graphml).
    Graphml,
    /// N-Triples, `application/n-triples` (/v1/export.nt); `nt` names it too.
    #[value(alias = "nt")]
    Ntriples,
    /// JSON-LD, `application/ld+json` (/v1/export.jsonld).
    Jsonld,
}

impl ExportFormat {
    fn graph_format(self) -> claimgraph_graph::Format {
        match self {
            ExportFormat::Graphml => claimgraph_graph::Format::Graphml,
            ExportFormat::Ntriples => claimgraph_graph::Format::Ntriples,
            ExportFormat::Jsonld => claimgraph_graph::Format::Jsonld,
        }
    }
}

/// Access control and load limits of `serve`.
#[derive(Debug, clap::Args)]
struct GuardArgs {
    /// Writes (every method but GET/HEAD/OPTIONS) need `Authorization: Bearer TOKEN`.
    /// An empty value means no token.
    #[arg(
        long = "api-token",
        env = "CLAIMGRAPH_API_TOKEN",
        hide_env_values = true
    )]
    api_token: Option<String>,
    /// Reads need the token too (`/healthz` stays open).
    #[arg(long, env = "CLAIMGRAPH_REQUIRE_TOKEN_FOR_READS")]
    require_token_for_reads: bool,
    /// The exports (/v1/export.*, /v1/claims.csv) need the token; other reads stay open.
    #[arg(long, env = "CLAIMGRAPH_REQUIRE_TOKEN_FOR_EXPORTS")]
    require_token_for_exports: bool,
    /// Serve on a non-loopback address without a token (anyone who can connect may write).
    #[arg(long, env = "CLAIMGRAPH_ALLOW_ANONYMOUS_WRITES")]
    allow_anonymous_writes: bool,
    /// An origin browsers may call the API from (repeatable; `*` for any). None: no CORS.
    #[arg(
        long = "cors-origin",
        env = "CLAIMGRAPH_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,
    /// Requests per second each client address may make (bursts up to as many); 0: off.
    #[arg(long, env = "CLAIMGRAPH_RATE_LIMIT", default_value_t = 0)]
    rate_limit: u32,
    /// Seconds a request may take before it gets 503 timeout; 0: no limit.
    #[arg(long, env = "CLAIMGRAPH_REQUEST_TIMEOUT", default_value_t = 30)]
    request_timeout: u64,
    /// Requests served at once; more get 503 overloaded. 0: no limit.
    #[arg(long, env = "CLAIMGRAPH_MAX_CONCURRENT", default_value_t = 512)]
    max_concurrent: usize,
    /// A host name clients may address the server by (repeatable; `.example.org` covers
    /// its subdomains; `*` any). IP addresses and localhost always work; other names get
    /// 403 host_not_allowed, which stops DNS rebinding.
    #[arg(
        long = "allowed-host",
        env = "CLAIMGRAPH_ALLOWED_HOSTS",
        value_delimiter = ','
    )]
    allowed_hosts: Vec<String>,
}

/// Connection limits of `serve`: what a client may hold without sending a request.
#[derive(Debug, clap::Args)]
struct ConnectionArgs {
    /// Seconds a client has to send a request head (and an idle keep-alive connection
    /// stays open); then the connection is closed. 0: no limit.
    #[arg(long, env = "CLAIMGRAPH_HEADER_READ_TIMEOUT", default_value_t = DEFAULT_HEADER_READ_TIMEOUT.as_secs())]
    header_read_timeout: u64,
    /// Connections open at once, all clients together; more get 503
    /// too_many_connections and are closed. Keep it under the open-file limit. 0: no limit.
    #[arg(long, env = "CLAIMGRAPH_MAX_CONNECTIONS", default_value_t = DEFAULT_MAX_CONNECTIONS)]
    max_connections: usize,
    /// Connections open at once from one client address (IPv6: one /64); behind a
    /// reverse proxy every client has the proxy's address. 0: no limit.
    #[arg(long, env = "CLAIMGRAPH_MAX_CONNECTIONS_PER_IP", default_value_t = DEFAULT_MAX_CONNECTIONS_PER_IP)]
    max_connections_per_ip: usize,
    /// Seconds a shutdown (SIGTERM, Ctrl-C) waits for requests in flight before dropping them.
    #[arg(long, env = "CLAIMGRAPH_SHUTDOWN_TIMEOUT", default_value_t = DEFAULT_SHUTDOWN_TIMEOUT.as_secs())]
    shutdown_timeout: u64,
}

impl ConnectionArgs {
    fn limits(&self) -> ConnectionLimits {
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(self.header_read_timeout),
            max_connections: self.max_connections,
            max_connections_per_ip: self.max_connections_per_ip,
            shutdown_timeout: Duration::from_secs(self.shutdown_timeout),
        }
    }
}

impl GuardArgs {
    /// The guard's settings, or why serving on `addr` with them would be unsafe.
    fn config(self, addr: SocketAddr) -> anyhow::Result<GuardConfig> {
        let api_token = self.api_token.filter(|t| !t.trim().is_empty());
        if api_token.is_none() {
            if self.require_token_for_reads {
                anyhow::bail!("--require-token-for-reads needs a token: set CLAIMGRAPH_API_TOKEN");
            }
            if self.require_token_for_exports {
                anyhow::bail!(
                    "--require-token-for-exports needs a token: set CLAIMGRAPH_API_TOKEN"
                );
            }
            if !addr.ip().is_loopback() && !self.allow_anonymous_writes {
                anyhow::bail!(
                    "refusing to serve {addr} without a token: anyone who can reach it could \
                     rewrite the graph. Set CLAIMGRAPH_API_TOKEN (clients then send \
                     `Authorization: Bearer TOKEN` on writes), bind a loopback address, or \
                     pass --allow-anonymous-writes"
                );
            }
        }
        let config = GuardConfig {
            api_token,
            require_token_for_reads: self.require_token_for_reads,
            require_token_for_exports: self.require_token_for_exports,
            cors_origins: self
                .cors_origins
                .into_iter()
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty())
                .collect(),
            rate_limit: self.rate_limit,
            request_timeout: Duration::from_secs(self.request_timeout),
            max_concurrent: self.max_concurrent,
            allowed_hosts: self
                .allowed_hosts
                .into_iter()
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty())
                .collect(),
        };
        config.validate()?;
        Ok(config)
    }
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let cli = Cli::parse();
    cli.command.check_paths()?;
    if let Command::Extract { file } = &cli.command {
        return extract(file);
    }
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        builder.worker_threads(cores.max(MIN_WORKER_THREADS));
    }
    let runtime = builder
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let done = runtime.block_on(async move {
        match cli.command {
            Command::Serve {
                db,
                addr,
                body_limit,
                guard,
                connections,
                max_db_size,
                response_cache,
                max_exports,
                max_event_subscribers,
            } => {
                let config = ApiConfig {
                    body_limit,
                    guard: guard.config(addr)?,
                    response_cache,
                    max_exports,
                    events: EventsConfig {
                        max_subscribers: max_event_subscribers,
                        ..EventsConfig::default()
                    },
                    connections: connections.limits(),
                };
                let options = StoreOptions {
                    max_size_bytes: max_db_size,
                };
                serve(&db, addr, config, options).await
            }
            Command::Ingest {
                paths,
                db,
                batch,
                max_article_bytes,
                source,
            } => {
                let store = open(&db).await?;
                let extractor = tokio::task::spawn_blocking(extractor)
                    .await
                    .context("loading the extractor")?;
                let options = ingest::Options {
                    batch,
                    max_article_bytes,
                    default_source: source
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty()),
                };
                let summary = ingest::run(&store, extractor, &paths, options).await;
                store.close().await;
                let summary = summary?;
                println!("{summary}");
                Ok(())
            }
            Command::Migrate { db } => {
                let store = Database::connect(&db).await?;
                let applied = store.migrate().await.context("applying migrations");
                store.close().await;
                println!("{db}: {} migration(s) applied", applied?);
                Ok(())
            }
            Command::Backup { path, db } => backup(&db, &path).await,
            Command::Export { db, format, out } => export(&db, format, out.as_deref()).await,
            Command::Extract { .. } => Ok(()),
        }
    });
    // a write still running on a blocking thread (its transaction is rolled back when the
    // process ends) must not hold the exit up
    runtime.shutdown_timeout(EXIT_WAIT);
    done
}

/// Worker threads of the async runtime, at least (`TOKIO_WORKER_THREADS` overrides it). A
/// read computes between its awaits (rows into a page of up to 500 claims, the JSON, its
/// ETag) and holds its worker meanwhile: with tokio's one worker per core, a few such
/// reads on 2 cores kept `/healthz` waiting 100–600 ms (scripts/chaos.py, hostile reads).
/// With more workers than cores the OS shares the CPU among them in time slices, and a
/// cheap request no longer queues behind expensive ones.
const MIN_WORKER_THREADS: usize = 16;

/// How long the exit waits for the database to close, and then for blocking work left
/// running, once `serve` stopped serving (see `claimgraph_api::serve` for the steps before).
const EXIT_WAIT: Duration = Duration::from_secs(1);

/// The extractor the store and the api are handed to read articles with: its word tables
/// and the embedded GeoNames gazetteer, built once per process. Without the gazetteer (it
/// cannot fail unless the build is broken) places are still found from context, only
/// without coordinates.
fn extractor() -> Arc<dyn ReadArticle> {
    // the process's one copy, which the graph's name keys read too
    match claimgraph_gazetteer::shared() {
        Some(g) => Arc::new(Extractor::with_gazetteer(g)),
        None => {
            tracing::error!("gazetteer not loaded; places get no coordinates");
            Arc::new(Extractor::new())
        }
    }
}

async fn open(db: &DbTarget) -> anyhow::Result<Database> {
    Database::open(db, StoreOptions::default()).await
}

/// The graph projection of the database at `db`, written in `format` to `out` or stdout
/// as it is rendered (never held whole in memory).
async fn export(db: &DbTarget, format: ExportFormat, out: Option<&Path>) -> anyhow::Result<()> {
    use std::io::Write;

    if let DbTarget::File(path) = db {
        if !path.is_file() {
            anyhow::bail!("no database at {}", path.display());
        }
    }
    let store = open(db).await?;
    let rows = store
        .storage()
        .graph_rows(claimgraph_graph::Watermark::default())
        .await;
    store.close().await;
    let graph = claimgraph_graph::Projection::build(rows.context("reading the graph")?);
    let format = format.graph_format();
    let (sink, what): (Box<dyn Write>, String) = match out {
        Some(path) => (
            Box::new(
                std::fs::File::create(path)
                    .with_context(|| format!("creating {}", path.display()))?,
            ),
            path.display().to_string(),
        ),
        None => (
            Box::new(std::io::stdout().lock()),
            "standard output".to_string(),
        ),
    };
    let mut sink = std::io::BufWriter::with_capacity(256 * 1024, sink);
    format
        .write(&graph, &mut sink)
        .and_then(|()| sink.flush())
        .with_context(|| format!("writing to {what}"))?;
    tracing::info!(
        nodes = graph.node_count(),
        edges = graph.edge_count(),
        "exported"
    );
    Ok(())
}

async fn backup(db: &DbTarget, target: &Path) -> anyhow::Result<()> {
    let db = db.file(
        "backup",
        "use the server's own tools: `pg_dump --format=custom --file=FILE URL` while it \
         serves, `pg_restore` to bring it back",
    )?;
    if !db.is_file() {
        anyhow::bail!("no database at {}", db.display());
    }
    if target.exists() {
        anyhow::bail!("{} exists: back up to a new file", target.display());
    }
    let target_str = target
        .to_str()
        .with_context(|| format!("{} is not a UTF-8 path", target.display()))?;
    let store = claimgraph_store::Store::connect(db)
        .await
        .with_context(|| format!("opening database {}", db.display()))?;
    let done = store.backup(target_str).await;
    store.close().await;
    done.with_context(|| format!("backing up {} to {}", db.display(), target.display()))?;
    println!("backed up {} to {}", db.display(), target.display());
    Ok(())
}

async fn serve(
    db: &DbTarget,
    addr: SocketAddr,
    config: ApiConfig,
    options: StoreOptions,
) -> anyhow::Result<()> {
    let store = Database::open(db, options).await?;
    tracing::info!(guard = ?config.guard, connections = ?config.connections, "access and limits");
    let started = std::time::Instant::now();
    let extractor = tokio::task::spawn_blocking(extractor)
        .await
        .context("loading the extractor")?;
    tracing::info!(
        ms = started.elapsed().as_millis() as u64,
        "extractor and gazetteer loaded"
    );
    store.warm_writer();
    let state = match &store {
        Database::Sqlite(s) => AppState::new(s.clone(), extractor, config),
        Database::Postgres(p) => AppState::new(p.clone(), extractor, config),
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!(addr = %listener.local_addr()?, db = %db, "serving");
    claimgraph_api::serve(listener, state, shutdown_signal())
        .await
        .context("serving")?;
    // reads still running were stopped by `serve`; a write in flight is waited for only so
    // long
    if tokio::time::timeout(EXIT_WAIT, store.close())
        .await
        .is_err()
    {
        tracing::warn!("the database did not close in time: exiting without waiting");
    }
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM, so in-flight requests finish (within
/// `claimgraph_api::SHUTDOWN_GRACE`) and the WAL is checkpointed.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

fn extract(file: &Path) -> anyhow::Result<()> {
    // a local tool reading one file the user named: no size limit
    let mut articles = files::read_file(file, usize::MAX);
    let article = match articles.len() {
        1 => articles.remove(0),
        n => anyhow::bail!(
            "{} holds {n} articles; extract takes a file with one",
            file.display()
        ),
    };
    let article = article
        .article
        .map_err(|reason| anyhow::anyhow!("{}: {reason}", file.display()))?;
    let prepared = claimgraph_store::prepare(&*extractor(), article);
    let text = prepared.article.text.as_str();
    let out = files::extraction_json(
        text,
        prepared.article.title.as_deref(),
        &prepared.extraction,
    );
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
