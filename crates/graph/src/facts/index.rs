//! The index of stored claims by comparison token: document frequencies and the most
//! recent claims holding each token, so an article's candidate matches are a few hash
//! lookups per claim instead of a query per token. The writer keeps one in memory, builds
//! it from the stored signatures and catches it up with what other processes wrote.
//!
//! Every claim a posting list names keeps its profile in memory: candidates come only
//! from postings, so none is read back from the store, and a claim dropped from its last
//! list can never be a candidate again, so its profile goes with it.

use std::collections::hash_map::Entry;
use std::collections::VecDeque;

use claimgraph_model::{FnvMap as HashMap, FnvSet as HashSet};

use crate::corroborate::{Profile, Signature, IDF_FLOOR};
use crate::Id;

/// Tokens of a new claim used to find candidates: its rarest ones.
pub const SEED_TOKENS: usize = 8;
/// Most recent claims kept per token, and read per seed token.
pub const PER_TOKEN: usize = 60;
/// Most candidates compared per new claim.
pub const MAX_CANDIDATES: usize = 150;
/// Profiles read back from the store (members of a fact that no posting names any more)
/// kept between articles, in two generations of at most this many.
pub const READ_BACK_CLAIMS: usize = 100_000;

/// What a candidate claim is compared by; immutable once written.
#[derive(Debug)]
pub struct Candidate {
    pub(crate) article: Id,
    pub(crate) profile: Profile,
}

/// A candidate and the number of posting lists that name it.
#[derive(Debug)]
struct Held {
    candidate: Candidate,
    lists: u32,
}

/// The writer's index of stored claims by comparison token.
#[derive(Debug, Default)]
pub struct TokenIndex {
    /// Highest claim id indexed: later ones are caught up from the database.
    watermark: Id,
    /// Claims indexed.
    pub(crate) claims: i64,
    /// Token → its id, which indexes `df` and `postings`.
    vocab: HashMap<Box<str>, u32>,
    /// How many claims hold each token.
    df: Vec<u32>,
    /// `ln(df + 1)` of each token, so that a weight is a subtraction (see `weight`).
    ln_df: Vec<f64>,
    /// The most recent claims holding each token, oldest first.
    postings: Vec<VecDeque<Id>>,
    /// The candidate of every claim some posting names, with how many name it.
    held: HashMap<Id, Held>,
    /// Candidates read back from the store, the newer generation first.
    read_back: [HashMap<Id, Candidate>; 2],
    /// Each article's story: what its claims name ([`Profile::story`]), sorted. Kept for
    /// every article seen (a few ids each), not only the cached claims'.
    stories: HashMap<Id, Vec<u32>>,
}

impl TokenIndex {
    fn intern(&mut self, token: &str) -> u32 {
        if let Some(id) = self.vocab.get(token) {
            return *id;
        }
        let id = u32::try_from(self.df.len()).unwrap_or(u32::MAX);
        self.vocab.insert(token.into(), id);
        self.df.push(0);
        self.ln_df.push(0.0);
        self.postings.push(VecDeque::new());
        id
    }

    /// Indexes a stored claim: its tokens and its profile.
    pub fn add(&mut self, id: Id, article: Id, signature: &Signature) {
        let profile = self.profile(signature);
        self.add_indexed(id, article, &signature.index_tokens(), profile);
    }

    /// [`TokenIndex::add`] with the claim's index tokens and profile already built (the
    /// writer has them from finding its candidates).
    pub fn add_indexed(&mut self, id: Id, article: Id, tokens: &[String], profile: Profile) {
        self.claims += 1;
        self.watermark = self.watermark.max(id);
        let mut tokens: Vec<u32> = tokens.iter().map(|t| self.intern(t)).collect();
        tokens.sort_unstable();
        tokens.dedup();
        for &t in &tokens {
            let t = t as usize;
            self.df[t] += 1;
            self.ln_df[t] = f64::from(self.df[t]).ln_1p();
            let list = &mut self.postings[t];
            list.push_back(id);
            if list.len() > PER_TOKEN {
                if let Some(dropped) = list.pop_front() {
                    self.release(dropped);
                }
            }
        }
        self.note_story(article, [&profile]);
        if let Ok(lists @ 1..) = u32::try_from(tokens.len()) {
            let candidate = Candidate { article, profile };
            self.held.insert(id, Held { candidate, lists });
        }
    }

