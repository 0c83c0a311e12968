//! The projection built from rows in steps equals the one built at once, and its queries
//! and exports give the values worked out by hand on a small invented corpus.

use std::collections::BTreeSet;

use claimgraph_graph::{
    ArticleRow, ClaimRow, Delta, EdgeKind, EntityRow, FactChange, Format, LinkRow, MentionRow,
    NodeKey, NumberRow, PlaceRow, Projection, Watermark,
};

fn entity(id: i64, kind: &str, name: &str) -> EntityRow {
    EntityRow {
        id,
        kind: kind.into(),
        name: name.into(),
        place: None,
    }
}

/// A gazetteer place: coordinates, type, country and GeoNames id.
fn place(id: i64, name: &str, lat: f64, lon: f64) -> EntityRow {
    EntityRow {
        place: Some(PlaceRow {
            coordinates: Some((lat, lon)),
            place_type: Some("city".into()),
            country: Some("HR".into()),
            geonames_id: Some(3_190_000 + id),
        }),
        ..entity(id, "place", name)
    }
}

fn article(id: i64, title: Option<&str>, outlet: Option<i64>) -> ArticleRow {
    ArticleRow {
        id,
        title: title.map(str::to_string),
        outlet,
        source: outlet.map(|o| format!("Outlet {o}")),
        url: Some(format!("https://example.org/{id}")),
        published_at: Some(format!("2026-03-0{id}")),
    }
}

/// Render `p` in `format`, as the server streams it.
fn render(format: Format, p: &Projection) -> String {
    let mut out = Vec::new();
    format.write(p, &mut out).expect("a Vec takes every byte");
    String::from_utf8(out).expect("UTF-8")
}

fn graphml(p: &Projection) -> String {
    render(Format::Graphml, p)
}

fn ntriples(p: &Projection) -> String {
    render(Format::Ntriples, p)
}

fn jsonld(p: &Projection) -> String {
    render(Format::Jsonld, p)
}

/// A claim's words: longer than a label holds, with a line break and a quote.
fn words(id: i64) -> String {
    format!(
        "claim number {id} says \"something\"\nthat runs on {}",
        "and on ".repeat(30)
    )
}

fn claim(
    id: i64,
    article: i64,
    speaker: Option<i64>,
    via: Option<i64>,
    places: &[i64],
) -> ClaimRow {
    ClaimRow {
        id,
        article,
        kind: "direct".into(),
        text: words(id),
        start: 10 * id,
        end: 10 * id + 9,
        speaker,
        speaker_text: None,
        via,
        cue: Some("said".into()),
        places: places.to_vec(),
        fact: None,
        numbers: Vec::new(),
    }
}

/// Claim 3 gives two figures: a count and an area with its base unit.
fn claim_with_numbers() -> ClaimRow {
    ClaimRow {
        numbers: vec![
            NumberRow {
                id: 1,
                value: 40.0,
                unit: "person".into(),
                qualifier: "about".into(),
                text: "some 40 people".into(),
                normalized: None,
            },
            NumberRow {
                id: 2,
                value: 2.5,
                unit: "mi2".into(),
                qualifier: "exact".into(),
                text: "2.5 square miles".into(),
                normalized: Some((6.47497, "km2".into())),
            },
        ],
        ..claim(3, 2, Some(4), None, &[2])
    }
}

fn mentions(article: i64, entities: &[i64]) -> Vec<MentionRow> {
    entities
        .iter()
        .map(|&entity| MentionRow { article, entity })
        .collect()
}

fn link(id: i64, a: i64, b: i64, kind: EdgeKind) -> LinkRow {
    LinkRow {
        id,
        a,
        b,
        kind,
        score: 0.75,
    }
}

const FIRST: Watermark = Watermark {
    article: 2,
    entity: 5,
    link: 1,
    epoch: 0,
    rename: 0,
    fact: 0,
};
const SECOND: Watermark = Watermark {
    article: 3,
    entity: 6,
    link: 2,
    epoch: 0,
    rename: 1,
    fact: 2,
};

