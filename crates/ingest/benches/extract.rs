//! Extraction alone (text → claims, one thread) on generated ~5 KB articles, in bytes and
//! in words per second (the figure the spaCy comparison in `bench/spacy_compare.py` uses).
//!
//! `cargo bench -p claimgraph-ingest --bench extract`

use claimgraph_corpus::Generator;
use claimgraph_ingest::{ExtractOptions, Extractor};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// How many generated articles one iteration extracts (about 1 MB).
const ARTICLES: u64 = 200;

fn extract(c: &mut Criterion) {
    // the process's one copy, as the service shares it with the word tables
    let Some(gazetteer) = claimgraph_gazetteer::shared() else {
        eprintln!("gazetteer did not load");
        return;
    };
    let generator = Generator::new(&gazetteer, 1);
    let texts: Vec<String> = (0..ARTICLES).map(|i| generator.article(i).text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let extractor = Extractor::with_gazetteer(gazetteer);
    let options = ExtractOptions::default();
    let run = || {
        texts
            .iter()
            .map(|t| extractor.extract(t, &options).claims.len())
            .sum::<usize>()
    };
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes", |b| b.iter(run));
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("words", |b| b.iter(run));
    g.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