    /// Forgets a claim's profile once no posting names it.
    fn release(&mut self, id: Id) {
        if let Entry::Occupied(mut held) = self.held.entry(id) {
            held.get_mut().lists -= 1;
            if held.get().lists == 0 {
                held.remove();
            }
        }
    }

    pub fn profile(&mut self, signature: &Signature) -> Profile {
        Profile::new(signature, &mut |t| self.intern(t))
    }

    /// Adds what `profiles` name to the story of `article`.
    pub fn note_story<'p>(&mut self, article: Id, profiles: impl IntoIterator<Item = &'p Profile>) {
        let story = self.stories.entry(article).or_default();
        let before = story.len();
        for p in profiles {
            story.extend(p.story());
        }
        if story.len() > before {
            story.sort_unstable();
            story.dedup();
        }
    }

    /// The story of `article` ([`Self::note_story`]); an article with none noted names
    /// nothing, which any story may be ([`crate::corroborate::one_story`]).
    pub fn story(&self, article: Id) -> &[u32] {
        self.stories.get(&article).map_or(&[][..], Vec::as_slice)
    }

    pub fn cached(&self, id: Id) -> Option<&Candidate> {
        match self.held.get(&id) {
            Some(held) => Some(&held.candidate),
            None => self.read_back.iter().find_map(|g| g.get(&id)),
        }
    }

    /// Every term's weight as the index stands now ([`TokenIndex::weight`]), `ln(n + 1)`
    /// computed once: what comparing an article's claims uses.
    pub fn weights(&self) -> impl Fn(u32) -> f64 + Sync + '_ {
        let ln_n = (self.claims.max(1) as f64).ln_1p();
        move |t| self.weight(t, ln_n)
    }

    /// A term's weight now: `corroborate::idf`, as `ln(n + 1) - ln(df + 1)` with `ln(n + 1)`
    /// computed once per article.
    pub fn weight(&self, token: u32, ln_n: f64) -> f64 {
        let ln_df = self.ln_df.get(token as usize).copied().unwrap_or(0.0);
        (ln_n - ln_df).max(IDF_FLOOR)
    }

    /// Claims sharing the rarest of `tokens`, the most recent first for each token.
    pub fn candidates(&self, tokens: &[String]) -> Vec<Id> {
        let mut seeds: Vec<(u32, u32)> = tokens
            .iter()
            .filter_map(|t| self.vocab.get(t.as_str()))
            .map(|id| (*id, self.df[*id as usize]))
            .filter(|(_, df)| *df > 0)
            .collect();
        seeds.sort_by_key(|(_, df)| *df);
        seeds.truncate(SEED_TOKENS);
        let mut seen: HashSet<Id> =
            HashSet::with_capacity_and_hasher(SEED_TOKENS * PER_TOKEN, Default::default());
        let mut out = Vec::new();
        for (t, _) in seeds {
            let list = &self.postings[t as usize];
            out.extend(list.iter().rev().copied().filter(|id| seen.insert(*id)));
        }
        out.truncate(MAX_CANDIDATES);
        out
    }

    /// The highest claim id indexed: a store catches the index up with the claims written
    /// after it.
    pub fn watermark(&self) -> Id {
        self.watermark
    }

    /// Of `ids`, those whose profile is not cached (to be read with [`super::FactStore::signatures`]).
    pub fn missing(&self, ids: &[Id]) -> Vec<Id> {
        ids.iter()
            .copied()
            .filter(|id| self.cached(*id).is_none())
            .collect()
    }

    /// Caches a stored claim's profile without indexing its tokens (a candidate read back
    /// from the store).
    pub fn cache(&mut self, id: Id, article: Id, signature: &Signature) {
        let profile = self.profile(signature);
        self.note_story(article, [&profile]);
        self.read_back[0].insert(id, Candidate { article, profile });
    }

    /// Starts a new generation of read-back profiles when the current one is full. Called
    /// between articles only: a profile read for an article stays until it is linked, so
    /// what an article is compared with never depends on what the cache held before.
    pub fn age_read_back(&mut self) {
        if self.read_back[0].len() >= READ_BACK_CLAIMS {
            self.read_back[1] = std::mem::take(&mut self.read_back[0]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corroborate::idf;

    fn sig(tokens: &str) -> Signature {
        Signature::parse(tokens)
    }

    /// An index of (claim, article, signature) rows, added in order.
    fn index_of(claims: &[(Id, Id, &str)]) -> TokenIndex {
        let mut index = TokenIndex::default();
        for (id, article, tokens) in claims {
            index.add(*id, *article, &sig(tokens));
        }
        index
    }

    #[test]
    fn candidates_share_the_rarest_tokens_most_recent_first() {
        let index = index_of(&[
            (1, 10, "harbour crane collapse p:7"),
            (2, 11, "harbour strike wage"),
            (3, 12, "crane collapse inquiry p:7"),
            (4, 13, "election turnout"),
        ]);
        let found = index.candidates(&sig("crane collapse p:7").index_tokens());
        assert_eq!(found, vec![3, 1]);
        assert!(index.candidates(&sig("volcano").index_tokens()).is_empty());
        assert_eq!(index.watermark, 4);
        assert_eq!(index.cached(2).map(|c| c.article), Some(11));
    }

    #[test]
    fn postings_keep_the_most_recent_claims() {
        let mut index = TokenIndex::default();
        for id in 1..=(PER_TOKEN as Id + 5) {
            index.add(id, id, &sig("harbour"));
        }
        let found = index.candidates(&sig("harbour").index_tokens());
        assert_eq!(found.len(), PER_TOKEN);
        assert_eq!(found.first(), Some(&(PER_TOKEN as Id + 5)));
        assert_eq!(found.last(), Some(&6));
    }

    #[test]
    fn a_profile_is_kept_while_a_posting_names_its_claim() {
        let mut index = index_of(&[(1, 1, "harbour crane"), (2, 2, "harbour")]);
        for id in 3..=(PER_TOKEN as Id + 2) {
            index.add(id, id, &sig("harbour"));
        }
        // 1 left the list of "harbour" but "crane" still names it; 2 left its only list
        assert_eq!(index.candidates(&sig("crane").index_tokens()), vec![1]);
        assert_eq!(index.cached(1).map(|c| c.article), Some(1));
        assert!(index.cached(2).is_none());
        assert!(index.cached(PER_TOKEN as Id + 2).is_some());
    }

    #[test]
    fn profiles_read_back_age_between_articles_only() {
        let mut index = TokenIndex::default();
        let read = READ_BACK_CLAIMS as Id;
        for id in 1..=2 * read + 1 {
            index.cache(id, 1, &sig("harbour"));
        }
        // one article may read more than two generations: none is dropped before it is linked
        assert!(index.cached(1).is_some() && index.cached(2 * read + 1).is_some());
        index.age_read_back();
        index.cache(2 * read + 2, 2, &sig("crane"));
        assert!(index.cached(1).is_some() && index.cached(2 * read + 2).is_some());
        index.age_read_back();
        assert!(
            index.cached(1).is_some(),
            "the newer generation is not full yet"
        );
    }

    #[test]
    fn weights_are_the_idf_of_the_corpus() {
        let index = index_of(&[
            (1, 1, "harbour crane"),
            (2, 2, "harbour strike"),
            (3, 3, "harbour vote"),
        ]);
        let ln_n = (index.claims as f64).ln_1p();
        let harbour = index.vocab["harbour"];
        let crane = index.vocab["crane"];
        assert!((index.weight(harbour, ln_n) - idf(3, 3)).abs() < 1e-12);
        assert!((index.weight(crane, ln_n) - idf(1, 3)).abs() < 1e-12);
        assert!(index.weight(crane, ln_n) > index.weight(harbour, ln_n));
    }
}
