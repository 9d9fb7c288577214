// A hand-written RFC 3986 recognizer rather than the `url` crate: `url::Url::parse` builds an owned
// serialization on every call, which would break the promise that valid input costs no allocation,
// and it accepts (and silently repairs) much that a whitelist should refuse, such as backslashes,
// spaces, tabs and newlines.

use super::hostname::{
    HYPHEN, LABEL, MAX_LABEL_LEN, MAX_LEN as HOST_NAME_MAX_LEN, NAME, NUMBER, class, host_step,
    is_hostname_bytes, is_hostname_labels, packed, run_packed, scan_labels, skip,
};
use super::ip::{is_ipv4_bytes, is_ipv6};
use super::public::is_public_host;

/// Options of [`is_url_with`].
///
/// ```
/// use validate_core::formats::{UrlOptions, is_url_with};
///
/// let https_only = UrlOptions { schemes: &["https"], ..UrlOptions::DEFAULT };
/// assert!(is_url_with("https://example.com", &https_only));
/// assert!(!is_url_with("http://example.com", &https_only));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct UrlOptions<'a> {
    /// Accepted schemes, compared case-insensitively, without the colon (`"https"`).
    pub schemes: &'a [&'a str],
    /// Longest accepted URL, in bytes.
    pub max_length: usize,
    /// Whether a user name or password (`https://user:secret@host`) is accepted.
    pub allow_credentials: bool,
    /// Whether only a host that may be on the public internet is accepted, for the webhook, avatar
    /// and other URLs the server fetches (server-side request forgery). With `true`, an IP address
    /// in a range no public host is in (loopback, private, CGNAT, link-local, unique-local,
    /// multicast, documentation and the others [`is_public_ip`](super::is_public_ip) lists, in
    /// IPv4-mapped IPv6 forms too), the name `localhost`, a name under `.localhost`, `.local`,
    /// `.internal` or `.home.arpa`, and a single label (`http://intranet/`) are refused, as
    /// [`is_public_host`](super::is_public_host) decides.
    ///
    /// This checks the text only and makes no DNS query, so it cannot see a public name that
    /// resolves to `127.0.0.1` or `10.0.0.5`, an answer that changes between this check and the
    /// fetch (DNS rebinding), nor a redirect to an internal host. The HTTP client that fetches the
    /// URL must add the rest: resolve the name once, check every address it resolved with
    /// [`is_public_ip`](super::is_public_ip) (the same ranges), connect to that checked address
    /// rather than resolving again, and refuse redirects or check each one's URL and address the
    /// same way.
    ///
    /// ```
    /// use validate_core::formats::{UrlOptions, is_url_with};
    ///
    /// let webhook = UrlOptions { schemes: &["https"], public: true, ..UrlOptions::DEFAULT };
    /// assert!(is_url_with("https://hooks.example.com/notify", &webhook));
    /// assert!(!is_url_with("https://127.0.0.1/admin", &webhook));
    /// assert!(!is_url_with("https://[::ffff:a9fe:a9fe]/latest/meta-data/", &webhook));
    /// assert!(!is_url_with("https://metadata.google.internal/", &webhook));
    /// assert!(!is_url_with("https://intranet/", &webhook));
    /// ```
    pub public: bool,
}

impl UrlOptions<'static> {
    /// `http` and `https`, at most 2048 bytes, no credentials, any host.
    ///
    /// ```
    /// use validate_core::formats::UrlOptions;
    ///
    /// assert_eq!(UrlOptions::DEFAULT.schemes, ["http", "https"]);
    /// assert_eq!(UrlOptions::DEFAULT.max_length, 2048);
    /// assert!(!UrlOptions::DEFAULT.allow_credentials);
    /// assert!(!UrlOptions::DEFAULT.public);
    /// ```
    pub const DEFAULT: Self = UrlOptions {
        schemes: &["http", "https"],
        max_length: 2048,
        allow_credentials: false,
        public: false,
    };
}

