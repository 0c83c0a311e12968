//! Pure work spread over the machine's cores, answered in input order.
//!
//! Comparing an article's claims with their candidates and with each other is most of a
//! bulk ingest's work, and it is pure: the writer thread alone left the other cores idle
//! while extraction needed a fraction of one. Results come back in the order of the
//! input, so what is built from them (sums in a fixed order, facts) is the same on any
//! number of cores.

use std::sync::OnceLock;

/// Fewer rows than this per thread are done on the calling thread: spawning costs more.
const MIN_ROWS_PER_THREAD: usize = 8;

fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `f(0), f(1), … f(n - 1)`, computed on up to every core. Rows are dealt out in turn
/// (row `i` to thread `i mod threads`), so rows whose cost falls with `i` (the pairs
/// `(i, j > i)`) still share the work evenly.
pub(crate) fn map_rows<R: Send>(n: usize, f: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let threads = cores().min(n / MIN_ROWS_PER_THREAD).max(1);
    if threads == 1 {
        return (0..n).map(f).collect();
    }
    let mut slots: Vec<Option<R>> = (0..n).map(|_| None).collect();
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    (t..n)
                        .step_by(threads)
                        .map(|i| (i, f(i)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            let rows = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, r) in rows {
                slots[i] = Some(r);
            }
        }
    });
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_in_order_whatever_the_split() {
        for n in [0, 1, 7, 8, 16, 17, 100, 1001] {
            let rows = map_rows(n, |i| i * i);
            assert_eq!(rows, (0..n).map(|i| i * i).collect::<Vec<_>>(), "n = {n}");
        }
    }
}
