use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::hostname::is_hostname;
use super::ip::{is_ipv4, is_ipv6};

/// Whether `host`, the host of a URL as written there (a host name, a dotted-quad IPv4 address or
/// a bracketed IPv6 address), is a valid host that may be on the public internet: the check of
/// [`UrlOptions::public`](super::UrlOptions::public).
///
/// - An IP address must pass [`is_public_ip`].
/// - A name must have at least two labels (`intranet` is refused) and be none of `localhost`
///   (RFC 6761), `local` (multicast DNS, RFC 6762), `internal` (reserved for private use by
///   ICANN) and `home.arpa` (home networks, RFC 8375), nor under one of them (`db.internal`),
///   in any case.
///
/// This reads the text only: a public name may still resolve to an internal address, so the
/// client that connects must check the address it resolved with [`is_public_ip`] too.
///
/// ```
/// use validate_core::formats::is_public_host;
///
/// assert!(is_public_host("example.com"));
/// assert!(is_public_host("8.8.8.8"));
/// assert!(is_public_host("[2606:4700::1111]"));
/// assert!(!is_public_host("10.0.0.1"));
/// assert!(!is_public_host("[::ffff:127.0.0.1]"));
/// assert!(!is_public_host("api.Internal"));
/// assert!(!is_public_host("intranet"));
/// assert!(!is_public_host("exa mple.com"));
/// ```
#[must_use]
pub fn is_public_host(host: &str) -> bool {
    if let Some(address) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return is_ipv6(address) && address.parse().is_ok_and(is_public_ipv6);
    }
    if is_ipv4(host) {
        return host.parse().is_ok_and(is_public_ipv4);
    }
    is_hostname(host) && host.contains('.') && !is_local_name(host.as_bytes())
}

/// Whether `ip` may be the address of a host on the public internet: the ranges
/// [`UrlOptions::public`](super::UrlOptions::public) refuses, for the client to check the address
/// it resolved a name to.
///
/// Refused IPv4 ranges: `0.0.0.0/8` (this network; `0.0.0.0` is the unspecified address),
/// loopback `127.0.0.0/8`, private `10.0.0.0/8`, `172.16.0.0/12` and `192.168.0.0/16` (RFC 1918),
/// CGNAT `100.64.0.0/10` (RFC 6598), link-local `169.254.0.0/16` (cloud metadata services among
/// them), IETF protocol assignments `192.0.0.0/24`, documentation `192.0.2.0/24`,
/// `198.51.100.0/24` and `203.0.113.0/24`, benchmarking `198.18.0.0/15`, multicast `224.0.0.0/4`,
/// and reserved `240.0.0.0/4` (the broadcast address `255.255.255.255` among them).
///
/// An IPv6 address must be global unicast, `2000::/3`, the only space IANA allocates to the
/// registries; so loopback `::1`, unspecified `::`, IPv4-compatible `::a.b.c.d`, unique-local
/// `fc00::/7`, link-local `fe80::/10`, site-local `fec0::/10` and multicast `ff00::/8` are
/// refused. Within it, IETF protocol assignments `2001::/23` (Teredo, benchmarking, ORCHID) and
/// documentation `2001:db8::/32` and `3fff::/20` are refused too. An IPv6 address through which
/// an IPv4 host is reached is judged by that IPv4 address: IPv4-mapped `::ffff:a.b.c.d`, NAT64
/// `64:ff9b::a.b.c.d` (RFC 6052) and 6to4 `2002:aabb:ccdd::/48` (RFC 3056).
///
/// ```
/// use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
/// use validate_core::formats::is_public_ip;
///
/// assert!(is_public_ip(IpAddr::V4(Ipv4Addr::new(93, 184, 215, 14))));
/// assert!(!is_public_ip(IpAddr::V4(Ipv4Addr::new(169, 254, 169, 254))));
/// assert!(!is_public_ip(IpAddr::V6(Ipv6Addr::LOCALHOST)));
/// assert!(!is_public_ip("::ffff:192.168.0.1".parse().unwrap()));
/// ```
#[must_use]
pub fn is_public_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_public_ipv4(ip),
        IpAddr::V6(ip) => is_public_ipv6(ip),
    }
}

