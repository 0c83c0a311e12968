//! Which sites a request may come from: the host name it is addressed to (DNS rebinding)
//! and, on writes, the origin of the page that sent it (cross-site request forgery).
//!
//! A page on any site can make a browser send a "simple" request (a `POST` with
//! `Content-Type: text/plain`) to `http://127.0.0.1:8080` without a CORS preflight, and a
//! site whose name the attacker re-points at 127.0.0.1 can even read the answers. Without a
//! token the server would take such writes, so it checks `Host` and `Origin` itself.

use axum::extract::Request;
use axum::http::{header, Method};

use crate::ApiError;

/// The host names and origins the server accepts, parsed once.
#[derive(Debug, Clone)]
pub(crate) struct Sites {
    /// Host names (lower case, without a trailing dot) a request may be addressed to
    /// besides IP addresses and `localhost`; `.example.org` covers its subdomains too.
    hosts: Vec<String>,
    any_host: bool,
    /// Origins (`scheme://host[:port]`, lower case) whose pages may write.
    origins: Vec<String>,
    any_origin: bool,
}

impl Sites {
    /// From `--allowed-host` (`*`: any) and `--cors-origin` (`*`: any).
    pub(crate) fn new(allowed_hosts: &[String], cors_origins: &[String]) -> Sites {
        let norm = |s: &String| s.trim().trim_end_matches('/').to_ascii_lowercase();
        Sites {
            hosts: allowed_hosts
                .iter()
                .map(|h| norm(h).trim_end_matches('.').to_string())
                .filter(|h| !h.is_empty())
                .collect(),
            any_host: allowed_hosts.iter().any(|h| h.trim() == "*"),
            origins: cors_origins.iter().map(norm).collect(),
            any_origin: cors_origins.iter().any(|o| o.trim() == "*"),
        }
    }

    /// Refuses a request addressed to a host name the server does not answer to, or a
    /// write sent by a page of an origin it does not allow.
    pub(crate) fn check(&self, req: &Request) -> Result<(), ApiError> {
        let authority = request_authority(req);
        if let Some(authority) = authority {
            self.check_host(authority)?;
        }
        let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
        if write {
            self.check_origin(req, authority)?;
        }
        Ok(())
    }

    /// IP addresses are never a rebinding attacker's name: any is accepted, as are
    /// `localhost` and its subdomains and the configured names.
    fn check_host(&self, authority: &str) -> Result<(), ApiError> {
        let host = host_of(authority).to_ascii_lowercase();
        let host = host.trim_end_matches('.');
        let allowed = self.any_host
            || is_ip_literal(host)
            || host == "localhost"
            || host.ends_with(".localhost")
            || self.hosts.iter().any(|h| match h.strip_prefix('.') {
                Some(domain) => host == domain || host.ends_with(h.as_str()),
                None => host == h,
            });
        if allowed {
            return Ok(());
        }
        Err(ApiError::HostNotAllowed(format!(
            "this server does not answer to the host name {host:?}; if it should, start it \
             with --allowed-host {host} (CLAIMGRAPH_ALLOWED_HOSTS)"
        )))
    }

    /// A write without `Origin` comes from a program, not a web page, and passes; one from
    /// a page passes when the page is on this server or on an origin `--cors-origin` allows.
    fn check_origin(&self, req: &Request, authority: Option<&str>) -> Result<(), ApiError> {
        let Some(origin) = req.headers().get(header::ORIGIN) else {
            return Ok(());
        };
        let origin = origin
            .to_str()
            .unwrap_or("")
            .trim()
            .trim_end_matches('/')
            .to_ascii_lowercase();
        let same_origin = authority.is_some_and(|a| {
            let a = a.to_ascii_lowercase();
            origin.strip_prefix("http://") == Some(a.as_str())
                || origin.strip_prefix("https://") == Some(a.as_str())
        });
        if self.any_origin || same_origin || self.origins.contains(&origin) {
            return Ok(());
        }
        Err(ApiError::OriginNotAllowed(format!(
            "writes from pages on {origin:?} are not allowed; to allow them, start the server \
             with --cors-origin {origin} (CLAIMGRAPH_CORS_ORIGINS)"
        )))
    }
}

