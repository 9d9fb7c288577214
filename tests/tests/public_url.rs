//! `url(public)`: every refused range (first, middle and last address, IPv4-mapped spellings
//! included) and its public neighbours, the local names and single labels, through
//! `formats::is_url_with`, `formats::is_public_host`, `formats::is_public_ip` and the derive.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use validate_core::formats::{UrlOptions, is_public_host, is_public_ip, is_url, is_url_with};
use validate_core::{Param, Validate};

const PUBLIC: UrlOptions = UrlOptions {
    public: true,
    ..UrlOptions::DEFAULT
};

/// IPv4 ranges `public` refuses, as the issue lists them.
const IPV4_REFUSED: [&str; 14] = [
    "0.0.0.0/8",
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "192.168.0.0/16",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "240.0.0.0/4",
];

/// IPv6 ranges `public` refuses.
const IPV6_REFUSED: [&str; 14] = [
    "::/128",
    "::1/128",
    // IPv4-compatible, deprecated.
    "::/96",
    "64:ff9b:1::/48",
    "100::/64",
    "2001::/23",
    "2001:db8::/32",
    "3fff::/20",
    "fc00::/7",
    "fe80::/10",
    "fec0::/10",
    "ff00::/8",
    // Outside global unicast.
    "4000::/3",
    "8000::/2",
];

fn v4_range(cidr: &str) -> (u32, u32) {
    let (network, len) = cidr.split_once('/').unwrap();
    let network = u32::from(network.parse::<Ipv4Addr>().unwrap());
    let size = 1u64 << (32 - len.parse::<u32>().unwrap());
    (network, (u64::from(network) + size - 1) as u32)
}

fn v6_range(cidr: &str) -> (u128, u128) {
    let (network, len) = cidr.split_once('/').unwrap();
    let network = u128::from(network.parse::<Ipv6Addr>().unwrap());
    let len = len.parse::<u32>().unwrap();
    (network, network | u128::MAX.checked_shr(len).unwrap_or(0))
}

/// The first, a middle and the last address of each range.
fn samples<T: Copy + Into<u128>>((first, last): (T, T)) -> [u128; 3] {
    let (first, last) = (first.into(), last.into());
    [first, first + (last - first).div_ceil(2), last]
}

/// The spellings of an IPv4 address as the host of a URL: itself and every IPv4-mapped IPv6 form.
fn v4_hosts(ip: Ipv4Addr) -> Vec<String> {
    let [a, b, c, d] = ip.octets();
    let (high, low) = (u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d]));
    vec![
        ip.to_string(),
        format!("[::ffff:{ip}]"),
        format!("[::FFFF:{ip}]"),
        format!("[::ffff:{high:x}:{low:x}]"),
        format!("[::FFFF:{high:X}:{low:X}]"),
        format!("[0:0:0:0:0:ffff:{high:x}:{low:x}]"),
        format!("[0000:0000:0000:0000:0000:ffff:{high:04x}:{low:04x}]"),
        format!("[0:0:0:0:0:ffff:{ip}]"),
        format!("[0::ffff:{ip}]"),
        format!("[::0:ffff:{high:x}:{low:x}]"),
    ]
}

/// The spellings of an IPv6 address as the host of a URL: shortest, full and upper case.
fn v6_hosts(ip: Ipv6Addr) -> Vec<String> {
    let full = ip.segments().map(|s| format!("{s:x}")).join(":");
    vec![
        format!("[{ip}]"),
        format!("[{full}]"),
        format!("[{}]", full.to_uppercase()),
    ]
}

#[track_caller]
fn assert_refused(host: &str) {
    for url in [
        format!("https://{host}/"),
        format!("http://{host}:8080/hook?x=1#top"),
    ] {
        assert!(is_url(&url), "{url} is a URL");
        assert!(!is_url_with(&url, &PUBLIC), "{url} is refused");
    }
    assert!(!is_public_host(host), "{host} is not public");
}

#[track_caller]
fn assert_public(host: &str) {
    for url in [
        format!("https://{host}/"),
        format!("http://{host}:8080/hook?x=1#top"),
    ] {
        assert!(is_url_with(&url, &PUBLIC), "{url} is accepted");
    }
    assert!(is_public_host(host), "{host} is public");
}

