//! Prints load time and resident memory before and after loading the gazetteer:
//! `cargo run --release -p claimgraph-gazetteer --example rss`.

use std::time::Instant;

use claimgraph_gazetteer::Gazetteer;

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), claimgraph_gazetteer::GazetteerError> {
    let before = rss_kib();
    let t = Instant::now();
    let g = Gazetteer::load()?;
    let took = t.elapsed();
    let after = rss_kib();
    println!(
        "places {} load {:.1} ms rss before {:?} KiB after {:?} KiB",
        g.places().len(),
        took.as_secs_f64() * 1000.0,
        before,
        after
    );
    Ok(())
}
