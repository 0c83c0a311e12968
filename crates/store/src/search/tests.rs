//! The query language, table by table: what each input renders to, or why it is refused;
//! and, on a real store, that no input makes SQLite fail.

use std::collections::HashMap;

use super::expand::{name_keys, vocabulary_form, Expander};
use super::render::render;
use crate::test_articles::{article, Said};
use crate::StorageError;
use crate::{Store, StoreError};
use claimgraph_graph::search::{
    parse, SearchError, MAX_DEPTH, MAX_PREFIXES, MAX_WORDS, MIN_PREFIX_CHARS,
};

/// What the lookups of a small invented store would find.
fn expander() -> Expander {
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let prefixes = HashMap::from([
        ("evacuat".to_string(), words(&["evacuated", "evacuation"])),
        ("ferr".to_string(), words(&["ferry"])),
    ]);
    let names = HashMap::from([
        (
            "kyjiv".to_string(),
            vec![words(&["Kyiv"]), words(&["Kiev"])],
        ),
        (
            "andrii kovaltchuk".to_string(),
            vec![words(&["Andriy", "Kovalchuk"]), words(&["Kovalchuk"])],
        ),
        (
            "bilhorod dnistrovskyi".to_string(),
            vec![words(&["Akkerman"])],
        ),
    ]);
    Expander { prefixes, names }
}

fn rendered(q: &str) -> Result<String, SearchError> {
    Ok(render(&expander().expr(&parse(q)?)))
}

