//! Conflicting figures over HTTP, on stories other than a war: casualty counts read by what
//! befell the people counted, a bound a later count meets left alone, a scale read exactly,
//! and two percentages of different things left apart.

use serde_json::{json, Value};

use crate::support::{app, App};

const QUAKE_A: &str = "Quake hits the coast\nA magnitude 6.1 earthquake struck the coast of \
Veloria on Monday, killing 9 people and injuring more than 120, the civil protection \
agency said.";
const QUAKE_B: &str = "Quake toll rises\nThe earthquake that struck the coast of Veloria on \
Monday killed 13 people, officials said on Tuesday.";
const QUAKE_C: &str = "Coast counts the damage\nAn earthquake of magnitude 6.4 shook the coast of \
Veloria on Monday, the national seismic institute said.";
const QUAKE_D: &str = "Hospitals full\nThe earthquake that struck the coast of Veloria on Monday \
injured 120 people, hospital officials said.";
const QUAKE_E: &str = "Toll climbs\nThe earthquake that struck the coast of Veloria on Monday \
killed at least 11 people, rescuers said.";
const RATES_A: &str = "Rates up again\nThe central bank of Veloria raised its key rate to 4.5% \
on Thursday as consumer prices kept rising, governor Ilse Marr said.";
const RATES_B: &str = "Prices keep climbing\nConsumer prices in Veloria rose 6.8% over the year \
to May, central bank governor Ilse Marr said on Thursday.";

/// Another story, so that the words the two rate stories share weigh what they would in a
/// store of many articles.
const OTHER: &str = "Cup final tonight\nThe coach of Port Vela said his squad was ready for the \
final. The club said 40,000 tickets had been sold. Fans said the stadium roof still leaked.";

async fn post(app: &App, text: &str, source: &str) -> i64 {
    let a = app
        .post_article(json!({"text": text, "source": source}))
        .await;
    a["id"].as_i64().expect("article id")
}

/// The texts of the claims `GET /v1/claims/{id}` lists as conflicting with the claim of
/// `article` whose text contains `needle`.
async fn conflicting(app: &App, article: i64, needle: &str) -> Vec<String> {
    app.claim_with(article, needle).await["conflicts_with"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|o: &Value| o["text"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn death_tolls_and_magnitudes_conflict_and_injuries_do_not() {
    let app = app().await;
    let a = post(&app, QUAKE_A, "Coast Courier").await;
    let b = post(&app, QUAKE_B, "Island Wire").await;
    let c = post(&app, QUAKE_C, "Morning Ledger").await;
    let first = conflicting(&app, a, "killing 9").await;
    assert!(
        first.iter().any(|t| t.contains("killed 13")),
        "9 killed against 13: {first:?}"
    );
    assert!(
        first.iter().any(|t| t.contains("magnitude 6.4")),
        "magnitude 6.1 against 6.4: {first:?}"
    );
    // 13 is a count of the dead, 120 one of the injured
    let d = post(&app, QUAKE_D, "Health Weekly").await;
    let toll = conflicting(&app, b, "killed 13").await;
    assert_eq!(toll.len(), 1, "{toll:?}");
    let injured = conflicting(&app, d, "injured 120").await;
    assert_eq!(injured, Vec::<String>::new());
    let scale = conflicting(&app, c, "magnitude 6.4").await;
    assert_eq!(scale.len(), 1, "{scale:?}");
    // "at least 11" is met by 13, not by 9
    let e = post(&app, QUAKE_E, "Rescue Radio").await;
    let bound = conflicting(&app, e, "at least 11").await;
    assert!(
        bound.iter().all(|t| !t.contains("killed 13")),
        "at least 11 and 13 agree: {bound:?}"
    );
    assert!(
        bound.iter().any(|t| t.contains("killing 9")),
        "at least 11 and 9 do not: {bound:?}"
    );
}

#[tokio::test]
async fn percentages_of_two_things_do_not_conflict() {
    let app = app().await;
    post(&app, OTHER, "Sports Desk").await;
    let a = post(&app, RATES_A, "Coast Courier").await;
    post(&app, RATES_B, "Island Wire").await;
    assert_eq!(
        conflicting(&app, a, "4.5%").await,
        Vec::<String>::new(),
        "a rate of 4.5% and prices up 6.8% are two subjects"
    );
}
