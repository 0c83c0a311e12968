//! The graph as RDF: N-Triples, and the same triples as JSON-LD. Both are written from one
//! list of statements per node ([`statements`]), so they cannot say different things.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::decimal;
use crate::model::{EdgeKind, NodeKey, NumberRow};
use crate::projection::{Detail, Node, Projection};

/// Every node's IRI starts with this: `urn:claimgraph:entity:12`, `…:claim:5`,
/// `…:article:3`, and the facts and numbers claims point at (`…:fact:4`, `…:number:9`).
/// Stable: it is the store id.
pub const IRI_BASE: &str = "urn:claimgraph:";

/// The vocabulary of classes (`Person`, `Claim`, …) and properties (`speaker`,
/// `reportedBy`, `text`, …) of the RDF exports.
pub const VOCAB: &str = "urn:claimgraph:vocab#";

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// The W3C Basic Geo vocabulary's latitude and longitude (WGS 84 degrees).
const GEO_LAT: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
const GEO_LONG: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#long";
/// A GeoNames feature's IRI is this, its id and a slash.
const GEONAMES: &str = "https://sws.geonames.org/";

/// The IRI of a node: `urn:claimgraph:entity:12`.
pub fn iri(key: NodeKey) -> String {
    match key {
        NodeKey::Entity(id) => format!("{IRI_BASE}entity:{id}"),
        NodeKey::Claim(id) => format!("{IRI_BASE}claim:{id}"),
        NodeKey::Article(id) => format!("{IRI_BASE}article:{id}"),
    }
}

/// A literal's datatype; a `String` literal is written plain.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Datatype {
    String,
    Integer,
    Double,
    Date,
    DateTime,
}

impl Datatype {
    /// The XSD local name, `None` for a plain string.
    fn xsd(self) -> Option<&'static str> {
        match self {
            Datatype::String => None,
            Datatype::Integer => Some("integer"),
            Datatype::Double => Some("double"),
            Datatype::Date => Some("date"),
            Datatype::DateTime => Some("dateTime"),
        }
    }
}

/// What a statement says of its subject.
#[derive(Debug, Clone, PartialEq)]
enum Object<'a> {
    /// Another node, by IRI.
    Node(String),
    /// A literal's lexical form and datatype.
    Literal(Cow<'a, str>, Datatype),
    /// A number the claim gives: a node of its own, `urn:claimgraph:number:{id}`.
    Number(&'a NumberRow),
}

/// One statement about a node: a property, by its JSON-LD term, and its object. Terms are
/// names in [`VOCAB`] except `label` (`rdfs:label`), `lat` and `long` (W3C Basic Geo).
type Statement<'a> = (Cow<'static, str>, Object<'a>);

/// The property's IRI.
fn property_iri(term: &str) -> Cow<'static, str> {
    match term {
        "label" => RDFS_LABEL.into(),
        "lat" => GEO_LAT.into(),
        "long" => GEO_LONG.into(),
        _ => format!("{VOCAB}{term}").into(),
    }
}

/// The class name of a node kind (`person` → `Person`).
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

/// A property's name for an edge kind, in camelCase (`reported_by` → `reportedBy`).
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

/// `published_at` as a typed literal: a date, a timestamp, or (anything else a client
/// sent) a plain string.
fn date_literal(s: &str) -> Object<'_> {
    let datatype = if s.len() == 10 {
        Datatype::Date
    } else if s.as_bytes().get(10) == Some(&b'T') {
        Datatype::DateTime
    } else {
        Datatype::String
    };
    Object::Literal(s.into(), datatype)
}

