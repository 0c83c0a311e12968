//! A fixed-seed hash for in-memory maps: iteration order must not differ between
//! processes (the same input makes the same graph), and short keys hash faster than with
//! SipHash.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: names are probed once or more per capitalised word of every article, and short
/// keys hash faster than with SipHash. Not for keys an adversary picks to collide.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map hashed with [`Fnv`].
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A set hashed with [`Fnv`].
pub type FnvSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
