//! Hashed features of one token, written into a fixed buffer: no allocation per token.
//!
//! Every feature is the FNV-1a hash of a template number and the bytes it looks at, masked
//! to [`BUCKETS`]; the model keeps one weight row per bucket.

use claimgraph_gazetteer::{fold_into, FnvMap, Gazetteer};

use crate::text::{flag, Kind, Tokens};

use super::Tag;

/// Weight rows of the model (a power of two).
pub const BUCKETS: usize = 1 << 18;
/// At most this many features per token.
pub const MAX_FEATURES: usize = 64;

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// Incremental 32-bit FNV-1a over a template number and byte slices.
#[derive(Clone, Copy)]
struct Hash(u32);

impl Hash {
    fn new(template: u8) -> Self {
        Hash((FNV_OFFSET ^ u32::from(template)).wrapping_mul(FNV_PRIME))
    }

    fn bytes(mut self, b: &[u8]) -> Self {
        for &x in b {
            self.0 = (self.0 ^ u32::from(x)).wrapping_mul(FNV_PRIME);
        }
        // a separator, so ("ab", "c") and ("a", "bc") differ
        self.0 = (self.0 ^ 0xff).wrapping_mul(FNV_PRIME);
        self
    }

    fn byte(self, b: u8) -> Self {
        self.bytes(&[b])
    }

    fn bucket(self) -> u32 {
        // fold the high bits in: the low bits of FNV alone mix poorly
        (self.0 ^ (self.0 >> 18)) & (BUCKETS as u32 - 1)
    }
}

/// The features of one token; the first `len` entries are set.
pub struct Features {
    pub ids: [u32; MAX_FEATURES],
    pub len: usize,
}

impl Features {
    pub fn new() -> Self {
        Features {
            ids: [0; MAX_FEATURES],
            len: 0,
        }
    }

    fn push(&mut self, h: Hash) {
        if self.len < MAX_FEATURES {
            self.ids[self.len] = h.bucket();
            self.len += 1;
        }
    }

    pub fn as_slice(&self) -> &[u32] {
        &self.ids[..self.len]
    }
}

/// Word lists the features consult besides the text.
pub struct Lists<'g> {
    pub gazetteer: Option<&'g Gazetteer>,
    /// Lower-case given name (FNV-1a 64 of its bytes) → how common it is, 1..=13.
    pub given: &'g FnvMap<u64, u8>,
}

/// Per-article scratch: one buffer for folded names, reused for every token, and the
/// last few look-ups (each token's given-name class and each two-word gazetteer class is
/// asked for by up to three neighbouring tokens).
pub struct Scratch {
    key: String,
    pair: String,
    given: Memo,
    pairs: Memo,
}

/// The answers for the last four token indices.
struct Memo([(usize, u8); 4]);

impl Memo {
    fn new() -> Self {
        Memo([(usize::MAX, 0); 4])
    }

    fn get_or(&mut self, i: usize, f: impl FnOnce() -> u8) -> u8 {
        let slot = &mut self.0[i % 4];
        if slot.0 != i {
            *slot = (i, f());
        }
        slot.1
    }
}

impl Scratch {
    pub fn new() -> Self {
        Scratch {
            key: String::with_capacity(64),
            pair: String::with_capacity(64),
            given: Memo::new(),
            pairs: Memo::new(),
        }
    }
}

/// Flags whose presence at −1, 0, +1 is a feature.
const FLAG_FEATURES: [(u32, u8); 14] = [
    (flag::TITLE, 1),
    (flag::ROLE, 2),
    (flag::ORG_HEAD, 3),
    (flag::OUTLET_HEAD, 4),
    (flag::CUE, 5),
    (flag::PLACE_PREP, 6),
    (flag::PLACE_OF, 7),
    (flag::REGION, 8),
    (flag::GEO, 9),
    (flag::DEMONYM, 10),
    (flag::MONTH, 11),
    (flag::WEEKDAY, 12),
    (flag::NOT_NAME, 13),
    (flag::PRONOUN, 14),
];

