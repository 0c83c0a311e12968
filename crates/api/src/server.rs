//! The listener: accepts TCP connections, bounds how many one client address and all
//! clients together may hold, gives every request head a deadline, and shuts down within a
//! bound.
//!
//! `axum::serve` offers none of these: a client that sends half a request head and then
//! nothing holds its connection (and a file descriptor) for ever, and a thousand of them
//! exhaust the process's descriptors so that every other client is refused. So the server
//! runs hyper's HTTP/1.1 connection itself, with a timer for `header_read_timeout`, and
//! counts connections where they are accepted.

use std::collections::HashMap;
use std::future::Future;
use std::io::Write;
use std::net::{IpAddr, Ipv6Addr, Shutdown, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::{router, ApiError, AppState};

/// Longest a client may take to send a request head unless configured otherwise.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections held at once, all clients together, unless configured otherwise: under the
/// usual limit of 1024 open files, with room for the database's.
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
/// Connections one client address may hold at once unless configured otherwise.
pub const DEFAULT_MAX_CONNECTIONS_PER_IP: usize = 64;
/// Longest a shutdown waits for requests in flight unless configured otherwise.
pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration =
    Duration::from_secs(crate::SHUTDOWN_GRACE.as_secs() + crate::SHUTDOWN_DRAIN.as_secs());
/// The most bytes hyper buffers for one connection's request head: with the connection
/// limit, this bounds the memory clients can make the server hold for heads they never
/// finish. Above the limits `protocol` enforces, so that they answer first.
const MAX_HEAD_BUFFER: usize = 64 * 1024;

/// Limits of the listener that an operator may change.
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// Longest from the start of a connection, or the end of the previous answer on it,
    /// until a whole request head has arrived; then the connection is closed. Also how
    /// long an idle keep-alive connection stays open. Zero: no limit.
    pub header_read_timeout: Duration,
    /// Connections held at once by all clients; more are answered 503
    /// `too_many_connections` and closed. 0: no limit.
    pub max_connections: usize,
    /// Connections held at once by one client address (an IPv6 client by its /64
    /// network); more are answered as above. 0: no limit.
    pub max_connections_per_ip: usize,
    /// Longest a shutdown waits for requests in flight before it drops them.
    pub shutdown_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            max_connections_per_ip: DEFAULT_MAX_CONNECTIONS_PER_IP,
            shutdown_timeout: DEFAULT_SHUTDOWN_TIMEOUT,
        }
    }
}

/// Serves the API on `listener` until `shutdown` resolves; then stops accepting, lets
/// requests in flight finish for up to the configured shutdown timeout, and returns. Each
/// request knows its client's address (for the rate limit).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.config.connections.clone();
    let store = state.store.clone();
    let exports = state.exports.clone();
    // event streams never end on their own: they close when shutdown begins
    let events = state.events.clone();
    let app = router(state);
    let limiter = Limiter::new(&limits);
    let builder = http1_builder(&limits);
    let refusal = ApiError::TooManyConnections.http1_bytes();
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => {
                events.close();
                break;
            }
        };
        // forget connections that have ended, so the set holds only live ones
        while connections.try_join_next().is_some() {}
        let Some(permit) = limiter.admit(peer.ip()) else {
            refuse(stream, &refusal);
            continue;
        };
        let service = TowerToHyperService::new(app.clone().map_request(with_peer(peer)));
        let conn = builder.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        connections.spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    finish(
        graceful,
        connections,
        &*store,
        &exports,
        limits.shutdown_timeout,
    )
    .await;
    Ok(())
}

/// HTTP/1.1 only, as before (axum's default features serve no HTTP/2), with the head
/// deadline and buffer bound.
fn http1_builder(limits: &ConnectionLimits) -> http1::Builder {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(
            (!limits.header_read_timeout.is_zero()).then_some(limits.header_read_timeout),
        )
        .max_buf_size(MAX_HEAD_BUFFER);
    builder
}

/// Puts the peer's address on every request of a connection, where the guard reads it.
fn with_peer(peer: SocketAddr) -> impl Fn(Request<Incoming>) -> Request<Incoming> + Clone {
    move |mut req| {
        req.extensions_mut().insert(ConnectInfo(peer));
        req
    }
}

/// An accept that failed: a client that gave up is nothing; running out of file
/// descriptors is, and retrying at once would spin, so wait a little.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset | ErrorKind::Interrupted
    ) {
        return;
    }
    tracing::warn!(error = %e, "accept failed; retrying in 100 ms");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// Answers 503 `too_many_connections` without waiting (the socket's send buffer is empty,
/// so the write does not block) and closes the connection. A client whose request already
/// arrived may see the connection reset instead of the answer.
fn refuse(stream: TcpStream, answer: &[u8]) {
    tracing::debug!(peer = ?stream.peer_addr().ok(), "connection refused: over the connection limit");
    if let Ok(mut stream) = stream.into_std() {
        let _ = stream.write(answer);
        let _ = stream.shutdown(Shutdown::Write);
    }
}

