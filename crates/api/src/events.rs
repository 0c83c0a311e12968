//! `GET /v1/events`: new articles, claims and facts as server-sent events, for dashboards.
//!
//! Each subscriber polls the store by id (see the store's `feed`), and only when the
//! database's change counter moved, so it sees what any process wrote (`claimgraph
//! ingest` into the same file) and costs one small statement per interval while nothing
//! happens. An event's id is the position after it, so a client that reconnects with
//! `Last-Event-ID` misses nothing. Subscribers are capped, and every stream ends when the
//! server begins to shut down, so it never holds up a graceful shutdown.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use claimgraph_graph::storage::{DataVersion, FeedPosition, Storage, StorageError};
use futures_util::stream::{self, Stream};
use serde::Serialize;
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

use crate::dto::{ArticleOut, ClaimOut, FactOut};
use crate::error::ErrorCode;
use crate::error::Problem;
use crate::{ApiError, AppState};

/// How `GET /v1/events` behaves; the defaults suit a few dashboards.
#[derive(Debug, Clone)]
pub struct EventsConfig {
    /// Streams open at once; more get 503 `too_many_subscribers`. 0 turns the endpoint's
    /// streams off (every request gets the 503).
    pub max_subscribers: usize,
    /// How often a stream asks whether anything was written.
    pub poll_interval: Duration,
    /// How often an idle stream sends a comment, so proxies keep it open.
    pub keep_alive: Duration,
}

impl Default for EventsConfig {
    fn default() -> Self {
        EventsConfig {
            max_subscribers: 64,
            poll_interval: Duration::from_secs(1),
            keep_alive: Duration::from_secs(15),
        }
    }
}

/// Rows of each kind read per poll: a bulk ingest is streamed in steps, not in one gulp.
const BATCH: i64 = 100;

/// The subscribers' shared state: the cap and the shutdown signal.
#[derive(Debug, Clone)]
pub struct EventHub {
    permits: Arc<Semaphore>,
    stop: Arc<watch::Sender<bool>>,
}

impl EventHub {
    pub fn new(max_subscribers: usize) -> EventHub {
        EventHub {
            permits: Arc::new(Semaphore::new(max_subscribers.min(Semaphore::MAX_PERMITS))),
            stop: Arc::new(watch::channel(false).0),
        }
    }

    /// Ends every stream, now and for subscribers arriving later; the server calls it
    /// when it begins to shut down.
    pub fn close(&self) {
        self.stop.send_replace(true);
    }
}