impl Default for UrlOptions<'static> {
    /// [`UrlOptions::DEFAULT`].
    ///
    /// ```
    /// use validate_core::formats::UrlOptions;
    ///
    /// assert_eq!(UrlOptions::default().schemes, UrlOptions::DEFAULT.schemes);
    /// ```
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Whether `s` is an absolute `http` or `https` URL with a host (see [`is_url_with`]).
///
/// ```
/// use validate_core::formats::is_url;
///
/// assert!(is_url("https://example.com/search?q=rust#top"));
/// assert!(is_url("http://192.0.2.1:8080/"));
/// assert!(!is_url("javascript:alert(1)"));
/// assert!(!is_url("ftp://example.com/"));
/// assert!(!is_url("/relative/path"));
/// ```
#[must_use]
pub fn is_url(s: &str) -> bool {
    is_url_with(s, &UrlOptions::DEFAULT)
}

/// Whether `s` is an absolute URL with a host, per RFC 3986:
/// `scheme "://" [userinfo "@"] host [":" port] path ["?" query] ["#" fragment]`.
///
/// - The scheme is one of `options.schemes` (compared case-insensitively); `javascript:`, `data:`
///   and `file:` are therefore rejected unless listed.
/// - The host is a host name as [`is_hostname`](super::is_hostname) defines it, a dotted-quad IPv4
///   address, or a bracketed IPv6 address (`[2001:db8::1]`, no zone id). Unicode hosts must be
///   given in their ASCII (`xn--`) form.
/// - The port, if present, is digits with a value of at most 65535. An empty port
///   (`http://example.com:/`), which RFC 3986 allows and which means the default port, is refused:
///   the canonical form has no `:`.
/// - Path, query and fragment hold only the characters RFC 3986 allows there, with `%` only in a
///   `%HH` escape; so no whitespace, control, non-ASCII characters, backslashes, `<>"{}|^` or backticks.
/// - A user name or password is rejected unless `options.allow_credentials`; a `file` URL has
///   neither user name nor port (RFC 8089).
/// - With `options.public`, the host is one [`is_public_host`](super::is_public_host) accepts
///   (see [`UrlOptions::public`] for what the client must check besides).
/// - At most `options.max_length` bytes, checked first.
///
/// ```
/// use validate_core::formats::{UrlOptions, is_url_with};
///
/// let options = UrlOptions { schemes: &["https", "wss"], allow_credentials: true, ..UrlOptions::DEFAULT };
/// assert!(is_url_with("wss://user:pw@[2001:db8::1]:443/socket", &options));
/// assert!(is_url_with("HTTPS://Example.COM/a%20b", &options));
/// assert!(!is_url_with("https://example.com/a b", &options));
/// assert!(!is_url_with("https://example.com:65536/", &options));
/// assert!(!is_url_with("https://example.com:/", &options));
/// ```
#[must_use]
// Always inlined, with the exact checks out of line, for the reason `is_email_with` gives; so
// constant options also fold the `public` branch away.
#[inline(always)]
pub fn is_url_with(s: &str, options: &UrlOptions<'_>) -> bool {
    let b = s.as_bytes();
    if b.len() > options.max_length {
        return false;
    }
    if options.public {
        return is_public_url(b, options);
    }
    is_plain_web_url(b, options.schemes) || is_url_exact(b, options)
}

/// [`is_url_with`] past the length check, less the `public` check. Out of line, so that the fast
/// path needs no registers saved.
#[inline(never)]
pub fn is_url_exact(b: &[u8], options: &UrlOptions<'_>) -> bool {
    let Some(colon) = allowed_scheme_end(b, options.schemes) else {
        return false;
    };
    let Some(rest) = b[colon + 1..].strip_prefix(b"//") else {
        return false;
    };
    // RFC 8089: a `file` authority is a bare host, with neither user information nor port.
    let (allow_credentials, allow_port) = if b[..colon].eq_ignore_ascii_case(b"file") {
        (false, false)
    } else {
        (options.allow_credentials, true)
    };
    check_plain_authority(rest, allow_port)
        .unwrap_or_else(|| is_authority_and_rest(rest, allow_credentials, allow_port))
}

