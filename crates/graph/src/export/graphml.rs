//! GraphML: every node with its attributes, every edge with its kind and score, each
//! attribute declared once with a `<key>` (Gephi and yEd type the columns by them).

use std::borrow::Cow;
use std::io::{self, Write};

use super::{article_of, decimal};
use crate::model::NumberRow;
use crate::projection::{Detail, Node, Projection};

/// Node attributes: `<key>` id (also its `attr.name`) and GraphML type, in the order each
/// node lists them.
const NODE_KEYS: [(&str, &str); 22] = [
    ("label", "string"),
    ("kind", "string"),
    // places
    ("lat", "double"),
    ("lon", "double"),
    ("place_type", "string"),
    ("country", "string"),
    ("geonames_id", "long"),
    // articles, and the article of each claim
    ("published_at", "string"),
    ("source", "string"),
    ("url", "string"),
    // claims
    ("text", "string"),
    ("claim_kind", "string"),
    ("start", "long"),
    ("end", "long"),
    ("speaker_text", "string"),
    ("cue", "string"),
    ("fact_id", "long"),
    ("numbers", "string"),
    ("number_value", "double"),
    ("number_unit", "string"),
    ("number_normalized", "double"),
    ("number_normalized_unit", "string"),
];

pub(super) fn write(p: &Projection, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        )
        .as_bytes(),
    )?;
    for (id, ty) in NODE_KEYS {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"node\" attr.name=\"{id}\" attr.type=\"{ty}\"/>"
        )?;
    }
    out.write_all(
        concat!(
            "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
            "  <key id=\"score\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>\n",
            "  <graph id=\"claimgraph\" edgedefault=\"directed\">\n",
        )
        .as_bytes(),
    )?;
    let nodes = p.nodes();
    for n in &nodes {
        writeln!(out, "    <node id=\"{}\">", xml_escape(&n.key.public_id()))?;
        for (key, value) in attributes(p, n) {
            writeln!(
                out,
                "      <data key=\"{key}\">{}</data>",
                xml_escape(&value)
            )?;
        }
        out.write_all(b"    </node>\n")?;
    }
    for n in &nodes {
        for e in p.edges_from(n.key) {
            writeln!(
                out,
                "    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n      <data key=\"edge_kind\">{}</data>",
                xml_escape(&e.public_id()),
                xml_escape(&e.source.public_id()),
                xml_escape(&e.target.public_id()),
                e.kind.as_str(),
            )?;
            if let Some(score) = e.score.and_then(decimal) {
                writeln!(out, "      <data key=\"score\">{score}</data>")?;
            }
            out.write_all(b"    </edge>\n")?;
        }
    }
    out.write_all(b"  </graph>\n</graphml>\n")
}

/// A node's attributes as (key, value), keys from [`NODE_KEYS`]; absent values are left
/// out. A claim carries its article's date and outlet, so claims filter by them alone.
fn attributes<'a>(p: &'a Projection, n: &'a Node) -> Vec<(&'static str, Cow<'a, str>)> {
    let mut a = Attrs(Vec::with_capacity(12));
    a.text("label", &n.label);
    a.text("kind", &n.kind);
    match &n.detail {
        Detail::Entity(None) => {}
        Detail::Entity(Some(place)) => {
            let (lat, lon) = place.coordinates.unzip();
            a.double("lat", lat);
            a.double("lon", lon);
            a.opt("place_type", &place.place_type);
            a.opt("country", &place.country);
            a.int("geonames_id", place.geonames_id);
        }
        Detail::Article(article) => {
            a.opt("published_at", &article.published_at);
            a.opt("source", &article.source);
            a.opt("url", &article.url);
        }
        Detail::Claim(c) => {
            if let Some(article) = article_of(p, n) {
                a.opt("published_at", &article.published_at);
                a.opt("source", &article.source);
            }
            a.text("text", &c.text);
            a.text("claim_kind", &c.kind);
            a.int("start", Some(c.start));
            a.int("end", Some(c.end));
            a.opt("speaker_text", &c.speaker_text);
            a.opt("cue", &c.cue);
            a.int("fact_id", c.fact);
            a.numbers(&c.numbers);
        }
    }
    a.0
}

/// Attributes being listed; each method leaves an absent value out.
struct Attrs<'a>(Vec<(&'static str, Cow<'a, str>)>);

impl<'a> Attrs<'a> {
    fn text(&mut self, key: &'static str, v: &'a str) {
        self.0.push((key, Cow::Borrowed(v)));
    }

    fn opt(&mut self, key: &'static str, v: &'a Option<String>) {
        if let Some(v) = v {
            self.text(key, v);
        }
    }

    fn int(&mut self, key: &'static str, v: Option<i64>) {
        if let Some(v) = v {
            self.0.push((key, Cow::Owned(v.to_string())));
        }
    }

    fn double(&mut self, key: &'static str, v: Option<f64>) {
        if let Some(v) = v.and_then(decimal) {
            self.0.push((key, Cow::Owned(v)));
        }
    }

    /// Every number as text (`numbers`, "; " between them), and the first one's value,
    /// unit and normalised value as typed columns a tool can sort and filter on.
    fn numbers(&mut self, numbers: &'a [NumberRow]) {
        let Some(first) = numbers.first() else {
            return;
        };
        let all: Vec<String> = numbers.iter().map(number_text).collect();
        self.0.push(("numbers", Cow::Owned(all.join("; "))));
        self.double("number_value", Some(first.value));
        self.text("number_unit", &first.unit);
        if let Some((value, unit)) = &first.normalized {
            self.double("number_normalized", Some(*value));
            self.text("number_normalized_unit", unit);
        }
    }
}

fn number_text(n: &NumberRow) -> String {
    figure_text(
        n.value,
        &n.unit,
        &n.qualifier,
        n.normalized.as_ref().map(|(v, u)| (*v, u.as_str())),
    )
}

/// "about 700 mi2 = 1812.99 km2": qualifier (unless exact), value, unit, and the value in
/// its base unit when that is another unit. One wording for every export (GraphML here,
/// the API's claims CSV), so a figure reads the same in each.
pub fn figure_text(value: f64, unit: &str, qualifier: &str, base: Option<(f64, &str)>) -> String {
    let mut s = String::new();
    if qualifier != "exact" {
        s.push_str(&qualifier.replace('_', " "));
        s.push(' ');
    }
    s.push_str(&decimal(value).unwrap_or_default());
    s.push(' ');
    s.push_str(unit);
    if let Some((value, base_unit)) = base.filter(|(_, u)| *u != unit) {
        if let Some(v) = decimal(value) {
            s.push_str(&format!(" = {v} {base_unit}"));
        }
    }
    s
}

/// Text as XML character data or an attribute value: markup characters as entities, and
/// characters XML 1.0 forbids (most C0 controls, U+FFFE/U+FFFF) replaced by U+FFFD.
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
    fn numbers_read_as_written_with_their_base_unit() {
        let n = |value, unit: &str, qualifier: &str, normalized: Option<(f64, &str)>| NumberRow {
            id: 1,
            value,
            unit: unit.into(),
            qualifier: qualifier.into(),
            text: String::new(),
            normalized: normalized.map(|(v, u)| (v, u.to_string())),
        };
        assert_eq!(number_text(&n(40.0, "person", "exact", None)), "40 person");
        assert_eq!(
            number_text(&n(700.0, "mi2", "about", Some((1812.99, "km2")))),
            "about 700 mi2 = 1812.99 km2"
        );
        assert_eq!(
            number_text(&n(3.5, "km", "at_least", Some((3.5, "km")))),
            "at least 3.5 km"
        );
    }
}
