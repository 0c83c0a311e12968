//! The query language, table by table: what each input expands to, or why it is refused;
//! what each phrase becomes as a `tsquery`; and, on a real store, which claims queries
//! find, in which order, and that no input makes PostgreSQL fail.

use std::collections::HashMap;

use super::expand::{idf, name_keys, Expander};
use super::render::{Column, Cond, Expr, Normalised, Search};
use crate::query_builder::QueryBuilder;
use crate::test_articles::{article, Said};
use crate::testing::TestDb;
use crate::{ClaimFilter, ClaimSort, Cursor, Page, PgError, PgStore, StorageError};
use crate::{ClaimRecord, Id};
use claimgraph_graph::search::{
    parse, SearchError, MAX_DEPTH, MAX_PREFIXES, MAX_WORDS, MIN_PREFIX_CHARS,
};

/// What the name lookups of a small invented store would find.
fn expander() -> Expander {
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
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
    Expander { names }
}

/// An expression written as the SQLite store's FTS5 renderer writes it (a prefix as
/// `"…"*`), to read the tables below side by side with the SQLite store's.
fn describe(expr: &Expr) -> String {
    let quoted = |words: &[String]| format!("\"{}\"", words.join(" "));
    let joined = |parts: &[Expr], op: &str| {
        let parts: Vec<String> = parts.iter().map(describe).collect();
        format!("({})", parts.join(op))
    };
    match expr {
        Expr::Phrase(words) => quoted(words),
        Expr::Prefix(words) => format!("{}*", quoted(words)),
        Expr::Any(parts) if parts.is_empty() => "\"\"".into(),
        Expr::All(parts) | Expr::Any(parts) if parts.len() == 1 => describe(&parts[0]),
        Expr::All(parts) => joined(parts, " AND "),
        Expr::Any(parts) => joined(parts, " OR "),
        Expr::Without(keep, drop) => format!("({} NOT {})", describe(keep), describe(drop)),
        Expr::Near(phrases, distance) => {
            let phrases: Vec<String> = phrases.iter().map(|p| quoted(p)).collect();
            let distance = distance.map(|d| format!(", {d}")).unwrap_or_default();
            format!("NEAR({}{distance})", phrases.join(" "))
        }
    }
}

fn rendered(q: &str) -> Result<String, SearchError> {
    Ok(describe(&expander().expr(&parse(q)?)))
}

