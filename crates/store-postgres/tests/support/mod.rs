//! What the store's integration tests share: the hand-made articles the unit tests use
//! too, the SQLite store's file (each test binary uses some of them, hence the
//! allowances).

#[allow(dead_code)]
#[path = "../../../store/src/test_articles.rs"]
mod test_articles;

#[allow(unused_imports)]
pub use test_articles::{plain_gists, with_extraction, Unread};
