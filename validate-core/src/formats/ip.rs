/// Longest IPv4 address: `255.255.255.255`.
const IPV4_MAX_LEN: usize = 15;
/// Longest IPv6 address: `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`.
const IPV6_MAX_LEN: usize = 45;

/// Whether `s` is an IPv4 or an IPv6 address, as [`is_ipv4`] and [`is_ipv6`] define them.
///
/// ```
/// use validate_core::formats::is_ip;
///
/// assert!(is_ip("192.168.0.1"));
/// assert!(is_ip("::ffff:192.168.0.1"));
/// assert!(!is_ip("192.168.0.1:80"));
/// assert!(!is_ip("[::1]"));
/// ```
#[must_use]
pub fn is_ip(s: &str) -> bool {
    is_ipv4(s) || is_ipv6(s)
}

/// Whether `s` is an IPv4 address in dotted-quad form: four decimal numbers from 0 to 255 separated
/// by dots, without leading zeros (`01` could be read as octal) and nothing else: no shorthand
/// (`127.1`), hex, octal or integer forms, no port, prefix length or whitespace.
///
/// ```
/// use validate_core::formats::is_ipv4;
///
/// assert!(is_ipv4("192.168.0.1"));
/// assert!(is_ipv4("0.0.0.0"));
/// assert!(!is_ipv4("192.168.0.01"));
/// assert!(!is_ipv4("256.0.0.1"));
/// assert!(!is_ipv4("127.1"));
/// assert!(!is_ipv4("0x7f.0.0.1"));
/// ```
#[must_use]
pub fn is_ipv4(s: &str) -> bool {
    is_ipv4_bytes(s.as_bytes())
}

pub(super) fn is_ipv4_bytes(bytes: &[u8]) -> bool {
    if bytes.len() > IPV4_MAX_LEN {
        return false;
    }
    let mut parts = 0;
    let mut i = 0;
    loop {
        // A part: one to three digits, without a leading zero, at most 255.
        let start = i;
        let mut value: u16 = 0;
        while let Some(&digit @ b'0'..=b'9') = bytes.get(i) {
            if i - start == 3 {
                return false;
            }
            value = value * 10 + u16::from(digit - b'0');
            i += 1;
        }
        if i == start || (i - start > 1 && bytes[start] == b'0') || value > 255 {
            return false;
        }
        parts += 1;
        match bytes.get(i) {
            None => return parts == 4,
            Some(b'.') if parts < 4 => i += 1,
            _ => return false,
        }
    }
}

/// Whether `s` is an IPv6 address in one of the text forms of RFC 4291 §2.2: eight groups of one to
/// four hex digits separated by colons, one run of zero groups shortened to `::`, and optionally
/// the last 32 bits written as a dotted-quad IPv4 address (`::ffff:192.0.2.1`, checked as
/// [`is_ipv4`] does). Case-insensitive. No zone id (`%eth0`), brackets, prefix length or port.
///
/// ```
/// use validate_core::formats::is_ipv6;
///
/// assert!(is_ipv6("2001:db8::1"));
/// assert!(is_ipv6("::"));
/// assert!(is_ipv6("::ffff:192.0.2.1"));
/// assert!(is_ipv6("1:2:3:4:5:6:7:8"));
/// assert!(!is_ipv6("1::2::3"));
/// assert!(!is_ipv6("fe80::1%eth0"));
/// assert!(!is_ipv6("[::1]"));
/// ```
#[must_use]
pub fn is_ipv6(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 2 || b.len() > IPV6_MAX_LEN {
        return false;
    }
    let mut groups = 0;
    let mut shortened = false;
    let mut i = 0;
    if b.starts_with(b"::") {
        shortened = true;
        i = 2;
    } else if b[0] == b':' {
        return false;
    }
    while i < b.len() {
        let start = i;
        while i < b.len() && i - start < 5 && b[i].is_ascii_hexdigit() {
            i += 1;
        }
        if i < b.len() && b[i] == b'.' {
            if !is_ipv4_bytes(&b[start..]) {
                return false;
            }
            groups += 2;
            break;
        }
        if i == start || i - start > 4 {
            return false;
        }
        groups += 1;
        if i == b.len() {
            break;
        }
        if b[i] != b':' {
            return false;
        }
        i += 1;
        if b.get(i) == Some(&b':') {
            if shortened {
                return false;
            }
            shortened = true;
            i += 1;
        } else if i == b.len() {
            return false;
        }
    }
    if shortened { groups <= 7 } else { groups == 8 }
}
