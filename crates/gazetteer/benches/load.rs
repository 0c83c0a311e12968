//! How long loading the embedded gazetteer takes, and one name lookup.

use claimgraph_gazetteer::{fold, Gazetteer};
use criterion::{criterion_group, criterion_main, Criterion};

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| Gazetteer::load().map(|g| g.places().len()))
    });
    if let Ok(gz) = Gazetteer::load() {
        g.bench_function("lookup", |b| b.iter(|| gz.lookup(&fold("Lvov")).len()));
    }
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
