use core::fmt;

use idna::uts46::{AsciiDenyList, ErrorPolicy, Hyphens, Uts46};

/// Longest host name in its text form (RFC 1035: 255 octets on the wire, 253 as text).
const MAX_LEN: usize = 253;
/// Longest label (RFC 1035).
const MAX_LABEL_LEN: usize = 63;

/// What a scan of a dotted name of LDH labels found.
pub(super) struct Labels {
    pub(super) count: usize,
    pub(super) last_all_digits: bool,
    pub(super) last_hex_number: bool,
    pub(super) has_a_label: bool,
}

/// Scans `name` as labels of ASCII letters, digits and inner hyphens, 1 to 63 bytes each, separated
/// by single dots (so no leading, trailing or doubled dot). `None` when `name` is not such a name.
pub(super) fn scan_ldh(name: &[u8]) -> Option<Labels> {
    let mut labels = Labels {
        count: 0,
        last_all_digits: false,
        last_hex_number: false,
        has_a_label: false,
    };
    // One pass with a byte-class table; a label's own checks run at its dot or at the end.
    let mut start = 0;
    let mut all_digits = true;
    for (i, &b) in name.iter().enumerate() {
        match LDH[usize::from(b)] {
            LETTER | HYPHEN => all_digits = false,
            DIGIT => {}
            DOT => {
                end_label(&mut labels, &name[start..i], all_digits)?;
                start = i + 1;
                all_digits = true;
            }
            _ => return None,
        }
    }
    end_label(&mut labels, &name[start..], all_digits)?;
    Some(labels)
}

fn end_label(labels: &mut Labels, label: &[u8], all_digits: bool) -> Option<()> {
    let (&first, &last) = (label.first()?, label.last()?);
    if label.len() > MAX_LABEL_LEN || first == b'-' || last == b'-' {
        return None;
    }
    labels.count += 1;
    labels.last_all_digits = all_digits;
    labels.last_hex_number = first == b'0' && is_hex_number(label);
    labels.has_a_label |= first | 0x20 == b'x' && is_a_label(label);
    Some(())
}

const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const HYPHEN: u8 = 3;
const DOT: u8 = 4;

/// The class of every byte for host names: letters, digits, hyphen, dot, anything else.
static LDH: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'-' => HYPHEN,
            b'.' => DOT,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

fn is_hex_number(label: &[u8]) -> bool {
    matches!(label, [b'0', b'x' | b'X', rest @ ..] if rest.iter().all(u8::is_ascii_hexdigit))
}

fn is_a_label(label: &[u8]) -> bool {
    label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--")
}

/// Whether an `xn--` label is a valid A-label: Punycode that decodes to a label IDNA allows
/// (UTS #46 with the STD3 rules and hyphen checks, as in `idna::domain_to_ascii_strict`).
fn is_valid_a_label(label: &[u8]) -> bool {
    // `process` writes into the sink only when the label is not already in canonical form; the
    // output is not needed, so a discarding sink keeps the check free of allocation.
    Uts46::new()
        .process(
            label,
            AsciiDenyList::STD3,
            Hyphens::Check,
            ErrorPolicy::FailFast,
            |_, _, _| false,
            &mut Discard,
            None,
        )
        .is_ok()
}

struct Discard;

impl fmt::Write for Discard {
    fn write_str(&mut self, _: &str) -> fmt::Result {
        Ok(())
    }
}

/// Whether `s` is a host name per RFC 1123: dot-separated labels of ASCII letters, digits and inner
/// hyphens, each 1 to 63 characters, at most 253 characters in all, case-insensitive.
///
/// - A single label (`localhost`) is a host name; a trailing dot (`example.com.`) is not accepted.
/// - Labels may be all digits (`3com.com`, `123.example`) except the last: RFC 1123 §2.1 relies on the
///   top-level label being alphabetic to tell names from dotted-decimal addresses, so `192.168.0.1`,
///   `127.1` and `0x7f` (which `inet_aton` and the WHATWG URL parser read as IPv4 addresses) are
///   rejected. Use [`is_ip`](super::is_ip) for addresses.
/// - Labels starting with `xn--` must be valid A-labels (Punycode that decodes to a label IDNA allows).
/// - Unicode names are not host names: convert them with IDNA to-ASCII first.
///
/// ```
/// use validate_core::formats::is_hostname;
///
/// assert!(is_hostname("www.example.com"));
/// assert!(is_hostname("localhost"));
/// assert!(is_hostname("xn--9n2bp8q.xn--9t4b11yi5a"));
/// assert!(!is_hostname("example.com."));
/// assert!(!is_hostname("-example.com"));
/// assert!(!is_hostname("host_name"));
/// assert!(!is_hostname("192.168.0.1"));
/// assert!(!is_hostname("xn--X"));
/// ```
#[must_use]
pub fn is_hostname(s: &str) -> bool {
    is_hostname_bytes(s.as_bytes())
}

/// [`is_hostname`] on bytes; any byte outside ASCII letters, digits, `-` and `.` fails.
pub(super) fn is_hostname_bytes(bytes: &[u8]) -> bool {
    if bytes.is_empty() || bytes.len() > MAX_LEN {
        return false;
    }
    let Some(labels) = scan_ldh(bytes) else {
        return false;
    };
    if labels.last_all_digits || labels.last_hex_number {
        return false;
    }
    !labels.has_a_label
        || bytes
            .split(|&b| b == b'.')
            .filter(|label| is_a_label(label))
            .all(is_valid_a_label)
}