/// Everything the RDF exports say about `n` after its type: its label, its attributes and
/// its edges (subject the edge's source; corroboration and conflict are symmetric and
/// written once, from the smaller claim id), in a fixed order.
fn statements<'a>(p: &'a Projection, n: &'a Node) -> Vec<Statement<'a>> {
    let mut out: Vec<Statement<'a>> = vec![(
        "label".into(),
        Object::Literal(n.label.as_str().into(), Datatype::String),
    )];
    let mut push = |term: &'static str, o: Object<'a>| out.push((term.into(), o));
    let text = |v: &'a str| Object::Literal(v.into(), Datatype::String);
    let integer = |v: i64| Object::Literal(v.to_string().into(), Datatype::Integer);
    let double = |v: f64| decimal(v).map(|d| Object::Literal(d.into(), Datatype::Double));
    match &n.detail {
        Detail::Entity(None) => {}
        Detail::Entity(Some(place)) => {
            if let Some((lat, lon)) = place.coordinates {
                double(lat).into_iter().for_each(|o| push("lat", o));
                double(lon).into_iter().for_each(|o| push("long", o));
            }
            if let Some(t) = &place.place_type {
                push("placeType", text(t));
            }
            if let Some(c) = &place.country {
                push("country", text(c));
            }
            if let Some(id) = place.geonames_id {
                push("geonames", Object::Node(format!("{GEONAMES}{id}/")));
            }
        }
        Detail::Article(a) => {
            if let Some(d) = &a.published_at {
                push("publishedAt", date_literal(d));
            }
            if let Some(s) = &a.source {
                push("source", text(s));
            }
            if let Some(u) = &a.url {
                push("url", text(u));
            }
        }
        Detail::Claim(c) => {
            push("text", text(&c.text));
            push("claimKind", text(&c.kind));
            push("start", integer(c.start));
            push("end", integer(c.end));
            if let Some(s) = &c.speaker_text {
                push("speakerText", text(s));
            }
            if let Some(cue) = &c.cue {
                push("cue", text(cue));
            }
            if let Some(fact) = c.fact {
                push("fact", Object::Node(format!("{IRI_BASE}fact:{fact}")));
            }
            for number in &c.numbers {
                push("number", Object::Number(number));
            }
        }
    }
    for e in p.edges_from(n.key) {
        out.push((property_name(e.kind).into(), Object::Node(iri(e.target))));
    }
    out
}

/// What the RDF exports say about a number node, after its type.
fn number_statements(n: &NumberRow) -> Vec<Statement<'_>> {
    let text = |v: &str| Object::Literal(Cow::Owned(v.to_string()), Datatype::String);
    let mut out: Vec<Statement<'_>> = Vec::with_capacity(6);
    if let Some(v) = decimal(n.value) {
        out.push(("value".into(), Object::Literal(v.into(), Datatype::Double)));
    }
    out.push(("unit".into(), text(&n.unit)));
    out.push(("qualifier".into(), text(&n.qualifier)));
    out.push(("text".into(), text(&n.text)));
    if let Some((value, unit)) = &n.normalized {
        if let Some(v) = decimal(*value) {
            out.push((
                "normalizedValue".into(),
                Object::Literal(v.into(), Datatype::Double),
            ));
            out.push(("normalizedUnit".into(), text(unit)));
        }
    }
    out
}

fn number_iri(n: &NumberRow) -> String {
    format!("{IRI_BASE}number:{}", n.id)
}

/// The projection as N-Triples: each node's `rdf:type`, then [`statements`]; a number a
/// claim gives follows its claim as a node of type `Number`.
pub(super) fn write_ntriples(p: &Projection, out: &mut dyn Write) -> io::Result<()> {
    for n in p.nodes() {
        let s = iri(n.key);
        writeln!(out, "<{s}> <{RDF_TYPE}> <{VOCAB}{}> .", class_name(&n.kind))?;
        for (term, object) in statements(p, n) {
            write_triple(out, &s, &term, &object)?;
            if let Object::Number(number) = object {
                let ns = number_iri(number);
                writeln!(out, "<{ns}> <{RDF_TYPE}> <{VOCAB}Number> .")?;
                for (term, object) in number_statements(number) {
                    write_triple(out, &ns, &term, &object)?;
                }
            }
        }
    }
    Ok(())
}

fn write_triple(out: &mut dyn Write, s: &str, term: &str, o: &Object<'_>) -> io::Result<()> {
    let p = property_iri(term);
    match o {
        Object::Node(target) => writeln!(out, "<{s}> <{p}> <{target}> ."),
        Object::Number(n) => writeln!(out, "<{s}> <{p}> <{}> .", number_iri(n)),
        Object::Literal(lex, dt) => match dt.xsd() {
            None => writeln!(out, "<{s}> <{p}> \"{}\" .", nt_escape(lex)),
            Some(t) => writeln!(out, "<{s}> <{p}> \"{}\"^^<{XSD}{t}> .", nt_escape(lex)),
        },
    }
}

