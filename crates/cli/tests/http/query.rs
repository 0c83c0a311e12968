//! Claim filters, full-text search, sorting, ETags and gzip, on articles written for these
//! tests, against expectations computed from the unfiltered list.

use std::collections::BTreeSet;
use std::io::Read;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use claimgraph_api::{ApiConfig, GuardConfig};
use claimgraph_store::{prepare, ArticleText, NewArticle};
use serde_json::{json, Value};

use crate::support::{app_with, App};

impl App {
    async fn code(&self, uri: &str) -> (StatusCode, String) {
        let (status, body) = self.get(uri).await;
        (status, body["code"].as_str().unwrap_or("").to_string())
    }
}

fn ids(claims: &[Value]) -> Vec<i64> {
    claims.iter().filter_map(|c| c["id"].as_i64()).collect()
}

fn id_set(claims: &[Value]) -> BTreeSet<i64> {
    ids(claims).into_iter().collect()
}

/// Three invented reports from two outlets, two of them dated.
async fn newsroom() -> (App, [i64; 3]) {
    let app = app_with(ApiConfig::default()).await;
    let dam = app
        .post_article(json!({
            "title": "Dam repairs begin",
            "source": "Valley Post",
            "published_at": "2026-02-10T08:00:00Z",
            "text": "Engineers began repairing the dam at Mostar on Monday. The reservoir covers \
                     about 40 square miles, the water authority said. \u{201c}We expect the work \
                     to take six weeks,\u{201d} said chief engineer Lena Hodzic. Some 300 \
                     residents of Mostar were moved to higher ground, officials said."
        }))
        .await;
    let strike = app
        .post_article(json!({
            "title": "Dock strike",
            "source": "Coastal Herald",
            "published_at": "2026-03-05",
            "text": "About 400 dock workers walked out in Split on Tuesday. \u{201c}We are asking \
                     for fair pay and nothing more,\u{201d} union leader Marko Babic said. The \
                     strikes closed the harbour of Split for the day, the port authority said."
        }))
        .await;
    let flood = app
        .post_article(json!({
            "title": "Fields under water",
            "source": "Valley Post",
            "text": "Floodwater covered 1,200 hectares of farmland near Osijek, officials said. \
                     Farmers in Osijek said the harvest was lost and that they would ask the \
                     ministry for help."
        }))
        .await;
    let id = |a: &Value| a["id"].as_i64().expect("article id");
    (app, [id(&dam), id(&strike), id(&flood)])
}