/// IPv4 ranges no public host is in (the IANA special-purpose registry, RFC 6890), as network
/// and prefix length.
const IPV4_NOT_PUBLIC: [(Ipv4Addr, u32); 14] = [
    (Ipv4Addr::new(0, 0, 0, 0), 8),
    (Ipv4Addr::new(10, 0, 0, 0), 8),
    (Ipv4Addr::new(100, 64, 0, 0), 10),
    (Ipv4Addr::new(127, 0, 0, 0), 8),
    (Ipv4Addr::new(169, 254, 0, 0), 16),
    (Ipv4Addr::new(172, 16, 0, 0), 12),
    // Whole, though a few anycast addresses in it are global: none is a host to fetch from.
    (Ipv4Addr::new(192, 0, 0, 0), 24),
    (Ipv4Addr::new(192, 0, 2, 0), 24),
    (Ipv4Addr::new(192, 168, 0, 0), 16),
    (Ipv4Addr::new(198, 18, 0, 0), 15),
    (Ipv4Addr::new(198, 51, 100, 0), 24),
    (Ipv4Addr::new(203, 0, 113, 0), 24),
    (Ipv4Addr::new(224, 0, 0, 0), 4),
    (Ipv4Addr::new(240, 0, 0, 0), 4),
];

/// Global unicast, outside which no IPv6 host is public (but those [`embedded_ipv4`] finds).
const IPV6_GLOBAL_UNICAST: (Ipv6Addr, u32) = (Ipv6Addr::new(0x2000, 0, 0, 0, 0, 0, 0, 0), 3);

/// Ranges of global unicast no public host is in.
const IPV6_NOT_PUBLIC: [(Ipv6Addr, u32); 3] = [
    // Whole, for the reason of `192.0.0.0/24`; Teredo addresses also hide an IPv4 address.
    (Ipv6Addr::new(0x2001, 0, 0, 0, 0, 0, 0, 0), 23),
    (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0), 32),
    (Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0), 20),
];

fn is_public_ipv4(ip: Ipv4Addr) -> bool {
    let bits = u32::from(ip);
    !IPV4_NOT_PUBLIC
        .iter()
        .any(|&(network, len)| (bits ^ u32::from(network)).checked_shr(32 - len) == Some(0))
}

fn is_public_ipv6(ip: Ipv6Addr) -> bool {
    if let Some(ip) = embedded_ipv4(ip) {
        return is_public_ipv4(ip);
    }
    let within = |(network, len): (Ipv6Addr, u32)| {
        (u128::from(ip) ^ u128::from(network)).checked_shr(128 - len) == Some(0)
    };
    within(IPV6_GLOBAL_UNICAST) && !IPV6_NOT_PUBLIC.into_iter().any(within)
}

/// The IPv4 address that the network stack or a translator delivers `ip` to: IPv4-mapped
/// `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:aabb:ccdd::/48`.
fn embedded_ipv4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    match ip.segments() {
        [0, 0, 0, 0, 0, 0xffff, high, low]
        | [0x64, 0xff9b, 0, 0, 0, 0, high, low]
        | [0x2002, high, low, ..] => Some(Ipv4Addr::from((u32::from(high) << 16) | u32::from(low))),
        _ => None,
    }
}

/// Domains whose names are local by definition.
const LOCAL_DOMAINS: [&[u8]; 4] = [b"localhost", b"local", b"internal", b"home.arpa"];

/// Whether `name` is one of [`LOCAL_DOMAINS`] or under one, case-insensitively.
fn is_local_name(name: &[u8]) -> bool {
    LOCAL_DOMAINS.iter().any(|domain| {
        name.len() >= domain.len() && {
            let (head, tail) = name.split_at(name.len() - domain.len());
            tail.eq_ignore_ascii_case(domain) && matches!(head.last(), None | Some(b'.'))
        }
    })
}
