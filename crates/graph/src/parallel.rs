//! Pure work spread over the machine's cores, answered in input order.
//!
//! Comparing an article's claims with their candidates and with each other is most of a
//! bulk ingest's work, and it is pure: the writer thread alone left the other cores idle
//! while extraction needed a fraction of one. Results come back in the order of the
//! input, so what is built from them (sums in a fixed order, facts) is the same on any
//! number of cores. The work runs on rayon's pool, whose threads live as long as the
//! process: threads spawned per article each took a malloc arena of their own (peak RSS
//! +160 MiB over 10,000 articles).

use rayon::prelude::*;

/// Fewer rows than this are done on the calling thread: handing them out costs more.
const MIN_PARALLEL_ROWS: usize = 16;

/// `f(0), f(1), … f(n - 1)`, computed on up to every core (rows are stolen one by one, so
/// rows whose cost falls with `i`, the pairs `(i, j > i)`, still share the work evenly).
pub(crate) fn map_rows<R: Send>(n: usize, f: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
    if n < MIN_PARALLEL_ROWS {
        return (0..n).map(f).collect();
    }
    (0..n).into_par_iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_in_order_whatever_the_split() {
        for n in [0, 1, 15, 16, 17, 100, 1001] {
            let rows = map_rows(n, |i| i * i);
            assert_eq!(rows, (0..n).map(|i| i * i).collect::<Vec<_>>(), "n = {n}");
        }
    }
}