#[test]
fn queries_render_as_quoted_fts5_expressions() {
    let cases = [
        ("evacuation", r#""evacuation""#),
        ("  STRIKE  ", r#""STRIKE""#),
        // punctuation inside a word makes a phrase of its parts, never FTS5 syntax
        ("counter-offensive", r#""counter offensive""#),
        ("covid-19 - vaccine", r#"("covid 19" AND "vaccine")"#),
        ("U.S.", r#""U S""#),
        ("Marić", r#""Marić""#),
        ("Reuters:", r#""Reuters""#),
        ("text:pay", r#""pay""#),
        ("10:30", r#""10 30""#),
        ("^strike +port", r#"("strike" AND "port")"#),
        // operators only in upper case
        ("and or not", r#"("and" AND "or" AND "not")"#),
        ("near", r#""near""#),
        ("harvest OR pay", r#"("harvest" OR "pay")"#),
        (r#""fair pay""#, r#""fair pay""#),
        (r#""say ""no""""#, r#""say no""#),
        // binding as in FTS5: side by side, NOT, AND, OR
        (
            "strike NOT rail union",
            r#"("strike" NOT ("rail" AND "union"))"#,
        ),
        (
            "strike NOT rail AND union",
            r#"(("strike" NOT "rail") AND "union")"#,
        ),
        ("a OR b AND c", r#"("a" OR ("b" AND "c"))"#),
        ("a NOT b NOT c", r#"(("a" NOT "b") NOT "c")"#),
        // groups side by side with words, which FTS5 itself refuses
        (
            "strike (rail OR port)",
            r#"("strike" AND ("rail" OR "port"))"#,
        ),
        ("((strike))", r#""strike""#),
        (
            r#"NEAR(strike "rail union", 5)"#,
            r#"NEAR("strike" "rail union", 5)"#,
        ),
        ("NEAR(strike port)", r#"NEAR("strike" "port")"#),
        // a prefix is the whole words that start with it
        ("evacuat*", r#"("evacuated" OR "evacuation")"#),
        ("EVACUAT**", r#"("evacuated" OR "evacuation")"#),
        (
            r#""mass evacuat"*"#,
            r#"("mass evacuated" OR "mass evacuation")"#,
        ),
        ("night-ferr*", r#""night ferry""#),
        // no word starts with it: the empty phrase, which matches nothing
        ("zzqx*", r#""""#),
        ("port OR zzqx*", r#"("port" OR "")"#),
        // a name also matches its entity's other spellings
        ("Kyjiv", r#"("Kyjiv" OR "Kyiv" OR "Kiev")"#),
        (
            "mayor Andrii Kovaltchuk said",
            r#"("mayor" AND (("Andrii" AND "Kovaltchuk") OR "Andriy Kovalchuk" OR "Kovalchuk") AND "said")"#,
        ),
        (
            "Bilhorod-Dnistrovskyi",
            r#"("Bilhorod Dnistrovskyi" OR "Akkerman")"#,
        ),
        (
            "port NOT kyjiv",
            r#"("port" NOT ("kyjiv" OR "Kyiv" OR "Kiev"))"#,
        ),
        // not inside NEAR, and not split out of a phrase
        ("NEAR(kyjiv port)", r#"NEAR("kyjiv" "port")"#),
        (r#""Kyjiv port""#, r#""Kyjiv port""#),
    ];
    for (q, want) in cases {
        assert_eq!(rendered(q).as_deref(), Ok(want), "{q}");
    }
}

#[test]
fn unreadable_or_costly_queries_are_refused_in_our_words() {
    use SearchError::*;
    let many = |word: &str, n: usize| vec![word; n].join(" ");
    let deep = format!(
        "{}strike{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    let cases = [
        ("", Empty),
        ("  - &  ", Empty),
        (r#""""#, Empty),
        (r#""unbalanced"#, UnclosedQuote { at: 1 }),
        (r#"pay "fair"#, UnclosedQuote { at: 5 }),
        ("AND", MissingLeft { op: "AND", at: 1 }),
        ("NOT rail", MissingLeft { op: "NOT", at: 1 }),
        ("pay OR", MissingRight { op: "OR", at: 5 }),
        ("pay AND OR rail", MissingRight { op: "AND", at: 5 }),
        ("pay NOT )", MissingRight { op: "NOT", at: 5 }),
        ("(rail", UnclosedParen { at: 1 }),
        ("rail)", UnopenedParen { at: 5 }),
        ("( - )", EmptyParens { at: 1 }),
        (
            "nosuchcolumn:pay",
            UnknownColumn {
                column: "nosuchcolumn".into(),
            },
        ),
        ("*", ShortPrefix { word: "*".into() }),
        ("ev*", ShortPrefix { word: "ev*".into() }),
        (
            r#""mass e"*"#,
            ShortPrefix {
                word: "mass e".into(),
            },
        ),
        (
            "counter-o*",
            ShortPrefix {
                word: "counter-o*".into(),
            },
        ),
        (
            "ev*ac",
            MisplacedStar {
                word: "ev*ac".into(),
            },
        ),
        (&many("a*", 100), ShortPrefix { word: "a*".into() }),
        (
            &many("abc*", MAX_PREFIXES + 1),
            TooManyPrefixes {
                count: MAX_PREFIXES + 1,
            },
        ),
        (&many("pay", MAX_WORDS + 1), TooManyWords),
        (&format!("\"{}\"", many("pay", MAX_WORDS + 1)), TooManyWords),
        (&deep, TooDeep),
        (
            "NEAR(rail port*, 3)",
            BadNear {
                at: 1,
                problem: "a prefix* cannot be inside NEAR(…)",
            },
        ),
        (
            "NEAR()",
            BadNear {
                at: 1,
                problem: "it needs at least one word",
            },
        ),
        (
            "NEAR((a))",
            BadNear {
                at: 1,
                problem: "it takes no parentheses inside",
            },
        ),
        (
            "NEAR(a b, 500)",
            BadNear {
                at: 1,
                problem: "the distance is at most 100 words",
            },
        ),
        (
            "NEAR(a b, x)",
            BadNear {
                at: 1,
                problem: "the comma is followed by the distance in words and `)`",
            },
        ),
        ("NEAR(a b", UnclosedParen { at: 5 }),
    ];
    for (q, want) in cases {
        assert_eq!(rendered(q), Err(want), "{q}");
    }
    // the limits at their edge still parse
    assert!(rendered(&many("abc*", MAX_PREFIXES)).is_ok());
    assert!(rendered(&many("pay", MAX_WORDS)).is_ok());
    let nested = format!("{}strike{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert!(rendered(&nested).is_ok());
}

#[test]
fn messages_name_the_limit_they_enforce() {
    let words = SearchError::TooManyWords.to_string();
    assert!(words.contains(&MAX_WORDS.to_string()), "{words}");
    let prefixes = SearchError::TooManyPrefixes { count: 9 }.to_string();
    assert!(prefixes.contains(&MAX_PREFIXES.to_string()), "{prefixes}");
    let short = SearchError::ShortPrefix { word: "a*".into() }.to_string();
    assert!(short.contains(&MIN_PREFIX_CHARS.to_string()), "{short}");
}

#[test]
fn prefixes_are_looked_up_in_the_form_the_vocabulary_stores() {
    assert_eq!(vocabulary_form("EVACUAT"), "evacuat");
    assert_eq!(vocabulary_form("Marić"), "maric");
    // a decomposed accent is dropped with its letter's
    assert_eq!(
        vocabulary_form("Mari\u{0107}"),
        vocabulary_form("Maric\u{0301}")
    );
    assert_eq!(vocabulary_form("İzmir"), "izmir");
    // unicode61 keeps these: ø and ł are letters, and Greek keeps its accents
    assert_eq!(vocabulary_form("Ørsted"), "ørsted");
    assert_eq!(vocabulary_form("Łódź"), "łodz");
    assert_eq!(vocabulary_form("Αθήνα"), "αθήνα");
}

#[test]
fn names_are_looked_for_in_runs_of_bare_words_and_in_phrases() {
    let keys = name_keys(
        &parse(r#"mayor Andrii Kovaltchuk OR "Kyjiv port" NOT ev NEAR(odesa x)"#).expect("parses"),
    );
    for key in [
        "mayor andrii kovaltchuk",
        "andrii kovaltchuk",
        "kovaltchuk",
        "kyjiv port",
    ] {
        assert!(keys.contains(&key.to_string()), "{key}: {keys:?}");
    }
    // too short to be a name, and nothing inside NEAR
    assert!(
        !keys.iter().any(|k| k == "ev" || k.contains("odesa")),
        "{keys:?}"
    );
}

async fn store_with_claims() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("search.db"))
        .await
        .expect("open");
    let text = "Ferries resume\nThe harbour master said the night ferries would sail again on \
        Friday. \"We evacuated the quay twice,\" the harbour master told reporters. Officials \
        said the evacuation of the quay had ended.";
    let said = |words| Said {
        words,
        speaker: None,
        places: &[],
        numbers: &[],
    };
    let article = article(
        text,
        None,
        &[
            said("the night ferries would sail again on Friday"),
            said("We evacuated the quay twice,"),
            said("the evacuation of the quay had ended"),
        ],
    );
    store.insert(&article).await.expect("insert");
    (store, dir)
}

#[tokio::test]
async fn a_prefix_stands_for_the_whole_words_of_claims_most_frequent_first() {
    let (store, _dir) = store_with_claims().await;
    let expr = store.fts_expression("evacuat*").await.expect("reads");
    assert!(
        expr.contains(r#""evacuated""#) && expr.contains(r#""evacuation""#),
        "{expr}"
    );
    // "the" is in more claims than "there" or anything else starting "the"
    let expr = store.fts_expression("the*").await.expect("reads");
    assert!(
        expr.trim_start_matches('(').starts_with(r#""the""#),
        "{expr}"
    );
    assert_eq!(store.fts_expression("zzqx*").await.expect("reads"), r#""""#);
}

/// A small generator of hostile queries: the same sequence every run.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn query(&mut self) -> String {
        const PIECES: [&str; 24] = [
            "\"", "(", ")", "*", ":", "-", "^", "+", ",", " ", "NEAR", "NEAR(", "AND", "OR", "NOT",
            "text:", "col:", "quay", "evacuat", "ferr", "é", "\u{301}", "5", "''",
        ];
        let n = 1 + self.next() % 12;
        (0..n)
            .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
            .collect()
    }
}

#[tokio::test]
async fn no_query_makes_sqlite_fail() {
    let (store, _dir) = store_with_claims().await;
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    let mut ran = 0;
    for _ in 0..3000 {
        let q = noise.query();
        let expr = match store.fts_expression(&q).await {
            Ok(expr) => {
                ran += 1;
                expr
            }
            Err(StoreError::Storage(StorageError::InvalidSearch(_))) => continue,
            Err(e) => panic!("{q:?}: {e}"),
        };
        let matched = expr.clone();
        let run: Result<i64, StoreError> = store
            .read_with(move |conn| {
                Ok(conn.query_row(
                    "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
                    [matched],
                    |r| r.get(0),
                )?)
            })
            .await;
        assert!(run.is_ok(), "{q:?} → {expr}: {run:?}");
    }
    // the noise reads as a query often enough to test the renderer
    assert!(ran > 500, "{ran}");
}