/// Articles 1 and 2 with the first link.
fn first() -> Delta {
    Delta {
        since: Watermark::default(),
        upto: FIRST,
        entities: vec![
            entity(1, "person", "Ana Marić"),
            place(2, "Split", 43.50891, 16.43915),
            entity(3, "outlet", "Dalmatian Times"),
            entity(4, "person", "Ivo <Horvat> & \"Sons\""),
            entity(5, "outlet", "Adriatic Wire"),
        ],
        articles: vec![
            article(1, Some("Cranes idle in the port"), Some(3)),
            article(2, Some("Strike spreads"), Some(5)),
        ],
        claims: vec![
            claim(1, 1, Some(1), None, &[2]),
            claim(2, 1, Some(1), Some(5), &[2]),
            claim_with_numbers(),
        ],
        mentions: [mentions(1, &[1, 2, 3]), mentions(2, &[4, 2])].concat(),
        links: vec![link(1, 1, 3, EdgeKind::Corroborates)],
        facts: Vec::new(),
    }
}

/// Article 3, the second link, entity 1 renamed, and claims 1 and 3 put in fact 9 (which
/// article 3's claim joins too).
fn second() -> Delta {
    Delta {
        since: FIRST,
        upto: SECOND,
        entities: vec![
            entity(1, "person", "Ana Marić-Horvat"),
            place(6, "Hvar", 43.17, 16.44),
        ],
        articles: vec![article(3, None, None)],
        claims: vec![ClaimRow {
            fact: Some(9),
            ..claim(4, 3, Some(4), None, &[6])
        }],
        mentions: mentions(3, &[4, 6]),
        links: vec![link(2, 2, 4, EdgeKind::Conflicts)],
        facts: vec![
            FactChange {
                claim: 1,
                fact: Some(9),
            },
            FactChange {
                claim: 3,
                fact: Some(9),
            },
        ],
    }
}

/// What a claim row says once the facts of [`second`] are applied.
fn in_fact(c: ClaimRow) -> ClaimRow {
    let fact = [1, 3, 4].contains(&c.id).then_some(9);
    ClaimRow { fact, ..c }
}

/// Everything at once, as a store answers a projection that has nothing.
fn everything() -> Delta {
    let (a, b) = (first(), second());
    Delta {
        since: Watermark::default(),
        upto: SECOND,
        entities: vec![
            entity(1, "person", "Ana Marić-Horvat"),
            a.entities[1].clone(),
            a.entities[2].clone(),
            a.entities[3].clone(),
            a.entities[4].clone(),
            b.entities[1].clone(),
        ],
        articles: [a.articles, b.articles].concat(),
        claims: [a.claims, b.claims]
            .concat()
            .into_iter()
            .map(in_fact)
            .collect(),
        mentions: [a.mentions, b.mentions].concat(),
        links: [a.links, b.links].concat(),
        facts: Vec::new(),
    }
}

fn stepwise() -> Projection {
    let mut p = Projection::new();
    p.apply(first()).expect("a full delta always applies");
    p.apply(second()).expect("follows the first");
    p
}

#[test]
fn applying_steps_equals_building_at_once() {
    let full = Projection::build(everything());
    let steps = stepwise();
    assert_eq!(steps.watermark(), SECOND);
    assert_eq!(steps.nodes(), full.nodes());
    assert_eq!(steps.edges(), full.edges());
    for format in Format::ALL {
        assert_eq!(render(format, &steps), render(format, &full), "{format:?}");
    }
    // 6 entities, 4 claims, 3 articles
    assert_eq!(full.node_count(), 13);
    // reported_by 2, mentions 7, in_article 4, speaker 4, cites 1, about 4, links 2, and
    // claim 4's corroboration of claim 1, from their fact
    assert_eq!(full.edge_count(), 25);
    let renamed = full.node(NodeKey::Entity(1)).expect("entity 1");
    assert_eq!(renamed.label, "Ana Marić-Horvat");
    assert_eq!(
        full.node(NodeKey::Article(3)).expect("a:3").label,
        "article 3"
    );
}

/// The `corroborates` edges between claims, as (smaller, larger) claim ids.
fn corroborations(p: &Projection) -> Vec<(i64, i64)> {
    p.edges()
        .iter()
        .filter(|e| e.kind == EdgeKind::Corroborates)
        .filter_map(|e| match (e.source, e.target) {
            (NodeKey::Claim(a), NodeKey::Claim(b)) => Some((a.min(b), a.max(b))),
            _ => None,
        })
        .collect()
}

