//! Which URLs and addresses the fetcher may reach (the SSRF guard).
//!
//! URLs must be http or https without credentials. Addresses must be public unicast; the
//! check runs on literal IPs in URLs and, through [`GuardedResolver`], on every address a
//! host name resolves to, which are the only addresses reqwest connects to: a name that
//! resolves to a private address (or is rebound to one between checks) is never reached.
//! Any port is allowed: owners' sites do run on 8080, and a public address is public on all
//! its ports.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

use crate::Error;

/// Which non-public targets a policy allows (tests only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Allowance {
    pub(crate) private: bool,
    pub(crate) loopback: bool,
}

impl Allowance {
    pub(crate) fn permits(self, ip: IpAddr) -> bool {
        self.private || is_public(ip) || (self.loopback && canonical(ip).is_loopback())
    }
}

/// Checks scheme, credentials and a literal IP host of one URL (each redirect hop too).
pub(crate) fn check_url(url: &Url, allowance: Allowance) -> Result<(), Error> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::not_allowed(format!(
            "{}: addresses are not supported, only http and https",
            url.scheme()
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::not_allowed(
            "the address contains a user name or password",
        ));
    }
    let ip = match url.host() {
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip),
        Some(Host::Domain(_)) => return Ok(()),
        None => return Err(Error::not_allowed("the address has no host")),
    };
    if allowance.permits(ip) {
        Ok(())
    } else {
        Err(refused(ip))
    }
}

fn refused(ip: IpAddr) -> Error {
    Error::not_allowed(format!("{ip} is a local, private or reserved address"))
}

/// IPv4-mapped and IPv4-compatible IPv6 addresses as the IPv4 address they reach.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Whether an address is public unicast: not loopback, private, link-local (cloud metadata
/// at 169.254.169.254), shared (CGNAT), unspecified, broadcast, multicast, documentation,
/// benchmarking or reserved; IPv6 forms that embed an IPv4 address are judged by it.
pub(crate) fn is_public(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let embedded_v4 =
        |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if s[0] == 0x2002 {
        // 6to4 reaches the IPv4 address in bits 16..48.
        return is_public_v4(embedded_v4(s[1], s[2]));
    }
    if s[0] == 0x64 && s[1] == 0xff9b {
        // NAT64 reaches the IPv4 address in the last 32 bits.
        return is_public_v4(embedded_v4(s[6], s[7]));
    }
    let global_unicast = (s[0] & 0xe000) == 0x2000; // 2000::/3
    let documentation = s[0] == 0x2001 && s[1] == 0x0db8;
    let teredo_or_benchmark = s[0] == 0x2001 && (s[1] == 0 || s[1] == 2);
    global_unicast && !documentation && !teredo_or_benchmark
}

/// A reqwest resolver that resolves with the system resolver and keeps only permitted
/// addresses, failing with [`Blocked`] when none is left.
#[derive(Debug)]
pub(crate) struct GuardedResolver {
    pub(crate) allowance: Allowance,
}

/// The error a refused name resolution carries through reqwest's error chain.
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves only to local, private or reserved addresses ({first})")]
pub(crate) struct Blocked {
    host: String,
    first: IpAddr,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allowance = self.allowance;
        Box::pin(async move {
            let host = name.as_str().to_string();
            let resolved: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let permitted: Vec<SocketAddr> = resolved
                .iter()
                .copied()
                .filter(|a| allowance.permits(a.ip()))
                .collect();
            match (permitted.is_empty(), resolved.first()) {
                (false, _) => Ok(Box::new(permitted.into_iter()) as Addrs),
                (true, Some(first)) => Err(Box::new(Blocked {
                    host,
                    first: first.ip(),
                }) as _),
                (true, None) => Err(format!("{host} has no addresses").into()),
            }
        })
    }
}

/// The [`Blocked`] refusal inside a reqwest error, as the owner-facing error.
pub(crate) fn blocked_in(error: &(dyn std::error::Error + 'static)) -> Option<Error> {
    let mut source = Some(error);
    while let Some(e) = source {
        if let Some(blocked) = e.downcast_ref::<Blocked>() {
            return Some(Error::not_allowed(blocked.to_string()));
        }
        source = e.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOT_PUBLIC: &[&str] = &[
        "127.0.0.1",
        "127.8.9.1",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "0.1.2.3",
        "255.255.255.255",
        "224.0.0.1",
        "192.0.2.1",
        "198.18.0.1",
        "240.0.0.1",
        "192.0.0.8",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::7f00:1",
        "2002:7f00:1::",
        "2002:a9fe:a9fe::1",
        "2001:db8::1",
        "2001::1",
        "fec0::1",
        "100::1",
    ];

    #[test]
    fn local_private_and_reserved_addresses_are_not_public() {
        for ip in NOT_PUBLIC {
            assert!(!is_public(ip.parse().unwrap()), "{ip} counted as public");
        }
    }

    #[test]
    fn public_addresses_are_public() {
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:808:808::1",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip} counted as private");
        }
    }

    #[test]
    fn only_http_urls_without_credentials_pass() {
        let strict = Allowance {
            private: false,
            loopback: false,
        };
        for url in [
            "file:///etc/passwd",
            "ftp://example.com/",
            "gopher://example.com",
            "http://user:pw@example.com/",
            "http://127.0.0.1/",
            "http://[::1]:8080/",
            "http://169.254.169.254/latest/meta-data/",
            "http://0x7f.1/",
        ] {
            let err = check_url(&Url::parse(url).unwrap(), strict).unwrap_err();
            assert_eq!(err.code(), "url_not_allowed", "{url}");
        }
        assert!(check_url(&Url::parse("https://example.com:8443/a").unwrap(), strict).is_ok());
    }

    #[test]
    fn the_loopback_allowance_does_not_open_private_networks() {
        let loopback = Allowance {
            private: false,
            loopback: true,
        };
        assert!(loopback.permits("127.0.0.1".parse().unwrap()));
        assert!(loopback.permits("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!loopback.permits("10.0.0.1".parse().unwrap()));
        assert!(!loopback.permits("169.254.169.254".parse().unwrap()));
    }
}