/// The word as the features see it: lower case for words, as written otherwise.
fn form<'t>(t: &'t Tokens, i: usize) -> &'t str {
    if t.is_word(i) {
        strip_possessive(t.lo(i))
    } else {
        t.s(i)
    }
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// Offset `d` from `i`, or `None` outside the text.
fn at(t: &Tokens, i: usize, d: isize) -> Option<usize> {
    let k = i.checked_add_signed(d)?;
    (k < t.len()).then_some(k)
}

/// Word shape into `out`: X for upper, x for lower, d for digit, the char for others
/// (non-ASCII letters as X/x); runs of one class collapse to two; at most 8 bytes.
fn shape(word: &str, out: &mut [u8; 8]) -> usize {
    let mut n = 0;
    let mut last = 0u8;
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        };
        if s == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = s;
        }
        if n == out.len() {
            break;
        }
        out[n] = s;
        n += 1;
    }
    n
}

fn prefix(s: &str, chars: usize) -> &[u8] {
    let end = s.char_indices().nth(chars).map_or(s.len(), |(k, _)| k);
    &s.as_bytes()[..end]
}

fn suffix(s: &str, chars: usize) -> &[u8] {
    let start = s.char_indices().rev().nth(chars - 1).map_or(0, |(k, _)| k);
    &s.as_bytes()[start..]
}

pub use crate::given_names::given_class;

/// Gazetteer reading of a folded name: 0 none, 1 small place, 2 town, 3 city, 4 capital,
/// 5 country.
fn gaz_class(g: &Gazetteer, folded: &str) -> u8 {
    if folded.is_empty() {
        return 0;
    }
    if g.country_named(folded).is_some() {
        return 5;
    }
    match g.lookup(folded).first() {
        None => 0,
        Some(&p) if g.is_capital_place(p) => 4,
        Some(&p) => match g.place(p).population {
            0..=9_999 => 1,
            10_000..=99_999 => 2,
            _ => 3,
        },
    }
}

/// Features of token `i` that do not depend on the tags before it.
pub fn token_features(
    t: &Tokens,
    i: usize,
    initial: bool,
    lists: &Lists,
    scratch: &mut Scratch,
    out: &mut Features,
) {
    out.len = 0;
    let w = form(t, i);
    out.push(Hash::new(0));
    out.push(Hash::new(1).bytes(w.as_bytes()));
    for (d, tpl) in [(-2isize, 2u8), (-1, 3), (1, 4), (2, 5)] {
        let b = at(t, i, d).map_or(&b"<>"[..], |k| form(t, k).as_bytes());
        out.push(Hash::new(tpl).bytes(b));
    }
    let mut sh = [0u8; 8];
    let n = shape(t.s(i), &mut sh);
    out.push(Hash::new(6).bytes(&sh[..n]));
    out.push(Hash::new(7).bytes(&sh[..n]).byte(u8::from(initial)));
    for (d, tpl) in [(-1isize, 8u8), (1, 9)] {
        let mut s2 = [0u8; 8];
        let n2 = at(t, i, d).map_or(0, |k| shape(t.s(k), &mut s2));
        out.push(Hash::new(tpl).bytes(&s2[..n2]));
        out.push(Hash::new(tpl + 30).bytes(&s2[..n2]).bytes(&sh[..n]));
    }
    if t.is_word(i) {
        for k in 1..=3 {
            out.push(Hash::new(10 + k as u8).bytes(prefix(w, k)));
            out.push(Hash::new(13 + k as u8).bytes(suffix(w, k)));
        }
    }
    // word pairs
    let prev = at(t, i, -1).map_or("<>", |k| form(t, k));
    let next = at(t, i, 1).map_or("<>", |k| form(t, k));
    out.push(Hash::new(17).bytes(prev.as_bytes()).bytes(w.as_bytes()));
    out.push(Hash::new(18).bytes(w.as_bytes()).bytes(next.as_bytes()));
    // word-class flags around the token
    for d in -1isize..=1 {
        let Some(k) = at(t, i, d) else { continue };
        for (f, id) in FLAG_FEATURES {
            if t.has(k, f) {
                out.push(Hash::new(19).byte(id).byte(d as u8));
            }
        }
    }
    if t.is_cap(i) {
        name_list_features(t, i, lists, scratch, out);
    }
    if t.toks[i].kind == Kind::Num {
        out.push(Hash::new(20));
    }
}