#[test]
fn corroborates_edges_follow_the_claims_facts() {
    let mut p = stepwise();
    // claims 1, 3 and 4 of fact 9: 3 and 4 joined to 1 (1 and 3 also by a stored link)
    assert_eq!(corroborations(&p), [(1, 3), (1, 4)]);
    let derived = p.edges_from(NodeKey::Claim(1));
    assert!(derived
        .iter()
        .any(|e| e.target == NodeKey::Claim(4) && e.score.is_none()));
    // claim 1 leaves the fact: 3 and 4 are joined to each other; the stored link stays
    let third = Delta {
        since: SECOND,
        upto: Watermark { fact: 3, ..SECOND },
        facts: vec![FactChange {
            claim: 1,
            fact: None,
        }],
        ..Delta::default()
    };
    p.apply(third).expect("follows the second");
    assert_eq!(corroborations(&p), [(1, 3), (3, 4)]);
}

#[test]
fn a_delta_out_of_step_is_refused_and_a_full_one_starts_again() {
    let mut p = Projection::new();
    let err = p.apply(second()).expect_err("nothing to follow");
    assert_eq!(err.expected, Watermark::default());
    assert_eq!(err.found, FIRST);
    assert_eq!(p.node_count(), 0);
    p.apply(first()).expect("full");
    p.apply(second()).expect("next");
    // applying the same step twice is out of step too
    assert!(p.apply(second()).is_err());
    // a full delta replaces the lot
    p.apply(first()).expect("full again");
    assert_eq!(p.watermark(), FIRST);
    assert_eq!(p.node_count(), 10);
}

#[test]
fn neighbourhood_grows_with_depth_and_stops_at_the_limit() {
    let p = stepwise();
    let one = p.neighbourhood(NodeKey::Entity(1), 1, 200).expect("known");
    let ids: Vec<String> = one.nodes.iter().map(|n| n.key.public_id()).collect();
    // Ana: speaker of claims 1 and 2, mentioned by article 1
    assert_eq!(ids, ["e:1", "c:1", "c:2", "a:1"]);
    assert!(!one.truncated);
    assert_eq!(one.edges.len(), 5, "{:?}", one.edges);
    assert!(one
        .edges
        .iter()
        .any(|e| e.kind == EdgeKind::InArticle && e.public_id() == "in_article:c:1-a:1"));

    let two = p.neighbourhood(NodeKey::Entity(1), 2, 200).expect("known");
    let ids: Vec<String> = two.nodes.iter().map(|n| n.key.public_id()).collect();
    assert_eq!(
        ids,
        ["e:1", "e:2", "e:3", "e:5", "c:1", "c:2", "c:3", "c:4", "a:1"]
    );
    assert!(!two.truncated);

    let cut = p.neighbourhood(NodeKey::Entity(1), 2, 3).expect("known");
    assert_eq!(cut.nodes.len(), 3);
    assert!(cut.truncated);
    // every edge listed joins two listed nodes
    for e in &cut.edges {
        assert!(cut.nodes.iter().any(|n| n.key == e.source));
        assert!(cut.nodes.iter().any(|n| n.key == e.target));
    }
    assert!(p.neighbourhood(NodeKey::Entity(99), 1, 10).is_none());
}

#[test]
fn shortest_paths_go_through_linked_claims() {
    let p = stepwise();
    let paths = p
        .shortest_paths(NodeKey::Entity(1), NodeKey::Entity(4), 6, 5)
        .expect("both known");
    let routes: Vec<Vec<String>> = paths
        .iter()
        .map(|p| p.nodes.iter().map(|n| n.key.public_id()).collect())
        .collect();
    assert_eq!(
        routes,
        [
            ["e:1", "c:1", "c:3", "e:4"],
            ["e:1", "c:1", "c:4", "e:4"],
            ["e:1", "c:2", "c:4", "e:4"]
        ]
    );
    assert_eq!(paths[0].claims(), [1, 3]);
    let kinds: Vec<EdgeKind> = paths[2].edges.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [EdgeKind::Speaker, EdgeKind::Conflicts, EdgeKind::Speaker]
    );
    // too short a bound finds nothing; one path asked for gives one
    let none = p
        .shortest_paths(NodeKey::Entity(1), NodeKey::Entity(4), 2, 5)
        .expect("known");
    assert!(none.is_empty());
    let one = p
        .shortest_paths(NodeKey::Entity(1), NodeKey::Entity(4), 3, 1)
        .expect("known");
    assert_eq!(one.len(), 1);
    assert!(p
        .shortest_paths(NodeKey::Entity(1), NodeKey::Entity(42), 3, 1)
        .is_none());
}

