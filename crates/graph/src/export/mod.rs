//! The projection in the formats analysts' tools read: GraphML (Gephi, yEd), N-Triples
//! (any RDF store) and JSON-LD (the same RDF, for JSON tooling). Each is written node by
//! node into an [`std::io::Write`], in key order, so an export of any size streams through
//! a small buffer, and the same graph always exports to the same bytes.

mod graphml;
mod rdf;

use std::io::{self, Write};

use crate::model::{ArticleRow, NodeKey};
use crate::projection::{Detail, Node, Projection};

pub use graphml::figure_text;
pub use rdf::{iri, IRI_BASE, VOCAB};

/// A file format of the whole graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Graphml,
    Ntriples,
    Jsonld,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Graphml, Format::Ntriples, Format::Jsonld];

    /// Its name on the command line and in ETags.
    pub fn name(self) -> &'static str {
        match self {
            Format::Graphml => "graphml",
            Format::Ntriples => "ntriples",
            Format::Jsonld => "jsonld",
        }
    }

    /// Its media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Graphml => "application/graphml+xml",
            Format::Ntriples => "application/n-triples",
            Format::Jsonld => "application/ld+json",
        }
    }

    /// Its file name extension, as the server's export URLs end.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Graphml => "graphml",
            Format::Ntriples => "nt",
            Format::Jsonld => "jsonld",
        }
    }

    /// Writes the whole projection in this format. Only `out`'s errors can fail it.
    pub fn write(self, p: &Projection, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Format::Graphml => graphml::write(p, out),
            Format::Ntriples => rdf::write_ntriples(p, out),
            Format::Jsonld => rdf::write_jsonld(p, out),
        }
    }
}

/// Changes whenever a release changes what an export of the same rows looks like, so
/// that tags derived from the data ([`crate::Watermark`]) never outlive the format.
pub const EXPORT_REVISION: u32 = 2;

/// The article a claim node belongs to, for the article's date and outlet on the claim.
fn article_of<'p>(p: &'p Projection, node: &Node) -> Option<&'p ArticleRow> {
    let Detail::Claim(c) = &node.detail else {
        return None;
    };
    match &p.node(NodeKey::Article(c.article))?.detail {
        Detail::Article(a) => Some(a),
        _ => None,
    }
}

/// A finite number as its shortest decimal form ("12", "45.815"), which is valid GraphML
/// `double` and `xsd:double` alike; infinities and NaN are left out by the callers.
fn decimal(v: f64) -> Option<String> {
    v.is_finite().then(|| format!("{v}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_short_and_finite_only() {
        assert_eq!(decimal(12.0).as_deref(), Some("12"));
        assert_eq!(decimal(-0.5).as_deref(), Some("-0.5"));
        assert_eq!(decimal(f64::NAN), None);
        assert_eq!(decimal(f64::INFINITY), None);
    }
}
