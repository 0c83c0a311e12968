//! An article made ready for storage: its text checked, read by the injected
//! [`ReadArticle`], hashed, its claims' signatures computed and its spans converted to
//! code points. Pure CPU work that may run on any thread before the single writer.

mod offsets;

use std::collections::HashMap;

use claimgraph_model::{ExtractOptions, Extraction, Mention, PlaceType, ReadArticle};
use sha2::{Digest, Sha256};

use crate::corroborate::Signature;
use crate::error::StorageError;
use crate::Id;
pub use offsets::CharOffsets;

/// Article text that is known to hold something: parsing rejects empty and blank bodies
/// (no visible character: only white space, control characters such as NUL, or invisible
/// marks) once, so nothing downstream has to ask again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText(String);

impl ArticleText {
    pub fn parse(text: String) -> Result<Self, StorageError> {
        if text
            .chars()
            .all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
        {
            return Err(StorageError::EmptyArticle);
        }
        Ok(ArticleText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Characters that take no space and show nothing: zero-width spaces and joiners, the
/// byte order mark, direction marks and embeddings. A text of only these is blank.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{00ad}' | '\u{180e}')
}

/// An article as a client hands it in.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub text: ArticleText,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published_at: Option<String>,
}

/// An article with everything the writer needs computed, so the write transaction does
/// no CPU work beyond SQL.
#[derive(Debug, Clone)]
pub struct PreparedArticle {
    pub article: NewArticle,
    /// Hex SHA-256 of the text: the identity of an article for de-duplication.
    pub content_hash: String,
    pub extraction: Extraction,
    /// Comparison tokens of each claim (aligned with `extraction.claims`), before the
    /// writer adds the entity tokens only it knows.
    pub signatures: Vec<Signature>,
    /// Byte → code point conversion for the extraction's spans.
    pub offsets: CharOffsets,
}

/// Extracts claims with `reader` and computes the content hash: the CPU half of ingest.
///
/// The reader is handed in (the binary builds the extractor once and shares it) so the
/// store never links the extractor. A body posted without a title carries its headline on
/// the first line (as plain-text files do); that line then becomes the title and yields
/// no claims.
pub fn prepare(reader: &dyn ReadArticle, mut article: NewArticle) -> PreparedArticle {
    let text = article.text.as_str();
    let headline_is_first_line = article.title.is_none() && has_body_after_first_line(text);
    if headline_is_first_line {
        article.title = text
            .lines()
            .next()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
    }
    let options = ExtractOptions {
        headline_is_first_line,
    };
    let extraction = reader.read(text, &options);
    let content_hash = content_hash(text);
    let offsets = CharOffsets::new(text);
    let signatures = signatures(&extraction);
    PreparedArticle {
        article,
        content_hash,
        extraction,
        signatures,
        offsets,
    }
}

/// An article whose text is stored already (its hash was found), prepared without reading
/// it: the writer records only its publication, the claims are the stored text's. Titles
/// come from a first line as [`prepare`] takes them. `None` when it names neither an outlet
/// nor an address: there is no publication to record.
pub fn published_again(article: NewArticle) -> Option<PreparedArticle> {
    (article.source.is_some() || article.url.is_some()).then(|| prepare(&Unread, article))
}

/// Reads nothing: what [`published_again`] hands [`prepare`].
struct Unread;

impl ReadArticle for Unread {
    fn read(&self, _: &str, _: &ExtractOptions) -> Extraction {
        Extraction::default()
    }
}

/// The comparison tokens of every claim of an extraction, from the gists the extractor
/// read (aligned with `extraction.claims`).
pub fn signatures(extraction: &Extraction) -> Vec<Signature> {
    extraction
        .claims
        .iter()
        .map(|c| Signature::of_gist(&c.gist))
        .collect()
}

/// Mention rows of one article as written: each mention's (row id, entity id) by its
/// byte span.
pub type MentionsBySpan = HashMap<(usize, usize), (Id, Id)>;

/// What a claim's place, resolved to `entity`, adds to the claim as both stores write it:
/// a place that is not a country joins the claim's comparison tokens (countries are too
/// broad to tell facts apart), with the first-level region it lies in, and the place keeps the mention row that named it when
/// that mention resolved to the same entity, so correcting the mention corrects the
/// claim's place too. Returns that mention's row id.
pub fn claim_place(
    place: &Mention,
    entity: Id,
    by_span: &MentionsBySpan,
    signature: &mut Signature,
) -> Option<Id> {
    if place
        .place
        .as_ref()
        .is_none_or(|r| r.place_type != PlaceType::Country)
    {
        signature.push_entity('p', entity);
    }
    if let Some(region) = place.place.as_ref().and_then(|r| r.within.as_deref()) {
        signature.push_region(region);
    }
    by_span
        .get(&(place.span.start, place.span.end))
        .filter(|(_, of)| *of == entity)
        .map(|(id, _)| *id)
}

/// Hex SHA-256 of a text, as stored in `articles.content_hash`: lets a caller find a
/// duplicate before paying for extraction.
pub fn content_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn has_body_after_first_line(text: &str) -> bool {
    text.trim_start()
        .split_once('\n')
        .is_some_and(|(_, rest)| !rest.trim().is_empty())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads nothing: these tests are about the text, the title and the hash.
    struct NoClaims;

    impl ReadArticle for NoClaims {
        fn read(&self, _text: &str, _options: &ExtractOptions) -> Extraction {
            Extraction::default()
        }
    }

    fn prepare(article: NewArticle) -> PreparedArticle {
        super::prepare(&NoClaims, article)
    }

    fn article(text: &str, title: Option<&str>) -> NewArticle {
        NewArticle {
            text: ArticleText::parse(text.to_string()).expect("test text is not blank"),
            title: title.map(str::to_string),
            source: None,
            url: None,
            published_at: None,
        }
    }

    fn place(span: (usize, usize), place_type: PlaceType) -> Mention {
        Mention {
            span: claimgraph_model::Span::new(span.0, span.1),
            name: "Vell".into(),
            kind: claimgraph_model::EntityKind::Place,
            roles: Vec::new(),
            place: Some(claimgraph_model::PlaceRef {
                key: "gn:1".into(),
                name: "Vell".into(),
                geonames_id: None,
                lat: None,
                lon: None,
                country: None,
                place_type,
                aliases: Vec::new().into(),
                or_region: None,
                within: None,
            }),
        }
    }

    #[test]
    fn a_claims_place_keeps_its_mention_and_tokens_but_for_countries() {
        // mention row 40 named entity 7 at bytes 10..14
        let by_span: MentionsBySpan = [((10, 14), (40, 7))].into_iter().collect();
        // (place's span, its type, the entity it resolved to, mention kept, token added)
        let cases = [
            ((10, 14), PlaceType::City, 7, Some(40), true),
            ((10, 14), PlaceType::Country, 7, Some(40), false),
            // the claim's place resolved otherwise than the mention at its span
            ((10, 14), PlaceType::Region, 8, None, true),
            // a place no mention row was written for
            ((20, 24), PlaceType::Other, 7, None, true),
        ];
        for (span, kind, entity, mention, token) in cases {
            let mut signature = Signature::default();
            let kept = claim_place(&place(span, kind), entity, &by_span, &mut signature);
            assert_eq!(kept, mention, "{span:?} {kind:?}");
            let tokens = signature.stored();
            assert_eq!(tokens.contains(&format!("p:{entity}")), token, "{tokens}");
        }
    }

    #[test]
    fn blank_text_is_rejected() {
        for blank in [
            " \n\t ",
            "",
            "\u{200b}\u{feff}\u{3000}\u{202e}\n",
            "\0",
            "\0\0\0",
            " \0\n\u{1}\u{7f}\u{9f}\r\n",
        ] {
            assert!(
                matches!(
                    ArticleText::parse(blank.into()),
                    Err(StorageError::EmptyArticle)
                ),
                "{blank:?}"
            );
        }
        assert!(ArticleText::parse("\u{200b}x".into()).is_ok());
        assert!(ArticleText::parse("\0x\0".into()).is_ok());
    }

    #[test]
    fn first_line_becomes_title_only_without_one() {
        let p = prepare(article("Floods hit the valley\nThe river rose.", None));
        assert_eq!(p.article.title.as_deref(), Some("Floods hit the valley"));
        let p = prepare(article(
            "Floods hit the valley\nThe river rose.",
            Some("Given"),
        ));
        assert_eq!(p.article.title.as_deref(), Some("Given"));
        let p = prepare(article("One line only.", None));
        assert_eq!(p.article.title, None);
    }

    #[test]
    fn hash_depends_on_text_only() {
        let a = prepare(article("Same words.\nMore.", Some("A")));
        let b = prepare(article("Same words.\nMore.", Some("B")));
        assert_eq!(a.content_hash, b.content_hash);
        assert_eq!(a.content_hash.len(), 64);
        assert_eq!(content_hash("Same words.\nMore."), a.content_hash);
    }
}