/// `GET /v1/events`.
#[utoipa::path(get, path = "/v1/events", tag = "events", operation_id = "events",
    summary = "New articles, claims and facts as server-sent events",
    description = "A `text/event-stream` of what is written from now on, by this server or any other process on the same database. Events: `article` (an article, as `GET /v1/articles` lists it), `claim` (a claim, as `GET /v1/claims` lists it), `fact` (a fact newly formed, as `GET /v1/facts` lists it). Each event's `id` is a position `ARTICLE.CLAIM.FACT` (the last ids sent); reconnect with `Last-Event-ID` to resume after it. An idle stream sends a `:keep-alive` comment every 15 s. Streams end when the server shuts down.",
    params(("last-event-id" = Option<String>, Header, description = "Resume after this event id (`ARTICLE.CLAIM.FACT`, e.g. `12.340.56`); without it, the stream starts with what is written next")),
    responses(
        (status = 200, description = "The stream; `data` is one JSON object per event", body = String, content_type = "text/event-stream"),
        (status = 400, description = "`invalid_event_id`: `Last-Event-ID` is not three ids joined by dots", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`too_many_subscribers`: as many streams are open as the server allows; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let resume = match headers.get("last-event-id") {
        Some(v) => Some(parse_position(v.as_bytes())?),
        None => None,
    };
    let permit = Arc::clone(&state.events.permits)
        .try_acquire_owned()
        .map_err(|_| ApiError::TooManySubscribers {
            limit: state.config.events.max_subscribers,
        })?;
    let position = match resume {
        Some(p) => p,
        None => state.store.feed_head().await?,
    };
    let feed = Feed {
        store: state.store.clone(),
        position,
        seen: None,
        pending: VecDeque::new(),
        stop: state.events.stop.subscribe(),
        interval: state.config.events.poll_interval,
        again_now: true,
        _permit: permit,
    };
    let keep_alive = KeepAlive::new()
        .interval(state.config.events.keep_alive)
        .text("keep-alive");
    Ok(Sse::new(feed.into_stream())
        .keep_alive(keep_alive)
        .into_response())
}

/// `ARTICLE.CLAIM.FACT`: what an event id holds.
fn parse_position(raw: &[u8]) -> Result<FeedPosition, ApiError> {
    let bad = || {
        ApiError::bad_request(
            ErrorCode::InvalidEventId,
            "Last-Event-ID must be an event id this server sent (ARTICLE.CLAIM.FACT, e.g. 12.340.56)",
        )
    };
    let text = std::str::from_utf8(raw).map_err(|_| bad())?;
    let ids: Vec<i64> = text
        .trim()
        .split('.')
        .map(|p| p.parse::<i64>().ok().filter(|n| *n >= 0))
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    match ids.as_slice() {
        [article, claim, fact] => Ok(FeedPosition {
            article: *article,
            claim: *claim,
            fact: *fact,
        }),
        _ => Err(bad()),
    }
}

fn event_id(p: &FeedPosition) -> String {
    format!("{}.{}.{}", p.article, p.claim, p.fact)
}

/// One subscriber's stream: where it stands, what it has yet to send, and when to stop.
struct Feed {
    store: Arc<dyn Storage>,
    position: FeedPosition,
    /// The change counter at the last read; `None` before the first.
    seen: Option<DataVersion>,
    pending: VecDeque<Event>,
    stop: watch::Receiver<bool>,
    interval: Duration,
    /// The last read filled a batch: read again without waiting.
    again_now: bool,
    /// Held while the stream lives: the subscriber's place under the cap.
    _permit: OwnedSemaphorePermit,
}

impl Feed {
    fn into_stream(self) -> impl Stream<Item = Result<Event, Infallible>> {
        stream::unfold(self, |mut feed| async move {
            let event = feed.next_event().await?;
            Some((Ok(event), feed))
        })
    }

    /// The next event to send; `None` once the server shuts down.
    async fn next_event(&mut self) -> Option<Event> {
        loop {
            if *self.stop.borrow() {
                return None;
            }
            if let Some(event) = self.pending.pop_front() {
                return Some(event);
            }
            if !self.again_now {
                tokio::select! {
                    // a dropped sender means the server is gone too
                    changed = self.stop.changed() => if changed.is_err() { return None },
                    _ = tokio::time::sleep(self.interval) => {}
                }
                continue_if_stopped(&self.stop)?;
            }
            if let Err(e) = self.poll().await {
                // a locked or busy database is passing: try again next interval
                tracing::warn!(error = %e, "reading new rows for /v1/events");
                self.again_now = false;
            }
        }
    }

    /// Reads what was written past the position, if the database changed since the last
    /// read, and queues it as events.
    async fn poll(&mut self) -> Result<(), StorageError> {
        let version = self.store.data_version().await?;
        if !self.again_now && self.seen == Some(version) {
            return Ok(());
        }
        let articles = self
            .store
            .articles_after(self.position.article, BATCH)
            .await?;
        let claims = self.store.claims_after(self.position.claim, BATCH).await?;
        let facts = self.store.facts_after(self.position.fact, BATCH).await?;
        self.again_now = [articles.len(), claims.len(), facts.len()]
            .iter()
            .any(|n| *n as i64 >= BATCH);
        self.seen = Some(version);
        for a in articles {
            self.position.article = a.id;
            self.queue("article", &ArticleOut::from(a));
        }
        for c in claims {
            self.position.claim = c.id;
            self.queue("claim", &ClaimOut::from(c));
        }
        for f in facts {
            self.position.fact = f.id;
            self.queue("fact", &FactOut::from(f));
        }
        Ok(())
    }

    fn queue(&mut self, name: &str, data: &impl Serialize) {
        match Event::default()
            .event(name)
            .id(event_id(&self.position))
            .json_data(data)
        {
            Ok(event) => self.pending.push_back(event),
            Err(e) => tracing::error!(error = %e, "encoding a /v1/events {name} event"),
        }
    }
}

/// `None` when the server has begun to shut down.
fn continue_if_stopped(stop: &watch::Receiver<bool>) -> Option<()> {
    (!*stop.borrow()).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_round_trip_and_junk_is_refused() {
        let p = FeedPosition {
            article: 12,
            claim: 340,
            fact: 0,
        };
        assert_eq!(parse_position(event_id(&p).as_bytes()).ok(), Some(p));
        for bad in ["", "1.2", "1.2.3.4", "a.b.c", "1.-2.3", "1..3"] {
            assert!(parse_position(bad.as_bytes()).is_err(), "{bad:?}");
        }
    }
}
