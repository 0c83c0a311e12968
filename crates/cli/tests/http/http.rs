//! The router on a temporary SQLite file, driven request by request.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use claimgraph_api::ApiConfig;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::support::{app, app_with, example, App};

/// The wildfire example as the API's JSON body.
fn wildfire() -> Value {
    serde_json::from_str(&example("wildfire-evia.json")).expect("example is JSON")
}

#[tokio::test]
async fn posting_twice_returns_the_stored_article() {
    let app = app().await;
    let (status, first) = app.post_json(wildfire()).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert!(first["id"].as_i64().is_some());
    assert_eq!(first["source"], "Aegean Daily");
    assert!(first["claim_count"].as_i64().unwrap_or(0) > 0, "{first}");

    let (status, second) = app.post_json(wildfire()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(second["id"], first["id"]);

    let (_, list) = app.get("/v1/articles").await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn plain_text_bodies_take_their_headline_from_the_first_line() {
    let app = app().await;
    let (status, _, body) = app
        .post(
            Some("text/plain; charset=utf-8"),
            "Harbour reopens\nThe harbour in Split reopened on Monday.",
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["title"], "Harbour reopens");
}

#[tokio::test]
async fn malformed_bodies_get_problem_json_not_500() {
    let app = app().await;
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe";
    let cases: Vec<(Option<&str>, Body, StatusCode, &str)> = vec![
        (
            Some("application/json"),
            Body::empty(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            Some("application/json"),
            Body::from("{\"text\": "),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            Some("application/json"),
            Body::from(png),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            Some("application/json"),
            Body::from("{\"text\": 5}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            Some("application/json"),
            Body::from("[1, 2]"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            Some("application/json"),
            Body::from("{\"title\": \"no text\"}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            Some("application/json"),
            Body::from("{\"text\": \"ok\", \"body\": \"typo\"}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            Some("application/json"),
            Body::from("{\"text\": \"  \\n \"}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_text",
        ),
        (
            Some("application/json"),
            Body::from("{\"text\": \"ok\", \"published_at\": \"last week\"}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_published_at",
        ),
        (
            Some("text/plain"),
            Body::from(png),
            StatusCode::BAD_REQUEST,
            "invalid_utf8",
        ),
        (
            Some("text/plain"),
            Body::from(" \t\n"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_text",
        ),
        (
            Some("image/png"),
            Body::from(png),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            None,
            Body::from("text"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
    ];
    for (ctype, body, want_status, want_code) in cases {
        let (status, got_type, problem) = app.post(ctype, body).await;
        assert_eq!(status, want_status, "{ctype:?} -> {problem}");
        assert_eq!(got_type.as_deref(), Some("application/problem+json"));
        assert_eq!(problem["code"], want_code, "{problem}");
        assert_eq!(problem["status"], want_status.as_u16());
        assert!(problem["detail"].as_str().is_some_and(|d| !d.is_empty()));
    }
    let (_, list) = app.get("/v1/articles").await;
    assert_eq!(list["items"], json!([]), "nothing was stored");
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let app = app_with(ApiConfig {
        body_limit: 1024,
        ..ApiConfig::default()
    })
    .await;
    let big = json!({"text": "word ".repeat(1000)}).to_string();
    let (status, _, problem) = app.post(Some("application/json"), big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(problem["code"], "payload_too_large");
    let (status, _) = app.post_json(json!({"text": "Short.\nFine."})).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn claim_offsets_are_code_points_into_the_article() {
    let app = app().await;
    let (_, article) = app.post_json(wildfire()).await;
    let id = article["id"].as_i64().expect("id");
    let (_, full) = app.get(&format!("/v1/articles/{id}")).await;
    let chars: Vec<char> = full["text"].as_str().expect("text").chars().collect();
    let claims = app.all(&format!("/v1/articles/{id}/claims"), 50).await;
    assert!(!claims.is_empty());
    for c in &claims {
        let (s, e) = (
            c["start"].as_u64().expect("start") as usize,
            c["end"].as_u64().expect("end") as usize,
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(c["text"].as_str(), Some(slice.as_str()), "{c}");
        assert_eq!(c["article_id"], id);
    }
    let direct: Vec<&Value> = claims.iter().filter(|c| c["kind"] == "direct").collect();
    assert!(
        direct.iter().any(|c| c["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Our priority is lives"))
            && c["speaker"]["name"]
                .as_str()
                .is_some_and(|n| n.contains("Papadaki"))),
        "{direct:?}"
    );
}

#[tokio::test]
async fn numbers_carry_a_base_unit_value_when_a_conversion_exists() {
    let app = app().await;
    let (status, article) = app
        .post_json(json!({
            "title": "Ice shelf",
            "text": "The ice shelf lost some 700 square miles near Halley, the survey said. \
                     Twelve stations near Halley were closed.",
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = article["id"].as_i64().expect("id");
    let claims = app.all(&format!("/v1/articles/{id}/claims"), 50).await;
    let numbers: Vec<&Value> = claims
        .iter()
        .flat_map(|c| c["numbers"].as_array().into_iter().flatten())
        .collect();
    let area = numbers
        .iter()
        .find(|n| n["unit"] == "mi2")
        .expect("the area figure");
    assert_eq!(area["value"], 700.0);
    assert_eq!(area["qualifier"], "about");
    assert_eq!(area["normalized"]["unit"], "km2");
    let km2 = area["normalized"]["value"].as_f64().expect("value");
    assert!((km2 - 1812.99).abs() < 0.01, "{km2}");
    let count = numbers
        .iter()
        .find(|n| n["unit"] == "station")
        .expect("the count");
    assert_eq!(count["value"], 12.0);
    assert!(count["normalized"].is_null());
}

#[tokio::test]
async fn pages_cover_every_claim_once() {
    let app = app().await;
    for line in example("port-strike.ndjson").lines() {
        let body: Value = serde_json::from_str(line).expect("ndjson line");
        assert_eq!(app.post_json(body).await.0, StatusCode::CREATED);
    }
    app.post_json(wildfire()).await;
    let one_page = app.all("/v1/claims", 500).await;
    let paged = app.all("/v1/claims", 2).await;
    assert!(one_page.len() > 2);
    let ids = |v: &[Value]| {
        v.iter()
            .map(|c| c["id"].as_i64().unwrap_or(-1))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&paged), ids(&one_page));
    let articles = app.all("/v1/articles", 1).await;
    assert_eq!(articles.len(), 3);
}

#[tokio::test]
async fn claims_about_a_place_and_by_a_speaker() {
    let app = app().await;
    app.post_json(wildfire()).await;
    let (status, found) = app.get("/v1/entities?q=chalkida").await;
    assert_eq!(status, StatusCode::OK);
    let place = &found["items"][0];
    // GeoNames' spelling of the town, accents included.
    assert_eq!(place["name"], "Chalkída", "{found}");
    let about = app
        .all(&format!("/v1/claims?about={}", place["id"]), 50)
        .await;
    assert!(!about.is_empty());
    for c in &about {
        assert!(
            c["places"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p["id"] == place["id"])),
            "{c}"
        );
    }

    let (_, people) = app.get("/v1/entities?q=papadaki&type=person").await;
    let person = &people["items"][0];
    let said = app
        .all(&format!("/v1/claims?speaker={}", person["id"]), 50)
        .await;
    assert!(said.len() >= 2, "{said:?}");
    assert!(said.iter().all(|c| c["speaker"]["id"] == person["id"]));
    let (status, detail) = app.get(&format!("/v1/entities/{}", person["id"])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(detail["claim_count"].as_i64().unwrap_or(0) >= 2, "{detail}");
    let involving = app
        .all(&format!("/v1/entities/{}/claims", person["id"]), 50)
        .await;
    assert!(involving.len() >= said.len());
}

/// The explorer's map of a person asks for the GeoJSON of the claims involving them: the
/// places of what they said. (It asked for the claims about them, which name no place.)
#[tokio::test]
async fn a_speakers_map_holds_the_places_of_what_they_said() {
    let app = app().await;
    app.post_json(wildfire()).await;
    let (_, people) = app.get("/v1/entities?q=papadaki&type=person").await;
    let person = people["items"][0]["id"].as_i64().expect("person id");
    let theirs: Vec<Value> = app.all(&format!("/v1/entities/{person}/claims"), 50).await;
    let (status, about) = app
        .get(&format!("/v1/claims.geojson?about={person}&limit=500"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        about["features"].as_array().map(Vec::len),
        Some(0),
        "{about}"
    );
    let (status, map) = app
        .get(&format!("/v1/claims.geojson?involving={person}&limit=500"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let features = map["features"].as_array().cloned().unwrap_or_default();
    assert!(!features.is_empty(), "{map}");
    for f in &features {
        let claim = &f["properties"]["claim_id"];
        assert!(
            theirs.iter().any(|c| &c["id"] == claim),
            "{f} is not theirs"
        );
    }
    assert!(
        features
            .iter()
            .any(|f| f["properties"]["place_name"] == "Chalkída"),
        "{map}"
    );
}

#[tokio::test]
async fn bad_parameters_are_400_and_unknown_ids_404() {
    let app = app().await;
    let cases = [
        ("/v1/articles/abc", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/articles/-1", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/v1/articles/12345", StatusCode::NOT_FOUND, "not_found"),
        (
            "/v1/articles/12345/claims",
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        ("/v1/claims/777", StatusCode::NOT_FOUND, "not_found"),
        ("/v1/entities/777", StatusCode::NOT_FOUND, "not_found"),
        ("/v1/claims?about=777", StatusCode::NOT_FOUND, "not_found"),
        (
            "/v1/claims?about=x%27%3B%20DROP%20TABLE%20claims",
            StatusCode::BAD_REQUEST,
            "invalid_id",
        ),
        (
            "/v1/claims?kind=rumour",
            StatusCode::BAD_REQUEST,
            "invalid_kind",
        ),
        (
            "/v1/claims?limit=0",
            StatusCode::BAD_REQUEST,
            "invalid_limit",
        ),
        (
            "/v1/claims?limit=100000",
            StatusCode::BAD_REQUEST,
            "invalid_limit",
        ),
        (
            "/v1/claims?limit=many",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            "/v1/claims?cursor=bm90LWEtY3Vyc29y",
            StatusCode::BAD_REQUEST,
            "invalid_cursor",
        ),
        (
            "/v1/entities?type=planet",
            StatusCode::BAD_REQUEST,
            "invalid_type",
        ),
        (
            "/v1/entities?q=%25%25",
            StatusCode::BAD_REQUEST,
            "invalid_search",
        ),
        ("/v2/anything", StatusCode::NOT_FOUND, "route_not_found"),
    ];
    for (uri, want, code) in cases {
        let (status, body) = app.get(uri).await;
        assert_eq!(status, want, "{uri}: {body}");
        assert_eq!(body["code"], code, "{uri}: {body}");
    }
    let (status, body) = app.get("/v1/entities?q=%27%20OR%201%3D1%20--").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["items"], json!([]));
}

#[tokio::test]
async fn health_answers() {
    let app = app().await;
    let (status, body) = app.get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
}

const FLOOD_MONDAY: &str = "Floods cut off Bilhorod\nFloodwater covered much of Bilhorod on \
Monday, regional governor Andriy Kovalchuk said. \"We are evacuating 300 people from the \
Bilhorod area,\" Kovalchuk told Reuters. The Moldovan Ministry of Defence said 40 soldiers had \
been sent to the Poltava Oblast.";
const FLOOD_TUESDAY: &str = "Water falls in Bilgorod\nGovernor Andrii Kovaltchuk said on \
Tuesday that the water in Bilgorod had fallen by 20 centimetres. \"The worst is over,\" \
Kovaltchuk said. Moldova's Defense Ministry said 60 more soldiers would reach the Poltava \
region on Wednesday.";
const PORT_THURSDAY: &str = "Boats return to Akkerman\nFishing boats returned to Akkerman on \
Thursday, harbour master Ivo Dancu said. The port of Akkerman had been closed for 5 days.";

impl App {
    /// The id of the first entity a search returns, if any.
    async fn first(&self, q: &str) -> Option<i64> {
        let uri = format!(
            "/v1/entities?q={}",
            q.replace(' ', "%20").replace('\'', "%27")
        );
        let (status, body) = self.get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        body["items"][0]["id"].as_i64()
    }

    async fn post_to(&self, uri: &str, body: &str) -> (StatusCode, Value) {
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request");
        let (status, _, body) = self.send(req).await;
        (status, body)
    }

    async fn post_flood_articles(&self) {
        for (text, source) in [
            (FLOOD_MONDAY, "The Harbour Courier"),
            (FLOOD_TUESDAY, "Harbour Courier"),
        ] {
            let (status, body) = self
                .post_json(json!({"text": text, "source": source}))
                .await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
    }
}

/// A surname of two words ("Herrera Vidal") names the person whose full name ends with
/// it, whichever article comes first.
#[tokio::test]
async fn a_double_surname_names_the_person_in_either_order() {
    let full = "Bridge reopens\nTransport Minister Lucía Herrera Vidal said the bridge at Tarma \
                would reopen in May.";
    let short = "Repairs costed\nMinister Herrera Vidal said the repairs had cost 3 million \
                 euros.";
    for texts in [[full, short], [short, full]] {
        let app = app().await;
        for text in texts {
            app.post_article(json!({ "text": text })).await;
        }
        let (_, people) = app.get("/v1/entities?type=person").await;
        let names: Vec<&str> = people["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|e| e["name"].as_str())
            .collect();
        assert_eq!(names, ["Lucía Herrera Vidal"], "{texts:?}");
    }
}

#[tokio::test]
async fn spellings_of_one_entity_find_one_id() {
    let app = app().await;
    app.post_flood_articles().await;
    let groups: [&[&str]; 5] = [
        &[
            "Andriy Kovalchuk",
            "Kovalchuk",
            "Andrii Kovaltchuk",
            "Kovaltchuk",
            "Governor Andriy Kovalchuk",
            "Kovalchyk",
        ],
        &[
            "Bilhorod",
            "Bilgorod",
            "Bilhorod area",
            "eastern Bilhorod",
            "Bilgorod riverside villages",
        ],
        &[
            "Poltava Oblast",
            "Poltava region",
            "Poltava province",
            "southern Poltava region",
        ],
        &[
            "Moldovan Ministry of Defence",
            "Moldova's Defense Ministry",
            "Moldovan Defense Ministry",
        ],
        &["The Harbour Courier", "Harbour Courier"],
    ];
    let mut ids = Vec::new();
    for names in groups {
        let id = app.first(names[0]).await.expect(names[0]);
        for name in &names[1..] {
            assert_eq!(app.first(name).await, Some(id), "{name} vs {}", names[0]);
        }
        assert!(!ids.contains(&id), "{} shares an id", names[0]);
        ids.push(id);
    }
    let (_, person) = app.get(&format!("/v1/entities/{}", ids[0])).await;
    assert_eq!(person["type"], "person");
    assert!(
        person["roles"]
            .as_array()
            .is_some_and(|r| r.contains(&json!("governor"))),
        "{person}"
    );
    let (_, outlet) = app.get(&format!("/v1/entities/{}", ids[4])).await;
    assert_eq!(outlet["type"], "outlet");
}

/// An alias is a name: one longer than 200 characters is refused, as the schema says.
#[tokio::test]
async fn an_alias_longer_than_200_characters_is_422() {
    let app = app().await;
    let (status, _) = app.post_json(json!({"text": PORT_THURSDAY})).await;
    assert_eq!(status, StatusCode::CREATED);
    let city = app.first("Bilhorod").await.expect("city");
    let uri = format!("/v1/entities/{city}/aliases");
    let long = "é".repeat(201);
    let (got, problem) = app
        .post_to(&uri, &json!({ "alias": long }).to_string())
        .await;
    assert_eq!(
        (got, problem["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_alias")),
        "{problem}"
    );
    let longest = "é".repeat(200);
    let (got, entity) = app
        .post_to(&uri, &json!({ "alias": longest }).to_string())
        .await;
    assert_eq!(got, StatusCode::OK, "{entity}");
    let doc = serde_json::to_value(claimgraph_api::openapi()).expect("document");
    assert_eq!(
        doc["components"]["schemas"]["AliasIn"]["properties"]["alias"]["maxLength"],
        200
    );
}

#[tokio::test]
async fn merges_and_aliases_are_kept_across_ingests() {
    let app = app().await;
    app.post_flood_articles().await;
    let (status, _) = app.post_json(json!({"text": PORT_THURSDAY})).await;
    assert_eq!(status, StatusCode::CREATED);
    let city = app.first("Bilhorod").await.expect("city");
    let old = app.first("Akkerman").await.expect("old name");
    let person = app.first("Kovalchuk").await.expect("person");
    assert_ne!(city, old);

    // bad requests
    let merge = format!("/v1/entities/{city}/merge");
    for (body, status, code) in [
        ("{", StatusCode::BAD_REQUEST, "malformed_json"),
        (
            "{\"from\": 3}",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            "{\"from_id\": -3}",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        ("{\"from_id\": 999999}", StatusCode::NOT_FOUND, "not_found"),
    ] {
        let (got, problem) = app.post_to(&merge, body).await;
        assert_eq!(
            (got, problem["code"].as_str()),
            (status, Some(code)),
            "{body}"
        );
    }
    let (got, problem) = app
        .post_to(&merge, &format!("{{\"from_id\": {city}}}"))
        .await;
    assert_eq!(
        (got, problem["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("merge_into_itself"))
    );
    let (got, problem) = app
        .post_to(&merge, &format!("{{\"from_id\": {person}}}"))
        .await;
    assert_eq!(
        (got, problem["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("kind_mismatch"))
    );
    let (got, problem) = app
        .post_to("/v1/entities/999999/aliases", "{\"alias\": \"x\"}")
        .await;
    assert_eq!(
        (got, problem["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    let (got, problem) = app
        .post_to(
            &format!("/v1/entities/{city}/aliases"),
            "{\"alias\": \"--\"}",
        )
        .await;
    assert_eq!(
        (got, problem["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_alias"))
    );

    // the merge moves names and claims and leaves a redirect
    let (status, merged) = app
        .post_to(&merge, &format!("{{\"from_id\": {old}}}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{merged}");
    assert!(merged["aliases"]
        .as_array()
        .is_some_and(|a| a.contains(&json!("Akkerman"))));
    assert_eq!(app.first("Akkerman").await, Some(city));
    let req = Request::get(format!("/v1/entities/{old}"))
        .body(Body::empty())
        .expect("request");
    let res = app.router.clone().oneshot(req).await.expect("answer");
    assert_eq!(res.status(), StatusCode::PERMANENT_REDIRECT);
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok());
    assert_eq!(location, Some(format!("/v1/entities/{city}").as_str()));
    let (status, problem) = app.get(&format!("/v1/entities/{old}/claims")).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("entity_merged"))
    );
    let about = app.all(&format!("/v1/claims?about={city}"), 50).await;
    assert!(about
        .iter()
        .any(|c| c["text"].as_str().is_some_and(|t| t.contains("Akkerman"))));

    // an alias added by hand
    let (status, _) = app
        .post_to(
            &format!("/v1/entities/{city}/aliases"),
            "{\"alias\": \"Cetatea Alba\"}",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.first("Cetatea Alba").await, Some(city));

    // new articles with the old names resolve to the survivor, not to a new entity
    let (_, before) = app.get("/v1/entities?limit=500").await;
    let later = PORT_THURSDAY.replace("5 days", "6 days");
    let (status, _) = app.post_json(json!({"text": later})).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, after) = app.get("/v1/entities?limit=500").await;
    assert_eq!(
        before["items"].as_array().map(Vec::len),
        after["items"].as_array().map(Vec::len)
    );
    assert_eq!(app.first("Akkerman").await, Some(city));
}

#[tokio::test]
async fn gazetteer_places_carry_coordinates_and_map_as_geojson() {
    let app = app().await;
    let text = "Trams stop in Lviv\nTram drivers in Lviv walked out on Monday, the union said. \
                The mayor of Kiev said drivers in Kyiv would join them on Tuesday.";
    let (status, _) = app.post_json(json!({"text": text, "title": "Trams"})).await;
    assert_eq!(status, StatusCode::CREATED);
    // Both spellings are one entity, named as GeoNames names it, with its position.
    let (_, kiev) = app.get("/v1/entities?q=Kiev&type=place").await;
    let (_, kyiv) = app.get("/v1/entities?q=Kyiv&type=place").await;
    let place = &kyiv["items"][0];
    assert_eq!(kiev["items"][0]["id"], place["id"], "{kiev} {kyiv}");
    assert_eq!(place["name"], "Kyiv");
    assert_eq!(place["country"], "UA");
    assert_eq!(place["place_type"], "city");
    let lat = place["coordinates"]["lat"].as_f64().unwrap_or(0.0);
    assert!((lat - 50.45).abs() < 0.1, "{place}");

    let (_, lviv) = app.get("/v1/entities?q=lviv").await;
    let lviv = &lviv["items"][0];
    let req = Request::get(format!("/v1/claims.geojson?about={}", lviv["id"]))
        .body(Body::empty())
        .expect("request");
    let (status, ctype, geo) = app.send(req).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype.as_deref(), Some("application/geo+json"));
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().cloned().unwrap_or_default();
    assert!(!features.is_empty(), "{geo}");
    for f in &features {
        assert_eq!(f["geometry"]["type"], "Point");
        let lon = f["geometry"]["coordinates"][0].as_f64().unwrap_or(0.0);
        assert!((lon - 24.0).abs() < 0.5, "{f}");
        assert_eq!(f["properties"]["place_id"], lviv["id"]);
        assert!(f["properties"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Lviv")));
    }
    let (status, bad) = app.get("/v1/claims.geojson?kind=rumour").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
}
