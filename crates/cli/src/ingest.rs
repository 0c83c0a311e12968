//! Bulk ingest: extraction on every core, one writer, one transaction per batch.

use std::fmt;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use claimgraph_model::ReadArticle;
use claimgraph_store::{prepare, NewArticle, PreparedArticle};

use crate::database::Database;
use indicatif::{ProgressBar, ProgressStyle};

use crate::files;

/// What an ingest run did, printed at the end.
#[derive(Debug, Default)]
pub struct Summary {
    pub new: usize,
    pub present: usize,
    pub rejected: Vec<(String, String)>,
    pub claims: usize,
    pub new_entities: i64,
    pub seconds: f64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "articles: {} new, {} already present, {} rejected",
            self.new,
            self.present,
            self.rejected.len()
        )?;
        writeln!(
            f,
            "claims: {}  entities: {} new  seconds: {:.2}",
            self.claims, self.new_entities, self.seconds
        )?;
        for (origin, reason) in &self.rejected {
            writeln!(f, "rejected {origin}: {reason}")?;
        }
        Ok(())
    }
}

/// What the extraction thread hands the writer: a batch ready to store, or an article
/// that could not be read.
enum Step {
    Batch(Vec<PreparedArticle>),
    Rejected(String, String),
}

/// How an ingest run reads its files.
pub struct Options {
    /// Articles written per transaction.
    pub batch: usize,
    /// Articles larger than this are rejected unread.
    pub max_article_bytes: usize,
    /// The outlet of every article whose file names none (`--source`).
    pub default_source: Option<String>,
}

/// Reads and extracts on a thread of its own (extraction itself on every core) while the
/// writer stores the batch before: the writer is one thread, so extraction would
/// otherwise leave it idle. `extractor` reads the articles.
pub async fn run(
    store: &Database,
    extractor: Arc<dyn ReadArticle>,
    paths: &[PathBuf],
    options: Options,
) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let entities_before = store.count_entities().await?;
    let (file_list, rejected) = files::collect(paths);
    let mut summary = Summary {
        rejected: rejected
            .into_iter()
            .map(|r| (r.origin, r.article.err().unwrap_or_default()))
            .collect(),
        ..Summary::default()
    };
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(files::count_articles(&file_list))
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40} {human_pos}/{human_len} articles  {per_sec}  ETA {eta}  {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // one batch extracted ahead of the writer: enough to keep it busy, little memory
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Step>(1);
    let reader =
        std::thread::spawn(move || read_and_prepare(&*extractor, &file_list, &options, &tx));
    while let Some(step) = rx.recv().await {
        match step {
            Step::Batch(prepared) => {
                let n = prepared.len() as u64;
                write(store, prepared, &mut summary).await?;
                bar.inc(n);
                bar.set_message(format!("{} new", summary.new));
            }
            Step::Rejected(origin, reason) => {
                bar.inc(1);
                summary.rejected.push((origin, reason));
            }
        }
    }
    reader
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    bar.finish_and_clear();
    summary.new_entities = store.count_entities().await? - entities_before;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The extraction side of [`run`]: stops early when the writer has gone (it failed).
fn read_and_prepare(
    extractor: &dyn ReadArticle,
    file_list: &[PathBuf],
    options: &Options,
    tx: &tokio::sync::mpsc::Sender<Step>,
) {
    let batch = options.batch.max(1);
    let mut pending: Vec<NewArticle> = Vec::with_capacity(batch);
    for path in file_list {
        for item in files::read_file(path, options.max_article_bytes) {
            match item.article {
                Ok(mut a) => {
                    if a.source.is_none() {
                        a.source.clone_from(&options.default_source);
                    }
                    pending.push(a);
                }
                Err(reason) => {
                    if tx
                        .blocking_send(Step::Rejected(item.origin, reason))
                        .is_err()
                    {
                        return;
                    }
                }
            }
            if pending.len() >= batch {
                let ready = prepare_parallel(extractor, std::mem::take(&mut pending));
                if tx.blocking_send(Step::Batch(ready)).is_err() {
                    return;
                }
            }
        }
    }
    if !pending.is_empty() {
        let _ = tx.blocking_send(Step::Batch(prepare_parallel(extractor, pending)));
    }
}

async fn write(
    store: &Database,
    prepared: Vec<PreparedArticle>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if prepared.is_empty() {
        return Ok(());
    }
    let claims: Vec<usize> = prepared.iter().map(|p| p.extraction.claims.len()).collect();
    let size = prepared.len();
    let inserted = store.insert_batch(prepared).await.with_context(|| {
        format!(
            "writing a batch of {size} articles (the {} written before it are stored; running \
             the same ingest again adds only what is missing)",
            summary.new
        )
    })?;
    for (n, ins) in claims.into_iter().zip(&inserted) {
        if ins.created {
            summary.new += 1;
            summary.claims += n;
        } else {
            summary.present += 1;
        }
    }
    Ok(())
}

/// Runs extraction for a batch on all cores, keeping the input order.
fn prepare_parallel(extractor: &dyn ReadArticle, batch: Vec<NewArticle>) -> Vec<PreparedArticle> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = batch.len().div_ceil(threads).max(1);
    let mut chunks: Vec<Vec<NewArticle>> = Vec::new();
    let mut rest = batch.into_iter();
    loop {
        let part: Vec<NewArticle> = rest.by_ref().take(chunk).collect();
        if part.is_empty() {
            break;
        }
        chunks.push(part);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|part| {
                s.spawn(move || {
                    part.into_iter()
                        .map(|a| prepare(extractor, a))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}