#[tokio::test]
async fn filters_by_date_outlet_place_and_numbers_match_the_unfiltered_list() {
    let (app, [dam, strike, flood]) = newsroom().await;
    let all = app.all("/v1/claims", 500).await;
    let by_article = |wanted: &[i64]| -> BTreeSet<i64> {
        all.iter()
            .filter(|c| {
                c["article_id"]
                    .as_i64()
                    .is_some_and(|a| wanted.contains(&a))
            })
            .filter_map(|c| c["id"].as_i64())
            .collect()
    };
    for a in [dam, strike, flood] {
        assert!(
            !by_article(&[a]).is_empty(),
            "article {a} gave claims: {all:?}"
        );
    }

    // dates: after is inclusive, before exclusive; undated articles never match a bound
    let after = app.all("/v1/claims?published_after=2026-03-05", 500).await;
    assert_eq!(id_set(&after), by_article(&[strike]));
    let before = app
        .all("/v1/claims?published_before=2026-03-05T00:00:00Z", 500)
        .await;
    assert_eq!(id_set(&before), by_article(&[dam]));
    let window = app
        .all(
            "/v1/claims?published_after=2026-02-10T08:00:00%2B00:00&published_before=2026-03-06",
            500,
        )
        .await;
    assert_eq!(id_set(&window), by_article(&[dam, strike]));

    // outlet: the articles one outlet published
    let (_, outlets) = app.get("/v1/entities?q=valley%20post&type=outlet").await;
    let valley = outlets["items"][0]["id"].as_i64().expect("outlet id");
    let published = app.all(&format!("/v1/claims?outlet={valley}"), 500).await;
    assert_eq!(id_set(&published), by_article(&[dam, flood]));

    // place: claims listing that place
    let (_, places) = app.get("/v1/entities?q=osijek&type=place").await;
    let osijek = places["items"][0]["id"].as_i64().expect("place id");
    let about: BTreeSet<i64> = all
        .iter()
        .filter(|c| {
            c["places"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p["id"] == osijek))
        })
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert!(!about.is_empty());
    let listed = app.all(&format!("/v1/claims?place={osijek}"), 500).await;
    assert_eq!(id_set(&listed), about);

    assert_number_filters(&app, &all).await;

    // the GeoJSON list takes the same filters
    let (status, geo) = app
        .get(&format!(
            "/v1/claims.geojson?place={osijek}&published_after=2026-01-01"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(geo["features"], json!([]), "the flood report has no date");
}

/// The number filters against the unfiltered list `all`: with or without a figure, areas
/// across units on the normalised value, counted nouns on the value as written.
async fn assert_number_filters(app: &App, all: &[Value]) {
    let numbers = |c: &Value| c["numbers"].as_array().cloned().unwrap_or_default();
    let with: BTreeSet<i64> = all
        .iter()
        .filter(|c| !numbers(c).is_empty())
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert!(!with.is_empty() && with.len() < all.len(), "{all:?}");
    let listed = app.all("/v1/claims?has_number=true", 500).await;
    assert_eq!(id_set(&listed), with);
    let without = app.all("/v1/claims?has_number=false", 500).await;
    assert_eq!(id_set(&without), &id_set(all) - &with);

    // areas compare across units on the normalised value: 10 mi2 is 25.9 km2, so the
    // 40 square miles match and the 1,200 hectares (12 km2) do not
    let area = |c: &Value, min_km2: f64| {
        numbers(c).iter().any(|n| {
            n["normalized"]["unit"] == "km2"
                && n["normalized"]["value"]
                    .as_f64()
                    .is_some_and(|v| v >= min_km2)
        })
    };
    let large: BTreeSet<i64> = all
        .iter()
        .filter(|c| area(c, 25.8998))
        .filter_map(|c| c["id"].as_i64())
        .collect();
    let any_area: BTreeSet<i64> = all
        .iter()
        .filter(|c| area(c, 0.0))
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert!(!large.is_empty() && large.len() < any_area.len(), "{all:?}");
    let listed = app
        .all("/v1/claims?number_unit=mi2&number_min=10", 500)
        .await;
    assert_eq!(id_set(&listed), large);
    let listed = app.all("/v1/claims?number_unit=KM2", 500).await;
    assert_eq!(id_set(&listed), any_area);
    let small = app
        .all(
            "/v1/claims?number_unit=ha&number_min=1000&number_max=1500",
            500,
        )
        .await;
    assert_eq!(id_set(&small), &any_area - &large);

    // a counted noun compares the value as written
    let crowds: BTreeSet<i64> = all
        .iter()
        .filter(|c| {
            numbers(c)
                .iter()
                .any(|n| n["unit"] == "worker" && n["value"].as_f64().is_some_and(|v| v >= 350.0))
        })
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert!(!crowds.is_empty(), "{all:?}");
    let listed = app
        .all(
            "/v1/claims?number_unit=worker&number_min=350&number_max=450",
            500,
        )
        .await;
    assert_eq!(id_set(&listed), crowds);
}

#[tokio::test]
async fn full_text_search_ranks_pages_and_refuses_bad_syntax() {
    let (app, [dam, strike, _]) = newsroom().await;
    let all = app.all("/v1/claims", 500).await;
    let containing = |word: &str| -> BTreeSet<i64> {
        all.iter()
            .filter(|c| {
                c["text"]
                    .as_str()
                    .unwrap_or("")
                    .to_lowercase()
                    .contains(word)
            })
            .filter_map(|c| c["id"].as_i64())
            .collect()
    };
    let harvest = containing("harvest");
    assert!(!harvest.is_empty(), "{all:?}");
    assert_eq!(id_set(&app.all("/v1/claims?q=harvest", 50).await), harvest);
    // stemmed and case-folded: "STRIKE" finds "strikes"
    let strikes = containing("strikes");
    assert!(!strikes.is_empty());
    assert_eq!(id_set(&app.all("/v1/claims?q=STRIKE", 50).await), strikes);
    // FTS5 syntax: OR, phrases, prefixes; combined with other filters
    let either = &containing("harvest") | &containing("pay");
    assert_eq!(
        id_set(&app.all("/v1/claims?q=harvest%20OR%20pay", 50).await),
        either
    );
    assert_eq!(
        id_set(&app.all("/v1/claims?q=%22fair%20pay%22", 50).await),
        containing("fair pay")
    );
    let prefixed = app.all("/v1/claims?q=harv*", 50).await;
    assert_eq!(id_set(&prefixed), harvest);
    let narrowed = app
        .all(&format!("/v1/claims?q=the%20OR%20pay&article={strike}"), 50)
        .await;
    assert!(!narrowed.is_empty());
    assert!(narrowed.iter().all(|c| c["article_id"] == strike));

    // relevance order pages by keyset: one claim a page gives the same list
    let query = "/v1/claims?q=the%20OR%20split%20OR%20mostar";
    let whole = app.all(query, 500).await;
    assert!(whole.len() >= 3, "{whole:?}");
    assert_eq!(ids(&app.all(query, 1).await), ids(&whole));
    let by_date = app.all(&format!("{query}&sort=-date"), 500).await;
    assert_eq!(id_set(&by_date), id_set(&whole));
    assert_eq!(
        ids(&app.all(&format!("{query}&sort=-date"), 1).await),
        ids(&by_date)
    );

    // date order: newest article first, text order inside one; paging changes nothing
    let newest = app.all("/v1/claims?sort=-date", 500).await;
    let oldest = app.all("/v1/claims?sort=date", 500).await;
    assert_eq!(
        ids(&app.all("/v1/claims?sort=-date", 2).await),
        ids(&newest)
    );
    assert_eq!(ids(&app.all("/v1/claims?sort=date", 2).await), ids(&oldest));
    let position = |list: &[Value], article: i64| {
        list.iter()
            .position(|c| c["article_id"] == article)
            .expect("article listed")
    };
    assert!(position(&newest, strike) < position(&newest, dam));
    assert!(position(&oldest, dam) < position(&oldest, strike));
    let strike_ids: Vec<i64> = newest
        .iter()
        .filter(|c| c["article_id"] == strike)
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert!(strike_ids.windows(2).all(|w| w[0] < w[1]), "{strike_ids:?}");

    // queries FTS5 cannot parse are the client's error, never a 500
    for bad in ["%22unbalanced", "AND", "pay%20OR", "nosuchcolumn:pay", "*"] {
        assert_eq!(
            app.code(&format!("/v1/claims?q={bad}")).await,
            (StatusCode::BAD_REQUEST, "invalid_search".to_string()),
            "{bad}"
        );
    }
    let (status, body) = app.get("/v1/claims?q=%22unbalanced").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["detail"].as_str().unwrap_or("").contains("FTS5"),
        "{body}"
    );
}

