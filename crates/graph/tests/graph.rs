//! The projection built from rows in steps equals the one built at once, and its queries
//! and exports give the values worked out by hand on a small invented corpus.

use claimgraph_graph::{
    graphml, jsonld, ntriples, ArticleRow, ClaimRow, Delta, EdgeKind, EntityRow, LinkRow,
    MentionRow, NodeKey, Projection, Watermark,
};

fn entity(id: i64, kind: &str, name: &str) -> EntityRow {
    EntityRow {
        id,
        kind: kind.into(),
        name: name.into(),
    }
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
        text: format!("claim number {id} says something"),
        speaker,
        via,
        places: places.to_vec(),
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
};
const SECOND: Watermark = Watermark {
    article: 3,
    entity: 6,
    link: 2,
    epoch: 0,
    rename: 1,
};

/// Articles 1 and 2 with the first link.
fn first() -> Delta {
    Delta {
        since: Watermark::default(),
        upto: FIRST,
        entities: vec![
            entity(1, "person", "Ana Marić"),
            entity(2, "place", "Split"),
            entity(3, "outlet", "Dalmatian Times"),
            entity(4, "person", "Ivo <Horvat> & \"Sons\""),
            entity(5, "outlet", "Adriatic Wire"),
        ],
        articles: vec![
            ArticleRow {
                id: 1,
                title: Some("Cranes idle in the port".into()),
                outlet: Some(3),
            },
            ArticleRow {
                id: 2,
                title: Some("Strike spreads".into()),
                outlet: Some(5),
            },
        ],
        claims: vec![
            claim(1, 1, Some(1), None, &[2]),
            claim(2, 1, Some(1), Some(5), &[2]),
            claim(3, 2, Some(4), None, &[2]),
        ],
        mentions: [mentions(1, &[1, 2, 3]), mentions(2, &[4, 2])].concat(),
        links: vec![link(1, 1, 3, EdgeKind::Corroborates)],
    }
}

/// Article 3, the second link, and entity 1 renamed.
fn second() -> Delta {
    Delta {
        since: FIRST,
        upto: SECOND,
        entities: vec![
            entity(1, "person", "Ana Marić-Horvat"),
            entity(6, "place", "Hvar"),
        ],
        articles: vec![ArticleRow {
            id: 3,
            title: None,
            outlet: None,
        }],
        claims: vec![claim(4, 3, Some(4), None, &[6])],
        mentions: mentions(3, &[4, 6]),
        links: vec![link(2, 2, 4, EdgeKind::Conflicts)],
    }
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
        claims: [a.claims, b.claims].concat(),
        mentions: [a.mentions, b.mentions].concat(),
        links: [a.links, b.links].concat(),
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
    assert_eq!(graphml(&steps), graphml(&full));
    assert_eq!(ntriples(&steps), ntriples(&full));
    // 6 entities, 4 claims, 3 articles
    assert_eq!(full.node_count(), 13);
    // reported_by 2, mentions 7, in_article 4, speaker 4, cites 1, about 4, links 2
    assert_eq!(full.edge_count(), 24);
    let renamed = full.node(NodeKey::Entity(1)).expect("entity 1");
    assert_eq!(renamed.label, "Ana Marić-Horvat");
    assert_eq!(
        full.node(NodeKey::Article(3)).expect("a:3").label,
        "article 3"
    );
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
        [["e:1", "c:1", "c:3", "e:4"], ["e:1", "c:2", "c:4", "e:4"]]
    );
    assert_eq!(paths[0].claims(), [1, 3]);
    let kinds: Vec<EdgeKind> = paths[1].edges.iter().map(|e| e.kind).collect();
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
        r#"<key id="edge_kind" for="edge" attr.name="kind" attr.type="string"/>"#,
        r#"<key id="score" for="edge" attr.name="score" attr.type="double"/>"#,
    ] {
        assert!(xml.contains(key), "{key}");
    }
    assert!(xml.contains("<data key=\"label\">Ivo &lt;Horvat&gt; &amp; &quot;Sons&quot;</data>"));
    assert!(xml.contains(r#"<edge id="conflicts:c:2-c:4" source="c:2" target="c:4">"#));
    assert!(xml.contains(r#"<data key="score">0.75</data>"#));
    assert_eq!(xml.matches("<node ").count(), 13);
    assert_eq!(xml.matches("<edge ").count(), 24);
    assert!(xml.ends_with("</graphml>\n"));
}

#[test]
fn ntriples_have_stable_iris_and_escaped_literals() {
    let nt = ntriples(&stepwise());
    assert!(nt.contains(
        "<urn:claimgraph:entity:4> <http://www.w3.org/2000/01/rdf-schema#label> \"Ivo <Horvat> & \\\"Sons\\\"\" .\n"
    ));
    assert!(nt.contains(
        "<urn:claimgraph:entity:1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:claimgraph:vocab#Person> .\n"
    ));
    assert!(nt.contains(
        "<urn:claimgraph:article:1> <urn:claimgraph:vocab#reportedBy> <urn:claimgraph:entity:3> .\n"
    ));
    assert!(nt.contains(
        "<urn:claimgraph:claim:1> <urn:claimgraph:vocab#corroborates> <urn:claimgraph:claim:3> .\n"
    ));
    // two triples per node, one per edge, every line a full triple
    assert_eq!(nt.lines().count(), 2 * 13 + 24);
    assert!(nt.lines().all(|l| l.starts_with('<') && l.ends_with(" .")));
}

/// (subject, predicate, object) of an N-Triples line; a literal object keeps its quotes.
fn triple(line: &str) -> (String, String, String) {
    let line = line.trim_end_matches(" .");
    let (s, rest) = line.split_once(' ').unwrap_or_default();
    let (p, o) = rest.split_once(' ').unwrap_or_default();
    let iri = |t: &str| t.trim_start_matches('<').trim_end_matches('>').to_string();
    let object = if o.starts_with('"') {
        o.replace("\\\"", "\"").replace("\\\\", "\\")
    } else {
        iri(o)
    };
    (iri(s), iri(p), object)
}

#[test]
fn jsonld_expands_to_the_ntriples_triples() {
    let p = stepwise();
    let doc: serde_json::Value = serde_json::from_str(&jsonld(&p)).expect("JSON");
    let context = &doc["@context"];
    let vocab = context["@vocab"].as_str().expect("@vocab");
    assert_eq!(vocab, "urn:claimgraph:vocab#");
    let label = context["label"].as_str().expect("label term");
    let mut expanded = std::collections::BTreeSet::new();
    for node in doc["@graph"].as_array().expect("@graph") {
        let node = node.as_object().expect("node object");
        let s = node["@id"].as_str().expect("@id").to_string();
        for (key, value) in node {
            match key.as_str() {
                "@id" => true,
                "@type" => expanded.insert((
                    s.clone(),
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type".into(),
                    format!("{vocab}{}", value.as_str().expect("type")),
                )),
                "label" => expanded.insert((
                    s.clone(),
                    label.to_string(),
                    format!("\"{}\"", value.as_str().expect("label")),
                )),
                property => {
                    assert_eq!(context[property]["@type"], "@id", "{property}");
                    for target in value.as_array().expect("targets") {
                        expanded.insert((
                            s.clone(),
                            format!("{vocab}{property}"),
                            target.as_str().expect("IRI").to_string(),
                        ));
                    }
                    true
                }
            };
        }
    }
    let nt: std::collections::BTreeSet<_> = ntriples(&p).lines().map(triple).collect();
    assert_eq!(nt.len(), 2 * 13 + 24);
    assert_eq!(expanded, nt);
}
