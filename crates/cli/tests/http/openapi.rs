//! The OpenAPI document: a committed snapshot (so every contract change shows in review),
//! OpenAPI 3.1, served at /openapi.json with Swagger UI at /docs, and in step with the
//! routes the router serves and the requests api.http shows.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use claimgraph_api::{openapi, CONTENT_SECURITY_POLICY, DOCS_PATH, OPENAPI_PATH, UI_PATHS};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use crate::support::app;

const SNAPSHOT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/http/openapi.snapshot.json"
);
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn document() -> Value {
    serde_json::to_value(openapi()).expect("the document serialises")
}

/// `(METHOD, path)` of every operation in the document.
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for m in METHODS {
            if item.get(m).is_some() {
                ops.insert((m.to_uppercase(), path.clone()));
            }
        }
    }
    ops
}

#[test]
fn the_document_matches_its_snapshot() {
    let rendered = format!(
        "{}\n",
        serde_json::to_string_pretty(&document()).expect("pretty JSON")
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(SNAPSHOT, &rendered).expect("write the snapshot");
        return;
    }
    let committed = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    if committed != rendered {
        let line = committed
            .lines()
            .zip(rendered.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(committed.lines().count().min(rendered.lines().count()));
        panic!(
            "the OpenAPI document changed (first difference at line {}): review the change, \
             then run `UPDATE_SNAPSHOTS=1 cargo test -p claimgraph --test http openapi` and \
             commit crates/cli/tests/http/openapi.snapshot.json\n  committed: {:?}\n  now:       {:?}",
            line + 1,
            committed.lines().nth(line).unwrap_or(""),
            rendered.lines().nth(line).unwrap_or(""),
        );
    }
}

#[test]
fn the_document_is_openapi_3_1_with_every_error_as_problem_json() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "claimgraph API");
    let ops = operations(&doc);
    assert_eq!(ops.len(), 31, "{ops:?}");
    for (method, path) in &ops {
        let op = &doc["paths"][path][method.to_lowercase()];
        assert!(op["operationId"].is_string(), "{method} {path}");
        let responses = op["responses"].as_object().expect("responses");
        for status in ["429", "500", "503"] {
            assert!(
                responses.contains_key(status),
                "{method} {path} lacks {status}"
            );
        }
        for (status, response) in responses {
            if !status.starts_with('4') && !status.starts_with('5') {
                continue;
            }
            // shared responses are references to components that are problem+json
            let response = match response["$ref"].as_str() {
                Some(r) => {
                    let name = r.rsplit('/').next().unwrap_or("");
                    &doc["components"]["responses"][name]
                }
                None => response,
            };
            assert!(
                response["content"]["application/problem+json"].is_object(),
                "{method} {path} {status} is not problem+json: {response}"
            );
            let described = response["description"].as_str().unwrap_or("");
            assert!(
                described.contains('`'),
                "{method} {path} {status} names no code"
            );
        }
        if method == "POST" || method == "DELETE" {
            assert_eq!(op["security"][0]["bearer_token"], Value::Array(Vec::new()));
        }
    }
    let params: Vec<&str> = doc["paths"]["/v1/claims"]["get"]["parameters"]
        .as_array()
        .expect("claim parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for want in [
        "speaker",
        "involving",
        "place",
        "outlet",
        "article",
        "kind",
        "published_after",
        "published_before",
        "has_number",
        "number_unit",
        "number_min",
        "number_max",
        "q",
        "sort",
        "limit",
        "cursor",
    ] {
        assert!(
            params.contains(&want),
            "/v1/claims lacks {want}: {params:?}"
        );
    }
}