/// The JSON-LD 1.1 context: `@vocab` is [`VOCAB`]; terms give `label`, `lat` and `long`
/// their IRIs, decimals their `xsd:double` type (so a value as a string expands to the
/// N-Triples literal exactly), and node-valued properties `@id` values.
fn context() -> Value {
    let mut c = Map::new();
    c.insert("@vocab".into(), json!(VOCAB));
    c.insert("xsd".into(), json!(XSD));
    c.insert("label".into(), json!(RDFS_LABEL));
    let double = |id: &str| json!({"@id": id, "@type": "xsd:double"});
    c.insert("lat".into(), double(GEO_LAT));
    c.insert("long".into(), double(GEO_LONG));
    for term in ["value", "normalizedValue"] {
        c.insert(term.into(), json!({"@type": "xsd:double"}));
    }
    let edges = EdgeKind::ALL.map(property_name);
    for term in edges.iter().map(String::as_str).chain(["fact", "geonames"]) {
        c.insert(term.into(), json!({"@type": "@id"}));
    }
    Value::Object(c)
}

/// A literal as a JSON-LD value under the [`context`]: strings and integers as JSON,
/// decimals as strings (their terms say `xsd:double`), dates as value objects.
fn jsonld_literal(lex: &str, dt: Datatype) -> Value {
    match dt {
        Datatype::String | Datatype::Double => json!(lex),
        Datatype::Integer => lex.parse::<i64>().map_or_else(|_| json!(lex), |i| json!(i)),
        Datatype::Date | Datatype::DateTime => {
            json!({"@value": lex, "@type": format!("xsd:{}", dt.xsd().unwrap_or_default())})
        }
    }
}

/// A node object: `@id`, `@type`, and one entry per term; node-valued terms and `number`
/// hold arrays, literal terms (one per node) a single value.
fn node_object(id: String, class: &str, statements: Vec<Statement<'_>>) -> Value {
    let mut o = Map::new();
    o.insert("@id".into(), json!(id));
    o.insert("@type".into(), json!(class));
    for (term, object) in statements {
        let value = match object {
            Object::Literal(lex, dt) => {
                o.insert(term.into_owned(), jsonld_literal(&lex, dt));
                continue;
            }
            Object::Node(target) => json!(target),
            Object::Number(n) => node_object(number_iri(n), "Number", number_statements(n)),
        };
        if let Value::Array(list) = o.entry(term.into_owned()).or_insert_with(|| json!([])) {
            list.push(value);
        }
    }
    Value::Object(o)
}

/// The projection as JSON-LD 1.1: the triples of the N-Triples export as one `@graph` of
/// node objects, one per line, numbers nested in their claims.
pub(super) fn write_jsonld(p: &Projection, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\"@context\": ")?;
    serde_json::to_writer(&mut *out, &context())?;
    out.write_all(b",\n\"@graph\": [")?;
    for (i, n) in p.nodes().into_iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let o = node_object(iri(n.key), &class_name(&n.kind), statements(p, n));
        serde_json::to_writer(&mut *out, &o)?;
    }
    out.write_all(b"\n]}\n")
}

/// A string as the inside of an N-Triples literal: `"`, `\`, line feed, carriage return
/// and tab as ECHAR escapes, other control characters as `\uXXXX` (N-Triples 1.1, §2.3).
fn nt_escape(s: &str) -> String {
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
            property_iri(&property_name(EdgeKind::ReportedBy)),
            "urn:claimgraph:vocab#reportedBy"
        );
        assert_eq!(
            property_iri(&property_name(EdgeKind::InArticle)),
            "urn:claimgraph:vocab#inArticle"
        );
        assert_eq!(property_iri("lat"), GEO_LAT);
        assert_eq!(class_name("organization"), "Organization");
        assert_eq!(iri(NodeKey::Entity(12)), "urn:claimgraph:entity:12");
    }

    #[test]
    fn dates_are_typed_when_they_are_dates() {
        assert_eq!(
            date_literal("2026-03-04"),
            Object::Literal("2026-03-04".into(), Datatype::Date)
        );
        assert_eq!(
            date_literal("2026-03-04T09:15:00Z"),
            Object::Literal("2026-03-04T09:15:00Z".into(), Datatype::DateTime)
        );
        assert_eq!(
            date_literal("2026-03-04 09:15:00Z"),
            Object::Literal("2026-03-04 09:15:00Z".into(), Datatype::String)
        );
    }
}
