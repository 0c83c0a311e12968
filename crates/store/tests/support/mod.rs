//! What the store's integration tests share: the hand-made articles the unit tests use
//! too (each test binary uses some of them).

#[allow(dead_code)]
#[path = "../../src/test_articles.rs"]
mod test_articles;

pub use test_articles::{plain_gists, Unread};
