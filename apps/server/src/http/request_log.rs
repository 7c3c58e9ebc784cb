//! One log line per request: method, route template, status, latency and the client
//! address anonymised to its network (IPv4 /24, IPv6 /48). Never the path's values,
//! the query string, headers, cookies or bodies.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;
use super::metrics::RequestLabels;

pub(super) async fn log_request(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = client_ip(peer, request.headers(), state.trust_proxy_headers).map(anonymise);

    let response = next.run(request).await;

    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    let client = client.map_or_else(|| "-".to_owned(), |ip| ip.to_string());
    tracing::info!(
        target: "mimi::http",
        method = %method,
        route = %route,
        status,
        latency_ms = elapsed.as_secs_f64() * 1000.0,
        client = %client,
        "request"
    );
    state.metrics.observe_request(
        RequestLabels {
            method,
            route,
            status,
        },
        elapsed.as_secs_f64(),
    );
    response
}

/// The client's address: the peer, or behind a trusted proxy the last `X-Forwarded-For`
/// entry (the one that proxy appended; earlier entries are whatever the client claimed).
pub(super) fn client_ip(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trust_proxy: bool,
) -> Option<IpAddr> {
    if trust_proxy {
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|s| s.trim().parse::<IpAddr>().ok())
            .next_back();
        if forwarded.is_some() {
            return forwarded;
        }
    }
    peer
}

/// Keeps the network and zeroes the host part: IPv4 to /24, IPv6 to /48.
/// IPv4-mapped IPv6 addresses are treated as the IPv4 address they carry.
pub fn anonymise(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(anonymise_v4(v4)),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(anonymise_v4(v4)),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0))
            }
        },
    }
}

fn anonymise_v4(ip: Ipv4Addr) -> Ipv4Addr {
    let [a, b, c, _] = ip.octets();
    Ipv4Addr::new(a, b, c, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ipv4_keeps_its_slash_24() {
        assert_eq!(anonymise(ip("203.0.113.77")), ip("203.0.113.0"));
    }

    #[test]
    fn ipv6_keeps_its_slash_48() {
        assert_eq!(
            anonymise(ip("2001:db8:abcd:12:3456::1")),
            ip("2001:db8:abcd::")
        );
    }

    #[test]
    fn ipv4_mapped_ipv6_is_anonymised_as_ipv4() {
        assert_eq!(anonymise(ip("::ffff:198.51.100.9")), ip("198.51.100.0"));
    }

    #[test]
    fn forwarded_for_is_ignored_unless_the_proxy_is_trusted() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "10.9.9.9, 198.51.100.9".parse().unwrap());
        assert_eq!(
            client_ip(Some(ip("127.0.0.1")), &headers, false),
            Some(ip("127.0.0.1"))
        );
        assert_eq!(
            client_ip(Some(ip("127.0.0.1")), &headers, true),
            Some(ip("198.51.100.9"))
        );
    }

    #[test]
    fn a_garbled_forwarded_for_falls_back_to_the_peer() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "not-an-ip".parse().unwrap());
        assert_eq!(
            client_ip(Some(ip("127.0.0.1")), &headers, true),
            Some(ip("127.0.0.1"))
        );
    }
}