/// Given-name, outlet and gazetteer hits of a capitalised token and its neighbours.
fn name_list_features(
    t: &Tokens,
    i: usize,
    lists: &Lists,
    scratch: &mut Scratch,
    out: &mut Features,
) {
    let w = strip_possessive(t.lo(i));
    let given_at = |scratch: &mut Scratch, k: usize| {
        scratch
            .given
            .get_or(k, || given_class(lists.given, strip_possessive(t.lo(k))))
    };
    let given = given_at(scratch, i);
    if given > 0 {
        out.push(Hash::new(21).byte(given));
    }
    if let Some(p) = at(t, i, -1).filter(|&p| t.is_cap(p)) {
        let g = given_at(scratch, p);
        if g > 0 {
            out.push(Hash::new(22).byte(g));
        }
    }
    if let Some(n) = at(t, i, 1).filter(|&n| t.is_cap(n)) {
        let g = given_at(scratch, n);
        out.push(Hash::new(23).byte(g).byte(given));
    }
    if !t.lex.outlets_starting(w).is_empty() {
        out.push(Hash::new(24));
    }
    let Some(g) = lists.gazetteer else { return };
    fold_into(strip_possessive(t.s(i)), &mut scratch.key);
    let class = gaz_class(g, &scratch.key);
    if class > 0 {
        out.push(Hash::new(25).byte(class));
        out.push(Hash::new(26).byte(class).byte(given));
    }
    // two-word names: "New York", "Buenos Aires"
    for (a, b, tpl) in [(i.wrapping_sub(1), i, 27u8), (i, i + 1, 28)] {
        if a >= t.len() || b >= t.len() || !t.is_cap(a) || !t.is_cap(b) {
            continue;
        }
        let Scratch {
            key, pair, pairs, ..
        } = scratch;
        let c = pairs.get_or(a, || {
            pair.clear();
            pair.push_str(t.s(a));
            pair.push(' ');
            pair.push_str(strip_possessive(t.s(b)));
            fold_into(pair, key);
            gaz_class(g, key)
        });
        if c > 0 {
            out.push(Hash::new(tpl).byte(c));
        }
    }
}

/// Features that look at the tags already given: the previous one and two.
pub fn tag_features(p1: Tag, p2: Tag, word_feature: u32, out: &mut Features) {
    out.push(Hash::new(40).byte(p1 as u8));
    out.push(Hash::new(41).byte(p1 as u8).byte(p2 as u8));
    out.push(
        Hash::new(42)
            .byte(p1 as u8)
            .bytes(&word_feature.to_le_bytes()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        let cases = [
            ("Lisbon", "Xxx"),
            ("NATO", "XX"),
            ("1990s", "ddx"),
            ("McDonald", "XxXxx"),
            ("U.S", "X.X"),
        ];
        for (word, want) in cases {
            let mut b = [0u8; 8];
            let n = shape(word, &mut b);
            assert_eq!(std::str::from_utf8(&b[..n]).ok(), Some(want), "{word}");
        }
    }

    #[test]
    fn affixes_cut_on_char_boundaries() {
        assert_eq!(prefix("łódź", 2), "łó".as_bytes());
        assert_eq!(suffix("łódź", 2), "dź".as_bytes());
        assert_eq!(suffix("ab", 3), b"ab");
    }

    #[test]
    fn hash_separates_parts() {
        let a = Hash::new(1).bytes(b"ab").bytes(b"c").bucket();
        let b = Hash::new(1).bytes(b"a").bytes(b"bc").bucket();
        assert_ne!(a, b);
    }
}