/// Asks every connection to close after its request in flight and waits up to `timeout`
/// for them: after [`crate::SHUTDOWN_GRACE`] (or `timeout`, if shorter) the reads still
/// running are stopped in the database, so they answer 503 at once, and the exports still
/// streaming end; what is left at `timeout` (a client still sending its request) is
/// dropped.
async fn finish(
    graceful: GracefulShutdown,
    mut connections: JoinSet<()>,
    store: &dyn claimgraph_graph::storage::Storage,
    exports: &crate::stream::ExportSlots,
    timeout: Duration,
) {
    let grace = crate::SHUTDOWN_GRACE.min(timeout);
    let drained = graceful.shutdown();
    tokio::pin!(drained);
    if tokio::time::timeout(grace, &mut drained).await.is_err() {
        tracing::warn!(
            "requests still running after the grace period: stopping their reads and exports"
        );
        store.stop_reads();
        exports.close();
        if tokio::time::timeout(timeout - grace, &mut drained)
            .await
            .is_err()
        {
            tracing::warn!(
                connections = connections.len(),
                seconds = timeout.as_secs_f32(),
                "requests still in flight after the shutdown timeout: dropping them"
            );
        }
    }
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}

/// Open connections per client address.
type Held = Arc<Mutex<HashMap<IpAddr, usize>>>;

/// Counts connections per client address and in total, at accept.
struct Limiter {
    total: Option<Arc<Semaphore>>,
    per_address: usize,
    held: Held,
}

/// One admitted connection's share of the limits, returned when dropped.
struct Admitted {
    _total: Option<OwnedSemaphorePermit>,
    address: Option<(Held, IpAddr)>,
}

impl Limiter {
    fn new(limits: &ConnectionLimits) -> Limiter {
        Limiter {
            total: (limits.max_connections > 0)
                .then(|| Arc::new(Semaphore::new(limits.max_connections))),
            per_address: limits.max_connections_per_ip,
            held: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// A share for a new connection from `ip`, or `None` when it would pass a limit.
    fn admit(&self, ip: IpAddr) -> Option<Admitted> {
        let total = match &self.total {
            Some(s) => Some(Arc::clone(s).try_acquire_owned().ok()?),
            None => None,
        };
        if self.per_address == 0 {
            return Some(Admitted {
                _total: total,
                address: None,
            });
        }
        let key = client_key(ip);
        // a poisoned lock only means a thread panicked mid-update: the counts are numbers
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        let count = held.entry(key).or_insert(0);
        if *count >= self.per_address {
            return None;
        }
        *count += 1;
        Some(Admitted {
            _total: total,
            address: Some((Arc::clone(&self.held), key)),
        })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let Some((held, key)) = &self.address else {
            return;
        };
        let mut held = held.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = held.get_mut(key) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                held.remove(key);
            }
        }
    }
}

/// The address a client is counted under: IPv4 as is (also when mapped into IPv6), IPv6
/// by its /64 network, since one host usually has a whole /64 to pick addresses from.
fn client_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn limits(total: usize, per_ip: usize) -> ConnectionLimits {
        ConnectionLimits {
            max_connections: total,
            max_connections_per_ip: per_ip,
            ..ConnectionLimits::default()
        }
    }

    #[test]
    fn one_address_holds_at_most_its_share_and_gets_it_back() {
        let limiter = Limiter::new(&limits(10, 2));
        let a = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let b = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));
        let first = limiter.admit(a).expect("first");
        let _second = limiter.admit(a).expect("second");
        assert!(limiter.admit(a).is_none(), "a third from the same address");
        assert!(
            limiter.admit(b).is_some(),
            "another address has its own share"
        );
        drop(first);
        assert!(
            limiter.admit(a).is_some(),
            "a closed connection frees its place"
        );
    }

    #[test]
    fn all_addresses_together_hold_at_most_the_total() {
        let limiter = Limiter::new(&limits(2, 0));
        let held: Vec<_> = (1..=2)
            .map(|i| limiter.admit(IpAddr::V4(Ipv4Addr::new(10, 0, 0, i))))
            .collect();
        assert!(held.iter().all(Option::is_some));
        assert!(limiter
            .admit(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 3)))
            .is_none());
        drop(held);
        assert!(limiter
            .admit(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 3)))
            .is_some());
    }

    #[test]
    fn a_refused_address_does_not_use_up_the_total() {
        let limiter = Limiter::new(&limits(2, 1));
        let a = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let _held = limiter.admit(a).expect("first");
        assert!(limiter.admit(a).is_none());
        assert!(limiter.admit(a).is_none());
        assert!(limiter
            .admit(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)))
            .is_some());
    }

    #[test]
    fn ipv6_clients_count_by_their_64_network() {
        let one: IpAddr = "2001:db8:1:2::1".parse().expect("ip");
        let other: IpAddr = "2001:db8:1:2:ffff::9".parse().expect("ip");
        let elsewhere: IpAddr = "2001:db8:1:3::1".parse().expect("ip");
        assert_eq!(client_key(one), client_key(other));
        assert_ne!(client_key(one), client_key(elsewhere));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().expect("ip");
        assert_eq!(client_key(mapped), IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)));
    }
}