/// [`is_url_with`] past the length check, for `options.public`: the exact checks, then the
/// host's. Out of line, as few URLs are checked for it.
#[inline(never)]
fn is_public_url(b: &[u8], options: &UrlOptions<'_>) -> bool {
    if !is_url_exact(b, options) {
        return false;
    }
    // A scheme has no `:`, so the first one is followed by `//` and the authority.
    let colon = b.iter().position(|&c| c == b':').unwrap_or_default();
    let rest = b.get(colon + 3..).unwrap_or_default();
    let authority = rest
        .split(|&c| matches!(c, b'/' | b'?' | b'#'))
        .next()
        .unwrap_or_default();
    let host_port = match authority.iter().position(|&c| c == b'@') {
        Some(at) => &authority[at + 1..],
        None => authority,
    };
    let host_end = if host_port.starts_with(b"[") {
        host_port
            .iter()
            .position(|&c| c == b']')
            .map_or(0, |close| close + 1)
    } else {
        host_port
            .iter()
            .position(|&c| c == b':')
            .unwrap_or(host_port.len())
    };
    core::str::from_utf8(&host_port[..host_end]).is_ok_and(is_public_host)
}

/// The common case in one pass without branches on the bytes: an `http` or `https` URL whose
/// authority is a host name the host name automaton accepts, without a port, and whose fragment
/// has no escape. `true` only when the exact checks would agree; `false` leaves the URL to them.
/// (One automaton with ports and fragment escapes has too many states for `run_packed`, and one
/// that is not packed waits for a load at every byte, slower than the exact checks.)
#[inline(always)]
pub fn is_plain_web_url(b: &[u8], schemes: &[&str]) -> bool {
    let Some(head) = b.first_chunk() else {
        return false;
    };
    // `| 0x20` maps a byte onto a lowercase letter only from that letter or its uppercase, so
    // applied to the letters' positions only it compares them case-insensitively.
    let head = u64::from_le_bytes(*head);
    let (secure, rest) = if head | 0x20_2020_2020 == u64::from_le_bytes(*b"https://") {
        (true, &b[8..])
    } else if (head | 0x2020_2020) << 8 == u64::from_le_bytes(*b"\0http://") {
        (false, &b[7..])
    } else {
        return false;
    };
    let allowed = schemes.iter().any(|allowed| is_web_scheme(allowed, secure));
    // The host ends at the first `/`, `?` or `#` (a port is left to the exact checks); if that
    // is among the first 64 bytes, no label of it is longer than 63.
    let host_fits = rest
        .get(..=MAX_LABEL_LEN)
        .is_none_or(|head| head.iter().any(|c| matches!(c, b'/' | b'?' | b'#')));
    let state = run_packed(&URL_ROWS, packed(LABEL), rest);
    allowed
        && host_fits
        && (state == packed(NAME) || state == packed(IN_PATH) || state == packed(IN_FRAGMENT))
}

/// Whether `allowed` is `https` if `secure`, else `http`, in any case. (An allowed scheme of
/// another length cannot match, as its `:` would fall elsewhere.)
#[inline(always)]
fn is_web_scheme(allowed: &str, secure: bool) -> bool {
    let allowed = allowed.as_bytes();
    allowed.first_chunk().is_some_and(|http| {
        u32::from_le_bytes(*http) | 0x2020_2020 == u32::from_le_bytes(*b"http")
            && match allowed[4..] {
                [] => !secure,
                [s] => secure && s | 0x20 == b's',
                _ => false,
            }
    })
}

// States of the URL automaton past the host name automaton's, numbered as `host_step`'s; with
// them it has nine, few enough for `run_packed`.

/// In the path or query.
const IN_PATH: u8 = 0x50;
/// After the `%` of an escape in the path or query, and after its first digit.
const PATH_ESCAPE: u8 = 0x60;
const PATH_ESCAPE_1: u8 = 0x70;
/// In the fragment (where an escape is left to the exact checks).
const IN_FRAGMENT: u8 = 0x80;