/// The authority the request is addressed to: the target's (absolute form, which wins
/// over `Host`), else the `Host` header. `None` when neither is there (HTTP/1.0 clients).
fn request_authority(req: &Request) -> Option<&str> {
    if let Some(authority) = req.uri().authority() {
        return Some(authority.as_str());
    }
    req.headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("\u{fffd}").trim())
}

/// `host` of `host[:port]` or `[v6]:port`.
fn host_of(authority: &str) -> &str {
    if let Some(rest) = authority.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match authority.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => authority,
    }
}

fn is_ip_literal(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn req(method: Method, host: &str, origin: Option<&str>) -> Request {
        let mut b = Request::builder()
            .method(method)
            .uri("/v1/articles")
            .header(header::HOST, host);
        if let Some(o) = origin {
            b = b.header(header::ORIGIN, o);
        }
        b.body(Body::empty()).expect("request")
    }

    fn code(r: Result<(), ApiError>) -> Option<&'static str> {
        match r {
            Ok(()) => None,
            Err(ApiError::HostNotAllowed(_)) => Some("host"),
            Err(ApiError::OriginNotAllowed(_)) => Some("origin"),
            Err(e) => panic!("unexpected {e:?}"),
        }
    }

    #[test]
    fn loopback_names_and_any_ip_are_hosts_by_default() {
        let sites = Sites::new(&[], &[]);
        for host in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:9",
            "app.localhost:8080",
            "[::1]:8080",
            "192.0.2.7",
            "localhost.",
        ] {
            assert_eq!(
                code(sites.check(&req(Method::GET, host, None))),
                None,
                "{host}"
            );
        }
        for host in [
            "evil.example",
            "evil.example:8080",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
        ] {
            assert_eq!(
                code(sites.check(&req(Method::GET, host, None))),
                Some("host"),
                "{host}"
            );
        }
    }

    #[test]
    fn configured_names_and_their_subdomains_with_a_dot() {
        let sites = Sites::new(&["claims.example.org".into(), ".corp.example".into()], &[]);
        let ok = |h: &str| code(sites.check(&req(Method::GET, h, None))).is_none();
        assert!(ok("claims.example.org:443"));
        assert!(ok("Claims.Example.Org"));
        assert!(!ok("other.example.org"));
        assert!(ok("corp.example"));
        assert!(ok("api.corp.example"));
        assert!(!ok("evilcorp.example"));
        let any = Sites::new(&["*".into()], &[]);
        assert_eq!(
            code(any.check(&req(Method::GET, "anything.example", None))),
            None
        );
    }

    #[test]
    fn writes_from_other_origins_are_refused_unless_allowed() {
        let sites = Sites::new(&[], &["https://app.example.org/".into()]);
        let post =
            |origin: Option<&str>| code(sites.check(&req(Method::POST, "127.0.0.1:8080", origin)));
        assert_eq!(post(None), None, "a program sends no Origin");
        assert_eq!(post(Some("http://127.0.0.1:8080")), None, "same origin");
        assert_eq!(
            post(Some("https://app.example.org")),
            None,
            "allowed by --cors-origin"
        );
        assert_eq!(post(Some("https://evil.example")), Some("origin"));
        assert_eq!(post(Some("null")), Some("origin"));
        assert_eq!(
            post(Some("http://127.0.0.1:9999")),
            Some("origin"),
            "another port is another origin"
        );
        let read = sites.check(&req(
            Method::GET,
            "127.0.0.1:8080",
            Some("https://evil.example"),
        ));
        assert_eq!(code(read), None, "reads are CORS's business");
        let any = Sites::new(&[], &["*".into()]);
        assert_eq!(
            code(any.check(&req(
                Method::DELETE,
                "localhost",
                Some("https://evil.example")
            ))),
            None
        );
    }
}