fn in_v4_refused(ip: u32) -> bool {
    IPV4_REFUSED.iter().any(|cidr| {
        let (first, last) = v4_range(cidr);
        (first..=last).contains(&ip)
    })
}

#[test]
fn ipv4_ranges_and_their_mapped_forms_are_refused() {
    for cidr in IPV4_REFUSED {
        for ip in samples(v4_range(cidr)) {
            let ip = Ipv4Addr::from(ip as u32);
            for host in v4_hosts(ip) {
                assert_refused(&host);
            }
            assert!(!is_public_ip(IpAddr::V4(ip)), "{ip}");
            assert!(
                !is_public_ip(IpAddr::V6(ip.to_ipv6_mapped())),
                "{ip} mapped"
            );
        }
    }
    assert_refused("255.255.255.255");
    assert_refused("169.254.169.254");
}

#[test]
fn the_neighbours_of_ipv4_ranges_are_public() {
    for cidr in IPV4_REFUSED {
        let (first, last) = v4_range(cidr);
        for neighbour in [first.checked_sub(1), last.checked_add(1)]
            .into_iter()
            .flatten()
            .filter(|&ip| !in_v4_refused(ip))
        {
            let ip = Ipv4Addr::from(neighbour);
            for host in v4_hosts(ip) {
                assert_public(&host);
            }
            assert!(is_public_ip(IpAddr::V4(ip)), "{ip}");
        }
    }
}

#[test]
fn ipv6_ranges_are_refused() {
    for cidr in IPV6_REFUSED {
        for ip in samples(v6_range(cidr)) {
            let ip = Ipv6Addr::from(ip);
            for host in v6_hosts(ip) {
                assert_refused(&host);
            }
            assert!(!is_public_ip(IpAddr::V6(ip)), "{ip}");
        }
    }
    for host in [
        "[::]",
        "[::1]",
        "[0:0:0:0:0:0:0:1]",
        "[::8.8.8.8]",
        "[::127.0.0.1]",
        "[fe80::1]",
        "[FE80::1]",
        "[febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff]",
        "[fd00:ec2::254]",
        "[fec0::1]",
        "[ff02::1]",
        "[2001:db8::1]",
        "[2001:DB8:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF]",
        "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
        "[2001:2::1]",
        "[64:ff9b:1::808:808]",
        // IPv4-translated (SIIT), not IPv4-mapped.
        "[::ffff:0:808:808]",
    ] {
        assert_refused(host);
    }
}

#[test]
fn the_public_neighbours_of_ipv6_ranges_pass() {
    for host in [
        "[2000::]",
        "[2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff]",
        "[2001:200::]",
        "[2001:db7:ffff:ffff:ffff:ffff:ffff:ffff]",
        "[2001:db9::]",
        "[3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff]",
        "[3fff:1000::]",
        "[3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]",
    ] {
        assert_public(host);
    }
}

#[test]
fn ipv6_forms_of_an_ipv4_address_are_judged_by_it() {
    // NAT64 (RFC 6052) and 6to4 (RFC 3056) reach the IPv4 host they embed.
    for public in ["8.8.8.8", "100.128.0.1", "172.32.0.1"] {
        let ip: Ipv4Addr = public.parse().unwrap();
        let [a, b, c, d] = ip.octets();
        for host in v4_hosts(ip) {
            assert_public(&host);
        }
        assert_public(&format!("[64:ff9b::{ip}]"));
        assert_public(&format!("[2002:{a:02x}{b:02x}:{c:02x}{d:02x}::1]"));
    }
    for refused in [
        "127.0.0.1",
        "10.1.2.3",
        "169.254.169.254",
        "192.168.1.1",
        "0.0.0.0",
    ] {
        let ip: Ipv4Addr = refused.parse().unwrap();
        let [a, b, c, d] = ip.octets();
        assert_refused(&format!("[64:ff9b::{ip}]"));
        assert_refused(&format!("[64:FF9B::{a:02x}{b:02x}:{c:02x}{d:02x}]"));
        assert_refused(&format!("[2002:{a:02x}{b:02x}:{c:02x}{d:02x}::1]"));
        assert_refused(&format!("[2002:{a:02x}{b:02x}:{c:02x}{d:02x}:ffff::]"));
    }
    assert_refused("[::ffff:7f00:1]");
    assert_refused("[::ffff:a9fe:a9fe]");
}

