//! Text → claims. Pure functions over `&str`: no I/O, no async, no global state.
//!
//! The storage crate turns what this crate finds into canonical entities; this crate only
//! says *where* things are in the text and *what kind* of thing they look like.

mod model;

pub use model::*;

/// Extracts the claims and entity mentions of one article.
///
/// `text` is the article body; when `options.headline_is_first_line` is set, the first
/// line is treated as a headline and yields no claims (but its mentions are kept).
pub fn extract(text: &str, options: &ExtractOptions) -> Extraction {
    let _ = (text, options);
    Extraction::default()
}
