//! `claimgraph`: wires extraction, storage and the HTTP API into one binary.

mod files;
mod ingest;

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use claimgraph_api::{ApiConfig, AppState, DEFAULT_BODY_LIMIT};
use claimgraph_store::Store;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

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
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db")]
        db: PathBuf,
        #[arg(long, env = "CLAIMGRAPH_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Request bodies larger than this many bytes get 413.
        #[arg(long, env = "CLAIMGRAPH_BODY_LIMIT", default_value_t = DEFAULT_BODY_LIMIT)]
        body_limit: usize,
    },
    /// Ingest files or folders of .txt, .json and .ndjson articles.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db")]
        db: PathBuf,
        /// Articles written per transaction.
        #[arg(long, default_value_t = 256)]
        batch: usize,
    },
    /// Print the claims of one article file as JSON, without touching a database.
    Extract { file: PathBuf },
    /// Create the database if needed and apply pending migrations.
    Migrate {
        #[arg(long, env = "CLAIMGRAPH_DB", default_value = "./claimgraph.db")]
        db: PathBuf,
    },
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
    if let Command::Extract { file } = &cli.command {
        return extract(file);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        match cli.command {
            Command::Serve {
                db,
                addr,
                body_limit,
            } => serve(&db, addr, body_limit).await,
            Command::Ingest { paths, db, batch } => {
                let store = open(&db).await?;
                let summary = ingest::run(&store, &paths, batch.max(1)).await;
                store.close().await;
                let summary = summary?;
                println!("{summary}");
                Ok(())
            }
            Command::Migrate { db } => {
                let store = Store::connect(&db)
                    .await
                    .with_context(|| format!("opening {}", db.display()))?;
                let applied = store.migrate().await.context("applying migrations")?;
                store.close().await;
                println!("{}: {applied} migration(s) applied", db.display());
                Ok(())
            }
            Command::Extract { .. } => Ok(()),
        }
    })
}

async fn open(db: &Path) -> anyhow::Result<Store> {
    Store::open(db)
        .await
        .with_context(|| format!("opening database {}", db.display()))
}

async fn serve(db: &Path, addr: SocketAddr, body_limit: usize) -> anyhow::Result<()> {
    let store = open(db).await?;
    let started = std::time::Instant::now();
    tokio::task::spawn_blocking(claimgraph_store::warm_up)
        .await
        .context("loading the extractor")?;
    tracing::info!(
        ms = started.elapsed().as_millis() as u64,
        "extractor and gazetteer loaded"
    );
    let state = AppState {
        store: store.clone(),
        config: ApiConfig { body_limit },
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!(addr = %listener.local_addr()?, db = %db.display(), "serving");
    claimgraph_api::serve(listener, state, shutdown_signal())
        .await
        .context("serving")?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM, so in-flight requests finish and the WAL is checkpointed.
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
    let mut articles = files::read_file(file);
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
    let prepared = claimgraph_store::prepare(article);
    let text = prepared.article.text.as_str();
    let out = files::extraction_json(
        text,
        prepared.article.title.as_deref(),
        &prepared.extraction,
    );
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