/// The automaton of what follows `//` in the common case: a host name, then the path, query and
/// fragment as [`is_path_query_fragment`] checks them. No byte is branched on.
const fn url_step(state: u8, class: u8) -> u8 {
    let pchar = class::is_alnum(class)
        || matches!(
            class,
            class::HYPHEN
                | class::DOT
                | class::AT
                | class::COLON
                | class::SLASH
                | class::QUESTION
                | class::SHARED
                | class::PCHAR
        );
    let hex = matches!(class, class::HEX_LETTER | class::DIGIT);
    match (state, class) {
        (NAME, class::SLASH | class::QUESTION) => IN_PATH,
        (NAME | IN_PATH, class::HASH) => IN_FRAGMENT,
        (LABEL | NAME | NUMBER | HYPHEN, _) => host_step(state, class),
        (IN_PATH, class::PERCENT) => PATH_ESCAPE,
        (PATH_ESCAPE, _) if hex => PATH_ESCAPE_1,
        (PATH_ESCAPE_1, _) if hex => IN_PATH,
        (IN_PATH | IN_FRAGMENT, _) if pchar => state,
        _ => 0,
    }
}

static URL_ROWS: [u64; 256] = {
    let mut rows = [0; 256];
    let mut b = 0;
    while b < 256 {
        let mut state = LABEL;
        while state <= IN_FRAGMENT {
            let next = url_step(state, class::of(b as u8));
            rows[b] |= packed(next) << packed(state);
            state += 0x10;
        }
        b += 1;
    }
    rows
};

/// Checks what follows `//`: the authority, then the path, query and fragment. Out of line, as
/// most URLs take the shorter way of [`check_plain_authority`].
#[inline(never)]
fn is_authority_and_rest(rest: &[u8], allow_credentials: bool, allow_port: bool) -> bool {
    let authority_len = rest
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_len);
    is_authority(authority, allow_credentials, allow_port) && is_path_query_fragment(tail)
}

/// The position of the colon that ends the scheme of `b`, if that scheme is one of `schemes`.
///
/// A scheme is `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, compared case-insensitively. Each
/// allowed scheme is compared in place, which spares a scan for the colon.
fn allowed_scheme_end(b: &[u8], schemes: &[&str]) -> Option<usize> {
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    schemes
        .iter()
        .map(|allowed| allowed.as_bytes())
        .find(|allowed| {
            b.get(allowed.len()) == Some(&b':')
                && b.iter()
                    .zip(*allowed)
                    .all(|(&c, &a)| SCHEME[usize::from(c)] == LOWERCASE[usize::from(a)])
        })
        .map(<[u8]>::len)
}

/// `u8::to_ascii_lowercase` as a table.
static LOWERCASE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

