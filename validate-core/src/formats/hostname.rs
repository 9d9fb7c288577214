use super::a_label::is_valid_a_label;

/// Longest host name in its text form (RFC 1035: 255 octets on the wire, 253 as text).
pub(super) const MAX_LEN: usize = 253;
/// Longest label (RFC 1035).
pub(super) const MAX_LABEL_LEN: usize = 63;

/// What a scan of a dotted name of LDH labels found.
pub(super) struct Labels {
    pub(super) count: usize,
    pub(super) last_all_digits: bool,
    pub(super) last_hex_number: bool,
    pub(super) has_a_label: bool,
}

/// Scans `name` as labels of ASCII letters, digits and inner hyphens, 1 to 63 bytes each, separated
/// by single dots (so no leading, trailing or doubled dot). `None` when `name` is not such a name.
#[inline]
pub(super) fn scan_ldh(name: &[u8]) -> Option<Labels> {
    let (labels, end) = scan_labels(name)?;
    (end == name.len()).then_some(labels)
}

/// Scans the longest prefix of `bytes` made of letters, digits, hyphens and dots as [`scan_ldh`]
/// does, and returns what it found with the length of that prefix; `None` when the prefix is not
/// a dotted name of valid labels. The URL parser uses the length to find where a plain host ends.
// Always inlined: what it finds then stays in registers, and its callers' checks fold into it.
#[inline(always)]
pub(super) fn scan_labels(bytes: &[u8]) -> Option<(Labels, usize)> {
    // Labels seen, the current one included.
    let mut count = 1;
    let mut has_a_label = false;
    // The start of the current label, and the position after its last hyphen (0: none yet).
    let mut start = 0;
    let mut after_hyphen = 0;
    let mut i = 0;
    // Letters and digits, the bulk of a name, cost a table lookup each; hyphens and dots break
    // the run, and a label's checks run at its dot.
    let end = loop {
        i = skip(&ALNUM, bytes, i);
        match bytes.get(i) {
            Some(b'.') if is_label(start, i, after_hyphen) => {
                count += 1;
                i += 1;
                start = i;
            }
            Some(b'-') if i > start => {
                // Hyphens in the third and fourth positions mark a reserved label (RFC 5890
                // §2.3.1), of which only `xn--`, an A-label, has a meaning.
                if i == start + 3 && bytes[i - 1] == b'-' {
                    if !is_a_label(&bytes[start..]) {
                        return None;
                    }
                    has_a_label = true;
                }
                i += 1;
                after_hyphen = i;
            }
            Some(b'-' | b'.') => return None,
            _ => break i,
        }
    };
    if !is_label(start, end, after_hyphen) {
        return None;
    }
    // Only the last label's digits matter (RFC 1123 §2.1), so only it is looked at again, and only
    // when it starts with a digit, as a number or a hex number (`0x…`) must.
    let (last_all_digits, last_hex_number) = match bytes.get(start) {
        Some(b'0'..=b'9') => {
            let last = bytes.get(start..end).unwrap_or_default();
            (last.iter().all(u8::is_ascii_digit), is_hex_number(last))
        }
        _ => (false, false),
    };
    let labels = Labels {
        count,
        last_all_digits,
        last_hex_number,
        has_a_label,
    };
    Some((labels, end))
}

/// Whether the label from `start` to `end`, with its last hyphen before `after_hyphen`, has 1 to 63
/// bytes and does not end with a hyphen (a leading hyphen is refused where it is met).
fn is_label(start: usize, end: usize, after_hyphen: usize) -> bool {
    (1..=MAX_LABEL_LEN).contains(&(end - start)) && after_hyphen != end
}

/// The end of the run of bytes from `i` on that `table` allows.
#[inline]
pub(super) fn skip(table: &[bool; 256], bytes: &[u8], mut i: usize) -> usize {
    // Four bytes a step: one bounds check for four lookups.
    while let Some(&[a, b, c, d]) = bytes.get(i..i + 4) {
        if !table[usize::from(a)] {
            return i;
        }
        if !table[usize::from(b)] {
            return i + 1;
        }
        if !table[usize::from(c)] {
            return i + 2;
        }
        if !table[usize::from(d)] {
            return i + 3;
        }
        i += 4;
    }
    // At most three bytes are left.
    while let Some(&c) = bytes.get(i) {
        if !table[usize::from(c)] {
            break;
        }
        i += 1;
    }
    i
}

/// ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
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

/// Whether `s` is a host name per RFC 1123: dot-separated labels of ASCII letters, digits and inner
/// hyphens, each 1 to 63 characters, at most 253 characters in all, case-insensitive.
///
/// - A single label (`localhost`) is a host name; a trailing dot (`example.com.`) is not accepted.
/// - Labels may be all digits (`3com.com`, `123.example`) except the last: RFC 1123 §2.1 relies on the
///   top-level label being alphabetic to tell names from dotted-decimal addresses, so `192.168.0.1`,
///   `127.1` and `0x7f` (which `inet_aton` and the WHATWG URL parser read as IPv4 addresses) are
///   rejected. Use [`is_ip`](super::is_ip) for addresses.
/// - Labels starting with `xn--` must be A-labels: Punycode that decodes to a U-label IDNA2008
///   allows (RFC 5891 §5.4), which refuses symbols and emoji, and the characters allowed only in
///   context, such as MIDDLE DOT (only in `l·l`), outside it. Other labels with hyphens in the
///   third and fourth positions (`ab--cd`) are reserved and refused (RFC 5890 §2.3.1).
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
/// assert!(!is_hostname("xn--l-fda")); // `·l`: MIDDLE DOT with no `l` before it
/// assert!(!is_hostname("ab--cd.example"));
/// ```
#[must_use]
pub fn is_hostname(s: &str) -> bool {
    is_hostname_bytes(s.as_bytes())
}

/// [`is_hostname`] on bytes; any byte outside ASCII letters, digits, `-` and `.` fails.
pub(super) fn is_hostname_bytes(bytes: &[u8]) -> bool {
    // A name of at most 63 bytes has no longer label; what the automaton accepts the exact scan
    // would too, and the rest is left to that scan.
    is_hostname_fast(bytes) || is_hostname_exact(bytes)
}

/// The fast path of [`is_hostname`]: `true` only for names the exact scan accepts.
#[inline(always)]
pub fn is_hostname_fast(bytes: &[u8]) -> bool {
    bytes.len() <= MAX_LABEL_LEN && run_packed(&HOST_ROWS, packed(LABEL), bytes) == packed(NAME)
}

/// [`is_hostname`](super::is_hostname) without the fast path. Out of line, so that the fast path needs no
/// registers saved.
#[inline(never)]
pub fn is_hostname_exact(bytes: &[u8]) -> bool {
    // The length first, so that a huge input fails at once.
    bytes.len() <= MAX_LEN
        && scan_ldh(bytes).is_some_and(|labels| is_hostname_labels(bytes, &labels))
}

/// The checks of [`is_hostname`] left once `scan_ldh(name)` found `labels`.
pub(super) fn is_hostname_labels(name: &[u8], labels: &Labels) -> bool {
    // The scan accepts no empty name, so only the upper bound is left to check.
    name.len() <= MAX_LEN
        && !labels.last_all_digits
        && !labels.last_hex_number
        && (!labels.has_a_label || are_valid_a_labels(name))
}

/// Whether every `xn--` label of `name` is a valid A-label. Out of line: IDNA is rarely needed
/// and would otherwise weigh on the common path.
#[inline(never)]
pub(super) fn are_valid_a_labels(name: &[u8]) -> bool {
    name.split(|&b| b == b'.')
        .filter(|label| is_a_label(label))
        .all(is_valid_a_label)
}

/// Byte classes of the automata behind the fast paths of [`is_hostname`],
/// [`is_email_with`](super::is_email_with) and [`is_url_with`](super::is_url_with).
pub(super) mod class {
    pub(in crate::formats) const OTHER: u8 = 0;
    pub(in crate::formats) const HEX_LETTER: u8 = 1;
    pub(in crate::formats) const LETTER: u8 = 2;
    pub(in crate::formats) const DIGIT: u8 = 3;
    pub(in crate::formats) const HYPHEN: u8 = 4;
    pub(in crate::formats) const DOT: u8 = 5;
    pub(in crate::formats) const AT: u8 = 6;
    pub(in crate::formats) const COLON: u8 = 7;
    pub(in crate::formats) const SLASH: u8 = 8;
    pub(in crate::formats) const QUESTION: u8 = 9;
    pub(in crate::formats) const HASH: u8 = 10;
    pub(in crate::formats) const PERCENT: u8 = 11;
    /// `!$&'*+=_~`: in both `atext` and `pchar`.
    pub(in crate::formats) const SHARED: u8 = 12;
    /// ``^`{|}``: in `atext` only.
    pub(in crate::formats) const ATEXT: u8 = 13;
    /// `(),;`: in `pchar` only.
    pub(in crate::formats) const PCHAR: u8 = 14;