#[tokio::test]
async fn the_server_serves_the_document_and_swagger_ui_from_its_own_files() {
    let app = app().await;
    let get = |uri: &str| Request::get(uri).body(Body::empty()).expect("request");

    let (status, ctype, body) = app.typed(get(OPENAPI_PATH)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype.as_deref(), Some("application/json"));
    let served: Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(served, document());

    let (status, _, _) = app.typed(get(DOCS_PATH)).await;
    assert!(status.is_redirection(), "{status}");
    let (status, ctype, body) = app.typed(get(&format!("{DOCS_PATH}/"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.unwrap_or_default().starts_with("text/html"));
    let html = String::from_utf8(body).expect("UTF-8");
    // the page loads its script and styles from this server, never from a CDN
    assert!(html.contains("swagger-ui-bundle.js"), "{html}");
    assert!(!html.contains("https://"), "{html}");
    let (status, _, body) = app
        .typed(get(&format!("{DOCS_PATH}/swagger-initializer.js")))
        .await;
    assert_eq!(status, StatusCode::OK);
    let init = String::from_utf8(body).expect("UTF-8");
    assert!(init.contains(OPENAPI_PATH), "{init}");
    let (status, _, body) = app
        .typed(get(&format!("{DOCS_PATH}/swagger-ui-bundle.js")))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.len() > 100_000, "the bundle is embedded whole");
}

#[tokio::test]
async fn every_documented_operation_is_served() {
    let app = app().await;
    for (method, path) in operations(&document()) {
        let uri = path.replace("{id}", "1");
        let req = Request::builder()
            .method(method.as_str())
            .uri(&uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .expect("request");
        let res = app.router.clone().oneshot(req).await.expect("answer");
        let status = res.status();
        // an event stream never ends: its 200 and content type are the answer
        let streams = res
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes() == b"text/event-stream");
        if streams {
            assert_eq!(status, StatusCode::OK, "{method} {path}");
            continue;
        }
        let body = res.into_body().collect().await.expect("body").to_bytes();
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        assert!(
            !matches!(
                body["code"].as_str(),
                Some("route_not_found" | "method_not_allowed")
            ),
            "{method} {path} is documented but not served: {status} {body}"
        );
    }
}

#[test]
fn no_route_is_registered_around_the_document() {
    // routes are added only with utoipa-axum's `routes!`, which documents them; plain
    // axum routing would serve an endpoint the document does not show
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/src");
    let mut checked = 0;
    // the sources in `src` and its folders (`routes/` holds the handlers)
    let mut dirs = vec![std::path::PathBuf::from(src)];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    for path in files {
        let code = std::fs::read_to_string(&path).expect("source");
        // the guard's own tests build a throwaway router: only production code counts
        let code = code.split("#[cfg(test)]").next().unwrap_or("");
        // the one exception: ui.rs serves the explorer's static files, which are not API
        // operations; `the_explorer_is_served_outside_the_document` checks it serves
        // exactly `UI_PATHS` and nothing it serves appears in the document
        let ui = path.file_name().is_some_and(|n| n == "ui.rs");
        for forbidden in [
            ".route(",
            ".route_service(",
            ".nest(",
            ".nest_service(",
            "axum::routing",
        ] {
            if ui && matches!(forbidden, ".route(" | "axum::routing") {
                continue;
            }
            assert!(
                !code.contains(forbidden),
                "{} uses `{forbidden}`: register endpoints with `routes!` in routes/mod.rs",
                path.display()
            );
        }
        for line in code.lines().filter(|l| l.contains(".merge(")) {
            assert!(
                line.contains("SwaggerUi") || line.contains("ui::router()"),
                "{}: {line}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 5, "read the crate's sources");
}

#[test]
fn api_http_shows_every_operation_and_only_those() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../api.http");
    let text = std::fs::read_to_string(file).expect("api.http");
    let mut shown = BTreeSet::new();
    for line in text.lines() {
        let Some((method, rest)) = line.split_once(' ') else {
            continue;
        };
        if !METHODS.contains(&method.to_lowercase().as_str()) || method != method.to_uppercase() {
            continue;
        }
        let target = rest.split_whitespace().next().unwrap_or("");
        let path = target
            .trim_start_matches("{{base}}")
            .split('?')
            .next()
            .unwrap_or("");
        // ids, literal or taken from an earlier answer, stand for the `{id}` segment
        let template: Vec<String> = path
            .split('/')
            .map(|seg| {
                if seg.starts_with("{{")
                    || (!seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()))
                {
                    "{id}".to_string()
                } else {
                    seg.to_string()
                }
            })
            .collect();
        shown.insert((method.to_string(), template.join("/")));
    }
    let mut documented = operations(&document());
    documented.insert(("GET".into(), OPENAPI_PATH.into()));
    documented.insert(("GET".into(), format!("{DOCS_PATH}/")));
    documented.insert(("GET".into(), "/".into()));
    let missing: Vec<_> = documented.difference(&shown).collect();
    let unknown: Vec<_> = shown.difference(&documented).collect();
    assert!(missing.is_empty(), "api.http lacks {missing:?}");
    assert!(
        unknown.is_empty(),
        "api.http shows undocumented {unknown:?}"
    );
}

/// A literal ETag in api.http never matches a live server's answer: conditional requests
/// there must send back the tag of an earlier, named request.
#[test]
fn api_http_etags_come_from_an_earlier_answer() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../api.http");
    let text = std::fs::read_to_string(file).expect("api.http");
    let named: BTreeSet<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# @name "))
        .map(str::trim)
        .collect();
    let mut conditional = 0;
    for line in text.lines() {
        let Some(value) = line.strip_prefix("If-None-Match:") else {
            continue;
        };
        conditional += 1;
        let source = value
            .trim()
            .strip_prefix("{{")
            .and_then(|v| v.strip_suffix(".response.headers.ETag}}"));
        assert!(
            source.is_some_and(|name| named.contains(name)),
            "api.http sends a fixed ETag: {line:?}"
        );
    }
    assert!(conditional > 0, "api.http shows a conditional GET");
}

#[tokio::test]
async fn the_explorer_is_served_outside_the_document() {
    let app = app().await;
    let doc = document();
    let get = |uri: &str| Request::get(uri).body(Body::empty()).expect("request");
    let mut types = Vec::new();
    for path in UI_PATHS {
        assert!(
            doc["paths"].get(path).is_none(),
            "{path} is in the API document"
        );
        let res = app
            .router
            .clone()
            .oneshot(get(path))
            .await
            .expect("router answers");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let header = |name| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(
            header(header::CONTENT_SECURITY_POLICY),
            CONTENT_SECURITY_POLICY
        );
        assert_eq!(header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        types.push(header(header::CONTENT_TYPE));
        let body = res.into_body().collect().await.expect("body").to_bytes();
        let text = String::from_utf8(body.to_vec()).expect("UTF-8");
        // nothing is loaded from another host (the SVG namespace is a name, not a fetch)
        let text = text.replace("http://www.w3.org/2000/svg", "");
        assert!(
            !text.contains("https://") && !text.contains("http://"),
            "{path}"
        );
        if path == "/" {
            assert!(text.contains(r#"<script src="/static/app.js""#), "{text}");
            assert!(text.contains(r#"href="/static/style.css""#), "{text}");
            assert!(
                !text.contains("<script>") && !text.contains(" style="),
                "inline code"
            );
        }
    }
    assert_eq!(
        types,
        [
            "text/html; charset=utf-8",
            "text/javascript; charset=utf-8",
            "text/css; charset=utf-8"
        ]
    );
    assert!(CONTENT_SECURITY_POLICY.starts_with("default-src 'self';"));
    // only those files: anything else under /static is the API's 404
    let (status, ctype, _) = app.typed(get("/static/other.js")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(ctype.as_deref(), Some("application/problem+json"));
}

/// The `enum` of a schema, through `$ref`s, array items and the non-null side of a
/// nullable `oneOf`.
fn enum_of(doc: &Value, schema: &Value) -> BTreeSet<String> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap_or("");
        return enum_of(doc, &doc["components"]["schemas"][name]);
    }
    if schema["type"] == "array" {
        return enum_of(doc, &schema["items"]);
    }
    if let Some(alternatives) = schema["oneOf"].as_array() {
        return alternatives.iter().flat_map(|s| enum_of(doc, s)).collect();
    }
    schema["enum"]
        .as_array()
        .map(|vs| {
            vs.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn set(values: &[&str]) -> BTreeSet<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn query_param<'a>(doc: &'a Value, path: &str, name: &str) -> &'a Value {
    doc["paths"][path]["get"]["parameters"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == name))
        .unwrap_or_else(|| panic!("{path} has no parameter {name}"))
}

/// A generated client must refuse `kind: "rumour"`: every closed set of strings is an enum.
#[test]
fn closed_sets_of_strings_are_enums() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let kinds = set(&["direct", "indirect", "statement"]);
    let types = set(&["person", "organization", "outlet", "place"]);
    let places = set(&["city", "region", "country", "other"]);
    assert_eq!(
        enum_of(&doc, &schemas["ClaimOut"]["properties"]["kind"]),
        kinds
    );
    assert_eq!(
        enum_of(&doc, &schemas["FeatureProperties"]["properties"]["kind"]),
        kinds
    );
    assert_eq!(
        enum_of(&doc, &schemas["EntityOut"]["properties"]["type"]),
        types
    );
    assert_eq!(
        enum_of(&doc, &schemas["RelatedOut"]["properties"]["type"]),
        types
    );
    let mut speakers = types.clone();
    speakers.insert("nominal".into());
    assert_eq!(
        enum_of(&doc, &schemas["SpeakerOut"]["properties"]["type"]),
        speakers
    );
    assert_eq!(
        enum_of(&doc, &schemas["EntityOut"]["properties"]["place_type"]),
        places
    );
    assert_eq!(
        enum_of(
            &doc,
            &schemas["FeatureProperties"]["properties"]["place_type"]
        ),
        places
    );
    for path in ["/v1/claims", "/v1/claims.csv", "/v1/entities/{id}/claims"] {
        assert_eq!(
            enum_of(&doc, &query_param(&doc, path, "kind")["schema"]),
            kinds
        );
        assert_eq!(
            enum_of(&doc, &query_param(&doc, path, "sort")["schema"]),
            set(&["relevance", "date", "-date", "corroboration"])
        );
    }
    assert_eq!(
        enum_of(&doc, &query_param(&doc, "/v1/entities", "type")["schema"]),
        types
    );
}

/// Every code the API answers with is in the `ErrorCode` enum that `Problem.code` names,
/// and each code the operations and docs/API.md mention is one of them.
#[test]
fn the_error_code_is_an_enum_of_every_code() {
    let doc = document();
    let codes = enum_of(
        &doc,
        &doc["components"]["schemas"]["Problem"]["properties"]["code"],
    );
    for code in [
        "invalid_query",
        "unknown_parameter",
        "invalid_kind",
        "not_found",
        "timeout",
        "headers_too_large",
    ] {
        assert!(codes.contains(code), "{code} not in {codes:?}");
    }
    // codes quoted in the operations' error responses
    let backticked = |text: &str| -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .filter(|w| {
                w.len() > 3
                    && w.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && w.contains('_')
            })
            .map(str::to_string)
            .collect()
    };
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            for (status, res) in op["responses"].as_object().into_iter().flatten() {
                if !status.starts_with('4') && !status.starts_with('5') {
                    continue;
                }
                let words = backticked(res["description"].as_str().unwrap_or(""));
                for w in words.iter().filter(|w| w.contains('_')) {
                    // parameter names are quoted too: only those that look like codes
                    if w.starts_with("invalid_")
                        || w.starts_with("unknown_")
                        || w.ends_with("_found")
                        || w.ends_with("_busy")
                    {
                        assert!(codes.contains(w), "{method} {path} {status}: {w}");
                    }
                }
            }
        }
    }
    // the table of docs/API.md lists each code, and names no other
    let api_md = include_str!("../../../../docs/API.md");
    let documented: BTreeSet<String> = api_md
        .lines()
        .filter(|l| l.starts_with("| 4") || l.starts_with("| 5"))
        // rows of the error table: status, code(s), when
        .flat_map(|l| {
            let cell = l.split('|').nth(2).unwrap_or("");
            cell.split('`')
                .skip(1)
                .step_by(2)
                .filter(|w| {
                    w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                })
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(documented, codes, "docs/API.md's error table and ErrorCode");
}

/// Every operation refuses a query parameter it does not take, and says so.
#[test]
fn every_operation_documents_unknown_parameter() {
    let doc = document();
    let responses = &doc["components"]["responses"];
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            let bad = &op["responses"]["400"];
            let bad = match bad["$ref"].as_str() {
                Some(r) => &responses[r.rsplit('/').next().unwrap_or("")],
                None => bad,
            };
            let description = bad["description"].as_str().unwrap_or("");
            assert!(
                description.contains("`unknown_parameter`"),
                "{method} {path}: {description:?}"
            );
        }
    }
}

#[test]
fn json_reads_document_304() {
    let doc = document();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let Some(get) = item.get("get") else { continue };
        let json = get["responses"]["200"]["content"]
            .as_object()
            .is_some_and(|c| c.keys().any(|k| k.ends_with("json")));
        if json {
            assert!(
                get["responses"].get("304").is_some(),
                "GET {path} has no 304"
            );
        }
    }
    assert!(doc["paths"]["/v1/claims"]["get"]["responses"]
        .get("304")
        .is_some());
}