/// The bytes of a scheme, lowercased, and 0xff for the others: a byte never found in UTF-8, so in
/// no allowed scheme.
static SCHEME: [u8; 256] = {
    let mut table = [0xff; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.') {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The common case in one pass: an authority that is only a host name or an IPv4 address, maybe
/// with a port, checked along with the path, query and fragment after it. `None` when the
/// authority is anything else (user information, an IPv6 address, a malformed host, …), which
/// the general path then decides.
#[inline]
fn check_plain_authority(rest: &[u8], allow_port: bool) -> Option<bool> {
    // The scan stops at the first byte that is not a letter, digit, hyphen or dot, and looks no
    // further than the longest host name: a longer run is left to the general path, which then
    // reads it once, not twice.
    let window = rest.get(..=HOST_NAME_MAX_LEN).unwrap_or(rest);
    let (labels, host_len) = scan_labels(window)?;
    if host_len > HOST_NAME_MAX_LEN {
        return None;
    }
    let (host, mut tail) = rest.split_at(host_len);
    let mut port_ok = true;
    if let Some(after_colon) = tail.strip_prefix(b":") {
        // The digits and their value in one pass; the value stops growing past the largest port.
        let mut value: u32 = 0;
        let digits = after_colon
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .inspect(|&&c| value = (value * 10 + u32::from(c - b'0')).min(65536))
            .count();
        tail = &after_colon[digits..];
        port_ok = allow_port && digits > 0 && value <= 65535;
    }
    if !matches!(tail.first(), None | Some(b'/' | b'?' | b'#')) {
        return None;
    }
    // A dotted name can only be an IPv4 address if its last label is all digits, and then it is
    // no host name.
    let host_ok = if labels.last_all_digits {
        is_ipv4_bytes(host)
    } else {
        is_hostname_labels(host, &labels)
    };
    Some(host_ok && port_ok && is_path_query_fragment(tail))
}

fn is_authority(authority: &[u8], allow_credentials: bool, allow_port: bool) -> bool {
    let host_port = match authority.iter().position(|&c| c == b'@') {
        Some(at) => {
            if !allow_credentials || !is_userinfo(&authority[..at]) {
                return false;
            }
            &authority[at + 1..]
        }
        None => authority,
    };
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix(b"[") {
        let Some(close) = bracketed.iter().position(|&c| c == b']') else {
            return false;
        };
        let Ok(address) = core::str::from_utf8(&bracketed[..close]) else {
            return false;
        };
        if !is_ipv6(address) {
            return false;
        }
        (None, &bracketed[close + 1..])
    } else {
        let end = host_port
            .iter()
            .position(|&c| c == b':')
            .unwrap_or(host_port.len());
        (Some(&host_port[..end]), &host_port[end..])
    };
    // Only a host that ends with a digit can be an IPv4 address; trying the others would only
    // cost time, as the name check refuses an all-digit last label anyway.
    let host_ok = host.is_none_or(|host| {
        host.last().is_some_and(u8::is_ascii_digit) && is_ipv4_bytes(host)
            || is_hostname_bytes(host)
    });
    host_ok && (port.is_empty() || allow_port && port.strip_prefix(b":").is_some_and(is_port))
}

/// `*( unreserved / pct-encoded / sub-delims / ":" )`
fn is_userinfo(userinfo: &[u8]) -> bool {
    all_allowed(userinfo, |c| {
        is_unreserved(c) || is_sub_delim(c) || c == b':'
    })
}

/// One or more digits with a value of at most 65535 (leading zeros are allowed by RFC 3986).
fn is_port(port: &[u8]) -> bool {
    let mut value: u32 = 0;
    for &c in port {
        if !c.is_ascii_digit() {
            return false;
        }
        value = value * 10 + u32::from(c - b'0');
        if value > 65535 {
            return false;
        }
    }
    !port.is_empty()
}

/// `path-abempty [ "?" query ] [ "#" fragment ]`
fn is_path_query_fragment(tail: &[u8]) -> bool {
    // One pass: path characters, `/` and `?` everywhere (the first `?` starts the query, which
    // takes the same bytes), one `#` (it starts the fragment), and `%` only as `%HH`.
    let mut in_fragment = false;
    let mut i = 0;
    loop {
        i = skip(&PATH, tail, i);
        let Some(&c) = tail.get(i) else {
            return true;
        };
        match c {
            b'#' if !in_fragment => {
                in_fragment = true;
                i += 1;
            }
            // `%HH`; escapes tend to come in runs (`%E2%82%AC`), so those that follow are taken
            // here rather than after another call to `skip`.
            b'%' => loop {
                match tail.get(i + 1..i + 3) {
                    Some(&[h, l]) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => i += 3,
                    _ => return false,
                }
                if tail.get(i) != Some(&b'%') {
                    break;
                }
            },
            _ => return false,
        }
    }
}

/// `pchar`, `/` and `?` (RFC 3986): the bytes a path, query or fragment takes without escaping.
static PATH: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
                    | b'?'
            );
        b += 1;
    }
    table
};

fn all_allowed(part: &[u8], allowed: impl Fn(u8) -> bool) -> bool {
    let mut i = 0;
    while let Some(&c) = part.get(i) {
        if c == b'%' {
            match part.get(i + 1..i + 3) {
                Some([h, l]) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => i += 3,
                _ => return false,
            }
        } else if allowed(c) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// `pchar` less `pct-encoded`: `unreserved / sub-delims / ":" / "@"`
fn is_unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
}

fn is_sub_delim(c: u8) -> bool {
    matches!(
        c,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}