#[test]
fn related_counts_shared_claims() {
    let p = stepwise();
    let related = |id| -> Vec<(String, usize)> {
        p.related(id, 10)
            .expect("known")
            .into_iter()
            .map(|r| (r.entity.label, r.count))
            .collect()
    };
    assert_eq!(
        related(2),
        [
            ("Ana Marić-Horvat".to_string(), 2),
            ("Ivo <Horvat> & \"Sons\"".to_string(), 1)
        ]
    );
    assert_eq!(
        related(4),
        [("Split".to_string(), 1), ("Hvar".to_string(), 1)]
    );
    assert_eq!(p.related(2, 1).expect("known").len(), 1);
    // an outlet cited is not a speaker or a place: nothing co-occurs with it
    assert!(related(5).is_empty());
}

#[test]
fn graphml_declares_its_keys_and_escapes_text() {
    let xml = graphml(&stepwise());
    for key in [
        r#"<key id="label" for="node" attr.name="label" attr.type="string"/>"#,
        r#"<key id="kind" for="node" attr.name="kind" attr.type="string"/>"#,
        r#"<key id="text" for="node" attr.name="text" attr.type="string"/>"#,
        r#"<key id="lat" for="node" attr.name="lat" attr.type="double"/>"#,
        r#"<key id="fact_id" for="node" attr.name="fact_id" attr.type="long"/>"#,
        r#"<key id="number_normalized" for="node" attr.name="number_normalized" attr.type="double"/>"#,
        r#"<key id="edge_kind" for="edge" attr.name="kind" attr.type="string"/>"#,
        r#"<key id="score" for="edge" attr.name="score" attr.type="double"/>"#,
    ] {
        assert!(xml.contains(key), "{key}");
    }
    // every attribute a node uses is declared
    for used in xml.match_indices("<data key=\"") {
        let rest = &xml[used.0 + 11..];
        let key = &rest[..rest.find('"').expect("closing quote")];
        assert!(
            xml.contains(&format!("<key id=\"{key}\" ")),
            "{key} undeclared"
        );
    }
    assert!(xml.contains("<data key=\"label\">Ivo &lt;Horvat&gt; &amp; &quot;Sons&quot;</data>"));
    assert!(xml.contains(r#"<edge id="conflicts:c:2-c:4" source="c:2" target="c:4">"#));
    assert!(xml.contains(r#"<data key="score">0.75</data>"#));
    assert_eq!(xml.matches("<node ").count(), 13);
    assert_eq!(xml.matches("<edge ").count(), 25);
    assert!(xml.ends_with("</graphml>\n"));
}

/// The `<data>` of one node, as (key, value) in document order.
fn node_data(xml: &str, id: &str) -> Vec<(String, String)> {
    let start = xml
        .find(&format!("<node id=\"{id}\">"))
        .unwrap_or_else(|| panic!("node {id}"));
    let node = &xml[start..start + xml[start..].find("</node>").expect("closed")];
    node.split("<data key=\"")
        .skip(1)
        .map(|d| {
            let (key, rest) = d.split_once("\">").expect("key");
            (
                key.to_string(),
                rest[..rest.find("</data>").expect("end")].to_string(),
            )
        })
        .collect()
}

#[test]
fn graphml_nodes_carry_whole_texts_places_numbers_dates_and_facts() {
    let xml = graphml(&stepwise());
    let claim = node_data(&xml, "c:3");
    let get = |data: &[(String, String)], key: &str| {
        data.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no {key} in {data:?}"))
    };
    // the whole text, escaped, where the label stops at 120 characters
    let text = words(3).replace('&', "&amp;").replace('"', "&quot;");
    assert!(words(3).chars().count() > 120);
    assert_eq!(get(&claim, "text"), text);
    assert!(get(&claim, "label").ends_with('…'));
    assert_eq!(get(&claim, "claim_kind"), "direct");
    assert_eq!(
        (get(&claim, "start"), get(&claim, "end")),
        ("30".into(), "39".into())
    );
    assert_eq!(get(&claim, "cue"), "said");
    assert_eq!(get(&claim, "fact_id"), "9");
    // the article's date and outlet, on the claim too
    assert_eq!(get(&claim, "published_at"), "2026-03-02");
    assert_eq!(get(&claim, "source"), "Outlet 5");
    assert_eq!(
        get(&claim, "numbers"),
        "about 40 person; 2.5 mi2 = 6.47497 km2"
    );
    assert_eq!(get(&claim, "number_value"), "40");
    assert_eq!(get(&claim, "number_unit"), "person");
    assert!(!claim.iter().any(|(k, _)| k == "number_normalized"));
    assert!(!node_data(&xml, "c:2").iter().any(|(k, _)| k == "fact_id"));

    let split = node_data(&xml, "e:2");
    assert_eq!(get(&split, "lat"), "43.50891");
    assert_eq!(get(&split, "lon"), "16.43915");
    assert_eq!(get(&split, "place_type"), "city");
    assert_eq!(get(&split, "country"), "HR");
    assert_eq!(get(&split, "geonames_id"), "3190002");
    assert_eq!(
        node_data(&xml, "e:1"),
        [
            ("label".to_string(), "Ana Marić-Horvat".to_string()),
            ("kind".to_string(), "person".to_string())
        ]
    );
    let article = node_data(&xml, "a:1");
    assert_eq!(get(&article, "url"), "https://example.org/1");
    assert_eq!(get(&article, "source"), "Outlet 3");
}

const RDF_TYPE: &str = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

#[test]
fn ntriples_have_stable_iris_and_typed_escaped_literals() {
    let nt = ntriples(&stepwise());
    for line in [
        "<urn:claimgraph:entity:4> <http://www.w3.org/2000/01/rdf-schema#label> \"Ivo <Horvat> & \\\"Sons\\\"\" .".to_string(),
        format!("<urn:claimgraph:entity:1> {RDF_TYPE} <urn:claimgraph:vocab#Person> ."),
        "<urn:claimgraph:article:1> <urn:claimgraph:vocab#reportedBy> <urn:claimgraph:entity:3> .".into(),
        "<urn:claimgraph:claim:1> <urn:claimgraph:vocab#corroborates> <urn:claimgraph:claim:3> .".into(),
        // the whole text, escaped
        format!(
            "<urn:claimgraph:claim:3> <urn:claimgraph:vocab#text> \"{}\" .",
            words(3).replace('"', "\\\"").replace('\n', "\\n")
        ),
        format!("<urn:claimgraph:claim:3> <urn:claimgraph:vocab#start> \"30\"^^<{XSD}integer> ."),
        "<urn:claimgraph:claim:3> <urn:claimgraph:vocab#fact> <urn:claimgraph:fact:9> .".into(),
        "<urn:claimgraph:claim:3> <urn:claimgraph:vocab#number> <urn:claimgraph:number:2> .".into(),
        format!("<urn:claimgraph:number:2> {RDF_TYPE} <urn:claimgraph:vocab#Number> ."),
        format!("<urn:claimgraph:number:2> <urn:claimgraph:vocab#normalizedValue> \"6.47497\"^^<{XSD}double> ."),
        "<urn:claimgraph:number:2> <urn:claimgraph:vocab#normalizedUnit> \"km2\" .".into(),
        format!("<urn:claimgraph:entity:2> <http://www.w3.org/2003/01/geo/wgs84_pos#lat> \"43.50891\"^^<{XSD}double> ."),
        "<urn:claimgraph:entity:2> <urn:claimgraph:vocab#geonames> <https://sws.geonames.org/3190002/> .".into(),
        format!("<urn:claimgraph:article:2> <urn:claimgraph:vocab#publishedAt> \"2026-03-02\"^^<{XSD}date> ."),
    ] {
        assert!(nt.contains(&format!("{line}\n")), "{line}");
    }
    // one type per node and per number, every line a full triple, none twice
    assert_eq!(nt.matches(RDF_TYPE).count(), 13 + 2);
    assert!(nt.lines().all(|l| l.starts_with('<') && l.ends_with(" .")));
    let distinct: BTreeSet<&str> = nt.lines().collect();
    assert_eq!(distinct.len(), nt.lines().count());
}

/// (subject, predicate, object) of an N-Triples line, each as written.
fn triple(line: &str) -> (String, String, String) {
    let line = line.strip_suffix(" .").expect("a full triple");
    let mut parts = line.splitn(3, ' ');
    let mut next = || parts.next().expect("three terms").to_string();
    (next(), next(), next())
}

/// The inside of an N-Triples literal (what this test's data needs).
fn escaped(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The triples a JSON-LD document of the export's shape expands to, by the JSON-LD 1.1
/// rules it uses: `@vocab`, terms with an IRI or a type (`@id` or `xsd:…`), native
/// integers, value objects and nested node objects; each term as N-Triples writes it.
struct Expander<'a> {
    context: &'a serde_json::Map<String, serde_json::Value>,
    triples: BTreeSet<(String, String, String)>,
}

impl Expander<'_> {
    fn str(&self, key: &str) -> &str {
        self.context[key].as_str().expect(key)
    }

    fn term_iri(&self, term: &str) -> String {
        match self.context.get(term) {
            Some(serde_json::Value::String(iri)) => iri.clone(),
            Some(def) if def.get("@id").is_some() => def["@id"].as_str().expect("@id").into(),
            _ => format!("{}{term}", self.str("@vocab")),
        }
    }

    fn datatype(&self, t: &str) -> String {
        let local = t.strip_prefix("xsd:").expect("an xsd type");
        format!("{}{local}", self.str("xsd"))
    }

    fn node(&mut self, o: &serde_json::Value) -> String {
        let s = format!("<{}>", o["@id"].as_str().expect("@id"));
        for (key, value) in o.as_object().expect("node object") {
            if key == "@id" {
                continue;
            }
            if key == "@type" {
                let class = format!("<{}{}>", self.str("@vocab"), value.as_str().expect("type"));
                self.triples.insert((s.clone(), RDF_TYPE.into(), class));
                continue;
            }
            let p = format!("<{}>", self.term_iri(key));
            let coerce = self
                .context
                .get(key)
                .and_then(|d| d.get("@type"))
                .and_then(|t| t.as_str());
            let items = value
                .as_array()
                .cloned()
                .unwrap_or_else(|| vec![value.clone()]);
            for item in &items {
                let object = match item {
                    serde_json::Value::Object(v) if v.contains_key("@value") => format!(
                        "\"{}\"^^<{}>",
                        escaped(v["@value"].as_str().expect("@value")),
                        self.datatype(v["@type"].as_str().expect("@type"))
                    ),
                    serde_json::Value::Object(_) => self.node(item),
                    serde_json::Value::String(iri) if coerce == Some("@id") => format!("<{iri}>"),
                    serde_json::Value::String(lex) => match coerce {
                        Some(t) => format!("\"{}\"^^<{}>", escaped(lex), self.datatype(t)),
                        None => format!("\"{}\"", escaped(lex)),
                    },
                    serde_json::Value::Number(n) if n.is_i64() => {
                        format!("\"{n}\"^^<{XSD}integer>")
                    }
                    other => panic!("{key}: unexpected {other}"),
                };
                self.triples.insert((s.clone(), p.clone(), object));
            }
        }
        s
    }
}

#[test]
fn jsonld_expands_to_the_ntriples_triples() {
    let p = stepwise();
    let text = jsonld(&p);
    // one node object per line after the context, so a reader can stream it too
    assert_eq!(text.lines().count(), 2 + 13 + 1);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let context = doc["@context"].as_object().expect("@context");
    assert_eq!(context["@vocab"], "urn:claimgraph:vocab#");
    let mut ex = Expander {
        context,
        triples: BTreeSet::new(),
    };
    let nodes = doc["@graph"].as_array().expect("@graph");
    assert_eq!(nodes.len(), 13);
    for node in nodes {
        ex.node(node);
    }
    let nt: BTreeSet<_> = ntriples(&p).lines().map(triple).collect();
    assert_eq!(ex.triples, nt);
}
