//! The CPU half of ingest (`prepare`: extraction, hash, offsets) and the writer's half
//! (`insert_batch`: entity linking and storage) on generated ~5 KB articles, each
//! iteration into a fresh SQLite file.
//!
//! `cargo bench -p claimgraph --bench insert` (the binary's bench: it reads articles with the extractor, as `claimgraph ingest` does)

use std::sync::Arc;

use claimgraph_corpus::Generator;
use claimgraph_gazetteer::Gazetteer;
use claimgraph_ingest::Extractor;
use claimgraph_store::{prepare, ArticleText, NewArticle, PreparedArticle, Store};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// Articles per iteration, written in one batch (as `claimgraph ingest` writes its batches).
const ARTICLES: u64 = 100;

fn articles() -> Vec<NewArticle> {
    let Ok(gazetteer) = Gazetteer::load() else {
        return Vec::new();
    };
    let generator = Generator::new(&gazetteer, 2);
    (0..ARTICLES)
        .filter_map(|i| {
            let a = generator.article(i);
            Some(NewArticle {
                text: ArticleText::parse(a.text).ok()?,
                title: Some(a.title),
                source: Some(a.source),
                url: Some(a.url),
                published_at: Some(a.published_at),
            })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let new = articles();
    let bytes: u64 = new.iter().map(|a| a.text.as_str().len() as u64).sum();
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    let reader = match Gazetteer::load() {
        Ok(gazetteer) => Extractor::with_gazetteer(Arc::new(gazetteer)),
        Err(_) => Extractor::new(),
    };
    let prepare = |article| prepare(&reader, article);
    g.bench_function("prepare", |b| {
        b.iter_batched(
            || new.clone(),
            |batch| batch.into_iter().for_each(|a| drop(prepare(a))),
            BatchSize::LargeInput,
        )
    });
    let prepared: Vec<PreparedArticle> = new.into_iter().map(prepare).collect();
    let Ok(rt) = tokio::runtime::Runtime::new() else {
        return;
    };
    g.bench_function("insert_batch", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().ok()?;
                let store = rt
                    .block_on(Store::open(&dir.path().join("bench.db")))
                    .ok()?;
                Some((dir, store))
            },
            |fresh| {
                let (_dir, store) = fresh?;
                let n = rt
                    .block_on(store.insert_batch(prepared.as_slice()))
                    .ok()?
                    .len();
                rt.block_on(store.close());
                Some(n)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