#[test]
fn local_names_and_single_labels_are_refused() {
    for host in [
        "localhost",
        "LOCALHOST",
        "LocalHost",
        "a.localhost",
        "api.test.LOCALHOST",
        "printer.local",
        "x.y.Local",
        "db.internal",
        "metadata.google.internal",
        "DB.INTERNAL",
        "home.arpa",
        "router.home.arpa",
        "NAS.Home.Arpa",
        "intranet",
        "a",
        "internal",
        "local",
        "router",
        "xn--bcher-kva",
        "3com",
    ] {
        assert_refused(host);
    }
}

#[test]
fn public_names_pass() {
    for host in [
        "example.com",
        "hooks.example.com",
        "localhost.example.com",
        "local.example",
        "internal.example.com",
        "example.localhosts",
        "example.xlocal",
        "example.internals",
        "myhome.arpa",
        "home.arpa.example.com",
        "xn--bcher-kva.example",
        "123.example",
    ] {
        assert_public(host);
    }
}

#[test]
fn public_hosts_pass() {
    for url in [
        "https://example.com/hook",
        "https://8.8.8.8/",
        "https://[2606:4700::1111]/",
        "https://[2001:4860:4860::8888]:443/dns-query",
        "https://100.128.0.1/",
        "https://100.63.255.255/",
        "https://172.32.0.1/",
        "https://172.15.255.255/",
        "https://192.169.0.1/",
        "https://11.0.0.1/",
        "https://1.1.1.1:443/path?query=1#fragment",
        "https://[::ffff:8.8.8.8]/",
        "http://93.184.215.14/",
        "https://example.com/?next=http://127.0.0.1/",
    ] {
        assert!(is_url_with(url, &PUBLIC), "{url}");
    }
}

#[test]
fn only_the_host_is_judged() {
    let credentials = UrlOptions {
        allow_credentials: true,
        ..PUBLIC
    };
    assert!(is_url_with("https://127.0.0.1@example.com/", &credentials));
    assert!(is_url_with(
        "https://localhost:pw@example.com/",
        &credentials
    ));
    assert!(!is_url_with("https://example.com@127.0.0.1/", &credentials));
    assert!(!is_url_with("https://user:pw@[::1]:8443/", &credentials));
    assert!(!is_url_with("https://localhost#@example.com/", &PUBLIC));
    assert!(!is_url_with("https://localhost?@example.com/", &PUBLIC));
    assert!(!is_url_with("https://10.0.0.1/@example.com/", &PUBLIC));
}

#[test]
fn public_keeps_the_other_checks() {
    let https = UrlOptions {
        schemes: &["https"],
        ..PUBLIC
    };
    assert!(is_url_with("https://example.com/", &https));
    assert!(!is_url_with("http://example.com/", &https));
    assert!(!is_url_with("javascript:alert(1)", &PUBLIC));
    assert!(!is_url_with("ftp://example.com/", &PUBLIC));
    assert!(!is_url_with("https://example.com/a b", &PUBLIC));
    assert!(!is_url_with("https://user@example.com/", &PUBLIC));
    assert!(!is_url_with("https://0x7f.0.0.0x1/", &PUBLIC));
    assert!(!is_url_with("https://2130706433/", &PUBLIC));
    assert!(!is_url_with("https://127.1/", &PUBLIC));
    assert!(!is_url_with("https://0177.0.0.1/", &PUBLIC));
    let short = UrlOptions {
        max_length: 19,
        ..PUBLIC
    };
    assert!(is_url_with("https://example.com", &short));
    assert!(!is_url_with("https://example.com/", &short));
    let websockets = UrlOptions {
        schemes: &["wss"],
        ..PUBLIC
    };
    assert!(is_url_with("wss://example.com/socket", &websockets));
    assert!(!is_url_with("wss://127.0.0.1/socket", &websockets));
}

#[test]
fn without_public_every_host_is_accepted() {
    for url in [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://intranet/",
        "http://[::1]/",
        "http://db.internal/",
    ] {
        assert!(is_url(url), "{url}");
        assert!(is_url_with(url, &UrlOptions::DEFAULT), "{url}");
    }
}

