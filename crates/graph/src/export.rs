//! The projection in the formats analysts' tools read: GraphML (Gephi, yEd), N-Triples
//! (any RDF store) and JSON-LD (the same RDF, for JSON tooling). Each lists nodes and edges
//! in key order, so the same graph always exports to the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{json, Map, Value};

use crate::model::{EdgeKind, NodeKey};
use crate::projection::Projection;

/// Every node's IRI starts with this: `urn:claimgraph:entity:12`, `…:claim:5`,
/// `…:article:3`. Stable: it is the store id.
pub const IRI_BASE: &str = "urn:claimgraph:";

/// The vocabulary of classes (`Person`, `Claim`, …) and properties (`speaker`,
/// `reportedBy`, …) of the N-Triples export.
pub const VOCAB: &str = "urn:claimgraph:vocab#";

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";

/// The projection as a GraphML document: node attributes `label` and `kind`, edge
/// attributes `kind` and `score` (links only), each declared with a `<key>`.
pub fn graphml(p: &Projection) -> String {
    let mut out = String::with_capacity(256 + 160 * (p.node_count() + p.edge_count()));
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"score\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>\n",
        "  <graph id=\"claimgraph\" edgedefault=\"directed\">\n",
    ));
    for n in p.nodes() {
        let _ = write!(
            out,
            "    <node id=\"{}\">\n      <data key=\"label\">{}</data>\n      <data key=\"kind\">{}</data>\n    </node>\n",
            xml_escape(&n.key.public_id()),
            xml_escape(&n.label),
            xml_escape(&n.kind),
        );
    }
    for e in p.edges() {
        let _ = write!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n      <data key=\"edge_kind\">{}</data>\n",
            xml_escape(&e.public_id()),
            xml_escape(&e.source.public_id()),
            xml_escape(&e.target.public_id()),
            e.kind.as_str(),
        );
        if let Some(score) = e.score.filter(|s| s.is_finite()) {
            let _ = writeln!(out, "      <data key=\"score\">{score}</data>");
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Text as XML character data or an attribute value: markup characters as entities, and
/// characters XML 1.0 forbids (most C0 controls, unpaired surrogates cannot occur in a
/// `str`, U+FFFE/U+FFFF) replaced by U+FFFD.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The IRI of a node: `urn:claimgraph:entity:12`.
pub fn iri(key: NodeKey) -> String {
    match key {
        NodeKey::Entity(id) => format!("{IRI_BASE}entity:{id}"),
        NodeKey::Claim(id) => format!("{IRI_BASE}claim:{id}"),
        NodeKey::Article(id) => format!("{IRI_BASE}article:{id}"),
    }
}

/// The vocabulary class of a node kind (`person` → `…vocab#Person`).
fn class(kind: &str) -> String {
    format!("{VOCAB}{}", class_name(kind))
}

/// A class's name in the vocabulary (`person` → `Person`).
fn class_name(kind: &str) -> String {
    let mut cs = kind.chars();
    let first: String = cs
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    // kinds are fixed ASCII words; anything else stays out of the IRI
    let rest: String = cs.filter(char::is_ascii_alphanumeric).collect();
    format!("{first}{rest}")
}

/// The vocabulary property of an edge kind (`reported_by` → `…vocab#reportedBy`).
fn property(kind: EdgeKind) -> String {
    format!("{VOCAB}{}", property_name(kind))
}

/// A property's name in the vocabulary, in camelCase (`reported_by` → `reportedBy`).
fn property_name(kind: EdgeKind) -> String {
    let mut name = String::new();
    let mut upper = false;
    for c in kind.as_str().chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            name.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            name.push(c);
        }
    }
    name
}

/// The projection as N-Triples: each node's `rdf:type` and `rdfs:label`, and one triple
/// per edge (subject the edge's source). Corroboration and conflict are symmetric; each is
/// written once, from the smaller claim id.
pub fn ntriples(p: &Projection) -> String {
    let mut out = String::with_capacity(200 * (p.node_count() + p.edge_count()));
    for n in p.nodes() {
        let s = iri(n.key);
        let _ = writeln!(out, "<{s}> <{RDF_TYPE}> <{}> .", class(&n.kind));
        let _ = writeln!(out, "<{s}> <{RDFS_LABEL}> \"{}\" .", nt_escape(&n.label));
    }
    for e in p.edges() {
        let _ = writeln!(
            out,
            "<{}> <{}> <{}> .",
            iri(e.source),
            property(e.kind),
            iri(e.target)
        );
    }
    out
}

/// The projection as JSON-LD 1.1: the triples of [`ntriples`] as one `@graph` of node
/// objects. The context maps `@vocab` to [`VOCAB`], `label` to `rdfs:label` and every edge
/// property to an `@id` value, so expanding the document gives exactly those triples.
pub fn jsonld(p: &Projection) -> String {
    let mut context = Map::new();
    context.insert("@vocab".into(), json!(VOCAB));
    context.insert("label".into(), json!(RDFS_LABEL));
    let mut nodes: BTreeMap<NodeKey, Map<String, Value>> = BTreeMap::new();
    for n in p.nodes() {
        let mut o = Map::new();
        o.insert("@id".into(), json!(iri(n.key)));
        o.insert("@type".into(), json!(class_name(&n.kind)));
        o.insert("label".into(), json!(n.label));
        nodes.insert(n.key, o);
    }
    for e in p.edges() {
        let name = property_name(e.kind);
        context
            .entry(name.clone())
            .or_insert_with(|| json!({"@type": "@id"}));
        if let Some(o) = nodes.get_mut(&e.source) {
            let targets = o.entry(name).or_insert_with(|| json!([]));
            if let Value::Array(list) = targets {
                list.push(json!(iri(e.target)));
            }
        }
    }
    let doc = json!({
        "@context": context,
        "@graph": nodes.into_values().map(Value::Object).collect::<Vec<_>>(),
    });
    // a `Value` of strings, arrays and maps always serialises
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A string as the inside of an N-Triples literal: `"`, `\`, line feed, carriage return
/// and tab as ECHAR escapes, other control characters as `\uXXXX` (N-Triples 1.1, §2.3).
pub(crate) fn nt_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_forbidden_characters() {
        assert_eq!(
            xml_escape("Tom & Jerry's <b>\"show\"</b>"),
            "Tom &amp; Jerry&apos;s &lt;b&gt;&quot;show&quot;&lt;/b&gt;"
        );
        assert_eq!(xml_escape("a\u{0}b\u{1b}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
        assert_eq!(xml_escape("Brač"), "Brač");
    }

    #[test]
    fn ntriples_literals_escape_quotes_backslashes_and_controls() {
        assert_eq!(
            nt_escape("He said \"no\"\\\n\r\t\u{7}ok"),
            "He said \\\"no\\\"\\\\\\n\\r\\t\\u0007ok"
        );
        assert_eq!(nt_escape("Marić"), "Marić");
    }

    #[test]
    fn vocabulary_names() {
        assert_eq!(
            property(EdgeKind::ReportedBy),
            "urn:claimgraph:vocab#reportedBy"
        );
        assert_eq!(
            property(EdgeKind::InArticle),
            "urn:claimgraph:vocab#inArticle"
        );
        assert_eq!(class("organization"), "urn:claimgraph:vocab#Organization");
        assert_eq!(iri(NodeKey::Entity(12)), "urn:claimgraph:entity:12");
    }
}