/// The document is as strict as the server: what it allows the server takes, and the
/// conditions it cannot express are in the descriptions.
#[test]
fn the_document_states_what_the_server_checks() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let text = &schemas["ArticleIn"]["properties"]["text"];
    assert_eq!(text["minLength"], 1, "{text}");
    assert_eq!(
        text["pattern"],
        r"[^\s\x00-\x1f\x7f-\x9f\xad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]",
        "{text}"
    );
    assert_eq!(
        schemas["ArticlePlain"]["pattern"], text["pattern"],
        "a text/plain article is blank as a JSON one is"
    );
    let alias = &schemas["AliasIn"]["properties"]["alias"];
    assert_eq!(alias["minLength"], 1, "{alias}");
    assert_eq!(alias["pattern"], "\\S", "{alias}");
    for path in ["/v1/claims", "/v1/articles", "/v1/entities", "/v1/facts"] {
        let cursor = query_param(&doc, path, "cursor");
        assert_eq!(
            cursor["schema"]["pattern"], "^[A-Za-z0-9_-]*$",
            "{path}: {cursor}"
        );
    }
    for name in ["number_min", "number_max"] {
        let param = query_param(&doc, "/v1/claims", name);
        let description = param["description"].as_str().unwrap_or("");
        assert!(
            description.contains("Needs `number_unit`") && description.contains("invalid_query"),
            "{name}: {description}"
        );
    }
}