#[test]
fn is_public_host_refuses_what_is_no_host() {
    for host in [
        "",
        "[]",
        "[::1",
        "::1",
        "2001:4860:4860::8888",
        "[8.8.8.8]",
        "[fe80::1%25eth0]",
        "example.com.",
        "8.8.8.8:80",
        "exa mple.com",
        "example..com",
        "08.8.8.8",
        "[2606:4700::1111]:443",
    ] {
        assert!(!is_public_host(host), "{host:?}");
    }
}

#[derive(Validate)]
struct Webhook {
    #[validate(url(public))]
    callback: String,
    #[validate(url(schemes("https"), public))]
    avatar: Option<String>,
    #[validate(url(schemes("https"), max_length = 100, allow_credentials, public))]
    mirror: String,
    #[validate(each(url(public)))]
    hooks: Vec<String>,
}

fn webhook(callback: &str) -> Webhook {
    Webhook {
        callback: callback.into(),
        avatar: Some("https://cdn.example.com/a.png".into()),
        mirror: "https://user:pw@mirror.example.com/".into(),
        hooks: vec!["https://example.com/a".into()],
    }
}

#[test]
fn the_derive_accepts_public_urls() {
    for url in [
        "https://example.com/hook",
        "https://8.8.8.8/",
        "https://[2606:4700::1111]/",
        "https://100.128.0.1/",
        "https://172.32.0.1/",
    ] {
        if let Err(report) = webhook(url).validate() {
            panic!("{url}: {report}");
        }
    }
    let none = Webhook {
        avatar: None,
        ..webhook("https://example.com/")
    };
    assert!(none.validate().is_ok());
}

#[test]
fn the_derive_refuses_internal_urls_with_code_url() {
    for url in [
        "https://127.0.0.1/",
        "http://10.0.0.1:8080/admin",
        "https://[::1]/",
        "https://[::ffff:7f00:1]/",
        "https://[::ffff:169.254.169.254]/latest/meta-data/",
        "https://[fd00::1]/",
        "https://localhost/",
        "https://metadata.google.internal/",
        "https://intranet/",
        "https://printer.local/",
    ] {
        let report = webhook(url).validate().expect_err(url);
        assert_eq!(report.len(), 1, "{url}: {report}");
        let error = &report.errors()[0];
        assert_eq!(error.code(), "url", "{url}");
        assert_eq!(error.path().to_string(), "callback", "{url}");
        assert_eq!(error.message(), "must be a valid public URL (http, https)");
        assert_eq!(
            error.params(),
            [(
                "schemes".into(),
                Param::List(vec![Param::from("http"), Param::from("https")])
            )]
        );
        let authority = url.split('/').nth(2).unwrap();
        let host = match authority.find(']') {
            Some(close) => &authority[1..close],
            None => authority.split(':').next().unwrap(),
        };
        let shown = format!(
            "{} {:?} {}",
            error.message(),
            error.params(),
            serde_json::to_string(&report).unwrap()
        );
        assert!(!shown.contains(host), "{url}: {shown}");
    }
}

#[test]
fn the_derive_combines_public_with_the_other_options() {
    let cases = [
        (
            Webhook {
                avatar: Some("http://cdn.example.com/a.png".into()),
                ..webhook("https://example.com/")
            },
            "avatar",
            "must be a valid public URL (https)",
        ),
        (
            Webhook {
                avatar: Some("https://192.168.0.10/a.png".into()),
                ..webhook("https://example.com/")
            },
            "avatar",
            "must be a valid public URL (https)",
        ),
        (
            Webhook {
                mirror: "https://user:pw@10.0.0.1/".into(),
                ..webhook("https://example.com/")
            },
            "mirror",
            "must be a valid public URL (https)",
        ),
        (
            Webhook {
                mirror: format!("https://example.com/{}", "a".repeat(100)),
                ..webhook("https://example.com/")
            },
            "mirror",
            "must be a valid public URL (https)",
        ),
        (
            Webhook {
                hooks: vec!["https://example.com/".into(), "https://[::1]/".into()],
                ..webhook("https://example.com/")
            },
            "hooks[1]",
            "must be a valid public URL (http, https)",
        ),
    ];
    for (value, path, message) in cases {
        let report = value.validate().expect_err(path);
        assert_eq!(report.len(), 1, "{path}: {report}");
        let error = &report.errors()[0];
        assert_eq!(
            (
                error.code(),
                error.path().to_string().as_str(),
                error.message()
            ),
            ("url", path, message)
        );
    }
}