#[test]
fn queries_expand_into_quoted_phrases_prefixes_and_names() {
    let cases = [
        ("evacuation", r#""evacuation""#),
        ("  STRIKE  ", r#""STRIKE""#),
        // punctuation inside a word makes a phrase of its parts, never query syntax
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
        // groups side by side with words
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
        // a prefix stays a prefix: PostgreSQL reads its words from the index
        ("evacuat*", r#""evacuat"*"#),
        ("EVACUAT**", r#""EVACUAT"*"#),
        (r#""mass evacuat"*"#, r#""mass evacuat"*"#),
        ("night-ferr*", r#""night ferr"*"#),
        ("port OR zzqx*", r#"("port" OR "zzqx"*)"#),
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

/// Lexemes at their positions.
type Lexemes<'a> = &'a [(i32, &'a str)];

/// Phrase texts normalised as PostgreSQL would: (text, english, simple).
fn normalised(entries: &[(&str, Lexemes, Lexemes)]) -> Normalised {
    let lexemes = |l: &[(i32, &str)]| l.iter().map(|(p, w)| (*p, w.to_string())).collect();
    let mut out = Normalised::default();
    for (text, english, simple) in entries {
        out.english.insert(text.to_string(), lexemes(english));
        out.simple.insert(text.to_string(), lexemes(simple));
    }
    out
}

/// Each leaf of `search` as `column: tsquery`.
fn leaves(search: &Search) -> Vec<String> {
    search
        .leaves
        .iter()
        .map(|l| format!("{}: {}", l.column.name(), l.tsquery()))
        .collect()
}

#[test]
fn phrases_become_quoted_tsquery_leaves_on_the_column_that_can_find_them() {
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let norm = normalised(&[
        ("rats of the city", &[(1, "rat"), (4, "citi")], &[]),
        ("the", &[], &[(1, "the")]),
        ("it's", &[], &[(1, "it's")]),
        ("a\\b", &[(1, "a\\b")], &[]),
        ("mass evacuat", &[], &[(1, "mass"), (2, "evacuat")]),
        ("", &[], &[]),
    ]);
    let expr = Expr::All(vec![
        Expr::Phrase(words(&["rats", "of", "the", "city"])),
        // stop words only: as written, where FTS5 finds them too
        Expr::Phrase(words(&["the"])),
        Expr::Without(
            Box::new(Expr::Phrase(words(&["it's"]))),
            Box::new(Expr::Phrase(words(&["a\\b"]))),
        ),
        Expr::Prefix(words(&["mass", "evacuat"])),
        // nothing to search for: matches nothing
        Expr::Phrase(Vec::new()),
        Expr::Any(Vec::new()),
    ]);
    let search = Search::build(&expr, &norm);
    assert_eq!(
        leaves(&search),
        [
            "search_stems: 'rat' <3> 'citi'",
            "search_words: 'the'",
            "search_words: 'it''s'",
            "search_stems: 'a\\\\b'",
            "search_words: 'mass' <-> 'evacuat':*",
        ]
    );
    assert_eq!(
        search.cond,
        Cond::All(vec![
            Cond::Leaf(0),
            Cond::Leaf(1),
            Cond::Without(Box::new(Cond::Leaf(2)), Box::new(Cond::Leaf(3))),
            Cond::Leaf(4),
            Cond::Nothing,
            Cond::Nothing,
        ])
    );
    // leaves on one column make one tsquery; on both, SQL joins them
    let one = Cond::Any(vec![Cond::Leaf(1), Cond::Leaf(4)]);
    assert_eq!(
        search.tsquery(&one, true),
        Some((
            Column::Words,
            "('the') | ('mass' <-> 'evacuat':*)".to_string()
        ))
    );
    assert_eq!(search.tsquery(&search.cond, true), None);
    let mut q = QueryBuilder::new("");
    search.push_hits(&mut q, true);
    assert!(q.sql().contains("c.search_stems @@ $"), "{}", q.sql());
    assert!(q.sql().contains("FALSE"), "{}", q.sql());
    // no user text in the statement itself
    assert!(!q.sql().contains("citi") && !q.sql().contains("it's"));
}

#[test]
fn near_groups_check_positions_and_an_empty_phrase_empties_them() {
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let norm = normalised(&[
        ("strike", &[(1, "strike")], &[(1, "strike")]),
        ("rail union", &[(1, "rail"), (2, "union")], &[]),
        ("the", &[], &[(1, "the")]),
    ]);
    let near = |phrases: &[&[&str]], d| {
        let phrases = phrases.iter().map(|p| words(p)).collect();
        Search::build(&Expr::Near(phrases, d), &norm)
    };
    let two = near(&[&["strike"], &["rail", "union"]], Some(5));
    assert_eq!(two.cond, Cond::Near(vec![0, 1], 5));
    let mut q = QueryBuilder::new("");
    two.push_hits(&mut q, false);
    // the index finds claims with both phrases; their positions then decide
    assert!(q.sql().contains("unnest(st.s0) p"), "{}", q.sql());
    assert!(q.sql().contains("p + 7"), "{}", q.sql());
    assert_eq!(near(&[&["strike"]], None).cond, Cond::Leaf(0));
    assert_eq!(near(&[&["strike"], &[]], None).cond, Cond::Nothing);
    assert_eq!(
        near(&[&["strike"], &["the"]], None).cond,
        Cond::Near(vec![0, 1], 10)
    );
}

#[test]
fn phrases_are_weighed_as_fts5_weighs_them() {
    assert_eq!(idf(10, 1), (9.5f64 / 1.5).ln());
    // a phrase in most claims still counts a little
    assert_eq!(idf(10, 9), 1e-6);
    assert_eq!(idf(10, 5), 1e-6);
    assert_eq!(idf(0, 0), 1e-6);
}

/// Runs `work` to its end on a runtime of its own: the test database and store are made
/// and dropped outside it (their synchronous clients may not block a runtime's thread).
fn block_on<F: std::future::Future>(work: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(work)
}

/// A store holding one article with three claims (ids in this order) and the place
/// "Kiev", also spelt "Kyiv", named in a fourth.
async fn store_with_claims(db: &TestDb) -> (PgStore, Vec<Id>) {
    let store = PgStore::open_config(db.config().clone())
        .await
        .expect("open");
    let text = "Ferries resume\nThe harbour master said the night ferries would sail again on \
        Friday. \"We evacuated the quay twice,\" the harbour master told reporters. Officials \
        said the evacuation of the quay had ended. Trains to Kiev ran late.";
    let said = |words, places| Said {
        words,
        speaker: None,
        places,
        numbers: &[],
    };
    let article = article(
        text,
        None,
        &[
            said("the night ferries would sail again on Friday", &[]),
            said("We evacuated the quay twice,", &[]),
            said("the evacuation of the quay had ended", &[]),
            said("Trains to Kiev ran late", &[("Kiev", None)]),
        ],
    );
    store.insert(&article).await.expect("insert");
    store
        .write_rows(|client| {
            client.batch_execute(
                "INSERT INTO aliases (entity_id, alias, key)
                 SELECT id, 'Kyiv', 'kyiv' FROM entities WHERE name = 'Kiev'",
            )?;
            Ok(())
        })
        .await
        .expect("alias");
    let page = store
        .list_claims(&ClaimFilter::default(), 10, None)
        .await
        .expect("claims");
    let ids = page.items.iter().map(|c| c.id).collect();
    (store, ids)
}

async fn search(
    store: &PgStore,
    q: &str,
    sort: ClaimSort,
    limit: i64,
    cursor: Option<Cursor>,
) -> Result<Page<ClaimRecord>, PgError> {
    let filter = ClaimFilter {
        text: Some(q.to_string()),
        ..Default::default()
    };
    store.list_claims_sorted(&filter, sort, limit, cursor).await
}

/// The positions (0-based, in stored order) of the claims `q` finds, in `sort` order.
async fn found(store: &PgStore, ids: &[Id], q: &str, sort: ClaimSort) -> Vec<usize> {
    let page = search(store, q, sort, 50, None)
        .await
        .unwrap_or_else(|e| panic!("{q}: {e:?}"));
    page.items
        .iter()
        .map(|c| {
            ids.iter()
                .position(|id| *id == c.id)
                .expect("a stored claim")
        })
        .collect()
}

#[test]
fn words_prefixes_phrases_and_names_find_the_claims_fts5_finds() {
    let Some(db) = TestDb::create("search_finds") else {
        return;
    };
    let (store, ids) = block_on(store_with_claims(&db));
    assert_eq!(ids.len(), 4);
    block_on(async {
        let cases: [(&str, &[usize]); 17] = [
            ("ferry", &[0]),
            ("FERRIES", &[0]),
            ("evacuated", &[1, 2]),
            ("evacuat*", &[1, 2]),
            ("EVACUAT*", &[1, 2]),
            (r#""we evac"*"#, &[1]),
            (r#""the quay""#, &[1, 2]),
            ("quay twice", &[1]),
            ("quay NOT twice", &[2]),
            ("ferries OR twice", &[0, 1]),
            ("NEAR(evacuation ended, 3)", &[]),
            ("NEAR(evacuation ended, 4)", &[2]),
            ("NEAR(ended evacuation, 4)", &[2]),
            // stop words, which PostgreSQL's English stemming leaves out, as written
            ("the", &[0, 1, 2]),
            ("zzqx*", &[]),
            // a name finds its other spellings
            ("Kyiv", &[3]),
            ("Kyiv OR ferry", &[0, 3]),
        ];
        for (q, want) in cases {
            assert_eq!(found(&store, &ids, q, ClaimSort::Stored).await, want, "{q}");
        }
    });
}

#[test]
fn relevance_ranks_as_bm25_and_pages_by_score() {
    let Some(db) = TestDb::create("search_ranks") else {
        return;
    };
    let (store, ids) = block_on(store_with_claims(&db));
    block_on(async {
        // the shorter claim first, as bm25 ranks one occurrence each
        assert_eq!(
            found(&store, &ids, "quay", ClaimSort::Relevance).await,
            [1, 2]
        );
        // the rarer word weighs more ("twice" is in one claim, "the" in three), and a
        // word twice more than once
        assert_eq!(
            found(&store, &ids, "twice OR the", ClaimSort::Relevance).await,
            [1, 2, 0]
        );
        let first = search(&store, "quay", ClaimSort::Relevance, 1, None)
            .await
            .expect("first page");
        assert_eq!(first.items[0].id, ids[1]);
        let second = search(&store, "quay", ClaimSort::Relevance, 1, first.next)
            .await
            .expect("second page");
        assert_eq!(second.items[0].id, ids[2]);
        assert!(second.next.is_none());
        // a cursor of another order is refused
        let stored = search(&store, "quay", ClaimSort::Stored, 1, None)
            .await
            .expect("stored");
        let wrong = search(&store, "quay", ClaimSort::Relevance, 1, stored.next).await;
        assert!(
            matches!(wrong, Err(PgError::Storage(StorageError::InvalidCursor))),
            "{wrong:?}"
        );
    });
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
        const PIECES: [&str; 26] = [
            "\"", "(", ")", "*", ":", "-", "^", "+", ",", " ", "NEAR", "NEAR(", "AND", "OR", "NOT",
            "text:", "col:", "quay", "evacuat", "ferr", "é", "\u{301}", "5", "''", "\\", "!",
        ];
        let n = 1 + self.next() % 12;
        (0..n)
            .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
            .collect()
    }
}

#[test]
fn no_query_makes_postgresql_fail() {
    let Some(db) = TestDb::create("search_noise") else {
        return;
    };
    let (store, _) = block_on(store_with_claims(&db));
    block_on(async {
        let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
        let mut ran = 0;
        for _ in 0..3000 {
            let q = noise.query();
            match search(&store, &q, ClaimSort::Relevance, 5, None).await {
                Ok(_) => ran += 1,
                Err(PgError::Storage(StorageError::InvalidSearch(_))) => {}
                Err(e) => panic!("{q:?}: {e:?}"),
            }
        }
        // the noise reads as a query often enough to test the renderer
        assert!(ran > 500, "{ran}");
    });
}