#[tokio::test]
async fn bad_filter_values_are_400_with_a_code() {
    let (app, _) = newsroom().await;
    let (_, first) = app.get("/v1/claims?sort=date&limit=1").await;
    let date_cursor = first["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    let (_, first) = app.get("/v1/claims?q=the&limit=1").await;
    let rank_cursor = first["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    for (uri, code) in [
        ("/v1/claims?published_after=yesterday", "invalid_query"),
        ("/v1/claims?published_before=2026-13-01", "invalid_query"),
        ("/v1/claims?has_number=maybe", "invalid_query"),
        ("/v1/claims?number_min=3", "invalid_query"),
        (
            "/v1/claims?number_unit=km2&number_min=5&number_max=1",
            "invalid_query",
        ),
        ("/v1/claims?number_unit=km2&number_min=NaN", "invalid_query"),
        ("/v1/claims?number_unit=km2&number_max=inf", "invalid_query"),
        ("/v1/claims?number_unit=km2&number_min=ten", "invalid_query"),
        ("/v1/claims?place=abc", "invalid_id"),
        ("/v1/claims?outlet=0", "invalid_id"),
        ("/v1/claims?sort=popularity", "invalid_sort"),
        ("/v1/claims?sort=relevance", "invalid_sort"),
        ("/v1/claims?sort=newest", "invalid_sort"),
        (
            &format!("/v1/claims?cursor={date_cursor}"),
            "invalid_cursor",
        ),
        (
            &format!("/v1/claims?sort=-date&cursor={date_cursor}"),
            "invalid_cursor",
        ),
        (
            &format!("/v1/claims?sort=date&cursor={rank_cursor}"),
            "invalid_cursor",
        ),
    ] {
        assert_eq!(
            app.code(uri).await,
            (StatusCode::BAD_REQUEST, code.to_string()),
            "{uri}"
        );
    }
    assert_eq!(
        app.code("/v1/claims?place=999999").await,
        (StatusCode::NOT_FOUND, "not_found".to_string())
    );
    assert_eq!(
        app.get(&format!("/v1/claims?sort=date&cursor={date_cursor}"))
            .await
            .0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn etags_answer_304_until_the_data_changes() {
    let (app, _) = newsroom().await;
    let get = |uri: &str, tag: Option<&str>| {
        let mut req = Request::get(uri);
        if let Some(t) = tag {
            req = req.header(header::IF_NONE_MATCH, t);
        }
        req.body(Body::empty()).expect("request")
    };
    let (status, headers, body) = app.request(get("/v1/claims", None)).await;
    assert_eq!(status, StatusCode::OK);
    let tag = headers
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .expect("an ETag")
        .to_string();
    assert!(
        tag.starts_with('"') && !tag.starts_with("W/"),
        "strong: {tag}"
    );
    assert!(!body.is_empty());

    let (status, headers, body) = app.request(get("/v1/claims", Some(&tag))).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(
        headers.get(header::ETAG).and_then(|v| v.to_str().ok()),
        Some(tag.as_str())
    );
    let (status, _, _) = app
        .request(get("/v1/claims", Some(&format!("\"other\", W/{tag}"))))
        .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);

    // another answer, another tag
    let (status, headers, _) = app.request(get("/v1/claims?limit=1", Some(&tag))).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(
        headers.get(header::ETAG).and_then(|v| v.to_str().ok()),
        Some(tag.as_str())
    );

    // new data: the old tag no longer matches
    app.post_article(
        json!({"text": "Ferries to Hvar sailed again on Thursday, the harbour master said."}),
    )
    .await;
    let (status, headers, body) = app.request(get("/v1/claims", Some(&tag))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.is_empty());
    assert_ne!(
        headers.get(header::ETAG).and_then(|v| v.to_str().ok()),
        Some(tag.as_str())
    );

    // errors carry no tag; writes neither
    let (status, headers, _) = app.request(get("/v1/claims/999999", Some("*"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(headers.get(header::ETAG).is_none());
}

#[tokio::test]
async fn repeated_reads_see_what_another_process_wrote() {
    let (app, _) = newsroom().await;
    let uris = ["/v1/articles", "/v1/entities?q=ploce", "/v1/claims?q=ferry"];
    let mut before = Vec::new();
    for uri in uris {
        let (status, first) = app.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {first}");
        // asked again with nothing written: the same answer
        assert_eq!(app.get(uri).await.1, first, "{uri}");
        before.push(first);
    }
    assert_eq!(before[0]["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(before[1]["items"], json!([]));
    assert_eq!(before[2]["items"], json!([]));

    // another process's connections write an article the three reads should now see
    let other = app.second_store().await;
    other
        .insert(&prepare(
            &*crate::support::reader(),
            NewArticle {
                text: ArticleText::parse(
                    "The ferry to Ploce sailed again on Sunday, the harbour master said.".into(),
                )
                .expect("text"),
                title: Some("Ferry back".into()),
                source: None,
                url: None,
                published_at: None,
            },
        ))
        .await
        .expect("insert");
    other.close().await;
    let (_, articles) = app.get(uris[0]).await;
    assert_eq!(articles["items"].as_array().map(Vec::len), Some(4));
    assert_eq!(articles["items"][0]["title"], "Ferry back");
    let (_, places) = app.get(uris[1]).await;
    assert_eq!(places["items"][0]["name"], "Ploce", "{places}");
    let (_, claims) = app.get(uris[2]).await;
    assert_eq!(
        claims["items"].as_array().map(Vec::len),
        Some(1),
        "{claims}"
    );
}

#[tokio::test]
async fn json_is_gzipped_when_asked_and_cors_headers_stay() {
    let config = ApiConfig {
        guard: GuardConfig {
            cors_origins: vec!["https://app.example.org".into()],
            ..GuardConfig::default()
        },
        ..ApiConfig::default()
    };
    let app = app_with(config).await;
    for i in 0..3 {
        app.post_article(json!({
            "text": format!("Workers at plant {i} in Tuzla stopped the line on Friday, the union said. \
                             \u{201c}We will not go back until the furnaces are safe,\u{201d} said shop steward Amir Kovac.")
        }))
        .await;
    }
    let plain_req = Request::get("/v1/claims")
        .body(Body::empty())
        .expect("request");
    let (status, headers, plain) = app.request(plain_req).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get(header::CONTENT_ENCODING).is_none());

    let req = Request::get("/v1/claims")
        .header(header::ACCEPT_ENCODING, "gzip")
        .header(header::ORIGIN, "https://app.example.org")
        .body(Body::empty())
        .expect("request");
    let (status, headers, zipped) = app.request(req).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers
            .get(header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    assert_eq!(
        headers
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .and_then(|v| v.to_str().ok()),
        Some("https://app.example.org")
    );
    let exposed = headers
        .get(header::ACCESS_CONTROL_EXPOSE_HEADERS)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    assert!(exposed.contains("etag"), "{exposed}");
    assert!(
        zipped.len() < plain.len(),
        "{} !< {}",
        zipped.len(),
        plain.len()
    );
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(zipped.as_slice())
        .read_to_end(&mut unzipped)
        .expect("gzip");
    assert_eq!(unzipped, plain);

    // the gzipped answer has its own tag, and 304s against it
    let tag = headers.get(header::ETAG).cloned().expect("ETag");
    let req = Request::get("/v1/claims")
        .header(header::ACCEPT_ENCODING, "gzip")
        .header(header::IF_NONE_MATCH, tag)
        .body(Body::empty())
        .expect("request");
    assert_eq!(app.request(req).await.0, StatusCode::NOT_MODIFIED);
}

/// The ids of the claims in `all` whose `pick` gives one of `wanted`.
fn matching(all: &[Value], wanted: &[i64], pick: impl Fn(&Value) -> Vec<i64>) -> BTreeSet<i64> {
    all.iter()
        .filter(|c| pick(c).iter().any(|v| wanted.contains(v)))
        .filter_map(|c| c["id"].as_i64())
        .collect()
}

#[tokio::test]
async fn a_filter_given_twice_matches_either_value() {
    let (app, [dam, strike, _]) = newsroom().await;
    let all = app.all("/v1/claims", 500).await;
    let kinds = app.all("/v1/claims?kind=direct&kind=indirect", 500).await;
    let want: BTreeSet<i64> = all
        .iter()
        .filter(|c| c["kind"] == "direct" || c["kind"] == "indirect")
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert!(!want.is_empty() && want.len() < all.len(), "{all:?}");
    assert_eq!(id_set(&kinds), want);

    let speakers: BTreeSet<i64> = all
        .iter()
        .filter_map(|c| c["speaker"]["id"].as_i64())
        .collect();
    let speakers: Vec<i64> = speakers.into_iter().take(2).collect();
    assert_eq!(speakers.len(), 2, "{all:?}");
    let listed = app
        .all(
            &format!("/v1/claims?speaker={}&speaker={}", speakers[0], speakers[1]),
            500,
        )
        .await;
    let want = matching(&all, &speakers, |c| {
        c["speaker"]["id"].as_i64().into_iter().collect()
    });
    assert_eq!(id_set(&listed), want);

    let places = |c: &Value| -> Vec<i64> {
        c["places"]
            .as_array()
            .map(|ps| ps.iter().filter_map(|p| p["id"].as_i64()).collect())
            .unwrap_or_default()
    };
    let mut found: Vec<i64> = all.iter().flat_map(places).collect();
    found.sort_unstable();
    found.dedup();
    assert!(found.len() >= 2, "{all:?}");
    let two = &found[..2];
    for field in ["place", "about", "involving"] {
        let listed = app
            .all(
                &format!("/v1/claims?{field}={}&{field}={}", two[0], two[1]),
                500,
            )
            .await;
        let want = matching(&all, two, places);
        assert!(
            want.is_subset(&id_set(&listed)),
            "{field}: {listed:?} misses some of {want:?}"
        );
    }

    let articles = app
        .all(&format!("/v1/claims?article={dam}&article={strike}"), 500)
        .await;
    let want = matching(&all, &[dam, strike], |c| {
        c["article_id"].as_i64().into_iter().collect()
    });
    assert_eq!(id_set(&articles), want);
    let (_, outlets) = app.get("/v1/entities?type=outlet").await;
    let outlets: Vec<i64> = outlets["items"]
        .as_array()
        .map(|os| os.iter().filter_map(|o| o["id"].as_i64()).collect())
        .unwrap_or_default();
    assert!(outlets.len() >= 2, "{outlets:?}");
    let any_outlet: Vec<String> = outlets.iter().map(|o| format!("outlet={o}")).collect();
    let published = app
        .all(&format!("/v1/claims?{}", any_outlet.join("&")), 500)
        .await;
    assert_eq!(
        id_set(&published),
        id_set(&all),
        "every article has one of the outlets"
    );
    let (status, body) = app.get("/v1/claims?via=1&via=2").await;
    assert_ne!(status, StatusCode::BAD_REQUEST, "{body}");
    // within an article's list, naming it among others is no contradiction
    let (status, _) = app
        .get(&format!(
            "/v1/articles/{dam}/claims?article={strike}&article={dam}"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    // naming only another is one more filter that excludes all: an empty list, not a 400
    for uri in [
        format!("/v1/articles/{dam}/claims?article={strike}"),
        format!(
            "/v1/entities/{}/claims?involving={}",
            outlets[0], outlets[1]
        ),
    ] {
        let (status, body) = app.get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        assert_eq!(body["items"], json!([]), "{uri}: {body}");
        assert!(body["next_cursor"].is_null(), "{uri}: {body}");
    }
    // a parameter that is not a filter still takes one value
    assert_eq!(
        app.code("/v1/claims?limit=5&limit=6").await,
        (StatusCode::BAD_REQUEST, "invalid_query".to_string())
    );
    let many = "&kind=direct".repeat(51);
    assert_eq!(
        app.code(&format!("/v1/claims?{}", &many[1..])).await,
        (StatusCode::BAD_REQUEST, "invalid_query".to_string())
    );
}

#[tokio::test]
async fn an_unknown_query_parameter_is_named_in_a_400() {
    let (app, [dam, ..]) = newsroom().await;
    for (uri, unknown, accepted) in [
        ("/v1/claims?speakr=40".to_string(), "speakr", "`speaker`"),
        ("/v1/articles?lmit=5".to_string(), "lmit", "`limit`"),
        (
            format!("/v1/articles/{dam}/claims?knd=direct"),
            "knd",
            "`kind`",
        ),
        (
            "/v1/entities?q=split&typ=place".to_string(),
            "typ",
            "`type`",
        ),
        ("/v1/entities/1/graph?dpth=2".to_string(), "dpth", "`depth`"),
        (
            "/v1/claims.csv?speakr=40".to_string(),
            "speakr",
            "`speaker`",
        ),
        ("/v1/merges?limit=5&sort=x".to_string(), "sort", "`cursor`"),
        // routes that take no query say so
        (
            format!("/v1/articles/{dam}?full=1"),
            "full",
            "no query parameters",
        ),
        (
            "/v1/export.graphml?v=2".to_string(),
            "v",
            "no query parameters",
        ),
        ("/healthz?deep=1".to_string(), "deep", "no query parameters"),
    ] {
        let (status, body) = app.get(&uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(body["code"], "unknown_parameter", "{uri}: {body}");
        let detail = body["detail"].as_str().unwrap_or("");
        assert!(
            detail.contains(&format!("`{unknown}`")) && detail.contains(accepted),
            "{uri}: {detail}"
        );
    }
    // known parameters pass
    let (status, _) = app.get("/v1/claims?speaker=1&kind=direct&limit=5").await;
    assert_ne!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_empty_value_is_no_number_boolean_or_enum() {
    let (app, [dam, ..]) = newsroom().await;
    for uri in [
        "/v1/claims?limit=".to_string(),
        "/v1/claims?has_number=".to_string(),
        "/v1/claims?sort=".to_string(),
        "/v1/claims?kind=".to_string(),
        "/v1/entities/1/related?limit=".to_string(),
        format!("/v1/articles/{dam}/claims?number_min="),
    ] {
        let (status, body) = app.get(&uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(body["code"], "invalid_query", "{uri}: {body}");
        assert!(
            body["detail"].as_str().unwrap_or("").contains("is empty"),
            "{uri}: {body}"
        );
    }
    // text takes an empty value: the first page, no search
    for uri in ["/v1/claims?cursor=", "/v1/claims?number_unit="] {
        let (status, body) = app.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    }
}