    pub(in crate::formats) const fn of(b: u8) -> u8 {
        match b {
            b'a'..=b'f' | b'A'..=b'F' => HEX_LETTER,
            b'g'..=b'z' | b'G'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'-' => HYPHEN,
            b'.' => DOT,
            b'@' => AT,
            b':' => COLON,
            b'/' => SLASH,
            b'?' => QUESTION,
            b'#' => HASH,
            b'%' => PERCENT,
            b'!' | b'$' | b'&' | b'\'' | b'*' | b'+' | b'=' | b'_' | b'~' => SHARED,
            b'^' | b'`' | b'{' | b'|' | b'}' => ATEXT,
            b'(' | b')' | b',' | b';' => PCHAR,
            _ => OTHER,
        }
    }

    pub(in crate::formats) const fn is_alnum(class: u8) -> bool {
        matches!(class, HEX_LETTER | LETTER | DIGIT)
    }
}

// States of the host name automaton, numbered in sixteens (`packed` renumbers them); 0 is dead.

/// At the start of a label.
pub(super) const LABEL: u8 = 0x10;
/// In a label that starts with a letter or has a hyphen: never a number or a hex number, so it may
/// end a name.
pub(super) const NAME: u8 = 0x20;
/// In a label that starts with a digit and has no hyphen: it may be a number, so it is left to the
/// exact scan if it ends the name.
pub(super) const NUMBER: u8 = 0x30;
/// Just after a hyphen.
pub(super) const HYPHEN: u8 = 0x40;

/// The host name automaton: labels of letters, digits and inner hyphens between single dots.
/// Two hyphens in a row (as in an `xn--` prefix) are left to the exact scan.
pub(super) const fn host_step(state: u8, class: u8) -> u8 {
    match (state, class) {
        (LABEL, class::HEX_LETTER | class::LETTER) => NAME,
        (LABEL, class::DIGIT) => NUMBER,
        (NAME | HYPHEN, c) if class::is_alnum(c) => NAME,
        (NUMBER, c) if class::is_alnum(c) => NUMBER,
        (NAME | NUMBER, class::HYPHEN) => HYPHEN,
        (NAME | NUMBER, class::DOT) => LABEL,
        _ => 0,
    }
}

/// The state an automaton of at most ten states reaches from `state` over `bytes`: `rows[b]`
/// packs, for each state `s` (a multiple of 6 below 60; 0 is dead), the state after `b` in its
/// bits `s..s + 6`.
///
/// The fast paths run automata: no branch on the bytes, where the exact scans branch at every
/// label, dot and hyphen, which mispredicts on fresh input. Packed, the next state is one shift
/// away, where a table of next states would wait for a load at every byte.
#[inline(always)]
pub(super) fn run_packed(rows: &[u64; 256], state: u64, bytes: &[u8]) -> u64 {
    let step = |state: u64, &b: &u8| rows[usize::from(b)].wrapping_shr(state as u32);
    let mut chunks = bytes.chunks_exact(4);
    let state = (&mut chunks).fold(state, |state, chunk| chunk.iter().fold(state, step));
    chunks.remainder().iter().fold(state, step) & 63
}

/// A state of `host_step` in `run_packed`'s numbering.
pub(super) const fn packed(state: u8) -> u64 {
    6 * (state as u64 >> 4)
}

static HOST_ROWS: [u64; 256] = {
    let mut rows = [0; 256];
    let mut b = 0;
    while b < 256 {
        let mut state = LABEL;
        while state <= HYPHEN {
            let next = host_step(state, class::of(b as u8));
            rows[b] |= packed(next) << packed(state);
            state += 0x10;
        }
        b += 1;
    }
    rows
};
